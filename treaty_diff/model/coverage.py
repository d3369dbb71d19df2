"""The coverage model: checklists of obligation elements, and the element x draft matrix of verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from treaty_diff.model.obligations import Modality, ModalityOverride, Obligation

Status = Literal["covered", "partial", "absent"]
STATUSES: tuple[Status, ...] = ("covered", "partial", "absent")
Scope = Literal["clause", "context"]


@dataclass(frozen=True)
class TermGroup:
    """A concept and the terms (synonyms) that express it; matches when any one term is found."""

    concept: str
    terms: tuple[str, ...]
    scope: Scope = "clause"
    reason: str | None = None  # for a narrowing group: why the match is only partial


@dataclass(frozen=True)
class Rule:
    """One way of meeting an element, at the level ``covered`` or ``partial``."""

    level: Literal["covered", "partial"]
    modalities: tuple[Modality, ...]
    reason: str
    require: tuple[TermGroup, ...]
    exclude: tuple[TermGroup, ...] = ()
    narrow: tuple[TermGroup, ...] = ()

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
    #: Instruments that carry the element when a binding clause brings them in by reference (each group's terms
    #: name the instrument; its reason says what the instrument requires).
    references: tuple[TermGroup, ...] = ()


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
    #: The defined terms whose definitions supplied part of the match ("'placed in outer space' (Article I(c))").
    via: tuple[str, ...] = ()

    @classmethod
    def of(cls, obligation: Obligation) -> Citation:
        return cls(obligation.eid, obligation.num, obligation.block, obligation.modality, obligation.quote,
                   obligation.start, obligation.end, obligation.reconstructed)

    @property
    def label(self) -> str:
        return self.num or self.eid


@dataclass(frozen=True)
class Verdict:
    """How one draft meets one element. A covered or partial verdict cites at least one provision, unless an
    analyst pinned it (``override``, the reason; ``tool`` is then the tool's own verdict). ``by_reference`` names
    the instrument a partial verdict rests on when it comes from a clause that brings the instrument in."""

    status: Status
    citations: tuple[Citation, ...]
    reason: str
    by_reference: str | None = None
    override: str | None = None
    tool: Verdict | None = None

    def __post_init__(self) -> None:
        if self.status != "absent" and not self.citations and self.override is None:
            raise ValueError(f"a {self.status} verdict must cite at least one provision")


@dataclass(frozen=True)
class VerdictOverride:
    """An analyst's ruling: in ``draft``, element ``element`` has ``status``, for ``reason`` (``line``: where the
    ruling stands in its file)."""

    draft: str
    element: str
    status: Status
    reason: str
    line: int = 0


@dataclass(frozen=True)
class Overrides:
    """An analyst's rulings, read from an overrides file: the modality of clauses, the verdict of elements."""

    modalities: tuple[ModalityOverride, ...] = ()
    verdicts: tuple[VerdictOverride, ...] = ()
    source: str = ""


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
