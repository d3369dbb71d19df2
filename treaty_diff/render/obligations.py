"""Renderers of the obligations of a draft (``obligations``) and of two drafts compared (``coverage --against``)."""

from __future__ import annotations

from typing import Any

from treaty_diff.model.draft import Draft
from treaty_diff.model.obligations import (
    MODALITIES,
    STATUSES,
    DraftObligations,
    Obligation,
    ObligationChange,
    ObligationComparison,
    Status,
)
from treaty_diff.render.base import Renderer, RenderOptions, register
from treaty_diff.render.html.obligations import PAGE, obligations_table
from treaty_diff.render.page import json_text, standalone_page

# -- obligations of one draft ------------------------------------------------------------------------


def obligation_dict(obligation: Obligation) -> dict[str, Any]:
    """One entry of ``obligations --format json`` (docs/contracts.md), with the extra fields."""
    return {
        "eId": obligation.eid,
        "num": obligation.num,
        "block": obligation.block,
        "modality": obligation.modality,
        "bearer": obligation.bearer,
        "bearer_text": obligation.bearer_text,
        "bearer_named": obligation.bearer_named,
        "action": obligation.action,
        "verb": obligation.verb,
        "object": obligation.object,
        "conditions": list(obligation.conditions),
        "marker": obligation.marker,
        "quote": obligation.quote,
        "start": obligation.start,
        "end": obligation.end,
        "provenance": "reconstructed" if obligation.reconstructed else "verbatim",
        "scope": list(obligation.scope),
        "references": list(obligation.references),
        "terms": list(obligation.terms),
        "tool_modality": obligation.tool_modality,
        "override": obligation.override,
    }


def obligations_to_dict(draft: Draft, obligations: tuple[Obligation, ...]) -> dict[str, Any]:
    """``obligations --format json``: ``{"draft": id, "obligations": [...]}``."""
    counts = {m: sum(1 for o in obligations if o.modality == m) for m in MODALITIES}
    return {
        "draft": draft.id,
        "title": draft.meta.title,
        "counts": counts,
        "obligations": [obligation_dict(o) for o in obligations],
    }


def obligations_to_text(draft: Draft, obligations: tuple[Obligation, ...]) -> str:
    """A readable listing grouped by provision; says when a quote is reconstructed, not the official wording."""
    counts = ", ".join(f"{sum(1 for o in obligations if o.modality == m)} {m}" for m in MODALITIES)
    lines = [f"{draft.id}: {len(obligations)} deontic clause(s) ({counts})", ""]
    by_provision: dict[str, list[Obligation]] = {}
    for obligation in obligations:
        by_provision.setdefault(obligation.eid, []).append(obligation)
    for provision in draft.provisions:
        found = by_provision.get(provision.eid)
        if not found:
            continue
        status = provision.provenance_status
        note = ""
        if status == "reconstructed":
            note = "  [reconstructed text, NOT the official wording]"
        elif status == "mixed":
            note = "  [partly reconstructed text]"
        lines.append(f"{provision.label} ({provision.eid}){note}")
        for number, item in enumerate(found, 1):
            flag = "  [reconstructed]" if item.reconstructed and status == "mixed" else ""
            lines.append(f"  {number}. {item.modality.upper()}: {item.bearer} — {item.action}{flag}")
            for condition in item.conditions:
                lines.append(f"     condition: {condition}")
            if item.references:
                lines.append(f"     by reference to: {'; '.join(item.references)}")
            if item.terms:
                lines.append(f"     defined terms read with it: {', '.join(item.terms)}")
            if item.override is not None:
                lines.append(f"     analyst's ruling: {item.modality} (the tool read {item.tool_modality}): "
                             f"{item.override}")
            lines.append(f"     “{item.quote}”")
        lines.append("")
    if not obligations:
        lines.append("No deontic clause found.")
    return "\n".join(lines).rstrip() + "\n"


# -- obligations of two drafts compared ---------------------------------------------------------------


def obligation_comparison_to_dict(comparison: ObligationComparison) -> dict[str, Any]:
    """Plain JSON-able data (the shape is documented in docs/obligations.md)::

        {"reference": id, "other": id, "reference_title": ..., "other_title": ...,
         "totals": {"reference": n, "other": n},
         "counts": {"unchanged": n, "changed": n, "weakened": n, "strengthened": n, "dropped": n, "added": n},
         "changes": [{"status": ..., "old_label": "Article VII(2)" | null, "new_label": ... | null,
                      "shared": bool, "similarity": float, "headline": "...", "reasons": ["..."],
                      "summary": "...", "old": {obligation} | null, "new": {obligation} | null}]}

    ``{obligation}`` is an entry of ``obligations --format json`` (with its ``provenance``).
    """
    return {
        "reference": comparison.reference,
        "other": comparison.other,
        "reference_title": comparison.reference_title,
        "other_title": comparison.other_title,
        "totals": {"reference": comparison.reference_total, "other": comparison.other_total},
        "counts": dict(comparison.counts),
        "changes": [
            {
                "status": change.status,
                "old_label": change.old_label,
                "new_label": change.new_label,
                "shared": change.shared,
                "similarity": change.similarity,
                "headline": change.headline,
                "reasons": list(change.reasons),
                "summary": change.summary,
                "old": obligation_dict(change.old) if change.old else None,
                "new": obligation_dict(change.new) if change.new else None,
            }
            for change in comparison.changes
        ],
    }


def _quote_line(sign: str, draft_id: str, label: str | None, ob: Obligation) -> str:
    flag = "  [reconstructed, NOT the official wording]" if ob.reconstructed else ""
    return f"    {sign} {draft_id}, {label}: “{ob.quote}”{flag}"


#: The statuses the table at the top of the text report lists, in this order (the others are counted).
TABLE_STATUSES: tuple[Status, ...] = ("dropped", "weakened", "strengthened", "added")
#: How a status reads in the text report ("changed" keeps its force: its wording alone changed).
STATUS_WORDS: dict[Status, str] = {"changed": "reworded", "unchanged": "unchanged", "dropped": "dropped",
                                   "weakened": "weakened", "strengthened": "strengthened", "added": "added"}
#: The text report's width: the table's clauses are shortened to stay within it.
WIDTH = 100


def status_label(change: ObligationChange) -> str:
    """The status in plain words: "dropped", "weakened: shall -> may" (when the modality changed: its words, or
    its name when they are long), "reworded" (the same force, other words)."""
    label = STATUS_WORDS[change.status]
    old, new = change.old, change.new
    if old is not None and new is not None and old.modality != new.modality:
        short = max(len(old.marker), len(new.marker)) <= 12
        label += f": {old.marker} -> {new.marker}" if short else f": {old.modality} -> {new.modality}"
    return label


def obligation_table(comparison: ObligationComparison) -> list[str]:
    """The obligations dropped, weakened, strengthened and added, one line each (status, where it stood, where
    it stands, the clause), within :data:`WIDTH` columns; then how many were reworded or left unchanged."""
    listed = [c for status in TABLE_STATUSES for c in comparison.changes if c.status == status]
    rows = [["status", comparison.reference, comparison.other, "clause"]]
    for change in listed:
        either = change.old or change.new
        clause = either.quote if either is not None else ""
        rows.append([status_label(change), change.old_label or "-", change.new_label or "-", clause])
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    room = max(WIDTH - sum(widths) - 2 * 3, 20)
    lines = []
    for row in rows:
        clause = row[3] if len(row[3]) <= room else row[3][:room - 1].rstrip() + "…"
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths)) + "  " + clause)
    if not listed:
        lines = ["No obligation dropped, weakened, strengthened or added."]
    counts = comparison.counts
    rest = [f"{counts['changed']} reworded with the same force"] if counts["changed"] else []
    rest += [f"{counts['unchanged']} unchanged"] if counts["unchanged"] else []
    if rest:
        lines.append(f"Also {' and '.join(rest)}.")
    return lines


def obligation_comparison_to_text(comparison: ObligationComparison, *, changed_only: bool = False) -> str:
    """A readable report: the counts, the table of what was dropped, weakened, strengthened and added, then each
    clause with its verdict, reasons and both quotes.

    Unchanged clauses take one line; ``changed_only`` leaves them out. Quotes
    from reconstructed text are marked as not the official wording.
    """
    counts = comparison.counts
    lines = [
        f"Obligations compared: {comparison.reference} (reference) and {comparison.other}",
        f"{comparison.reference_total} clause(s) in {comparison.reference}, "
        f"{comparison.other_total} in {comparison.other}: "
        + ", ".join(f"{counts[s]} {STATUS_WORDS[s]}" for s in STATUSES),
        "",
        *obligation_table(comparison),
        "",
    ]
    if comparison.changes:
        lines += ["Each clause, with what changed and both quotes:", ""]
    for change in comparison.changes:
        if change.status == "unchanged":
            if not changed_only:
                lines.append(f"unchanged  {change.headline}")
            continue
        lines.append(f"{status_label(change)}  {change.headline}")
        for reason in change.reasons:
            lines.append(f"    · {reason}")
        if change.old:
            lines.append(_quote_line("-", comparison.reference, change.old_label, change.old))
        if change.new:
            lines.append(_quote_line("+", comparison.other, change.new_label, change.new))
    if not comparison.changes:
        lines.append("No deontic clause in either draft.")
    return "\n".join(lines).rstrip() + "\n"


# -- renderers ----------------------------------------------------------------------------------------


@register
class ObligationsText(Renderer[DraftObligations]):
    name = "text"
    subject = "obligations"
    suffixes = (".txt", ".text")
    description = "the obligations, grouped by provision"

    def render(self, value: DraftObligations, options: RenderOptions) -> str:
        return obligations_to_text(value.draft, value.obligations)


@register
class ObligationsJson(Renderer[DraftObligations]):
    name = "json"
    subject = "obligations"
    suffixes = (".json",)
    description = "the obligations as JSON (docs/contracts.md)"

    def render(self, value: DraftObligations, options: RenderOptions) -> str:
        return json_text(obligations_to_dict(value.draft, value.obligations))


@register
class ObligationComparisonText(Renderer[ObligationComparison]):
    name = "text"
    subject = "obligation-comparison"
    suffixes = (".txt", ".text")
    options = frozenset({"changed_only"})
    description = "each obligation of the reference draft with its counterpart, and what changed"

    def render(self, value: ObligationComparison, options: RenderOptions) -> str:
        return obligation_comparison_to_text(value, changed_only=options.changed_only)


@register
class ObligationComparisonJson(Renderer[ObligationComparison]):
    name = "json"
    subject = "obligation-comparison"
    suffixes = (".json",)
    description = "the obligation comparison as JSON"

    def render(self, value: ObligationComparison, options: RenderOptions) -> str:
        return json_text(obligation_comparison_to_dict(value))


@register
class ObligationComparisonHtml(Renderer[ObligationComparison]):
    """A self-contained page: one row per obligation, status, reasons and both quotes. Escaped by construction.

    The table is the one the comparison report shows too (:mod:`treaty_diff.render.html.obligations`), in this
    page's look.
    """

    name = "html"
    subject = "obligation-comparison"
    suffixes = (".html", ".htm")
    options = frozenset({"changed_only"})
    description = "the obligation comparison as a self-contained HTML page"

    def render(self, value: ObligationComparison, options: RenderOptions) -> str:
        return standalone_page(f"Obligations of {value.reference} compared with {value.other}",
                               [obligations_table(value, PAGE, changed_only=options.changed_only)], _CSS)


_CSS = """
.weakened, .dropped { color: #8b0000; } .strengthened, .added { color: #0b5d1e; }
"""
