"""Global assignment for the matcher: the pairs of the greatest total weight, each unit in one pair at most.

The aligner's leftovers (what the ordered backbone did not pair) form small
groups of units that compete for one another. Taking the best pair first can
cost more than it gains: an article that reads a little more like a moved
article's text than the moved article's own source takes it, and both true
pairs are lost. :func:`assign` maximises the total instead (the Hungarian
method, on each connected group of competing units) and falls back to best
first only for a group too large to solve exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

Edge = tuple[int, int]

#: A connected group with more units than this on one side is paired best first instead.
LARGEST_EXACT = 60


def components(edges: Iterable[Edge]) -> list[list[Edge]]:
    """The edges grouped by connected component (old and new indices are separate nodes), in a stable order."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def find(node: tuple[int, int]) -> tuple[int, int]:
        root = node
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[node] != root:
            parent[node], node = root, parent[node]
        return root

    listed = sorted(set(edges))
    for i, j in listed:
        a, b = find((0, i)), find((1, j))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[tuple[int, int], list[Edge]] = {}
    for i, j in listed:
        groups.setdefault(find((0, i)), []).append((i, j))
    return [groups[key] for key in sorted(groups)]


def assign(weights: Mapping[Edge, int]) -> list[Edge]:
    """A matching of the greatest total weight (weights positive integers; a missing edge cannot be used)."""
    chosen: list[Edge] = []
    for group in components(weights):
        rows = sorted({i for i, _ in group})
        cols = sorted({j for _, j in group})
        if len(rows) == 1 or len(cols) == 1:
            chosen.append(max(group, key=lambda e: (weights[e], -e[0], -e[1])))
        elif max(len(rows), len(cols)) <= LARGEST_EXACT:
            chosen.extend(_hungarian(rows, cols, {e: weights[e] for e in group}))
        else:
            chosen.extend(_best_first({e: weights[e] for e in group}))
    return chosen


def total(weights: Mapping[Edge, int]) -> int:
    """The total weight of the best matching."""
    return sum(weights[e] for e in assign(weights))


def _best_first(weights: Mapping[Edge, int]) -> list[Edge]:
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    chosen = []
    for (i, j), _ in sorted(weights.items(), key=lambda item: (-item[1], item[0])):
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            chosen.append((i, j))
    return chosen


def _hungarian(rows: list[int], cols: list[int], weights: Mapping[Edge, int]) -> list[Edge]:
    """Maximum weight matching by the Hungarian method on costs -weight (0 where there is no edge), O(n^2 m)."""
    flip = len(rows) > len(cols)
    if flip:
        rows, cols = cols, rows
        weights = {(j, i): w for (i, j), w in weights.items()}
    n, m = len(rows), len(cols)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    row_at = {r: k for k, r in enumerate(rows, start=1)}
    col_at = {c: k for k, c in enumerate(cols, start=1)}
    for (r, c), w in weights.items():
        cost[row_at[r]][col_at[c]] = -w
    infinity = 1 << 256  # costs are integers (weights up to about 2**150): stay exact
    u = [0] * (n + 1)
    v = [0] * (m + 1)
    owner = [0] * (m + 1)  # owner[column] = row
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        owner[0] = row
        column = 0
        least = [infinity] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[column] = True
            current, delta, next_column = owner[column], infinity, 0
            for c in range(1, m + 1):
                if not used[c]:
                    reduced = cost[current][c] - u[current] - v[c]
                    if reduced < least[c]:
                        least[c], way[c] = reduced, column
                    if least[c] < delta:
                        delta, next_column = least[c], c
            for c in range(m + 1):
                if used[c]:
                    u[owner[c]] += delta
                    v[c] -= delta
                else:
                    least[c] -= delta
            column = next_column
            if owner[column] == 0:
                break
        while column:
            previous = way[column]
            owner[column] = owner[previous]
            column = previous
    chosen = []
    for c in range(1, m + 1):
        r = owner[c]
        if r and cost[r][c] < 0:
            edge = (rows[r - 1], cols[c - 1])
            chosen.append((edge[1], edge[0]) if flip else edge)
    return sorted(chosen)
