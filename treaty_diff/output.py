"""Writing reports: atomically, never over an input, never leaving a partial file behind.

A regular file (or a path that does not exist yet) is written through a
temporary file in the same folder and renamed into place. A symbolic link is
followed: the file it points to is replaced, the link stays. A target that is
not a regular file (``/dev/null``, a named pipe, a terminal) is written
directly, since it cannot be replaced. A read-only file is refused.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from treaty_diff.errors import OutputError


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def write_atomic(target: str, data: str | bytes, inputs: tuple[str, ...] = ()) -> None:
    """Write ``data`` to ``target`` (see the module doc); OutputError names the target on any failure.

    Refuses to overwrite any of ``inputs`` (the files being read).
    """
    if not target:
        raise OutputError("''", "empty output file name")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path = Path(os.path.realpath(target))
        for name in inputs:
            if _same_file(path, Path(name)):
                raise OutputError(target, "refusing to overwrite an input file")
        existing = path.stat() if path.exists() else None
        if existing is not None and stat.S_ISDIR(existing.st_mode):
            raise OutputError(target, "is a directory")
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            _write_directly(target, path, payload)
            return
        if existing is not None and not existing.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise OutputError(target, "the file is read-only")
        folder = path.parent
        if not folder.is_dir():
            raise OutputError(target, f"cannot write: folder {str(Path(target).parent)!r} does not exist")
    except OSError as error:
        raise OutputError(target, f"cannot write: {error.strerror or error}") from None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(target, f"cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        if existing is not None:
            os.chmod(temporary, stat.S_IMODE(existing.st_mode))
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(target, f"cannot write: {error.strerror or error}") from None


def _write_directly(target: str, path: Path, payload: bytes) -> None:
    """A device or a pipe: it cannot be replaced, only written to."""
    try:
        with path.open("wb") as stream:
            stream.write(payload)
    except OSError as error:
        raise OutputError(target, f"cannot write: {error.strerror or error}") from None
