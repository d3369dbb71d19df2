"""Renderers of the obligations of a draft (``obligations``) and of two drafts compared (``coverage --against``)."""

from __future__ import annotations

import json

from lxml import etree
from lxml.html import builder as E

from treaty_diff.obligation_diff import (
    ObligationComparison,
    obligation_comparison_to_dict,
    obligation_comparison_to_text,
)
from treaty_diff.obligations import DraftObligations, obligations_to_dict, obligations_to_text
from treaty_diff.render.base import Renderer, RenderOptions, register


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
        return json.dumps(obligations_to_dict(value.draft, value.obligations), ensure_ascii=False, indent=2) + "\n"


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
        return json.dumps(obligation_comparison_to_dict(value), ensure_ascii=False, indent=2) + "\n"


@register
class ObligationComparisonHtml(Renderer[ObligationComparison]):
    """A self-contained page: one row per obligation, status, reasons and both quotes. Escaped by construction."""

    name = "html"
    subject = "obligation-comparison"
    extension = "html"
    description = "the obligation comparison as a self-contained HTML page"

    def render(self, value: ObligationComparison, options: RenderOptions) -> str:
        return standalone_page(f"Obligations of {value.reference} compared with {value.other}",
                               [obligation_table(value, changed_only=options.changed_only)])


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


_CSS = """
body { font: 15px/1.45 Georgia, 'Times New Roman', serif; margin: 1.5rem auto; max-width: 75rem; color: #111;
       padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #777; padding: .3rem .45rem; vertical-align: top; text-align: left; }
th { background: #eee; }
.status { font-weight: bold; text-transform: uppercase; font-size: .8rem; letter-spacing: .03em; }
.weakened, .dropped { color: #8b0000; } .strengthened, .added { color: #0b5d1e; }
q { font-style: italic; }
@media print { @page { size: A4; margin: 15mm; } body { max-width: none; font-size: 10pt; } th { background: none; } }
"""


def standalone_page(title: str, content: list[etree._Element]) -> str:
    page = E.HTML(
        E.HEAD(
            E.META(charset="utf-8"),
            E.META(**{"http-equiv": "Content-Security-Policy",
                      "content": "default-src 'none'; style-src 'unsafe-inline'"}),
            E.TITLE(title),
            E.STYLE(_CSS),
        ),
        E.BODY(E.H1(title), *content),
        lang="en",
    )
    return "<!DOCTYPE html>\n" + etree.tostring(page, encoding="unicode", method="html") + "\n"
