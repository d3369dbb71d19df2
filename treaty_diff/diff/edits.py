"""Plain functions on diff-match-patch's diffs (lists of ``(op, text)``) that the engine builds on.

* :func:`_spans`: where each op of an encoded diff lies in the two sequences of units;
* :func:`_anchors`: the patience pass, positions where both strings can be cut
  (characters that occur exactly once in each, longest chain in order);
* :func:`_short_diff`: diff-match-patch's own answer for a gap with an empty or
  one-character side, without its overhead;
* :func:`_merge_neighbours`: the pieces of an anchored diff joined in linear time;
* :func:`_eliminate_small_equalities`: the first phase of diff-match-patch's
  semantic cleanup, with a stack, in linear time instead of quadratic.

Each gives what diff-match-patch itself would give (the tests check it).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

#: diff-match-patch's ops, and one item of its diffs.
_DELETE, _EQUAL, _INSERT = -1, 0, 1
_DmpDiff = tuple[int, str]


def _spans(diffs: Iterable[_DmpDiff]) -> Iterator[tuple[int, slice, slice]]:
    """Each op of an encoded diff (one character a unit) with the slices of the old and the new units it covers.

    An equality covers units on both sides, a deletion only old ones and an
    insertion only new ones (its other slice is empty).
    """
    ia = ib = 0
    for op, chunk in diffs:
        ja = ia if op == _INSERT else ia + len(chunk)
        jb = ib if op == _DELETE else ib + len(chunk)
        yield op, slice(ia, ja), slice(ib, jb)
        ia, ib = ja, jb


def _anchors(a: str, b: str) -> list[tuple[int, int]]:
    """Positions (i, j) with a[i] == b[j], the character unique in each, longest chain in order (patience)."""
    count_a, count_b = Counter(a), Counter(b)
    where_b = {ch: j for j, ch in enumerate(b) if count_b[ch] == 1 and count_a.get(ch) == 1}
    if not where_b:
        return []
    pairs = [(i, where_b[ch]) for i, ch in enumerate(a) if ch in where_b]
    # Longest increasing subsequence of the j's (pairs are in order of i).
    tails: list[int] = []  # tails[k]: the smallest j ending a chain of length k + 1
    tail_index: list[int] = []  # index into pairs of that chain end
    previous: list[int] = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k:
            previous[index] = tail_index[k - 1]
        if k == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[k] = j
            tail_index[k] = index
    chain: list[tuple[int, int]] = []
    index = tail_index[-1]
    while index >= 0:
        chain.append(pairs[index])
        index = previous[index]
    chain.reverse()
    return chain


def _short_diff(a: str, b: str) -> list[_DmpDiff] | None:
    """diff-match-patch's own answer when one side is empty or a single token, without its overhead; else None.

    For two texts with no common prefix or suffix, ``diff_main`` answers these
    cases before any search: the shorter text inside the longer one (an equal
    between two insertions or deletions), or a one-token text not in the other
    (a deletion and an insertion). Most gaps between anchors are such cases (a
    word replaced by a word), so answering here saves a third of the diff time.
    """
    if not a or not b:
        return [(_DELETE, a)] if a else [(_INSERT, b)] if b else []
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) != 1:
        return None
    at = long.find(short)
    if at == -1:
        return [(_DELETE, a), (_INSERT, b)]
    op = _INSERT if long is b else _DELETE
    return [(kind, text) for kind, text in ((op, long[:at]), (_EQUAL, short), (op, long[at + 1:])) if text]


def _merge_neighbours(diffs: list[_DmpDiff]) -> list[_DmpDiff]:
    """Join neighbouring equalities, and the deletions and insertions of each run of changes (deletion first)."""
    out: list[_DmpDiff] = []
    equal: list[str] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush_changes() -> None:
        if deleted:
            out.append((_DELETE, "".join(deleted)))
            deleted.clear()
        if inserted:
            out.append((_INSERT, "".join(inserted)))
            inserted.clear()

    for op, text in diffs:
        if not text:
            continue
        if op == _EQUAL:
            flush_changes()
            equal.append(text)
            continue
        if equal:
            out.append((_EQUAL, "".join(equal)))
            equal.clear()
        (deleted if op == _DELETE else inserted).append(text)
    flush_changes()
    if equal:
        out.append((_EQUAL, "".join(equal)))
    return out


@dataclass
class _ChangeRun:
    """The changes between two equalities: the deleted and the inserted texts, and their lengths."""

    deleted: list[str]
    inserted: list[str]
    deleted_length: int = 0
    inserted_length: int = 0

    @property
    def weight(self) -> int:
        return max(self.deleted_length, self.inserted_length)


def _eliminate_small_equalities(diffs: Iterable[_DmpDiff]) -> list[_DmpDiff]:
    """diff_cleanupSemantic's first phase: an equality no longer than the changes on each side becomes a change.

    ``stack`` alternates change runs and equalities, starting and ending with a
    change run (possibly empty). When a change run is complete, the equality
    before it is tested against the runs on both sides; if it goes, the three
    merge, and the equality before the merged run is tested again, and so on.
    """
    stack: list[_ChangeRun | str] = [_ChangeRun([], [])]

    def settle() -> None:
        while len(stack) >= 3:
            right, equality, left = stack[-1], stack[-2], stack[-3]
            assert isinstance(right, _ChangeRun) and isinstance(left, _ChangeRun) and isinstance(equality, str)
            if not (right.weight and left.weight and len(equality) <= min(left.weight, right.weight)):
                return
            del stack[-2:]
            left.deleted += [equality, *right.deleted]
            left.inserted += [equality, *right.inserted]
            left.deleted_length += len(equality) + right.deleted_length
            left.inserted_length += len(equality) + right.inserted_length

    for op, text in diffs:
        top = stack[-1]
        if op == _EQUAL:
            settle()
            stack.append(text)
            stack.append(_ChangeRun([], []))
            continue
        assert isinstance(top, _ChangeRun)
        if op == _DELETE:
            top.deleted.append(text)
            top.deleted_length += len(text)
        else:
            top.inserted.append(text)
            top.inserted_length += len(text)
    settle()
    out: list[_DmpDiff] = []
    for item in stack:
        if isinstance(item, str):
            out.append((_EQUAL, item))
        else:
            if item.deleted:
                out.append((_DELETE, "".join(item.deleted)))
            if item.inserted:
                out.append((_INSERT, "".join(item.inserted)))
    return out
