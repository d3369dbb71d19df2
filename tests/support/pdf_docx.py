"""A draft as a Word document in the layout of a UN document, printed as PDF by LibreOffice (the first producer).

The layout of the official documents: A4, a running header with the document symbol and the page
("CD/1839" / "Page 2"), a footer with the job number and the page number ("GE.08-60513", "- 2 -"),
justified text with automatic hyphenation (LibreOffice hyphenates with the patterns of Debian's
``hyphen-en-us``), the title larger and bold, article numbers centred and bold, footnotes, and
optionally two columns. ``paragraphs_of`` says which paragraphs a draft is written as, so that the
HTML fixtures (:mod:`.pdf_html`) print the very same text.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt

from treaty_diff.model.draft import Draft

FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


@dataclass(frozen=True)
class Para:
    """One paragraph of the printed draft: its text, its role (title, num, heading, text, point, p), and the
    footnote attached to its end, if any."""

    text: str
    role: str
    note: str | None = None


@dataclass(frozen=True)
class Layout:
    """What the running header and footer say, how many columns, and which paragraphs carry a footnote."""

    symbol: str = "CD/1839"
    job: str = "GE.08-60513"
    columns: int = 1
    notes: dict[str, str] | None = None
    """Footnotes by the eId of the block whose paragraph they end; None: the default two."""


def default_notes(draft: Draft) -> dict[str, str]:
    """Two footnotes: one on the title (or the first block), one on the first paragraph of the last article."""
    first = draft.provisions[0].blocks[-1].eid if draft.provisions[0].kind == "title" else draft.provisions[0].blocks[0].eid
    last = draft.articles[-1].blocks[0].eid
    return {first: "Reproduced for the tests of treaty-diff from the corpus text; not an official document.",
            last: "Footnotes are not part of the treaty text: they are kept as notes."}


def paragraphs_of(draft: Draft, notes: dict[str, str] | None = None) -> list[Para]:
    """The paragraphs a draft is printed as, in order, with their footnotes."""
    notes = default_notes(draft) if notes is None else notes
    out: list[Para] = []
    for provision in draft.provisions:
        if provision.kind == "article":
            assert provision.num is not None
            out.append(Para(provision.num, "num"))
            if provision.heading:
                out.append(Para(provision.heading, "heading"))
        for block in provision.blocks:
            role = "title" if block.kind == "title" else "point" if block.kind == "point" else "text"
            out.append(Para(block.text, role, notes.get(block.eid)))
    return out


def write_un_docx(draft: Draft, path: Path, layout: Layout | None = None) -> list[Para]:
    """Write ``draft`` as a DOCX in the UN layout; returns the paragraphs written."""
    layout = layout or Layout()
    paragraphs = paragraphs_of(draft, layout.notes)
    write_paragraphs(paragraphs, path, layout)
    return paragraphs


def write_paragraphs(paragraphs: list[Para], path: Path, layout: Layout) -> None:
    """Write paragraphs as a DOCX in the UN layout; a paragraph of role "break" starts a new page."""
    document = docx.Document()
    _page_setup(document, layout)
    _styles(document)
    notes: list[str] = []
    for para in paragraphs:
        if para.role == "break":
            document.add_page_break()  # type: ignore[no-untyped-call]  # python-docx ships no types
            continue
        paragraph = document.add_paragraph(para.text)
        fmt = paragraph.paragraph_format
        fmt.space_after = Pt(6)
        if para.role in ("title", "num", "heading"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            fmt.keep_with_next = True
            for run in paragraph.runs:
                run.bold = True
                if para.role == "title":
                    run.font.size = Pt(14)
        else:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            if para.role == "point":
                fmt.left_indent = Mm(10)
        if para.note is not None:
            notes.append(para.note)
            paragraph._p.append(parse_xml(
                f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{len(notes)}"/></w:r>'))
    if notes:
        _add_footnotes(document, notes)
    document.save(str(path))


def libreoffice_pdfs(documents: list[Path], out: Path, profile: Path, timeout: float = 120.0,
                     tagged: bool = True) -> None:
    """Print DOCX files to PDF in ``out`` with one headless LibreOffice (its own profile in ``profile``), as Tagged
    PDF (``tagged``): what the official documents are (accessible PDF), and the only form in which LibreOffice
    says which hyphens its layout added (an ActualText soft hyphen on each); else as LibreOffice prints by
    default."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice is needed for the PDF fixtures: apt-get install libreoffice-writer")
    export = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}' if tagged else "pdf"
    subprocess.run([soffice, "--headless", "--invisible", "--norestore", "--nolockcheck",
                    f"-env:UserInstallation={profile.resolve().as_uri()}", "--convert-to", export, "--outdir",
                    str(out), *map(str, documents)], check=True, timeout=timeout, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    missing = [d.name for d in documents if not (out / d.with_suffix(".pdf").name).exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not print {missing}")


def _page_setup(document: docx.document.Document, layout: Layout) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(30), Mm(30)
    section.left_margin, section.right_margin = Mm(25), Mm(25)
    section.header_distance, section.footer_distance = Mm(12), Mm(12)
    if layout.columns > 1:
        section._sectPr.append(parse_xml(f'<w:cols {nsdecls("w")} w:num="{layout.columns}" w:space="567"/>'))
    header = section.header.paragraphs[0]
    header.text = f"{layout.symbol}\t\tPage "
    _page_field(header)
    footer = section.footer.paragraphs[0]
    footer.text = f"{layout.job}\t\t- "
    _page_field(footer)
    footer.add_run(" -")
    for paragraph in (header, footer):
        for run in paragraph.runs:
            run.font.size = Pt(9)


def _page_field(paragraph: Any) -> None:  # a python-docx Paragraph (python-docx ships no types)
    paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="18"/>'
                                  "</w:rPr><w:t>1</w:t></w:r></w:fldSimple>"))


def _styles(document: docx.document.Document) -> None:
    """Times New Roman 11 pt, English (United States) so that LibreOffice hyphenates; automatic hyphenation on."""
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Serif"
    normal.font.size = Pt(11)
    rpr = normal.element.get_or_add_rPr()
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="en-US"/>'))
    settings = document.settings.element
    settings.append(parse_xml(f'<w:autoHyphenation {nsdecls("w")}/>'))


def _add_footnotes(document: docx.document.Document, notes: list[str]) -> None:
    """A footnotes part (python-docx has no API for it) with the separators Word expects and one note each."""
    w = nsdecls("w")
    body = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:vertAlign '
        f'w:val="superscript"/><w:sz w:val="18"/></w:rPr><w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="18"/></w:rPr>'
        f'<w:t xml:space="preserve"> {_escape(text)}</w:t></w:r></w:p></w:footnote>'
        for n, text in enumerate(notes, start=1)
    )
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {w}>'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
           f"</w:footnote>{body}</w:footnotes>")
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["Layout", "Para", "default_notes", "libreoffice_pdfs", "paragraphs_of", "write_paragraphs", "write_un_docx"]
