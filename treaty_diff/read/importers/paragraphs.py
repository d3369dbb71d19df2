"""Paragraphs: what the readers (plain text, DOCX) hand to the parser, and how lines become paragraphs.

Every reader turns its input into :class:`Paragraph` values (text, where it
starts, hints from a DOCX) and reports what it could not place as a
:class:`Notice`; :func:`treaty_diff.read.importers.structure.parse_paragraphs`
places them into a draft.

The text is read as paragraphs separated by blank lines (lines inside a
paragraph are joined with a space, runs of white space become one space).
Text copied out of a PDF often has no blank line between paragraphs; inside a
group of lines a new paragraph is also started at a line that is an article
heading, at a numbered line after a line that ends a clause, and (for
hard-wrapped text) after a short line that ends a clause (see
:func:`split_paragraphs`). The DOCX reader splits the lines of a Word
paragraph with :func:`split_group` too.

The patterns of the lines that start a paragraph (an article heading, a
numbered paragraph or point, the formula, the conclusions, a page number) are
here; the parser recognises the same lines with them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from treaty_diff.read.importers.headings import ARTICLE_LINE

FORMULA = re.compile(
    r"^(?:(?:(?:have|hereby|do hereby|have hereby)\s+)?(?:agreed?|agrees)\s+"
    r"(?:as follows|on the following|upon the following|to the following|the following)\b"
    r"|(?:have\s+)?(?:adopted|hereby adopt|subscribed?|subscribe)\s+(?:to\s+)?the following\b"
    r"|(?:sont|ont)\s+convenus?\s+de ce qui suit|conviennent de ce qui suit"
    r"|(?:han\s+)?conv(?:enido|ienen)\s+en lo siguiente"
    r"|(?:согласились|договорились)\s+о нижеследующем"
    r"|(?:(?:兹|特)?达成协议如下|议定如下|协议如下|協議如下)"
    r"|(?:قد\s+)?اتفقت على ما يلي)",
    re.IGNORECASE,
)
#: "1.", "1)", and sub-numbers "1.1", "2.3." (a paragraph of a section or clause).
PARAGRAPH_NUM = re.compile(r"^(?P<num>\d+(?:\.\d+)*(?:\.|\))|\d+(?:\.\d+)+)\s+(?P<body>\S.*)$", re.DOTALL)
#: "(a)", "a)", "(iv)", "(1)", "(A)", "(IV)", and Chinese "(一)", "（一）" (no space needed after a Chinese one).
POINT_NUM = re.compile(
    r"^(?:(?P<num>\((?P<t1>[a-z]{1,2}|[ivxlc]+|\d+|[A-Z]|[IVXLC]+)\)|(?P<t2>[a-z]|[ivxlc]+)\))\s+"
    r"|(?P<cjk>[(（](?P<t3>[〇一二三四五六七八九十]+)[)）])\s*)(?P<body>\S.*)$",
    re.DOTALL,
)
CONCLUSION = re.compile(
    r"^(?:IN WITNESS WHEREOF|In witness whereof|DONE\b|Done (?:at|in|on|this)\b|SIGNED at\b|Signed at\b)"
)
PAGE_NUMBER = re.compile(r"^(?:-\s*\d{1,4}\s*-|\d{1,4}|(?:Page|page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$")

_WS = re.compile(r"\s+")
_ALL_CAPS = re.compile(r"^(?=.*[A-Z].*[A-Z])[^a-z]+$")
_CLAUSE_END = re.compile(r"(?:[.;:,!?]|[.;:,]\s*(?:and|or)|[.;:,][\"”’)\]])$")

ParagraphStyle = Literal["title", "heading"]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the input before it is placed: its text, where it starts, and hints from a DOCX.

    ``line`` is the line of a text file, or the number of the paragraph of a
    DOCX (messages say "line" or "paragraph"). ``style`` is set from a DOCX paragraph style;
    ``listed`` marks an item of a bulleted list (a point without a number); ``cell`` is (table, row) for the
    text of a table cell (numbered from 1 in the document), whose row is a unit of a document without structure;
    ``notes`` the notes it cites.
    """

    text: str
    line: int
    style: ParagraphStyle | None = None
    listed: bool = False
    cell: tuple[int, int] | None = None
    notes: str = ""
    """The text of the footnotes and endnotes the paragraph cites, each after its mark (" 1 A note."): kept
    after the paragraph's text, in the same block, but not read when the paragraph is recognised."""

    @property
    def full(self) -> str:
        """The paragraph's text with the notes it cites."""
        return self.text + self.notes


@dataclass(frozen=True)
class Notice:
    """Something the importer could not place as it stands, at a line (or DOCX paragraph) of the input."""

    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


def quote(text: str, limit: int = 60) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def split_paragraphs(text: str, layout: bool = True) -> list[Paragraph]:
    """Paragraphs separated by blank lines, each with the line it starts on; inner lines joined by a space.

    Two or more lines in a row with tabs between words are a table (copied out of a word processor): each
    line is a row, each tab-separated piece a cell (``Paragraph.cell``). Inside a group of lines, a new
    paragraph also starts (see the module doc) at
    an article heading line, at the line after one, at a line that starts with
    a paragraph or point number after a line that ends a clause, and, when
    ``layout`` is true and the text is hard-wrapped, after a short line that
    ends a clause. Lines are split at ``\\n`` only (``\\r\\n`` and ``\\r``
    should be normalised first).
    """
    paragraphs: list[Paragraph] = []
    group: list[tuple[str, int]] = []
    lines = text.split("\n")
    rows = _table_rows(lines)
    tables = 0
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if number in rows:
            if group:
                paragraphs.extend(split_group(group, layout))
                group = []
            if number - 1 not in rows:
                tables += 1
            row = rows[number]
            paragraphs.extend(Paragraph(_WS.sub(" ", cell).strip(), number, cell=(tables, row))
                              for cell in stripped.split("\t") if cell.strip())
        elif stripped:
            group.append((stripped, number))
        elif group:
            paragraphs.extend(split_group(group, layout))
            group = []
    if group:
        paragraphs.extend(split_group(group, layout))
    return paragraphs


def _table_rows(lines: Sequence[str]) -> dict[int, int]:
    """The lines of tables copied as text: two or more lines in a row whose cells are separated by tabs; by line
    number, the number of the row in its table."""
    rows: dict[int, int] = {}
    run: list[int] = []
    for number, line in enumerate([*lines, ""], start=1):
        if "\t" in line.strip():
            run.append(number)
            continue
        if len(run) >= 2:
            rows.update({line_number: row for row, line_number in enumerate(run, start=1)})
        run = []
    return rows


#: A group of lines whose longest line is longer than this is not hard-wrapped: each line is a paragraph.
UNWRAPPED_WIDTH = 160


def split_group(lines: Sequence[tuple[str, int]], layout: bool = True) -> list[Paragraph]:
    """Split one group of non-blank lines (text, line number) into paragraphs; see :func:`split_paragraphs`."""
    if len(lines) == 1:
        return [Paragraph(_WS.sub(" ", lines[0][0]), lines[0][1])]
    width = max(len(text) for text, _ in lines)
    unwrapped = layout and width > UNWRAPPED_WIDTH
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    start = lines[0][1]
    previous = ""
    for text, number in lines:
        if current and (unwrapped or _breaks_before(previous, text, width, layout, len(current))):
            paragraphs.append(Paragraph(_join_lines(current), start))
            current = []
        if not current:
            start = number
        current.append(text)
        previous = text
    paragraphs.append(Paragraph(_join_lines(current), start))
    return paragraphs


def _breaks_before(previous: str, line: str, width: int, layout: bool, lines_so_far: int) -> bool:
    if ARTICLE_LINE.match(line) or ARTICLE_LINE.match(previous):
        return True
    if PAGE_NUMBER.match(line) or PAGE_NUMBER.match(previous):
        return True
    if _ALL_CAPS.match(previous) and not _ALL_CAPS.match(line):
        return True
    if CONCLUSION.match(line) or FORMULA.match(line):
        return _CLAUSE_END.search(previous) is not None or not layout
    if (PARAGRAPH_NUM.match(line) or POINT_NUM.match(line)) and _CLAUSE_END.search(previous):
        return True
    if not layout:
        return False
    return bool(
        _CLAUSE_END.search(previous)
        and len(previous) < 0.7 * width
        and (line[0].isupper() or line[0].isdigit() or line[0] in "(\"“[")
    )


def _join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph: a space between them, none after a hyphen that ends a word."""
    out = lines[0]
    for line in lines[1:]:
        if len(out) > 1 and out.endswith("-") and out[-2].isalpha() and line[:1].islower():
            out += line
        else:
            out += " " + line
    return _WS.sub(" ", out).strip()


__all__ = [
    "ARTICLE_LINE",
    "CONCLUSION",
    "FORMULA",
    "PAGE_NUMBER",
    "PARAGRAPH_NUM",
    "POINT_NUM",
    "UNWRAPPED_WIDTH",
    "Notice",
    "Paragraph",
    "ParagraphStyle",
    "quote",
    "split_group",
    "split_paragraphs",
]
