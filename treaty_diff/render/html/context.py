"""What every part of the comparison report shares: the comparison, the ids given so far, and small readers.

:class:`Page` is the state of one report being built (the comparison, the
options, the ids already used) with what several sections need: anchors
(``old-<eId>`` and ``new-<eId>``), a change's badges and the draft text of a
run of segments. The other functions read the comparison (labels, numbers,
percentages) and know nothing of the page.

Everything in ``#redline`` that is not draft text carries ``data-annotation``
(:func:`annotation`); the same badges shown elsewhere do not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from treaty_diff.model.comparison import Change, Comparison, Line, ProvisionInfo
from treaty_diff.model.draft import BLOCK_SEPARATOR, DraftMeta
from treaty_diff.model.segments import Segment
from treaty_diff.render.base import RenderOptions
from treaty_diff.render.html.builder import Attrs, Child, Element, h, spaced

Side = Literal["old", "new"]
SIDES: tuple[Side, Side] = ("old", "new")

_MAX_DEPTH = 6


# -- annotations --------------------------------------------------------------------------------------


def annotation(tag: str, attrs: Attrs | None = None, *children: Child) -> Element:
    """An element inside ``#redline`` that is not draft text."""
    node = h(tag, attrs, *children)
    node.set("data-annotation", "")
    return node


def badge(name: str, text: str | None = None, annotation: bool = True) -> Element:
    """A badge naming a kind of change (``badge badge-<name>``); an annotation when inside ``#redline``."""
    node = h("span", {"class": f"badge badge-{name}"}, text or name)
    if annotation:
        node.set("data-annotation", "")
    return node


# -- reading the comparison ---------------------------------------------------------------------------


def sides(change: Change, side: Side) -> tuple[ProvisionInfo, ...]:
    return change.old if side == "old" else change.new


def part_lines(change: Change, side: Side) -> list[Line]:
    return [line for part in change.parts for line in (part.old if side == "old" else part.new)]


def paragraphs(infos: Sequence[ProvisionInfo]) -> list[str]:
    return [text for info in infos for text in info.text.split(BLOCK_SEPARATOR) if text]


def cut_paragraphs(segments: Iterable[Segment], *, every_break: bool = False,
                   new_breaks: bool = False) -> list[list[Segment]]:
    """Cut a segment stream into paragraphs at its blank lines: all of them (``every_break``), those of the new
    text (``new_breaks``: equal and insert segments, so that deleted text is never cut), or only those of equal
    segments (the breaks both sides share), so that insert and delete segments are never cut."""
    cutting = {"equal", "insert", "delete"} if every_break else {"equal", "insert"} if new_breaks else {"equal"}
    out: list[list[Segment]] = [[]]
    for segment in segments:
        if segment.op not in cutting or BLOCK_SEPARATOR not in segment.text:
            if segment.text:
                out[-1].append(segment)
            continue
        for index, piece in enumerate(segment.text.split(BLOCK_SEPARATOR)):
            if index:
                out.append([])
            if piece:
                out[-1].append(Segment(segment.op, piece))
    return [p for p in out if p]


def label(change: Change) -> str:
    old = ", ".join(info.label for info in change.old)
    new = ", ".join(info.label for info in change.new)
    if not old or old == new:
        return capital(new or old)
    if not new:
        return capital(old)
    return f"{capital(old)} → {new}"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def nums(infos: Sequence[ProvisionInfo]) -> str:
    return ", ".join(capital(info.label) for info in infos)


def percent(value: float) -> str:
    return f"{round(value * 100)} %"


def depth_class(depth: int) -> str | None:
    return f"depth-{min(depth, _MAX_DEPTH)}" if depth > 0 else None


def short(meta: DraftMeta) -> str:
    """A draft as the page names it: its short title (or title), with its symbol and date."""
    name = meta.short_title or meta.title
    details = ", ".join(x for x in (meta.symbol, meta.date) if x)
    return f"{name} ({details})" if details else name


# -- the page being built -----------------------------------------------------------------------------


@dataclass
class Ids:
    """The ids used in the page, so each is given once; anchors are ``old-<eId>`` and ``new-<eId>``."""

    used: set[str]

    def take(self, wanted: str) -> str | None:
        if wanted in self.used:
            return None
        self.used.add(wanted)
        return wanted


class Page:
    """The state of one report built from one comparison, and what its sections share."""

    def __init__(self, comparison: Comparison, options: RenderOptions) -> None:
        self.comparison = comparison
        self.options = options
        self.ids = Ids(set())
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
        infos = sides(change, side)
        return "#" + self.anchor(side, infos[0].eid)

    # shared pieces

    @staticmethod
    def badges(change: Change, annotation: bool = True) -> list[Child]:
        names: list[str] = [change.kind]
        if change.renumbered:
            names.append("renumbered")
        if change.moved:
            names.append("moved")
        if change.reconstructed:
            names.append("reconstructed")
        return spaced([badge(name, annotation=annotation) for name in names])

    def old_language(self) -> str | None:
        """The ``lang`` of old draft text: the old draft's language when the drafts' languages differ."""
        return self.comparison.old.language if self.languages_differ else None

    def segment_nodes(self, segments: Iterable[Segment], change_id: str) -> list[Child]:
        """Draft text of a redline: equal as text, insert as ``<ins>``, delete as ``<del>``.

        A mark right after the other kind (a replacement, "is playing" then "plays") gets the class
        ``after-mark`` so the stylesheet can keep the two apart without adding text.
        """
        out: list[Child] = []
        old_lang = self.old_language()
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
