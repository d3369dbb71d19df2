"""Reading the hierarchy of a draft: the units (article, section, paragraph) and the divisions that hold them
(part, chapter, title, book, division, hcontainer), in a ``body`` or a ``mainBody``.

A mixin of the reader's builder (:mod:`treaty_diff.read.akn.reader`), apart so that each module stays short:
it walks the hierarchy in document order, gives each unit and division its provision, and checks their eIds
(a unit's own component, or its division's eId and its component where that is taken, with a counter where
both are; see ``docs/draft-format.md``).
"""

from __future__ import annotations

import re

from lxml import etree

from treaty_diff.model import eids
from treaty_diff.model.draft import Provenance, Provision
from treaty_diff.read.akn.names import AKN_NS

_A = f"{{{AKN_NS}}}"

#: The units and divisions that a body (or mainBody) and a division may hold (docs/draft-format.md).
HIER = ("article", "section", "paragraph", "part", "chapter", "title", "book", "division", "hcontainer")
#: Provision kind of each unit element.
UNIT_KINDS = {"article": "article", "section": "section", "paragraph": "paragraph"}
SUFFIX = re.compile(r"-\d+$")


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _text(element: etree._Element) -> str:
    return " ".join("".join(str(t) for t in element.itertext()).split())


class HierarchyReader:
    """The builder's reading of units and divisions; the builder gives the methods declared below."""

    unit_counts: dict[str, int]

    def problem(self, element: etree._Element | None, message: str) -> None:
        raise NotImplementedError

    def _article(self, article: etree._Element, parent: str | None = None) -> Provision:
        raise NotImplementedError

    def _container(self, element: etree._Element | None, kind: str,
                   holder: etree._Element | None = None) -> Provision:
        raise NotImplementedError

    def _num(self, element: etree._Element) -> str | None:
        raise NotImplementedError

    def _position(self, element: etree._Element) -> int:
        raise NotImplementedError

    def _provenance_of(self, eid: str, element: etree._Element) -> Provenance:
        raise NotImplementedError

    def _hier(self, holder: etree._Element, parent: str | None, provisions: list[Provision]) -> None:
        """The units and divisions below a body, mainBody or division, in document order."""
        for child in holder:
            name = _local(child)
            if name in ("num", "heading"):
                continue
            if name == "p":  # the empty paragraph of a mainBody without units
                continue
            if name == "hcontainer" and child.get("name") == "conclusions" and parent is None:
                provisions.append(self._container(child.find(_A + "content"), "conclusions", child))
            elif name == "article" or (name in UNIT_KINDS and self._is_unit(child)):
                provisions.append(self._article(child, parent))
            else:
                provisions.append(self._division(child, parent))
                self._hier(child, child.get("eId", ""), provisions)

    @staticmethod
    def _is_unit(element: etree._Element) -> bool:
        """A paragraph is always a unit; a section is one when it holds text, not units or divisions."""
        if _local(element) == "paragraph":
            return True
        return element.find(_A + "content") is not None or any(
            _local(child) in ("paragraph", "subparagraph", "list") for child in element)

    def _division(self, element: etree._Element, parent: str | None) -> Provision:
        eid = element.get("eId", "")
        self._check_unit_eid(element, parent, eids.component(_local(element), self._num(element),
                                                              self._position(element)), nested=True)
        heading_el = element.find(_A + "heading")
        return Provision(eid=eid, kind="division", num=self._num(element),
                         heading=_text(heading_el) if heading_el is not None else None, blocks=(),
                         wid=element.get("wId"), name=element.get("title"), parent=parent,
                         provenance=self._provenance_of(eid, element))

    def _check_unit_eid(self, element: etree._Element, parent: str | None, component: str,
                        nested: bool = False) -> None:
        """A unit's eId is its component (an article's ``art_5``), or, where that is taken, its division's eId
        and its component, with a counter (``-2``) where both are; a division's always has its parent's."""
        eid = element.get("eId")
        if eid is None:
            self.problem(element, f"<{_local(element)}> has no eId")
            return
        expected = {eids.join(parent, component)} if nested else {component, eids.join(parent, component)}
        if eid not in expected and SUFFIX.sub("", eid) not in expected:
            self.problem(element, f"eId {eid!r} does not follow the naming convention (expected "
                                  f"{sorted(expected)[-1]!r})")

    def _unit_position(self, element: etree._Element) -> int:
        """1-based position of a unit among the units of its element read so far (in document order), as the
        importer numbers unnumbered units."""
        name = _local(element)
        self.unit_counts[name] = self.unit_counts.get(name, 0) + 1
        return self.unit_counts[name]

