"""``three-way --format text``: a base and two proposals on a terminal, row by row.

A table of the rows (what each proposal did, and the status: unchanged, only
one proposal, agree, conflict), then each row that a proposal touched, with
each proposal's redline against the base.
"""

from __future__ import annotations

from treaty_diff.model.comparison import Change
from treaty_diff.model.draft import DraftMeta
from treaty_diff.model.history import ThreeWay, ThreeWayRow
from treaty_diff.render.base import Renderer, RenderOptions, register
from treaty_diff.render.text import redline_text

_BOLD, _RESET = "\x1b[1m", "\x1b[0m"

#: How each status reads in a table.
STATUS_WORDS = {"unchanged": "unchanged", "only-a": "only A", "only-b": "only B", "agree": "agree",
                "conflict": "CONFLICT"}


def did(changes: tuple[Change, ...]) -> str:
    """What a proposal did to a row, in a word or two: "-" when nothing."""
    if not changes:
        return "-"
    words = []
    for change in changes:
        if change.kind == "unchanged":
            words.append("moved" if change.moved else "-")
        else:
            words.append(change.kind + (", moved" if change.moved else ""))
    return "; ".join(dict.fromkeys(words))


def status_words(row: ThreeWayRow) -> str:
    words = STATUS_WORDS[row.status]
    if row.overlap is not None:
        words += " (same words)" if row.overlap else " (different words)"
    return words


def _name(meta: DraftMeta) -> str:
    details = ", ".join(x for x in (meta.symbol, meta.date) if x)
    return f"{meta.id} ({details})" if details else meta.id


@register
class ThreeWayTextRenderer(Renderer[ThreeWay]):
    """A base and two proposals on a terminal."""

    name = "text"
    subject = "three-way"
    suffixes = (".txt", ".text")
    options = frozenset({"color"})
    description = "each row's status, and each proposal's redline against the base"

    def render(self, value: ThreeWay, options: RenderOptions) -> str:
        bold = (lambda s: f"{_BOLD}{s}{_RESET}") if options.color else (lambda s: s)
        out = [f"base: {_name(value.base)} {value.base.title}", f"A:    {_name(value.a)} {value.a.title}",
               f"B:    {_name(value.b)} {value.b.title}", ""]
        counts = value.counts
        out.append(bold("Summary"))
        out.append("  " + "  ".join(f"{STATUS_WORDS[status]}: {n}" for status, n in counts.items()))
        out.append("")
        out.append(bold("Rows"))
        rows = [["id", "base", "A", "B", "status"]]
        for row in value.rows:
            base = " + ".join(info.label for info in row.base) or "(added)"
            rows.append([row.id, base, did(row.a), did(row.b), status_words(row)])
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        out.extend("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)
        for row in value.rows:
            if row.status == "unchanged":
                continue
            out.extend(["", bold(f"== {row.id}  {row.label}: {status_words(row)}"), row.description])
            for letter, meta, changes in (("A", value.a, row.a), ("B", value.b, row.b)):
                for change in changes:
                    if change.changed:
                        out.extend(["", f"-- {letter} ({meta.id}): {change.description}", "",
                                    redline_text(change.segments, options.color)])
        return "\n".join(out).rstrip() + "\n"
