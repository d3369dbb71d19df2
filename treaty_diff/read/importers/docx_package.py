"""The ZIP package of a Word document (DOCX): opened and read with limits, as hostile input.

The package is opened with :mod:`zipfile` and only the parts asked for are
read (the DOCX reader asks for the main document, its relationships, the
styles and the numbering definitions). No relationship is ever followed
outside the package: an external target is reported, never opened.

- **Limits.** The file must be a regular file (opened by
  :func:`treaty_diff.read.safe.open_regular`) no larger than :data:`MAX_DOCX_BYTES`.
  Before :mod:`zipfile` reads the package's directory, its end record is read
  (:func:`_directory_size`): the package may not have more than
  :data:`MAX_ENTRIES` entries, nor a directory of more than
  :data:`MAX_DIRECTORY_BYTES`, so a package of 400,000 entries is refused
  before any entry is parsed. A part's declared uncompressed size may not
  exceed :data:`MAX_PART_BYTES`, nor the parts read together
  :data:`MAX_TOTAL_BYTES`; a part is read in chunks and abandoned as soon as the
  bytes actually inflated pass either limit (zip bombs). An encrypted part is
  refused.
- **XML.** Every part is parsed by a hardened lxml parser: no DTD loading, no
  entity expansion, no network, libxml2's default depth and size limits; a
  part with a document type declaration is refused.

The limits are read here, when a package is opened or a part read: to change
one (as the tests do), change it in this module.
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from treaty_diff.errors import InputError
from treaty_diff.read.safe import hardened_parser, open_regular

#: Largest .docx file read (bytes on disk).
MAX_DOCX_BYTES = 50 * 1024 * 1024
#: Largest uncompressed size of one XML part (declared and actual).
MAX_PART_BYTES = 32 * 1024 * 1024
#: Largest uncompressed size of all the parts read together.
MAX_TOTAL_BYTES = 64 * 1024 * 1024
#: Most entries the ZIP package may have.
MAX_ENTRIES = 10_000
#: Largest central directory (the list of entries) of the package: 300 bytes an entry, where a DOCX needs
#: about 100 (an entry's record is 46 bytes and its name).
MAX_DIRECTORY_BYTES = MAX_ENTRIES * 300

_END = b"PK\x05\x06"  # end of central directory record
_END64_LOCATOR = b"PK\x06\x07"
_END64 = b"PK\x06\x06"

_CHUNK = 64 * 1024

PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


@contextmanager
def open_package(path: Path, location: str) -> Iterator[Package]:
    """Open a DOCX file's package for reading its parts; InputError for a file that is not a plausible DOCX."""
    with open_regular(path, location, MAX_DOCX_BYTES, "a .docx") as stream, _opened(stream, location) as archive:
        if len(archive.infolist()) > MAX_ENTRIES:
            raise InputError(location, f"not a plausible DOCX: {len(archive.infolist())} entries in the package "
                                       f"(the limit is {MAX_ENTRIES})")
        yield Package(archive, location)


@contextmanager
def _opened(stream: BinaryIO, location: str) -> Iterator[zipfile.ZipFile]:
    """The ZIP archive of an open file, its size and number of entries checked first (:func:`_directory_size`)."""
    try:
        entries, directory = _directory_size(stream)
        if entries > MAX_ENTRIES:
            raise InputError(location, f"not a plausible DOCX: {entries} entries in the package (the limit is "
                                       f"{MAX_ENTRIES})")
        if directory > MAX_DIRECTORY_BYTES:
            raise InputError(location, f"not a plausible DOCX: its list of entries takes {directory} bytes (the "
                                       f"limit is {MAX_DIRECTORY_BYTES})")
        stream.seek(0)
        archive = zipfile.ZipFile(stream)
    except zipfile.BadZipFile:
        raise InputError(location, "not a DOCX file: it is not a ZIP archive (a .docx is a ZIP package of XML "
                                   "parts)") from None
    except PermissionError:
        raise InputError(location, "cannot read the file: permission denied") from None
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as error:
        raise InputError(location, f"not a readable DOCX file: {error}") from None
    with archive:
        yield archive


def _directory_size(stream: BinaryIO) -> tuple[int, int]:
    """(entries, bytes) of the package's central directory, from the end record that :mod:`zipfile` will use
    (ZIP64 too), read before zipfile parses the directory; (0, 0) without one (zipfile then says it is no ZIP)."""
    stream.seek(0, 2)
    size = stream.tell()
    start = max(0, size - (22 + 65535))  # the end record: 22 bytes and a comment of at most 65535
    stream.seek(start)
    tail = stream.read()
    at = len(tail) - 22  # where zipfile looks first: a record without a comment
    if at < 0 or tail[at : at + 4] != _END or tail[-2:] != b"\0\0":
        at = tail.rfind(_END)
        if at < 0 or len(tail) < at + 22:
            return 0, 0
    _, _, _, entries, directory, _, _ = struct.unpack("<HHHHIIH", tail[at + 4 : at + 22])
    if entries == 0xFFFF or directory == 0xFFFFFFFF:
        # ZIP64: zipfile reads the counts from the ZIP64 end record just before the 20-byte locator.
        stream.seek(max(0, start + at - 76))
        before = stream.read(76)
        if len(before) == 76 and before[56:60] == _END64_LOCATOR and before[:4] == _END64:
            entries, directory = struct.unpack("<QQ", before[32:48])
    return entries, directory


@dataclass
class Package:
    """The ZIP package: reads parts with size caps, parses them with the hardened parser."""

    archive: zipfile.ZipFile
    location: str
    total: int = 0

    def raw(self, name: str) -> bytes | None:
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            return None
        if info.flag_bits & 0x1:
            raise InputError(self.location, f"the DOCX is encrypted (part {name}); save it without a password")
        if info.file_size > MAX_PART_BYTES:
            raise InputError(self.location, f"part {name} declares {info.file_size} bytes uncompressed "
                                            f"(the limit is {MAX_PART_BYTES}); refused as a possible zip bomb")
        if self.total + info.file_size > MAX_TOTAL_BYTES:
            raise InputError(self.location, f"the parts read declare more than {MAX_TOTAL_BYTES} bytes "
                                            "uncompressed; refused as a possible zip bomb")
        chunks: list[bytes] = []
        size = 0
        try:
            with self.archive.open(info) as stream:
                while True:
                    chunk = stream.read(_CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    self.total += len(chunk)
                    if size > MAX_PART_BYTES:
                        raise InputError(self.location, f"part {name} inflates to more than {MAX_PART_BYTES} bytes "
                                                        "(more than it declares); refused as a zip bomb")
                    if self.total > MAX_TOTAL_BYTES:
                        raise InputError(self.location, f"the parts read inflate to more than {MAX_TOTAL_BYTES} "
                                                        "bytes; refused as a possible zip bomb")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError,
                ValueError) as error:
            raise InputError(self.location, f"damaged DOCX: cannot read part {name}: {error}") from None
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element | None:
        data = self.raw(name)
        if data is None:
            return None
        if re.search(rb"<!DOCTYPE", data, re.IGNORECASE):
            raise InputError(self.location, f"part {name} has a document type declaration (DTD); refused")
        try:
            root = etree.fromstring(data, hardened_parser())
        except etree.XMLSyntaxError as error:
            message = re.sub(r"\s+", " ", str(error.msg or error)).strip()
            raise InputError(self.location, f"damaged DOCX: part {name} is not well-formed XML: {message}") from None
        if root.getroottree().docinfo.doctype:  # type: ignore[union-attr]
            raise InputError(self.location, f"part {name} has a document type declaration (DTD); refused")
        return root

    def relationships(self, source: str) -> list[tuple[str, str, str, bool]]:
        """(id, type, target, external) of a part's relationships; internal targets resolved to part names."""
        folder, base = posixpath.split(source)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        if root is None:
            return []
        found = []
        for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
            target = rel.get("Target", "")
            external = rel.get("TargetMode", "") == "External"
            if not external:
                target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found.append((rel.get("Id", ""), rel.get("Type", "").rsplit("/", 1)[-1], target, external))
        return found


__all__ = ["MAX_DOCX_BYTES", "MAX_ENTRIES", "MAX_PART_BYTES", "MAX_TOTAL_BYTES", "Package", "open_package"]
