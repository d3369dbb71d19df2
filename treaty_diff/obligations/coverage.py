"""Coverage of a checklist by drafts: which obligation elements each draft covers, partly covers, or lacks.

A :class:`Checklist` (read by :mod:`treaty_diff.read.checklist`) lists
elements; each element has rules made of groups of concept terms. For each
draft, every obligation found by :func:`~treaty_diff.obligations.extract.extract_obligations`
is tried against every rule of every element:

- the obligation's modality must be one the rule accepts (the element's, unless
  the rule names its own);
- each ``require`` group must match (any one of its terms), no ``exclude`` group
  may match;
- terms match case-insensitively as whole words ("weapon*" matches any ending),
  in the obligation's quote, or (``scope="context"``) in its whole sentence.

A matching rule of level ``covered`` gives *covered*, unless one of its
``narrow`` groups matches too, which gives *partial* with that group's reason
(a ban on weapons of mass destruction only is narrower than a ban on all
weapons). A matching rule of level ``partial`` gives *partial* with the rule's
reason. The verdict is the best level any obligation reaches, citing every
obligation that reaches it; with none, the element is *absent* and the reason
says what was looked for.
"""

from __future__ import annotations

import functools
import re

from treaty_diff.model.coverage import (
    Checklist,
    ChecklistElement,
    Citation,
    CoverageReport,
    DraftRef,
    ElementCoverage,
    Rule,
    Status,
    TermGroup,
    Verdict,
)
from treaty_diff.model.draft import Draft
from treaty_diff.model.obligations import Obligation
from treaty_diff.obligations.extract import extract_obligations


def _normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[‐‑‒–]", "-", text)
    return re.sub(r"\s+", " ", text).casefold()


@functools.cache
def _pattern(group: TermGroup) -> re.Pattern[str]:
    alternatives = []
    for term in group.terms:
        stem = term.rstrip("*")
        body = r"\s+".join(re.escape(part) for part in _normalise(stem).split())
        alternatives.append(rf"(?<!\w){body}\w*" if term.endswith("*") else rf"(?<!\w){body}(?!\w)")
    return re.compile("|".join(alternatives))


def find(group: TermGroup, obligation: Obligation) -> str | None:
    """The term of ``group`` found in the obligation, or None."""
    text = obligation.context if group.scope == "context" else obligation.quote
    found = _pattern(group).search(_normalise(text))
    return found.group() if found else None


def apply(rule: Rule, obligation: Obligation) -> tuple[Status, tuple[str, ...]] | None:
    """The level and reasons ``rule`` gives the obligation, or None when it does not match."""
    if obligation.modality not in rule.modalities:
        return None
    if any(find(group, obligation) is None for group in rule.require):
        return None
    if any(find(group, obligation) is not None for group in rule.exclude):
        return None
    narrowed = tuple(g.reason or g.concept for g in rule.narrow if find(g, obligation) is not None)
    if rule.level == "covered":
        return ("partial", narrowed) if narrowed else ("covered", (rule.reason,))
    return "partial", (rule.reason, *narrowed)


def judge(element: ChecklistElement, obligations: tuple[Obligation, ...]) -> Verdict:
    """The verdict for one element against one draft's obligations."""
    hits: dict[Status, list[tuple[Obligation, tuple[str, ...]]]] = {"covered": [], "partial": []}
    for obligation in obligations:
        best: tuple[Status, tuple[str, ...]] | None = None
        for rule in element.rules:
            result = apply(rule, obligation)
            if result is None:
                continue
            if best is None or (result[0] == "covered" and best[0] == "partial"):
                best = result
            elif result[0] == best[0]:
                best = (best[0], best[1] + tuple(r for r in result[1] if r not in best[1]))
        if best is not None:
            hits[best[0]].append((obligation, best[1]))
    levels: tuple[Status, ...] = ("covered", "partial")
    for level in levels:
        found = hits[level]
        if found:
            reasons = list(dict.fromkeys(reason for _, rs in found for reason in rs))
            citations = tuple(Citation.of(obligation) for obligation, _ in found)
            return Verdict(level, citations, "; ".join(reasons))
    looked_for = [rule.describe() for rule in element.rules]
    return Verdict("absent", (), "no clause found: looked for " + "; or ".join(looked_for))


def check_coverage(drafts: list[Draft] | tuple[Draft, ...], checklist: Checklist) -> CoverageReport:
    """Judge every element of the checklist against every draft (obligations extracted once per draft)."""
    extracted = [extract_obligations(draft) for draft in drafts]
    rows = tuple(
        ElementCoverage(element, tuple(judge(element, obligations) for obligations in extracted))
        for element in checklist.elements
    )
    refs = tuple(DraftRef(draft.id, draft.meta.title) for draft in drafts)
    return CoverageReport(checklist, refs, rows)
