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
  in the obligation's quote, or (``scope="context"``) in its whole sentence,
  and else in the definitions of the defined terms the clause uses
  (:mod:`.definitions`): the draft's definitions are substituted, and a
  verdict reached that way says through which definition.

A matching rule of level ``covered`` gives *covered*, unless one of its
``narrow`` groups matches too, which gives *partial* with that group's reason
(a ban on weapons of mass destruction only is narrower than a ban on all
weapons). A matching rule of level ``partial`` gives *partial* with the rule's
reason. The verdict is the best level any obligation reaches, citing every
obligation that reaches it. With none, an element whose ``<reference>`` names an
instrument that a binding clause brings in by reference ("in accordance with
... the Charter of the United Nations", :mod:`.references`) is *partial, by
reference*; otherwise it is *absent* and the reason says what was looked for.
An analyst's overrides pin verdicts and modalities (:mod:`.overrides`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from treaty_diff.model.coverage import (
    Checklist,
    ChecklistElement,
    Citation,
    CoverageReport,
    DraftRef,
    ElementCoverage,
    Overrides,
    Rule,
    Status,
    TermGroup,
    Verdict,
)
from treaty_diff.model.draft import Draft
from treaty_diff.model.obligations import Modality, Obligation
from treaty_diff.obligations.definitions import DefinedTerm, defined_terms, terms_used
from treaty_diff.obligations.extract import extract_obligations
from treaty_diff.obligations.overrides import apply_modality_overrides, pin_verdict

#: The modalities that bind their bearer: a clause by which an instrument is brought in must be one of these.
BINDING: frozenset[Modality] = frozenset({"obligation", "prohibition"})


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


def find(group: TermGroup, obligation: Obligation, definitions: tuple[DefinedTerm, ...] = ()) -> str | None:
    """The term of ``group`` found in the obligation, or None (see :func:`find_where`)."""
    found = find_where(group, obligation, definitions)
    return found[0] if found else None


def find_where(group: TermGroup, obligation: Obligation,
               definitions: tuple[DefinedTerm, ...] = ()) -> tuple[str, DefinedTerm | None] | None:
    """The term of ``group`` found in the obligation (its quote, or its sentence for ``scope="context"``), else in
    the definition of a term the clause uses (with that term), or None."""
    text = obligation.context if group.scope == "context" else obligation.quote
    found = _pattern(group).search(_normalise(text))
    if found:
        return found.group(), None
    for term in definitions:
        found = _pattern(group).search(_normalised_definition(term.text))
        if found:
            return found.group(), term
    return None


@functools.lru_cache(maxsize=256)
def _normalised_definition(text: str) -> str:
    return _normalise(text)


@dataclass(frozen=True)
class _Match:
    """What one rule gives one obligation: a level, its reasons, and the definitions that supplied a term."""

    level: Status
    reasons: tuple[str, ...]
    via: tuple[DefinedTerm, ...] = ()


def apply(rule: Rule, obligation: Obligation, definitions: tuple[DefinedTerm, ...] = ()) -> _Match | None:
    """What ``rule`` gives the obligation, or None when it does not match. ``definitions``: the defined terms the
    clause uses, whose definitions are read as part of it."""
    if obligation.modality not in rule.modalities:
        return None
    via: list[DefinedTerm] = []
    for group in rule.require:
        found = find_where(group, obligation, definitions)
        if found is None:
            return None
        if found[1] is not None and found[1] not in via:
            via.append(found[1])
    if any(find_where(group, obligation, definitions) is not None for group in rule.exclude):
        return None
    narrowed = tuple(g.reason or g.concept for g in rule.narrow if find_where(g, obligation, definitions) is not None)
    through = tuple(f"through the definition of '{term.term}' ({term.label})" for term in via)
    if rule.level == "covered":
        if narrowed:
            return _Match("partial", narrowed + through, tuple(via))
        return _Match("covered", (rule.reason, *through), tuple(via))
    return _Match("partial", (rule.reason, *narrowed, *through), tuple(via))


def judge(element: ChecklistElement, obligations: tuple[Obligation, ...],
          terms: tuple[DefinedTerm, ...] = ()) -> Verdict:
    """The verdict for one element against one draft's obligations (``terms``: the draft's defined terms)."""
    hits: dict[Status, list[tuple[Obligation, _Match]]] = {"covered": [], "partial": []}
    for obligation in obligations:
        definitions = terms_used(obligation.quote, terms) if terms else ()
        best: _Match | None = None
        for rule in element.rules:
            result = apply(rule, obligation, definitions)
            if result is None:
                continue
            if best is None or (result.level == "covered" and best.level == "partial"):
                best = result
            elif result.level == best.level:
                best = _Match(best.level, best.reasons + tuple(r for r in result.reasons if r not in best.reasons),
                              best.via + tuple(t for t in result.via if t not in best.via))
        if best is not None:
            hits[best.level].append((obligation, best))
    levels: tuple[Status, ...] = ("covered", "partial")
    for level in levels:
        found = hits[level]
        if found:
            reasons = list(dict.fromkeys(reason for _, match in found for reason in match.reasons))
            citations = tuple(replace(Citation.of(obligation),
                                      via=tuple(f"'{t.term}' ({t.label})" for t in match.via))
                              for obligation, match in found)
            return Verdict(level, citations, "; ".join(reasons))
    by_reference = _by_reference(element, obligations)
    if by_reference is not None:
        return by_reference
    looked_for = [rule.describe() for rule in element.rules]
    return Verdict("absent", (), "no clause found: looked for " + "; or ".join(looked_for))


def _by_reference(element: ChecklistElement, obligations: tuple[Obligation, ...]) -> Verdict | None:
    """A partial verdict when a binding clause brings in, by reference, an instrument the element names as carrying
    it ("in accordance with international law, including the Charter of the United Nations": the Charter bans the
    threat or use of force), else None."""
    for group in element.references:
        cited = []
        named = ""
        for obligation in obligations:
            if obligation.modality not in BINDING:
                continue
            for reference in obligation.references:
                found = _pattern(group).search(_normalise(reference))
                if found:
                    cited.append(obligation)
                    named = named or reference
                    break
        if cited:
            first = cited[0]
            why = group.reason or group.concept
            reason = (f"by reference: {first.label} binds {first.bearer} to act in accordance with {named}; {why}")
            return Verdict("partial", tuple(Citation.of(o) for o in cited), reason, by_reference=named)
    return None


def check_coverage(drafts: list[Draft] | tuple[Draft, ...], checklist: Checklist,
                   overrides: Overrides | None = None) -> CoverageReport:
    """Judge every element of the checklist against every draft (obligations extracted once per draft), reading
    each draft's definitions into its clauses; ``overrides`` pins modalities and verdicts (the tool's own answer is
    kept beside each pinned one)."""
    extracted = [extract_obligations(draft) for draft in drafts]
    if overrides is not None:
        extracted = [apply_modality_overrides(obligations, overrides) for obligations in extracted]
    terms = [defined_terms(draft) for draft in drafts]
    rows = tuple(
        ElementCoverage(element, tuple(
            pin_verdict(judge(element, obligations, draft_terms), element.id, draft.id, overrides)
            for draft, obligations, draft_terms in zip(drafts, extracted, terms)))
        for element in checklist.elements
    )
    refs = tuple(DraftRef(draft.id, draft.meta.title) for draft in drafts)
    return CoverageReport(checklist, refs, rows)
