"""The status of a pair of clauses: weakened, strengthened, changed or unchanged, with its reasons.

Force
=====
A clause's force is how much it binds its bearer. The modalities are ordered
(the scale, :data:`FORCE`):

    obligation = prohibition (3)  >  recommendation (2)  >  permission = right (1)

A pair whose modality moves down the scale is **weakened** ("shall" -> "may",
"shall not" -> "should not", a prohibition -> a permission); up the scale,
**strengthened** ("may" -> "shall"). A change of modality decides the status on
its own; the other findings are listed as reasons. A prohibition that becomes an
obligation (or a permission a right) keeps its rank: **changed**, with the
reversal as the reason.

Scope
=====
With the same rank, the status comes from whether the clause got narrower or
wider (the findings of :mod:`.scope`). A duty (obligation, prohibition,
recommendation) narrowed binds less: **weakened**; widened: **strengthened**.
A freedom (permission, right, :data:`FREEDOMS`) works the other way: narrowing
a permission or a right leaves the bearer less free, so the clause binds more
(**strengthened**), and widening a savings clause or a permission binds less
(**weakened**).

If the findings pull both ways, the status is **changed** and every finding is
listed. A pair with a difference of any kind (the quote too, to the letter,
white space aside) but no direction is **changed** ("unchanged in force"); a
pair with none is **unchanged**.
"""

from __future__ import annotations

from treaty_diff.model.obligations import Modality, Obligation, Status
from treaty_diff.obligations.features import ClauseFeatures, same_text, short
from treaty_diff.obligations.scope import (
    Direction,
    Finding,
    action_findings,
    amended,
    bearer_finding,
    condition_findings,
)

#: How much each modality binds its bearer: the scale that decides weakened and strengthened.
FORCE: dict[Modality, int] = {"obligation": 3, "prohibition": 3, "recommendation": 2, "permission": 1, "right": 1}
#: Modalities that grant a freedom: narrowing them binds the bearer more.
FREEDOMS: frozenset[Modality] = frozenset({"permission", "right"})

_MODALITY_WORDS: dict[Modality, str] = {
    "obligation": "an obligation", "prohibition": "a prohibition", "recommendation": "a recommendation",
    "permission": "a permission", "right": "a right",
}


def judge(a: ClauseFeatures, b: ClauseFeatures,
          definitions: list[Finding] | None = None) -> tuple[Status, list[str], int]:
    """The status of a pair, its reasons (those that decide first), and how many reasons decide. ``definitions``:
    the findings about the definitions the two clauses use (:mod:`.defchanges`), read as findings of the pair."""
    findings: list[Finding] = []
    modality = _modality_finding(a.ob, b.ob)
    if modality:
        findings.append(modality)
    bearer = bearer_finding(a.ob, b.ob)
    if bearer:
        findings.append(bearer)
    findings.extend(condition_findings(a, b))
    findings.extend(action_findings(a, b))
    findings.extend(definitions or ())
    if not findings and not same_text(a.ob.quote, b.ob.quote):
        wording = amended(a.ob.quote, b.ob.quote)
        findings.append(Finding(wording or "the wording differs in punctuation or spacing"))
    if not findings:
        return "unchanged", ["the same modality, bearer, conditions and wording"], 0
    findings.sort(key=lambda f: (not f.force, not f.scope))  # stable: the deciding findings first
    deciding = sum(1 for f in findings if f.force or f.scope)
    freedom = b.ob.modality in FREEDOMS
    reasons = [f.text + (_freedom_note(f.scope) if freedom and f.scope else "") for f in findings]
    if modality and modality.force:
        return ("strengthened" if modality.force > 0 else "weakened"), reasons, deciding
    directions = {(-f.scope if freedom else f.scope) for f in findings if f.scope}
    if directions == {1}:
        return "strengthened", reasons, deciding
    if directions == {-1}:
        return "weakened", reasons, deciding
    if directions:
        reasons.insert(deciding, "these changes pull in opposite directions, so the clause is not ranked")
    return "changed", reasons, 0


def _modality_finding(a: Obligation, b: Obligation) -> Finding | None:
    if a.modality == b.modality:
        return None
    what = (f"{_MODALITY_WORDS[a.modality]} ('{short(a.marker, 40)}') becomes "
            f"{_MODALITY_WORDS[b.modality]} ('{short(b.marker, 40)}')")
    rank_a, rank_b = FORCE[a.modality], FORCE[b.modality]
    if rank_a == rank_b:
        return Finding(f"{what}, of the same force")
    direction: Direction = 1 if rank_b > rank_a else -1
    return Finding(f"{what}, which binds {'more' if direction > 0 else 'less'}", force=direction)


def _freedom_note(scope: int) -> str:
    return (" (a narrower freedom binds the bearer more)" if scope < 0
            else " (a wider freedom binds the bearer less)")
