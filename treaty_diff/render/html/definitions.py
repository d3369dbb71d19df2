"""The changed definitions of the comparison report (``#definitions``), after the side-by-side view.

One row per defined term that changed or was renamed (unchanged ones are
counted): the term, badges, the description and the definition's text with
its marks, and links to the definition in each draft where the redline gave
that provision an anchor (so this section is built after the redline).
"""

from __future__ import annotations

from treaty_diff.model.comparison import DefinitionChange
from treaty_diff.render.html.builder import Child, Element, h, lines
from treaty_diff.render.html.context import SIDES, Page, badge


def definitions(page: Page) -> Element:
    """The definitions section: a table of the terms that changed, or a line saying none did."""
    changed = [d for d in page.comparison.definitions if d.kind != "unchanged" or d.renamed]
    unchanged = len(page.comparison.definitions) - len(changed)
    children: list[Child] = [h("h2", {"id": "definitions-h"}, "Definitions")]
    if changed:
        children.append(h(
            "table",
            {"class": "definitions"},
            h("caption", None, "Defined terms that changed"),
            h("thead", None, h("tr", None, [h("th", {"scope": "col"}, name)
                                            for name in ("Term", "Change", "Definition", "Where")])),
            h("tbody", None, [_row(page, d) for d in changed]),
        ))
    else:
        children.append(h("p", None, "No defined term changed."))
    if unchanged:
        children.append(h("p", None, f"{unchanged} defined term{'s' if unchanged != 1 else ''} unchanged."))
    return h("section", {"id": "definitions", "aria-labelledby": "definitions-h"}, *lines(*children))


def _row(page: Page, definition: DefinitionChange) -> Element:
    badges: list[Child] = [badge(definition.kind, annotation=False)]
    if definition.renamed:
        badges.extend([" ", badge("renumbered", "renamed", annotation=False)])
    where: list[Child] = []
    for side in SIDES:
        eid = definition.old_eid if side == "old" else definition.new_eid
        if eid is None:
            continue
        if where:
            where.append(" ")
        anchor = page.anchor(side, eid)
        text = f"{side} draft"
        where.append(h("a", {"href": "#" + anchor}, text) if anchor in page.ids.used else text)
    term: list[Child] = [definition.term]
    if definition.renamed and definition.new_terms:
        term.extend([" → ", definition.new_terms[0]])
    return h(
        "tr",
        None,
        h("td", None, term),
        h("td", None, badges),
        h("td", None, h("p", None, definition.description),
          h("p", None, page.segment_nodes(definition.segments, "definition"))),
        h("td", {"class": "where"}, where),
    )
