"""Renderers of the obligations of a draft (``obligations``) and of two drafts compared (``coverage --against``)."""

from __future__ import annotations

from lxml import etree
from lxml.html import builder as E

from treaty_diff.obligation_diff import (
    ObligationComparison,
    obligation_comparison_to_dict,
    obligation_comparison_to_text,
)
from treaty_diff.obligations import DraftObligations, obligations_to_dict, obligations_to_text
from treaty_diff.render.base import Renderer, RenderOptions, register
from treaty_diff.render.page import json_text, standalone_page


@register
class ObligationsText(Renderer[DraftObligations]):
    name = "text"
    subject = "obligations"
    extension = "txt"
    description = "the obligations, grouped by provision"

    def render(self, value: DraftObligations, options: RenderOptions) -> str:
        return obligations_to_text(value.draft, value.obligations)


@register
class ObligationsJson(Renderer[DraftObligations]):
    name = "json"
    subject = "obligations"
    extension = "json"
    description = "the obligations as JSON (contracts.md)"

    def render(self, value: DraftObligations, options: RenderOptions) -> str:
        return json_text(obligations_to_dict(value.draft, value.obligations))


@register
class ObligationComparisonText(Renderer[ObligationComparison]):
    name = "text"
    subject = "obligation-comparison"
    extension = "txt"
    description = "each obligation of the reference draft with its counterpart, and what changed"

    def render(self, value: ObligationComparison, options: RenderOptions) -> str:
        return obligation_comparison_to_text(value, changed_only=options.changed_only)


@register
class ObligationComparisonJson(Renderer[ObligationComparison]):
    name = "json"
    subject = "obligation-comparison"
    extension = "json"
    description = "the obligation comparison as JSON"

    def render(self, value: ObligationComparison, options: RenderOptions) -> str:
        return json_text(obligation_comparison_to_dict(value))


@register
class ObligationComparisonHtml(Renderer[ObligationComparison]):
    """A self-contained page: one row per obligation, status, reasons and both quotes. Escaped by construction."""

    name = "html"
    subject = "obligation-comparison"
    extension = "html"
    description = "the obligation comparison as a self-contained HTML page"

    def render(self, value: ObligationComparison, options: RenderOptions) -> str:
        return standalone_page(f"Obligations of {value.reference} compared with {value.other}",
                               [obligation_table(value, changed_only=options.changed_only)], _CSS)


_CSS = """
.weakened, .dropped { color: #8b0000; } .strengthened, .added { color: #0b5d1e; }
"""


def obligation_table(value: ObligationComparison, changed_only: bool = False) -> etree._Element:
    """The obligations table (also used inside other HTML reports)."""
    counts = ", ".join(f"{n} {status}" for status, n in value.counts.items())
    rows = []
    for change in value.changes:
        if changed_only and change.status == "unchanged":
            continue
        quotes = []
        for side, draft_id, label, obligation in (("old", value.reference, change.old_label, change.old),
                                                  ("new", value.other, change.new_label, change.new)):
            if obligation is None:
                quotes.append(E.TD("—"))
                continue
            quote = E.Q(obligation.quote)
            note = " (reconstructed, not the official wording)" if obligation.reconstructed else ""
            quotes.append(E.TD(E.STRONG(f"{draft_id}, {label}{note}: "), quote, E.CLASS(side)))
        rows.append(E.TR(
            E.TD(E.SPAN(change.status, E.CLASS(f"status {change.status}"))),
            E.TD(change.headline, E.UL(*[E.LI(reason) for reason in change.reasons])),
            *quotes,
        ))
    section: etree._Element = E.SECTION(
        E.H2("Obligations"),
        E.P(f"{value.reference}: {value.reference_total} obligations; {value.other}: {value.other_total}. {counts}."),
        E.TABLE(
            E.THEAD(E.TR(E.TH("status"), E.TH("what changed"), E.TH(value.reference), E.TH(value.other))),
            E.TBODY(*rows),
            E.CLASS("obligations"),
        ),
        id="obligations",
    )
    return section
