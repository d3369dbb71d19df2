"""``compare --format text``: a summary table, then each provision as a word-level redline.

On a colour terminal deletions are red and struck through and insertions green
and underlined; otherwise they are marked ``[-deleted-]`` and ``{+inserted+}``
(the markers of ``git diff --word-diff``). The text is the drafts' as it is;
on a terminal the CLI shows hidden characters (a bidi override) as markers,
``<U+202E>`` (docs/hostile-input.md).
"""

from __future__ import annotations

from typing import Literal

from treaty_diff.model.comparison import Change, Comparison
from treaty_diff.model.draft import BLOCK_SEPARATOR, DraftMeta
from treaty_diff.model.segments import Segment
from treaty_diff.render.base import Renderer, RenderOptions, register
from treaty_diff.render.obligations import obligation_comparison_to_text

_RED_STRIKE = "\x1b[31;9m"
_GREEN_UNDERLINE = "\x1b[32;4m"
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


def redline_text(segments: tuple[Segment, ...], color: bool) -> str:
    """Segments as one string with colour or with ``[-...-]``/``{+...+}`` markers."""
    out: list[str] = []
    for segment in segments:
        if segment.op == "equal":
            out.append(segment.text)
        elif color:
            code = _RED_STRIKE if segment.op == "delete" else _GREEN_UNDERLINE
            # Colour each line separately so a terminal never carries it across a line break.
            out.append("\n".join(f"{code}{line}{_RESET}" if line else "" for line in segment.text.split("\n")))
        else:
            out.append(f"[-{segment.text}-]" if segment.op == "delete" else f"{{+{segment.text}+}}")
    return "".join(out)


def _shown_segments(change: Change) -> tuple[Segment, ...]:
    """The redline of a change: its word-level segments, or, for a moved provision that kept fewer than half of
    its words (shown as a deletion and an insertion, as in the other reports), its old text and its new text."""
    if change.moved and change.old and change.new and not change.shown_as_move:
        return (Segment("delete", BLOCK_SEPARATOR.join(p.text for p in change.old)),
                Segment("insert", BLOCK_SEPARATOR + BLOCK_SEPARATOR.join(p.text for p in change.new)))
    return change.segments


def _draft_line(label: str, meta: DraftMeta) -> str:
    details = ", ".join(x for x in (meta.symbol, meta.date) if x)
    return f"{label}: {meta.id} ({details}) {meta.title}" if details else f"{label}: {meta.id} {meta.title}"


def _nums(change: Change, side: str) -> str:
    provisions = change.old if side == "old" else change.new
    return " + ".join(p.label for p in provisions) or "-"


def _flags(change: Change) -> str:
    flags: list[str] = [change.kind]
    if change.renumbered:
        flags.append("renumbered")
    if change.moved:
        flags.append("moved")
    return ", ".join(flags)


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]


def _reconstructed_notice(comparison: Comparison) -> list[str]:
    lines = []
    sides: tuple[tuple[Literal["old", "new"], DraftMeta], ...] = (("old", comparison.old), ("new", comparison.new))
    for side, meta in sides:
        names = [info.label + (" (in part)" if info.provenance == "mixed" else "")
                 for info in comparison.reconstructed_provisions(side)]
        if names:
            lines.append(f"  {meta.id}: {', '.join(names)}")
    if not lines:
        return []
    return ["Reconstructed text, NOT the official wording:", *lines, ""]


@register
class TextRenderer(Renderer[Comparison]):
    """The terminal report."""

    name = "text"
    subject = "comparison"
    suffixes = (".txt", ".text")
    options = frozenset({"color", "changed_only"})
    description = "summary table and word-level redline for the terminal"

    def render(self, value: Comparison, options: RenderOptions) -> str:
        color = options.color
        bold = (lambda s: f"{_BOLD}{s}{_RESET}") if color else (lambda s: s)
        out = [_draft_line("old", value.old), _draft_line("new", value.new), ""]
        s = value.summary
        out.append(bold("Summary"))
        out.extend(_table([
            ["unchanged", "modified", "inserted", "deleted", "split", "merged", "renumbered", "moved",
             "words +", "words -"],
            [str(x) for x in (s.unchanged, s.modified, s.inserted, s.deleted, s.split, s.merged, s.renumbered,
                              s.moved, s.words_inserted, s.words_deleted)],
        ]))
        out.append("")
        out.extend(_reconstructed_notice(value))
        shown = [c for c in value.changes if c.changed or not options.changed_only]
        out.append(bold("Changes"))
        rows = [["id", "old", "new", "change", "similarity", "+words", "-words", "provenance"]]
        for change in shown:
            rows.append([change.id, _nums(change, "old"), _nums(change, "new"), _flags(change),
                         f"{change.similarity:.2f}", str(change.words_inserted), str(change.words_deleted),
                         "reconstructed" if change.reconstructed else "verbatim"])
        out.extend(_table(rows) if shown else ["  (no changes)"])
        for change in shown:
            out.append("")
            mark = " [reconstructed text]" if change.reconstructed else ""
            out.append(bold(f"== {change.id}  {change.description}{mark}"))
            if change.moved and change.old and change.new and not change.shown_as_move:
                out.append("Fewer than half of its words remain: shown as a deletion and an insertion, not a move.")
            out.append("")
            out.append(redline_text(_shown_segments(change), color))
        definitions = [d for d in value.definitions if d.kind != "unchanged" or d.renamed or not options.changed_only]
        if definitions:
            out.append("")
            out.append(bold("Definitions"))
            for definition in definitions:
                out.append(f"  {definition.kind:<10} {definition.description}")
        if value.obligations is not None:
            out.append("")
            out.append(bold("Obligations"))
            out.append(obligation_comparison_to_text(value.obligations, changed_only=options.changed_only).rstrip())
        return "\n".join(out) + "\n"
