"""``history --format html``: the series as one self-contained page (no script, no request anywhere).

- **Versions**, with a colour each, and a dashed banner when any text is reconstructed;
- **Steps**: what each step did, in counts;
- **Provisions × versions**: one row per lineage, one cell per version (the marks of the text report,
  with the state in the cell's title), each row linking to the provision's timeline;
- **Obligations changed**: each clause weakened, strengthened, introduced or dropped, by version;
- **Blame** (``#blame``) of one version: each run of text in a ``<span class="bv">`` coloured by the
  version that introduced it, with ``data-version`` and the version in its ``title`` (shown on hover),
  and a legend; a checkbox (CSS only) writes the version tags into the text too;
- **Timelines** (``#timelines``): for each lineage, a ``<details>`` (``id`` the lineage's) with its text
  in its first version, each later step's redline (``<ins>``, ``<del>``) and the clauses it carries.

Colours are never the only sign: every blamed run names its version in ``title`` and ``data-version``,
and the tags can be shown in the text; insertions are underlined and deletions struck through.
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterable, Sequence

from treaty_diff.model.history import History, Lineage, Occurrence, SeriesReport, Version, version_label
from treaty_diff.model.segments import Segment
from treaty_diff.render.base import Renderer, RenderOptions, register
from treaty_diff.render.history_text import LEGEND, cell_mark, lineage_summary, provenance_line
from treaty_diff.render.html.builder import Child, Element, classes, h, lines, to_html

#: Text and background of the page, and of insertions and deletions.
TEXT, BACKGROUND, MUTED, RULE = "#1b1b1b", "#ffffff", "#4d4d4d", "#c4c4c4"
INS, INS_BG, DEL, DEL_BG = "#0b5a2a", "#e3f3e8", "#9e1a1a", "#fbe8e8"
RECONSTRUCTED, RECONSTRUCTED_BG = "#6b3a00", "#fff3d1"

#: No request to any other address, and no script: the page's own style only.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'"

#: The class of each cell state in the matrix.
_CELL_CLASS = {"absent": "c-absent", "new": "c-new", "unchanged": "c-unchanged", "amended": "c-amended",
               "reinstated": "c-reinstated", "gone": "c-gone"}


#: The first versions' backgrounds, picked by hand: light tints far apart, the oldest a quiet blue, no red
#: first (red reads as deleted) and no two neighbours alike.
_PICKED = ("#dbe7f5", "#fde7b0", "#d5f0d0", "#e9d8f7", "#cdeff3", "#f8d9c4", "#e5ecc0", "#f5d4e6", "#d9dcf7",
           "#d8f1e4")


def version_colour(index: int) -> str:
    """The background of a version's text: the picked tints, then light tints whose hues step by the golden
    angle (neighbours far apart on the colour wheel). Dark text is readable on each (a test checks the contrast);
    a version's colour does not depend on the length of the series."""
    if index < len(_PICKED):
        return _PICKED[index]
    hue = (index * 137.508) % 360 / 360
    red, green, blue = colorsys.hls_to_rgb(hue, 0.86, 0.70)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"


def stylesheet() -> str:
    """The style the history and three-way pages share (screen, then print: A4)."""
    return f"""
:root {{ color-scheme: light; }}
html {{ background: {BACKGROUND}; color: {TEXT}; }}
body {{ margin: 0 auto; padding: 1.25rem 1.5rem 3rem; max-width: 76rem;
       font: 1rem/1.55 "Noto Serif", "DejaVu Serif", Georgia, "Times New Roman", serif; }}
h1, h2, h3, h4, th, summary, .ui, .legend, .badge, .banner, .lineage, .note {{
  font-family: system-ui, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }}
h1 {{ font-size: 1.6rem; }} h2 {{ font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid {TEXT}; }}
h3 {{ font-size: 1.05rem; margin: 1.4rem 0 .4rem; }} h4 {{ font-size: .95rem; margin: 1rem 0 .3rem; }}
a {{ color: #0b4f9c; }}
table {{ border-collapse: collapse; }}
th, td {{ text-align: left; vertical-align: top; padding: .25rem .45rem; border-bottom: 1px solid {RULE}; }}
table.matrix td {{ text-align: center; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }}
table.matrix td.c-gone {{ color: {DEL}; }} table.matrix td.c-new, table.matrix td.c-reinstated {{ color: {INS}; }}
.lineage, .note {{ color: {MUTED}; font-size: .85rem; font-weight: normal; }}
.banner {{ margin: 1rem 0; padding: .6rem 1rem; border: 2px dashed {RECONSTRUCTED};
          background: {RECONSTRUCTED_BG}; color: {RECONSTRUCTED}; }}
.reconstructed {{ border-left: 2px dashed {RECONSTRUCTED}; padding-left: .6rem; }}
.badge {{ font-size: .75rem; padding: 0 .3rem; border: 1px solid currentColor; border-radius: .2rem; }}
.badge-reconstructed {{ color: {RECONSTRUCTED}; background: {RECONSTRUCTED_BG}; }}
.badge-weakened, .badge-dropped {{ color: {DEL}; background: {DEL_BG}; }}
.badge-strengthened, .badge-added {{ color: {INS}; background: {INS_BG}; }}
ul.legend {{ list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; }}
.bv {{ border-radius: .15rem; box-decoration-break: clone; -webkit-box-decoration-break: clone; }}
#show-tags:checked ~ .blame-text .bv::before {{ content: "[" attr(data-version) "] "; font-size: .7em;
  font-family: system-ui, sans-serif; font-weight: 600; }}
.provision p {{ margin: .3rem 0; }} .provision p.num {{ font-weight: 600; }}
ins {{ color: {INS}; background: {INS_BG}; text-decoration: underline; }}
del {{ color: {DEL}; background: {DEL_BG}; text-decoration: line-through; }}
details.timeline {{ border-bottom: 1px solid {RULE}; padding: .3rem 0; }}
details.timeline > summary {{ cursor: pointer; font-weight: 600; }}
@media print {{ @page {{ size: A4; margin: 15mm; }} body {{ max-width: none; font-size: 10pt; }}
  .bv, ins, del {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  #show-tags, label.ui {{ display: none; }} }}
"""


def _swatches(count: int) -> str:
    return "\n".join(f".bv{k} {{ background: {version_colour(k)}; }}" for k in range(count))


def page(title: str, css: str, *sections: Element | None) -> str:
    """A whole self-contained page: the policy forbids every request and every script."""
    body = h("body", None, *lines(h("h1", None, title), *sections))
    head = h("head", None, *lines(
        h("meta", {"charset": "utf-8"}), h("meta", {"http-equiv": "Content-Security-Policy", "content": _POLICY}),
        h("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        h("title", None, title), h("style", None, stylesheet() + css)))
    return to_html(h("html", {"lang": "en"}, "\n", head, "\n", body, "\n"))


def _title(version: Version) -> str:
    """What hovering over a run of this version shows."""
    return f"{version.label}: " + ", ".join(x for x in (version.meta.id, version.meta.symbol, version.meta.date) if x)


#: A piece of text, and the tag and attributes of the element that holds it (None: the text stands bare).
Piece = tuple[str, str | None, dict[str, str | None]]


def split_paragraphs(pieces: Iterable[Piece]) -> list[list[Child]]:
    """Pieces of text cut into paragraphs at blank lines: the children of each paragraph, each piece (or each
    part of it, when it runs over a blank line) in an element of its own."""
    paragraphs: list[list[Child]] = [[]]
    for text, tag, attrs in pieces:
        for index, part in enumerate(text.split("\n\n")):
            if index:
                paragraphs.append([])
            if part:
                paragraphs[-1].append(part if tag is None else h(tag, attrs, part))
    return [p for p in paragraphs if p]


def redline_paragraphs(segments: Sequence[Segment]) -> list[Element]:
    tags = {"insert": "ins", "delete": "del", "equal": None}
    return [h("p", None, *children) for children in split_paragraphs((s.text, tags[s.op], {}) for s in segments)]


class _Page:
    def __init__(self, report: SeriesReport) -> None:
        self.report = report
        self.history: History = report.history

    def build(self) -> str:
        history = self.history
        first, last = history.versions[0].meta, history.versions[-1].meta
        return page(f"History of {len(history.versions)} versions: {first.id} to {last.id}",
                    _swatches(len(history.versions)), self.versions(), self.banner(), self.steps(), self.matrix(),
                    self.obligations(), self.blame(), self.timelines())

    def versions(self) -> Element:
        rows = [h("tr", None, h("td", None, h("span", {"class": f"bv bv{v.index}"}, v.label)), h("td", None, v.meta.id),
                  h("td", None, v.meta.symbol or "–"), h("td", None, v.meta.date or "–"),
                  h("td", None, v.meta.title), h("td", None, provenance_line(self.history, v.index)))
                for v in self.history.versions]
        head = h("tr", None, *(h("th", {"scope": "col"}, x) for x in
                               ("version", "draft", "symbol", "date", "title", "provenance")))
        return h("section", {"id": "versions"}, h("h2", None, "Versions"),
                 h("table", {"class": "versions"}, h("thead", None, head), h("tbody", None, *rows)))

    def banner(self) -> Element | None:
        counts = [(v, sum(1 for _, o in self.history.at(v.index) if o.provision.provenance != "verbatim"))
                  for v in self.history.versions]
        shown = [f"{v.label} ({v.meta.id}): {n} of {len(v.eids)} provisions" for v, n in counts if n]
        if not shown:
            return None
        return h("div", {"class": "banner", "role": "note"},
                 h("p", None, h("strong", None, "Reconstructed text, NOT the official wording"),
                   " (in whole or in part): " + "; ".join(shown) + ". Such provisions carry a dashed margin."))

    def steps(self) -> Element:
        heads = ("step", "unchanged", "modified", "inserted", "deleted", "split", "merged", "renumbered", "moved",
                 "reinstated", "words +", "words −")
        rows = []
        for k, step in enumerate(self.history.steps, start=1):
            s = step.summary
            back = sum(1 for lineage in self.history.lineages for e in lineage.events
                       if e.version == k and "reinstated" in e.kinds)
            cells = (f"{version_label(k - 1)} → {version_label(k)}", s.unchanged, s.modified, s.inserted - back,
                     s.deleted, s.split, s.merged, s.renumbered, s.moved, back, s.words_inserted, s.words_deleted)
            rows.append(h("tr", None, *(h("td", None, str(c)) for c in cells)))
        return h("section", {"id": "steps"}, h("h2", None, "Steps"),
                 h("table", {"class": "steps"}, h("thead", None, h("tr", None, *(h("th", {"scope": "col"}, x)
                                                                                for x in heads))),
                   h("tbody", None, *rows)),
                 h("p", {"class": "note"}, "Inserted: new provisions, not counting those reinstated."))

    def matrix(self) -> Element:
        versions = self.history.versions
        head = h("tr", None, h("th", {"scope": "col"}, "provision"), h("th", {"scope": "col"}, "lineage"),
                 *(h("th", {"scope": "col"}, h("span", {"class": f"bv bv{v.index}"}, v.label)) for v in versions))
        rows = []
        for lineage in self.history.lineages:
            cells = []
            for version in versions:
                cell = lineage.cell(version.index)
                flags = [f for f in ("renumbered", "moved", "split", "merged") if getattr(cell, f)]
                said = ", ".join([cell.state, *flags])
                name = f" as {cell.label}" if cell.label else ""
                cells.append(h("td", {"class": _CELL_CLASS[cell.state], "title": f"{version.label}: {said}{name}",
                                      "data-state": cell.state}, cell_mark(cell)))
            rows.append(h("tr", {"data-lineage": lineage.id},
                          h("th", {"scope": "row"}, h("a", {"href": f"#{lineage.id}"}, lineage.label)),
                          h("td", {"class": "lineage"}, lineage.id), *cells))
        legend = "  ".join(f"{'(blank)' if mark == ' ' else mark} {meaning}" for mark, meaning in LEGEND)
        return h("section", {"id": "matrix"}, h("h2", None, "Provisions × versions"),
                 h("table", {"class": "matrix"}, h("thead", None, head), h("tbody", None, *rows)),
                 h("p", {"class": "note"}, legend))

    def obligations(self) -> Element | None:
        if not self.history.obligations:
            return None
        items = []
        for row, lineage in enumerate(self.history.lineages):
            for event in lineage.obligation_events:
                if event.change.status != "changed":
                    items.append((event.version, row, lineage, event))
        items.sort(key=lambda item: (item[0], item[1]))
        entries = [h("li", None, h("span", {"class": f"bv bv{version}"}, version_label(version)), " ",
                     h("span", {"class": f"badge badge-{event.change.status}"},
                       "introduced" if event.change.status == "added" else event.change.status),
                     " ", event.change.summary, " (", h("a", {"href": f"#{lineage.id}"}, lineage.id), ")")
                   for version, _, lineage, event in items]
        return h("section", {"id": "obligations"}, h("h2", None, "Obligations changed"),
                 h("ul", None, *entries) if entries else h("p", None, "None weakened, strengthened, introduced or "
                                                                     "dropped."))

    def blame(self) -> Element:
        history, at = self.history, self.report.at
        version = history.versions[at]
        legend = h("ul", {"class": "legend"}, *(
            h("li", None, h("span", {"class": f"bv bv{v.index}"}, v.label), " ", _title(v)[len(v.label) + 2:])
            for v in history.versions))
        provisions = [self.blamed(lineage, occurrence) for lineage, occurrence in history.at(at)]
        return h("section", {"id": "blame", "data-version": version.label}, *lines(
            h("h2", None, f"Blame of {version.name}"),
            h("p", {"class": "note"}, "Each run of text is coloured by the version that introduced it; hover over "
                                      "it (or show the tags) to read the version."),
            legend,
            h("input", {"type": "checkbox", "id": "show-tags", "class": "ui"}),
            h("label", {"for": "show-tags", "class": "ui"}, " Show the version tags in the text"),
            h("div", {"class": "blame-text"}, *lines(*provisions))))

    def blamed(self, lineage: Lineage, occurrence: Occurrence) -> Element:
        versions = self.history.versions
        pieces: list[Piece] = [(run.text, "span", {"class": f"bv bv{run.version}",
                                                   "data-version": version_label(run.version),
                                                   "title": _title(versions[run.version])})
                               for run in occurrence.blame]
        paragraphs = split_paragraphs(pieces)
        reconstructed = occurrence.provision.provenance != "verbatim"
        heading = h("h3", None, h("a", {"href": f"#{lineage.id}"}, occurrence.label), " ",
                    h("span", {"class": "lineage"}, f"{lineage.id} · {lineage_summary(lineage)}"),
                    (" ", h("span", {"class": "badge badge-reconstructed"}, "reconstructed")) if reconstructed
                    else None)
        numbered = occurrence.provision.num is not None
        return h("article", {"class": classes("provision", "reconstructed" if reconstructed else None),
                             "id": f"blame-{lineage.id}", "data-lineage": lineage.id,
                             "data-eid": occurrence.provision.eid},
                 *lines(heading, *(h("p", {"class": "num" if numbered and index == 0 else None}, *children)
                                   for index, children in enumerate(paragraphs))))

    def timelines(self) -> Element:
        return h("section", {"id": "timelines"}, *lines(
            h("h2", None, "Timeline of each provision"),
            h("p", {"class": "note"}, "Each provision's text in its first version, then the redline of every step "
                                      "that changed it, and the clauses it carries."),
            *(self.timeline(lineage) for lineage in self.history.lineages)))

    def timeline(self, lineage: Lineage) -> Element:
        parts: list[Child] = [h("summary", None, lineage.label, " ",
                                h("span", {"class": "lineage"}, f"{lineage.id} · {lineage_summary(lineage)}"))]
        for version in self.history.versions:
            occurrence = lineage.occurrence(version.index)
            event = lineage.event(version.index)
            if occurrence is None:
                if event is not None:
                    parts.append(h("h4", None, f"{version.name}: {event.description}"))
                continue
            first = occurrence.version == lineage.first
            if not first and event is None:
                continue
            said = (event.description if event is not None and occurrence.version else "in the first version") \
                if first else occurrence.description or (event.description if event else "")
            body: list[Child]
            if first:
                text = occurrence.provision.text
                body = [h("p", None, *children) for children in split_paragraphs([(text, None, {})])]
            else:
                body = list(redline_paragraphs(occurrence.segments))
            reconstructed = occurrence.provision.provenance != "verbatim"
            clauses = [h("li", None, h("span", {"class": f"badge badge-{e.change.status}"},
                                       "introduced" if e.change.status == "added" else e.change.status),
                         " ", e.change.summary)
                       for e in lineage.obligation_events if e.version == version.index]
            clauses += [h("li", None, f"{o.modality} ({o.bearer}): {o.action}") for o in occurrence.obligations]
            parts.append(h("div", {"class": classes("step", "reconstructed" if reconstructed else None),
                                   "data-version": version.label},
                           h("h4", None, f"{version.name}: {said}"), h("div", {"class": "provision"}, *body),
                           h("ul", {"class": "clauses"}, *clauses) if clauses else None))
        return h("details", {"class": "timeline", "id": lineage.id}, *lines(*parts))


@register
class HistoryHtmlRenderer(Renderer[SeriesReport]):
    """The series as one self-contained page."""

    name = "html"
    subject = "history"
    suffixes = (".html", ".htm")
    description = "versions, steps, provisions × versions, blame in colour with a legend, and timelines"

    def render(self, value: SeriesReport, options: RenderOptions) -> str:
        return _Page(value).build()
