"""Obligations compared between two drafts: which clause became which, and whether it binds more or less.

:func:`compare_obligations` takes a *reference* draft (``old``) and an *other*
draft (``new``), extracts the deontic clauses of both
(:func:`.extract.extract_obligations`) and gives every clause of the reference
draft its counterpart in the other, or none. Everything is rule-based; nothing
looks at a draft id or an eId. The steps:

1. each clause is read for its words, verb, parties and place (:mod:`.features`);
2. clauses are paired, one to one and then in merges and splits, among those of
   provisions the aligner paired (:mod:`.pairing`);
3. each difference within a pair is a finding, narrowing or widening the
   clause or neither (:mod:`.scope`);
4. a pair is judged from its change of modality and its findings: weakened,
   strengthened, changed or unchanged (:mod:`.judge`).

A clause without a counterpart is **dropped** (reference draft only) or
**added** (other draft only).

Order and reasons
=================
Changes follow the reference draft's clause order. An added clause stands at
the place of its provision: after every reference clause of the provisions the
alignment reads before its own (the other draft's order, a deleted provision at
its old place), and after the counterpart of the clause before it in its own
provision. A reference clause split into several has one change per
counterpart. Each change has a one-line ``headline`` ("Article VII(2):
'may refer it to the executive organization ...' is unchanged in force") and
``reasons``, one line each, in a reader's words; ``summary`` joins them.
"""

from __future__ import annotations

from collections.abc import Sequence

from treaty_diff.align import align
from treaty_diff.model.alignment import Alignment, BlockPair, ChangeKind, DefinitionPair, ProvisionPair
from treaty_diff.model.coverage import Overrides
from treaty_diff.model.draft import Draft
from treaty_diff.model.obligations import Obligation, ObligationChange, ObligationComparison
from treaty_diff.obligations.defchanges import DefinitionMap, carried, definition_findings, definition_map
from treaty_diff.obligations.extract import ExtractionMemo, extract_obligations
from treaty_diff.obligations.features import ClauseFeatures, clause_features
from treaty_diff.obligations.judge import judge
from treaty_diff.obligations.overrides import apply_modality_overrides
from treaty_diff.obligations.pairing import Candidate, Matching, candidates, match

#: A dropped clause names the nearest clause of the other draft that shares at least this much wording (Dice).
_NEAREST_DICE = 0.2


def reverse_alignment(alignment: Alignment) -> Alignment:
    """The same alignment read the other way: old and new swapped, inserted <-> deleted, split <-> merged."""
    flip: dict[ChangeKind, ChangeKind] = {"inserted": "deleted", "deleted": "inserted", "split": "merged",
                                          "merged": "split", "unchanged": "unchanged", "modified": "modified"}
    pairs = tuple(
        ProvisionPair(flip[p.kind], p.new, p.old, p.renumbered, p.moved, p.similarity,
                      tuple(BlockPair(flip[b.kind], b.new, b.old, b.renumbered, b.moved, b.similarity)
                            for b in p.blocks), p.evidence)
        for p in alignment.pairs
    )
    definitions = tuple(DefinitionPair(flip[d.kind], d.new, d.old, d.renamed, d.similarity)
                        for d in alignment.definitions)
    return Alignment(alignment.new, alignment.old, pairs, definitions)


def compare_obligations(old: Draft, new: Draft, alignment: Alignment | None = None,
                        overrides: Overrides | None = None) -> ObligationComparison:
    """Every clause of ``old`` (the reference draft) with its counterpart in ``new``, and the clauses ``new`` adds.

    ``alignment`` must be ``align(old, new)`` (computed when not given); to use
    ``new`` as the reference with an alignment at hand, pass
    ``reverse_alignment(alignment)``. ``overrides`` pins the modality of clauses (:mod:`.overrides`).
    """
    if alignment is None:
        alignment = align(old, new)
    elif alignment.old.id != old.id or alignment.new.id != new.id:
        raise ValueError(f"the alignment is of {alignment.old.id} -> {alignment.new.id}, not {old.id} -> {new.id}")
    memo: ExtractionMemo = {}  # the articles the drafts share word for word are read once
    ref = clause_features(old, memo, _pinned(old, memo, overrides))
    other = ref if new is old else clause_features(new, memo, _pinned(new, memo, overrides))  # read once if the same
    found = candidates(alignment, ref, other)
    near_of: dict[int, list[Candidate]] = {}  # each reference clause's candidates that share some wording
    for candidate in found:
        if candidate.dice >= _NEAREST_DICE:
            near_of.setdefault(candidate.a.index, []).append(candidate)
    matching = match(found)
    carried_by = _carried(found, matching, ref, other, old, new)
    definitions = definition_map(alignment)
    fate_old = _fates(alignment, old, new, side=0)
    fate_new = _fates(alignment, old, new, side=1)

    # Sort keys: (place in the reference draft, 0 for a reference clause / 1 for an added one, place in the other).
    nowhere = (-1, -1, -1)
    keyed: list[tuple[tuple[tuple[int, int, int], int, tuple[int, int, int]], ObligationChange]] = []
    anchor_of: dict[int, tuple[int, int, int]] = {}
    for a in ref:
        partners = matching.partners_ref.get(a.index, [])
        if not partners:
            keyed.append(((a.order, 0, nowhere), _dropped(a, new, near_of.get(a.index, []), fate_old)))
            continue
        for b_index in sorted(partners, key=lambda j: other[j].order):
            b = other[b_index]
            edge = matching.edges[(a.index, b_index)]
            shared = len(partners) > 1 or len(matching.partners_other[b_index]) > 1
            keyed.append(((a.order, 0, b.order), _paired(a, b, edge, shared, matching, ref, other, new,
                                                         definitions, carried_by.get((a.index, b_index)))))
            anchor_of[b_index] = max(anchor_of.get(b_index, nowhere), a.order)
    # An added clause comes after every reference clause of the provisions read before its own (the alignment's
    # reading order: the other draft's order, a deleted provision at its old place), and after the counterpart
    # of the clause before it in its own provision.
    pair_of = {eid: k for k, pair in enumerate(alignment.pairs) for eid in pair.new}
    latest: dict[str, tuple[int, int, int]] = {}  # the last reference clause of each provision
    for a in ref:
        latest[a.ob.eid] = max(latest.get(a.ob.eid, nowhere), a.order)
    before: list[tuple[int, int, int]] = []
    last = nowhere
    for pair in alignment.pairs:
        before.append(last)
        last = max([last, *(latest[eid] for eid in pair.old if eid in latest)])
    within: dict[int, tuple[int, int, int]] = {}
    for b in other:
        k = pair_of[b.ob.eid]
        if b.index in anchor_of:
            within[k] = max(within.get(k, nowhere), anchor_of[b.index])
            continue
        anchor = max(before[k], within.get(k, nowhere))
        keyed.append(((anchor, 1, b.order), _added(b, old, new, fate_new)))
    keyed.sort(key=lambda item: item[0])
    return ObligationComparison(
        reference=old.id, other=new.id, changes=tuple(change for _, change in keyed),
        reference_title=old.meta.title, other_title=new.meta.title,
        reference_total=len(ref), other_total=len(other),
    )


def _pinned(draft: Draft, memo: ExtractionMemo, overrides: Overrides | None) -> tuple[Obligation, ...] | None:
    """The draft's clauses with the modalities the overrides pin, or None (then extracted as usual)."""
    if overrides is None or not overrides.modalities:
        return None
    return apply_modality_overrides(extract_obligations(draft, memo), overrides)


def _carried(found: list[Candidate], matching: Matching, ref: list[ClauseFeatures], other: list[ClauseFeatures],
             old: Draft, new: Draft) -> dict[tuple[int, int], str]:
    """Clauses left without a counterpart that a clause of the other draft carries through its definitions
    (:func:`.defchanges.carried`), added to the matching; the reason of each such pair."""
    of_ref: dict[int, list[ClauseFeatures]] = {}
    of_other: dict[int, list[ClauseFeatures]] = {}
    by_pair: dict[tuple[int, int], Candidate] = {}
    for c in found:
        of_ref.setdefault(c.a.index, []).append(c.b)
        of_other.setdefault(c.b.index, []).append(c.a)
        by_pair[(c.a.index, c.b.index)] = c
    reasons: dict[tuple[int, int], str] = {}
    for a in ref:
        if a.index not in matching.partners_ref:
            found_a = carried(a, of_ref.get(a.index, []), new.id)
            if found_a is not None:
                reasons[(a.index, found_a.carrier.index)] = found_a.reason
    for b in other:
        if b.index not in matching.partners_other:
            found_b = carried(b, of_other.get(b.index, []), old.id)
            if found_b is not None:
                reasons[(found_b.carrier.index, b.index)] = found_b.reason
    for key in reasons:
        matching.add(by_pair[key])
    return reasons


def _fates(alignment: Alignment, old: Draft, new: Draft, side: int) -> dict[str, str]:
    """For each block of one side, why a clause in it may have no counterpart: how its provision and block fared."""
    out: dict[str, str] = {}
    labels = {0: {p.eid: p.label for p in old.provisions}, 1: {p.eid: p.label for p in new.provisions}}
    ids = {0: old.id, 1: new.id}
    for pair in alignment.pairs:
        mine = pair.old if side == 0 else pair.new
        theirs = pair.new if side == 0 else pair.old
        own = " and ".join(labels[side][e] for e in mine)
        counterpart = " and ".join(labels[1 - side][e] for e in theirs) + f" of {ids[1 - side]}"
        for bp in pair.blocks:
            for eid in (bp.old if side == 0 else bp.new):
                if not theirs:
                    out[eid] = f"{own} is {'deleted' if side == 0 else 'a new provision'}"
                elif bp.kind in ("deleted", "inserted"):
                    fate = "deleted" if side == 0 else "new"
                    out[eid] = f"the paragraph is {fate}; {counterpart} has nothing like it"
                else:
                    out[eid] = f"no clause of {counterpart} matches it"
    return out


def _dropped(a: ClauseFeatures, new: Draft, near: Sequence[Candidate], fates: dict[str, str]) -> ObligationChange:
    """``near``: the candidates of ``a`` with Dice >= _NEAREST_DICE, in candidate order."""
    reasons = [fates.get(a.ob.block, f"no counterpart in {new.id}")]
    if near:
        best = min(near, key=lambda c: c.rank)
        reasons.append(f"the nearest clause, '{best.b.phrase}' ({best.b.label}), is too different to count as it")
    return ObligationChange("dropped", a.ob, None, tuple(reasons), a.label, None,
                            f"{a.label}: '{a.phrase}' is dropped")


def _added(b: ClauseFeatures, old: Draft, new: Draft, fates: dict[str, str]) -> ObligationChange:
    reasons = (fates.get(b.ob.block, f"no counterpart in {old.id}"),)
    return ObligationChange("added", None, b.ob, reasons, None, b.label,
                            f"{b.label} of {new.id}: '{b.phrase}' is added")


def _paired(a: ClauseFeatures, b: ClauseFeatures, edge: Candidate, shared: bool, matching: Matching,
            ref: list[ClauseFeatures], other: list[ClauseFeatures], new: Draft, definitions: DefinitionMap,
            carried_reason: str | None = None) -> ObligationChange:
    place = a.label if a.label == b.label else f"{a.label} (now {b.label})"
    if carried_reason is not None:
        return ObligationChange("changed", a.ob, b.ob, (carried_reason,), a.label, b.label,
                                f"{place}: '{a.phrase}' is carried by a definition", shared=True,
                                similarity=round(edge.score, 3))
    status, reasons, deciding = judge(a, b, definition_findings(a, b, definitions))
    merged_with = [ref[i] for i in matching.partners_other[b.index] if i != a.index]
    split_into = [other[j] for j in matching.partners_ref[a.index] if j != b.index]
    if merged_with:
        names = ", ".join(f"'{c.phrase}' ({c.label})" for c in merged_with)
        reasons.insert(deciding, f"merged in {new.id} with {names} into '{b.phrase}'")
    if split_into:
        names = ", ".join(f"'{c.phrase}' ({c.label})" for c in split_into)
        reasons.insert(deciding, f"split in {new.id}: it also has the counterpart {names}")
    verdict = {"unchanged": "is unchanged", "changed": "is unchanged in force", "weakened": "is weakened",
               "strengthened": "is strengthened"}[status]
    return ObligationChange(status, a.ob, b.ob, tuple(reasons), a.label, b.label, f"{place}: '{a.phrase}' {verdict}",
                            shared=shared, similarity=round(edge.score, 3))
