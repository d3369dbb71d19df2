"""Renderers of a coverage report (``treaty-diff coverage``): text, JSON and a self-contained HTML matrix."""

from __future__ import annotations

from lxml.html import builder as E

from treaty_diff.coverage import CoverageReport, coverage_to_dict, coverage_to_text
from treaty_diff.render.base import Renderer, RenderOptions, register
from treaty_diff.render.page import json_text, standalone_page


@register
class CoverageText(Renderer[CoverageReport]):
    name = "text"
    subject = "coverage"
    extension = "txt"
    description = "the coverage matrix, the reasons, then each draft's gaps"

    def render(self, value: CoverageReport, options: RenderOptions) -> str:
        return coverage_to_text(value)


@register
class CoverageJson(Renderer[CoverageReport]):
    name = "json"
    subject = "coverage"
    extension = "json"
    description = "the coverage matrix as JSON (contracts.md)"

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
    extension = "html"
    description = "the coverage matrix as a self-contained HTML page"

    def render(self, value: CoverageReport, options: RenderOptions) -> str:
        ids = [draft.id for draft in value.drafts]
        title = f"Coverage of {value.checklist.title} — {', '.join(ids)}"
        header = E.TR(E.TH("element"), *[E.TH(draft_id, scope="col") for draft_id in ids])
        rows = []
        any_reconstructed = False
        for row in value.rows:
            cells = [E.TH(E.STRONG(row.element.label), E.BR(), E.SPAN(row.element.id, E.CLASS("reason")),
                          scope="row")]
            for verdict in row.verdicts:
                cell = E.TD(E.CLASS(verdict.status), E.DIV(verdict.status, E.CLASS("status")))
                for citation in verdict.citations:
                    quote = E.Q(citation.quote)
                    label = citation.label
                    if citation.reconstructed:
                        any_reconstructed = True
                        quote.set("class", "reconstructed")
                        label += " (reconstructed)"
                    cell.append(E.DIV(E.STRONG(label + ": "), quote))
                cell.append(E.DIV(verdict.reason, E.CLASS("reason")))
                cells.append(cell)
            rows.append(E.TR(*cells))
        gaps = []
        for draft_id in ids:
            items = [E.LI(E.STRONG(f"{element.label} ({verdict.status})"), ": ", verdict.reason)
                     for element, verdict in value.gaps(draft_id)]
            gaps.append(E.SECTION(E.H3(draft_id), E.UL(*items) if items else E.P("No gaps.")))
        body = []
        if any_reconstructed:
            body.append(E.P("Quotes marked (reconstructed) come from text that is not the official wording of the "
                            "draft: it restates the draft from the public record.", E.CLASS("note")))
        body += [E.TABLE(E.CAPTION(f"Checklist: {value.checklist.title}"), E.THEAD(header), E.TBODY(*rows)),
                 E.H2("Gaps, draft by draft"), *gaps]
        return standalone_page(title, body, _CSS)
