"""What is printed on a PDF page but is not the text: running headers and footers, and footnotes.

- **Running headers and footers** (:func:`strip_running`): rows of text at the
  top or the bottom of a page (its outer 15 %), read from the edge inwards, are
  removed while each of their pieces either comes back at the same height on
  other pages (digits aside: "Page 2", "Page 3"; on 40 % of the pages, at least
  two) or is one of the forms a UN document prints there: a page number ("3",
  "- 3 -", "Page 3", "Page 3 of 9", "3/14"), a document symbol ("CD/1839",
  "A/RES/63/68"), a job number ("GE.08-60513", "08-60513 (E)"). The first row
  that is neither stops the removal, so text is never taken from the middle of
  a page, and an article heading is never taken.
- **Footnotes** (:func:`split_footnotes`): the rows at the bottom of a page, or
  of a column (after the footer) in a smaller size than the body text, when a separator rule
  stands above them or they start with a note mark ("1 ...") that the body of
  the page refers to. A block that does not start with a mark continues the
  previous page's last note. Notes are kept as notes, never as text; their marks
  in the body are taken out of the text (:mod:`.pdf_lines`).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from treaty_diff.read.importers.paragraphs import ARTICLE_LINE
from treaty_diff.read.importers.pdf_document import Rule
from treaty_diff.read.importers.pdf_hyphens import Vocabulary, join
from treaty_diff.read.importers.pdf_lines import Piece

#: The share of the page's height, at the top and at the bottom, where running headers and footers are looked for.
EDGE = 0.15
#: A header or footer recurs (digits aside, at the same height) on at least this share of the pages (and two).
RECURRING = 0.4
#: Footnotes are in a size below this share of the body text's.
NOTE_SIZE = 0.92

_SYMBOL = r"[A-Z]{1,4}(?:/[A-Z0-9][A-Za-z0-9.()\-]*)+"
_JOB = r"(?:[A-Z]{1,3}\.)?\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}"
_PAGE = r"(?:-\s*\d{1,4}\s*-|\d{1,4}(?:\s*/\s*\d{1,4})?|(?:Page|page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)"
_BARCODE = r"\*\d{5,9}\*"
FURNITURE = re.compile(rf"^(?:{_SYMBOL}|{_JOB}|{_PAGE}|{_BARCODE})(?:\s+(?:{_SYMBOL}|{_JOB}|{_PAGE}|{_BARCODE}))*$")
_NOTE_START = re.compile(r"^(?P<mark>\d{1,3}|[*†‡§¶]{1,3})(?:\s+|(?=[A-Z\"“(]))(?P<text>\S.*)$")


@dataclass
class PagePieces:
    """One page's pieces of text with what the furniture needs: its number, height and rules."""

    number: int
    height: float
    pieces: list[Piece]
    rules: tuple[Rule, ...] = ()


@dataclass
class Note:
    """A footnote: its mark, the page it starts on, and its lines (pieces, in reading order)."""

    mark: str
    page: int
    lines: list[list[Piece]] = field(default_factory=list)


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).casefold()


def rows_of(pieces: Sequence[Piece]) -> list[list[Piece]]:
    """Pieces grouped into rows across the whole width of the page (overlapping vertically), top to bottom."""
    rows: list[list[Piece]] = []
    bounds: list[tuple[float, float]] = []
    for piece in sorted(pieces, key=lambda p: (p.top, p.left)):
        if rows:
            top, bottom = bounds[-1]
            if min(bottom, piece.bottom) - max(top, piece.top) > 0.5 * min(bottom - top, piece.bottom - piece.top):
                rows[-1].append(piece)
                bounds[-1] = (min(top, piece.top), max(bottom, piece.bottom))
                continue
        rows.append([piece])
        bounds.append((piece.top, piece.bottom))
    return rows


def strip_running(pages: Sequence[PagePieces]) -> Counter[str]:
    """Remove running headers and footers from the pages (in place); returns what was removed (by shape)."""
    candidates: list[tuple[PagePieces, list[list[Piece]], list[list[Piece]]]] = []
    seen: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
    for page in pages:
        rows = rows_of(page.pieces)
        top = [row for row in rows[:4] if max(p.bottom for p in row) < EDGE * page.height]
        bottom = [row for row in rows[::-1][:4] if min(p.top for p in row) > (1 - EDGE) * page.height]
        candidates.append((page, top, bottom))
        for zone, zone_rows in (("top", top), ("bottom", bottom)):
            for row in zone_rows:
                for piece in row:
                    seen[(zone, _shape(piece.text))].append((page.number, piece.top))
    needed = max(2, math.ceil(RECURRING * len(pages)))
    removed: Counter[str] = Counter()

    def furniture(zone: str, piece: Piece) -> bool:
        text = " ".join(piece.text.split())
        if not text or ARTICLE_LINE.match(text):
            return False
        if FURNITURE.match(text):
            return True
        places = seen[(zone, _shape(text))]
        pages_there = {number for number, y in places if abs(y - piece.top) <= 4.0}
        return len(pages_there) >= needed

    for page, top, bottom in candidates:
        drop: set[int] = set()
        for zone, zone_rows in (("top", top), ("bottom", bottom)):
            for row in zone_rows:
                if not all(furniture(zone, piece) for piece in row):
                    break
                drop.update(id(piece) for piece in row)
                removed.update(_shape(piece.text) for piece in row)
        page.pieces = [p for p in page.pieces if id(p) not in drop]
    return removed


def split_footnotes(page: PagePieces, body_size: float, notes: list[Note],
                    columns: Sequence[tuple[float, float]] = ()) -> None:
    """Take the page's footnotes out of its pieces (in place) and add them to ``notes`` (see the module doc).

    Footnotes across the page's width are looked for first; then, on a page in columns (``columns``: the
    gutters), at the foot of each column, as Word and LibreOffice place them in a section in columns.
    """
    if _footnotes(page, page.pieces, body_size, notes) or not columns:
        return
    edges = [-1e9, *[(a + b) / 2 for a, b in columns], 1e9]
    for low, high in itertools.pairwise(edges):
        _footnotes(page, [p for p in page.pieces if low <= p.left and p.right <= high], body_size, notes)


def _footnotes(page: PagePieces, pieces: list[Piece], body_size: float, notes: list[Note]) -> bool:
    """Footnotes at the foot of ``pieces`` (some of the page's) taken out of the page; whether there were any."""
    rows = rows_of(pieces)
    block: list[list[Piece]] = []
    for row in reversed(rows):
        if all(p.size < NOTE_SIZE * body_size for p in row):
            block.insert(0, row)
        else:
            break
    if not block or len(block) == len(rows):
        return False
    above = max(p.bottom for p in rows[len(rows) - len(block) - 1])
    first = min(p.top for p in block[0])
    ruled = any(above - 1.0 <= rule.y <= first + 1.0 for rule in page.rules)
    body_marks = {m for row in rows[: len(rows) - len(block)] for p in row for m in ((p.lead,) if p.lead else ())
                  + p.marks}
    start = _note_start(block[0])
    if not ruled and (start is None or start not in body_marks):
        return False
    if start is None and not notes:
        return False
    current = notes[-1] if start is None else None
    for row in block:
        mark = _note_start(row)
        if mark is not None:
            current = Note(mark, page.number)
            notes.append(current)
        assert current is not None
        current.lines.append(sorted(row, key=lambda p: p.left))
    dropped = {id(p) for row in block for p in row}
    page.pieces = [p for p in page.pieces if id(p) not in dropped]
    return True


def _note_start(row: list[Piece]) -> str | None:
    """The note mark that opens a row of a footnote ("1 The text", a raised "1"), or None."""
    first = min(row, key=lambda p: p.left)
    if first.lead:
        return first.lead
    match = _NOTE_START.match(first.text)
    return match.group("mark") if match else None


def note_text(note: Note, vocab: Vocabulary) -> str:
    """A note's text without its mark, its lines joined as a paragraph's are (:func:`.pdf_hyphens.join`)."""
    text = join([(" ".join(p.text for p in row), row[-1].soft_end) for row in note.lines], vocab)
    match = _NOTE_START.match(text)
    if match and match.group("mark") == note.mark:
        text = match.group("text")
    return text


__all__ = ["EDGE", "FURNITURE", "NOTE_SIZE", "RECURRING", "Note", "PagePieces", "note_text", "rows_of",
           "split_footnotes", "strip_running"]
