"""Order, for the matcher: the heaviest chain of pairs kept in order, which groups moved, and the reading order.

All three work on indices (old unit, new unit) and integer weights, so that the
result does not depend on which draft is called old: a weight is the same
number whichever way round the pair is read, and every choice between equal
chains is made by weight, never by position in a list.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Group:
    """Indices of old and new units that correspond, and how alike their texts are (``dice``, 1.0 if identical)."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float


def heaviest_chain(edges: Sequence[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The (old, new) pairs of the heaviest set of ``edges`` (old, new, weight) in the same order on both sides.

    No two chosen edges share an old or a new index, and for any two the one with
    the smaller old index has the smaller new index. O(E log E): edges sorted by
    old index (new index descending within one old index, so that one old index is
    used once), then a Fenwick tree of prefix maxima over the new indices.
    """
    if not edges:
        return []
    ranks = {j: r for r, j in enumerate(sorted({j for _, j, _ in edges}), start=1)}
    size = len(ranks)
    tree_weight = [0] * (size + 1)
    tree_edge = [-1] * (size + 1)
    ordered = sorted(range(len(edges)), key=lambda e: (edges[e][0], -edges[e][1]))
    parent = [-1] * len(edges)
    total = [0] * len(edges)
    best_weight, best_edge = 0, -1
    for e in ordered:
        _, j, weight = edges[e]
        rank = ranks[j]
        found_weight, found_edge = 0, -1
        position = rank - 1
        while position > 0:
            if tree_weight[position] > found_weight:
                found_weight, found_edge = tree_weight[position], tree_edge[position]
            position -= position & -position
        value = found_weight + weight
        parent[e] = found_edge
        total[e] = value
        if value > best_weight:
            best_weight, best_edge = value, e
        position = rank
        while position <= size:
            if value > tree_weight[position]:
                tree_weight[position], tree_edge[position] = value, e
            position += position & -position
    chain = []
    e = best_edge
    while e != -1:
        chain.append((edges[e][0], edges[e][1]))
        e = parent[e]
    return chain[::-1]


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
