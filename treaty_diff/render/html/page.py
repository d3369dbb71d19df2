"""``compare --format html``: one self-contained redline report (docs/contracts.md, "HTML report").

The page is built as an lxml element tree (:mod:`.builder`) and serialised by
lxml, so draft text is escaped by construction: nothing here ever pastes
strings into markup. It has no external resource (inline stylesheet, one
small inline script allowed by its hash, a Content-Security-Policy that
forbids every fetch) and reads fully without JavaScript: the view switch is a
pair of radio buttons and CSS.

Layout of the page, the change first, and the module building each part:
header (the title, the provenance banner), what changed (counts, one line
per change, the obligations dropped and weakened), view switch and legend
(:mod:`.summary`), the redline ``#redline`` (:mod:`.redline`, which says what
it guarantees) and the side-by-side view (:mod:`.sidebyside`), the changed
definitions (:mod:`.definitions`), the obligations when they were compared
(:mod:`.obligations`), then the table of every change and the drafts'
metadata (:mod:`.summary`). What the parts share (the comparison, the ids
given, anchors, badges, marked text) is in :mod:`.context`; the stylesheet and
script in :mod:`.style`. This module assembles the page and registers the
renderer.
"""

from __future__ import annotations

import base64
import hashlib

from treaty_diff import __version__
from treaty_diff.model.comparison import Comparison
from treaty_diff.render.base import Renderer, RenderOptions, register
from treaty_diff.render.html.builder import Element, h, lines, to_html
from treaty_diff.render.html.context import Page, short
from treaty_diff.render.html.definitions import definitions
from treaty_diff.render.html.obligations import obligations_section
from treaty_diff.render.html.redline import redline
from treaty_diff.render.html.sidebyside import side_by_side
from treaty_diff.render.html.style import SCRIPT, stylesheet
from treaty_diff.render.html.summary import changes_table, drafts, header, legend, summary, toc, view_switch


def build(page: Page) -> Element:
    """The whole document of one report."""
    c = page.comparison
    script = None if page.options.static else SCRIPT
    html = h("html", {"lang": c.new.language or "en"})
    head = h(
        "head",
        None,
        *lines(
            h("meta", {"charset": "utf-8"}),
            h("meta", {"http-equiv": "Content-Security-Policy", "content": content_security_policy(script)}),
            h("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
            h("meta", {"name": "generator", "content": f"treaty-diff {__version__}"}),
            h("title", None, page_title(c)),
            h("style", None, stylesheet()),
        ),
    )
    redline_div = redline(page)  # first: it gives the ids the other sections link to
    main = h(
        "main",
        {"id": "main"},
        *lines(
            summary(page),
            view_switch(),
            legend(),
            h("section", {"id": "redline-view", "data-view": "view-redline", "aria-labelledby": "redline-h"},
              *lines(h("h2", {"id": "redline-h"}, "Redline"), redline_div)),
            side_by_side(page),
            definitions(page),
            obligations_section(c),
            changes_table(page),
            drafts(page),
        ),
    )
    body = h(
        "body",
        None,
        *lines(
            h("a", {"class": "skip-link", "href": "#redline-view"}, "Skip to the redline"),
            header(page),
            toc(page),
            main,
            h("footer", None, f"Made by treaty-diff {__version__}. "
              "Inserted text is underlined, deleted text struck through."),
            h("script", None, script) if script else None,
        ),
    )
    h.append(html, lines(head, body))
    return html


def page_title(comparison: Comparison) -> str:
    return f"Comparison: {short(comparison.old)} → {short(comparison.new)}"


def content_security_policy(script: str | None) -> str:
    """A policy forbidding every fetch: inline style only, and the one inline script by its hash."""
    script_src = "'none'"
    if script:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        script_src = f"'sha256-{digest}'"
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; font-src 'none'; connect-src 'none'; "
        f"script-src {script_src}; base-uri 'none'; form-action 'none'"
    )


def render_html(comparison: Comparison, options: RenderOptions | None = None) -> str:
    """The whole report as an HTML document (a str, UTF-8 when written)."""
    return to_html(build(Page(comparison, options or RenderOptions())))


@register
class HtmlRenderer(Renderer[Comparison]):
    """A self-contained HTML redline report: summary, redline, side by side, definitions; prints on A4."""

    name = "html"
    subject = "comparison"
    suffixes = (".html", ".htm")
    binary = False
    options = frozenset({"changed_only", "static"})
    description = "self-contained HTML redline report"

    def render(self, value: Comparison, options: RenderOptions) -> str:
        return render_html(value, options)
