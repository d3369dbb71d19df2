"""Which clause of one draft became which clause of the other: candidates, scores and a best-first matching.

Pairing
=======
*Candidates.* Only clauses of provisions the aligner paired
(:func:`~treaty_diff.align.align`; a split or a merge pairs all its parts) can
be counterparts (:func:`candidates`). A clause of a deleted article is
dropped, one of an inserted article is added.

*Score.* Each candidate pair is scored from the words of the two actions (Dice
coefficient over content words, :mod:`.features`; 0.6 of it from the actions
alone, 0.4 from the actions with their conditions, so that a condition worded
into the clause still counts), whether the main verbs agree, whether the
bearers are the same parties, whether the two clauses stand in paragraphs the
aligner paired, and whether the modality is the same. Identical quotes with
the same modality and bearer score 1. A pair needs some shared wording (Dice
>= 0.25, or >= 0.15 with the same verb) and a score >= 0.35.

*One to one, then merges* (:func:`match`). Pairs are taken best first, each
clause once. Then a clause left over may join a clause already paired on the
other side when it has the same modality, the same verb and the same parties,
and shares words with it (Dice >= 0.3): several clauses of one draft *merged*
into one of the other ("not to place ... in orbit", "not to place ... in any
other manner" -> "not place any weapons in outer space"), or one *split* into
several. A clause is never the hub of a merge and a leaf of a split at once.
Every step ranks pairs by a key that does not depend on which draft is the
reference, so comparing B against A gives the same pairs as A against B.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from treaty_diff.model.alignment import Alignment
from treaty_diff.obligations.features import ClauseFeatures, dice, same_text

# Pairing thresholds (see the module docstring).
_MIN_DICE = 0.25
_MIN_DICE_SAME_VERB = 0.15
_MIN_SCORE = 0.35
_MIN_MERGE_DICE = 0.3


@dataclass(frozen=True)
class Candidate:
    """A possible pair of clauses: one of the reference draft, one of the other, how alike they are."""

    a: ClauseFeatures  # reference side
    b: ClauseFeatures  # other side
    dice: float
    score: float

    @property
    def rank(self) -> tuple[float, str, str, tuple[int, int, int], tuple[int, int, int]]:
        """Best first; ties broken by the two quotes and places, whichever draft is the reference."""
        quotes = sorted((self.a.ob.quote, self.b.ob.quote))
        places = sorted((self.a.order, self.b.order))
        return -self.score, quotes[0], quotes[1], places[0], places[1]


@dataclass
class Matching:
    """Edges between reference clauses (by index) and other clauses (by index)."""

    partners_ref: dict[int, list[int]] = field(default_factory=dict)
    partners_other: dict[int, list[int]] = field(default_factory=dict)
    edges: dict[tuple[int, int], Candidate] = field(default_factory=dict)

    def add(self, c: Candidate) -> None:
        self.partners_ref.setdefault(c.a.index, []).append(c.b.index)
        self.partners_other.setdefault(c.b.index, []).append(c.a.index)
        self.edges[(c.a.index, c.b.index)] = c


def candidates(alignment: Alignment, ref: list[ClauseFeatures], other: list[ClauseFeatures]) -> list[Candidate]:
    """Every pair of clauses in provisions the alignment pairs, scored, in the alignment's order."""
    by_eid_ref: dict[str, list[ClauseFeatures]] = {}
    for clause in ref:
        by_eid_ref.setdefault(clause.ob.eid, []).append(clause)
    by_eid_other: dict[str, list[ClauseFeatures]] = {}
    for clause in other:
        by_eid_other.setdefault(clause.ob.eid, []).append(clause)
    out = []
    for pair in alignment.pairs:
        if not pair.old or not pair.new:
            continue
        block_of_ref = {eid: n for n, bp in enumerate(pair.blocks) for eid in bp.old}
        block_of_other = {eid: n for n, bp in enumerate(pair.blocks) for eid in bp.new}
        lefts = [c for eid in pair.old for c in by_eid_ref.get(eid, [])]
        rights = [c for eid in pair.new for c in by_eid_other.get(eid, [])]
        for a in lefts:
            for b in rights:
                same_block = block_of_ref.get(a.ob.block, -1) == block_of_other.get(b.ob.block, -2)
                alike, score = _score(a, b, same_block)
                out.append(Candidate(a, b, alike, score))
    return out


def match(found: list[Candidate]) -> Matching:
    """The pairs: one to one best first among the acceptable candidates, then the merges and splits."""
    matching = Matching()
    ranked = sorted((c for c in found if _acceptable(c)), key=lambda c: c.rank)
    for c in ranked:
        if c.a.index not in matching.partners_ref and c.b.index not in matching.partners_other:
            matching.add(c)
    # Merges and splits: a clause left over joins a paired clause of the other side that says the same thing.
    merges = sorted(
        (c for c in found
         if c.a.ob.modality == c.b.ob.modality and c.a.verb == c.b.verb and c.a.bearer == c.b.bearer
         and c.dice >= _MIN_MERGE_DICE
         and ((c.a.index in matching.partners_ref) != (c.b.index in matching.partners_other))),
        key=lambda c: c.rank,
    )
    for c in merges:
        a_taken = c.a.index in matching.partners_ref
        b_taken = c.b.index in matching.partners_other
        if a_taken == b_taken:
            continue
        if b_taken:  # c.a joins c.b: c.b becomes (or is) the hub of a merge; its partner must not be a hub itself
            partners = matching.partners_other[c.b.index]
            if len(partners) == 1 and len(matching.partners_ref[partners[0]]) > 1:
                continue
        else:  # c.b joins c.a: a split
            partners = matching.partners_ref[c.a.index]
            if len(partners) == 1 and len(matching.partners_other[partners[0]]) > 1:
                continue
        matching.add(c)
    return matching


def _bearer_relation(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if a == b:
        return 1.0
    if a and b and (set(a) <= set(b) or set(b) <= set(a)):
        return 0.5
    return 0.0


def _score(a: ClauseFeatures, b: ClauseFeatures, same_block: bool) -> tuple[float, float]:
    """The Dice of the two clauses' words and the pair's score (see the module docstring)."""
    if (same_text(a.ob.quote, b.ob.quote) and a.ob.modality == b.ob.modality and a.bearer == b.bearer
            and a.ob.conditions == b.ob.conditions):
        return 1.0, 1.0
    alike = 0.6 * dice(a.words, b.words) + 0.4 * dice(a.full, b.full)
    score = (0.55 * alike + 0.2 * (a.verb == b.verb) + 0.1 * _bearer_relation(a.bearer, b.bearer)
             + 0.1 * same_block + 0.05 * (a.ob.modality == b.ob.modality))
    return alike, score


def _acceptable(c: Candidate) -> bool:
    shared = c.dice >= _MIN_DICE or (c.a.verb == c.b.verb and c.dice >= _MIN_DICE_SAME_VERB)
    return shared and c.score >= _MIN_SCORE
