"""``compare --format html``: one self-contained redline report (contracts.md, "HTML report").

The page is built as an lxml element tree and serialised by lxml, so draft
text is escaped by construction: nothing here ever pastes strings into markup.
It has no external resource (inline stylesheet, one small inline script
allowed by its hash, a Content-Security-Policy that forbids every fetch) and
reads fully without JavaScript: the view switch is a pair of radio buttons and
CSS.

Layout of the page: header (both drafts' metadata, provenance banner), summary
(counts and one row per change), legend, the redline (``#redline``) and the
side-by-side view, the changed definitions, and any later sections (see
:func:`obligations_section`).

``#redline`` follows ``comparison.redline`` (the new draft's order, deleted
provisions at their old place, moved provisions at both ends). Everything in it
that is not draft text carries ``data-annotation``; removing every ``<ins>`` and
every ``[data-annotation]`` leaves the old draft's provision texts in order, and
removing every ``<del>`` and ``[data-annotation]`` the new draft's. Elements are
separated by a newline, so whitespace-normalised text equals the provision
texts joined by blank lines.

Paragraph layout comes from the change's ``parts`` when they rebuild both
sides in order (the usual case); when they do not (a split or a merge, whose
parts pair paragraphs across provisions), the change's own ``segments`` are
cut into paragraphs at the blank lines both sides share (``data-layout``
says which was used). Either way every non-empty insert segment is one
``<ins>`` and every non-empty delete segment one ``<del>``; a moved provision's
ends show each paragraph as one ``<del>`` (old place) or ``<ins>`` (new place).

A split or merge whose parts stand apart in a draft (redline roles
``part-from`` and ``part-to``) is shown like a move, part by part: each old
provision in its own section of ``<del>`` paragraphs at its old place, each
new one in its own section of ``<ins>`` paragraphs at its new place, with
links between the parts. Its word-level changes are in the side-by-side view,
which shows the change once.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Union

from lxml import etree

from treaty_diff import __version__
from treaty_diff.model.comparison import (
    Change,
    Comparison,
    DefinitionChange,
    Line,
    PartChange,
    ProvisionInfo,
    RedlineItem,
)
from treaty_diff.model.draft import BLOCK_SEPARATOR, DraftMeta
from treaty_diff.model.eids import provision_eid
from treaty_diff.model.segments import Segment, side_text
from treaty_diff.render.base import Renderer, RenderOptions, register
from treaty_diff.render.html.style import SCRIPT, stylesheet

Element = etree._Element
Child = Union[Element, str, None, Iterable["Child"]]  # noqa: UP007 (a recursive alias needs Union)
Side = Literal["old", "new"]
SIDES: tuple[Side, Side] = ("old", "new")

#: Characters XML (and so lxml) cannot hold; shown as U+FFFD rather than failing.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_MAX_DEPTH = 6


# -- building elements (escape by construction) -------------------------------------------------------


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _append(node: Element, children: Iterable[Child]) -> None:
    """Append children to ``node``: strings become text (or the previous child's tail), None is skipped."""
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            if not child:
                continue
            text = _clean(child)
            if len(node):
                last = node[-1]
                last.tail = (last.tail or "") + text
            else:
                node.text = (node.text or "") + text
        elif isinstance(child, etree._Element):
            node.append(child)
        else:
            _append(node, child)


def h(tag: str, attrs: Mapping[str, str | None] | None = None, *children: Child) -> Element:
    """One element: ``attrs`` with None values left out, ``children`` as in :func:`_append`."""
    node = etree.Element(tag)
    for key, value in (attrs or {}).items():
        if value is not None:
            node.set(key, _clean(value))
    _append(node, children)
    return node


def _lines(*nodes: Child) -> list[Child]:
    """Children separated by newlines, so block elements never glue their texts together."""
    out: list[Child] = []
    for node in nodes:
        if node is None:
            continue
        out.extend(("\n", node))
    out.append("\n")
    return out


def _annotation(tag: str, attrs: Mapping[str, str | None] | None = None, *children: Child) -> Element:
    """An element inside ``#redline`` that is not draft text."""
    node = h(tag, attrs, *children)
    node.set("data-annotation", "")
    return node


def _badge(name: str, text: str | None = None, annotation: bool = True) -> Element:
    maker = _annotation if annotation else h
    return maker("span", {"class": f"badge badge-{name}"}, text or name)


# -- reading the comparison ---------------------------------------------------------------------------


def _sides(change: Change, side: Side) -> tuple[ProvisionInfo, ...]:
    return change.old if side == "old" else change.new


def _part_lines(change: Change, side: Side) -> list[Line]:
    return [line for part in change.parts for line in (part.old if side == "old" else part.new)]


def _paragraphs(infos: Sequence[ProvisionInfo]) -> list[str]:
    return [text for info in infos for text in info.text.split(BLOCK_SEPARATOR) if text]


def cut_at_shared_breaks(segments: Iterable[Segment]) -> list[list[Segment]]:
    """Cut a segment stream into paragraphs at the blank lines of equal segments (breaks both sides share).

    Insert and delete segments are never cut, so each stays one ``<ins>`` or ``<del>``.
    """
    paragraphs: list[list[Segment]] = [[]]
    for segment in segments:
        if segment.op != "equal" or BLOCK_SEPARATOR not in segment.text:
            if segment.text:
                paragraphs[-1].append(segment)
            continue
        for index, piece in enumerate(segment.text.split(BLOCK_SEPARATOR)):
            if index:
                paragraphs.append([])
            if piece:
                paragraphs[-1].append(Segment("equal", piece))
    return [p for p in paragraphs if p]


def _label(change: Change) -> str:
    old = ", ".join(info.label for info in change.old)
    new = ", ".join(info.label for info in change.new)
    if not old or old == new:
        return _capital(new or old)
    if not new:
        return _capital(old)
    return f"{_capital(old)} → {new}"


def _spaced(children: Sequence[Child]) -> list[Child]:
    """Children with a space between each two, so copied text and screen readers keep words apart."""
    out: list[Child] = []
    for child in children:
        if out:
            out.append(" ")
        out.append(child)
    return out


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _nums(infos: Sequence[ProvisionInfo]) -> str:
    return ", ".join(_capital(info.label) for info in infos)


def _percent(value: float) -> str:
    return f"{round(value * 100)} %"


def _depth_class(depth: int) -> str | None:
    return f"depth-{min(depth, _MAX_DEPTH)}" if depth > 0 else None


def _classes(*names: str | None) -> str | None:
    joined = " ".join(n for n in names if n)
    return joined or None


# -- the page -----------------------------------------------------------------------------------------


@dataclass
class _Ids:
    """The ids used in the page, so each is given once; anchors are ``old-<eId>`` and ``new-<eId>``."""

    used: set[str]

    def take(self, wanted: str) -> str | None:
        if wanted in self.used:
            return None
        self.used.add(wanted)
        return wanted


class _Page:
    """Builds one report from one comparison."""

    def __init__(self, comparison: Comparison, options: RenderOptions) -> None:
        self.comparison = comparison
        self.options = options
        self.ids = _Ids(set())
        self.languages_differ = comparison.old.language != comparison.new.language

    # anchors

    @staticmethod
    def anchor(side: Side, eid: str) -> str:
        return f"{side}-{eid}"

    def item_anchor(self, change: Change, role: str) -> str:
        """The id of the redline section showing ``change`` in ``role``."""
        if role == "moved-from" or not change.new:
            return self.anchor("old", change.old[0].eid)
        return self.anchor("new", change.new[0].eid)

    def change_href(self, change: Change, side: Side) -> str:
        infos = _sides(change, side)
        return "#" + self.anchor(side, infos[0].eid)

    # whole document

    def build(self) -> Element:
        c = self.comparison
        script = None if self.options.static else SCRIPT
        html = h("html", {"lang": c.new.language or "en"})
        head = h(
            "head",
            None,
            *_lines(
                h("meta", {"charset": "utf-8"}),
                h("meta", {"http-equiv": "Content-Security-Policy", "content": content_security_policy(script)}),
                h("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
                h("meta", {"name": "generator", "content": f"treaty-diff {__version__}"}),
                h("title", None, self.page_title()),
                h("style", None, stylesheet()),
            ),
        )
        redline = self.redline()  # first: it gives the ids the other sections link to
        main = h(
            "main",
            {"id": "main"},
            *_lines(
                self.summary(),
                self.legend(),
                self.view_switch(),
                h("section", {"id": "redline-view", "data-view": "view-redline", "aria-labelledby": "redline-h"},
                  *_lines(h("h2", {"id": "redline-h"}, "Redline"), redline)),
                self.side_by_side(),
                self.definitions(),
                obligations_section(c),
            ),
        )
        body = h(
            "body",
            None,
            *_lines(
                h("a", {"class": "skip-link", "href": "#redline-view"}, "Skip to the redline"),
                self.header(),
                self.toc(),
                main,
                h("footer", None, f"Made by treaty-diff {__version__}. "
                  "Inserted text is underlined, deleted text struck through."),
                h("script", None, script) if script else None,
            ),
        )
        _append(html, _lines(head, body))
        return html

    def page_title(self) -> str:
        old, new = self.comparison.old, self.comparison.new
        return f"Comparison: {_short(old)} → {_short(new)}"

    # header

    def header(self) -> Element:
        c = self.comparison
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
            *_lines(
                h("h1", None, "Comparison of ", _short(c.old), " and ", _short(c.new)),
                table,
                self.banner(),
            ),
        )

    def banner(self) -> Element | None:
        """The provenance banner: which provisions shown are reconstructed rather than official text."""
        changes = self.comparison.reconstructed_changes
        if not changes:
            return None
        items = []
        for side in SIDES:
            meta = self.comparison.old if side == "old" else self.comparison.new
            names: list[Child] = []
            for info in self.comparison.reconstructed_provisions(side):
                if names:
                    names.append(", ")
                names.append(h("a", {"href": "#" + self.anchor(side, info.eid)}, _capital(info.label)))
                if info.provenance == "mixed":
                    names.append(" (in part)")
            if names:
                items.append(h("li", None, h("strong", None, f"{_capital(side)} draft ({_short(meta)}): "), names))
        return h(
            "div",
            {"class": "banner", "role": "note", "aria-labelledby": "banner-h"},
            h("p", {"id": "banner-h"}, h("strong", None, "Reconstructed text. "),
              "Some provisions shown here are not the official wording but a reconstruction from secondary "
              "sources; check them against the official document before relying on them:"),
            h("ul", None, *items),
        )

    def toc(self) -> Element:
        links = [("#summary", "Summary"), ("#legend", "Legend"), ("#redline-view", "Redline"),
                 ("#sbs-view", "Side by side"), ("#definitions", "Definitions")]
        if self.comparison.obligations is not None:
            links.append(("#obligations", "Obligations"))
        return h("nav", {"class": "toc", "aria-label": "Contents"},
                 h("ul", None, [h("li", None, h("a", {"href": href}, text)) for href, text in links]))

    # summary

    def summary(self) -> Element:
        c = self.comparison
        s = c.summary
        counts = [("modified", s.modified), ("inserted", s.inserted), ("deleted", s.deleted), ("split", s.split),
                  ("merged", s.merged), ("renumbered", s.renumbered), ("moved", s.moved),
                  ("unchanged", s.unchanged)]
        count_list = h("ul", {"class": "counts"}, [
            h("li", None, h("strong", None, str(n)), f" {name}") for name, n in counts
        ], h("li", None, h("strong", None, f"+{s.words_inserted}"), " words inserted"),
            h("li", None, h("strong", None, f"−{s.words_deleted}"), " words deleted"))
        rows = [self.summary_row(change) for change in c.changes
                if change.changed or not self.options.changed_only]
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
                 *_lines(h("h2", {"id": "summary-h"}, "Summary"), count_list, table))

    def summary_row(self, change: Change) -> Element:
        def cell(side: Side) -> Element:
            infos = _sides(change, side)
            if not infos:
                return h("td", {"class": "num-col"}, "—")
            links: list[Child] = []
            for info in infos:
                if links:
                    links.append(", ")
                links.append(h("a", {"href": "#" + self.anchor(side, info.eid)}, _capital(info.label)))
            return h("td", {"class": "num-col"}, links)

        similarity = "—" if not (change.old and change.new) else _percent(change.similarity)
        return h(
            "tr",
            {"class": "unchanged" if not change.changed else None, "data-change": change.id},
            cell("old"),
            cell("new"),
            h("td", None, self.badges(change, annotation=False)),
            h("td", {"class": "number"}, similarity),
            h("td", {"class": "number"}, f"+{change.words_inserted} −{change.words_deleted}"),
            h("td", {"class": "description"}, change.description),
        )

    @staticmethod
    def badges(change: Change, annotation: bool = True) -> list[Child]:
        names: list[str] = [change.kind]
        if change.renumbered:
            names.append("renumbered")
        if change.moved:
            names.append("moved")
        if change.reconstructed:
            names.append("reconstructed")
        return _spaced([_badge(name, annotation=annotation) for name in names])

    # legend and switch

    def legend(self) -> Element:
        entries: list[tuple[Child, str]] = [
            (h("ins", None, "inserted text"), "words in the new draft only (underlined)"),
            (h("del", None, "deleted text"), "words in the old draft only (struck through)"),
            (_badge("modified", annotation=False), "the provision's wording changed"),
            (_badge("inserted", annotation=False), "a provision new in the new draft"),
            (_badge("deleted", annotation=False), "a provision of the old draft dropped from the new"),
            (_badge("split", annotation=False), "one old provision became several (when they stand apart, the old "
                                                 "one is struck through where it was and each new one underlined "
                                                 "where it is, each part linking to the others)"),
            (_badge("merged", annotation=False), "several old provisions became one (when they stood apart, shown "
                                                  "part by part, like a split)"),
            (_badge("renumbered", annotation=False), "the provision's number changed"),
            (_badge("moved", annotation=False), "the provision changed place; shown struck through where it was "
                                                 "and underlined where it is, each end linking to the other"),
            (_badge("reconstructed", annotation=False), "not the official wording (dashed margin): see the "
                                                         "notice at the top"),
        ]
        return h("section", {"id": "legend", "class": "legend", "aria-labelledby": "legend-h"},
                 h("h2", {"id": "legend-h"}, "Legend"),
                 h("dl", None, [(h("dt", None, term), h("dd", None, text)) for term, text in entries]))

    @staticmethod
    def view_switch() -> Element:
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

    # the redline

    def redline(self) -> Element:
        sections = [self.redline_item(item) for item in self.comparison.redline]
        return h("div", {"id": "redline"}, *_lines(*sections))

    def redline_item(self, item: RedlineItem) -> Element:
        change = self.comparison.change(item.change_id)
        if item.role == "change":
            return self.change_section(change)
        if item.role in ("part-from", "part-to"):
            return self.part_section(item, change)
        return self.moved_section(change, "old" if item.role == "moved-from" else "new")

    def section(self, change: Change, role: str, layout: str, sides: Sequence[Side],
                shown: Sequence[ProvisionInfo] | None = None) -> Element:
        """The section element for one redline item, with its id and the anchors of its other provisions.

        ``shown``: the provisions of a part of a split or merge (on its one side), when not all of the change's.
        """
        def infos(side: Side) -> Sequence[ProvisionInfo]:
            return shown if shown is not None else _sides(change, side)

        wanted = self.item_anchor(change, role) if shown is None else self.anchor(sides[0], shown[0].eid)
        section = h(
            "section",
            {
                "class": _classes("provision", f"kind-{change.kind}", role if role != "change" else None,
                                  "has-reconstructed" if change.reconstructed else None),
                "id": self.ids.take(wanted),
                "data-change": change.id,
                "data-role": role,
                "data-layout": layout,
                "data-old-eid": (" ".join(i.eid for i in infos("old")) or None) if "old" in sides else None,
                "data-new-eid": (" ".join(i.eid for i in infos("new")) or None) if "new" in sides else None,
            },
        )
        for side in sides:
            for info in infos(side):
                anchor = self.anchor(side, info.eid)
                if anchor != wanted and self.ids.take(anchor):
                    _append(section, _lines(_annotation("span", {"id": anchor, "class": "anchor"})))
        return section

    def meta(self, change: Change, role: str, shown: Sequence[ProvisionInfo] = ()) -> Element:
        """The annotation line of a redline section: badges, description, links between a move's ends
        (or between the parts of a split or merge that stand apart, ``shown`` being this part's provisions)."""
        children: list[Child] = [self.badges(change)]
        if role in ("part-from", "part-to"):
            children.extend(self.part_meta(change, role, shown))
        elif role == "moved-from":
            children.append(_annotation("span", {"class": "description"},
                                        f"Moved: now {_nums(change.new)}, shown deleted here."))
            children.append(_annotation("a", {"href": self.change_href(change, "new"), "class": "move-link"},
                                        f"Go to its new place ({_nums(change.new)})"))
        elif role == "moved-to":
            children.append(_annotation("span", {"class": "description"},
                                        f"Shown inserted here. {change.description}"))
            children.append(_annotation("a", {"href": self.change_href(change, "old"), "class": "move-link"},
                                        f"Go to its old place ({_nums(change.old)})"))
            if change.kind != "unchanged":  # the word-level changes are in the side-by-side view
                children.append(_annotation(
                    "a", {"href": "#sbs-" + self.item_anchor(change, "change"), "class": "move-link js-only"},
                    "See its changes side by side"))
        else:
            children.append(_annotation("span", {"class": "description"}, change.description))
            if change.old and change.new and change.kind != "unchanged":
                similarity = f"(similarity {_percent(change.similarity)})"
                children.append(_annotation("span", {"class": "similarity"}, similarity))
        return _annotation("div", {"class": "meta"}, _spaced(children))

    def part_meta(self, change: Change, role: str, shown: Sequence[ProvisionInfo]) -> list[Child]:
        """What a part of a split or merge that stands apart says: the change, what is shown here, links to the rest."""
        verb = "deleted" if role == "part-from" else "inserted"
        side_word = "old" if role == "part-from" else "new"
        is_are = "is" if len(shown) == 1 else "are"
        children: list[Child] = [_annotation(
            "span", {"class": "description"},
            f"{change.description} Its parts stand apart: {side_word} {_nums(shown)} {is_are} shown {verb} here, "
            "the others at their own places.")]
        shown_eids = {info.eid for info in shown}
        for side in SIDES:
            for info in _sides(change, side):
                if side == side_word and info.eid in shown_eids:
                    continue
                children.append(_annotation("a", {"href": "#" + self.anchor(side, info.eid), "class": "move-link"},
                                            f"Go to {side} {_capital(info.label)}"))
        if role == "part-to" and change.amended:  # the word-level changes are in the side-by-side view
            children.append(_annotation(
                "a", {"href": "#sbs-" + self.item_anchor(change, "change"), "class": "move-link js-only"},
                "See its changes side by side"))
        return children

    def change_section(self, change: Change) -> Element:
        if change.parts_in_order:
            section = self.section(change, "change", "parts", ("old", "new"))
            _append(section, _lines(*self.parts_body(change)))
        else:
            section = self.section(change, "change", "segments", ("old", "new"))
            _append(section, _lines(*self.segments_body(change)))
        return section

    def heading(self, change: Change, num: Child, heading: Child) -> Element:
        """The provision's heading: its num and heading as draft text, or a label (annotation) when it has none."""
        if num is None and heading is None:
            return h("h3", None, _annotation("span", {"class": "label"}, _label(change)))
        return h("h3", None, *_lines(num, heading)[1:-1])

    def parts_body(self, change: Change) -> list[Element]:
        parts = list(change.parts)
        num: Element | None = None
        heading: Element | None = None
        while parts and parts[0].role in ("num", "heading"):
            part = parts.pop(0)
            span = h("span", {"class": "num" if part.role == "num" else "art-heading", **self.eid_attrs(part)},
                     self.part_badges(part), self.segment_nodes(part.segments, change.id))
            if part.role == "num" and num is None:
                num = span
            elif part.role == "heading" and heading is None:
                heading = span
            else:  # a second num or heading: not expected, shown as a paragraph rather than lost
                parts.insert(0, part)
                break
        body: list[Element] = [self.heading(change, num, heading), self.meta(change, "change")]
        for part in parts:
            body.append(self.part_paragraph(change, part))
        return body

    def eid_attrs(self, part: PartChange) -> dict[str, str | None]:
        return {
            "data-old-eid": " ".join(line.eid for line in part.old) or None,
            "data-new-eid": " ".join(line.eid for line in part.new) or None,
        }

    def part_paragraph(self, change: Change, part: PartChange) -> Element:
        lines = part.new or part.old
        first = lines[0] if lines else None
        reconstructed = any(line.provenance == "reconstructed" for line in (*part.old, *part.new))
        ident = None
        for side in ("new", "old"):
            for line in part.new if side == "new" else part.old:
                if ident is None and line.role == "block":
                    ident = self.ids.take(self.anchor(side, line.eid))
        # Anchors for the other blocks of the part (a merged or split paragraph), so links to them land here.
        anchors: list[Child] = []
        for side in SIDES:
            for line in part.old if side == "old" else part.new:
                extra = self.ids.take(self.anchor(side, line.eid))
                if extra:
                    anchors.append(_annotation("span", {"id": extra, "class": "anchor"}))
        return h(
            "p",
            {
                "class": _classes(part.role if part.role != "block" else "block", f"part-{part.kind}",
                                  _depth_class(first.depth if first else 0),
                                  "reconstructed" if reconstructed else None),
                "id": ident,
                **self.eid_attrs(part),
            },
            anchors,
            self.part_badges(part),
            self.segment_nodes(part.segments, change.id),
        )

    @staticmethod
    def part_badges(part: PartChange) -> Element | None:
        """Badges for a paragraph moved or renumbered inside its provision (followed by a space), or None."""
        names = []
        if part.moved:
            names.append(("moved", "moved paragraph"))
        if part.renumbered and part.role == "block":
            names.append(("renumbered", "renumbered"))
        if not names:
            return None
        return _annotation("span", {"class": "part-badges"}, _spaced([_badge(n, t) for n, t in names]), " ")

    def segment_nodes(self, segments: Iterable[Segment], change_id: str) -> list[Child]:
        """Draft text of a redline: equal as text, insert as ``<ins>``, delete as ``<del>``.

        A mark right after the other kind (a replacement, "is playing" then "plays") gets the class
        ``after-mark`` so the stylesheet can keep the two apart without adding text.
        """
        out: list[Child] = []
        old_lang = self.comparison.old.language if self.languages_differ else None
        previous = "equal"
        for segment in segments:
            if not segment.text:
                continue
            touching = "after-mark" if previous not in ("equal", segment.op) else None
            if segment.op == "equal":
                out.append(segment.text)
            elif segment.op == "insert":
                out.append(h("ins", {"data-change": change_id, "class": touching}, segment.text))
            else:
                out.append(h("del", {"data-change": change_id, "class": touching, "lang": old_lang}, segment.text))
            previous = segment.op
        return out

    def segments_body(self, change: Change) -> list[Element]:
        """A change whose parts do not lay out both sides in order: its segments, cut at shared blank lines."""
        old_lines = {line.text: line for line in _part_lines(change, "old")}
        new_lines = {line.text: line for line in _part_lines(change, "new")}
        body: list[Element] = [self.heading(change, None, None), self.meta(change, "change")]
        for paragraph in cut_at_shared_breaks(change.segments):
            line = new_lines.get(side_text(paragraph, "new")) or old_lines.get(side_text(paragraph, "old"))
            role = line.role if line else "block"
            body.append(h(
                "p",
                {"class": _classes("block" if role == "block" else role, _depth_class(line.depth if line else 0),
                                   "reconstructed" if line and line.provenance == "reconstructed" else None)},
                self.segment_nodes(paragraph, change.id),
            ))
        return body

    def moved_section(self, change: Change, side: Side) -> Element:
        """One end of a move: the old text entirely deleted (old place) or the new text entirely inserted.

        Each paragraph of the side's provision texts is one ``<del>`` or ``<ins>``, laid out like the line
        of the parts with its text (a num in the heading, points indented) where there is one.
        """
        role = "moved-from" if side == "old" else "moved-to"
        return self.whole_section(change, side, role, _sides(change, side), _part_lines(change, side), None)

    def part_section(self, item: RedlineItem, change: Change) -> Element:
        """One part of a split or merge that stands apart: its provisions wholly deleted (old) or inserted (new).

        Laid out as a move's end, from the lines of this part's own provisions.
        """
        side = item.sides[0]
        shown = self.comparison.shown(item, side)
        eids = {info.eid for info in shown}
        lines = [line for line in _part_lines(change, side) if provision_eid(line.eid, eids) is not None]
        return self.whole_section(change, side, item.role, shown, lines, shown)

    def whole_section(self, change: Change, side: Side, role: str, infos: Sequence[ProvisionInfo],
                      lines: list[Line], shown: Sequence[ProvisionInfo] | None) -> Element:
        """A section showing ``infos`` (one side of a change, or a part of it) wholly deleted or wholly inserted."""
        in_order = BLOCK_SEPARATOR.join(line.text for line in lines) == BLOCK_SEPARATOR.join(i.text for i in infos)
        entries: list[tuple[Line | None, str]]
        if in_order:
            entries = [(line, line.text) for line in lines]
        else:  # the parts pair this side's paragraphs out of order: find each paragraph's line by its text
            by_text: dict[str, list[Line]] = {}
            for line in lines:
                by_text.setdefault(line.text, []).append(line)
            entries = []
            for text in _paragraphs(infos):
                found = by_text.get(text)
                entries.append((found.pop(0) if found else None, text))
        section = self.section(change, role, "lines" if in_order else "paragraphs", (side,), shown)
        tag = "del" if side == "old" else "ins"
        lang = self.comparison.old.language if side == "old" and self.languages_differ else None

        def mark(text: str) -> Element:
            return h(tag, {"data-change": change.id, "lang": lang}, text)

        num = heading = None
        index = 0
        while index < len(entries):
            first, text = entries[index]
            if first is not None and first.role == "num" and num is None and heading is None:
                num = h("span", {"class": "num", f"data-{side}-eid": first.eid}, mark(text))
            elif first is not None and first.role == "heading" and heading is None:
                heading = h("span", {"class": "art-heading", f"data-{side}-eid": first.eid}, mark(text))
            else:
                break
            index += 1
        body: list[Element] = [self.heading(change, num, heading), self.meta(change, role, shown or ())]
        for entry, text in entries[index:]:
            body.append(h("p", {
                "class": _classes(entry.role if entry else "block", _depth_class(entry.depth if entry else 0),
                                  "reconstructed" if entry and entry.provenance == "reconstructed" else None),
                "id": self.ids.take(self.anchor(side, entry.eid)) if entry and entry.role == "block" else None,
                f"data-{side}-eid": entry.eid if entry else None,
            }, mark(text)))
        _append(section, _lines(*body))
        return section

    # side by side

    def side_by_side(self) -> Element:
        c = self.comparison
        rows: list[Element] = []
        seen: set[str] = set()  # a split or merge shown in parts has several items: one row group for it
        for item in c.redline:
            if item.role in ("moved-from", "part-from") or item.change_id in seen:
                continue
            seen.add(item.change_id)
            rows.extend(self.sbs_rows(c.change(item.change_id)))
        table = h(
            "table",
            {"class": "sbs"},
            h("caption", None, "Old and new text paragraph by paragraph, in the new draft's order"),
            h("thead", None, h("tr", None,
                               h("th", {"scope": "col", "class": "side"}, f"Old: {_short(c.old)}"),
                               h("th", {"scope": "col", "class": "side"}, f"New: {_short(c.new)}"))),
            h("tbody", None, rows),
        )
        return h("section", {"id": "sbs-view", "data-view": "view-sbs", "aria-labelledby": "sbs-h"},
                 *_lines(h("h2", {"id": "sbs-h"}, "Side by side"), table))

    def sbs_rows(self, change: Change) -> list[Element]:
        anchor = "sbs-" + self.item_anchor(change, "change")
        head = h("tr", {"class": "change-head", "id": self.ids.take(anchor), "data-change": change.id},
                 h("th", {"colspan": "2", "scope": "colgroup"}, _label(change), " ",
                   self.badges(change, annotation=False),
                   h("span", {"class": "description"}, change.description)))
        rows = [head]
        for part in change.parts:
            rows.append(h("tr", {"class": f"part-{part.kind}"}, self.sbs_cell(change, part, "old"),
                          self.sbs_cell(change, part, "new")))
        return rows

    def sbs_cell(self, change: Change, part: PartChange, side: Side) -> Element:
        lines = part.old if side == "old" else part.new
        lang = self.comparison.old.language if side == "old" and self.languages_differ else None
        if not lines:
            return h("td", {"class": "empty", "lang": lang}, h("span", {"class": "ui"}, "—"))
        skip = "insert" if side == "old" else "delete"
        kept = [s for s in part.segments if s.op != skip]
        paragraphs = _cut_all(kept)
        if len(paragraphs) != len(lines):  # cannot tell which text is which line: one paragraph
            paragraphs = [kept]
        cell = h("td", {"lang": lang})
        for index, paragraph in enumerate(paragraphs):
            line = lines[min(index, len(lines) - 1)]
            cell.append(h("p", {"class": _classes(line.role, _depth_class(line.depth),
                                                  "reconstructed" if line.provenance == "reconstructed" else None)},
                          self.segment_nodes(paragraph, change.id)))
        return cell

    # definitions

    def definitions(self) -> Element:
        changed = [d for d in self.comparison.definitions if d.kind != "unchanged" or d.renamed]
        unchanged = len(self.comparison.definitions) - len(changed)
        children: list[Child] = [h("h2", {"id": "definitions-h"}, "Definitions")]
        if changed:
            children.append(h(
                "table",
                {"class": "definitions"},
                h("caption", None, "Defined terms that changed"),
                h("thead", None, h("tr", None, [h("th", {"scope": "col"}, name)
                                                for name in ("Term", "Change", "Definition", "Where")])),
                h("tbody", None, [self.definition_row(d) for d in changed]),
            ))
        else:
            children.append(h("p", None, "No defined term changed."))
        if unchanged:
            children.append(h("p", None, f"{unchanged} defined term{'s' if unchanged != 1 else ''} unchanged."))
        return h("section", {"id": "definitions", "aria-labelledby": "definitions-h"}, *_lines(*children))

    def definition_row(self, definition: DefinitionChange) -> Element:
        badges: list[Child] = [_badge(definition.kind, annotation=False)]
        if definition.renamed:
            badges.extend([" ", _badge("renumbered", "renamed", annotation=False)])
        where: list[Child] = []
        for side in SIDES:
            eid = definition.old_eid if side == "old" else definition.new_eid
            if eid is None:
                continue
            if where:
                where.append(" ")
            anchor = self.anchor(side, eid)
            text = f"{side} draft"
            where.append(h("a", {"href": "#" + anchor}, text) if anchor in self.ids.used else text)
        term: list[Child] = [definition.term]
        if definition.renamed and definition.new_terms:
            term.extend([" → ", definition.new_terms[0]])
        return h(
            "tr",
            None,
            h("td", None, term),
            h("td", None, badges),
            h("td", None, h("p", None, definition.description),
              h("p", None, self.segment_nodes(definition.segments, "definition"))),
            h("td", {"class": "where"}, where),
        )


def _cut_all(segments: Iterable[Segment]) -> list[list[Segment]]:
    """Cut one side's segments into paragraphs at every blank line."""
    paragraphs: list[list[Segment]] = [[]]
    for segment in segments:
        for index, piece in enumerate(segment.text.split(BLOCK_SEPARATOR)):
            if index:
                paragraphs.append([])
            if piece:
                paragraphs[-1].append(Segment(segment.op, piece))
    return [p for p in paragraphs if p]


def _short(meta: DraftMeta) -> str:
    name = meta.short_title or meta.title
    details = ", ".join(x for x in (meta.symbol, meta.date) if x)
    return f"{name} ({details})" if details else name


def obligations_section(comparison: Comparison) -> Element | None:
    """The obligations of the old draft with their counterparts in the new one: dropped, added, weakened,
    strengthened, changed (unchanged ones are counted, not listed). None when obligations were not compared.

    Placed after the definitions, outside ``#redline``: the quotes are draft text shown a second time.
    """
    value = comparison.obligations
    if value is None:
        return None
    counts = ", ".join(f"{n} {status}" for status, n in value.counts.items())
    listed = [change for change in value.changes if change.status != "unchanged"]
    children: list[Child] = [
        h("h2", {"id": "obligations-h"}, "Obligations"),
        h("p", None, f"{value.reference}: {value.reference_total} obligations; {value.other}: "
                     f"{value.other_total}. {counts}."),
    ]
    if listed:
        rows = []
        for change in listed:
            quotes: list[Child] = []
            for draft_id, label, obligation in ((value.reference, change.old_label, change.old),
                                                (value.other, change.new_label, change.new)):
                if obligation is None:
                    quotes.append(h("td", None, "—"))
                    continue
                note = " (reconstructed, not the official wording)" if obligation.reconstructed else ""
                quotes.append(h("td", {"class": "reconstructed" if obligation.reconstructed else None},
                                h("strong", None, f"{draft_id}, {label}{note}: "), h("q", None, obligation.quote)))
            rows.append(h(
                "tr", None,
                h("td", None, _badge(change.status, annotation=False)),
                h("td", None, h("p", None, change.headline),
                  h("ul", None, [h("li", None, reason) for reason in change.reasons])),
                *quotes,
            ))
        children.append(h(
            "table", {"class": "obligations"},
            h("caption", None, "Obligations that changed"),
            h("thead", None, h("tr", None, [h("th", {"scope": "col"}, name)
                                            for name in ("Status", "What changed", value.reference, value.other)])),
            h("tbody", None, rows),
        ))
    else:
        children.append(h("p", None, "No obligation changed."))
    return h("section", {"id": "obligations", "aria-labelledby": "obligations-h"}, *_lines(*children))


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
    page = _Page(comparison, options or RenderOptions())
    root = page.build()
    return etree.tostring(root, method="html", encoding="unicode", doctype="<!DOCTYPE html>") + "\n"


@register
class HtmlRenderer(Renderer[Comparison]):
    """A self-contained HTML redline report: summary, redline, side by side, definitions; prints on A4."""

    name = "html"
    subject = "comparison"
    extension = "html"
    binary = False
    description = "self-contained HTML redline report"

    def render(self, value: Comparison, options: RenderOptions) -> str:
        return render_html(value, options)
