"""Akoma Ntoso 3.0 documents written by other tools: acts and bills with their hierarchy (as legislative
drafting systems emit them), a ``doc``, a ``statement``, and anything else with a body.

Our own subset (docs/draft-format.md) is read by :mod:`.reader`, strictly. A document without our metadata
(``meta/proprietary/td:draft``) comes here, and is read for its text, leniently:

- the preface's and the conclusions' blocks are the title and the final clause; the preamble's recitals,
  citations, containers and formula its blocks;
- in the body, the units are the articles if there are any, else the sections, else the top-level
  paragraphs (else each block of text); the hierarchical elements above them (part, chapter, title, book,
  division, a section above articles, hcontainer, ...) are divisions; everything below a unit is its blocks
  (subsections, paragraphs, points, lists with their intro and wrap-up), nested as they are;
- an attachment (an annex, a schedule) is a division of its own that holds its text;
- what has no place in our model (a table, a block list, a quoted structure, an element we do not know) is
  kept as text, each row or block one block, and warned of by name with a count; nothing is dropped.

The eIds are made as for an imported text (:mod:`treaty_diff.read.importers.sections`): the document's own
may not follow the naming convention. The text is taken to be verbatim, with a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from copy import deepcopy
from dataclasses import dataclass, field, replace

from lxml import etree

from treaty_diff.model.draft import Draft, DraftMeta, Provenance, Source
from treaty_diff.model.numbers import number_value
from treaty_diff.read.akn.names import AKN_NS, LANGUAGE_FROM_AKN
from treaty_diff.read.importers.articles import ArticleNode, Item, PointList
from treaty_diff.read.importers.blocks import preamble_provision, simple_provision
from treaty_diff.read.importers.docx_content import superscript
from treaty_diff.read.importers.paragraphs import Notice
from treaty_diff.read.importers.sections import Body, Conclusions, Division, Scheme

_A = f"{{{AKN_NS}}}"
_WS = re.compile(r"\s+")

#: Hierarchical elements that hold others: as divisions, the kind (docs/draft-format.md) each becomes.
_CONTAINERS = {
    "book": "book", "tome": "book", "part": "part", "subpart": "part", "title": "title", "subtitle": "title",
    "chapter": "chapter", "subchapter": "chapter", "division": "division", "subdivision": "division",
    "section": "section", "subsection": "section", "hcontainer": "division", "clause": "division",
}
#: Elements below a unit that hold its numbered blocks (one level down each).
_LEVELS = {"paragraph", "subparagraph", "subsection", "point", "indent", "alinea", "clause", "subclause",
           "list", "proviso", "rule", "subrule", "sublist", "item", "article", "section", "hcontainer",
           "level", "transitional"}
#: Elements that stand for one block of text each.
_BLOCKS = {"p", "block", "foreign", "toc", "longTitle", "tblock", "formula", "citation", "recital"}
#: Elements whose text is kept, and which are said to be read as text.
_AS_TEXT = {"table", "blockList", "ul", "ol", "blockContainer", "embeddedStructure", "quotedStructure",
            "componentRef", "crossHeading", "subheading"}
_SKIP = {"num", "heading", "meta", "eol", "eop", "img"}


def has_own_metadata(root: etree._Element) -> bool:
    """Whether a document carries treaty-diff's metadata (then it is read strictly, as our subset)."""
    return root.find(f"{_A}*/{_A}meta/{_A}proprietary/{{urn:x-treaty-diff:akn-proprietary:1}}draft") is not None


def _text(element: etree._Element) -> str:
    """The text of an element; an authorial note's marker stays where it stands (raised, as the DOCX reader
    writes marks) and its text follows the element's, after the marker."""
    notes: list[str] = []
    text = _WS.sub(" ", "".join(_pieces(element, notes))).strip()
    return " ".join([text, *notes]) if notes else text


def _pieces(element: etree._Element, notes: list[str]) -> list[str]:
    out = [element.text or ""]
    for child in element:
        if _local(child) == "authorialNote":
            marker = superscript(child.get("marker") or "*")
            out.append(marker)
            notes.append(f"{marker} {_text(child)}")
        elif isinstance(child.tag, str):
            out.extend(_pieces(child, notes))
        out.append(child.tail or "")
    return out


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


@dataclass
class _Reader:
    location: str
    provenance: Provenance
    notices: list[Notice] = field(default_factory=list)
    as_text: Counter[str] = field(default_factory=Counter)

    # -- blocks ----------------------------------------------------------------------------------------------

    def blocks(self, element: etree._Element, depth: int, num: str | None = None) -> list[tuple[str | None, str, int]]:
        """The text below ``element`` as (num, text, depth) triples, in order; ``num`` goes to its first."""
        out: list[tuple[str | None, str, int]] = []
        for child in element:
            name = _local(child)
            if not name or name in _SKIP:
                continue
            if name in ("intro", "wrapUp", "content", "recitals", "citations", "container"):
                out.extend(self.blocks(child, depth))
            elif name in _LEVELS:
                level = depth + (0 if name == "list" else 1)
                inner = self.blocks(child, level)
                heading = self._heading(child)
                if heading is not None:
                    inner.insert(0, (None, heading, level))
                own = self._num(child)
                if own is not None and inner:
                    inner[0] = (own, inner[0][1], inner[0][2])
                out.extend(inner)
            elif name in ("table", "blockList", "ul", "ol"):
                self.as_text[f"<{name}>"] += 1
                rows = child.iter(_A + "tr") if name == "table" else (c for c in child if _local(c) in
                                                                      ("item", "li"))
                texts = (" ".join(t for t in (_text(cell) for cell in row if _local(cell) in ("td", "th")) if t)
                         or _text(row) for row in rows)
                out.extend((None, text, depth) for text in texts if text)
            else:
                if name not in _BLOCKS:
                    self.as_text[f"<{name}>"] += 1
                if _text(child):
                    out.append((None, _text(child), depth))
        if num is not None and out and out[0][0] is None:
            out[0] = (num, out[0][1], out[0][2])
        return out

    @staticmethod
    def _num(element: etree._Element) -> str | None:
        num = element.find(_A + "num")
        return _text(num) or None if num is not None else None

    # -- the body --------------------------------------------------------------------------------------------

    def body(self, holder: etree._Element, body: Body, unit: str, parent: Division | None) -> None:
        """Fill ``body`` from a body, mainBody or division: divisions, units, and text between them."""
        loose: list[tuple[str | None, str, int]] = []

        def flush() -> None:
            for num, text, _ in loose:
                node = ArticleNode(num or "", None, 0, kind="paragraph", nodes=[Item("paragraph", None, text, 0)])
                self._add(body, node, parent)
            loose.clear()

        for child in holder:
            name = _local(child)
            if not name or name in _SKIP:
                continue
            if name == unit or (unit == "paragraph" and name in _LEVELS and name not in _CONTAINERS):
                flush()
                self._unit(child, body, parent, "article" if unit == "article" else
                           "section" if unit == "section" else "paragraph")
            elif name in _CONTAINERS and self._holds(child, unit):
                flush()
                num = self._num(child)
                division = Division(_CONTAINERS[name] if name != "hcontainer" else self._hcontainer(child),
                                    num, self._heading(child), 0, 0, parent)
                if num is not None and number_value(num.rstrip(".")) is not None:  # "2": a Chapter 2
                    division.name = " ".join(t for t in (f"{name.capitalize()} {num.rstrip('.')}",
                                                         division.heading) if t)
                body.nodes.append(division)
                self.body(child, body, unit, division)
            else:
                loose.extend(self._loose(child))
        flush()

    def _loose(self, child: etree._Element) -> list[tuple[str | None, str, int]]:
        """Text between units: paragraphs of their own."""
        name = _local(child)
        if name in _BLOCKS:
            return [(None, _text(child), 0)] if _text(child) else []
        wrapper = etree.Element(_A + "content")
        wrapper.append(deepcopy(child))
        return self.blocks(wrapper, 0)

    def _holds(self, element: etree._Element, unit: str) -> bool:
        return any(_local(e) == unit for e in element.iter(_A + "*")) or unit == "paragraph"

    @staticmethod
    def _hcontainer(element: etree._Element) -> str:
        name = (element.get("name") or "").casefold()
        return "annex" if any(w in name for w in ("annex", "schedule", "appendix", "attachment")) else "division"

    @staticmethod
    def _heading(element: etree._Element) -> str | None:
        heading = element.find(_A + "heading")
        return _text(heading) or None if heading is not None else None

    def _unit(self, element: etree._Element, body: Body, parent: Division | None, kind: str) -> None:
        triples = self.blocks(element, 0)
        node = ArticleNode(self._num(element) or "", self._heading(element), 0, kind=kind)
        node.nodes = _nest(triples)
        if not node.nodes and node.heading is None:
            return  # a unit without text (a repealed section's empty shell): nothing to compare
        self._add(body, node, parent)

    @staticmethod
    def _add(body: Body, node: ArticleNode, parent: Division | None) -> None:
        body.nodes.append(node)
        body.units.append(node)
        if parent is not None:
            body.parents[id(node)] = parent


def _nest(triples: list[tuple[str | None, str, int]]) -> list[Item | PointList]:
    """(num, text, depth) triples as the parser's nodes: the shallowest are the unit's paragraphs, each deeper one
    a point of a list under the item before it."""
    base = min((depth for _, _, depth in triples), default=0)
    nodes: list[Item | PointList] = []
    stack: list[tuple[int, Item]] = []
    for num, text, depth in triples:
        while stack and stack[-1][0] >= depth - base:
            stack.pop()
        item = Item("point" if stack else "paragraph", num, text, 0)
        if stack:
            owner = stack[-1][1]
            owner.sub = owner.sub or PointList(style="plain")
            owner.sub.points.append(item)
        else:
            nodes.append(item)
        stack.append((depth - base, item))
    return nodes


def read_foreign(root: etree._Element, location: str) -> tuple[Draft, list[str]]:
    """A draft from an Akoma Ntoso document that another tool wrote, and the warnings of reading it."""
    doc = next((child for child in root if isinstance(child.tag, str)), root)
    kind = _local(doc)
    source = Source("akn", f"Read by treaty-diff from {location}, an Akoma Ntoso document written by another tool "
                           f"({kind}); verbatim, assumed.")
    reader = _Reader(location, Provenance("verbatim", source))
    meta = _meta(doc, kind, location, source)
    provisions = []
    preface = doc.find(_A + "preface")
    if preface is not None:
        items = [Item("p", None, text, 0) for _, text, _ in reader.blocks(preface, 0)]
        doc_title = preface.find(f".//{_A}docTitle")
        for item in items:
            if doc_title is not None and _text(doc_title) and _text(doc_title) in item.body:
                item.kind = "title"
                break
        if items:
            provisions.append(simple_provision("title", "preface", items, reader.provenance))
    preamble = doc.find(_A + "preamble")
    if preamble is not None:
        recitals = [Item("recital", None, text, 0) for _, text, _ in reader.blocks(preamble, 0)]
        first = next((child for child in preamble if isinstance(child.tag, str)), None)
        if recitals and first is not None and _local(first) == "p" and len(recitals) > 1:
            recitals[0].kind = "intro"  # "The General Assembly," before the preambular paragraphs
        formula = preamble.find(_A + "formula")
        if formula is not None and recitals and _text(formula) == recitals[-1].body:
            recitals[-1].kind = "formula"
        if recitals:
            provisions.append(preamble_provision(recitals, reader.provenance))
    main = doc.find(_A + "body")
    if main is None:
        main = doc.find(_A + "mainBody")
    if main is None:
        main = next((c for c in doc if _local(c).endswith("Body")), None)
    scheme: Scheme = "paragraph"
    unit = "paragraph"
    if main is not None:
        if main.find(f".//{_A}article") is not None:
            scheme, unit = "article", "article"
        elif main.find(f".//{_A}section") is not None:
            scheme, unit = "section", "section"
    body = Body(scheme, reader.notices, resolution=kind == "statement")
    if main is not None:
        reader.body(main, body, unit, None)
    conclusions = doc.find(_A + "conclusions")
    if conclusions is not None:
        items = [Item("p", None, text, 0) for _, text, _ in reader.blocks(conclusions, 0)]
        if items:
            body.nodes.append(Conclusions(items, closed=True))
    for number, attachment in enumerate(doc.iterfind(f"{_A}attachments/{_A}attachment"), start=1):
        inner = next((c for c in attachment if _local(c) in ("doc", "act", "bill", "statement")), attachment)
        title = inner.find(f".//{_A}docTitle")
        division = Division("annex", None, _text(title) if title is not None else f"attachment {number}", 0, 0)
        body.nodes.append(division)
        holder = inner.find(_A + "mainBody") if inner.find(_A + "mainBody") is not None else inner.find(_A + "body")
        reader.body(holder if holder is not None else inner, body, "paragraph", division)
    errors: list[Notice] = []
    provisions.extend(body.provisions(reader.provenance, errors, lambda items: simple_provision(
        "conclusions", "conclusions", items, reader.provenance)))
    warnings = [f"{location}: {notice.message}" for notice in reader.notices + errors]
    for name, count in sorted(reader.as_text.items()):
        warnings.append(f"{location}: {count} {name} element(s) have no place in a draft: kept as text, "
                        "one block each")
    warnings.append(f"{location}: an Akoma Ntoso document of another tool (no treaty-diff metadata): its text is "
                    "taken to be verbatim")
    if not meta.title:
        meta = replace(meta, title=next((b.body for p in provisions for b in p.blocks if b.kind == "title"),
                                        meta.id))
    return Draft(meta=meta, provisions=tuple(provisions), origin=location), warnings


def _meta(doc: etree._Element, kind: str, location: str, source: Source) -> DraftMeta:
    identification = doc.find(f"{_A}meta/{_A}identification")

    def value(path: str, attribute: str) -> str | None:
        found = identification.find(path) if identification is not None else None
        return found.get(attribute) if found is not None else None

    uri = value(f"{_A}FRBRWork/{_A}FRBRthis", "value") or value(f"{_A}FRBRWork/{_A}FRBRuri", "value") or location
    slug = re.sub(r"[^a-z0-9._-]+", "-", uri.casefold().rsplit("/akn/", 1)[-1]).strip("-._") or "document"
    date = value(f"{_A}FRBRExpression/{_A}FRBRdate", "date") or value(f"{_A}FRBRWork/{_A}FRBRdate", "date")
    language = LANGUAGE_FROM_AKN.get(value(f"{_A}FRBRExpression/{_A}FRBRlanguage", "language") or "", "en")
    document_type = kind if kind in ("act", "bill", "statement") else "doc"
    title = value(f"{_A}FRBRWork/{_A}FRBRalias", "value") or value(f"{_A}FRBRWork/{_A}FRBRname", "value") or ""
    return DraftMeta(id=slug[:80], title=title, date=date if date and date != "0001-01-01" else None,
                     language=language, document_type=document_type,  # type: ignore[arg-type]
                     document_name=None if kind in ("act", "bill") else doc.get("name") or kind,
                     status="act" if kind == "act" else "draft", sources=(source,))


__all__ = ["has_own_metadata", "read_foreign"]
