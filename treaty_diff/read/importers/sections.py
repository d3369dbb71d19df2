"""The body of a document: its units (articles, sections, paragraphs) and the divisions that hold them.

Structure is found where it exists and never required. The scheme of a
document (:func:`find_scheme`) is, in this order of preference:

1. ``article``: it has article headings ("Article 1", "Статья 1", "第一条", ...);
2. ``section``: it has numbered sections or clauses ("Section 2", "Rule 3",
   "1. DEFINITIONS", "2.1 Scope"), or headings styled as such in a DOCX;
3. ``paragraph``: a resolution's operative paragraphs ("1. Reaffirms ...;"),
   or, as the last resort, each paragraph (and each table row) is a unit.

Parts, chapters, titles, books and annexes (and, among articles, sections)
are divisions (:class:`Division`): they hold the units after them until a
division of their rank or above. Text in a division before its first unit is
made of paragraph units, as in a document without structure (an annex's
table: a unit per row). A section heading that has no text of its own and is
followed by deeper sections ("2. TERM" before "2.1 Scope") is a division too.

The units are :class:`~treaty_diff.read.importers.articles.ArticleNode`
values filled by :func:`~treaty_diff.read.importers.articles.place_paragraph`;
:mod:`.blocks` turns them into provisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from treaty_diff.model import eids
from treaty_diff.model.draft import Provenance, Provision
from treaty_diff.model.numbers import number_value
from treaty_diff.read.importers.articles import ArticleNode, Item, place_paragraph, start_article
from treaty_diff.read.importers.blocks import unit_provision
from treaty_diff.read.importers.headings import (
    ARTICLE_LINE,
    DIVISION_ELEMENTS,
    DIVISION_LINE,
    NUMBERED_HEADING,
    SECTION_LINE,
    division_kind,
    looks_like_heading,
    unmarked,
)
from treaty_diff.read.importers.paragraphs import PARAGRAPH_NUM, POINT_NUM, Notice, Paragraph

Scheme = Literal["article", "section", "paragraph"]

#: How many numbered headings (or DOCX headings) make a document one of sections rather than paragraphs.
MIN_SECTIONS = 2


def find_scheme(paragraphs: Sequence[Paragraph]) -> Scheme:
    """The units of a document: articles if it has any, else sections if it has them, else paragraphs."""
    if any(ARTICLE_LINE.match(p.text) and p.cell is None for p in paragraphs):
        return "article"
    words = sum(1 for p in paragraphs if SECTION_LINE.match(p.text) and p.cell is None)
    headings = sum(1 for p in paragraphs if section_heading(p) is not None)
    if words >= 1 or headings >= MIN_SECTIONS:
        return "section"
    return "paragraph"


def section_heading(para: Paragraph) -> tuple[str | None, str | None] | None:
    """(num, heading) of a paragraph that heads a section, or None.

    "Section 2", "Rule 3. Scope", "1. DEFINITIONS", "2.1 Scope" (a number with a full stop or a sub-number, or
    any number on a paragraph styled as a heading), and, in a DOCX, an unnumbered paragraph styled as a heading.
    """
    if para.cell is not None or para.listed:
        return None
    text = para.text
    word = SECTION_LINE.match(text)
    if word:
        rest = word.group("rest")
        return word.group("num"), rest if rest and looks_like_heading(rest) else None
    numbered = NUMBERED_HEADING.match(text)
    styled = para.style == "heading"
    if numbered and (numbered.group("num").endswith(".") or "." in numbered.group("num") or styled) \
            and looks_like_heading(numbered.group("rest"), styled) and not _is_date(numbered.group("rest")):
        return numbered.group("num"), numbered.group("rest")
    if styled and not PARAGRAPH_NUM.match(text) and not POINT_NUM.match(text) and looks_like_heading(text, True):
        return None, text
    return None


_MONTHS = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                     r"\b", re.IGNORECASE)


def _is_date(rest: str) -> bool:
    return bool(_MONTHS.match(rest))


def _depth(num: str | None) -> int:
    """How deep a section's number is: "I." and "A." 0 (they head numbered sections), "1." and "Section 2" 1,
    "2.1" 2, "2.1.3" 3."""
    if num is None:
        return 1
    token = num.split()[-1].rstrip(".")
    if re.fullmatch(r"[IVXLC]+|[A-Z]", token):
        return 0
    return token.count(".") + 1


@dataclass
class Division:
    """A part, chapter, title, book, section (among articles) or annex: a heading that holds units."""

    kind: str
    num: str | None
    heading: str | None
    line: int
    rank: int
    parent: Division | None = None
    eid: str = ""
    name: str | None = None
    """How reports name it, when its num and heading do not say ("Chapter 2 Licensing" for a chapter numbered 2)."""


@dataclass
class Conclusions:
    """The final clause: from "IN WITNESS WHEREOF", "DONE at", a signature line, to the end (or an annex)."""

    items: list[Item] = field(default_factory=list)
    closed: bool = False


Node = ArticleNode | Division | Conclusions


@dataclass
class Body:
    """Builds the body: each paragraph after the preamble goes to a unit, a division or the conclusions."""

    scheme: Scheme
    notices: list[Notice]
    resolution: bool = False
    """Whether the document has a preamble: its numbered paragraphs are then operative paragraphs."""
    numbered: bool = False
    """Paragraph units are numbered ("1.", "2."): an unnumbered paragraph goes on the one before it."""
    nodes: list[Node] = field(default_factory=list)
    units: list[ArticleNode] = field(default_factory=list)
    parents: dict[int, Division] = field(default_factory=dict)
    """The division of each unit, by ``id()`` of the unit."""
    current: ArticleNode | None = None
    division: Division | None = None
    conclusions: Conclusions | None = None
    seen: dict[int, dict[str, ArticleNode]] = field(default_factory=dict)
    """The articles seen in each division (by ``id()`` of the division, 0 for none), by eId component."""

    def add(self, para: Paragraph, signature: bool, conclusion: bool) -> bool:
        """Place one paragraph; False when it is text before the first unit that the caller keeps elsewhere
        (the preamble, in a document of articles)."""
        text = para.text
        division = DIVISION_LINE.match(text) if para.cell is None and not para.listed else None
        if division and division_kind(division) == "section" and self.scheme != "article":
            division = None
        if division and self.conclusions is not None and not self.conclusions.closed:
            self.conclusions.closed = True  # an annex after the signatures
        if self.conclusions is not None and not self.conclusions.closed:
            self.conclusions.items.append(Item("p", None, para.full, para.line))
            return True
        if self.conclusions is None and (conclusion or (signature and self.units)):
            self.conclusions = Conclusions([Item("p", None, para.full, para.line)])
            self.nodes.append(self.conclusions)
            self.current = None
            return True
        if division:
            self._open_division(division, para)
            return True
        last = self.nodes[-1] if self.nodes else None
        if isinstance(last, Division) and last.heading is None and para.cell is None and not para.listed \
                and looks_like_heading(text, para.style == "heading") and not self._starts_unit(para):
            last.heading = para.full  # "PART I" on a line, "GENERAL PROVISIONS" on the next
            return True
        return self._unit_text(para)

    def _starts_unit(self, para: Paragraph) -> bool:
        """Whether a paragraph heads a unit of the document's scheme (an article, a section, a numbered
        paragraph)."""
        if self.scheme == "article":
            return ARTICLE_LINE.match(para.text) is not None
        if self.scheme == "section":
            return section_heading(para) is not None
        return PARAGRAPH_NUM.match(para.text) is not None or POINT_NUM.match(para.text) is not None

    def _open_division(self, match: re.Match[str], para: Paragraph) -> None:
        kind = division_kind(match)
        rank = DIVISION_ELEMENTS[kind][1]
        parent = self.division
        while parent is not None and (rank == 0 or parent.rank >= rank):
            parent = parent.parent
        heading, sep = match.group("rest"), (match.group("sep") or "").strip()
        num = match.group("num")
        first: str | None = None
        if heading is not None:
            heading += (match.group("dot") or "") + match.group("marks")
        else:
            num += (match.group("dot") or "") + match.group("marks")
        if heading is not None and not sep and not looks_like_heading(heading):
            heading, first = None, heading  # "ANNEX The Parties shall ...": the division's first paragraph
        if first is None and para.notes:
            heading = (heading or "") + para.notes if heading else para.notes.strip()
        division = Division(kind, num, heading, para.line, rank, parent)
        self.nodes.append(division)
        self.division, self.current = division, None
        if first is not None:
            self._unit_text(Paragraph(first, para.line, notes=para.notes))

    def _add_unit(self, unit: ArticleNode) -> None:
        self.nodes.append(unit)
        self.units.append(unit)
        if self.division is not None:
            self.parents[id(unit)] = self.division
        self.current = unit

    def _unit_text(self, para: Paragraph) -> bool:
        text = para.text
        article = ARTICLE_LINE.match(text) if para.cell is None else None
        if self.scheme == "article" and article:
            self._start_article(article, para)
            return True
        if self.scheme == "section":
            heading = section_heading(para)
            if heading is not None:
                self._start_section(heading, para)
                return True
        current = self.current
        if current is not None and current.kind != "paragraph":
            place_paragraph(current, para, self.notices)
            return True
        if current is None and self.scheme == "article" and self.division is None and not self.units:
            return False
        if current is not None and self._continues(current, para):
            if para.cell is not None:
                current.nodes.append(Item("paragraph", None, para.full, para.line))
            else:
                place_paragraph(current, para, self.notices)
            return True
        self._start_paragraph(para)
        return True

    def _continues(self, unit: ArticleNode, para: Paragraph) -> bool:
        """Whether a paragraph goes on the paragraph unit before it rather than starting one."""
        if para.cell is not None or unit.cell is not None:
            return para.cell is not None and para.cell == unit.cell
        if PARAGRAPH_NUM.match(para.text):
            return False
        if POINT_NUM.match(para.text) or para.listed:
            return True
        if self.numbered and unit.num:
            return True
        last = unit.nodes[-1] if unit.nodes else None
        if isinstance(last, Item) and last.sub is None and unmarked(last.body).endswith((":", "：")):
            return True
        top = unit.stack[-1] if unit.stack else None
        return top is not None and top.style == "plain" and not unmarked(top.points[-1].body).endswith((".", "。"))

    def _start_article(self, match: re.Match[str], para: Paragraph) -> None:
        seen = self.seen.setdefault(id(self.division) if self.division is not None else 0, {})
        previous = self.current or (self.units[-1] if self.units else None)
        unit = start_article(match, para, seen, previous, self.notices)
        if unit is not None:
            self._add_unit(unit)

    def _start_section(self, heading: tuple[str | None, str | None], para: Paragraph) -> None:
        num, title = heading
        if para.notes:
            title = (title or "") + para.notes if title else para.notes.strip()
        unit = ArticleNode(num or "", title, para.line, kind="section", depth=_depth(num))
        self._add_unit(unit)

    def _start_paragraph(self, para: Paragraph) -> None:
        number = PARAGRAPH_NUM.match(para.text) if para.cell is None else None
        unit = ArticleNode(number.group("num") if number else "", None, para.line, kind="paragraph",
                           cell=para.cell)
        self._add_unit(unit)
        if number:
            unit.nodes.append(Item("paragraph", None, number.group("body") + para.notes, para.line))
        elif POINT_NUM.match(para.text) and para.cell is None:
            place_paragraph(unit, para, self.notices)
        else:
            unit.nodes.append(Item("paragraph", None, para.full, para.line))

    # -- the provisions --------------------------------------------------------------------------------

    def provisions(self, provenance: Provenance, errors: list[Notice],
                   conclusions: Callable[[list[Item]], Provision]) -> list[Provision]:
        """The units, divisions and conclusions in document order, named and numbered."""
        self._sections_as_divisions()
        names = _Names(self.resolution)
        taken: set[str] = set()
        counts: dict[tuple[int, str], int] = {}
        out: list[Provision] = []
        for node in self.nodes:
            if isinstance(node, Division):
                out.append(self._division_provision(node, provenance, taken, counts))
            elif isinstance(node, Conclusions):
                out.append(conclusions(node.items))
                # followed by an annex, the conclusions are an hcontainer of the body: the annex's position counts it
                counts[(id(None), "hcontainer")] = counts.get((id(None), "hcontainer"), 0) + 1
            else:
                division = self.parents.get(id(node))
                parent = division.eid if division is not None else None
                component, name = names.of(node)
                eid = _unique(component, parent, taken)
                if eid != component and division is not None and name is None:
                    # "Article 1" again, in an annex: named with its division
                    name = f"{_division_name(division) or division.num or 'annex'}, {node.num}"
                out.append(unit_provision(node, eid, name, parent, provenance, self.notices, errors))
        return out

    def _division_provision(self, division: Division, provenance: Provenance, taken: set[str],
                            counts: dict[tuple[int, str], int]) -> Provision:
        element = DIVISION_ELEMENTS[division.kind][0]
        parent = division.parent.eid if division.parent is not None else None
        key = (id(division.parent), element)
        counts[key] = counts.get(key, 0) + 1
        component = eids.component(element, division.num, counts[key])
        division.eid = _unique(eids.join(parent, component), None, taken, nested=True)
        return Provision(eid=division.eid, kind="division", num=division.num or None, heading=division.heading,
                         blocks=(), name=_division_name(division),
                         parent=parent, provenance=provenance)

    def _sections_as_divisions(self) -> None:
        """A section without text of its own, followed by deeper sections, is a division that holds them."""
        stack: list[tuple[int, Division]] = []
        result: list[Node] = []
        for index, node in enumerate(self.nodes):
            if not isinstance(node, ArticleNode) or node.kind != "section":
                if isinstance(node, Division):
                    stack.clear()
                result.append(node)
                continue
            while stack and stack[-1][0] >= node.depth:
                stack.pop()
            following = self.nodes[index + 1] if index + 1 < len(self.nodes) else None
            outer = stack[-1][1] if stack else self.parents.get(id(node))
            if not node.nodes:
                # "2. TERM" (a number alone) is a division; "Section 2" a section that holds sections
                kind = "section" if node.num and SECTION_LINE.match(node.num) else "division"
                division = Division(kind, node.num or None, node.heading, node.line, 10 + node.depth, outer)
                if isinstance(following, ArticleNode) and following.kind == "section" \
                        and following.depth > node.depth:
                    stack.append((node.depth, division))
                result.append(division)
                continue
            if outer is not None:
                self.parents[id(node)] = outer
            result.append(node)
        self.nodes = result


def _division_name(division: Division) -> str | None:
    """How reports name a division when its num does not ("I. CORE PROVISIONS", or its heading alone)."""
    if division.name:
        return division.name
    heading = (division.heading or "")[:60]
    if not division.num:
        return heading or None
    if division.heading and number_value(division.num.rstrip(".")) is not None:
        return f"{division.num} {heading}"  # "I." and "2." say little alone
    return None


def _unique(component: str, parent: str | None, taken: set[str], nested: bool = False) -> str:
    """A unit's eId: its own component, else prefixed with its division's eId, else with a counter."""
    candidates = [component] if nested or parent is None else [component, eids.join(parent, component)]
    for candidate in candidates:
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    base = candidates[-1]
    count = 2
    while f"{base}-{count}" in taken:
        count += 1
    taken.add(f"{base}-{count}")
    return f"{base}-{count}"


@dataclass
class _Names:
    """eIds and the names reports use for units: "operative paragraph 3", "Section 2.1", "paragraph 4"."""

    resolution: bool
    positions: dict[str, int] = field(default_factory=dict)

    def of(self, node: ArticleNode) -> tuple[str, str | None]:
        """The unit's eId component and its name (None where its num names it: "Article 5", "Rule 3")."""
        element = node.kind
        position = self.positions[element] = self.positions.get(element, 0) + 1
        component = eids.component(element, node.num or None, position)
        if node.kind == "article":
            return component, None
        if node.kind == "section":
            if not node.num:
                return component, (node.heading or "")[:60] or f"section {position}"
            return component, f"Section {node.num.rstrip('.')}" if node.num[0].isdigit() else None
        if node.cell is not None:
            return component, f"table {node.cell[0]}, row {node.cell[1]}"
        if node.num:
            number = node.num.rstrip(".)")
            return component, f"operative paragraph {number}" if self.resolution else f"paragraph {number}"
        return component, f"paragraph {position}"


__all__ = ["MIN_SECTIONS", "Body", "Conclusions", "Division", "Scheme", "find_scheme", "section_heading"]
