"""How alike two units are, for the matcher: weighted shared words, ``dice``, containment, and the integer weights
and tie keys that order the matcher's choices the same way whichever draft is called old. Scores are worked out
once per pair and kept."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from treaty_diff.align.similarity import Unit, Weights, add_bags, containment, dice


class Scores:
    """The scores of the pairs of one old and one new side of units (indices into ``old`` and ``new``).

    ``floor`` and ``contained``: see :meth:`acceptable` (and ``Thresholds`` in :mod:`.match`).
    """

    def __init__(self, old: Sequence[Unit], new: Sequence[Unit], weights: Weights, floor: float, contained: float,
                 same_num: Callable[[str | None, str | None], bool]) -> None:
        self.old = old
        self.new = new
        self.weights = weights
        self.floor = floor
        self.contained = contained
        self.same_num = same_num
        self._shared: dict[tuple[int, int], int] = {}
        self._dice: dict[tuple[int, int], float] = {}
        self._same_num: dict[tuple[int, int], bool] = {}

    def shared(self, i: int, j: int) -> int:
        key = (i, j)
        found = self._shared.get(key)
        if found is None:
            found = self._shared[key] = self.weights.shared(self.old[i].bag, self.new[j].bag)
        return found

    def dice(self, i: int, j: int) -> float:
        key = (i, j)
        found = self._dice.get(key)
        if found is None:
            found = self._dice[key] = dice(self.shared(i, j), self.old[i].size, self.new[j].size)
        return found

    def similarity(self, i: int, j: int) -> float:
        """``dice``, or 1.0 for equal texts (without weighing them)."""
        return 1.0 if self.old[i].content == self.new[j].content else self.dice(i, j)

    def inside(self, i: int, j: int) -> float:
        """How much of the smaller text is found in the other."""
        shared = self.shared(i, j)
        return max(containment(shared, self.old[i].size), containment(shared, self.new[j].size))

    def acceptable(self, i: int, j: int, least: float) -> bool:
        """At least ``least`` alike, or at least ``floor`` alike with one text mostly found in the other."""
        score = self.dice(i, j)
        return score >= least or (score >= self.floor and self.inside(i, j) >= self.contained)

    def numbered_alike(self, i: int, j: int) -> bool:
        key = (i, j)
        found = self._same_num.get(key)
        if found is None:
            found = self._same_num[key] = self.same_num(self.old[i].num, self.new[j].num)
        return found

    def tie_key(self, i: int, j: int) -> tuple[int, int, float, int, int]:
        """Symmetric in old and new: number, heading, relative position, then the texts' checksums."""
        a, b = self.old[i], self.new[j]
        return (
            0 if self.numbered_alike(i, j) else 1,
            0 if same_text(a.heading, b.heading) else 1,
            self.distance(i, j),
            min(a.checksum, b.checksum),
            max(a.checksum, b.checksum),
        )

    def distance(self, i: int, j: int) -> float:
        return abs(i / max(len(self.old), 1) - j / max(len(self.new), 1))

    def chain_weight(self, i: int, j: int, similarity: float) -> int:
        """An integer that orders chains by similarity (a same number worth a little), then closeness, then
        a checksum of the two texts: the same whichever side is old."""
        a, b = self.old[i], self.new[j]
        bonus = 0.01 if self.numbered_alike(i, j) else 0.0
        close = round((1 - self.distance(i, j)) * 1_000_000)
        tie = (min(a.checksum, b.checksum) * 0x9E3779B1 + max(a.checksum, b.checksum)) & 0xFFFFFFFFFF
        return round((similarity + bonus) * 1_000_000) << 128 | close << 64 | tie

    def group_shared(self, center: Unit, parts: list[Unit]) -> int:
        if not parts:
            return 0
        return self.weights.shared(center.bag, add_bags(p.bag for p in parts))


def same_text(a: str | None, b: str | None) -> bool:
    """Equal apart from case and surrounding space (and both present)."""
    return a is not None and b is not None and a.strip().casefold() == b.strip().casefold()
