"""Paragraphs to a :class:`~treaty_diff.model.Draft`: the parser that the text, DOCX and PDF importers use.

Structure is found where it exists and never required. The paragraphs (see
:mod:`treaty_diff.read.importers.paragraphs`) are placed in order:

- the preface: every paragraph before the preamble (or, in a document without
  a preamble, before its first unit); the last one (or the one a DOCX styles
  as Title) is the title;
- the preamble: an opening that ends with a comma ("The States Parties to this
  Treaty,", "The General Assembly,"), or that is followed by recitals ("The
  Subscribing States" before "Recalling ...,"), the recitals, and the formula
  ("Have agreed as follows:", "Hereby agree ...", "Have adopted the
  following:"). A preamble alone is a draft;
- the body (see :mod:`.sections`): articles ("Article I", "Статья 1",
  "第一条", ...), else numbered sections and clauses ("Section 2", "1.
  DEFINITIONS"), else a resolution's operative paragraphs, else each
  paragraph and table row; parts, chapters and annexes hold them. Inside a
  unit: numbered paragraphs, lettered, roman or numbered points, unlettered
  items and wrap-ups (see :mod:`.articles`);
- definitions: 'the term "X" means ...', '"X" means ...' anywhere; 'X means
  ...' and 'considered as "X"' in a list introduced by "For the purpose(s) of
  this ..." or under a heading "Definitions" or "Use of terms" (see
  :mod:`.definitions`);
- the conclusions: "IN WITNESS WHEREOF ...", "DONE ...", "Done at ...", and
  signature lines ("For the Government of ..."), to the end or to an annex.

Paragraphs that are only a page number are dropped from text that came from
a paginated source (never from a Word document). The provisions and blocks
are built by :mod:`.blocks`. What cannot be placed is reported as a
:class:`~treaty_diff.read.importers.paragraphs.Notice`; the words of the text
are never changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from treaty_diff.model.draft import Draft, DraftMeta, Provenance, Provision
from treaty_diff.read.importers.articles import Item
from treaty_diff.read.importers.blocks import preamble_provision, simple_provision
from treaty_diff.read.importers.dates import find_date
from treaty_diff.read.importers.headings import DIVISION_LINE, SECTION_LINE, looks_like_heading, unmarked
from treaty_diff.read.importers.paragraphs import (
    ARTICLE_LINE,
    CONCLUSION,
    FORMULA,
    PAGE_NUMBER,
    PARAGRAPH_NUM,
    Notice,
    Paragraph,
    quote,
)
from treaty_diff.read.importers.sections import Body, Scheme, find_scheme, section_heading

SIGNATURE = re.compile(
    r"^For (?:the )?(?:Government|Governments|Republic|Kingdom|State|States|People'?s|United|Union|Federal|"
    r"Russian|Democratic|Islamic|Commonwealth|Confederation|Grand Duchy|Principality)\b"
)
PREAMBLE_WORD = re.compile(r"^preamble\s*:?$", re.IGNORECASE)
PART_HEADING = DIVISION_LINE
#: The first words of a recital (of a resolution's preambular paragraph), in English, French, Spanish, Russian.
RECITAL_START = re.compile(
    r"^(?:(?:Also|Further|Deeply|Gravely|Strongly|Firmly|Fully|Noting further|Recalling further)\s+)?"
    r"(?:Recalling|Reaffirming|Recogni[sz]ing|Noting|Considering|Convinced|Desiring|Desirous|Bearing in mind"
    r"|Mindful|Aware|Concerned|Emphasi[sz]ing|Welcoming|Acknowledging|Determined|Conscious|Believing|Affirming"
    r"|Stressing|Expressing|Taking (?:note|into account|into consideration)|Having (?:considered|regard|examined"
    r"|reviewed)|Guided by|Seeking|Inspired|Wishing|Underlining|Underscoring|Reiterating|Whereas|Observing"
    r"|Alarmed|Encouraged|Cognizant|Commending|Appreciating|Declaring|Proclaiming|Resolved|Affirming"
    r"|Rappelant|Réaffirmant|Reconnaissant|Notant|Considérant|Convaincus?|Désireux|Conscients?|Préoccupés?"
    r"|Soulignant|Ayant|Tenant compte|Recordando|Reafirmando|Reconociendo|Observando|Considerando"
    r"|Convencid[oa]s|Deseos[oa]s|Conscientes|Preocupad[oa]s|Teniendo|Напоминая|Подтверждая|Признавая|Отмечая"
    r"|Учитывая|Будучи|Стремясь|Желая|Считая|Сознавая)\b"
)


@dataclass(frozen=True)
class TextImport:
    """The result of parsing: the draft and what could not be placed (and what was inferred)."""

    draft: Draft
    notices: tuple[Notice, ...]
    inferred_breaks: int = 0
    """How many paragraph breaks were inferred from the line layout (text with no blank lines)."""
    errors: tuple[Notice, ...] = ()
    """What makes the text impossible to import as a valid draft (an article without any text)."""

    @property
    def warnings(self) -> list[str]:
        return [str(notice) for notice in self.notices]


def parse_paragraphs(paragraphs: Sequence[Paragraph], meta: DraftMeta, provenance: Provenance,
                     origin: str = "", inferred_breaks: int = 0, paginated: bool = True) -> TextImport:
    """Place paragraphs (from a text file, a DOCX or a PDF) into a draft, finding the structure that exists.

    ``paginated`` says that the text may hold page numbers on lines of their own (text copied out of a PDF):
    they are dropped with a notice. A Word document's paragraphs are never dropped.
    """
    notices: list[Notice] = []
    errors: list[Notice] = []
    if paginated:
        paragraphs = _drop_page_numbers(paragraphs, notices)
    scheme = find_scheme(paragraphs)
    index, preface, opened = _preface(paragraphs, scheme)
    preamble: list[Item] = []
    if scheme == "article" or opened:
        index = _preamble(paragraphs, index, scheme, preamble)
    body = Body(scheme, notices, resolution=bool(preamble))
    body.numbered = scheme == "paragraph" and sum(
        1 for p in paragraphs[index:] if p.cell is None and PARAGRAPH_NUM.match(p.text)) >= 2
    for para in paragraphs[index:]:
        signature = bool(SIGNATURE.match(para.text)) and len(para.text.split()) <= 15
        if not body.add(para, signature, bool(CONCLUSION.match(para.text))):
            notices.append(Notice(_before_first_article(para.text, preamble), para.line))
            preamble.append(Item("recital" if preamble else "intro", None, para.full, para.line))
    provisions: list[Provision] = []
    title_index = _title_index(preface)
    if preface:
        items = [Item("title" if n == title_index else "p", None, p.full, p.line) for n, p in enumerate(preface)]
        provisions.append(simple_provision("title", "preface", items, provenance))
    if preamble:
        provisions.append(preamble_provision(preamble, provenance))
    provisions.extend(body.provisions(provenance, errors,
                                      lambda items: simple_provision("conclusions", "conclusions", items,
                                                                     provenance)))
    title = preface[title_index].full if title_index is not None else ""
    if not meta.title and title:
        meta = replace(meta, title=title)
    if scheme != "article" and meta.document_type in ("bill", "act"):
        resolution = bool(preamble) and scheme == "paragraph"
        meta = replace(meta, document_type="statement" if resolution else "doc",
                       document_name="resolution" if resolution else "document")
    draft = Draft(meta=meta, provisions=tuple(provisions), origin=origin)
    return TextImport(draft, tuple(notices), inferred_breaks, tuple(errors))


def _preface(paragraphs: Sequence[Paragraph], scheme: Scheme) -> tuple[int, list[Paragraph], bool]:
    """The paragraphs before the preamble (or before the body), where the rest starts, and whether a preamble
    opens there.

    In a document of articles the preface runs to the preamble's opening (a paragraph that ends with a comma),
    the formula or the first article, as it always did. Elsewhere it runs to a preamble's opening (a comma, or
    a short line before recitals), a division or the first unit; without any of these, only a paragraph styled
    as the title (in a DOCX) is the preface, and every other paragraph is text of the body.
    """
    preface: list[Paragraph] = []
    for index, para in enumerate(paragraphs):
        body = para.text
        if _opens_preamble(paragraphs, index, scheme):
            return index, preface, True
        if FORMULA.match(body):
            return index, preface, True
        if scheme == "article" and ARTICLE_LINE.match(body):
            return index, preface, False
        if scheme != "article" and _starts_body(para, scheme):
            # before sections, divisions or numbered paragraphs, a title page; before a table, only a Title
            kept = _heading_like(preface) if para.cell is None else _titles(preface)
            return len(kept), kept, False
        preface.append(para)
        if PREAMBLE_WORD.match(body):
            return index + 1, preface, True
    if scheme == "article":
        return len(paragraphs), preface, False
    kept = _titles(preface)
    return len(kept), kept, False


def _titles(preface: list[Paragraph]) -> list[Paragraph]:
    """The leading paragraphs styled as the title (in a DOCX): the preface of a document without structure."""
    count = 0
    while count < len(preface) and preface[count].style == "title":
        count += 1
    return preface[:count]


def _heading_like(preface: list[Paragraph]) -> list[Paragraph]:
    """The leading paragraphs of a preface that read as a title page (headings, symbols, dates)."""
    kept: list[Paragraph] = []
    for para in preface:
        if para.cell is not None or not (para.style == "title" or looks_like_heading(para.text,
                                                                                 para.style is not None)):
            break
        kept.append(para)
    return kept


def _starts_body(para: Paragraph, scheme: Scheme) -> bool:
    """Whether a paragraph is a division or the first unit of a document without articles."""
    if para.cell is not None or (DIVISION_LINE.match(para.text) and not (
            scheme != "article" and SECTION_LINE.match(para.text))):
        return True
    if scheme == "section":
        return section_heading(para) is not None
    return bool(PARAGRAPH_NUM.match(para.text))


def _opens_preamble(paragraphs: Sequence[Paragraph], index: int, scheme: Scheme) -> bool:
    """Whether the paragraph at ``index`` opens a preamble: it ends with a comma ("The General Assembly,"), or
    it is a short line of no final punctuation followed by a recital ("The Subscribing States" before
    "Recalling ..."), or it is itself the first recital. Outside a document of articles an opening that ends
    with a comma must also be short and followed by a recital, the formula or the first unit."""
    para = paragraphs[index]
    body = unmarked(para.text)
    if para.cell is not None:
        return False
    following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
    if body.endswith((",", "，")):
        if scheme == "article":
            return True
        return following is not None and len(body.split()) <= 40 and (
            _recital_like(following) or FORMULA.match(following.text) is not None
            or _starts_body(following, scheme))
    if _recital_like(para) and RECITAL_START.match(body):
        return True
    return (following is not None and RECITAL_START.match(following.text) is not None and _recital_like(following)
            and len(body.split()) <= 12 and not body.endswith((".", ";", ":")) and body[:1].isupper())


def _recital_like(para: Paragraph) -> bool:
    """A preambular paragraph: it ends with a comma or a semicolon, or it starts as recitals do."""
    text = unmarked(para.text)
    return para.cell is None and (text.endswith((",", ";", "，", "；")) or RECITAL_START.match(text) is not None) \
        and not PARAGRAPH_NUM.match(text)


def _preamble(paragraphs: Sequence[Paragraph], index: int, scheme: Scheme, preamble: list[Item]) -> int:
    """Fill ``preamble`` from ``index``: to the formula (kept), the first unit or the conclusions; outside a
    document of articles also to the first paragraph that is no recital. Returns where the body starts."""
    while index < len(paragraphs):
        para = paragraphs[index]
        body, line = para.text, para.line
        if (ARTICLE_LINE.match(body) and scheme == "article") or (preamble and CONCLUSION.match(body)):
            break
        if FORMULA.match(body):
            preamble.append(Item("formula", None, para.full, line))
            return index + 1
        if scheme != "article" and preamble and (_starts_body(para, scheme) or not _recital_like(para)):
            break
        preamble.append(Item("intro" if not preamble else "recital", None, para.full, line))
        index += 1
    return index


def _before_first_article(body: str, preamble: list[Item]) -> str:
    """What happens to a paragraph between the preamble and the first article, said precisely.

    A draft has nothing between the formula and the first article, and the
    formula ends the preamble: such a paragraph goes to the end of the
    preamble's recitals, which puts it before the formula, out of reading
    order, and the message says so.
    """
    what = f"text {quote(body, 40)} before the first article"
    formula = next((item for item in preamble if item.kind == "formula"), None)
    if formula is None:
        return f"{what} kept at the end of the preamble's recitals"
    return (f"{what} stands after the formula {quote(formula.body, 40)}; moved before the formula, to the end of "
            "the preamble's recitals (a draft has nothing between the formula and the first article)")


def _drop_page_numbers(paragraphs: Sequence[Paragraph], notices: list[Notice]) -> list[Paragraph]:
    """Paragraphs that are only a page number ("3", "- 3 -", "Page 3 of 9") are artefacts of a paginated source
    (a PDF): dropped. A table cell never is."""
    kept: list[Paragraph] = []
    for para in paragraphs:
        if PAGE_NUMBER.match(para.text) and para.cell is None:
            notices.append(Notice(f"{quote(para.text)} looks like a page number; dropped", para.line))
        else:
            kept.append(para)
    return kept


def _title_index(preface: list[Paragraph]) -> int | None:
    """The paragraph of the preface that is the title: the one styled Title, else the last (not "Preamble")."""
    styled = [n for n, p in enumerate(preface) if p.style == "title"]
    if styled:
        return styled[-1]
    candidates = [n for n, p in enumerate(preface) if not PREAMBLE_WORD.match(p.text)]
    # a line that only dates the document ("Version of 3 March 2025") is not its title
    titled = [n for n in candidates if len(preface[n].text.split()) > 8 or find_date([preface[n].text]) is None]
    return (titled or candidates)[-1] if candidates else None


__all__ = ["PART_HEADING", "PREAMBLE_WORD", "SIGNATURE", "TextImport", "parse_paragraphs"]
