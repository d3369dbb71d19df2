"""CSV exports of obligations, of a coverage report and of two drafts' obligations compared: what analysts paste
into spreadsheets.

One row per obligation, per element and draft, or per change; the first row names the columns. RFC 4180 quoting
(a field with a comma, a quote or a line break is quoted, its quotes doubled), ``\\r\\n`` line ends, UTF-8. Lists
(conditions, references, citations) are joined with `` | ``. A quote is the provision's text as it stands, never
altered; only a field that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) gets an apostrophe in front, as spreadsheets expect (no treaty quote starts that way).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from treaty_diff.model.coverage import Citation, CoverageReport, Verdict
from treaty_diff.model.obligations import DraftObligations, Obligation, ObligationComparison
from treaty_diff.render.base import Renderer, RenderOptions, register

#: The columns of the obligations export, in order.
OBLIGATION_COLUMNS = ("draft", "eId", "num", "block", "modality", "tool_modality", "override", "bearer",
                      "bearer_text", "verb", "action", "object", "conditions", "references", "terms", "quote", "start",
                      "end", "provenance")
#: The columns of the coverage export, in order.
COVERAGE_COLUMNS = ("element", "label", "draft", "status", "by_reference", "reason", "override", "tool_status",
                    "tool_reason", "citations")
#: The columns of the comparison export, in order.
COMPARISON_COLUMNS = ("status", "old_label", "new_label", "shared", "headline", "reasons", "old_modality",
                      "new_modality", "old_bearer", "new_bearer", "old_quote", "new_quote", "old_provenance",
                      "new_provenance")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _table(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


def _joined(values: Iterable[str]) -> str:
    return " | ".join(values)


def _provenance(ob: Obligation | Citation | None) -> str:
    if ob is None:
        return ""
    return "reconstructed" if ob.reconstructed else "verbatim"


def obligations_to_csv(value: DraftObligations) -> str:
    """One row per obligation of a draft (:data:`OBLIGATION_COLUMNS`)."""
    return _table(OBLIGATION_COLUMNS, (
        (ob.draft, ob.eid, ob.num, ob.block, ob.modality, ob.tool_modality, ob.override, ob.bearer, ob.bearer_text,
         ob.verb, ob.action, ob.object, _joined(ob.conditions), _joined(ob.references), _joined(ob.terms), ob.quote,
         ob.start, ob.end, _provenance(ob))
        for ob in value.obligations))


def _citation(citation: Citation) -> str:
    via = f" (through the definition of {', '.join(citation.via)})" if citation.via else ""
    return f"{citation.label}: “{citation.quote}”{via}"


def coverage_to_csv(report: CoverageReport) -> str:
    """One row per element and draft (:data:`COVERAGE_COLUMNS`), in the report's order."""
    def row(element_id: str, label: str, draft_id: str, verdict: Verdict) -> tuple[object, ...]:
        tool = verdict.tool
        return (element_id, label, draft_id, verdict.status, verdict.by_reference, verdict.reason, verdict.override,
                tool.status if tool else None, tool.reason if tool else None,
                _joined(_citation(c) for c in verdict.citations))

    return _table(COVERAGE_COLUMNS, (
        row(r.element.id, r.element.label, draft.id, verdict)
        for r in report.rows for draft, verdict in zip(report.drafts, r.verdicts)))


def comparison_to_csv(comparison: ObligationComparison) -> str:
    """One row per change of two drafts' obligations (:data:`COMPARISON_COLUMNS`), in the report's order."""
    return _table(COMPARISON_COLUMNS, (
        (c.status, c.old_label, c.new_label, c.shared, c.headline, _joined(c.reasons),
         c.old.modality if c.old else None, c.new.modality if c.new else None,
         c.old.bearer if c.old else None, c.new.bearer if c.new else None,
         c.old.quote if c.old else None, c.new.quote if c.new else None, _provenance(c.old), _provenance(c.new))
        for c in comparison.changes))


@register
class ObligationsCsv(Renderer[DraftObligations]):
    name = "csv"
    subject = "obligations"
    suffixes = (".csv",)
    description = "one row per obligation, for spreadsheets"

    def render(self, value: DraftObligations, options: RenderOptions) -> str:
        return obligations_to_csv(value)


@register
class CoverageCsv(Renderer[CoverageReport]):
    name = "csv"
    subject = "coverage"
    suffixes = (".csv",)
    description = "one row per element and draft, for spreadsheets"

    def render(self, value: CoverageReport, options: RenderOptions) -> str:
        return coverage_to_csv(value)


@register
class ObligationComparisonCsv(Renderer[ObligationComparison]):
    name = "csv"
    subject = "obligation-comparison"
    suffixes = (".csv",)
    description = "one row per obligation compared, for spreadsheets"

    def render(self, value: ObligationComparison, options: RenderOptions) -> str:
        return comparison_to_csv(value)
