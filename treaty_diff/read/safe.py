"""Reading untrusted files safely: one hardened XML parser, and one bounded read of a regular file for every reader.

:func:`open_regular` is the one place that decides whether a path may be read: only a regular file (never a
named pipe, a device, a socket or a directory, which are refused without being opened), no larger than the
reader's limit. The file is looked at (``stat``) before it is opened, opened without blocking (a file swapped
for a named pipe in between cannot hang the reader) and checked again once open (the same file, still regular);
:func:`read_limited` then reads at most the limit, so a file that grows while it is read is refused too.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterator
from importlib.abc import Traversable
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from treaty_diff.errors import InputError

_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def hardened_parser() -> etree.XMLParser:
    """No entity expansion, no DTD loading, no network access, no huge trees; comments and PIs dropped."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def too_large(location: str, size: int | None, max_bytes: int, what: str) -> InputError:
    """The one message for a file over its limit ("... the limit for a draft file is 20971520")."""
    shown = f"{size} bytes" if size is not None else f"more than {max_bytes} bytes"
    return InputError(location, f"file too large ({shown}; the limit for {what} is {max_bytes})")


def _refuse_unless_regular(mode: int, location: str, what: str) -> None:
    if stat.S_ISDIR(mode):
        raise InputError(location, f"is a directory, not {what}")
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a file")
        raise InputError(location, f"not a regular file ({kind}): expected {what}")


@contextlib.contextmanager
def open_regular(path: Path, location: str, max_bytes: int, what: str) -> Iterator[BinaryIO]:
    """Open a regular file of at most ``max_bytes`` for reading; InputError (naming ``location``) otherwise.

    ``what`` names the expected content in messages ("a draft file", "a text file").
    """
    try:
        before = os.stat(path)
        _refuse_unless_regular(before.st_mode, location, what)
        if before.st_size > max_bytes:
            raise too_large(location, before.st_size, max_bytes, what)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(location, "no such file") from None
    except PermissionError:
        raise InputError(location, "cannot read the file: permission denied") from None
    except OSError as error:
        raise InputError(location, f"cannot read the file: {error.strerror or error}") from None
    with os.fdopen(descriptor, "rb") as stream:
        try:
            now = os.fstat(descriptor)
        except OSError as error:
            raise InputError(location, f"cannot read the file: {error.strerror or error}") from None
        _refuse_unless_regular(now.st_mode, location, what)
        if (now.st_dev, now.st_ino) != (before.st_dev, before.st_ino):
            raise InputError(location, "the file was replaced while it was being opened; try again")
        if now.st_size > max_bytes:
            raise too_large(location, now.st_size, max_bytes, what)
        yield stream


def read_limited(path: Path, location: str, max_bytes: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (see :func:`open_regular`); InputError otherwise.

    At most ``max_bytes + 1`` bytes are ever read, whatever the file claims to hold.
    """
    with open_regular(path, location, max_bytes, what) as stream:
        try:
            data = stream.read(max_bytes + 1)
        except OSError as error:
            raise InputError(location, f"cannot read the file: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise too_large(location, None, max_bytes, what)
    return data


def read_resource(resource: Traversable, location: str, max_bytes: int, what: str) -> bytes:
    """The bytes of a file shipped in the package (a bundled draft or checklist), read like any other file."""
    if isinstance(resource, Path):
        return read_limited(resource, location, max_bytes, what)
    with resource.open("rb") as stream:  # inside a zip archive: a regular member, read with the same bound
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(location, None, max_bytes, what)
    return data


def parse_untrusted(data: bytes, location: str, max_bytes: int, what: str) -> etree._Element:
    """Parse XML bytes from outside: size limit, no DTD at all (XXE, billion laughs), hardened parser.

    Every problem is one InputError naming ``location`` and, where there is one, the line.
    ``what`` names the document in messages ("a draft", "a checklist").
    """
    if len(data) > max_bytes:
        raise InputError(location, f"document too large ({len(data)} bytes; the limit is {max_bytes})")
    doctype = re.search(rb"<!DOCTYPE", data[:4096], re.IGNORECASE)
    if doctype:
        raise InputError(location, f"document type declarations (DTDs, entities) are not allowed in {what}",
                         data[: doctype.start()].count(b"\n") + 1)
    try:
        root = etree.fromstring(data, hardened_parser())
    except etree.XMLSyntaxError as error:
        line: int | None = error.lineno if error.lineno and error.lineno > 0 else None
        message = re.sub(r"\s+", " ", str(error.msg or error)).strip()
        message = re.sub(r", line \d+, column \d+$", "", message)
        raise InputError(location, f"malformed XML: {message}", line) from None
    if root.getroottree().docinfo.doctype:  # type: ignore[union-attr]
        raise InputError(location, f"document type declarations (DTDs, entities) are not allowed in {what}", 1)
    return root
