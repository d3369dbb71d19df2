"""Read the text of a Word document (DOCX) as paragraphs for the parser.

Only the parts that hold text are read: the main document, its
relationships, the styles and the numbering definitions. Nothing else (images,
headers, footers, comments, embedded objects) is read. The package and its
limits (zip bombs, encryption, DTDs) are :mod:`treaty_diff.read.importers.docx_package`;
styles and Word's automatic numbering are :mod:`treaty_diff.read.importers.docx_numbering`.

- **Text.** Paragraphs of the body in reading order, table cells row by row,
  content controls; tabs and line breaks become spaces; hidden text, field
  codes and deleted text are left out. Tracked changes are read as accepted
  (inserted text kept, deleted text dropped, a deleted paragraph mark joins two
  paragraphs), with a warning.
- **Numbers.** A paragraph's automatic number is put before its text; a number
  alone in the first cell of a table row is joined to the text of the next
  cell.

The DOCX modules and :mod:`treaty_diff.read.akn` are the only ones that use lxml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from treaty_diff.errors import InputError
from treaty_diff.read.importers.docx_content import A_NS, DGM_NS, PIC_NS, Notes, alt_text, not_compared, smartart_texts
from treaty_diff.read.importers.docx_numbering import Numbering, Styles, numbering_properties
from treaty_diff.read.importers.docx_package import Package, open_package
from treaty_diff.read.importers.paragraphs import Notice, Paragraph, ParagraphStyle, split_group

W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # "Strict Open XML"
)
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
VML_NS = "urn:schemas-microsoft-com:vml"
MATH_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"

_LONE_NUMBER = re.compile(r"^(?:\(?(?:\d{1,3}|[a-zA-Z]{1,2}|[ivxlcIVXLC]{1,6})[.)]|(?:Article|ARTICLE|Art\.)\s+\S+)$")
_SKIPPED_INLINE = {
    "pPr", "rPr", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd", "commentRangeStart",
    "commentRangeEnd", "lastRenderedPageBreak", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
    "moveToRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
    "customXmlDelRangeEnd",
}


@dataclass(frozen=True)
class DocxText:
    """What was read from a DOCX: its paragraphs (``line`` is the paragraph's number) and notices."""

    paragraphs: tuple[Paragraph, ...]
    notices: tuple[Notice, ...]


def read_docx(path: Path, location: str) -> DocxText:
    """Read the paragraphs of a DOCX file. Raises InputError for a file that is not a readable DOCX."""
    with open_package(path, location) as package:
        return _read_document(package)


def _read_document(package: Package) -> DocxText:
    """The paragraphs of the package's main document, with the notices of reading them."""
    notices: list[Notice] = []
    main = "word/document.xml"
    for _, kind, target, external in package.relationships(""):
        if kind == "officeDocument" and not external:
            main = target
    document = package.xml(main)
    if document is None:
        raise InputError(package.location, f"not a Word document: the package has no {main}")
    namespace = etree.QName(document).namespace or ""
    if namespace not in W_NAMESPACES:
        raise InputError(package.location, f"not a Word document: {main} is not WordprocessingML "
                                           f"(root element {etree.QName(document).localname!r} in {namespace!r})")
    styles_root = numbering_root = None
    relationships = package.relationships(main)
    for _, kind, target, external in relationships:
        if external:
            if kind != "hyperlink":
                notices.append(Notice(f"the document refers to an external {kind!r} ({target}); it is not "
                                      "followed and nothing from it is imported"))
        elif kind == "styles":
            styles_root = package.xml(target)
        elif kind == "numbering":
            numbering_root = package.xml(target)
    w = f"{{{namespace}}}"
    styles = Styles.parse(styles_root, w)
    numbering = Numbering.parse(numbering_root, w, styles, notices)
    body = document.find(w + "body")
    if body is None:
        raise InputError(package.location, f"not a Word document: {main} has no body")
    content = _Content(package, {rid: target for rid, _, target, external in relationships if not external},
                       Notes.read(package, relationships, w, body))
    walker = _Walker(w, styles, numbering, notices, content)
    walker.container(body)
    walker.finish()
    not_compared(package, relationships, w, walker.images, notices)
    return DocxText(tuple(walker.paragraphs), tuple(notices))


@dataclass
class _Content:
    """What the walker reads besides the body: the package (for SmartArt's data), the main part's
    relationships by id, and the notes."""

    package: Package
    rels: dict[str, str]
    notes: Notes


# -- the body ------------------------------------------------------------------------------------------


@dataclass
class _Raw:
    text: str
    index: int
    style: ParagraphStyle | None
    listed: bool
    cell: tuple[int, int] | None = None
    notes: str = ""
    """The text of the notes the paragraph cites, each after its mark (" 1 This is a footnote")."""


@dataclass
class _Walker:
    """Walks the body in reading order and collects paragraphs with their displayed numbers."""

    w: str
    styles: Styles
    numbering: Numbering
    notices: list[Notice]
    content: _Content
    paragraphs: list[Paragraph] = field(default_factory=list)
    count: int = 0
    carry: str = ""
    carry_notes: str = ""
    insertions: int = 0
    deletions: int = 0
    hidden: int = 0
    tables: int = 0
    boxes: int = 0
    smartart: int = 0
    images: list[str] = field(default_factory=list)
    """The alternative text of each image ("" for none): not compared, warned with a count."""
    pending: list[str] = field(default_factory=list)
    """The cited notes of the paragraph being read, each after its mark."""
    deferred: list[_Raw] = field(default_factory=list)
    """The paragraphs of the text boxes and SmartArt anchored in the paragraph being read."""
    other: set[str] = field(default_factory=set)

    def container(self, element: etree._Element) -> None:
        for raw in self.blocks(element):
            self.emit(raw)

    def blocks(self, element: etree._Element) -> Iterator[_Raw]:
        """The paragraphs below a block container (body, cell, content control), tables row by row."""
        w = self.w
        for child in element:
            if not isinstance(child.tag, str):
                continue
            tag = child.tag
            if tag == w + "p":
                yield from self.paragraph(child)
            elif tag == w + "tbl":
                yield from self.table(child)
            elif tag == w + "sdt":
                content = child.find(w + "sdtContent")
                if content is not None:
                    yield from self.blocks(content)
            elif tag == w + "customXml":
                yield from self.blocks(child)
            elif tag == w + "altChunk":
                self.other.add("embedded content (altChunk)")

    def table(self, table: etree._Element) -> Iterator[_Raw]:
        w = self.w
        self.tables += 1
        number = self.tables
        for count, row in enumerate(self.rows(table), start=1):
            properties = row.find(w + "trPr")
            if properties is not None and properties.find(w + "del") is not None:
                self.deletions += 1
                continue
            cells = [list(self.blocks(cell)) for cell in row.findall(w + "tc")]
            cells = [cell for cell in cells if cell]
            if len(cells) >= 2 and len(cells[0]) == 1 and _LONE_NUMBER.match(cells[0][0].text.strip()):
                lone = cells[0][0]
                first = cells[1][0]
                cells[1][0] = _Raw(f"{lone.text.strip()} {first.text}", lone.index, lone.style or first.style,
                                   False, first.cell, lone.notes + first.notes)
                cells = cells[1:]
            for cell in cells:
                for raw in cell:
                    if raw.cell is None:  # a nested table's cells keep their own row
                        raw.cell = (number, count)
                    yield raw

    def rows(self, element: etree._Element) -> Iterator[etree._Element]:
        """The rows of a table, also those inside content controls or custom XML (not those of nested tables)."""
        w = self.w
        for child in element:
            if child.tag == w + "tr":
                yield child
            elif child.tag == w + "sdt":
                content = child.find(w + "sdtContent")
                if content is not None:
                    yield from self.rows(content)
            elif child.tag == w + "customXml":
                yield from self.rows(child)

    def paragraph(self, p: etree._Element) -> list[_Raw]:
        """The paragraph (with the notes it cites), then the paragraphs of its text boxes and SmartArt."""
        saved = self.pending, self.deferred
        self.pending, self.deferred = [], []
        try:
            raw = self._paragraph(p)
            return ([raw] if raw is not None else []) + self.deferred
        finally:
            self.pending, self.deferred = saved

    def _paragraph(self, p: etree._Element) -> _Raw | None:
        w = self.w
        self.count += 1
        ppr = p.find(w + "pPr")
        mark = ppr.find(w + "rPr") if ppr is not None else None
        if mark is not None and _on(mark.find(w + "vanish"), w):
            self.hidden += 1
            return None
        parts: list[str] = []
        self.inline(p, parts)
        text = "".join(parts)
        notes = "".join(self.pending)
        if mark is not None and mark.find(w + "del") is not None:
            # A deleted paragraph mark: accepted, this paragraph runs on into the next one.
            self.deletions += 1
            self.carry += text
            self.carry_notes += notes
            return None
        text = self.carry + text
        notes = self.carry_notes + notes
        self.carry = self.carry_notes = ""
        style_el = ppr.find(w + "pStyle") if ppr is not None else None
        style_id = style_el.get(w + "val") if style_el is not None else None
        number, bullet = self.number(ppr, style_id)
        if not text.strip() and not number:
            if notes.strip():  # a paragraph that is only a note's mark: the note is its text
                return _Raw(notes.strip(), self.count, None, False)
            return None
        if number:
            text = f"{number} {text.lstrip()}".rstrip()
        return _Raw(text, self.count, self.styles.kind(style_id), bullet, notes=notes)

    def number(self, ppr: etree._Element | None, style_id: str | None) -> tuple[str | None, bool]:
        num_id, ilvl = numbering_properties(ppr, self.w)
        style_num, style_ilvl, carrier = self.styles.numbering(style_id)
        if num_id is None:
            num_id = style_num
            if ilvl is None:
                ilvl = style_ilvl
                if ilvl is None and num_id is not None and carrier is not None:
                    ilvl = self.numbering.level_for_style(num_id, carrier)
        if num_id is None or num_id == "0":
            return None, False
        return self.numbering.display(num_id, ilvl or 0)

    def inline(self, element: etree._Element, out: list[str]) -> None:
        w = self.w
        for child in element:
            if not isinstance(child.tag, str):
                continue
            qname = etree.QName(child)
            tag = qname.localname
            if qname.namespace == MC_NS or tag in ("drawing", "pict", "object"):
                self.graphic(child)
                continue
            if qname.namespace == MATH_NS:
                out.append("".join(t.text or "" for t in child.iter(f"{{{MATH_NS}}}t")))
                continue
            if qname.namespace != w[1:-1]:
                continue
            if tag == "r":
                self.run(child, out)
            elif tag in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo", "moveTo"):
                self.inline(child, out)
            elif tag == "ins":
                self.insertions += 1
                self.inline(child, out)
            elif tag in ("del", "moveFrom"):
                self.deletions += 1
            elif tag == "sdt":
                content = child.find(w + "sdtContent")
                if content is not None:
                    self.inline(content, out)
            elif tag not in _SKIPPED_INLINE and _has_text(child, w):
                self.other.add(f"<w:{tag}>")

    def run(self, run: etree._Element, out: list[str]) -> None:
        w = self.w
        properties = run.find(w + "rPr")
        if properties is not None and _on(properties.find(w + "vanish"), w):
            self.hidden += 1
            return
        for child in run:
            if not isinstance(child.tag, str):
                continue
            tag = etree.QName(child).localname
            if tag == "t":
                out.append(child.text or "")
            elif tag in ("tab", "ptab"):
                out.append("\t")
            elif tag in ("br", "cr"):
                out.append("\n")
            elif tag == "noBreakHyphen":
                out.append("-")
            elif tag == "sym":
                out.append(_symbol(child.get(w + "char", "")))
            elif tag in ("footnoteReference", "endnoteReference"):
                self.note(child, out)
            elif tag in ("drawing", "pict", "object") or etree.QName(child).namespace == MC_NS:
                self.graphic(child)

    def note(self, reference: etree._Element, out: list[str]) -> None:
        """A footnote or endnote reference: its mark in the text, the note's text kept for the paragraph."""
        mark, note = self.content.notes.cite(reference)
        out.append(mark)
        if note is None:
            return
        count, hidden = self.count, self.hidden  # the note's paragraphs are not the body's
        saved = self.pending, self.deferred
        self.pending, self.deferred = [], []
        try:
            text = " ".join(raw.text.strip() for raw in self.blocks(note) if raw.text.strip())
            inner = "".join(self.pending)
        finally:
            self.pending, self.deferred = saved
            self.count, self.hidden = count, hidden
        text = " ".join(text.split())
        if text or inner:
            self.pending.append(f" {mark} {text}".rstrip() + inner if mark else f" {text}{inner}")

    def graphic(self, element: etree._Element) -> None:
        """A drawing, a VML picture, an embedded object or markup-compatibility content: the paragraphs of
        its text boxes and SmartArt follow the paragraph; an image's alternative text is counted."""
        w = self.w
        qname = etree.QName(element)
        if qname.namespace == MC_NS:
            if qname.localname == "AlternateContent":
                choices = [c for c in element if isinstance(c.tag, str)]
                # one of the alternatives only (Word writes the same text box twice)
                chosen = next((c for c in choices if c.find(f".//{w}txbxContent") is not None
                               or c.find(f".//{{{DGM_NS}}}relIds") is not None
                               or c.find(f".//{{{PIC_NS}}}pic") is not None), choices[0] if choices else None)
                if chosen is not None:
                    for child in chosen:
                        if isinstance(child.tag, str):
                            self.graphic(child)
            return
        if qname.localname == "object":
            if _has_text(element, w):
                self.other.add("an embedded object")
            return
        boxes = [box for box in element.iter(w + "txbxContent")
                 if not any(a is not element and a.tag == w + "txbxContent" for a in box.iterancestors())]
        for box in boxes:
            self.boxes += 1
            self.deferred.extend(self.blocks(box))
        for graphic in element.iter(f"{{{A_NS}}}graphicData"):
            texts = smartart_texts(self.content.package, self.content.rels, graphic)
            if texts is not None:
                self.smartart += 1
                self.deferred.extend(_Raw(text, self.count, None, False) for text in texts)
        described = alt_text(element)
        if described is not None:
            self.images.append(described)
        elif qname.localname == "pict" and not boxes and element.find(f".//{{{VML_NS}}}imagedata") is not None:
            shape = element.find(f".//{{{VML_NS}}}shape")
            self.images.append((shape.get("alt") or "").strip() if shape is not None else "")

    def emit(self, raw: _Raw) -> None:
        lines = [(line, raw.index) for line in (part.strip() for part in raw.text.split("\n")) if line]
        if not lines:
            return
        pieces = split_group(lines, layout=False)
        for n, paragraph in enumerate(pieces):
            notes = raw.notes if n == len(pieces) - 1 else ""
            self.paragraphs.append(Paragraph(paragraph.text, raw.index, raw.style, raw.listed and n == 0, raw.cell,
                                             notes))

    def finish(self) -> None:
        if self.carry.strip():
            self.emit(_Raw(self.carry, self.count, None, False, notes=self.carry_notes))
        if self.insertions or self.deletions:
            self.notices.append(Notice(
                f"the document has tracked changes; they were read as accepted ({self.insertions} insertion(s) "
                f"kept, {self.deletions} deletion(s) dropped)"))
        if self.hidden:
            self.notices.append(Notice(f"{self.hidden} piece(s) of hidden text were not imported"))
        if self.content.notes.missing:
            self.notices.append(Notice(f"{self.content.notes.missing} footnote or endnote reference(s) cite a note "
                                       "the document does not have; their marks are kept"))
        counted = [f"{n} {what}" for n, what in ((self.boxes, "text box(es)"), (self.smartart, "SmartArt diagram(s)"))
                   if n]
        if counted:
            self.notices.append(Notice(f"{' and '.join(counted)}: their text is compared after the paragraph they "
                                       "are anchored in"))
        for what in sorted(self.other):
            self.notices.append(Notice(f"text inside {what} was not imported"))


def _on(element: etree._Element | None, w: str) -> bool:
    """Whether a toggle property (``<w:vanish/>``, ``<w:vanish w:val="false"/>``) is on."""
    return element is not None and element.get(w + "val", "true") not in ("0", "false", "off")


def _has_text(element: etree._Element, w: str) -> int:
    return int(any((t.text or "").strip() for t in element.iter(w + "t")))


def _symbol(code: str) -> str:
    """The character of a ``w:sym``; symbol fonts use the private range F000-F0FF for their 8-bit codes."""
    value = _int_hex(code)
    if value is None:
        return ""
    if 0xF000 <= value <= 0xF0FF:
        value -= 0xF000
    if value < 0x20 or 0xD800 <= value <= 0xDFFF or value in (0xFFFE, 0xFFFF) or value > 0x10FFFF:
        return ""
    return chr(value)


def _int_hex(code: str) -> int | None:
    try:
        return int(code, 16)
    except ValueError:
        return None


__all__ = ["DocxText", "read_docx"]
