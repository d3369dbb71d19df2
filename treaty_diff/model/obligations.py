"""The obligations model: deontic clauses of a draft, and how the clauses of two drafts compare."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from treaty_diff.model.draft import Draft

Modality = Literal["prohibition", "obligation", "permission", "right", "recommendation"]
MODALITIES: tuple[Modality, ...] = ("prohibition", "obligation", "permission", "right", "recommendation")

#: The bearer of a clause that names none (an impersonal passive, "is prohibited").
UNSPECIFIED = "unspecified"


@dataclass(frozen=True)
class Obligation:
    """One deontic clause of a draft, with its citation.

    ``modality``, ``bearer``, ``verb``, ``object`` and ``conditions`` are kept
    apart so that clauses can later be matched across drafts. ``start`` and
    ``end`` are offsets into the provision's ``text``; ``block`` is the eId of
    the paragraph or point the quote is in.
    """

    draft: str
    eid: str
    num: str | None
    block: str
    modality: Modality
    bearer: str
    bearer_text: str
    action: str
    verb: str
    object: str
    conditions: tuple[str, ...]
    marker: str
    quote: str
    start: int
    end: int
    context: str
    reconstructed: bool
    #: The eIds of the points of a list that limit the clause (their words are among its conditions too).
    scope: tuple[str, ...] = ()
    #: Instruments the clause binds its bearer to by reference ("in accordance with international law, including
    #: the Charter of the United Nations"), as written.
    references: tuple[str, ...] = ()
    #: The draft's defined terms the clause uses (their definitions are read as part of it).
    terms: tuple[str, ...] = ()
    #: The modality the tool found, when an analyst's override pinned another one (``modality``).
    tool_modality: Modality | None = None
    #: Why an analyst pinned the modality (None when nobody did).
    override: str | None = None

    @property
    def bearer_named(self) -> bool:
        return self.bearer != UNSPECIFIED

    @property
    def label(self) -> str:
        """How a reader cites the provision: "Article II", or the eId."""
        return self.num or self.eid


@dataclass(frozen=True)
class ModalityOverride:
    """An analyst's ruling on one clause: in ``draft``, the clause of provision ``eid`` whose quote contains
    ``quote`` has ``modality``, for ``reason``. ``line`` is where the ruling stands in its file."""

    draft: str
    eid: str
    quote: str
    modality: Modality
    reason: str
    line: int = 0


@dataclass(frozen=True)
class DraftObligations:
    """What ``treaty-diff obligations`` renders: a draft and the obligations found in it."""

    draft: Draft
    obligations: tuple[Obligation, ...]


Status = Literal["unchanged", "changed", "weakened", "strengthened", "dropped", "added"]
STATUSES: tuple[Status, ...] = ("unchanged", "changed", "weakened", "strengthened", "dropped", "added")
ConditionKind = Literal["condition", "hedge", "purpose", "other"]


@dataclass(frozen=True)
class ObligationChange:
    """One clause of the reference draft (``old``) with its counterpart in the other draft (``new``).

    ``old`` is None for an added clause, ``new`` for a dropped one. ``old_label``
    and ``new_label`` name where each side stands ("Article VII(2)").
    ``shared`` is true when the counterpart is also the counterpart of another
    clause (a merge or a split). ``similarity`` is the pairing score (0 when one
    side is missing).
    """

    status: Status
    old: Obligation | None
    new: Obligation | None
    reasons: tuple[str, ...]
    old_label: str | None
    new_label: str | None
    headline: str
    shared: bool = False
    similarity: float = 0.0

    @property
    def summary(self) -> str:
        """The headline and the reasons, on one line."""
        return "; ".join((self.headline, *self.reasons))


@dataclass(frozen=True)
class ObligationComparison:
    """The clauses of a reference draft compared with those of another draft."""

    reference: str
    other: str
    changes: tuple[ObligationChange, ...]
    reference_title: str = ""
    other_title: str = ""
    reference_total: int = 0
    other_total: int = 0

    @property
    def counts(self) -> dict[Status, int]:
        """How many changes have each status (every status present, in the order of STATUSES)."""
        found = Counter(change.status for change in self.changes)
        return {status: found.get(status, 0) for status in STATUSES}

    @property
    def differs(self) -> bool:
        return any(change.status != "unchanged" for change in self.changes)
