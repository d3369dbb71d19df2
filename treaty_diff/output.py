"""Writing reports: atomically, never over an input, never inside the package, never leaving a partial file behind.

A regular file (or a path that does not exist yet) is written through a
temporary file in the same folder and renamed into place. A symbolic link is
followed: the file it points to is replaced, the link stays. A target that is
not a regular file (``/dev/null``, a named pipe, a terminal) is written
directly, since it cannot be replaced. A read-only file is refused.

What may not be written is decided on the resolved path (symbolic links
followed) and on the file's identity (device and inode, so a hard link is
caught too): none of the files being read (``inputs``), nothing inside the
``protected`` folders (the installed package and its bundled drafts). The
caller says which files and folders these are
(:func:`treaty_diff.read.corpus.input_files`, :func:`treaty_diff.read.corpus.package_folders`).

The temporary file is removed whatever stops the write, an interruption
(Ctrl-C, or SIGTERM turned into an exception by the CLI) included.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from treaty_diff.errors import OutputError


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.is_relative_to(Path(os.path.realpath(folder)))
    except (OSError, ValueError):
        return False


def input_named(target: Path, inputs: Iterable[str | Path]) -> str | None:
    """The input (as named) that ``target`` is, by identity (after symbolic links), or None."""
    for name in inputs:
        if _same_file(target, Path(name)):
            return str(name)
    return None


def stream_is_input(descriptor: int, inputs: Iterable[str | Path]) -> str | None:
    """The input (as named) that an open file descriptor (stdout redirected with ``>>``) writes to, or None."""
    try:
        opened = os.fstat(descriptor)
    except OSError:
        return None
    if not stat.S_ISREG(opened.st_mode):
        return None
    for name in inputs:
        try:
            found = os.stat(name)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (opened.st_dev, opened.st_ino):
            return str(name)
    return None


def write_atomic(target: str, data: str | bytes | Iterable[str | bytes], inputs: Iterable[str | Path] = (),
                 protected: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``target`` (see the module doc); OutputError names the target on any failure.

    ``data`` may come in pieces (a renderer's :meth:`~treaty_diff.render.base.Renderer.chunks`), written as they come.

    Refuses to overwrite any of ``inputs`` (the files being read) or to write inside ``protected`` folders.
    """
    if not target:
        raise OutputError("''", "empty output file name")
    payload = pieces(data)
    try:
        path = Path(os.path.realpath(target))
        if input_named(path, inputs) is not None:
            raise OutputError(target, "refusing to overwrite an input file")
        for folder in protected:
            if _inside(path, folder):
                raise OutputError(target, f"refusing to write inside the treaty-diff package ({folder}); "
                                          "write the report somewhere else")
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
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            for piece in payload:
                stream.write(piece)
            stream.flush()
            os.fsync(stream.fileno())
        if existing is not None:
            os.chmod(temporary, stat.S_IMODE(existing.st_mode))
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        raise OutputError(target, f"cannot write: {error.strerror or error}") from None
    finally:  # also when interrupted: no partial file is left beside the output
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def pieces(data: str | bytes | Iterable[str | bytes]) -> Iterator[bytes]:
    """The bytes to write, piece by piece (text in UTF-8)."""
    for piece in (data,) if isinstance(data, (str, bytes)) else data:
        yield piece.encode("utf-8") if isinstance(piece, str) else piece


def _write_directly(target: str, path: Path, payload: Iterable[bytes]) -> None:
    """A device or a pipe: it cannot be replaced, only written to."""
    try:
        with path.open("wb") as stream:
            for piece in payload:
                stream.write(piece)
    except OSError as error:
        raise OutputError(target, f"cannot write: {error.strerror or error}") from None


__all__ = ["input_named", "stream_is_input", "write_atomic"]
