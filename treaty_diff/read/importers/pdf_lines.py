"""The glyphs of a PDF page (:mod:`.pdf_document`) as pieces of text, and pieces as lines in reading order.

- **Pieces** (:func:`pieces_of`): glyphs that follow one another on one line
  with no wide gap. A raised glyph in a smaller size (a superscript digit or
  ``*``, ``†``, ``‡``, ``§``) is a footnote mark: it is taken out of the text and
  kept with the piece (:attr:`Piece.marks`, or :attr:`Piece.lead` when it opens
  the piece, as in a footnote). A soft hyphen at the end of a piece (one the
  producer marks as added by the layout) is taken out and noted
  (:attr:`Piece.soft_end`); ligatures (U+FB00-FB06) are spelt out.
- **Columns** (:func:`gutters`): a vertical strip of the page that no narrow
  piece crosses, with lines of text on both sides and few pieces crossing it,
  is a gutter between columns.
- **Lines** (:func:`lines_of`): pieces of one column on one row, left to right.
  The page is read band by band: a piece that crosses a gutter (a title over two
  columns) ends a band; inside a band, the first column top to bottom, then the
  next.

Coordinates are points from the top left corner of the page.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from treaty_diff.read.importers.pdf_document import Glyph

_MARKS = set("0123456789*†‡§¶")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}
#: A gap wider than this share of the font size ends a piece (word gaps of justified text stay below it).
PIECE_GAP = 0.9
#: A glyph in a size below this share of the line's usual size, and raised, is a superscript.
SUPERSCRIPT_SIZE = 0.8


@dataclass
class Piece:
    """Glyphs that follow one another on one line: their text, box, usual glyph height and what else was seen."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    size: float
    bold: bool
    first_word: float
    """The width of the piece's first word (for telling whether a word would have fitted on the line before)."""
    marks: tuple[str, ...] = ()
    lead: str | None = None
    soft_end: bool = False
    gap: float = 0.0
    """The widest space between two words of the piece (a justified line stretches them)."""


@dataclass
class Line:
    """Pieces of one row of one column, left to right: a line of text, with the bounds of its column."""

    pieces: list[Piece]
    page: int
    column_left: float = 0.0
    column_right: float = 0.0
    column: int = 0
    band: int = 0
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.pieces.sort(key=lambda p: p.left)
        self.text = " ".join(p.text for p in self.pieces if p.text).strip()

    @cached_property
    def left(self) -> float:
        return self.pieces[0].left

    @cached_property
    def right(self) -> float:
        return max(p.right for p in self.pieces)

    @cached_property
    def top(self) -> float:
        return min(p.top for p in self.pieces)

    @cached_property
    def bottom(self) -> float:
        return max(p.bottom for p in self.pieces)

    @cached_property
    def size(self) -> float:
        return max(self.pieces, key=lambda p: len(p.text)).size

    @cached_property
    def bold(self) -> bool:
        return all(p.bold for p in self.pieces if p.text)

    @property
    def soft_end(self) -> bool:
        return self.pieces[-1].soft_end

    @property
    def first_word(self) -> float:
        return self.pieces[0].first_word

    @cached_property
    def gap(self) -> float:
        """The widest space between two words of the line."""
        between = [b.left - a.right for a, b in itertools.pairwise(self.pieces)]
        return max([p.gap for p in self.pieces] + between)

    @cached_property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def marks(self) -> tuple[str, ...]:
        return tuple(m for p in self.pieces for m in ((p.lead,) if p.lead else ()) + p.marks)


# -- pieces ---------------------------------------------------------------------------------------------


def pieces_of(glyphs: Sequence[Glyph]) -> list[Piece]:
    """The page's glyphs (in PDFium's order) cut into pieces; see the module's doc."""
    pieces: list[Piece] = []
    run: list[Glyph] = []
    band: Glyph | None = None  # the run's largest glyph: the height of its line
    last: Glyph | None = None  # the run's last glyph that is not a space
    for glyph in glyphs:
        char = glyph.char
        if char == "\n":
            continue
        if char == " ":
            if run and run[-1].char != " ":
                run.append(glyph)
            continue
        if band is not None and last is not None and not _continues(last, band, glyph):
            pieces.extend(_piece(run))
            run = []
            band = None
        run.append(glyph)
        last = glyph
        if band is None or glyph.size > band.size:
            band = glyph
    if run:
        pieces.extend(_piece(run))
    return pieces


def _continues(last: Glyph, band: Glyph, glyph: Glyph) -> bool:
    """Whether ``glyph`` goes on the run: on its line (or raised or lowered on it, in a smaller size), and
    next to the run's last glyph (overlapping it, as a ligature's letters do, or after a gap narrower than a word
    gap)."""
    gap = glyph.left - last.right
    if gap > PIECE_GAP * (glyph.size if glyph.size > band.size else band.size):
        return False
    if glyph.left < min(last.left, last.right - 0.25 * (band.bottom - band.top)) - 0.5:
        return False
    top, bottom = band.top, band.bottom
    overlap = (bottom if bottom < glyph.bottom else glyph.bottom) - (top if top > glyph.top else glyph.top)
    if overlap >= 0.5 * min(bottom - top, glyph.bottom - glyph.top):
        return True
    if glyph.size < SUPERSCRIPT_SIZE * band.size:
        return top <= glyph.bottom <= bottom + 0.5 or top - 0.5 <= glyph.top <= bottom
    if band.size < SUPERSCRIPT_SIZE * glyph.size and glyph is not band:
        return glyph.top <= bottom <= glyph.bottom + 0.5  # the run so far is a raised mark
    return False


def _piece(run: list[Glyph]) -> list[Piece]:
    """One run of glyphs as a piece: its text (marks and soft hyphens out, ligatures spelt out) and its measures."""
    while run and run[-1].char == " ":
        run.pop()
    boxed = [g for g in run if g.char != " "]
    if not boxed:
        return []
    sizes: dict[float, int] = {}
    for glyph in boxed:
        sizes[glyph.size] = sizes.get(glyph.size, 0) + 1
    usual = max(sizes, key=lambda h: (sizes[h], h))
    normal = [g for g in boxed if abs(g.size - usual) < 0.1 * usual]
    bottoms = sorted(g.bottom for g in normal)
    heights = sorted(g.bottom - g.top for g in normal)
    raised = bottoms[len(bottoms) // 2] - 0.15 * heights[len(heights) // 2]  # a mark's bottom is above this
    small = SUPERSCRIPT_SIZE * usual
    parts: list[str] = []
    marks: list[str] = []
    lead: str | None = None
    mark = ""
    soft_end = False
    first_end: float | None = None
    gap = 0.0
    previous: Glyph | None = None
    spaced = False
    for glyph in run:
        char = glyph.char
        if char == " ":
            spaced = True
            continue
        if spaced and previous is not None:
            if first_end is None:
                first_end = previous.right
            gap = max(gap, glyph.left - previous.right)
        previous = glyph
        if char in _MARKS and glyph.size < small and glyph.bottom < raised:
            if spaced:
                parts.append(" ")
                spaced = False
            mark += char
            continue
        if mark:
            if any(part.strip() for part in parts):
                marks.append(mark)
            else:
                lead = mark
            mark = ""
        if spaced:
            parts.append(" ")
            spaced = False
        if glyph.soft:
            soft_end = glyph is run[-1]
            continue
        parts.append(_LIGATURES.get(char, char))
    if mark:
        if any(part.strip() for part in parts):
            marks.append(mark)
        else:
            lead = mark
    text = " ".join("".join(parts).split())
    words = [g for g in normal if g.char not in _MARKS or g.size >= small] or normal
    return [Piece(text=text, left=boxed[0].left, right=boxed[-1].right, top=min(g.top for g in words),
                  bottom=max(g.bottom for g in words), size=usual, bold=all(g.bold for g in normal),
                  first_word=max(0.0, (first_end if first_end is not None else boxed[-1].right) - boxed[0].left),
                  marks=tuple(marks), lead=lead, soft_end=soft_end, gap=gap)]


# -- columns and lines ----------------------------------------------------------------------------------


def gutters(pieces: Sequence[Piece]) -> list[tuple[float, float]]:
    """The gutters between columns on a page: vertical strips that no narrow piece crosses (see the module doc)."""
    texts = [p for p in pieces if len(p.text) > 1]
    if len(texts) < 8:
        return []
    left = min(p.left for p in texts)
    right = max(p.right for p in texts)
    width = right - left
    narrow = sorted((p.left, p.right) for p in texts if p.right - p.left < 0.6 * width)
    found: list[tuple[float, float]] = []
    covered_to = left
    for start, end in narrow:
        if start - covered_to >= 6.0 and left + 0.2 * width < (start + covered_to) / 2 < right - 0.2 * width:
            found.append((covered_to, start))
        covered_to = max(covered_to, end)
    good = []
    for a, b in found:
        before = [p for p in texts if p.right <= a and p.right - p.left > 0.25 * width]
        after = [p for p in texts if p.left >= b and p.right - p.left > 0.25 * width]
        crossing = [p for p in texts if p.left < a and p.right > b]
        if len(before) >= 3 and len(after) >= 3 and len(crossing) <= 0.2 * len(texts):
            good.append((a, b))
    return good


def lines_of(pieces: Iterable[Piece], page: int, page_gutters: Sequence[tuple[float, float]]) -> list[Line]:
    """The page's pieces as lines in reading order: band by band, column by column, top to bottom."""
    ordered = sorted(pieces, key=lambda p: (p.top, p.left))
    if not ordered:
        return []
    edges = [min(p.left for p in ordered), *[x for gap in page_gutters for x in gap], max(p.right for p in ordered)]
    bounds = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    lines: list[Line] = []
    band: list[list[Piece]] = [[] for _ in bounds]
    number = 0

    def flush() -> None:
        for column, members in enumerate(band):
            for row in _rows(members):
                lines.append(Line(row, page, bounds[column][0], bounds[column][1], column, number))
            members.clear()

    for piece in ordered:
        column = _column(piece, page_gutters)
        if column is None:  # crosses a gutter: ends the band
            flush()
            number += 1
            lines.append(Line([piece], page, bounds[0][0], bounds[-1][1], -1, number))
            number += 1
        else:
            band[column].append(piece)
    flush()
    _merge_wide_rows(lines)
    _column_extents(lines)
    return lines


def _column(piece: Piece, page_gutters: Sequence[tuple[float, float]]) -> int | None:
    for index, (a, b) in enumerate(page_gutters):
        if piece.left < a and piece.right > b:
            return None
        if piece.right <= (a + b) / 2:
            return index
    return len(page_gutters)


def _rows(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces of one column grouped into rows (overlapping vertically), top to bottom."""
    rows: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: (p.top, p.left)):
        if rows:
            row = rows[-1]
            top = min(p.top for p in row)
            bottom = max(p.bottom for p in row)
            if min(bottom, piece.bottom) - max(top, piece.top) > 0.5 * min(bottom - top, piece.bottom - piece.top):
                row.append(piece)
                continue
        rows.append([piece])
    return rows


def _merge_wide_rows(lines: list[Line]) -> None:
    """Pieces of one row that span the page (a wide line cut at a wide gap) are one line."""
    merged: list[Line] = []
    for line in lines:
        previous = merged[-1] if merged else None
        if (previous is not None and previous.column == -1 and line.column == -1
                and min(previous.bottom, line.bottom) - max(previous.top, line.top) > 0.5 * line.size):
            merged[-1] = Line(previous.pieces + line.pieces, line.page, previous.column_left, previous.column_right,
                              -1, previous.band)
        else:
            merged.append(line)
    lines[:] = merged


def _column_extents(lines: list[Line]) -> None:
    """Each line's column bounds: the leftmost start and the rightmost end of the lines of its column."""
    extents: dict[int, tuple[float, float]] = {}
    for line in lines:
        low, high = extents.get(line.column, (line.left, line.right))
        extents[line.column] = (min(low, line.left), max(high, line.right))
    for line in lines:
        line.column_left, line.column_right = extents[line.column]


__all__ = ["PIECE_GAP", "SUPERSCRIPT_SIZE", "Line", "Piece", "gutters", "lines_of", "pieces_of"]
