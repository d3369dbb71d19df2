"""The redline of the comparison report (``#redline``): one section per redline item.

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

The redline is built before the other sections: it gives the ids they link to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from treaty_diff.model.comparison import Change, Line, PartChange, ProvisionInfo, RedlineItem
from treaty_diff.model.draft import BLOCK_SEPARATOR
from treaty_diff.model.eids import provision_eid
from treaty_diff.model.segments import Segment, side_text
from treaty_diff.render.html.builder import Child, Element, classes, h, lines, spaced
from treaty_diff.render.html.context import (
    SIDES,
    Page,
    Side,
    annotation,
    badge,
    capital,
    cut_paragraphs,
    depth_class,
    label,
    nums,
    paragraphs,
    part_lines,
    percent,
    sides,
)


def cut_at_shared_breaks(segments: Iterable[Segment]) -> list[list[Segment]]:
    """Cut a segment stream into paragraphs at the blank lines of equal segments (breaks both sides share).

    Insert and delete segments are never cut, so each stays one ``<ins>`` or ``<del>``.
    """
    return cut_paragraphs(segments, every_break=False)


def redline(page: Page) -> Element:
    """``#redline``: every redline item of the comparison, in order."""
    return _Redline(page).build()


class _Redline:
    """Builds the sections of ``#redline``, taking their ids from the page."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.comparison = page.comparison

    def build(self) -> Element:
        sections = [self.item(item) for item in self.comparison.redline]
        return h("div", {"id": "redline"}, *lines(*sections))

    def item(self, item: RedlineItem) -> Element:
        change = self.comparison.change(item.change_id)
        if item.role == "change":
            return self.change_section(change)
        if item.role in ("part-from", "part-to"):
            return self.part_section(item, change)
        return self.moved_section(change, "old" if item.role == "moved-from" else "new")

    # a section and its annotations

    def section(self, change: Change, role: str, layout: str, sides_shown: Sequence[Side],
                shown: Sequence[ProvisionInfo] | None = None) -> Element:
        """The section element for one redline item, with its id and the anchors of its other provisions.

        ``shown``: the provisions of a part of a split or merge (on its one side), when not all of the change's.
        """
        page = self.page

        def infos(side: Side) -> Sequence[ProvisionInfo]:
            return shown if shown is not None else sides(change, side)

        wanted = page.item_anchor(change, role) if shown is None else page.anchor(sides_shown[0], shown[0].eid)
        section = h(
            "section",
            {
                "class": classes("provision", f"kind-{change.kind}", role if role != "change" else None,
                                 "has-reconstructed" if change.reconstructed else None),
                "id": page.ids.take(wanted),
                "data-change": change.id,
                "data-role": role,
                "data-layout": layout,
                "data-old-eid": (" ".join(i.eid for i in infos("old")) or None) if "old" in sides_shown else None,
                "data-new-eid": (" ".join(i.eid for i in infos("new")) or None) if "new" in sides_shown else None,
            },
        )
        for side in sides_shown:
            for info in infos(side):
                anchor = page.anchor(side, info.eid)
                if anchor != wanted and page.ids.take(anchor):
                    h.append(section, lines(annotation("span", {"id": anchor, "class": "anchor"})))
        return section

    def meta(self, change: Change, role: str, shown: Sequence[ProvisionInfo] = ()) -> Element:
        """The annotation line of a redline section: badges, description, links between a move's ends
        (or between the parts of a split or merge that stand apart, ``shown`` being this part's provisions)."""
        page = self.page
        children: list[Child] = [page.badges(change)]
        if role in ("part-from", "part-to"):
            children.extend(self.part_meta(change, role, shown))
        elif role in ("moved-from", "moved-to"):
            other: Side = "new" if role == "moved-from" else "old"
            description = (f"Moved: now {nums(change.new)}, shown deleted here." if role == "moved-from"
                           else f"Shown inserted here. {change.description}")
            children.append(annotation("span", {"class": "description"}, description))
            children.append(annotation("a", {"href": page.change_href(change, other), "class": "move-link"},
                                       f"Go to its {other} place ({nums(sides(change, other))})"))
            if role == "moved-to" and change.kind != "unchanged":  # the word-level changes are side by side
                children.append(self.side_by_side_link(change))
        else:
            children.append(annotation("span", {"class": "description"}, change.description))
            if change.old and change.new and change.kind != "unchanged":
                similarity = f"(similarity {percent(change.similarity)})"
                children.append(annotation("span", {"class": "similarity"}, similarity))
        return annotation("div", {"class": "meta"}, spaced(children))

    def part_meta(self, change: Change, role: str, shown: Sequence[ProvisionInfo]) -> list[Child]:
        """What a part of a split or merge that stands apart says: the change, what is shown here, links to the rest."""
        verb = "deleted" if role == "part-from" else "inserted"
        side_word = "old" if role == "part-from" else "new"
        is_are = "is" if len(shown) == 1 else "are"
        children: list[Child] = [annotation(
            "span", {"class": "description"},
            f"{change.description} Its parts stand apart: {side_word} {nums(shown)} {is_are} shown {verb} here, "
            "the others at their own places.")]
        shown_eids = {info.eid for info in shown}
        for side in SIDES:
            for info in sides(change, side):
                if side == side_word and info.eid in shown_eids:
                    continue
                children.append(annotation("a", {"href": "#" + self.page.anchor(side, info.eid), "class": "move-link"},
                                           f"Go to {side} {capital(info.label)}"))
        if role == "part-to" and change.amended:  # the word-level changes are in the side-by-side view
            children.append(self.side_by_side_link(change))
        return children

    def side_by_side_link(self, change: Change) -> Element:
        return annotation("a", {"href": "#sbs-" + self.page.item_anchor(change, "change"),
                                "class": "move-link js-only"}, "See its changes side by side")

    @staticmethod
    def heading(change: Change, num: Child, heading: Child) -> Element:
        """The provision's heading: its num and heading as draft text, or a label (annotation) when it has none."""
        if num is None and heading is None:
            return h("h3", None, annotation("span", {"class": "label"}, label(change)))
        return h("h3", None, *lines(num, heading)[1:-1])

    # a change in one place

    def change_section(self, change: Change) -> Element:
        if change.parts_in_order:
            section = self.section(change, "change", "parts", ("old", "new"))
            h.append(section, lines(*self.parts_body(change)))
        else:
            section = self.section(change, "change", "segments", ("old", "new"))
            h.append(section, lines(*self.segments_body(change)))
        return section

    def parts_body(self, change: Change) -> list[Element]:
        parts = list(change.parts)
        num: Element | None = None
        heading: Element | None = None
        while parts and parts[0].role in ("num", "heading"):
            part = parts.pop(0)
            span = h("span", {"class": "num" if part.role == "num" else "art-heading", **self.eid_attrs(part)},
                     self.part_badges(part), self.page.segment_nodes(part.segments, change.id))
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

    @staticmethod
    def eid_attrs(part: PartChange) -> dict[str, str | None]:
        return {
            "data-old-eid": " ".join(line.eid for line in part.old) or None,
            "data-new-eid": " ".join(line.eid for line in part.new) or None,
        }

    def part_paragraph(self, change: Change, part: PartChange) -> Element:
        page = self.page
        shown_lines = part.new or part.old
        first = shown_lines[0] if shown_lines else None
        reconstructed = any(line.provenance == "reconstructed" for line in (*part.old, *part.new))
        ident = None
        for side in ("new", "old"):
            for line in part.new if side == "new" else part.old:
                if ident is None and line.role == "block":
                    ident = page.ids.take(page.anchor(side, line.eid))
        # Anchors for the other blocks of the part (a merged or split paragraph), so links to them land here.
        anchors: list[Child] = []
        for side in SIDES:
            for line in part.old if side == "old" else part.new:
                extra = page.ids.take(page.anchor(side, line.eid))
                if extra:
                    anchors.append(annotation("span", {"id": extra, "class": "anchor"}))
        return h(
            "p",
            {
                "class": classes(part.role if part.role != "block" else "block", f"part-{part.kind}",
                                 depth_class(first.depth if first else 0),
                                 "reconstructed" if reconstructed else None),
                "id": ident,
                **self.eid_attrs(part),
            },
            anchors,
            self.part_badges(part),
            page.segment_nodes(part.segments, change.id),
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
        return annotation("span", {"class": "part-badges"}, spaced([badge(n, t) for n, t in names]), " ")

    def segments_body(self, change: Change) -> list[Element]:
        """A change whose parts do not lay out both sides in order: its segments, cut at shared blank lines."""
        old_lines = {line.text: line for line in part_lines(change, "old")}
        new_lines = {line.text: line for line in part_lines(change, "new")}
        body: list[Element] = [self.heading(change, None, None), self.meta(change, "change")]
        for paragraph in cut_at_shared_breaks(change.segments):
            line = new_lines.get(side_text(paragraph, "new")) or old_lines.get(side_text(paragraph, "old"))
            role = line.role if line else "block"
            body.append(h(
                "p",
                {"class": classes("block" if role == "block" else role, depth_class(line.depth if line else 0),
                                  "reconstructed" if line and line.provenance == "reconstructed" else None)},
                self.page.segment_nodes(paragraph, change.id),
            ))
        return body

    # a change wholly deleted or inserted: a move's ends, the parts of a split or merge

    def moved_section(self, change: Change, side: Side) -> Element:
        """One end of a move: the old text entirely deleted (old place) or the new text entirely inserted.

        Each paragraph of the side's provision texts is one ``<del>`` or ``<ins>``, laid out like the line
        of the parts with its text (a num in the heading, points indented) where there is one.
        """
        role = "moved-from" if side == "old" else "moved-to"
        return self.whole_section(change, side, role, sides(change, side), part_lines(change, side), None)

    def part_section(self, item: RedlineItem, change: Change) -> Element:
        """One part of a split or merge that stands apart: its provisions wholly deleted (old) or inserted (new).

        Laid out as a move's end, from the lines of this part's own provisions.
        """
        side = item.sides[0]
        shown = self.comparison.shown(item, side)
        eids = {info.eid for info in shown}
        found = [line for line in part_lines(change, side) if provision_eid(line.eid, eids) is not None]
        return self.whole_section(change, side, item.role, shown, found, shown)

    def whole_section(self, change: Change, side: Side, role: str, infos: Sequence[ProvisionInfo],
                      side_lines: list[Line], shown: Sequence[ProvisionInfo] | None) -> Element:
        """A section showing ``infos`` (one side of a change, or a part of it) wholly deleted or wholly inserted."""
        page = self.page
        in_order = (BLOCK_SEPARATOR.join(line.text for line in side_lines)
                    == BLOCK_SEPARATOR.join(i.text for i in infos))
        entries: list[tuple[Line | None, str]]
        if in_order:
            entries = [(line, line.text) for line in side_lines]
        else:  # the parts pair this side's paragraphs out of order: find each paragraph's line by its text
            by_text: dict[str, list[Line]] = {}
            for line in side_lines:
                by_text.setdefault(line.text, []).append(line)
            entries = []
            for text in paragraphs(infos):
                found = by_text.get(text)
                entries.append((found.pop(0) if found else None, text))
        section = self.section(change, role, "lines" if in_order else "paragraphs", (side,), shown)
        tag = "del" if side == "old" else "ins"
        lang = page.old_language() if side == "old" else None

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
                "class": classes(entry.role if entry else "block", depth_class(entry.depth if entry else 0),
                                 "reconstructed" if entry and entry.provenance == "reconstructed" else None),
                "id": page.ids.take(page.anchor(side, entry.eid)) if entry and entry.role == "block" else None,
                f"data-{side}-eid": entry.eid if entry else None,
            }, mark(text)))
        h.append(section, lines(*body))
        return section
