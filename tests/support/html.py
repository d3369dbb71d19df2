"""Reading the HTML redline back: parse it, take one side of it, count its marks, measure colour contrast."""

from __future__ import annotations

from collections.abc import Mapping

import lxml.html

from treaty_diff.model.comparison import Comparison

Doc = lxml.html.HtmlElement


def parse(html: str) -> Doc:
    return lxml.html.document_fromstring(html)


def normalise(text: str) -> str:
    return " ".join(text.split())


def side_text(doc: Doc, drop: str) -> str:
    """The text of #redline without ``drop`` ("ins" or "del") elements and without annotations."""
    redline = lxml.html.fromstring(lxml.html.tostring(doc.get_element_by_id("redline")))
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
    """The layout ("parts" or "segments") each change shown in full was drawn from, as the page says."""
    return {s.get("data-change"): s.get("data-layout")
            for s in doc.xpath('//*[@id="redline"]/section[@data-role="change"]')}


def expected_marks(comparison: Comparison, layout: Mapping[str, str], op: str) -> int:
    """How many <ins> (op "insert") or <del> (op "delete") the redline should hold, from the Comparison alone.

    A change shown in full: one per non-empty segment of that op, from its parts or (when ``layout`` says it
    was drawn from them) its own segments. A moved provision: one per paragraph at the end of that op.
    """
    total = 0
    for item in comparison.redline:
        change = comparison.change(item.change_id)
        if item.role == "change":
            if layout[change.id] == "parts":
                segments = [s for part in change.parts for s in part.segments]
            else:
                assert layout[change.id] == "segments"
                segments = list(change.segments)
            total += sum(1 for s in segments if s.op == op and s.text)
        elif (item.role == "moved-from") == (op == "delete"):
            infos = change.old if item.role == "moved-from" else change.new
            total += sum(1 for info in infos for para in info.text.split("\n\n") if para)
    return total


def contrast(foreground: str, background: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)

