"""Reading a DOCX redline back the way Word does: ``resolve`` accepts (or rejects) every change in
``word/document.xml`` and returns the paragraphs that remain. LibreOffice does the same in
tests/test_docx_libreoffice.py."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from lxml import etree

from support.fixtures import sample_comparison
from treaty_diff.model.comparison import Comparison, ProvisionInfo
from treaty_diff.model.draft import BLOCK_SEPARATOR
from treaty_diff.render.base import RenderOptions
from treaty_diff.render.docx.writer import render_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


NS = {"w": W}


NEW_TAGS = {f"{{{W}}}ins", f"{{{W}}}moveTo"}


OLD_TAGS = {f"{{{W}}}del", f"{{{W}}}moveFrom"}


REVISION_TAGS = ("ins", "del", "moveFrom", "moveTo")


NEW_CHANGES = ("insert", "move-to")


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def body_paragraphs(data: bytes) -> list[etree._Element]:
    """The body's own paragraphs (not those inside tables), in order."""
    return part(data, "word/document.xml").findall("w:body/w:p", NS)


def _kept(element: etree._Element, paragraph: etree._Element, accept: bool) -> bool:
    """Whether text stays once every change is accepted (no deletion around it) or rejected (no insertion around
    it); a deletion nested in an insertion or a move (words deleted inside a moved provision) goes either way."""
    node = element.getparent()
    while node is not None and node is not paragraph:
        if node.tag in (OLD_TAGS if accept else NEW_TAGS):
            return False
        node = node.getparent()
    return True


def paragraph_text(paragraph: etree._Element, accept: bool | None = None) -> str:
    """A paragraph's text as it stands (``accept`` None), or with every change accepted or rejected."""
    out = []
    for element in paragraph.iter(w("t"), w("delText"), w("tab"), w("br")):
        if accept is not None and not _kept(element, paragraph, accept):
            continue
        if element.tag in (w("t"), w("delText")):
            out.append(element.text or "")
        else:
            out.append("\t" if element.tag == w("tab") else "\n")
    return "".join(out)


def mark_revision(paragraph: etree._Element) -> str | None:
    """The revision on a paragraph's mark ("ins", "del", "moveFrom", "moveTo") or None."""
    found = paragraph.find("w:pPr/w:rPr", NS)
    if found is None:
        return None
    for child in found:
        if child.tag in NEW_TAGS | OLD_TAGS:
            return etree.QName(child).localname
    return None


def resolve(paragraphs_: Iterable[etree._Element], accept: bool) -> list[str]:
    """The paragraphs' texts once every change is accepted (or rejected), by Word's rules: a paragraph
    whose mark goes away runs into the next one."""
    result: list[str] = []
    pending = ""
    for paragraph in paragraphs_:
        pending += paragraph_text(paragraph, accept)
        mark = mark_revision(paragraph)
        dropped = (mark in ("del", "moveFrom")) if accept else (mark in ("ins", "moveTo"))
        if not dropped:
            result.append(pending)
            pending = ""
    if pending:
        result.append(pending)
    while result and not result[-1].strip():
        result.pop()
    return result


_KIND_RANK = {"title": 0, "preamble": 1, "article": 2, "conclusions": 3}


def expected_paragraphs(comparison: Comparison, side: str) -> list[str]:
    """One draft's provision texts in that draft's order, one entry a paragraph.

    The order comes from the provisions themselves (their kind, then the
    article number in the eId), not from the redline, so that the tests using
    this check the redline's order too.
    """
    infos = {info.eid: info for change in comparison.changes for info in (change.old if side == "old" else change.new)}

    def place(info: ProvisionInfo) -> tuple[int, int]:
        return _KIND_RANK[info.kind], int(info.eid.split("_")[1]) if info.kind == "article" else 0

    texts = [info.text for info in sorted(infos.values(), key=place)]
    return BLOCK_SEPARATOR.join(texts).split(BLOCK_SEPARATOR) if texts else []


def revisions(data: bytes) -> list[etree._Element]:
    document = part(data, "word/document.xml")
    return [el for tag in REVISION_TAGS for el in document.iter(w(tag))]


_DEFAULTS = RenderOptions()


def redline(comparison: Comparison | None = None, *, author: str = _DEFAULTS.author, date: str | None = _DEFAULTS.date,
            static: bool = _DEFAULTS.static, moves: bool = _DEFAULTS.moves) -> bytes:
    """The DOCX redline (``--redline-only``) of ``comparison``, by default the sample, with the given options."""
    options = RenderOptions(redline_only=True, author=author, date=date, static=static, moves=moves)
    return render_docx(comparison or sample_comparison(), options)

