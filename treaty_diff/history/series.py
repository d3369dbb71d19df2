"""A series of drafts read as one history: each two consecutive versions compared once, lineages followed
through the comparisons, blame carried forward one step at a time.

:func:`build_history` compares v1 with v2, v2 with v3, … (``compare``, so each
step is exactly what ``treaty-diff compare`` shows), then walks the steps in
order. Each change of a step moves its provisions' lineages on (see
:mod:`treaty_diff.model.history` for splits, merges and reinstatements) and
carries their blame through its diff (:mod:`.blame`); a new provision that
matches one deleted in an earlier step takes its lineage up again
(:mod:`.reinstate`). The cost is one comparison per step plus a walk linear in
the size of the step.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from treaty_diff.compare import CompareOptions, compare
from treaty_diff.diff import diff_texts
from treaty_diff.errors import UsageError
from treaty_diff.history.blame import carry, fresh, refine
from treaty_diff.history.reinstate import REINSTATE_THRESHOLD, Gone, reinstated
from treaty_diff.model.comparison import Change, Comparison, ProvisionInfo
from treaty_diff.model.draft import Draft
from treaty_diff.model.history import (
    BlameRun,
    EventKind,
    History,
    Lineage,
    LineageEvent,
    ObligationEvent,
    Occurrence,
    OccurrenceState,
    Version,
    version_label,
)
from treaty_diff.model.numbers import nums_differ
from treaty_diff.model.obligations import Obligation


@dataclass(frozen=True)
class HistoryOptions:
    """Whether to compare the obligations of each step, and the reinstatement rule's threshold."""

    obligations: bool = True
    reinstate_threshold: float = REINSTATE_THRESHOLD


def build_history(drafts: Sequence[Draft], options: HistoryOptions | None = None,
                  on_step: Callable[[int, int], None] | None = None) -> History:
    """The history of ``drafts``, in the order given. ``on_step(done, total)`` is called after each comparison."""
    options = options or HistoryOptions()
    if len(drafts) < 2:
        raise UsageError("a history needs at least two drafts")
    steps: list[Comparison] = []
    for index in range(1, len(drafts)):
        steps.append(compare(drafts[index - 1], drafts[index], CompareOptions(obligations=options.obligations)))
        if on_step is not None:
            on_step(index, len(drafts) - 1)
    return history_of_steps(steps, options)


def history_of_steps(steps: Sequence[Comparison], options: HistoryOptions | None = None) -> History:
    """The history of a series whose consecutive comparisons are ``steps`` (``steps[k]`` compares v(k+1) with
    v(k+2)); each step's old draft must be the previous step's new one."""
    options = options or HistoryOptions()
    for before, after in itertools.pairwise(steps):
        if [i.eid for i in after.provisions_in_order("old")] != [i.eid for i in before.provisions_in_order("new")]:
            raise ValueError(f"the steps do not follow on: {after.old.id} is not {before.new.id} as compared")
    tracker = _Tracker(options.reinstate_threshold)
    tracker.start(steps[0])
    for index, step in enumerate(steps, start=1):
        tracker.step(index, step)
    versions = [Version(0, steps[0].old, tuple(i.eid for i in steps[0].provisions_in_order("old")))]
    versions += [Version(k, step.new, tuple(i.eid for i in step.provisions_in_order("new")))
                 for k, step in enumerate(steps, start=1)]
    lineages = {lineage.id: lineage.freeze() for lineage in tracker.lineages}
    return History(
        versions=tuple(versions),
        lineages=tuple(lineages[i] for i in _reading_order(versions, tracker.placed)),
        steps=tuple(steps),
        reinstate_threshold=options.reinstate_threshold,
        obligations=all(step.obligations is not None for step in steps),
    )


def _reading_order(versions: Sequence[Version], placed: dict[tuple[int, str], str]) -> list[str]:
    """Lineage ids in the last version's order; a lineage gone by then right after the one before it in the last
    version it was in (earlier versions read from the latest back)."""
    order = [placed[(versions[-1].index, eid)] for eid in versions[-1].eids]
    seen = set(order)
    for version in reversed(versions[:-1]):
        sequence = [placed[(version.index, eid)] for eid in version.eids]
        for index, lineage_id in enumerate(sequence):
            if lineage_id in seen:
                continue
            at = order.index(sequence[index - 1]) + 1 if index else 0
            order.insert(at, lineage_id)
            seen.add(lineage_id)
    return order


#: The clauses each provision of a version carries, by eId.
_Carried = dict[str, tuple[Obligation, ...]]
#: The new provisions of a change, by eId, with their blame.
_Made = dict[str, tuple[ProvisionInfo, tuple[BlameRun, ...]]]


@dataclass(eq=False)
class _Lineage:
    """A lineage while the series is read."""

    id: str
    occurrences: list[Occurrence] = field(default_factory=list)
    events: list[LineageEvent] = field(default_factory=list)
    obligation_events: list[ObligationEvent] = field(default_factory=list)
    origin: str | None = None
    merged_into: str | None = None
    end: int | None = None

    @property
    def last(self) -> Occurrence:
        return self.occurrences[-1]

    def event(self, version: int, kinds: Sequence[EventKind], description: str, related: Sequence[str] = ()) -> None:
        if kinds:
            self.events.append(LineageEvent(version, tuple(kinds), description, tuple(related)))

    def freeze(self) -> Lineage:
        return Lineage(self.id, tuple(self.occurrences), tuple(self.events), tuple(self.obligation_events),
                       self.origin, self.merged_into, self.end)


def _flags(change: Change) -> list[EventKind]:
    kinds: list[EventKind] = []
    if change.renumbered:
        kinds.append("renumbered")
    if change.moved:
        kinds.append("moved")
    return kinds


class _Tracker:
    """Follows the lineages from one step to the next."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.lineages: list[_Lineage] = []
        self.current: dict[str, _Lineage] = {}  # eId in the latest version read -> its lineage
        self.gone: list[tuple[_Lineage, int]] = []  # deleted lineages and the version they were deleted in
        self.placed: dict[tuple[int, str], str] = {}  # (version, eId) -> lineage id

    def _new(self) -> _Lineage:
        lineage = _Lineage(f"L{len(self.lineages) + 1}")
        self.lineages.append(lineage)
        return lineage

    def _place(self, lineage: _Lineage, occurrence: Occurrence) -> None:
        lineage.occurrences.append(occurrence)
        self.current[occurrence.provision.eid] = lineage
        self.placed[(occurrence.version, occurrence.provision.eid)] = lineage.id

    def start(self, first_step: Comparison) -> None:
        """Every provision of v1 begins a lineage."""
        carried = _carried(first_step, "old")
        for info in first_step.provisions_in_order("old"):
            lineage = self._new()
            self._place(lineage, Occurrence(0, info, "new", fresh(info.text, 0), obligations=carried.get(info.eid, ())))
            lineage.event(0, ("introduced",), f"{_capital(info.label)} is in {version_label(0)}.")

    def step(self, version: int, comparison: Comparison) -> None:
        """Move every lineage on through one step's changes (new provisions last: they may be reinstatements)."""
        previous = self.current
        self.current = {}
        carried = _carried(comparison, "new")
        position = {info.eid: n for n, info in enumerate(comparison.provisions_in_order("new"))}
        old_position = {info.eid: n for n, info in enumerate(comparison.provisions_in_order("old"))}
        inserted: list[Change] = []
        for change in comparison.changes:
            olds = [previous[info.eid] for info in change.old]
            if change.kind == "inserted":
                inserted.append(change)
            elif change.kind == "deleted":
                olds[0].end = version
                olds[0].event(version, ("deleted",), change.description)
                self.gone.append((olds[0], version))
            else:
                blames = carry([lineage.last.blame for lineage in olds], refine(change.segments), version,
                               [info.text for info in change.new])
                made = {info.eid: (info, blame) for info, blame in zip(change.new, blames)}
                if change.kind == "split":
                    self._split(version, change, olds[0], sorted(change.new, key=lambda i: position[i.eid]), made,
                                carried)
                elif change.kind == "merged":
                    ranked = [lineage for _, lineage in sorted(zip(change.old, olds),
                                                               key=lambda pair: old_position[pair[0].eid])]
                    self._merged(version, change, ranked, made, carried)
                else:
                    state: OccurrenceState = "amended" if change.kind == "modified" else "unchanged"
                    info, blame = made[change.new[0].eid]
                    self._place(olds[0], _made(version, info, blame, state, change, carried))
                    kinds: list[EventKind] = ["amended"] if change.kind == "modified" else []
                    olds[0].event(version, kinds + _flags(change), change.description)
        self._insertions(version, inserted, carried)
        self._obligations(version, comparison, previous)

    def _split(self, version: int, change: Change, lineage: _Lineage, parts: list[ProvisionInfo], made: _Made,
               carried: _Carried) -> None:
        """The lineage goes on in the first part; each other part begins a lineage split off from it."""
        self._place(lineage, _made(version, *made[parts[0].eid], "amended", change, carried))
        offshoots = []
        for part in parts[1:]:
            offshoot = self._new()
            offshoot.origin = lineage.id
            self._place(offshoot, _made(version, *made[part.eid], "new", change, carried))
            offshoot.event(version, ("split-off",), change.description, (lineage.id,))
            offshoots.append(offshoot.id)
        amended: list[EventKind] = ["amended"] if change.amended else []
        lineage.event(version, ["split", *amended, *_flags(change)], change.description, offshoots)

    def _merged(self, version: int, change: Change, ranked: list[_Lineage], made: _Made, carried: _Carried) -> None:
        """The first of the merged provisions (in the old draft's order) goes on; the others end, merged into it."""
        lineage, others = ranked[0], ranked[1:]
        self._place(lineage, _made(version, *made[change.new[0].eid], "amended", change, carried))
        for other in others:
            other.end = version
            other.merged_into = lineage.id
            other.event(version, ("merged-into",), change.description, (lineage.id,))
        amended: list[EventKind] = ["amended"] if change.amended else []
        lineage.event(version, ["merged", *amended, *_flags(change)], change.description, [o.id for o in others])

    def _insertions(self, version: int, inserted: list[Change], carried: _Carried) -> None:
        """New provisions: a deleted one come back (same lineage), or a lineage of their own."""
        candidates = [(lineage, deleted) for lineage, deleted in self.gone if deleted < version]
        gone = [Gone(lineage.id, lineage.last.provision, deleted) for lineage, deleted in candidates]
        found = reinstated([change.new[0] for change in inserted], gone, self.threshold)
        back = {i: j for i, j, _ in found}
        for index, change in enumerate(inserted):
            info = change.new[0]
            if index not in back:
                lineage = self._new()
                self._place(lineage, Occurrence(version, info, "new", fresh(info.text, version), change.segments,
                                                change.id, change.description, obligations=carried.get(info.eid, ())))
                lineage.event(version, ("introduced",), change.description)
                continue
            lineage, deleted = candidates[back[index]]
            before = lineage.last
            segments = diff_texts(before.provision.text, info.text)
            blame = carry([before.blame], refine(segments), version, [info.text])[0]
            description = (f"{_capital(info.label)} reinstates {before.label} of {version_label(before.version)}, "
                           f"deleted in {version_label(deleted)}.")
            renumbered = nums_differ(before.provision.num, info.num)
            self._place(lineage, Occurrence(version, info, "reinstated", blame, segments, change.id, description,
                                            renumbered, False, carried.get(info.eid, ())))
            lineage.end = None
            lineage.event(version, ("reinstated",), description)
            self.gone.remove((lineage, deleted))

    def _obligations(self, version: int, comparison: Comparison, previous: dict[str, _Lineage]) -> None:
        if comparison.obligations is None:
            return
        for change in comparison.obligations.changes:
            if change.status == "unchanged":
                continue
            if change.new is not None:
                lineage = self.current[change.new.eid]
            else:
                assert change.old is not None
                lineage = previous[change.old.eid]
            lineage.obligation_events.append(ObligationEvent(version, change))


def _made(version: int, info: ProvisionInfo, blame: tuple[BlameRun, ...], state: OccurrenceState, change: Change,
          carried: _Carried) -> Occurrence:
    """A provision made by a step's change, in its lineage."""
    return Occurrence(version, info, state, blame, change.segments, change.id, change.description,
                      change.renumbered, change.moved, carried.get(info.eid, ()))


def _carried(comparison: Comparison, side: str) -> _Carried:
    """The clauses each provision of one side of a comparison carries, by eId, in order, each once."""
    if comparison.obligations is None:
        return {}
    found: dict[str, dict[Obligation, None]] = {}
    for change in comparison.obligations.changes:
        clause = change.old if side == "old" else change.new
        if clause is not None:
            found.setdefault(clause.eid, {})[clause] = None
    return {eid: tuple(clauses) for eid, clauses in found.items()}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
