"""Writing reports: atomically, never over an input, never leaving a partial file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from treaty_diff.errors import OutputError


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def write_atomic(target: str, data: str | bytes, inputs: tuple[str, ...] = ()) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder, then rename it into place.

    Refuses to overwrite any of ``inputs`` (the drafts being read). On any
    failure the temporary file is removed and OutputError names the target.
    """
    path = Path(target)
    for name in inputs:
        if _same_file(path, Path(name)):
            raise OutputError(target, "refusing to overwrite an input file")
    if path.is_dir():
        raise OutputError(target, "is a directory")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(target, f"cannot write: folder {str(folder)!r} does not exist")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(target, f"cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(target, f"cannot write: {error.strerror or error}") from None
