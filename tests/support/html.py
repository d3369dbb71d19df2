"""Reading the HTML redline back: parse it, take one side of it, count its marks, measure colour contrast."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import lxml.html

from support.typed import attribute, xpath_elements
from treaty_diff.model.comparison import Comparison

# A parsed page: an lxml.html.HtmlElement. lxml-stubs types lxml.html only loosely: it declares no HtmlElement
# (the module's __getattr__ makes the name Any) and has document_fromstring() return a plain etree._Element,
# without text_content(), get_element_by_id(), find_class() or drop_tree(). So a page is typed Any; where a
# test needs a checked value it uses the helpers of support.typed (xpath_elements, xpath_strings, text_of).
Doc = Any


def parse(html: str) -> Doc:
    return lxml.html.document_fromstring(html)


def normalise(text: str) -> str:
    return " ".join(text.split())


def side_text(doc: Doc, drop: str) -> str:
    """The text of #redline without ``drop`` ("ins" or "del") elements and without annotations."""
    redline: Doc = lxml.html.fromstring(lxml.html.tostring(doc.get_element_by_id("redline")))
    for element in redline.xpath(f"//{drop} | //*[@data-annotation]"):
        if element.getparent() is not None:
            element.drop_tree()  # keeps the tail: the text after the element is not part of it
    return normalise(redline.text_content())


def old_texts(comparison: Comparison, eids: list[str]) -> str:
    infos = {info.eid: info for change in comparison.changes for info in change.old}
    return normalise("\n\n".join(infos[eid].text for eid in eids))


def new_texts(comparison: Comparison, eids: list[str]) -> str:
    infos = {info.eid: info for change in comparison.changes for info in change.new}
    return normalise("\n\n".join(infos[eid].text for eid in eids))


def layouts(doc: Doc) -> dict[str, str]:
    """The layout ("parts", "segments" or "new-lines") each change shown in full, or each move's new end, was
    drawn from, as the page says."""
    return {attribute(s, "data-change"): attribute(s, "data-layout")
            for s in xpath_elements(doc, '//*[@id="redline"]/section[@data-role="change" or @data-role="moved-to"]')}


def expected_marks(comparison: Comparison, layout: Mapping[str, str], op: str) -> int:
    """How many <ins> (op "insert") or <del> (op "delete") the redline should hold, from the Comparison alone,
    not counting the ``ins.moved`` that wrap each paragraph of a move's new end.

    A change shown in full, or a move's new end: one per non-empty segment of that op, from its parts or (when
    ``layout`` says it was drawn from them) its own segments; a move's new end drawn from its segments cuts
    insertions at each paragraph break ("new-lines"). A move's old end and each part of a split or merge shown
    apart: one per paragraph.
    """
    total = 0
    for item in comparison.redline:
        change = comparison.change(item.change_id)
        if item.role in ("change", "moved-to"):
            if layout[change.id] == "parts":
                segments = [s for part in change.parts for s in part.segments]
            else:
                assert layout[change.id] == ("new-lines" if item.role == "moved-to" else "segments")
                segments = list(change.segments)
            if layout[change.id] == "new-lines" and op == "insert":
                total += sum(1 for s in segments if s.op == op for piece in s.text.split("\n\n") if piece)
            else:
                total += sum(1 for s in segments if s.op == op and s.text)
        elif (item.role in ("moved-from", "part-from")) == (op == "delete"):
            infos = comparison.shown(item, item.sides[0])
            total += sum(1 for info in infos for para in info.text.split("\n\n") if para)
    return total


def contrast(foreground: str, background: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)

