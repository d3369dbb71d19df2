"""``history --format text``: the series on a terminal.

The versions; what each step did; the summary matrix of provisions × versions;
each provision's history in one line; the obligations each step weakened,
strengthened, added or dropped; then the **blame** of one version (``--at``):
each run of text on a line of its own, with the version that introduced it in
the margin (a run that goes on the paragraph of the line before is indented);
and, for the provisions asked for (``--provision``), their **timeline**: the
text in the first version, the redline of each step that changed it, and the
obligations it carries.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from treaty_diff.model.history import Cell, History, Lineage, Occurrence, SeriesReport, version_label
from treaty_diff.render.base import Renderer, RenderOptions, register
from treaty_diff.render.text import redline_text

_BOLD, _RESET = "\x1b[1m", "\x1b[0m"
#: Foreground colours for versions on a terminal, in turn.
_COLOURS = ("\x1b[34m", "\x1b[35m", "\x1b[36m", "\x1b[33m", "\x1b[32m", "\x1b[31m")
_WIDTH = 100

#: One mark per matrix cell, and what each means, in the order of the legend.
LEGEND: tuple[tuple[str, str], ...] = (
    ("+", "new"), ("~", "amended"), (".", "unchanged"), ("#", "renumbered only"), (">", "moved"),
    ("S", "split"), ("M", "merged"), ("R", "reinstated"), ("x", "gone (deleted or merged away)"),
    (" ", "absent"),
)


def cell_mark(cell: Cell) -> str:
    """The mark of a matrix cell (see :data:`LEGEND`)."""
    if cell.state == "absent":
        return " "
    if cell.state in ("gone", "new", "reinstated"):
        return {"gone": "x", "new": "+", "reinstated": "R"}[cell.state]
    if cell.split or cell.merged:
        return "S" if cell.split else "M"
    if cell.moved:
        return ">"
    if cell.state == "amended":
        return "~"
    return "#" if cell.renumbered else "."


def lineage_summary(lineage: Lineage) -> str:
    """Its history in a line: "since v1; v2 amended, renumbered; v3 amended"."""
    parts = []
    for event in lineage.events:
        kinds = [k for k in event.kinds if k != "introduced"]
        if "introduced" in event.kinds:
            parts.append(f"since {version_label(event.version)}")
        if kinds:
            parts.append(f"{version_label(event.version)} {', '.join(kinds)}")
    return "; ".join(parts)


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]


def provenance_line(history: History, version: int) -> str:
    """"verbatim", or how many of the version's provisions are reconstructed in whole or in part."""
    shown = [o.provision.provenance for _, o in history.at(version)]
    rebuilt = sum(1 for p in shown if p != "verbatim")
    if not rebuilt:
        return "verbatim"
    return f"reconstructed: {rebuilt} of {len(shown)} provisions, in whole or in part"


def _reconstructed(occurrence: Occurrence) -> str:
    provenance = occurrence.provision.provenance
    return {"verbatim": "", "mixed": " [partly reconstructed text]"}.get(provenance, " [reconstructed text]")


class _Writer:
    def __init__(self, report: SeriesReport, color: bool) -> None:
        self.report = report
        self.history: History = report.history
        self.color = color
        self.lines: list[str] = []

    def bold(self, text: str) -> str:
        return f"{_BOLD}{text}{_RESET}" if self.color else text

    def tint(self, version: int) -> Callable[[str], str]:
        if not self.color:
            return lambda text: text
        code = _COLOURS[version % len(_COLOURS)]
        return lambda text: f"{code}{text}{_RESET}" if text else text

    def write(self) -> str:
        self.versions()
        self.steps()
        self.matrix()
        self.lineages()
        self.obligations()
        self.blame()
        for lineage_id in self.report.focus:
            self.timeline(self.history.lineage(lineage_id))
        return "\n".join(self.lines).rstrip() + "\n"

    def versions(self) -> None:
        self.lines.append(self.bold(f"Series of {len(self.history.versions)} versions"))
        rows = [[v.label, v.meta.id, v.meta.symbol or "-", v.meta.date or "-",
                 provenance_line(self.history, v.index), v.meta.title]
                for v in self.history.versions]
        self.lines.extend(_table(rows))
        self.lines.append("")

    def steps(self) -> None:
        self.lines.append(self.bold("Steps"))
        heads = ["step", "unchanged", "modified", "inserted", "deleted", "split", "merged", "renumbered", "moved",
                 "reinstated", "words +", "words -"]
        rows = [heads]
        for k, step in enumerate(self.history.steps, start=1):
            s = step.summary
            back = sum(1 for lineage in self.history.lineages for e in lineage.events
                       if e.version == k and "reinstated" in e.kinds)
            rows.append([f"{version_label(k - 1)}→{version_label(k)}", *(str(x) for x in (
                s.unchanged, s.modified, s.inserted - back, s.deleted, s.split, s.merged, s.renumbered, s.moved,
                back, s.words_inserted, s.words_deleted))])
        self.lines.extend(_table(rows))
        self.lines.append("  (inserted: new provisions, not counting those reinstated)")
        self.lines.append("")

    def matrix(self) -> None:
        self.lines.append(self.bold("Provisions × versions"))
        labels = [v.label for v in self.history.versions]
        width = max(len(label) for label in labels)
        rows = [["lineage", f"provision ({labels[self.report.at]})", " ".join(x.ljust(width) for x in labels)]]
        for lineage in self.history.lineages:
            occurrence = lineage.occurrence(self.report.at)
            name = occurrence.label if occurrence else f"({lineage.label})"
            marks = " ".join(cell_mark(lineage.cell(v.index)).ljust(width) for v in self.history.versions)
            rows.append([lineage.id, name, marks])
        self.lines.extend(_table(rows))
        self.lines.append("  " + "  ".join(f"{mark if mark != ' ' else '(blank)'} {meaning}"
                                           for mark, meaning in LEGEND))
        self.lines.append("")

    def lineages(self) -> None:
        self.lines.append(self.bold("History of each provision"))
        rows = [[lineage.id, lineage.label, lineage_summary(lineage)] for lineage in self.history.lineages]
        self.lines.extend(_table(rows))
        self.lines.append("")

    def obligations(self) -> None:
        if not self.history.obligations:
            return
        self.lines.append(self.bold("Obligations changed"))
        events = sorted(((e.version, row, lineage.id, e) for row, lineage in enumerate(self.history.lineages)
                         for e in lineage.obligation_events), key=lambda item: (item[0], item[1]))
        shown = [e for e in events if e[3].change.status != "changed"]
        for version, _, lineage_id, event in shown:
            status = "introduced" if event.change.status == "added" else event.change.status
            self.lines.append(f"  {version_label(version):<4} {status.upper():<12} {event.change.summary} "
                              f"({lineage_id})")
        if not shown:
            self.lines.append("  (none weakened, strengthened, introduced or dropped)")
        unchanged_in_force = len(events) - len(shown)
        if unchanged_in_force:
            self.lines.append(f"  ({unchanged_in_force} more reworded, unchanged in force: see --provision or JSON)")
        self.lines.append("")

    def blame(self) -> None:
        version = self.history.versions[self.report.at]
        self.lines.append(self.bold(f"Blame of {version.name}"))
        self.lines.append("  each run of text on a line, after the version that introduced it; an indented run "
                          "goes on the paragraph of the line before")
        for v in self.history.versions:
            self.lines.append(f"  {self.tint(v.index)(v.label)} = {v.meta.id}" + (f" ({v.meta.date})"
                                                                                   if v.meta.date else ""))
        for lineage, occurrence in self.history.at(self.report.at):
            self.lines.append("")
            self.lines.append(self.bold(f"== {occurrence.label} ({lineage.id}; {lineage_summary(lineage)})")
                              + _reconstructed(occurrence))
            self.lines.extend(self.runs(occurrence))
        self.lines.append("")

    def runs(self, occurrence: Occurrence) -> list[str]:
        width = max(len(v.label) for v in self.history.versions)
        out: list[str] = []
        fresh = True  # the next piece starts a paragraph
        for run in occurrence.blame:
            tint = self.tint(run.version)
            pieces = run.text.split("\n\n")
            for index, piece in enumerate(pieces):
                if index:
                    out.append("")
                    fresh = True
                if not piece.strip():
                    continue
                indent = "" if fresh else "  "
                wrapped = textwrap.wrap(piece.strip(), _WIDTH - width - 2 - len(indent)) or [""]
                margin = version_label(run.version).ljust(width)
                out.append(f"{tint(margin)}  {indent}{tint(wrapped[0])}")
                out.extend(f"{' ' * width}  {indent}{tint(line)}" for line in wrapped[1:])
                fresh = False
        return out

    def timeline(self, lineage: Lineage) -> None:
        self.lines.append(self.bold(f"Timeline of {lineage.label} ({lineage.id}): {lineage_summary(lineage)}"))
        for version in self.history.versions:
            occurrence = lineage.occurrence(version.index)
            event = lineage.event(version.index)
            head = f"-- {version.name}: "
            if occurrence is None:
                if event is not None:
                    self.lines.append(head + event.description)
                elif lineage.first < version.index:
                    self.lines.append(head + "absent")
                continue
            if occurrence.version == lineage.first:
                said = event.description if event is not None and occurrence.version else "in the first version"
                self.lines.append(head + said + _reconstructed(occurrence))
                self.lines.append("")
                self.lines.append(occurrence.provision.text)
            elif event is None:
                self.lines.append(head + "unchanged")
                continue
            else:
                self.lines.append(head + (occurrence.description or event.description) + _reconstructed(occurrence))
                self.lines.append("")
                self.lines.append(redline_text(occurrence.segments, self.color))
            self.lines.append("")
            self.clauses(lineage, occurrence)
        self.lines.append("")

    def clauses(self, lineage: Lineage, occurrence: Occurrence) -> None:
        events = [e for e in lineage.obligation_events if e.version == occurrence.version]
        for event in events:
            status = "introduced" if event.change.status == "added" else event.change.status
            self.lines.append(f"   {status.upper()}: {event.change.summary}")
        if occurrence.obligations:
            self.lines.append(f"   carries {len(occurrence.obligations)} clause(s):")
            self.lines.extend(f"     - {o.modality} ({o.bearer}): {o.action}" for o in occurrence.obligations)
        if events or occurrence.obligations:
            self.lines.append("")


@register
class HistoryTextRenderer(Renderer[SeriesReport]):
    """The series on a terminal."""

    name = "text"
    subject = "history"
    suffixes = (".txt", ".text")
    options = frozenset({"color"})
    description = "steps, provisions × versions, each provision's history, blame, and timelines"

    def render(self, value: SeriesReport, options: RenderOptions) -> str:
        return _Writer(value, options.color).write()
