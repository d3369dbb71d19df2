"""The side-by-side view of the comparison report (``#sbs-view``): old and new text paragraph by paragraph.

One row group per change in the new draft's order: a head row (label, badges,
description) and the change's text, old left, new right, each side showing its
own marks (``<del>`` on the left, ``<ins>`` on the right), each in its own
draft's order at every level (paragraphs, points, points within points). When
the change's parts lay out both sides in order, one row per part; otherwise (a
paragraph split into an introduction and points, a split or a merge of
provisions, a paragraph moved inside its provision), one row per run of text
between the paragraph breaks both sides share, each cell cut into its own
side's paragraphs. A move or a split or merge shown in parts in the redline is
shown here once, with its word-level changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from treaty_diff.model.comparison import Change, Line, PartChange
from treaty_diff.model.segments import Segment, side_text
from treaty_diff.render.html.builder import Element, classes, h, lines
from treaty_diff.render.html.context import SIDES, Page, Side, cut_paragraphs, depth_class, label, part_lines, short


def side_by_side(page: Page) -> Element:
    """The side-by-side section: a table of every change's parts, old | new."""
    c = page.comparison
    rows: list[Element] = []
    seen: set[str] = set()  # a split or merge shown in parts has several items: one row group for it
    for item in c.redline:
        if item.role in ("moved-from", "part-from") or item.change_id in seen:
            continue
        seen.add(item.change_id)
        rows.extend(_rows(page, c.change(item.change_id)))
    table = h(
        "table",
        {"class": "sbs"},
        h("caption", None, "Old and new text paragraph by paragraph, in the new draft's order"),
        h("thead", None, h("tr", None,
                           h("th", {"scope": "col", "class": "side"}, f"Old: {short(c.old)}"),
                           h("th", {"scope": "col", "class": "side"}, f"New: {short(c.new)}"))),
        h("tbody", None, rows),
    )
    return h("section", {"id": "sbs-view", "data-view": "view-sbs", "aria-labelledby": "sbs-h"},
             *lines(h("h2", {"id": "sbs-h"}, "Side by side"), table))


def _rows(page: Page, change: Change) -> list[Element]:
    anchor = "sbs-" + page.item_anchor(change, "change")
    head = h("tr", {"class": "change-head", "id": page.ids.take(anchor), "data-change": change.id},
             h("th", {"colspan": "2", "scope": "colgroup"}, label(change), " ",
               page.badges(change, annotation=False),
               h("span", {"class": "description"}, change.description)))
    rows = [head]
    if not change.parts_in_order:
        return rows + _segment_rows(page, change)
    for part in change.parts:
        rows.append(h("tr", {"class": f"part-{part.kind}"}, _cell(page, change, part, "old"),
                      _cell(page, change, part, "new")))
    return rows


def _segment_rows(page: Page, change: Change) -> list[Element]:
    """The rows of a change whose parts do not lay out both sides in order: one per run of its segments between
    the breaks both sides share, each cell that run's text on its side, cut at its own breaks."""
    pools: dict[Side, dict[str, list[Line]]] = {"old": {}, "new": {}}
    for side in SIDES:
        for line in part_lines(change, side):
            pools[side].setdefault(line.text, []).append(line)
    rows = []
    for run in cut_paragraphs(change.segments):
        cells = [_side_cell(page, change, run, side, pools[side]) for side in SIDES]
        kind = "unchanged" if all(s.op == "equal" for s in run) else "modified"
        rows.append(h("tr", {"class": f"part-{kind}"}, *cells))
    return rows


def _side_cell(page: Page, change: Change, run: Sequence[Segment], side: Side,
               pool: dict[str, list[Line]]) -> Element:
    """One side of a run of segments, cut into that side's paragraphs, each styled as the line it is."""
    kept = [s for s in run if s.op != ("insert" if side == "old" else "delete")]
    lang = page.old_language() if side == "old" else None
    if not side_text(kept, side):
        return h("td", {"class": "empty", "lang": lang}, h("span", {"class": "ui"}, "—"))
    cell = h("td", {"lang": lang})
    for paragraph in cut_paragraphs(kept, every_break=True):
        found = pool.get(side_text(paragraph, side))
        line = found.pop(0) if found else None
        cell.append(h("p", {"class": classes(line.role if line else "block", depth_class(line.depth if line else 0),
                                             "reconstructed" if line and line.provenance == "reconstructed"
                                             else None)},
                      page.segment_nodes(paragraph, change.id)))
    return cell


def _cell(page: Page, change: Change, part: PartChange, side: Side) -> Element:
    side_lines = part.old if side == "old" else part.new
    lang = page.old_language() if side == "old" else None
    if not side_lines:
        return h("td", {"class": "empty", "lang": lang}, h("span", {"class": "ui"}, "—"))
    skip = "insert" if side == "old" else "delete"
    kept = [s for s in part.segments if s.op != skip]
    paragraphs = cut_paragraphs(kept, every_break=True)
    if len(paragraphs) != len(side_lines):  # cannot tell which text is which line: one paragraph
        paragraphs = [kept]
    cell = h("td", {"lang": lang})
    for index, paragraph in enumerate(paragraphs):
        line = side_lines[min(index, len(side_lines) - 1)]
        cell.append(h("p", {"class": classes(line.role, depth_class(line.depth),
                                             "reconstructed" if line.provenance == "reconstructed" else None)},
                      page.segment_nodes(paragraph, change.id)))
    return cell

