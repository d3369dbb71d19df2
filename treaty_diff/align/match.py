"""The matching engine behind :mod:`treaty_diff.align`, the same for provisions and for blocks.

It works on :class:`Unit` values (a provision or a block reduced to what
matching needs) and returns :class:`Group` values: one old and one new unit, or
one old and several new (a split), or several old and one new (a merge).
Units left out of every group are the insertions and deletions.

The stages, each on what the previous ones left unmatched:

1. equal texts, each found once on either side, pair first;
2. best-first 1:1 pairing by ``dice`` over the candidate pairs, down to ``Thresholds.pair``;
3. best-first 1:1 pairing by containment (one text mostly found in the other: an
   article that grew or shrank a lot), with a lower floor on ``dice``;
4. splits and merges: an unmatched unit mostly contained in a unit of the other
   side (and in the part of it that its partner does not explain) joins that unit's group;
5. optionally (blocks), leftovers standing between the same two groups on both
   sides pair if they are at least ``Thresholds.gap_floor`` alike.

Ties are broken by the number and the heading, then by relative position, then by
a checksum of the two texts: never by which side is old, so that aligning B with
A gives the inverse of aligning A with B.

:func:`moved` names the groups that changed place: those outside a longest
chain of groups whose order is the same in both drafts (the heaviest such chain,
by similarity, when several are equally long).
"""

from __future__ import annotations

import bisect
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from treaty_diff.align.similarity import Weights, add_bags, bag, containment, dice


@dataclass(frozen=True)
class Unit:
    """What matching needs to know of a provision or a block.

    ``content`` is the text apart from the number: equal contents make an
    unchanged pair. ``words`` are its comparable words; their bag and weighted
    size (see :mod:`treaty_diff.similarity`) are worked out on first use, since
    most units of two drafts are paired by equal content alone. ``num`` and
    ``heading`` only break ties.
    """

    key: str
    content: str
    words: Sequence[str]
    weights: Weights = field(repr=False, compare=False)
    num: str | None = None
    heading: str | None = None

    @cached_property
    def bag(self) -> dict[str, int]:
        return bag(self.words)

    @cached_property
    def size(self) -> int:
        return self.weights.size(self.bag)

    @cached_property
    def checksum(self) -> int:
        return zlib.crc32(self.content.encode("utf-8"))


@dataclass(frozen=True)
class Group:
    """Indices of old and new units that correspond, and how alike their texts are (``dice``, 1.0 if identical)."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float


@dataclass(frozen=True)
class Thresholds:
    """The cut-offs of the matching stages (see the module docstring).

    ``pair``: least ``dice`` of a 1:1 pair (and of a split or merge as a whole);
    ``contained``/``contained_floor``: least containment of either text in the other,
    and least ``dice``, of a pair of stage 3; ``attach``: least share of a unit found in
    the unit whose group it joins; ``residual``: least share found in what that
    group does not yet explain; ``gap_floor``: see stage 5 (None: no stage 5).
    """

    pair: float = 0.40
    contained: float = 0.60
    contained_floor: float = 0.15
    attach: float = 0.50
    residual: float = 0.35
    gap_floor: float | None = None


#: Given the indices of the old and the new units still unmatched after stage 1, the pairs worth scoring.
Candidates = Callable[[Sequence[int], Sequence[int]], Iterable[tuple[int, int]]]


def match(old: Sequence[Unit], new: Sequence[Unit], weights: Weights,
          candidates: Candidates | None = None,
          thresholds: Thresholds = Thresholds(),
          same_num: Callable[[str | None, str | None], bool] | None = None) -> list[Group]:
    """Group the units of two sides by content; see the module docstring. ``candidates=None`` means all pairs."""
    return _Matcher(old, new, weights, thresholds, same_num or _same_text).run(candidates)


def _same_text(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.strip().casefold() == b.strip().casefold()


class _Matcher:
    def __init__(self, old: Sequence[Unit], new: Sequence[Unit], weights: Weights, thresholds: Thresholds,
                 same_num: Callable[[str | None, str | None], bool]) -> None:
        self.old = old
        self.new = new
        self.weights = weights
        self.t = thresholds
        self.same_num = same_num
        self.partner_of_old: dict[int, int] = {}
        self.partner_of_new: dict[int, int] = {}
        self._shared: dict[tuple[int, int], int] = {}

    # -- scores ---------------------------------------------------------------------------------

    def shared(self, i: int, j: int) -> int:
        key = (i, j)
        if key not in self._shared:
            self._shared[key] = self.weights.shared(self.old[i].bag, self.new[j].bag)
        return self._shared[key]

    def dice(self, i: int, j: int) -> float:
        return dice(self.shared(i, j), self.old[i].size, self.new[j].size)

    def tie_key(self, i: int, j: int) -> tuple[int, int, float, int, int]:
        """Symmetric in old and new: number, heading, relative position, then the texts' checksums."""
        a, b = self.old[i], self.new[j]
        position = abs(i / max(len(self.old), 1) - j / max(len(self.new), 1))
        return (
            0 if self.same_num(a.num, b.num) else 1,
            0 if _same_text(a.heading, b.heading) else 1,
            position,
            min(a.checksum, b.checksum),
            max(a.checksum, b.checksum),
        )

    def pair(self, i: int, j: int) -> None:
        self.partner_of_old[i] = j
        self.partner_of_new[j] = i

    # -- stages ---------------------------------------------------------------------------------

    def run(self, candidates: Candidates | None) -> list[Group]:
        self.identical()
        olds = [i for i in range(len(self.old)) if i not in self.partner_of_old]
        news = [j for j in range(len(self.new)) if j not in self.partner_of_new]
        pairs = (
            [(i, j) for i in olds for j in news] if candidates is None else sorted(set(candidates(olds, news)))
        )
        self.best_first(pairs)
        self.contained(pairs)
        groups = self.splits_and_merges(pairs)
        if self.t.gap_floor is not None:
            groups.extend(self.fill_gaps(groups, self.t.gap_floor))
        return sorted(groups, key=lambda g: (g.new[0], g.old[0]))

    def identical(self) -> None:
        """Pair texts that occur once on each side and are equal; repeated texts are left to the later stages."""
        olds: dict[str, list[int]] = {}
        for i, unit in enumerate(self.old):
            olds.setdefault(unit.content, []).append(i)
        news: dict[str, list[int]] = {}
        for j, unit in enumerate(self.new):
            news.setdefault(unit.content, []).append(j)
        for content, found in news.items():
            if len(found) == 1 and len(olds.get(content, ())) == 1:
                self.pair(olds[content][0], found[0])

    def best_first(self, pairs: list[tuple[int, int]]) -> None:
        scored = [(self.dice(i, j), i, j) for i, j in pairs]
        ranked = sorted((s for s in scored if s[0] >= self.t.pair), key=lambda s: (-s[0], self.tie_key(s[1], s[2])))
        for _, i, j in ranked:
            if i not in self.partner_of_old and j not in self.partner_of_new:
                self.pair(i, j)

    def contained(self, pairs: list[tuple[int, int]]) -> None:
        scored = []
        for i, j in pairs:
            if i in self.partner_of_old or j in self.partner_of_new:
                continue
            shared = self.shared(i, j)
            inside = max(containment(shared, self.old[i].size), containment(shared, self.new[j].size))
            both = dice(shared, self.old[i].size, self.new[j].size)
            if inside >= self.t.contained and both >= self.t.contained_floor:
                scored.append((inside, both, i, j))
        scored.sort(key=lambda s: (-s[0], -s[1], self.tie_key(s[2], s[3])))
        for _, _, i, j in scored:
            if i not in self.partner_of_old and j not in self.partner_of_new:
                self.pair(i, j)

    def splits_and_merges(self, pairs: list[tuple[int, int]]) -> list[Group]:
        """Grow splits and merges out of the unmatched units; return every group.

        An unmatched unit may join the group of a unit of the other side (its centre)
        when at least ``attach`` of it is found in the centre, and at least ``residual``
        of it in what the centre's 1:1 partner, if any, does not account for. Each centre
        grows its own proposal; proposals are then taken best first, each unit in one only.
        """
        offers_old: dict[int, list[tuple[float, int]]] = {}  # old centre -> [(containment, new unit)]
        offers_new: dict[int, list[tuple[float, int]]] = {}  # new centre -> [(containment, old unit)]
        residual_old: dict[int, dict[str, int]] = {}
        residual_new: dict[int, dict[str, int]] = {}
        attach = self.t.attach
        for i, j in pairs:
            if j not in self.partner_of_new and (inside := containment(self.shared(i, j), self.new[j].size)) >= attach:
                if i not in residual_old:
                    partner = self.partner_of_old.get(i)
                    residual_old[i] = _minus(self.old[i].bag, self.new[partner].bag if partner is not None else {})
                if containment(
                    self.weights.shared(residual_old[i], self.new[j].bag), self.new[j].size
                ) >= self.t.residual:
                    offers_old.setdefault(i, []).append((inside, j))
            if i not in self.partner_of_old and (inside := containment(self.shared(i, j), self.old[i].size)) >= attach:
                if j not in residual_new:
                    partner = self.partner_of_new.get(j)
                    residual_new[j] = _minus(self.new[j].bag, self.old[partner].bag if partner is not None else {})
                if containment(
                    self.weights.shared(residual_new[j], self.old[i].bag), self.old[i].size
                ) >= self.t.residual:
                    offers_new.setdefault(j, []).append((inside, i))

        proposals: list[tuple[float, int, tuple[int, ...], tuple[int, ...]]] = []
        for center, offers in offers_old.items():
            attached = [j for _, j in sorted(offers, key=lambda o: (-o[0], self.tie_key(center, o[1])))]
            grown = self._grow(center, attached, self.partner_of_old.get(center), old_side=True)
            if grown is not None:
                score, members = grown
                key = min(self.old[center].checksum, *(self.new[j].checksum for j in members))
                proposals.append((score, key, (center,), members))
        for center, offers in offers_new.items():
            attached = [i for _, i in sorted(offers, key=lambda o: (-o[0], self.tie_key(o[1], center)))]
            grown = self._grow(center, attached, self.partner_of_new.get(center), old_side=False)
            if grown is not None:
                score, members = grown
                key = min(self.new[center].checksum, *(self.old[i].checksum for i in members))
                proposals.append((score, key, members, (center,)))

        used_old: set[int] = set()
        used_new: set[int] = set()
        groups: list[Group] = []
        for score, _, olds, news in sorted(proposals, key=lambda p: (-p[0], p[1])):
            involved_old = set(olds) | {self.partner_of_new[j] for j in news if j in self.partner_of_new}
            involved_new = set(news) | {self.partner_of_old[i] for i in olds if i in self.partner_of_old}
            if involved_old & used_old or involved_new & used_new:
                continue
            used_old |= involved_old
            used_new |= involved_new
            groups.append(Group(olds, news, score))
        for i, j in self.partner_of_old.items():
            if i not in used_old:
                similarity = 1.0 if self.old[i].content == self.new[j].content else self.dice(i, j)
                groups.append(Group((i,), (j,), similarity))
        return groups

    def fill_gaps(self, groups: list[Group], floor: float) -> list[Group]:
        """Pair leftovers that stand between the same two groups on both sides and are at least ``floor`` alike."""
        group_of_old = {i: n for n, g in enumerate(groups) for i in g.old}
        group_of_new = {j: n for n, g in enumerate(groups) for j in g.new}

        def gaps(count: int, group_of: dict[int, int]) -> dict[int, tuple[int, int]]:
            where: dict[int, tuple[int, int]] = {}
            before = -1
            waiting: list[int] = []
            for index in range(count):
                if index in group_of:
                    for w in waiting:
                        where[w] = (before, group_of[index])
                    waiting = []
                    before = group_of[index]
                else:
                    waiting.append(index)
            for w in waiting:
                where[w] = (before, -1)
            return where

        gap_of_old = gaps(len(self.old), group_of_old)
        gap_of_new = gaps(len(self.new), group_of_new)
        scored = [
            (self.dice(i, j), i, j)
            for i, gap in gap_of_old.items()
            for j, other in gap_of_new.items()
            if gap == other
        ]
        ranked = sorted((s for s in scored if s[0] >= floor), key=lambda s: (-s[0], self.tie_key(s[1], s[2])))
        found: list[Group] = []
        taken_old: set[int] = set()
        taken_new: set[int] = set()
        for similarity, i, j in ranked:
            if i not in taken_old and j not in taken_new:
                taken_old.add(i)
                taken_new.add(j)
                found.append(Group((i,), (j,), similarity))
        return found

    def _grow(self, center: int, attached: list[int], partner: int | None,
              old_side: bool) -> tuple[float, tuple[int, ...]] | None:
        """Add each attached unit of which enough (``residual``) is found in what the group does not yet explain.

        Returns the group's similarity and members, or None unless it ends with at least two members.
        """
        center_unit = self.old[center] if old_side else self.new[center]
        others = self.new if old_side else self.old
        members: list[int] = [] if partner is None else [partner]
        explained = self._group_shared(center_unit, [others[m] for m in members])
        for candidate in attached:
            trial = [*members, candidate]
            shared = self._group_shared(center_unit, [others[m] for m in trial])
            if containment(shared - explained, others[candidate].size) >= self.t.residual:
                members, explained = trial, shared
        if len(members) < 2:
            return None
        score = dice(explained, center_unit.size, sum(others[m].size for m in members))
        if score < self.t.pair:
            return None
        return score, tuple(sorted(members))

    def _group_shared(self, center: Unit, parts: list[Unit]) -> int:
        if not parts:
            return 0
        return self.weights.shared(center.bag, add_bags(p.bag for p in parts))


def _minus(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    """The multiset difference a - b."""
    return {word: n - b.get(word, 0) for word, n in a.items() if n > b.get(word, 0)}


def moved(groups: Sequence[Group], weight: Callable[[Group], tuple[int, int]]) -> set[int]:
    """Indices of the groups that moved: outside the heaviest longest chain kept in order by both sides.

    A group stands at its first old and its first new unit. Chains are compared by
    length, then by the sum of ``weight`` (two integers: a similarity and a
    tie-breaking checksum), so the fewest groups are called moved and, among
    equally few, the least similar ones. O(n log n) with a Fenwick tree.
    """
    order = sorted(range(len(groups)), key=lambda g: groups[g].new[0])
    ranks = {old: rank for rank, old in enumerate(sorted(g.old[0] for g in groups))}
    size = len(groups)
    tree: list[tuple[int, int, int, int]] = [(0, 0, 0, -1)] * (size + 1)
    parent: dict[int, int] = {}
    best: tuple[int, int, int, int] = (0, 0, 0, -1)
    for g in order:
        rank = ranks[groups[g].old[0]]
        # prefix maximum over ranks < rank
        found: tuple[int, int, int, int] = (0, 0, 0, -1)
        position = rank
        while position > 0:
            if tree[position][:3] > found[:3]:
                found = tree[position]
            position -= position & -position
        similarity, checksum = weight(groups[g])
        value = (found[0] + 1, found[1] + similarity, found[2] + checksum, g)
        parent[g] = found[3]
        if value[:3] > best[:3]:
            best = value
        position = rank + 1
        while position <= size:
            if value[:3] > tree[position][:3]:
                tree[position] = value
            position += position & -position
    chain: set[int] = set()
    g = best[3]
    while g != -1:
        chain.add(g)
        g = parent[g]
    return set(range(len(groups))) - chain


def reading_order(groups: Sequence[Group], deleted: Sequence[int], moved_groups: set[int]) -> list[Group | int]:
    """Groups in the new side's order, each deleted old index right after the group of its nearest
    preceding old unit that neither moved nor was deleted (at the start if there is none)."""
    anchor_of_old: dict[int, int] = {}
    for index, group in enumerate(groups):
        if index not in moved_groups:
            for i in group.old:
                anchor_of_old[i] = index
    after: dict[int, list[int]] = {}
    known = sorted(anchor_of_old)
    for i in sorted(deleted):
        position = bisect.bisect_left(known, i)
        anchor = anchor_of_old[known[position - 1]] if position > 0 else -1
        after.setdefault(anchor, []).append(i)
    result: list[Group | int] = list(after.get(-1, []))
    for index in sorted(range(len(groups)), key=lambda g: groups[g].new[0]):
        result.append(groups[index])
        result.extend(after.get(index, []))
    return result
