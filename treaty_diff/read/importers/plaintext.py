"""Plain text files (``.txt``): their bytes to text, the file's header, and the text to paragraphs.

- **Reading.** A file larger than :data:`MAX_TEXT_BYTES` is refused before it
  is read (:func:`read_text_file`).
- **Decoding.** By the byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8,
  else Windows-1252 with a warning; NUL bytes mean a binary file
  (:func:`decode_text`). Line ends are normalised, form feeds and vertical
  tabs read as spaces, and characters that XML forbids refused
  (:func:`check_text`).
- **Header.** A text file may begin with a header of ``# `` lines (the format
  of ``tests/data/sources/``): it is kept out of the text, and its
  ``# verbatim: ...`` and ``# reconstructed: ...`` lines say how the text was
  made (:func:`split_header`).

The text is then split into paragraphs
(:func:`treaty_diff.read.importers.paragraphs.split_paragraphs`) and placed by
the parser (:func:`treaty_diff.read.importers.structure.parse_paragraphs`);
:func:`parse_text` does both for text in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from treaty_diff.errors import InputError
from treaty_diff.model.draft import DraftMeta, Provenance
from treaty_diff.read.importers.options import FORBIDDEN
from treaty_diff.read.importers.paragraphs import Notice, split_paragraphs
from treaty_diff.read.importers.structure import TextImport, parse_paragraphs
from treaty_diff.read.safe import read_limited

#: Largest text file imported (bytes). The longest treaties (UNCLOS) are about 1.5 MB of text. The draft made from
#: a text is 1.5 to 3 times its size as Akoma Ntoso, and must fit a draft file (20 MiB, ``read.akn.reader.MAX_BYTES``).
MAX_TEXT_BYTES = 5 * 1024 * 1024

_HEADER_LINE = re.compile(r"#(?:[ \t].*)?")
_HEADER_VERBATIM = re.compile(r"#\s*verbatim\s*:", re.IGNORECASE)
_HEADER_RECONSTRUCTED = re.compile(r"#\s*reconstructed\s*:", re.IGNORECASE)
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


@dataclass(frozen=True)
class Header:
    """The leading ``# `` lines of a text file (the project's source format): notes about the text, not text.

    ``verbatim`` and ``reconstructed`` say whether a ``# verbatim: ...`` or a
    ``# reconstructed: ...`` line is present; which parts such a line covers is
    free-form prose and is not read.
    """

    lines: tuple[str, ...] = ()

    @property
    def verbatim(self) -> bool:
        return any(_HEADER_VERBATIM.match(line) for line in self.lines)

    @property
    def reconstructed(self) -> bool:
        return any(_HEADER_RECONSTRUCTED.match(line) for line in self.lines)


def split_header(text: str) -> tuple[Header, str]:
    """The header (the lines at the very start that are ``#`` or start with ``# ``) and the text without it.

    The header's lines are left blank in the text, so that line numbers in messages stay those of the file.
    """
    lines = text.split("\n")
    count = 0
    while count < len(lines) and _HEADER_LINE.fullmatch(lines[count]):
        count += 1
    if not count:
        return Header(), text
    return Header(tuple(lines[:count])), "\n" * count + "\n".join(lines[count:])


def read_text_file(path: Path, location: str) -> bytes:
    """The bytes of a regular text file of at most :data:`MAX_TEXT_BYTES` (refused from its size, before reading;
    the one bounded read of :func:`treaty_diff.read.safe.read_limited`)."""
    return read_limited(path, location, MAX_TEXT_BYTES, "a text file")


def decode_text(data: bytes, location: str) -> tuple[str, list[Notice]]:
    """Decode a text file: by its byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8, else Windows-1252.

    Windows-1252 (a superset of Latin-1 for printable characters) is used only
    when the bytes are not valid UTF-8, with a warning naming the first line
    that is not; bytes that are neither raise InputError. NUL bytes without a
    byte-order mark mean a binary file (or UTF-16 without a mark): InputError.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), []
            except UnicodeDecodeError as error:
                line = data[: len(bom) + error.start].count(b"\n") + 1 if "8" in codec else None
                raise InputError(location, f"not valid {label} text although it starts with a {label} byte-order "
                                           f"mark ({error.reason} at byte {len(bom) + error.start})", line) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(location, "contains NUL bytes: a binary file, not text (UTF-16 text needs a byte-order "
                                   "mark)", data[:nul].count(b"\n") + 1)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        bad = data[: error.start].count(b"\n") + 1
        raise InputError(location, f"neither UTF-8 nor Windows-1252 (Latin-1) text: byte 0x{data[error.start]:02x} "
                                   "cannot be read; save the file as UTF-8", bad) from None
    return text, [Notice("not valid UTF-8; read as Windows-1252 (Latin-1). Check accented letters and quotes, or "
                         "save the file as UTF-8", line)]


def check_text(text: str, location: str) -> str:
    """Normalise line ends, read form feeds and vertical tabs as spaces, refuse characters that XML forbids."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", " ").replace("\v", " ")
    bad = FORBIDDEN.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise InputError(location, f"control character U+{ord(bad.group()):04X} is not allowed in a draft "
                                   "(XML forbids it); remove it", line)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def parse_text(text: str, meta: DraftMeta, provenance: Provenance, origin: str = "") -> TextImport:
    """Parse a treaty's plain text. Every block gets ``provenance``; see :mod:`.structure` for the rules."""
    paragraphs = split_paragraphs(text.replace("\r\n", "\n").replace("\r", "\n"))
    return parse_paragraphs(paragraphs, meta, provenance, origin)


__all__ = [
    "MAX_TEXT_BYTES",
    "Header",
    "check_text",
    "decode_text",
    "parse_text",
    "read_text_file",
    "split_header",
]
