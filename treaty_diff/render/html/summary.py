"""The parts of the comparison report around the text: header, contents, what changed, legend, view switch,
the table of every change and the drafts' metadata.

The page opens on the change: the header is the title and, when some
provision shown is reconstructed rather than official text, a short
provenance banner (the list of those provisions folded under it); then
"What changed" (:func:`summary`): the counts, one line per change linking to
the redline, and the obligations dropped and weakened. The redline follows.
The table of every change with its description (:func:`changes_table`) and
the drafts' metadata and sources (:func:`drafts`) come after the text. The
view switch is a pair of radio buttons: the page reads fully without
JavaScript.
"""

from __future__ import annotations

from treaty_diff.model.comparison import Change
from treaty_diff.model.obligations import Obligation, ObligationChange
from treaty_diff.render.html.builder import Child, Element, h, lines, spaced
from treaty_diff.render.html.context import SIDES, Page, Side, badge, capital, nums, percent, short, sides
from treaty_diff.render.obligations import STATUS_WORDS

# -- header and contents ------------------------------------------------------------------------------


def header(page: Page) -> Element:
    """The page header: the title, then the provenance banner if any (the metadata is at the end: :func:`drafts`)."""
    c = page.comparison
    return h("header", None, *lines(h("h1", None, "Comparison of ", short(c.old), " and ", short(c.new)),
                                    banner(page)))


def drafts(page: Page) -> Element:
    """The two drafts' metadata side by side: title, symbol, date, proponents, status, language, id, sources."""
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
            h("tr", None, h("th", {"scope": "row"}, name), h("td", {"data-label": "Old"}, old),
              h("td", {"data-label": "New"}, new))
            for name, old, new in rows
        ]),
    )
    return h("section", {"id": "drafts", "aria-labelledby": "drafts-h"},
             *lines(h("h2", {"id": "drafts-h"}, "The drafts"), h("div", {"class": "scroll"}, table)))


def banner(page: Page) -> Element | None:
    """The provenance banner: which provisions shown are reconstructed rather than official text."""
    c = page.comparison
    if not c.reconstructed_changes:
        return None
    items = []
    per_draft: list[str] = []
    for side in SIDES:
        meta = c.old if side == "old" else c.new
        names: list[Child] = []
        found = c.reconstructed_provisions(side)
        if found:
            per_draft.append(f"{len(found)} in {meta.symbol or meta.id}")
        for info in found:
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
          f"Of the provisions shown, {' and '.join(per_draft)} are not the official wording but a reconstruction "
          "from secondary sources (marked with a dashed margin); check them against the official document "
          "before relying on them."),
        h("details", None, h("summary", None, "Which provisions"), h("ul", None, *items)),
    )


def toc(page: Page) -> Element:
    """The contents: links to the page's sections (the obligations when they were compared)."""
    links = [("#summary", "What changed"), ("#redline-view", "Redline"), ("#sbs-view", "Side by side"),
             ("#definitions", "Definitions")]
    if page.comparison.obligations is not None:
        links.append(("#obligations", "Obligations"))
    links += [("#changes", "Every change"), ("#drafts", "The drafts")]
    return h("nav", {"class": "toc", "aria-label": "Contents"},
             h("ul", None, [h("li", None, h("a", {"href": href}, text)) for href, text in links]))


# -- summary ------------------------------------------------------------------------------------------


def summary(page: Page) -> Element:
    """What changed, first on the page: the counts, one line per changed provision linking to the redline, and
    the obligations dropped and weakened (when obligations were compared)."""
    c = page.comparison
    s = c.summary
    counts = [("modified", s.modified), ("inserted", s.inserted), ("deleted", s.deleted), ("split", s.split),
              ("merged", s.merged), ("renumbered", s.renumbered), ("moved", s.moved),
              ("unchanged", s.unchanged)]
    count_list = h("ul", {"class": "counts"}, [
        h("li", None, h("strong", None, str(n)), f" {name}") for name, n in counts if n
    ], h("li", None, h("strong", None, f"+{s.words_inserted}"), " words inserted"),
        h("li", None, h("strong", None, f"−{s.words_deleted}"), " words deleted"))
    changed = [_change_line(page, change) for change in c.changes if change.changed]
    listed: Child = (h("ol", {"class": "change-list", "aria-label": "Changes, in the new draft's order"}, changed)
                     if changed else h("p", None, "The drafts do not differ."))
    return h("section", {"id": "summary", "aria-labelledby": "summary-h"},
             *lines(h("h2", {"id": "summary-h"}, "What changed"), count_list, listed, _obligations_digest(page)))


def _change_line(page: Page, change: Change) -> Element:
    """One changed provision: its num linking to the redline (where it stands, or stood if deleted), what it
    was, badges naming the change, and words added and removed."""
    side: Side = "new" if change.new else "old"
    infos = sides(change, side)
    name: list[Child] = []
    for info in infos:
        if name:
            name.append(", ")
        name.append(h("a", {"href": "#" + page.anchor(side, info.eid)}, capital(info.label)))
    was = nums(change.old) if change.old and change.new and nums(change.old) != nums(change.new) else None
    names: list[str] = [change.kind] if change.kind != "unchanged" else []
    names += [n for n, on in (("renumbered", change.renumbered), ("moved", change.moved)) if on]
    words = f"+{change.words_inserted} −{change.words_deleted}" if change.kind != "unchanged" else None
    return h("li", {"data-change": change.id}, name, h("span", {"class": "was"}, f" (was {was})") if was else None, " ",
             spaced([badge(n, annotation=False) for n in names]),
             h("span", {"class": "words"}, " ", words) if words else None)


#: The statuses of obligations listed one by one in "What changed" (the others are counted).
_DIGEST = ("dropped", "weakened")


def _obligations_digest(page: Page) -> Element | None:
    """The obligations dropped and weakened, each linking to where it stood, and the counts of the others."""
    value = page.comparison.obligations
    if value is None:
        return None
    listed = [change for change in value.changes if change.status in _DIGEST]
    others = ", ".join(f"{n} {STATUS_WORDS[status]}" for status, n in value.counts.items()
                       if n and status not in _DIGEST and status != "unchanged")
    children: list[Child] = [h("h3", None, "Obligations dropped or weakened")]
    if listed:
        children.append(h("ul", {"class": "obligation-list"}, [_obligation_line(page, o) for o in listed]))
    else:
        children.append(h("p", None, "None."))
    if others:
        children.append(h("p", None, f"Also {others}: ", h("a", {"href": "#obligations"}, "every obligation"), "."))
    return h("div", {"class": "digest"}, *lines(*children))


def _obligation_line(page: Page, change: ObligationChange) -> Element:
    """A dropped or weakened obligation: its status, what changed, and links to the clause in the redline."""
    ends: tuple[tuple[Side, Obligation | None, str | None], ...] = (
        ("old", change.old, change.old_label), ("new", change.new, change.new_label))
    links: list[Child] = []
    for side, found, label in ends:
        target = _clause_anchor(page, side, found)
        if found is not None and target is not None:
            links.append(h("a", {"href": "#" + target}, f"{side}: {label or found.label}"))
    return h("li", {"data-status": change.status}, badge(change.status, annotation=False), " ", change.headline,
             [" (", spaced(links), ")"] if links else None)


def _clause_anchor(page: Page, side: Side, obligation: Obligation | None) -> str | None:
    """The anchor of the paragraph holding a clause (else of its provision) in the redline, if it has one."""
    if obligation is None:
        return None
    for eid in (obligation.block, obligation.eid):
        anchor = page.anchor(side, eid)
        if anchor in page.ids.used:
            return anchor
    return None


def changes_table(page: Page) -> Element:
    """Every change, one row each (only the changed ones with changed_only): old and new num, badges,
    similarity, words, and what happened in a sentence."""
    c = page.comparison
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
    return h("section", {"id": "changes", "aria-labelledby": "changes-h"},
             *lines(h("h2", {"id": "changes-h"}, "Every change"), h("div", {"class": "scroll"}, table)))


def _summary_row(page: Page, change: Change) -> Element:
    def cell(side: Side) -> Element:
        infos = sides(change, side)
        if not infos:
            return h("td", {"class": "num-col", "data-label": capital(side)}, "—")
        links: list[Child] = []
        for info in infos:
            if links:
                links.append(", ")
            links.append(h("a", {"href": "#" + page.anchor(side, info.eid)}, capital(info.label)))
        return h("td", {"class": "num-col", "data-label": capital(side)}, links)

    similarity = "—" if not (change.old and change.new) else percent(change.similarity)
    return h(
        "tr",
        {"class": "unchanged" if not change.changed else None, "data-change": change.id},
        cell("old"),
        cell("new"),
        h("td", None, page.badges(change, annotation=False)),
        h("td", {"class": "number", "data-label": "Similarity"}, similarity),
        h("td", {"class": "number", "data-label": "Words"}, f"+{change.words_inserted} −{change.words_deleted}"),
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
        (badge("moved", annotation=False), "the provision changed place; shown struck through where it was, "
                                           "and where it is as moved text with its own changes marked inside, "
                                           "each end linking to the other (when fewer than half of its words "
                                           "remain: deleted where it was, inserted where it is)"),
        (h("ins", {"class": "moved"}, "moved text"), "text that changed place (tinted, not underlined)"),
        (badge("reconstructed", annotation=False), "not the official wording (dashed margin): see the "
                                                   "notice at the top"),
    ]
    return h("details", {"id": "legend", "class": "legend"},
             h("summary", None, "What the marks mean"),
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
