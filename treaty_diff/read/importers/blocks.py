"""Building the model: the parsed preface, preamble, articles and conclusions as provisions and blocks.

Every block is named by the eId convention (:mod:`treaty_diff.model.eids`):
paragraphs and points by their number, or by their position when they have
none. A paragraph whose name is taken (a second "2.", an unnumbered paragraph
where a numbered one claims its position) cannot be told apart, so its text is
joined to the paragraph before it, with a notice. An unnumbered opening
paragraph followed by numbered ones is a chapeau and its points. A block's
defined terms are found here (:mod:`treaty_diff.read.importers.definitions`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from treaty_diff.model import eids
from treaty_diff.model.draft import Block, BlockKind, Provenance, Provision, ProvisionKind
from treaty_diff.read.importers.articles import ArticleNode, Item, PointList
from treaty_diff.read.importers.definitions import DEFINITIONS_CHAPEAU, DEFINITIONS_HEADING, find_terms
from treaty_diff.read.importers.paragraphs import Notice


def simple_provision(kind: ProvisionKind, eid: str, items: list[Item], provenance: Provenance) -> Provision:
    blocks = tuple(
        Block(eids.join(eid, eids.component("p", None, n)), item.kind, None, item.body, provenance)
        for n, item in enumerate(items, start=1)
    )
    return Provision(eid=eid, kind=kind, num=None, heading=None, blocks=blocks)


def preamble_provision(items: list[Item], provenance: Provenance) -> Provision:
    blocks: list[Block] = []
    recs = eids.join("preamble", "recs")
    recital = 0
    formula = [item for item in items if item.kind == "formula"]
    others = [item for item in items if item.kind != "formula"]
    if others and len(others) == 1:
        # A preamble of one paragraph has no recitals: the opening words stand as a recital.
        others[0].kind = "recital"
    for item in others:
        if item.kind == "intro":
            blocks.append(Block(eids.join(recs, "intro"), "intro", None, item.body, provenance))
        else:
            recital += 1
            blocks.append(Block(eids.join(recs, f"rec_{recital}"), "recital", None, item.body, provenance))
    for item in formula:
        blocks.append(Block(eids.join("preamble", "formula"), "formula", None, item.body, provenance))
    return Provision(eid="preamble", kind="preamble", num=None, heading=None, blocks=tuple(blocks))


@dataclass
class _Builder:
    """Turns an article's nodes into blocks, naming each by the eId convention."""

    provenance: Provenance
    definitions: bool
    notices: list[Notice]
    label: str
    blocks: list[Block] = field(default_factory=list)

    def block(self, eid: str, kind: BlockKind, item: Item, num: str | None, depth: int,
              definition_context: bool) -> None:
        terms = find_terms(item.body, definition_context or self.definitions) if kind != "wrapup" else ()
        self.blocks.append(Block(eid, kind, num, item.body, self.provenance, depth, terms))

    def siblings(self, element: str, items: Sequence[Item | PointList]) -> list[tuple[str, Item | PointList]]:
        """Each sibling with its eId component; a sibling whose component is taken joins the one before it."""
        named: list[tuple[str, Item | PointList]] = []
        taken: set[str] = set()
        claimed = {eids.component(element, n.num) for n in items if isinstance(n, Item) and n.num}
        for node in items:
            num = node.num if isinstance(node, Item) else None
            # The position among the siblings that are written (a joined one is not).
            component = eids.component(element, num, len(named) + 1)
            if named and (component in taken or (num is None and component in claimed)):
                self._join(named[-1][1], node, component)
                continue
            taken.add(component)
            named.append((component, node))
        return named

    def _join(self, target: Item | PointList, node: Item | PointList, component: str) -> None:
        item = node if isinstance(node, Item) else (node.points[0] if node.points else None)
        if item is None:
            return
        text = " ".join(t for t in (item.num, _all_text(node)) if t)
        what = "an unnumbered paragraph" if item.num is None else f"a second {item.num}"
        self.notices.append(Notice(f"in {self.label}, {what} cannot be told apart from {component.replace('_', ' ')}"
                                   " (drafts name paragraphs by number or position); its text is joined to the "
                                   "paragraph before it", item.line))
        holder = _last_list(target)
        if holder is not None:
            if holder.wrapup is None:
                holder.wrapup = Item("wrapup", None, text, item.line)
            else:
                holder.wrapup.body += " " + text
        elif isinstance(target, Item):
            target.body += " " + text

    def item_blocks(self, eid: str, kind: BlockKind, item: Item, depth: int, definition_context: bool) -> None:
        """A paragraph or point: its own block, or (when it introduces a list) the list's intro and points."""
        if item.sub is None:
            self.block(eid, kind, item, item.num, depth, definition_context)
            return
        self.list_blocks(item.sub, eids.join(eid, "list_1"), item, depth, definition_context)

    def list_blocks(self, node: PointList, list_eid: str, intro: Item | None, depth: int,
                    definition_context: bool) -> None:
        """The blocks of a list; its points are definitions when its chapeau says so."""
        if intro is not None:
            self.block(eids.join(list_eid, "intro"), "intro", intro, intro.num, depth, definition_context)
            definition_context = definition_context or bool(DEFINITIONS_CHAPEAU.match(intro.body))
        for component, point in self.siblings("point", node.points):
            assert isinstance(point, Item)
            self.item_blocks(eids.join(list_eid, component), "point", point, depth + 1, definition_context)
        if node.wrapup:
            self.block(eids.join(list_eid, "wrapup"), "wrapup", node.wrapup, None, depth, False)


def _all_text(node: Item | PointList) -> str:
    """Every word below a node, in order, for joining it to another."""
    if isinstance(node, Item):
        parts = [node.body]
        if node.sub is not None:
            parts.append(_all_text(node.sub))
        return " ".join(parts)
    parts = []
    for point in node.points:
        parts.append(" ".join(t for t in (point.num, _all_text(point)) if t))
    if node.wrapup:
        parts.append(node.wrapup.body)
    return " ".join(parts)


def _last_list(node: Item | PointList) -> PointList | None:
    if isinstance(node, PointList):
        return node
    return node.sub


def unit_provision(unit: ArticleNode, eid: str, name: str | None, parent: str | None, provenance: Provenance,
                   notices: list[Notice], errors: list[Notice]) -> Provision:
    """An article, section or paragraph unit as a provision named ``eid``: its blocks named below it.

    The paragraphs of an article or a section are ``paragraph`` elements; those of a paragraph unit (an
    operative paragraph, a table row) are ``subparagraph`` elements.
    """
    nodes = _as_list_if_needed(unit.nodes)
    heading = unit.heading
    label = name or unit.num or eid
    if not nodes and heading:
        notices.append(Notice(f"{label} has a heading but no text; the heading is kept as its text", unit.line))
        nodes = [Item("paragraph", None, heading, unit.line)]
        heading = None
    definitions = bool(heading and DEFINITIONS_HEADING.search(heading))
    builder = _Builder(provenance, definitions, notices, label)
    child = "subparagraph" if unit.kind == "paragraph" else "paragraph"
    if len(nodes) == 1 and isinstance(nodes[0], Item) and nodes[0].num is None:
        only = nodes[0]
        if only.sub is None:
            builder.block(eid, "paragraph", only, None, 0, False)
        else:
            builder.list_blocks(only.sub, eids.join(eid, "list_1"), only, 0, False)
    elif len(nodes) == 1 and isinstance(nodes[0], PointList):
        builder.list_blocks(nodes[0], eids.join(eid, "list_1"), None, 0, False)
    else:
        for component, node in builder.siblings(child, nodes):
            para_eid = eids.join(eid, component)
            if isinstance(node, Item):
                builder.item_blocks(para_eid, "paragraph", node, 0, False)
            else:
                builder.list_blocks(node, eids.join(para_eid, "list_1"), None, 0, False)
    if not builder.blocks:
        errors.append(Notice(f"{label} has no text (a draft's articles cannot be empty)", unit.line))
    kind: ProvisionKind = "article" if unit.kind == "article" else "section" if unit.kind == "section" else \
        "paragraph"
    return Provision(eid=eid, kind=kind, num=unit.num or None, heading=heading, blocks=tuple(builder.blocks),
                     name=name, parent=parent)


def _as_list_if_needed(nodes: list[Item | PointList]) -> list[Item | PointList]:
    """An unnumbered opening paragraph followed by numbered ones ("1.", "2.") is a chapeau and its points:
    as paragraphs, the opening one would take the eId of paragraph 1."""
    if len(nodes) < 2:
        return nodes
    first, rest = nodes[0], nodes[1:]
    if not (isinstance(first, Item) and first.num is None and first.sub is None):
        return nodes
    if not all(isinstance(n, Item) and n.num is not None for n in rest):
        return nodes
    if not any(isinstance(n, Item) and n.num is not None and eids.num_value("paragraph", n.num) == "1"
               for n in rest):
        return nodes
    points = [replace(n, kind="point") for n in rest if isinstance(n, Item)]
    return [Item(first.kind, None, first.body, first.line, PointList(points, style="numeric"))]


__all__ = ["preamble_provision", "simple_provision", "unit_provision"]
