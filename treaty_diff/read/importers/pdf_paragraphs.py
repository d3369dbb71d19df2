"""Lines of a PDF in reading order (:mod:`.pdf_lines`) as paragraphs for the parser.

A new paragraph starts before a line when:

- the line before it ended early: the first word of this line would have fitted
  in the room left at the end of that line (on both sides, for a centred line):
  the last line of a paragraph, a heading; justified and ragged text alike;
- the space above it is wider than the document's usual space between lines
  (paragraph spacing; not across a page or column break);
- its weight or size differs from the line before (a bold heading, a title in a
  larger size);
- in justified text, it starts with an article, paragraph or point number and
  the line before it is not stretched (the last line of a paragraph that
  happens to reach the end of the column);
- and, as in every importer, the text says so
  (:func:`~treaty_diff.read.importers.paragraphs.split_group`): an article
  heading, a numbered paragraph or point after a line that ends a clause.

A paragraph goes on across a page or column break unless the line before it
ended early. Lines are joined by :mod:`.pdf_hyphens`. A paragraph whose lines
are all bold, or in a size clearly above the body text's, is marked as a
heading (so that a long heading after "Article 4" is read as its heading).
``line`` of each :class:`~treaty_diff.read.importers.paragraphs.Paragraph` is
the page it starts on.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from treaty_diff.read.importers.paragraphs import ARTICLE_LINE, PARAGRAPH_NUM, POINT_NUM, Paragraph, split_group
from treaty_diff.read.importers.pdf_hyphens import Vocabulary, ends_with_hyphen, join
from treaty_diff.read.importers.pdf_lines import Line

#: A heading is in a size at least this much above the body text's.
HEADING_SIZE = 1.12
#: A space between words wider than this share of the font size is stretched (a justified line).
STRETCHED = 0.4


@dataclass(frozen=True)
class Placed:
    """A paragraph and the pages it runs over (first, last)."""

    paragraph: Paragraph
    first_page: int
    last_page: int


def paragraphs_of(lines: Sequence[Line], body_size: float, vocab: Vocabulary) -> list[Placed]:
    """The paragraphs of the lines (in reading order, over every page), with the pages each runs over."""
    gap = _usual_gap(lines)
    justified = _justified(lines)
    groups: list[list[Line]] = []
    previous: Line | None = None
    for line in lines:
        if not line.text:
            continue
        if previous is None or _breaks(previous, line, gap, justified):
            groups.append([])
        groups[-1].append(line)
        previous = line
    placed: list[Placed] = []
    for group in groups:
        placed.extend(_paragraphs(group, body_size, vocab))
    return placed


def _usual_gap(lines: Sequence[Line]) -> float:
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(lines)
            if a.page == b.page and a.column == b.column and a.band == b.band and abs(a.size - b.size) < 0.5
            and -2.0 < b.top - a.bottom < 2 * a.size]
    return statistics.median(gaps) if gaps else 0.0


def _justified(lines: Sequence[Line]) -> bool:
    """Whether the text is justified: most lines that reach the end of their column have stretched spaces."""
    full = [line for line in lines if line.words >= 4 and line.column_right - line.right < 1.0]
    stretched = [line for line in full if line.gap > STRETCHED * line.size]
    return len(full) >= 5 and len(stretched) > 0.5 * len(full)


def _breaks(previous: Line, line: Line, gap: float, justified: bool) -> bool:
    if _ended(previous, line):
        return True
    if justified and previous.words >= 4 and previous.gap < STRETCHED * previous.size and (
            ARTICLE_LINE.match(line.text) or PARAGRAPH_NUM.match(line.text) or POINT_NUM.match(line.text)):
        return True  # the last line of a justified paragraph (its spaces not stretched) before a numbered one
    if previous.bold != line.bold or abs(previous.size - line.size) > 0.1 * max(previous.size, line.size):
        return True
    same_column = previous.page == line.page and previous.column == line.column and previous.band == line.band
    return same_column and line.top - previous.bottom > gap + 0.4 * line.size


def _ended(previous: Line, line: Line) -> bool:
    """Whether ``previous`` ended before the end of its column although the first word of ``line`` would fit."""
    if previous.soft_end or ends_with_hyphen(previous.text):
        return False
    room = previous.column_right - previous.right
    indent = previous.left - previous.column_left
    if indent > previous.size and abs(indent - room) < 0.1 * (indent + room) + 1.5:
        room += indent  # a centred line: the room is on both sides
    return room > line.first_word + 0.3 * previous.size + 1.0


def _paragraphs(group: list[Line], body_size: float, vocab: Vocabulary) -> list[Placed]:
    """One group of lines (no break found between them) as paragraphs: lines split by a layout hyphen are joined
    first, then the text decides (:func:`split_group`)."""
    entries: list[tuple[str, int]] = []
    pending: list[tuple[str, bool]] = []
    start_page = group[0].page
    for line in group:
        if not pending:
            start_page = line.page
        pending.append((line.text, line.soft_end))
        if not (line.soft_end or ends_with_hyphen(line.text)):
            entries.append((join(pending, vocab), start_page))
            pending = []
    if pending:
        entries.append((join(pending, vocab), start_page))
    heading = (all(line.bold for line in group) and len(group) <= 3) or min(
        line.size for line in group) >= HEADING_SIZE * body_size
    split = split_group(entries, layout=False)
    last = group[-1].page
    out = []
    for index, paragraph in enumerate(split):
        end = split[index + 1].line if index + 1 < len(split) else last
        styled = Paragraph(paragraph.text, paragraph.line, "heading" if heading else None)
        out.append(Placed(styled, paragraph.line, max(end, paragraph.line)))
    return out


__all__ = ["HEADING_SIZE", "Placed", "paragraphs_of"]
