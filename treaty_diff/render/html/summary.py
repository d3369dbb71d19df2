"""The parts of the comparison report around the text: header, contents, summary, legend and view switch.

The header names both drafts (title, symbol, date, proponents, status,
language, identifier, sources) and carries the provenance banner when some
provision shown is reconstructed rather than official text. The summary gives
the counts and one row per change, each linking to the redline. The view
switch is a pair of radio buttons: the page reads fully without JavaScript.
"""

from __future__ import annotations

from treaty_diff.model.comparison import Change
from treaty_diff.render.html.builder import Child, Element, h, lines
from treaty_diff.render.html.context import SIDES, Page, Side, badge, capital, percent, short, sides

# -- header and contents ------------------------------------------------------------------------------


def header(page: Page) -> Element:
    """The page header: the two drafts' metadata side by side, then the provenance banner if any."""
    c = page.comparison
    rows = [
        ("Title", c.old.title, c.new.title),
        ("Symbol", c.old.symbol or "—", c.new.symbol or "—"),
        ("Date", c.old.date or "—", c.new.date or "—"),
        ("Proponents", ", ".join(c.old.proponents) or "—", ", ".join(c.new.proponents) or "—"),
        ("Status", c.old.status, c.new.status),
        ("Language", c.old.language, c.new.language),
        ("Identifier", c.old.id, c.new.id),
    ]
    sources = (
        "Sources",
        "; ".join(s.description for s in c.old.sources),
        "; ".join(s.description for s in c.new.sources),
    )
    if sources[1] or sources[2]:
        rows.append(sources)
    table = h(
        "table",
        {"class": "drafts"},
        h("caption", None, "The two drafts compared"),
        h("thead", None, h("tr", None, h("td", {"class": "corner"}), h("th", {"scope": "col"}, "Old draft"),
                           h("th", {"scope": "col"}, "New draft"))),
        h("tbody", None, [
            h("tr", None, h("th", {"scope": "row"}, name), h("td", None, old), h("td", None, new))
            for name, old, new in rows
        ]),
    )
    return h(
        "header",
        None,
        *lines(
            h("h1", None, "Comparison of ", short(c.old), " and ", short(c.new)),
            table,
            banner(page),
        ),
    )


def banner(page: Page) -> Element | None:
    """The provenance banner: which provisions shown are reconstructed rather than official text."""
    c = page.comparison
    if not c.reconstructed_changes:
        return None
    items = []
    for side in SIDES:
        meta = c.old if side == "old" else c.new
        names: list[Child] = []
        for info in c.reconstructed_provisions(side):
            if names:
                names.append(", ")
            names.append(h("a", {"href": "#" + page.anchor(side, info.eid)}, capital(info.label)))
            if info.provenance == "mixed":
                names.append(" (in part)")
        if names:
            items.append(h("li", None, h("strong", None, f"{capital(side)} draft ({short(meta)}): "), names))
    return h(
        "div",
        {"class": "banner", "role": "note", "aria-labelledby": "banner-h"},
        h("p", {"id": "banner-h"}, h("strong", None, "Reconstructed text. "),
          "Some provisions shown here are not the official wording but a reconstruction from secondary "
          "sources; check them against the official document before relying on them:"),
        h("ul", None, *items),
    )


def toc(page: Page) -> Element:
    """The contents: links to the page's sections (the obligations when they were compared)."""
    links = [("#summary", "Summary"), ("#legend", "Legend"), ("#redline-view", "Redline"),
             ("#sbs-view", "Side by side"), ("#definitions", "Definitions")]
    if page.comparison.obligations is not None:
        links.append(("#obligations", "Obligations"))
    return h("nav", {"class": "toc", "aria-label": "Contents"},
             h("ul", None, [h("li", None, h("a", {"href": href}, text)) for href, text in links]))


# -- summary ------------------------------------------------------------------------------------------


def summary(page: Page) -> Element:
    """The counts of each kind of change, then one row per change (only the changed ones with changed_only)."""
    c = page.comparison
    s = c.summary
    counts = [("modified", s.modified), ("inserted", s.inserted), ("deleted", s.deleted), ("split", s.split),
              ("merged", s.merged), ("renumbered", s.renumbered), ("moved", s.moved),
              ("unchanged", s.unchanged)]
    count_list = h("ul", {"class": "counts"}, [
        h("li", None, h("strong", None, str(n)), f" {name}") for name, n in counts
    ], h("li", None, h("strong", None, f"+{s.words_inserted}"), " words inserted"),
        h("li", None, h("strong", None, f"−{s.words_deleted}"), " words deleted"))
    rows = [_summary_row(page, change) for change in c.changes
            if change.changed or not page.options.changed_only]
    table = h(
        "table",
        {"class": "summary"},
        h("caption", None, "Changes, in the new draft's order (each row links to the redline)"),
        h("thead", None, h("tr", None, [
            h("th", {"scope": "col"}, name)
            for name in ("Old", "New", "Change", "Similarity", "Words", "What happened")
        ])),
        h("tbody", None, rows),
    )
    return h("section", {"id": "summary", "aria-labelledby": "summary-h"},
             *lines(h("h2", {"id": "summary-h"}, "Summary"), count_list, table))


def _summary_row(page: Page, change: Change) -> Element:
    def cell(side: Side) -> Element:
        infos = sides(change, side)
        if not infos:
            return h("td", {"class": "num-col"}, "—")
        links: list[Child] = []
        for info in infos:
            if links:
                links.append(", ")
            links.append(h("a", {"href": "#" + page.anchor(side, info.eid)}, capital(info.label)))
        return h("td", {"class": "num-col"}, links)

    similarity = "—" if not (change.old and change.new) else percent(change.similarity)
    return h(
        "tr",
        {"class": "unchanged" if not change.changed else None, "data-change": change.id},
        cell("old"),
        cell("new"),
        h("td", None, page.badges(change, annotation=False)),
        h("td", {"class": "number"}, similarity),
        h("td", {"class": "number"}, f"+{change.words_inserted} −{change.words_deleted}"),
        h("td", {"class": "description"}, change.description),
    )


# -- legend and view switch ---------------------------------------------------------------------------


def legend() -> Element:
    """What the marks and badges mean."""
    entries: list[tuple[Child, str]] = [
        (h("ins", None, "inserted text"), "words in the new draft only (underlined)"),
        (h("del", None, "deleted text"), "words in the old draft only (struck through)"),
        (badge("modified", annotation=False), "the provision's wording changed"),
        (badge("inserted", annotation=False), "a provision new in the new draft"),
        (badge("deleted", annotation=False), "a provision of the old draft dropped from the new"),
        (badge("split", annotation=False), "one old provision became several (when they stand apart, the old "
                                           "one is struck through where it was and each new one underlined "
                                           "where it is, each part linking to the others)"),
        (badge("merged", annotation=False), "several old provisions became one (when they stood apart, shown "
                                            "part by part, like a split)"),
        (badge("renumbered", annotation=False), "the provision's number changed"),
        (badge("moved", annotation=False), "the provision changed place; shown struck through where it was "
                                           "and underlined where it is, each end linking to the other"),
        (badge("reconstructed", annotation=False), "not the official wording (dashed margin): see the "
                                                   "notice at the top"),
    ]
    return h("section", {"id": "legend", "class": "legend", "aria-labelledby": "legend-h"},
             h("h2", {"id": "legend-h"}, "Legend"),
             h("dl", None, [(h("dt", None, term), h("dd", None, text)) for term, text in entries]))


def view_switch() -> Element:
    """Redline or side by side: two radio buttons the stylesheet reads, no script needed."""
    return h(
        "fieldset",
        {"class": "view-switch"},
        h("legend", None, "Show the text as"),
        h("label", {"for": "view-redline"},
          h("input", {"type": "radio", "name": "view", "id": "view-redline", "value": "redline",
                      "checked": "checked"}), "Redline (one text, changes marked)"),
        h("label", {"for": "view-sbs"},
          h("input", {"type": "radio", "name": "view", "id": "view-sbs", "value": "side-by-side"}),
          "Side by side (old | new)"),
    )
