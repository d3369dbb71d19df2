"""``three-way --format html``: a base and two proposals side by side, in three columns, one row per provision.

The base's text on the left; each proposal's redline against the base in its column (``<ins>`` underlined,
``<del>`` struck through), or "no change"; each row headed by its status (unchanged, only A, only B, agree,
conflict, with whether a conflict's edits touch the same words), a one-line description, and an anchor
(``#r1`` …). Self-contained: no script, no request anywhere.
"""

from __future__ import annotations

from treaty_diff.model.comparison import Change, ProvisionInfo
from treaty_diff.model.draft import DraftMeta
from treaty_diff.model.history import ThreeWay, ThreeWayRow
from treaty_diff.render.base import Renderer, RenderOptions, register
from treaty_diff.render.history_html import (
    DEL,
    DEL_BG,
    INS,
    INS_BG,
    MUTED,
    RECONSTRUCTED,
    RECONSTRUCTED_BG,
    page,
    redline_paragraphs,
    split_paragraphs,
)
from treaty_diff.render.history_threeway import STATUS_WORDS, status_words
from treaty_diff.render.html.builder import Child, Element, classes, h, lines

_CSS = f"""
table.three-way {{ width: 100%; table-layout: fixed; }}
table.three-way th.row-col {{ width: 3.5rem; }} table.three-way th[scope=row] {{ font-size: .85rem; }}
table.three-way td p {{ margin: .25rem 0; }}
tr.head-row th {{ background: #f4f4f2; font-weight: normal; border-top: 2px solid {MUTED}; }}
.status-conflict {{ color: {DEL}; background: {DEL_BG}; }}
.status-agree, .status-only-a, .status-only-b {{ color: {INS}; background: {INS_BG}; }}
.status-unchanged {{ color: {MUTED}; }}
.none {{ color: {MUTED}; font-style: italic; }}
td.reconstructed {{ border-left: 2px dashed {RECONSTRUCTED}; }}
.banner {{ background: {RECONSTRUCTED_BG}; }}
"""


def _name(meta: DraftMeta) -> str:
    return ", ".join(x for x in (meta.id, meta.symbol, meta.date) if x)


def _texts(infos: tuple[ProvisionInfo, ...]) -> list[Element]:
    return [h("p", None, *children) for info in infos for children in split_paragraphs([(info.text, None, {})])]


def _column(changes: tuple[Change, ...], base: tuple[ProvisionInfo, ...]) -> list[Element]:
    """A proposal's cell: its redline against the base, or "no change" (a new number alone is no change)."""
    if not changes:
        return [h("p", {"class": "none"}, "(not in this proposal)")] if not base else []
    out: list[Element] = []
    for change in changes:
        if change.changed and (change.kind != "unchanged" or change.moved):
            out.append(h("p", {"class": "note"}, change.description))
            out.extend(redline_paragraphs(change.segments))
        else:
            out.append(h("p", {"class": "none"}, "no change" + (f" (now {', '.join(i.label for i in change.new)})"
                                                                if change.renumbered else "")))
    return out


def _row(row: ThreeWayRow) -> list[Element]:
    reconstructed = any(info.provenance != "verbatim" for info in row.base) or any(
        info.provenance != "verbatim" for change in (*row.a, *row.b) for info in change.new)
    head = h("tr", {"class": "head-row", "id": row.id, "data-status": row.status},
             h("th", {"colspan": "4", "scope": "colgroup"},
               h("strong", None, f"{row.id} {row.label}"), " ",
               h("span", {"class": f"badge status-{row.status}"}, status_words(row)), " ", row.description,
               (" ", h("span", {"class": "badge badge-reconstructed"}, "reconstructed")) if reconstructed else None))
    cells: list[Child] = [
        h("th", {"scope": "row"}, row.id),
        h("td", {"class": classes("base", "reconstructed" if reconstructed else None)},
          *(_texts(row.base) or [h("p", {"class": "none"}, "(not in the base)")])),
        h("td", {"class": "a"}, *_column(row.a, row.base)),
        h("td", {"class": "b"}, *_column(row.b, row.base)),
    ]
    return [head, h("tr", {"class": f"row status-row-{row.status}", "data-row": row.id}, *cells)]


def three_way_page(value: ThreeWay) -> str:
    drafts = h("table", {"class": "drafts"}, h("tbody", None, *(
        h("tr", None, h("th", {"scope": "row"}, role), h("td", None, _name(meta)), h("td", None, meta.title))
        for role, meta in (("base", value.base), ("A", value.a), ("B", value.b)))))
    counts = h("p", {"class": "counts"}, "  ·  ".join(f"{STATUS_WORDS[s]}: {n}" for s, n in value.counts.items()))
    rebuilt = any(info.provenance != "verbatim" for row in value.rows for info in row.base)
    banner = h("div", {"class": "banner", "role": "note"}, h("strong", None, "Reconstructed text, NOT the "
                                                                             "official wording"),
               ": the provisions so marked restate the drafts from the public record.") if rebuilt else None
    head = h("tr", None, h("th", {"scope": "col", "class": "row-col"}, "row"),
             *(h("th", {"scope": "col"}, f"{role}: {meta.id}")
               for role, meta in (("base", value.base), ("A", value.a), ("B", value.b))))
    rows = [element for row in value.rows for element in _row(row)]
    table = h("table", {"class": "three-way", "id": "rows"}, h("thead", None, head), h("tbody", None, *lines(*rows)))
    return page(f"Three-way: {value.base.id}, {value.a.id} and {value.b.id}", _CSS, drafts, banner, counts, table)


@register
class ThreeWayHtmlRenderer(Renderer[ThreeWay]):
    """A base and two proposals, in three columns."""

    name = "html"
    subject = "three-way"
    suffixes = (".html", ".htm")
    description = "base, A and B side by side, each proposal's redline against the base, row by row"

    def render(self, value: ThreeWay, options: RenderOptions) -> str:
        return three_way_page(value)
