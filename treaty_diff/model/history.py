"""The history of a series of drafts, and three drafts read as a base and two proposals (built by
:mod:`treaty_diff.history`).

A **series** is drafts in order, v1 … vn. Its :class:`History` holds:

- the :class:`~treaty_diff.model.comparison.Comparison` of each two consecutive versions (``steps``);
- the **lineages**: a provision followed through the series. Each provision of
  each version belongs to exactly one lineage. A provision that continues
  (unchanged, amended, renumbered, moved) stays in its lineage; a split
  continues in its first part, and each other part starts a lineage of its
  own whose ``origin`` is the split one; a merge continues the first of the
  merged provisions, and each other one ends there (``merged_into``); a
  deleted provision ends its lineage, which a later version may take up again
  (reinstated);
- for each provision of each version (an :class:`Occurrence`): its text, the
  redline from the version before, the obligations it carries, and its
  **blame**: runs of its text, each with the version that introduced it.

A :class:`ThreeWay` reads a base draft and two proposals made from it, provision by provision.

Versions are numbered from 0 in the values (``Version.index``) and named ``v1`` … ``vn`` for readers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from treaty_diff.model.comparison import Change, Comparison, ProvisionInfo
from treaty_diff.model.draft import DraftMeta
from treaty_diff.model.obligations import Obligation, ObligationChange
from treaty_diff.model.segments import Segment

OccurrenceState = Literal["new", "unchanged", "amended", "reinstated"]
CellState = Literal["absent", "new", "unchanged", "amended", "reinstated", "gone"]
CELL_STATES: tuple[CellState, ...] = ("absent", "new", "unchanged", "amended", "reinstated", "gone")
EventKind = Literal["introduced", "amended", "renumbered", "moved", "split", "split-off", "merged", "merged-into",
                    "deleted", "reinstated"]
EVENT_KINDS: tuple[EventKind, ...] = ("introduced", "amended", "renumbered", "moved", "split", "split-off", "merged",
                                      "merged-into", "deleted", "reinstated")


def version_label(index: int) -> str:
    """How a reader names the version of index ``index`` (from 0): "v1", "v2", …"""
    return f"v{index + 1}"


@dataclass(frozen=True)
class Version:
    """One draft of the series: its place, its metadata, and its provisions' eIds in document order."""

    index: int
    meta: DraftMeta
    eids: tuple[str, ...]

    @property
    def label(self) -> str:
        return version_label(self.index)

    @property
    def name(self) -> str:
        """"v2 (ppwt-2014, CD/1985, 2014-06-12)": the label and what identifies the draft."""
        details = ", ".join(x for x in (self.meta.id, self.meta.symbol, self.meta.date) if x)
        return f"{self.label} ({details})"


@dataclass(frozen=True)
class BlameRun:
    """A run of a provision's text and the version (index) that introduced it."""

    text: str
    version: int


@dataclass(frozen=True)
class Occurrence:
    """A provision as it stands in one version, in its lineage.

    ``segments`` are the redline from the version before: the step's change
    that made this provision (its old side is every provision the change took
    in, its new side every provision it gave: both parts of a split, say), or,
    for a reinstated provision, the diff from its text when it was deleted.
    Empty in the first version, and in the first version of a lineage that
    begins as a new provision. ``blame`` rebuilds ``provision.text`` exactly.
    """

    version: int
    provision: ProvisionInfo
    state: OccurrenceState
    blame: tuple[BlameRun, ...]
    segments: tuple[Segment, ...] = ()
    change_id: str | None = None
    """The id of the change, in ``History.steps[version - 1]``, that made this provision (None in v1)."""
    description: str = ""
    renumbered: bool = False
    moved: bool = False
    obligations: tuple[Obligation, ...] = ()

    @property
    def label(self) -> str:
        return self.provision.label


@dataclass(frozen=True)
class LineageEvent:
    """What happened to a lineage in one version: one or more kinds, in one sentence.

    ``related``: the lineages the event involves besides this one (the parts
    of a split, the provisions of a merge).
    """

    version: int
    kinds: tuple[EventKind, ...]
    description: str
    related: tuple[str, ...] = ()


@dataclass(frozen=True)
class ObligationEvent:
    """A change of a clause the lineage carries, between ``version - 1`` and ``version`` (never "unchanged")."""

    version: int
    change: ObligationChange


@dataclass(frozen=True)
class Cell:
    """One lineage in one version, as the summary matrix shows it."""

    state: CellState
    label: str | None = None
    renumbered: bool = False
    moved: bool = False
    split: bool = False
    merged: bool = False


@dataclass(frozen=True)
class Lineage:
    """A provision followed through the series (see the module's doc for splits, merges and reinstatements).

    ``occurrences`` are in version order, one per version the lineage is
    present in (a reinstated lineage has a gap). ``end`` is the version in which
    the lineage was last deleted or merged into another, when it is not present
    in the last version; ``origin`` the lineage it was split off from.
    """

    id: str
    occurrences: tuple[Occurrence, ...]
    events: tuple[LineageEvent, ...]
    obligation_events: tuple[ObligationEvent, ...] = ()
    origin: str | None = None
    merged_into: str | None = None
    end: int | None = None

    @property
    def first(self) -> int:
        """The version it first appears in."""
        return self.occurrences[0].version

    @property
    def last(self) -> Occurrence:
        """Its latest occurrence."""
        return self.occurrences[-1]

    @property
    def label(self) -> str:
        """How a reader names it: its latest num or label ("Article IV", "the preamble")."""
        return self.last.label

    @cached_property
    def by_version(self) -> dict[int, Occurrence]:
        return {o.version: o for o in self.occurrences}

    def occurrence(self, version: int) -> Occurrence | None:
        return self.by_version.get(version)

    def event(self, version: int) -> LineageEvent | None:
        for event in self.events:
            if event.version == version:
                return event
        return None

    def cell(self, version: int) -> Cell:
        """Its state in ``version``: absent, new, unchanged, amended, reinstated, or gone (deleted or merged away)."""
        found = self.occurrence(version)
        event = self.event(version)
        kinds = event.kinds if event is not None else ()
        if found is None:
            gone = any(k in ("deleted", "merged-into") for k in kinds)
            return Cell("gone" if gone else "absent", merged="merged-into" in kinds)
        return Cell(found.state, found.provision.label, renumbered=found.renumbered, moved=found.moved,
                    split="split" in kinds or "split-off" in kinds, merged="merged" in kinds)


@dataclass(frozen=True)
class History:
    """A series of drafts read as one history (see the module's doc)."""

    versions: tuple[Version, ...]
    lineages: tuple[Lineage, ...]
    """In reading order: the last version's order, each lineage that is gone by then after the one it followed."""
    steps: tuple[Comparison, ...]
    """``steps[k - 1]`` compares version k - 1 with version k."""
    reinstate_threshold: float = 0.0
    """The similarity above which a new provision is taken for a deleted one reinstated (see docs/history.md)."""
    obligations: bool = True
    """Whether the obligations were compared (they are empty otherwise)."""

    @cached_property
    def lineages_by_id(self) -> dict[str, Lineage]:
        return {lineage.id: lineage for lineage in self.lineages}

    def lineage(self, lineage_id: str) -> Lineage:
        return self.lineages_by_id[lineage_id]

    @cached_property
    def _placed(self) -> dict[tuple[int, str], tuple[Lineage, Occurrence]]:
        return {(o.version, o.provision.eid): (lineage, o) for lineage in self.lineages for o in lineage.occurrences}

    def find(self, version: int, eid: str) -> tuple[Lineage, Occurrence]:
        """The lineage of a provision of a version, and its occurrence there."""
        return self._placed[(version, eid)]

    def at(self, version: int) -> tuple[tuple[Lineage, Occurrence], ...]:
        """The provisions of one version, in document order, each with its lineage."""
        return tuple(self._placed[(version, eid)] for eid in self.versions[version].eids)


@dataclass(frozen=True)
class SeriesReport:
    """What the ``history`` command renders: the history, the version whose blame it shows (``at``), the
    lineages whose timeline the text report shows (``focus``; every one for JSON and HTML), and, for DOCX, the
    comparison of the two chosen versions (``consolidated``: ``versions`` names them)."""

    history: History
    at: int
    focus: tuple[str, ...] = ()
    consolidated: Comparison | None = None
    between: tuple[int, int] | None = None


# -- three drafts: a base and two proposals ---------------------------------------------------------------------

ThreeWayStatus = Literal["unchanged", "only-a", "only-b", "agree", "conflict"]
THREE_WAY_STATUSES: tuple[ThreeWayStatus, ...] = ("unchanged", "only-a", "only-b", "agree", "conflict")


@dataclass(frozen=True)
class ThreeWayRow:
    """Some provisions of the base (one, or those a merge or split in either proposal ties together), or a
    provision a proposal adds, with what each proposal did to them.

    ``a`` and ``b`` are the changes of ``compare(base, A)`` and ``compare(base,
    B)`` that take in these base provisions (for an added provision, the
    insertion). ``overlap`` tells, for a conflict, whether the two proposals
    edited the same words of the base (True), different words of it (False:
    each edit could stand with the other), or could not be told apart word by
    word (None: a split, a merge, a deletion, or an addition).
    """

    id: str
    status: ThreeWayStatus
    base: tuple[ProvisionInfo, ...]
    a: tuple[Change, ...]
    b: tuple[Change, ...]
    description: str
    overlap: bool | None = None

    @property
    def label(self) -> str:
        infos = self.base or tuple(info for change in (*self.a, *self.b) for info in change.new)
        return " + ".join(info.label for info in infos)


@dataclass(frozen=True)
class ThreeWay:
    """A base draft and two proposals, provision by provision, in the base's order (additions where they stand)."""

    base: DraftMeta
    a: DraftMeta
    b: DraftMeta
    rows: tuple[ThreeWayRow, ...]

    @property
    def counts(self) -> dict[ThreeWayStatus, int]:
        return {status: sum(1 for row in self.rows if row.status == status) for status in THREE_WAY_STATUSES}
