"""The pairs worth scoring besides the shingle index's: units with the same number, and units at the same place.

A provision edited in place stands between the same neighbours in both drafts.
In a long draft full of near-duplicates the shingle index (which looks only at
rare word pairs, and keeps a few candidates per unit) can miss it: its words are
shared by a whole family of look-alikes. :func:`near_pairs` proposes, for every
unit still unpaired, the units standing in the same gap of the other draft
between pairs already kept in order, so that what stands at a unit's place is
always scored.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Container, Sequence

from treaty_diff.align.similarity import Unit

#: Gaps with at most this many old x new units are compared in full (else around each unit's projected place).
SMALL_GAP = 64


def numbered_pairs(old: Sequence[Unit], new: Sequence[Unit], olds: Sequence[int], news: Sequence[int],
                   same_num: Callable[[str | None, str | None], bool]) -> set[tuple[int, int]]:
    """The pairs of ``olds`` and ``news`` (indices of unmatched units) that carry the same number."""
    by_num: dict[str, list[int]] = {}
    for j in news:
        num = new[j].num
        if num:
            by_num.setdefault(num.strip().casefold(), []).append(j)
    found: set[tuple[int, int]] = set()
    for i in olds:
        num = old[i].num
        if num:
            found.update((i, j) for j in by_num.get(num.strip().casefold(), ()) if same_num(num, new[j].num))
    return found


def near_pairs(anchors: Sequence[tuple[int, int]], old_count: int, new_count: int, paired_old: Container[int],
               paired_new: Container[int], window: int) -> set[tuple[int, int]]:
    """The pairs of unpaired units standing in the same gap between ``anchors`` (pairs in order on both sides):
    every pair of a small gap, else each unit with the ``window`` units either side of its projected place in
    the other draft's part of the gap (both ways, so that the result does not depend on which side is old)."""
    bounds = [(-1, -1), *anchors, (old_count, new_count)]
    found: set[tuple[int, int]] = set()
    for (a0, b0), (a1, b1) in itertools.pairwise(bounds):
        olds = [i for i in range(a0 + 1, a1) if i not in paired_old]
        news = [j for j in range(b0 + 1, b1) if j not in paired_new]
        if not olds or not news:
            continue
        if len(olds) * len(news) <= SMALL_GAP:
            found.update((i, j) for i in olds for j in news)
            continue
        for k, i in enumerate(olds):
            at = round(k * len(news) / len(olds))
            found.update((i, j) for j in news[max(0, at - window):at + window + 1])
        for k, j in enumerate(news):
            at = round(k * len(olds) / len(news))
            found.update((i, j) for i in olds[max(0, at - window):at + window + 1])
    return found
