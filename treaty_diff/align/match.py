"""The matching engine behind :mod:`treaty_diff.align`, the same for provisions and for blocks.

It works on :class:`Unit` values (a provision or a block reduced to what
matching needs) and returns :class:`~.order.Group` values: one old and one new
unit, or one old and several new (a split), or several old and one new (a
merge). Units left out of every group are the insertions and deletions.

Place is evidence. A provision edited in place stands between the same
neighbours in both drafts, and a reader pairs it with what stands there before
looking across the draft; long drafts repeat their boilerplate (final clauses,
procedural articles, annex items), so the most similar text elsewhere is often a
near-duplicate, not the provision itself. The stages, each on what the previous
ones left unmatched:

1. **identical**: equal texts, each found once on either side, pair first;
2. **candidates**: the pairs worth scoring: the caller's (e.g. the shingle index),
   those of units with the same number, and those of units standing in the same gap
   between the pairs of stage 1 and the clearest pairs of the index
   (:mod:`.candidates`), so that a provision edited in place is always compared
   with what stands at its place;
3. **backbone**: the heaviest set of pairs kept in order on both sides
   (:func:`~.order.heaviest_chain`, weighted by similarity), among the pairs at
   least ``Thresholds.pair`` alike (or ``floor`` alike with one text mostly found in
   the other), leaving out a pair one unit of which has a partner better by
   ``choice`` that clearly prefers it back: among candidates of similar score the
   one in order wins, and a far better partner elsewhere is not shadowed;
4. **in place splits and merges**: a unit standing next to a paired unit's partner
   joins that pair's group when enough of it (``near_attach``) is found in the
   other side's unit, and in the part of it the pair does not yet explain
   (``near_residual``);
5. **contested pairs**: a backbone pair one unit of which has a more similar
   candidate still unpaired is undone, to be weighed again with the leftovers;
6. **assignment**: the leftovers are paired by a global assignment
   (:mod:`.assign`), not best first: pairs standing in the same gap on both sides
   (at least ``pair`` alike, ``gap_floor`` for blocks, with a small bonus for
   their place), and pairs across the draft (moves: at least ``move`` alike, or
   ``pair`` alike for a unit that changed places with a neighbour) only where the
   assignment would lose ``move_margin`` without them, or would pair the same texts
   anyway: a move is claimed only where the aligner is sure;
7. **splits and merges again**: in place as in stage 4, then anywhere: a leftover
   mostly contained (``attach``) in a unit of the other side, and in the part of it
   that its group does not explain (``residual``), joins that unit's group.

Nothing is paired below ``Thresholds.floor``: two texts less alike than that are
a deletion and an insertion. Ties are broken by the number and the heading, then
by relative position, then by a checksum of the two texts: never by which side is
old, so that aligning B with A gives the inverse of aligning A with B.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from treaty_diff.align.assign import assign, components
from treaty_diff.align.candidates import SMALL_GAP, near_pairs, numbered_pairs
from treaty_diff.align.order import Group, heaviest_chain
from treaty_diff.align.scores import Scores, same_text
from treaty_diff.align.similarity import Unit, Weights, containment, dice


@dataclass(frozen=True)
class Thresholds:
    """The cut-offs of the matching stages (see the module docstring).

    ``pair``: least ``dice`` of a 1:1 pair (and of a split or merge as a whole);
    ``floor``: least ``dice`` of any pair at all; ``contained``: least containment of
    one text in the other that lets a pair between ``floor`` and ``pair`` stand (an
    article that grew or shrank a lot); ``choice``: how much better a unit's other
    partner must be to keep it out of the backbone (and twice the bonus of a pair in
    a gap); ``move``: least ``dice`` of a pair across the draft; ``move_margin``: how
    much the assignment must lose without it; ``near_attach`` and ``attach``: least share of a unit found in the unit
    whose group it joins, next to it and anywhere; ``near_residual`` and ``residual``:
    least share found in what that group does not yet explain, likewise;
    ``gap_floor``: least ``dice`` of a pair in a gap (None: ``pair``); ``window``: how
    many units either side of its projected place a unit in a long gap is compared with.
    """

    pair: float = 0.40
    floor: float = 0.30
    contained: float = 0.70
    choice: float = 0.10
    move: float = 0.50
    move_margin: float = 0.01
    near_attach: float = 0.35
    attach: float = 0.50
    near_residual: float = 0.25
    residual: float = 0.35
    gap_floor: float | None = None
    window: int = 4


#: Given the indices of the old and the new units still unmatched after stage 1, the pairs worth scoring.
Candidates = Callable[[Sequence[int], Sequence[int]], Iterable[tuple[int, int]]]

#: Sides with at most this many old x new units after stage 1 are compared in full (no candidates needed).
_ALL_PAIRS = 400
#: How far from a pair its split parts or merged parts may stand (units passed over included).
_NEAR = 4


def match(old: Sequence[Unit], new: Sequence[Unit], weights: Weights,
          candidates: Candidates | None = None,
          thresholds: Thresholds = Thresholds(),
          same_num: Callable[[str | None, str | None], bool] | None = None) -> list[Group]:
    """Group the units of two sides by content; see the module docstring. ``candidates=None`` means all pairs."""
    if len(old) == len(new) == 1:  # one unit each side (most blocks): the stages come down to this
        score = Scores(old, new, weights, thresholds.floor, thresholds.contained, same_text)
        least = thresholds.pair if thresholds.gap_floor is None else min(thresholds.pair, thresholds.gap_floor)
        return [Group((0,), (0,), score.similarity(0, 0))] if (
            old[0].content == new[0].content or score.acceptable(0, 0, least)) else []
    return _Matcher(old, new, weights, thresholds, same_num or same_text).run(candidates)


#: Each unit's two best (score, partner), best first.
Tops = tuple[dict[int, list[tuple[float, int]]], dict[int, list[tuple[float, int]]]]


def _tops(scored: Iterable[tuple[int, int, float]]) -> Tops:
    """The two best (score, partner) of each unit among the scored pairs, best first (equal scores: the smaller
    partner first)."""
    top_old: dict[int, list[tuple[float, int]]] = {}
    top_new: dict[int, list[tuple[float, int]]] = {}
    for i, j, score in scored:
        for top, entry in ((top_old.setdefault(i, []), (score, j)), (top_new.setdefault(j, []), (score, i))):
            top.append(entry)
            top.sort(key=lambda e: (-e[0], e[1]))
            del top[2:]
    return top_old, top_new


class _Matcher:
    def __init__(self, old: Sequence[Unit], new: Sequence[Unit], weights: Weights, thresholds: Thresholds,
                 same_num: Callable[[str | None, str | None], bool]) -> None:
        self.old = old
        self.new = new
        self.t = thresholds
        self.same_num = same_num
        self.partner_of_old: dict[int, int] = {}
        self.partner_of_new: dict[int, int] = {}
        self.groups: list[Group] = []  # splits and merges
        self.grouped_old: set[int] = set()
        self.grouped_new: set[int] = set()
        self.score = Scores(old, new, weights, thresholds.floor, thresholds.contained, same_num)
        self.pairs: list[tuple[int, int]] = []

    # -- state ----------------------------------------------------------------------------------

    def free_old(self, i: int) -> bool:
        return i not in self.partner_of_old and i not in self.grouped_old

    def free_new(self, j: int) -> bool:
        return j not in self.partner_of_new and j not in self.grouped_new

    def pair(self, i: int, j: int) -> None:
        self.partner_of_old[i] = j
        self.partner_of_new[j] = i

    def all_groups(self) -> list[Group]:
        groups = list(self.groups)
        groups.extend(Group((i,), (j,), self.score.similarity(i, j)) for i, j in self.partner_of_old.items())
        return groups

    # -- stages ---------------------------------------------------------------------------------

    def run(self, candidates: Candidates | None) -> list[Group]:
        identical = self.identical()
        olds = [i for i in range(len(self.old)) if i not in self.partner_of_old]
        news = [j for j in range(len(self.new)) if j not in self.partner_of_new]
        if candidates is None or len(olds) * len(news) <= _ALL_PAIRS:
            pairs = {(i, j) for i in olds for j in news}
        else:
            pairs = set(candidates(olds, news))
            pairs |= numbered_pairs(self.old, self.new, olds, news, self.same_num)
            anchors = [*identical, *self.clear_pairs(pairs)]
            score = self.score
            ordered = heaviest_chain([(i, j, score.chain_weight(i, j, score.similarity(i, j))) for i, j in anchors])
            pairs |= near_pairs(ordered, len(self.old), len(self.new), self.partner_of_old, self.partner_of_new,
                                self.t.window)
        self.pairs = sorted(pairs)
        self.backbone(identical)
        near = self.t.near_attach, self.t.near_residual
        self.grow(self.near_offers(), *near)
        if candidates is not None and len(olds) * len(news) > _ALL_PAIRS:
            # the leftovers again, among themselves: what was common is rare among them
            left_old = [i for i in range(len(self.old)) if self.free_old(i)]
            left_new = [j for j in range(len(self.new)) if self.free_new(j)]
            if left_old and left_new:
                self.pairs = sorted(pairs | set(candidates(left_old, left_new)))
        self.release_contested(set(identical))
        self.assign_leftovers()
        self.grow(self.near_offers(), *near)
        self.grow(self.far_offers(), self.t.attach, self.t.residual)
        return sorted(self.all_groups(), key=lambda g: (g.new[0], g.old[0]))

    def identical(self) -> list[tuple[int, int]]:
        """Pair texts that occur once on each side and are equal; repeated texts are left to the later stages."""
        olds: dict[str, list[int]] = {}
        for i, unit in enumerate(self.old):
            olds.setdefault(unit.content, []).append(i)
        news: dict[str, list[int]] = {}
        for j, unit in enumerate(self.new):
            news.setdefault(unit.content, []).append(j)
        found = []
        for content, at in news.items():
            if len(at) == 1 and len(olds.get(content, ())) == 1:
                self.pair(olds[content][0], at[0])
                found.append((olds[content][0], at[0]))
        return found

    def clear_pairs(self, pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """Pairs each unit of which prefers the other (and at least ``pair`` alike): places to measure from."""
        best_old: dict[int, tuple[float, int]] = {}
        best_new: dict[int, tuple[float, int]] = {}
        for i, j in pairs:
            score = self.score.dice(i, j)
            if score >= self.t.pair:
                if score > best_old.get(i, (0.0, -1))[0]:
                    best_old[i] = (score, j)
                if score > best_new.get(j, (0.0, -1))[0]:
                    best_new[j] = (score, i)
        return [(i, j) for i, (_, j) in best_old.items() if best_new[j][1] == i]

    def backbone(self, identical: Sequence[tuple[int, int]]) -> None:
        """Stage 3: the heaviest chain, in order on both sides, of the pairs that may win by their place."""
        eligible = [(i, j, self.score.dice(i, j)) for i, j in self.pairs if self.score.acceptable(i, j, self.t.pair)]
        tops = _tops(eligible)
        edges = [(i, j, self.score.chain_weight(i, j, 1.0)) for i, j in identical]
        edges += [(i, j, self.score.chain_weight(i, j, s)) for i, j, s in eligible if not self.claimed(i, j, s, tops)]
        for i, j in heaviest_chain(edges):
            if i not in self.partner_of_old:
                self.pair(i, j)

    def claimed(self, i: int, j: int, score: float, tops: Tops) -> bool:
        """Whether ``i`` or ``j`` has a far better partner (by ``choice``) that clearly prefers it back: then
        (i, j), in order or not, must not stand in the way of that pair."""
        top_old, top_new = tops

        def claim(top: list[tuple[float, int]], other: int, rivals: dict[int, list[tuple[float, int]]],
                  me: int) -> bool:
            best, partner = top[0]
            if partner == other or best < score + self.t.choice:
                return False
            rival = rivals[partner]
            return rival[0][1] == me and (len(rival) < 2 or rival[0][0] - rival[1][0] >= self.t.move_margin)

        return ((i in top_old and claim(top_old[i], j, top_new, i))
                or (j in top_new and claim(top_new[j], i, top_old, j)))

    def release_contested(self, certain: set[tuple[int, int]]) -> None:
        """Stage 5: undo the 1:1 pairs (not of equal texts) one unit of which has a more similar candidate still
        unpaired, so that the assignment of the leftovers weighs both readings."""
        better: set[tuple[int, int]] = set()
        for i, j in self.pairs:
            score = self.score.dice(i, j)
            partner = self.partner_of_old.get(i)
            if (partner is not None and self.free_new(j) and (i, partner) not in certain
                    and score > self.score.dice(i, partner)):
                better.add((i, partner))
            partner = self.partner_of_new.get(j)
            if (partner is not None and self.free_old(i) and (partner, j) not in certain
                    and score > self.score.dice(partner, j)):
                better.add((partner, j))
        for i, j in better:
            if self.partner_of_old.get(i) == j:
                del self.partner_of_old[i]
                del self.partner_of_new[j]

    def gaps(self) -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int]]]:
        """For each unmatched unit of each side, the groups just before and just after it (-1: none)."""
        groups = self.all_groups()
        group_of_old = {i: n for n, g in enumerate(groups) for i in g.old}
        group_of_new = {j: n for n, g in enumerate(groups) for j in g.new}

        def between(count: int, group_of: dict[int, int]) -> dict[int, tuple[int, int]]:
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

        return between(len(self.old), group_of_old), between(len(self.new), group_of_new)

    def assign_leftovers(self) -> None:
        """Stage 6: the leftovers paired by a global assignment (:mod:`.assign`): pairs standing in the
        same gap on both sides (at least ``pair`` alike, ``gap_floor`` for blocks, and worth a little more for
        their place), and pairs across the draft (at least ``move`` alike) that the assignment would lose at
        least ``move_margin`` without: a move is claimed only where no other reading comes close."""
        gap_of_old, gap_of_new = self.gaps()
        by_gap: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
        for i, gap in gap_of_old.items():
            by_gap.setdefault(gap, ([], []))[0].append(i)
        for j, gap in gap_of_new.items():
            if gap in by_gap:
                by_gap[gap][1].append(j)
        known = set(self.pairs)
        least = self.t.pair if self.t.gap_floor is None else self.t.gap_floor
        bonus = self.t.choice / 2
        weights: dict[tuple[int, int], int] = {}
        for olds, news in by_gap.values():
            small = len(olds) * len(news) <= SMALL_GAP
            for i in olds:
                for j in news:
                    if (small or (i, j) in known) and self.score.acceptable(i, j, least):
                        weights[(i, j)] = self.score.chain_weight(i, j, self.score.dice(i, j) + bonus)
        local = set(weights)
        place_old, place_new = self.places()
        for i, j in self.pairs:
            if (i, j) in local or not (self.free_old(i) and self.free_new(j)):
                continue
            near = abs(place_old[i] - j) <= _NEAR or abs(place_new[j] - i) <= _NEAR  # a swap with a neighbour
            if self.score.dice(i, j) >= (self.t.pair if near else self.t.move):
                weights[(i, j)] = self.score.chain_weight(i, j, self.score.dice(i, j))
        margin = round(self.t.move_margin * 1_000_000) << 128
        for group in components(weights):
            within = {e: weights[e] for e in group}
            chosen = assign(within)
            best = sum(within[e] for e in chosen)
            for i, j in chosen:
                if (i, j) in local or self.sure(i, j, within, best, margin):
                    self.pair(i, j)

    def places(self) -> tuple[list[int], list[int]]:
        """Where each unit would stand in the other draft if it kept its place after the nearest paired unit
        before it (the old side's projections, the new side's)."""
        groups = self.all_groups()
        partner_old = {i: g.new[0] for g in groups for i in g.old}
        partner_new = {j: g.old[0] for g in groups for j in g.new}

        def project(count: int, partner: dict[int, int]) -> list[int]:
            places, anchor, at = [], -1, -1
            for index in range(count):
                if index in partner:
                    anchor, at = index, partner[index]
                places.append(at + index - anchor)
            return places

        return project(len(self.old), partner_old), project(len(self.new), partner_new)

    def sure(self, i: int, j: int, weights: dict[tuple[int, int], int], best: int, margin: int) -> bool:
        """Whether the assignment without (i, j) is worse by ``margin``, or reads the same: pairs ``j`` with a text
        equal to ``i``'s, or ``i`` with a text equal to ``j``'s (which of two equal texts moved is no question)."""
        without = {e: w for e, w in weights.items() if e != (i, j)}
        other = assign(without)
        if best - sum(without[e] for e in other) >= margin:
            return True
        return any((b == j and self.old[a].content == self.old[i].content)
                   or (a == i and self.new[b].content == self.new[j].content) for a, b in other)

    # -- splits and merges ----------------------------------------------------------------------

    def near_offers(self) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
        """Unmatched units standing right next to a paired unit's partner, offered to that pair's group:
        old centre -> new units (a split), new centre -> old units (a merge)."""
        offers_old: dict[int, list[int]] = {}
        offers_new: dict[int, list[int]] = {}
        reach = _NEAR
        for i, j in self.partner_of_old.items():
            for run in (range(j + 1, len(self.new)), range(j - 1, -1, -1)):
                for k in itertools.islice(run, reach):
                    if self.free_new(k):
                        offers_old.setdefault(i, []).append(k)
                    elif k in self.grouped_new or abs(self.partner_of_new[k] - i) <= reach:
                        break  # a neighbour in place: the run ends (one paired from afar, moved here, is passed over)
            for run in (range(i + 1, len(self.old)), range(i - 1, -1, -1)):
                for k in itertools.islice(run, reach):
                    if self.free_old(k):
                        offers_new.setdefault(j, []).append(k)
                    elif k in self.grouped_old or abs(self.partner_of_old[k] - j) <= reach:
                        break
        return offers_old, offers_new

    def far_offers(self) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
        """Unmatched units of the scored pairs, offered to the group of the unit they are paired with."""
        offers_old: dict[int, list[int]] = {}
        offers_new: dict[int, list[int]] = {}
        for i, j in self.pairs:
            if i not in self.grouped_old and self.free_new(j):
                offers_old.setdefault(i, []).append(j)
            if j not in self.grouped_new and self.free_old(i):
                offers_new.setdefault(j, []).append(i)
        return offers_old, offers_new

    def grow(self, offers: tuple[dict[int, list[int]], dict[int, list[int]]], attach: float,
             residual: float) -> None:
        """Stages 4 and 7: grow splits and merges out of the offered units.

        An offered unit may join the group of a unit of the other side (its centre)
        when at least ``attach`` of it is found in the centre, and at least ``residual``
        of it in what the centre's partner, if any, does not account for. Each centre
        grows its own proposal; proposals are then taken best first, each unit in one only.
        """
        offers_old, offers_new = offers
        proposals: list[tuple[float, int, tuple[int, ...], tuple[int, ...]]] = []
        for center, offered in offers_old.items():
            inside = [(containment(self.score.shared(center, j), self.new[j].size), j) for j in set(offered)]
            attached = [j for share, j in sorted(inside, key=lambda o: (-o[0], self.score.tie_key(center, o[1])))
                        if share >= attach]
            grown = self._grow(center, attached, self.partner_of_old.get(center), True, residual) if attached else None
            if grown is not None:
                score, members = grown
                key = min(self.old[center].checksum, *(self.new[j].checksum for j in members))
                proposals.append((score, key, (center,), members))
        for center, offered in offers_new.items():
            inside = [(containment(self.score.shared(i, center), self.old[i].size), i) for i in set(offered)]
            attached = [i for share, i in sorted(inside, key=lambda o: (-o[0], self.score.tie_key(o[1], center)))
                        if share >= attach]
            grown = self._grow(center, attached, self.partner_of_new.get(center), False, residual) if attached else None
            if grown is not None:
                score, members = grown
                key = min(self.new[center].checksum, *(self.old[i].checksum for i in members))
                proposals.append((score, key, members, (center,)))

        for score, _, olds, news in sorted(proposals, key=lambda p: (-p[0], p[1])):
            involved_old = set(olds) | {self.partner_of_new[j] for j in news if j in self.partner_of_new}
            involved_new = set(news) | {self.partner_of_old[i] for i in olds if i in self.partner_of_old}
            if involved_old & self.grouped_old or involved_new & self.grouped_new:
                continue
            if any(i not in olds and i in self.partner_of_old for i in involved_old):
                continue  # the proposal would take a unit from another pair
            if any(j not in news and j in self.partner_of_new for j in involved_new):
                continue
            for i in involved_old:
                self.partner_of_old.pop(i, None)
            for j in involved_new:
                self.partner_of_new.pop(j, None)
            self.grouped_old |= involved_old
            self.grouped_new |= involved_new
            self.groups.append(Group(tuple(sorted(involved_old)), tuple(sorted(involved_new)), score))

    def _grow(self, center: int, attached: list[int], partner: int | None, old_side: bool,
              residual: float) -> tuple[float, tuple[int, ...]] | None:
        """Add each attached unit of which enough (``residual``) is found in what the group does not yet explain.

        Returns the group's similarity and members, or None unless it ends with at least two members.
        """
        center_unit = self.old[center] if old_side else self.new[center]
        others = self.new if old_side else self.old
        members: list[int] = [] if partner is None else [partner]
        explained = self.score.group_shared(center_unit, [others[m] for m in members])
        for candidate in attached:
            if candidate in members:
                continue
            trial = [*members, candidate]
            shared = self.score.group_shared(center_unit, [others[m] for m in trial])
            if containment(shared - explained, others[candidate].size) >= residual:
                members, explained = trial, shared
        if len(members) < 2:
            return None
        score = dice(explained, center_unit.size, sum(others[m].size for m in members))
        if score < self.t.pair:
            return None
        return score, tuple(sorted(members))
