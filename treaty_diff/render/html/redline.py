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
``<ins>`` and every non-empty delete segment one ``<del>``.

A moved provision (redline roles ``moved-from`` and ``moved-to``) shows each
old paragraph as one ``<del>`` where it stood; where it stands, it is laid out
like a change in one place, each paragraph's marked text wrapped in one
``<ins class="moved">``: the words the move kept, with the words inserted in
``<ins>`` and the words deleted in ``<del>`` inside it. Without the ``<ins>``
elements the new place shows nothing (the old text is at the old place);
without the ``<del>`` elements it shows the new text.

A split or merge whose parts stand apart in a draft (redline roles
``part-from`` and ``part-to``) is shown part by part: each old provision in
its own section of ``<del>`` paragraphs at its old place, each new one in its
own section of ``<ins>`` paragraphs at its new place, with links between the
parts. Its word-level changes are in the side-by-side view, which shows the
change once. A moved provision that kept fewer than half of its words is
shown the same way, as a deletion and an insertion.

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
        if item.role == "moved-to":
            return self.change_section(change, moved=True)
        return self.moved_section(change)

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
            if role == "moved-from":
                description = f"Moved: now {nums(change.new)}, shown deleted here."
            elif change.amended:
                description = f"Moved here; its changes are marked in the moved text. {change.description}"
            else:
                description = f"Moved here. {change.description}"
            children.append(annotation("span", {"class": "description"}, description))
            children.append(annotation("a", {"href": page.change_href(change, other), "class": "move-link"},
                                       f"Go to its {other} place ({nums(sides(change, other))})"))
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
        if change.kind in ("split", "merged"):
            why = "Its parts stand apart"
        else:  # a moved provision that kept few of its words
            why = "Most of its words changed, so it is not shown as a move"
        children: list[Child] = [annotation(
            "span", {"class": "description"},
            f"{change.description} {why}: {side_word} {nums(shown)} {is_are} shown {verb} here, "
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

    # a change in one place, or a move's new end

    def change_section(self, change: Change, moved: bool = False) -> Element:
        """A change in one place; with ``moved``, the new end of a move (its marks inside the moved text)."""
        role = "moved-to" if moved else "change"
        shown: tuple[Side, ...] = ("new",) if moved else SIDES
        layout = "parts" if change.parts_in_order else "new-lines" if moved else "segments"
        section = self.section(change, role, layout, shown)  # first: the section's id before its paragraphs'
        if layout == "parts":
            body = self.parts_body(change, moved)
        else:
            body = self.new_lines_body(change) if moved else self.segments_body(change)
        h.append(section, lines(*body))
        return section

    def marked(self, segments: Sequence[Segment], change: Change, moved: bool) -> list[Child]:
        """The draft text of some segments with their marks; in a move's new end, inside one ``ins.moved``."""
        nodes = self.page.segment_nodes(segments, change.id)
        if not moved or not nodes:
            return nodes
        return [h("ins", {"class": "moved", "data-change": change.id}, nodes)]

    def parts_body(self, change: Change, moved: bool = False) -> list[Element]:
        parts = list(change.parts)
        num: Element | None = None
        heading: Element | None = None
        while parts and parts[0].role in ("num", "heading"):
            part = parts.pop(0)
            span = h("span", {"class": "num" if part.role == "num" else "art-heading", **self.eid_attrs(part)},
                     self.part_badges(part), self.marked(part.segments, change, moved))
            if part.role == "num" and num is None:
                num = span
            elif part.role == "heading" and heading is None:
                heading = span
            else:  # a second num or heading: not expected, shown as a paragraph rather than lost
                parts.insert(0, part)
                break
        body: list[Element] = [self.heading(change, num, heading), self.meta(change, "moved-to" if moved else "change")]
        for part in parts:
            body.append(self.part_paragraph(change, part, moved))
        return body

    @staticmethod
    def eid_attrs(part: PartChange) -> dict[str, str | None]:
        return {
            "data-old-eid": " ".join(line.eid for line in part.old) or None,
            "data-new-eid": " ".join(line.eid for line in part.new) or None,
        }

    def part_paragraph(self, change: Change, part: PartChange, moved: bool = False) -> Element:
        """One paragraph-level part; in a move's new end (``moved``), only new paragraphs take anchors here
        (the old ones have theirs at the old place)."""
        page = self.page
        shown_lines = part.new or part.old
        first = shown_lines[0] if shown_lines else None
        reconstructed = any(line.provenance == "reconstructed" for line in (*part.old, *part.new))
        anchored: tuple[Side, ...] = ("new",) if moved else SIDES
        ident = None
        for side in ("new", "old"):
            for line in part.new if side == "new" else part.old:
                if ident is None and line.role == "block" and side in anchored:
                    ident = page.ids.take(page.anchor(side, line.eid))
        # Anchors for the other blocks of the part (a merged or split paragraph), so links to them land here.
        anchors: list[Child] = []
        for side in anchored:
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
            self.marked(part.segments, change, moved),
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

    def new_lines_body(self, change: Change) -> list[Element]:
        """A move's new end whose parts do not lay out both sides in order: its segments, cut at the new text's
        blank lines (deleted text is never cut), each paragraph laid out as the new line it shows."""
        new_lines: dict[str, list[Line]] = {}
        for line in part_lines(change, "new"):
            new_lines.setdefault(line.text, []).append(line)
        entries: list[tuple[Line | None, list[Segment]]] = []
        for paragraph in cut_paragraphs(change.segments, new_breaks=True):
            found = new_lines.get(side_text(paragraph, "new"))
            entries.append((found.pop(0) if found else None, paragraph))
        num = heading = None
        while entries:
            first, paragraph = entries[0]
            if first is not None and first.role == "num" and num is None and heading is None:
                num = h("span", {"class": "num", "data-new-eid": first.eid}, self.marked(paragraph, change, True))
            elif first is not None and first.role == "heading" and heading is None:
                heading = h("span", {"class": "art-heading", "data-new-eid": first.eid},
                            self.marked(paragraph, change, True))
            else:
                break
            entries.pop(0)
        body: list[Element] = [self.heading(change, num, heading), self.meta(change, "moved-to")]
        for entry, paragraph in entries:
            body.append(h("p", {
                "class": classes(entry.role if entry else "block", depth_class(entry.depth if entry else 0),
                                 "reconstructed" if entry and entry.provenance == "reconstructed" else None),
                "id": (self.page.ids.take(self.page.anchor("new", entry.eid))
                       if entry and entry.role == "block" else None),
                "data-new-eid": entry.eid if entry else None,
            }, self.marked(paragraph, change, True)))
        return body

    # a change wholly deleted or inserted: a move's ends, the parts of a split or merge

    def moved_section(self, change: Change) -> Element:
        """The old end of a move: the old text entirely deleted.

        Each paragraph of the old provision texts is one ``<del>``, laid out like the line of the parts
        with its text (a num in the heading, points indented) where there is one.
        """
        return self.whole_section(change, "old", "moved-from", change.old, part_lines(change, "old"), None)

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
