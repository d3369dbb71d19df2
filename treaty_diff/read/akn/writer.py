"""Write a :class:`~treaty_diff.model.Draft` as an Akoma Ntoso 3.0 document of our subset.

The structure below a provision is rebuilt from the blocks' eIds: the eId
``art_6__para_1__list_1__point_a`` says that the point sits in list 1 of
paragraph 1 of article 6. See ``docs/draft-format.md``.
"""

from __future__ import annotations

import re

from lxml import etree

from treaty_diff.model.draft import Block, Draft, Provision
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
    doc = etree.SubElement(root, _A + draft.meta.document_type, name="treaty")
    _write_meta(doc, draft)
    body: etree._Element | None = None
    for provision in draft.provisions:
        if provision.kind == "article":
            if body is None:
                body = etree.SubElement(doc, _A + "body")
            _write_provision(body, provision)
        else:
            if provision.kind == "conclusions" and body is None:
                body = etree.SubElement(doc, _A + "body")
            _write_provision(doc, provision)
    if body is None:
        raise ValueError("a draft needs at least one article")
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def provision_to_xml(provision: Provision) -> bytes:
    """One provision as an Akoma Ntoso fragment (``show --article X --format xml``)."""
    holder = etree.Element(_A + "body", nsmap=_NSMAP)  # type: ignore[arg-type]
    element = _write_provision(holder, provision)
    etree.indent(element, space="  ")
    return etree.tostring(element, encoding="unicode", pretty_print=True).encode("utf-8")


_CONTAINER = {"title": "preface", "preamble": "preamble", "conclusions": "conclusions"}


def _write_provision(parent: etree._Element, provision: Provision) -> etree._Element:
    if provision.kind == "article":
        return _write_article(parent, provision)
    container = etree.SubElement(parent, _A + _CONTAINER[provision.kind], eId=provision.eid)
    _write_blocks(container, provision)
    return container


def _write_meta(doc: etree._Element, draft: Draft) -> None:
    meta = draft.meta
    date = meta.date or "0001-01-01"
    date_name = "document" if meta.date else "unknown"
    lang3 = LANGUAGE_CODES.get(meta.language, meta.language)
    work = f"/akn/un/{meta.document_type}/treaty/{date}/{meta.id}"
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
    for ref, block in _provenance_entries(draft):
        etree.SubElement(
            td, _T + "provenance", ref=ref, status=block.provenance.status, source=block.provenance.source.id
        )
    for note in meta.notes:
        etree.SubElement(td, _T + "note").text = note


def _provenance_entries(draft: Draft) -> list[tuple[str, Block]]:
    """One entry per provision whose blocks agree, else one per block."""
    entries: list[tuple[str, Block]] = []
    for provision in draft.provisions:
        if len({b.provenance for b in provision.blocks}) == 1:
            entries.append((provision.eid, provision.blocks[0]))
        else:
            entries.extend((block.eid, block) for block in provision.blocks)
    return entries


def _write_article(body: etree._Element, provision: Provision) -> etree._Element:
    article = etree.SubElement(body, _A + "article", eId=provision.eid)
    if provision.wid:
        article.set("wId", provision.wid)
    if provision.num:
        etree.SubElement(article, _A + "num").text = provision.num
    if provision.heading:
        etree.SubElement(article, _A + "heading").text = provision.heading
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
    if tag in ("paragraph", "point"):
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
