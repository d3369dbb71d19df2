"""A PDF file opened with PDFium (the ``pypdfium2`` binding), as hostile input, and its text layer read as glyphs.

This is the only module that knows the PDF library; the layout work
(:mod:`.pdf_lines`, :mod:`.pdf_furniture`, :mod:`.pdf_paragraphs`) reads the
plain values it gives: each page's size, its :class:`Glyph` values (a character
with its box, in points from the top left corner of the page), its horizontal
rules (footnote separators) and whether it shows images.

- **Refused** (one :class:`~treaty_diff.errors.InputError`, nothing else read):
  a file larger than :data:`MAX_PDF_BYTES` (from its size, before reading; the
  read is :func:`treaty_diff.read.safe.read_limited`); bytes that are not a PDF
  or that have no end-of-file marker in their last 2 KB (a truncated or damaged
  file); a PDF that needs a password; one with JavaScript (a document that runs
  code is not a plain text to import; nothing in it is ever run); more than
  :data:`MAX_PAGES` pages; more than :data:`MAX_CHARS` characters in all; a page
  PDFium cannot load (a broken or looping page tree).
- **Read**: every page's characters in PDFium's order, each with its loose box
  (the font's ascent to descent, which is what lines are found by), its font
  size and weight, and the hyphens at line ends that a Tagged PDF marks as soft
  (added by the layout).

Why PDFium: it is the engine of Chromium's PDF viewer (fuzzed continuously), it
installs from a binary wheel with no system library, it reads the text layer of
a 300-page document 14-81 times faster than pdfminer.six and pdfplumber, and
its spacing and ligatures are right where theirs are not (docs/performance.md,
"PDF import").
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as raw  # type: ignore[import-untyped]

from treaty_diff.errors import InputError
from treaty_diff.read.safe import read_limited

#: Largest PDF file read (bytes on disk). The official texts are well under 10 MB; scanned ones are refused anyway.
MAX_PDF_BYTES = 100 * 1024 * 1024
#: Most pages a PDF may have (the longest treaties, UNCLOS with its annexes, have about 200).
MAX_PAGES = 3000
#: Most characters read from all the pages together (about 10 MB of text, the limit of a text file).
MAX_CHARS = 10_000_000
#: Most path objects looked at on one page for footnote separators (a page of vector drawing has thousands).
MAX_PATHS_PER_PAGE = 2000
#: Most elements of a page's structure tree looked at for soft hyphens (a loop in the tree stops here).
MAX_STRUCTURE_ELEMENTS = 20_000

_JAVASCRIPT = re.compile(rb"/(?:JavaScript|JS)\b")
_BOLD_WEIGHT = 600
_BOLD = re.compile(rb"bold|black|heavy|semibold|demi", re.IGNORECASE)
_MARKS = frozenset("0123456789*†‡§¶")


class Glyph(NamedTuple):
    """One character of the text layer: its text and loose box (points, from the page's top left corner).

    ``size`` is the font size in points; ``soft`` marks a hyphen that the
    producer says the layout added (a soft hyphen at a line end); ``bold`` says
    whether the font is bold. Size and weight are looked at on the first
    character of each word and on digits and note signs (which may be raised
    marks) and the character after them; the others have those of the
    character before them.
    """

    char: str
    left: float
    right: float
    top: float
    bottom: float
    size: float = 0.0
    soft: bool = False
    bold: bool = False

    @property
    def height(self) -> float:
        return self.bottom - self.top


_SPACE = Glyph(" ", 0.0, 0.0, 0.0, 0.0)
_NEWLINE = Glyph("\n", 0.0, 0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Rule:
    """A horizontal line drawn on the page (a footnote separator is one): its ends and height on the page."""

    left: float
    right: float
    y: float


@dataclass(frozen=True)
class PageGlyphs:
    """One page: its number (from 1), size in points, glyphs in PDFium's order, rules, and images shown."""

    number: int
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    rules: tuple[Rule, ...]
    images: int


@dataclass
class PdfFile:
    """An open PDF: its page count and whether it is encrypted with an owner password only."""

    document: Any
    location: str
    pages: int
    restricted: bool

    def read_pages(self) -> Iterator[PageGlyphs]:
        """The pages in order; InputError for a page PDFium cannot load or when the text passes :data:`MAX_CHARS`."""
        total = 0
        hyphens = _Hyphens()
        for index in range(self.pages):
            page = _page(self.document, index, self.location)
            total += page.count
            if total > MAX_CHARS:
                raise InputError(self.location, f"too much text: more than {MAX_CHARS} characters by page "
                                                f"{index + 1} (the limit for a PDF)")
            yield page.read(hyphens)


@dataclass
class _Hyphens:
    """Which hyphens at line ends a document marks as soft (see :func:`_glyphs`), learnt as its pages are read.

    The structure tree says it (an element whose ActualText is U+00AD), but walking it costs a few milliseconds a
    page. Such an element holds the hyphen alone, so its marked content holds nothing else: where, on the first
    :data:`LEARN` pages with soft hyphens, a hyphen is soft exactly when its marked content is its own, that
    cheaper test is used for the other pages. A document whose first pages with hyphens mark none is taken to
    mark none.
    """

    LEARN = 3
    mode: str = "learn"  # "learn": walk the tree and check the cheap test; "own": the cheap test; "none"; "tree"
    agreed: int = 0
    unmarked: int = 0

    def soft(self, page: Any, text: Any, indexes: list[int]) -> set[int]:
        """Of the page's hyphens at line ends (their character indexes), the soft ones."""
        if not indexes or self.mode == "none":
            return set()
        own = {i for i in indexes if _own_marked_content(text, i)}
        if self.mode == "own":
            return own
        ids = _soft_hyphen_ids(page)
        soft = {i for i in indexes if raw.FPDFPageObj_GetMarkedContentID(raw.FPDFText_GetTextObject(text, i)) in ids}
        if self.mode == "learn":
            if not soft:
                self.unmarked += 1
                if self.unmarked >= self.LEARN and not self.agreed:
                    self.mode = "none"
            elif soft == own:
                self.agreed += 1
                if self.agreed >= self.LEARN:
                    self.mode = "own"
            else:
                self.mode = "tree"
        return soft


def _own_marked_content(text: Any, index: int) -> bool:
    """Whether the character is alone in its marked content (its neighbours' is another, or none)."""
    mcid = raw.FPDFPageObj_GetMarkedContentID(raw.FPDFText_GetTextObject(text, index))
    if mcid < 0:
        return False
    count = raw.FPDFText_CountChars(text)
    for neighbour in (index - 1, index + 1):
        while 0 <= neighbour < count and raw.FPDFText_IsGenerated(text, neighbour):
            neighbour += -1 if neighbour < index else 1
        if 0 <= neighbour < count:
            obj = raw.FPDFText_GetTextObject(text, neighbour)
            if obj and raw.FPDFPageObj_GetMarkedContentID(obj) == mcid:
                return False
    return True


@contextmanager
def open_pdf(path: Path, location: str) -> Iterator[PdfFile]:
    """Open a PDF file for reading its pages; InputError for one that is not a readable, plain PDF."""
    data = read_limited(path, location, MAX_PDF_BYTES, "a PDF file")
    if b"%PDF-" not in data[:1024]:
        raise InputError(location, "not a PDF file (it does not start with %PDF-)")
    if b"%%EOF" not in data[-2048:]:
        raise InputError(location, "damaged or truncated PDF: it does not end with an end-of-file marker (%%EOF)")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise InputError(location, _load_error(getattr(error, "err_code", None))) from None
    try:
        if raw.FPDFDoc_GetJavaScriptActionCount(document) > 0 or _JAVASCRIPT.search(data):
            raise InputError(location, "the PDF contains JavaScript; it is refused (nothing in it is run); print it "
                                       "to a new PDF without scripts, or export its text")
        pages = raw.FPDF_GetPageCount(document)
        if pages > MAX_PAGES:
            raise InputError(location, f"too many pages ({pages}; the limit for a PDF is {MAX_PAGES})")
        if pages <= 0:
            raise InputError(location, "the PDF has no page (its page tree is empty or damaged)")
        restricted = raw.FPDF_GetSecurityHandlerRevision(document) != -1
        yield PdfFile(document, location, pages, restricted)
    finally:
        document.close()


def _load_error(code: int | None) -> str:
    if code == raw.FPDF_ERR_PASSWORD:
        return "encrypted PDF: it needs a password to be opened; save an unencrypted copy and import that"
    if code == raw.FPDF_ERR_SECURITY:
        return "encrypted PDF with a security handler that cannot be read; save an unencrypted copy"
    if code == raw.FPDF_ERR_FORMAT:
        return "not a readable PDF: damaged, or not a PDF"
    return "not a readable PDF"


@dataclass
class _Page:
    """A loaded page and its text page (closed once read)."""

    page: Any
    text: Any
    number: int
    count: int

    def read(self, hyphens: _Hyphens) -> PageGlyphs:
        try:
            width, height = self.page.get_size()
            glyphs = _glyphs(self.page, self.text, self.count, height, hyphens)
            rules, images = _objects(self.page, height)
            return PageGlyphs(self.number, width, height, glyphs, rules, images)
        finally:
            self.text.close()
            self.page.close()


def _page(document: Any, index: int, location: str) -> _Page:
    try:
        page = document[index]
        text = page.get_textpage()
    except (pdfium.PdfiumError, IndexError):
        raise InputError(location, f"page {index + 1} cannot be read: the PDF is damaged (its page tree is broken "
                                   "or loops)") from None
    count = raw.FPDFText_CountChars(text)
    return _Page(page, text, index + 1, max(count, 0))


def _glyphs(page: Any, text: Any, count: int, height: float, hyphens: _Hyphens) -> tuple[Glyph, ...]:
    """The page's characters with their loose boxes, in PDFium's order (spaces and line ends without a box).

    PDFium reports every hyphen at a line end as U+0002, the word's own as well as the layout's; a Tagged PDF
    (as LibreOffice and Word write them) marks the layout's with the ActualText U+00AD (soft hyphen) on its
    structure element, and only those are taken as soft (:class:`_Hyphens`).
    """
    if count == 0:
        return ()
    buffer = ctypes.create_string_buffer(count * 2 + 2)
    raw.FPDFText_GetText(text, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    chars = buffer.raw[: count * 2].decode("utf-16-le", "surrogatepass")
    rect = raw.FS_RECTF()
    name = ctypes.create_string_buffer(128)
    out: list[Glyph] = []
    append = out.append
    loose = raw.FPDFText_GetLooseCharBox
    look = True
    size = 0.0
    bold = False
    line_ends: dict[int, int] = {}  # a hyphen at a line end: its place in ``out`` -> its character index
    for index in range(min(count, len(chars))):
        char = chars[index]
        if char in " \r\n\t\u00a0":
            append(_NEWLINE if char in "\r\n" else _SPACE)
            look = True
            continue
        if char == "\ufffe":  # PDFium's text for a soft hyphen at a line end (its unicode is U+0002)
            char = "\x02"
        if not loose(text, index, rect):
            continue
        mark = char in _MARKS
        if look or mark:
            size = raw.FPDFText_GetFontSize(text, index)
            raw.FPDFText_GetFontInfo(text, index, name, len(name), None)
            bold = _BOLD.search(name.value) is not None or raw.FPDFText_GetFontWeight(text, index) >= _BOLD_WEIGHT
        if char == "\x02":  # a hyphen at a line end: soft only if the structure says so (below)
            line_ends[len(out)] = index
            char = "-"
        append(Glyph(char, rect.left, rect.right, height - rect.top, height - rect.bottom, size, char == "\u00ad",
                     bold))
        look = mark
    if line_ends:
        soft = hyphens.soft(page, text, list(line_ends.values()))
        for position, index in line_ends.items():
            if index in soft:
                out[position] = out[position]._replace(soft=True)
    return tuple(out)


def _soft_hyphen_ids(page: Any) -> set[int]:
    """The marked-content ids of the page's structure elements whose ActualText is a soft hyphen (Tagged PDF)."""
    found: set[int] = set()
    tree = raw.FPDF_StructTree_GetForPage(page)
    if not tree:
        return found
    buffer = (ctypes.c_ushort * 8)()
    actual_text = raw.FPDF_StructElement_GetActualText
    count_children = raw.FPDF_StructElement_CountChildren
    child_at = raw.FPDF_StructElement_GetChildAtIndex
    size = ctypes.sizeof(buffer)
    try:
        stack = [raw.FPDF_StructTree_GetChildAtIndex(tree, i) for i in range(raw.FPDF_StructTree_CountChildren(tree))]
        visited = 0
        while stack and visited < MAX_STRUCTURE_ELEMENTS:
            element = stack.pop()
            visited += 1
            if not element:
                continue
            length = actual_text(element, buffer, size)
            if length == 4 and buffer[0] == 0xAD:  # "\u00ad" and its terminating NUL, in UTF-16
                found.update(raw.FPDF_StructElement_GetMarkedContentIdAtIndex(element, i)
                             for i in range(raw.FPDF_StructElement_GetMarkedContentIdCount(element)))
            children = count_children(element)
            if children > 0:
                stack += [child_at(element, i) for i in range(min(children, MAX_STRUCTURE_ELEMENTS))]
    finally:
        raw.FPDF_StructTree_Close(tree)
    found.discard(-1)
    return found


def _objects(page: Any, height: float) -> tuple[tuple[Rule, ...], int]:
    """The page's horizontal rules (thin, wide paths) and how many images it shows (top-level objects only)."""
    rules: list[Rule] = []
    images = 0
    paths = 0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, index)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif kind == raw.FPDF_PAGEOBJ_PATH and paths < MAX_PATHS_PER_PAGE:
            paths += 1
            if (raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top) and top.value - bottom.value < 2.0
                    and right.value - left.value > 20.0):
                rules.append(Rule(left.value, right.value, height - (top.value + bottom.value) / 2))
    return tuple(rules), images


__all__ = ["MAX_CHARS", "MAX_PAGES", "MAX_PDF_BYTES", "Glyph", "PageGlyphs", "PdfFile", "Rule", "open_pdf"]
