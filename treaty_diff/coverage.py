"""Coverage of a checklist by drafts: which obligation elements each draft covers, partly covers, or lacks.

A :class:`Checklist` (read by :mod:`treaty_diff.akn.checklist`) lists
elements; each element has rules made of groups of concept terms. For each
draft, every obligation found by :func:`~treaty_diff.obligations.extract_obligations`
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

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from treaty_diff.model import Draft
from treaty_diff.obligations import Modality, Obligation, extract_obligations

Status = Literal["covered", "partial", "absent"]
STATUSES: tuple[Status, ...] = ("covered", "partial", "absent")
Scope = Literal["clause", "context"]


def _normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[‐‑‒–]", "-", text)
    return re.sub(r"\s+", " ", text).casefold()


@dataclass(frozen=True)
class TermGroup:
    """A concept and the terms (synonyms) that express it; matches when any one term is found."""

    concept: str
    terms: tuple[str, ...]
    scope: Scope = "clause"
    reason: str | None = None  # for a narrowing group: why the match is only partial

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        alternatives = []
        for term in self.terms:
            stem = term.rstrip("*")
            body = r"\s+".join(re.escape(part) for part in _normalise(stem).split())
            alternatives.append(rf"(?<!\w){body}\w*" if term.endswith("*") else rf"(?<!\w){body}(?!\w)")
        return re.compile("|".join(alternatives))

    def find(self, obligation: Obligation) -> str | None:
        """The term found in the obligation, or None."""
        text = obligation.context if self.scope == "context" else obligation.quote
        found = self.pattern.search(_normalise(text))
        return found.group() if found else None


@dataclass(frozen=True)
class Rule:
    """One way of meeting an element, at the level ``covered`` or ``partial``."""

    level: Literal["covered", "partial"]
    modalities: tuple[Modality, ...]
    reason: str
    require: tuple[TermGroup, ...]
    exclude: tuple[TermGroup, ...] = ()
    narrow: tuple[TermGroup, ...] = ()

    def apply(self, obligation: Obligation) -> tuple[Status, tuple[str, ...]] | None:
        """The level and reasons this rule gives the obligation, or None when it does not match."""
        if obligation.modality not in self.modalities:
            return None
        if any(group.find(obligation) is None for group in self.require):
            return None
        if any(group.find(obligation) is not None for group in self.exclude):
            return None
        narrowed = tuple(g.reason or g.concept for g in self.narrow if g.find(obligation) is not None)
        if self.level == "covered":
            return ("partial", narrowed) if narrowed else ("covered", (self.reason,))
        return "partial", (self.reason, *narrowed)

    def describe(self) -> str:
        """What the rule looks for, for the reason of an absent verdict."""
        modalities = " or ".join(self.modalities)
        concepts = " + ".join(group.concept for group in self.require)
        return f"{modalities} on {concepts}"


@dataclass(frozen=True)
class ChecklistElement:
    """One element of a checklist: what a treaty should contain, and how to recognise it."""

    id: str
    label: str
    description: str
    modalities: tuple[Modality, ...]
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Checklist:
    """A named list of elements, read from an XML file (see docs/obligations.md)."""

    id: str
    title: str
    description: str
    elements: tuple[ChecklistElement, ...]
    source: str = ""

    def element(self, element_id: str) -> ChecklistElement:
        for element in self.elements:
            if element.id == element_id:
                return element
        raise KeyError(element_id)


@dataclass(frozen=True)
class Citation:
    """A provision cited for a verdict: eId, num, the exact quote and its offsets in the provision's text."""

    eid: str
    num: str | None
    block: str
    modality: Modality
    quote: str
    start: int
    end: int
    reconstructed: bool

    @classmethod
    def of(cls, obligation: Obligation) -> Citation:
        return cls(obligation.eid, obligation.num, obligation.block, obligation.modality, obligation.quote,
                   obligation.start, obligation.end, obligation.reconstructed)

    @property
    def label(self) -> str:
        return self.num or self.eid


@dataclass(frozen=True)
class Verdict:
    """How one draft meets one element. A covered or partial verdict cites at least one provision."""

    status: Status
    citations: tuple[Citation, ...]
    reason: str

    def __post_init__(self) -> None:
        if self.status != "absent" and not self.citations:
            raise ValueError(f"a {self.status} verdict must cite at least one provision")


@dataclass(frozen=True)
class DraftRef:
    id: str
    title: str


@dataclass(frozen=True)
class ElementCoverage:
    """One row of the matrix: an element and its verdict for each draft, in the report's draft order."""

    element: ChecklistElement
    verdicts: tuple[Verdict, ...]


@dataclass(frozen=True)
class CoverageReport:
    """The element x draft matrix of verdicts."""

    checklist: Checklist
    drafts: tuple[DraftRef, ...]
    rows: tuple[ElementCoverage, ...]

    def verdict(self, element_id: str, draft_id: str) -> Verdict:
        index = [d.id for d in self.drafts].index(draft_id)
        for row in self.rows:
            if row.element.id == element_id:
                return row.verdicts[index]
        raise KeyError(element_id)

    def gaps(self, draft_id: str) -> tuple[tuple[ChecklistElement, Verdict], ...]:
        """The elements a draft does not fully cover: absent ones first, then partial ones."""
        index = [d.id for d in self.drafts].index(draft_id)
        rows = [(row.element, row.verdicts[index]) for row in self.rows if row.verdicts[index].status != "covered"]
        return tuple(sorted(rows, key=lambda pair: STATUSES.index(pair[1].status), reverse=True))


def judge(element: ChecklistElement, obligations: tuple[Obligation, ...]) -> Verdict:
    """The verdict for one element against one draft's obligations."""
    hits: dict[Status, list[tuple[Obligation, tuple[str, ...]]]] = {"covered": [], "partial": []}
    for obligation in obligations:
        best: tuple[Status, tuple[str, ...]] | None = None
        for rule in element.rules:
            result = rule.apply(obligation)
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


# -- output ------------------------------------------------------------------------------------------


def citation_dict(citation: Citation) -> dict[str, Any]:
    return {
        "eId": citation.eid,
        "num": citation.num,
        "block": citation.block,
        "modality": citation.modality,
        "quote": citation.quote,
        "start": citation.start,
        "end": citation.end,
        "provenance": "reconstructed" if citation.reconstructed else "verbatim",
    }


def verdict_dict(verdict: Verdict) -> dict[str, Any]:
    return {
        "status": verdict.status,
        "citations": [citation_dict(c) for c in verdict.citations],
        "reason": verdict.reason,
    }


def coverage_to_dict(report: CoverageReport) -> dict[str, Any]:
    """``coverage --format json`` (contracts.md), with the gaps of each draft."""
    ids = [d.id for d in report.drafts]
    return {
        "checklist": report.checklist.id,
        "title": report.checklist.title,
        "drafts": ids,
        "elements": [
            {
                "id": row.element.id,
                "label": row.element.label,
                "description": row.element.description,
                "modality": list(row.element.modalities),
                "verdicts": {draft_id: verdict_dict(v) for draft_id, v in zip(ids, row.verdicts)},
            }
            for row in report.rows
        ],
        "summary": {
            draft_id: {status: sum(1 for row in report.rows if row.verdicts[i].status == status)
                       for status in STATUSES}
            for i, draft_id in enumerate(ids)
        },
        "gaps": {
            draft_id: [{"id": element.id, "status": verdict.status, "reason": verdict.reason}
                       for element, verdict in report.gaps(draft_id)]
            for draft_id in ids
        },
    }


def _short(citation: Citation) -> str:
    label = citation.label
    label = re.sub(r"^Article\s+", "", label)
    return label + ("*" if citation.reconstructed else "")


def _cell(verdict: Verdict) -> str:
    if verdict.status == "absent":
        return "absent"
    labels = list(dict.fromkeys(_short(c) for c in verdict.citations))
    return f"{verdict.status} ({', '.join(labels)})"


def coverage_to_text(report: CoverageReport) -> str:
    """The matrix (element x draft, citing articles), the reasons and citations, then each draft's gaps."""
    checklist = report.checklist
    ids = [d.id for d in report.drafts]
    lines = [f"Coverage of checklist {checklist.id!r}: {checklist.title}", ""]
    cells = [[_cell(v) for v in row.verdicts] for row in report.rows]
    first = max(len("element"), *(len(row.element.id) for row in report.rows))
    widths = [max(len(draft_id), *(len(cells[r][c]) for r in range(len(cells)))) for c, draft_id in enumerate(ids)]
    lines.append("  ".join(["element".ljust(first), *(d.ljust(w) for d, w in zip(ids, widths))]).rstrip())
    for row, row_cells in zip(report.rows, cells):
        lines.append("  ".join([row.element.id.ljust(first),
                                *(c.ljust(w) for c, w in zip(row_cells, widths))]).rstrip())
    lines.append("")
    lines.append("In brackets: the articles cited. * reconstructed text, NOT the official wording.")
    lines.append("")
    lines.append("Verdicts")
    for row in report.rows:
        lines.append(f"{row.element.id}: {row.element.label}")
        for draft_id, verdict in zip(ids, row.verdicts):
            lines.append(f"  {draft_id}: {verdict.status} — {verdict.reason}")
            for citation in verdict.citations:
                flag = " [reconstructed]" if citation.reconstructed else ""
                lines.append(f"    {citation.label} ({citation.eid}){flag}: “{citation.quote}”")
    lines.append("")
    lines.append("Gaps")
    for draft_id in ids:
        gaps = report.gaps(draft_id)
        absent = sum(1 for _, v in gaps if v.status == "absent")
        partial = len(gaps) - absent
        lines.append(f"{draft_id}: {absent} absent, {partial} partial")
        for element, verdict in gaps:
            lines.append(f"  {verdict.status:7}  {element.id}: {verdict.reason}")
    return "\n".join(lines).rstrip() + "\n"
