"""Renderers of a coverage report (``treaty-diff coverage``): text, JSON and a self-contained HTML matrix.

The HTML page is built with the one HTML builder (:mod:`treaty_diff.render.html.builder`) in the shell of
:func:`treaty_diff.render.page.standalone_page`.
"""

from __future__ import annotations

import re
from typing import Any

from treaty_diff.model.coverage import STATUSES, ChecklistElement, Citation, CoverageReport, Verdict
from treaty_diff.render.base import Renderer, RenderOptions, register
from treaty_diff.render.html.builder import Element, h_raw
from treaty_diff.render.page import json_text, standalone_page


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
        "via": list(citation.via),
    }


def verdict_dict(verdict: Verdict) -> dict[str, Any]:
    """A verdict: status, citations, reason; ``by_reference`` (the instrument a verdict by reference rests on, or
    null); ``override`` (the analyst's reason, or null) and ``tool`` (the tool's own verdict when an analyst pinned
    this one, else null)."""
    return {
        "status": verdict.status,
        "citations": [citation_dict(c) for c in verdict.citations],
        "reason": verdict.reason,
        "by_reference": verdict.by_reference,
        "override": verdict.override,
        "tool": verdict_dict(verdict.tool) if verdict.tool is not None else None,
    }


def coverage_to_dict(report: CoverageReport) -> dict[str, Any]:
    """``coverage --format json`` (docs/contracts.md), with the gaps of each draft."""
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
    """A cell of the matrix: "covered (II*)", "partial, by reference (III)", "covered! (analyst; tool: absent)"."""
    status = verdict.status + (", by reference" if verdict.by_reference else "")
    labels = list(dict.fromkeys(_short(c) for c in verdict.citations))
    cited = f" ({', '.join(labels)})" if labels else ""
    if verdict.tool is not None:
        return f"{status}!{cited} (tool: {verdict.tool.status})"
    return status + cited


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
    if any(v.tool is not None for row in report.rows for v in row.verdicts):
        lines.append("! pinned by an analyst (overrides file); the tool's own verdict is given beside it.")
    lines.append("")
    lines.append("Verdicts")
    for row in report.rows:
        lines.append(f"{row.element.id}: {row.element.label}")
        for draft_id, verdict in zip(ids, row.verdicts):
            if verdict.tool is not None:
                lines.append(f"  {draft_id}: {verdict.status} (pinned by an analyst: {verdict.override})")
                lines.append(f"    the tool's own verdict: {verdict.tool.status} — {verdict.tool.reason}")
            else:
                lines.append(f"  {draft_id}: {verdict.status} — {verdict.reason}")
            for citation in verdict.citations:
                flag = " [reconstructed]" if citation.reconstructed else ""
                via = f" (through the definition of {', '.join(citation.via)})" if citation.via else ""
                lines.append(f"    {citation.label} ({citation.eid}){flag}: “{citation.quote}”{via}")
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


@register
class CoverageText(Renderer[CoverageReport]):
    name = "text"
    subject = "coverage"
    suffixes = (".txt", ".text")
    description = "the coverage matrix, the reasons, then each draft's gaps"

    def render(self, value: CoverageReport, options: RenderOptions) -> str:
        return coverage_to_text(value)


@register
class CoverageJson(Renderer[CoverageReport]):
    name = "json"
    subject = "coverage"
    suffixes = (".json",)
    description = "the coverage matrix as JSON (docs/contracts.md)"

    def render(self, value: CoverageReport, options: RenderOptions) -> str:
        return json_text(coverage_to_dict(value))


_CSS = """
.covered { background: #e3f1e3; } .partial { background: #fff4d6; } .absent { background: #f7dede; }
.reconstructed { border-bottom: 2px dotted #8a4b00; }
@media print { .covered, .partial, .absent { background: none; } }
"""


@register
class CoverageHtml(Renderer[CoverageReport]):
    """One self-contained page: the matrix with quotes, then each draft's gaps. Escaped by construction."""

    name = "html"
    subject = "coverage"
    suffixes = (".html", ".htm")
    description = "the coverage matrix as a self-contained HTML page"

    def render(self, value: CoverageReport, options: RenderOptions) -> str:
        return coverage_page(value)


def coverage_page(report: CoverageReport) -> str:
    """The HTML page: a note when a quote is reconstructed, the matrix with quotes, then each draft's gaps."""
    ids = [draft.id for draft in report.drafts]
    title = f"Coverage of {report.checklist.title} — {', '.join(ids)}"
    header = h_raw("tr", None, h_raw("th", None, "element"), [h_raw("th", {"scope": "col"}, d) for d in ids])
    rows = [h_raw("tr", None, _element_cell(row.element), [_verdict_cell(v) for v in row.verdicts])
            for row in report.rows]
    gaps = []
    for draft_id in ids:
        items = [h_raw("li", None, h_raw("strong", None, f"{element.label} ({verdict.status})"), ": ", verdict.reason)
                 for element, verdict in report.gaps(draft_id)]
        gaps.append(h_raw("section", None, h_raw("h3", None, draft_id),
                          h_raw("ul", None, items) if items else h_raw("p", None, "No gaps.")))
    body: list[Element] = []
    if any(c.reconstructed for row in report.rows for v in row.verdicts for c in v.citations):
        body.append(h_raw("p", {"class": "note"}, "Quotes marked (reconstructed) come from text that is not the "
                                                  "official wording of the draft: it restates the draft from the "
                                                  "public record."))
    body += [h_raw("table", None, h_raw("caption", None, f"Checklist: {report.checklist.title}"),
                   h_raw("thead", None, header), h_raw("tbody", None, rows)),
             h_raw("h2", None, "Gaps, draft by draft"), *gaps]
    return standalone_page(title, body, _CSS)


def _element_cell(element: ChecklistElement) -> Element:
    return h_raw("th", {"scope": "row"}, h_raw("strong", None, element.label), h_raw("br"),
                 h_raw("span", {"class": "reason"}, element.id))


def _verdict_cell(verdict: Verdict) -> Element:
    """The verdict's status, each citation (labelled, its quote marked when reconstructed), then the reason."""
    status = verdict.status + (", by reference" if verdict.by_reference else "")
    cell = h_raw("td", {"class": verdict.status}, h_raw("div", {"class": "status"}, status))
    for citation in verdict.citations:
        label = citation.label + (" (reconstructed)" if citation.reconstructed else "")
        quote = h_raw("q", {"class": "reconstructed" if citation.reconstructed else None}, citation.quote)
        cell.append(h_raw("div", None, h_raw("strong", None, label + ": "), quote))
        if citation.via:
            cell.append(h_raw("div", {"class": "reason"}, f"through the definition of {', '.join(citation.via)}"))
    if verdict.tool is not None:
        cell.append(h_raw("div", {"class": "reason"}, f"Pinned by an analyst: {verdict.override}"))
        cell.append(h_raw("div", {"class": "reason"},
                          f"The tool's own verdict: {verdict.tool.status} — {verdict.tool.reason}"))
    else:
        cell.append(h_raw("div", {"class": "reason"}, verdict.reason))
    return cell
