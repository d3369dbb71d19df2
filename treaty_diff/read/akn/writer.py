"""Write a :class:`~treaty_diff.model.Draft` as an Akoma Ntoso 3.0 document of our subset.

The structure below a provision is rebuilt from the blocks' eIds: the eId
``art_6__para_1__list_1__point_a`` says that the point sits in list 1 of
paragraph 1 of article 6. Divisions (parts, chapters, annexes) hold the units
whose ``parent`` they are. A treaty is a ``bill`` (or ``act``) with a
``body``; a resolution a ``statement`` and any other document a ``doc``, each
with a ``mainBody``. See ``docs/draft-format.md``.
"""

from __future__ import annotations

import re

from lxml import etree

from treaty_diff.model.draft import FRAME_KINDS, Block, Draft, Provenance, Provision
from treaty_diff.read.akn.names import AKN_NS, LANGUAGE_CODES, TD_NS, element_for_prefix

_A = f"{{{AKN_NS}}}"
_T = f"{{{TD_NS}}}"
_NSMAP = {None: AKN_NS, "td": TD_NS}
_SOURCE = "#treatyDiff"


def term_id(term: str) -> str:
    """The eId of a defined term in the references: ``term-outer_space``."""
    return "term-" + (re.sub(r"[^0-9a-z]+", "_", term.casefold()).strip("_") or "x")


def draft_to_xml(draft: Draft) -> bytes:
    """The draft as a UTF-8 Akoma Ntoso document (bytes, with an XML declaration)."""
    root = etree.Element(_A + "akomaNtoso", nsmap=_NSMAP)  # type: ignore[arg-type]
    meta = draft.meta
    doc = etree.SubElement(root, _A + meta.document_type, name=meta.document_name or "treaty")
    _write_meta(doc, draft)
    treaty = meta.document_type in ("bill", "act")
    body: etree._Element | None = None
    containers: dict[str, etree._Element] = {}
    provisions = draft.provisions
    for index, provision in enumerate(provisions):
        if provision.kind in ("title", "preamble"):
            _write_provision(doc, provision)
            continue
        if body is None:
            body = etree.SubElement(doc, _A + ("body" if treaty else "mainBody"))
        if provision.kind == "conclusions":
            if any(p.kind not in FRAME_KINDS for p in provisions[index + 1:]):
                # an annex after the signatures: the conclusions stay in reading order, inside the body
                holder = etree.SubElement(body, _A + "hcontainer", eId=provision.eid, name="conclusions")
                _write_blocks(etree.SubElement(holder, _A + "content"), provision)
            else:
                _write_provision(doc, provision)
            continue
        parent = containers.get(provision.parent or "", body)
        element = _write_provision(parent, provision)
        if provision.kind == "division":
            containers[provision.eid] = element
    if body is None or not len(body):
        if treaty:
            raise ValueError("a draft needs at least one article")
        if body is None:
            body = etree.Element(_A + "mainBody")
            conclusions = doc.find(_A + "conclusions")
            if conclusions is not None:
                conclusions.addprevious(body)
            else:
                doc.append(body)
        etree.SubElement(body, _A + "p")  # the schema wants something in mainBody: an empty paragraph, no text
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def provision_to_xml(provision: Provision) -> bytes:
    """One provision as an Akoma Ntoso fragment (``show --article X --format xml``)."""
    holder = etree.Element(_A + "body", nsmap=_NSMAP)  # type: ignore[arg-type]
    element = _write_provision(holder, provision)
    etree.indent(element, space="  ")
    return etree.tostring(element, encoding="unicode", pretty_print=True).encode("utf-8")


_CONTAINER = {"title": "preface", "preamble": "preamble", "conclusions": "conclusions"}
_UNIT = {"article": "article", "section": "section", "paragraph": "paragraph"}
#: The ``name`` of an hcontainer division, from the first word of its num.
_HCONTAINER_NAMES = {"schedule": "schedule", "appendix": "appendix", "appendice": "appendix", "apéndice": "appendix",
                     "attachment": "attachment"}


def _write_provision(parent: etree._Element, provision: Provision) -> etree._Element:
    if provision.kind in _UNIT:
        return _write_unit(parent, provision, _UNIT[provision.kind])
    if provision.kind == "division":
        return _write_division(parent, provision)
    container = etree.SubElement(parent, _A + _CONTAINER[provision.kind], eId=provision.eid)
    _write_blocks(container, provision)
    return container


def _write_division(parent: etree._Element, provision: Provision) -> etree._Element:
    """A part, chapter, title, book, section or annex (an ``hcontainer``): its num and heading."""
    tag = element_for_prefix(provision.eid.rsplit("__", 1)[-1].split("_")[0])
    element = etree.SubElement(parent, _A + tag, eId=provision.eid)
    if tag == "hcontainer":
        word = (provision.num or "annex").split()[0].casefold()
        element.set("name", _HCONTAINER_NAMES.get(word, "annex"))
    _write_head(element, provision)
    return element


def _write_head(element: etree._Element, provision: Provision) -> None:
    """A unit's or division's wId, name (``title``), num and heading."""
    if provision.wid:
        element.set("wId", provision.wid)
    if provision.name:
        element.set("title", provision.name)
    if provision.num:
        etree.SubElement(element, _A + "num").text = provision.num
    if provision.heading:
        etree.SubElement(element, _A + "heading").text = provision.heading


def _write_meta(doc: etree._Element, draft: Draft) -> None:
    meta = draft.meta
    date = meta.date or "0001-01-01"
    date_name = "document" if meta.date else "unknown"
    lang3 = LANGUAGE_CODES.get(meta.language, meta.language)
    work = f"/akn/un/{meta.document_type}/{meta.document_name or 'treaty'}/{date}/{meta.id}"
    expression = f"{work}/{lang3}@"
    m = etree.SubElement(doc, _A + "meta")
    ident = etree.SubElement(m, _A + "identification", source=_SOURCE)
    for level, uri, extra in (
        ("FRBRWork", work, "work"),
        ("FRBRExpression", expression, "expression"),
        ("FRBRManifestation", expression + ".akn", "manifestation"),
    ):
        frbr = etree.SubElement(ident, _A + level)
        etree.SubElement(frbr, _A + "FRBRthis", value=uri + "/!main" if extra != "manifestation" else uri)
        etree.SubElement(frbr, _A + "FRBRuri", value=uri)
        etree.SubElement(frbr, _A + "FRBRdate", date=date, name=date_name)
        etree.SubElement(frbr, _A + "FRBRauthor", href=_SOURCE)
        if extra == "work":
            etree.SubElement(frbr, _A + "FRBRcountry", value="un")
            if meta.short_title:
                etree.SubElement(frbr, _A + "FRBRname", value=meta.short_title)
        if extra == "expression":
            etree.SubElement(frbr, _A + "FRBRlanguage", language=lang3)
    refs = etree.SubElement(m, _A + "references", source=_SOURCE)
    etree.SubElement(
        refs, _A + "TLCOrganization", eId="treatyDiff", href="/ontology/organization/treaty-diff", showAs="treaty-diff"
    )
    seen: set[str] = set()
    for definition in draft.definitions:
        for term in definition.terms:
            tid = term_id(term)
            if tid not in seen:
                seen.add(tid)
                etree.SubElement(
                    refs, _A + "TLCTerm", eId=tid, href=f"/ontology/term/treaty-diff.{tid[5:]}", showAs=term
                )
    proprietary = etree.SubElement(m, _A + "proprietary", source=_SOURCE)
    td = etree.SubElement(proprietary, _T + "draft", id=meta.id, status=meta.status, language=meta.language)
    for attr, value in (("symbol", meta.symbol), ("date", meta.date), ("shortTitle", meta.short_title)):
        if value:
            td.set(attr, value)
    title_paragraphs = [b.body for p in draft.provisions for b in p.blocks if b.kind == "title"]
    if meta.title and meta.title not in title_paragraphs:
        td.set("title", meta.title)  # a title given as metadata only, never as text of the draft
    for name in meta.proponents:
        etree.SubElement(td, _T + "proponent").text = name
    for source in meta.sources:
        etree.SubElement(td, _T + "source", id=source.id).text = source.description
    for ref, provenance in _provenance_entries(draft):
        etree.SubElement(td, _T + "provenance", ref=ref, status=provenance.status, source=provenance.source.id)
    for note in meta.notes:
        etree.SubElement(td, _T + "note").text = note


def _provenance_entries(draft: Draft) -> list[tuple[str, Provenance]]:
    """One entry per provision whose blocks agree (a division: its num and heading), else one per block."""
    entries: list[tuple[str, Provenance]] = []
    for provision in draft.provisions:
        if not provision.blocks:
            if provision.provenance is not None:
                entries.append((provision.eid, provision.provenance))
        elif len({b.provenance for b in provision.blocks}) == 1:
            entries.append((provision.eid, provision.blocks[0].provenance))
        else:
            entries.extend((block.eid, block.provenance) for block in provision.blocks)
    return entries


def _write_unit(body: etree._Element, provision: Provision, tag: str) -> etree._Element:
    """An article, a section or a paragraph unit: num, heading, then one content or its blocks."""
    article = etree.SubElement(body, _A + tag, eId=provision.eid)
    _write_head(article, provision)
    if len(provision.blocks) == 1 and provision.blocks[0].eid == provision.eid:
        content = etree.SubElement(article, _A + "content")
        _write_p(content, provision.blocks[0])
        return article
    _write_blocks(article, provision)
    return article


def _write_blocks(container: etree._Element, provision: Provision) -> None:
    """Rebuild the elements between the provision and each block from the block's eId."""
    made: dict[str, etree._Element] = {provision.eid: container}
    for block in provision.blocks:
        if not block.eid.startswith(provision.eid + "__"):
            raise ValueError(f"block {block.eid} is not inside {provision.eid}")
        parts = block.eid[len(provision.eid) + 2 :].split("__")
        parent_eid = provision.eid
        parent = container
        for index, part in enumerate(parts):
            eid = f"{parent_eid}__{part}"
            leaf = index == len(parts) - 1
            if eid in made and not leaf:
                parent, parent_eid = made[eid], eid
                continue
            tag = element_for_prefix(part.split("_")[0])
            element = etree.SubElement(parent, _A + tag)
            element.set("eId", eid)
            if tag == "formula":
                element.set("name", "enactingFormula")
            made[eid] = element
            parent, parent_eid = element, eid
        _fill_leaf(parent, block)


def _fill_leaf(element: etree._Element, block: Block) -> None:
    tag = etree.QName(element).localname
    if block.wid:
        element.set("wId", block.wid)
    if tag == "p":
        _set_text(element, block)
        return
    if tag in ("paragraph", "subparagraph", "point"):
        if block.num:
            etree.SubElement(element, _A + "num").text = block.num
        content = etree.SubElement(element, _A + "content")
        _write_p(content, block)
        return
    if tag == "intro" and block.num:
        # The chapeau of a numbered paragraph or point: the number belongs to that paragraph.
        owner = element.getparent()
        while owner is not None and etree.QName(owner).localname == "list":
            owner = owner.getparent()
        if owner is not None:
            num = etree.Element(_A + "num")
            num.text = block.num
            owner.insert(0, num)
    _write_p(element, block)


def _write_p(parent: etree._Element, block: Block) -> None:
    _set_text(etree.SubElement(parent, _A + "p"), block)


def _set_text(p: etree._Element, block: Block) -> None:
    """The block's body, with each defined term wrapped in ``def``; the title in ``docTitle``."""
    if block.kind == "title":
        etree.SubElement(p, _A + "docTitle").text = block.body
        return
    text = block.body
    spans: list[tuple[int, int, str]] = []
    for term in block.terms:
        start = _find_term(text, term, spans)
        if start < 0:
            raise ValueError(f"{block.eid}: defined term {term!r} not found in its text")
        spans.append((start, start + len(term), term))
    spans.sort()
    p.text = text[: spans[0][0]] if spans else text
    for index, (start, end, term) in enumerate(spans):
        d = etree.SubElement(p, _A + "def", refersTo="#" + term_id(term))
        d.text = text[start:end]
        d.tail = text[end : spans[index + 1][0] if index + 1 < len(spans) else len(text)]


def _find_term(text: str, term: str, taken: list[tuple[int, int, str]]) -> int:
    """Where ``term`` stands in ``text``: its first quoted occurrence, else its first occurrence."""
    candidates = [m.start() + 1 for m in re.finditer(r"[\"“]" + re.escape(term) + r"[\"”]", text)]
    candidates += [m.start() for m in re.finditer(re.escape(term), text)]
    for start in candidates:
        if all(start >= e or start + len(term) <= s for s, e, _ in taken):
            return start
    return -1
