"""The order in which a redline shows the changes: the new draft's order, each deleted provision at its old
place, each moved provision twice, each part of a split or merge that stands apart at its own place."""

from __future__ import annotations

import bisect

from treaty_diff.model.alignment import Alignment
from treaty_diff.model.comparison import (
    Change,
    RedlineItem,
)


def redline_order(changes: list[Change], alignment: Alignment) -> tuple[RedlineItem, ...]:
    """Reading order, with each moved change shown twice: deleted where it was, inserted where it is.

    A moved change's old end goes just before the first change (in reading
    order) that holds an old provision coming after it in the old draft and
    is not itself moved, so that the old provisions appear in the old order.

    A split or merge whose parts stand apart (:func:`_scattered`) has no one
    place where a reader of either draft finds all of it, so it is shown like
    a move, but provision by provision: each old provision wholly deleted at
    its own old place ("part-from", placed as a moved change's old end) and
    each new provision wholly inserted at its own new place ("part-to", among
    the items showing new text in the new draft's order). Its word-level diff
    stays in the change's segments, for the views that show changes side by side.
    A moved change that kept fewer than half of its words (not
    :attr:`Change.shown_as_move`) is shown the same way: a deletion and an
    insertion, not a move.
    """
    old_position = {p.eid: i for i, p in enumerate(alignment.old.provisions)}
    new_position = {p.eid: i for i, p in enumerate(alignment.new.provisions)}
    by_id = {c.id: c for c in changes}
    apart = {c.id for c in changes if _scattered(c, old_position, new_position)
                 or (c.moved and c.old and c.new and not c.shown_as_move)}
    items: list[RedlineItem] = [
        RedlineItem(c.id, "moved-to" if c.moved and c.old and c.new else "change")
        for c in changes if c.id not in apart
    ]
    new_ends = sorted((new_position[info.eid], info.eid, change.id)
                      for change in changes if change.id in apart for info in change.new)
    items = _with_new_ends(items, new_ends, by_id, new_position)
    old_ends = [(old_position[c.old[0].eid], RedlineItem(c.id, "moved-from"))
                for c in changes if c.moved and c.old and c.new and c.id not in apart]
    old_ends += [(old_position[info.eid], RedlineItem(c.id, "part-from", (info.eid,)))
                 for c in changes if c.id in apart for info in c.old]
    old_ends.sort(key=lambda pair: pair[0])
    return tuple(_with_old_ends(items, old_ends, by_id, old_position))


def _with_new_ends(items: list[RedlineItem], ends: list[tuple[int, str, str]], by_id: dict[str, Change],
                   new_position: dict[str, int]) -> list[RedlineItem]:
    """The items with each provision shown inserted on its own ("part-to") at its place in the new draft.

    Each goes just before the first item showing new text from later in the
    new draft (items already in new-draft order: one merge, linear), else just
    after the last item showing new text.
    """
    firsts = [new_position[by_id[item.change_id].new[0].eid] if by_id[item.change_id].new else None
              for item in items]
    last_new = max((index for index, first in enumerate(firsts) if first is not None), default=-1)
    parts = [RedlineItem(change_id, "part-to", (eid,)) for _, eid, change_id in ends]
    if last_new == -1:  # no item shows new text
        return parts + items
    out: list[RedlineItem] = []
    next_part = 0
    for index, (item, first) in enumerate(zip(items, firsts)):
        while next_part < len(ends) and first is not None and ends[next_part][0] < first:
            out.append(parts[next_part])
            next_part += 1
        out.append(item)
        if index == last_new:  # the parts after every item showing new text
            out.extend(parts[next_part:])
    return out


def _with_old_ends(items: list[RedlineItem], ends: list[tuple[int, RedlineItem]], by_id: dict[str, Change],
                   old_position: dict[str, int]) -> list[RedlineItem]:
    """The items with each old end ("moved-from", "part-from") placed among them, ``ends`` sorted by old place.

    An old end goes just before the first item showing a change in full whose
    old provisions come after it in the old draft (deletions before a run of
    provisions shown inserted, as a replacement reads), else just after the
    last item showing old text. Those items stand in old-draft order, so the
    first one is found by bisection: O(n log n) for the whole redline.
    """
    anchors = [index for index, item in enumerate(items) if item.role == "change" and by_id[item.change_id].old]
    highest: list[int] = []  # the highest old place among the anchors up to each (non-decreasing)
    for index in anchors:
        place = old_position[by_id[items[index].change_id].old[0].eid]
        highest.append(max(place, highest[-1]) if highest else place)
    last_old = anchors[-1] if anchors else -1  # the last item showing old text (only "change" items do, yet)
    before: dict[int, list[RedlineItem]] = {}  # the old ends to show just before items[index]
    for start, end in ends:
        found = bisect.bisect_right(highest, start)
        spot = anchors[found] if found < len(anchors) else last_old + 1
        while spot > 0 and not before.get(spot) and items[spot - 1].role == "part-to":
            spot -= 1
        before.setdefault(spot, []).append(end)
    out: list[RedlineItem] = []
    for index in range(len(items) + 1):
        out.extend(before.get(index, ()))
        if index < len(items):
            out.append(items[index])
    return out


def _scattered(change: Change, old_position: dict[str, int], new_position: dict[str, int]) -> bool:
    """True when a change's provisions on one side do not stand side by side, in order, in their draft.

    Such a split (old Article 5 into new Articles 5 and 9) or merge cannot be
    shown at one place: whatever stands between its parts would come out of
    order when every change is accepted or rejected.
    """
    for infos, position in ((change.old, old_position), (change.new, new_position)):
        places = [position[info.eid] for info in infos]
        if places and places != list(range(places[0], places[0] + len(places))):
            return True
    return False
