"""Paragraphs to a :class:`~treaty_diff.model.Draft`: the parser that both the text and the DOCX importer use.

The paragraphs (see :mod:`treaty_diff.read.importers.paragraphs`) are placed
in order:

- the preface: every paragraph before the preamble; the last one (or the one a
  DOCX styles as Title) is the title;
- the preamble: an opening that ends with a comma ("The States Parties to this
  Treaty,"), the recitals, and the formula ("Have agreed as follows:", "Have
  agreed on the following:", "Hereby agree ...");
- the articles: "Article I", "ARTICLE 1", "Art. 2", "Article 1 - Definitions"
  (a heading may also stand on the next line); inside them numbered paragraphs
  ("1.", "1)"), lettered, roman or numbered points ("(a)", "a)", "(iv)",
  "(1)"), roman points nested under lettered ones (and any other nesting that
  the numbers show), unlettered items after a chapeau that ends with a colon,
  and text after the points (wrap-up) (see :mod:`.articles`);
- definitions: 'the term "X" means ...', '"X" means ...' anywhere; 'X means
  ...' and 'considered as "X"' in a list introduced by "For the purpose(s) of
  this ..." or in an article headed "Definitions" or "Use of terms" (see
  :mod:`.definitions`);
- the conclusions: "IN WITNESS WHEREOF ...", "DONE ...", "Done at ...", and
  signature lines ("For the Government of ...").

Paragraphs that are only a page number are dropped. The provisions and blocks
are built by :mod:`.blocks`. What cannot be placed is reported as a
:class:`~treaty_diff.read.importers.paragraphs.Notice`; the words of the text
are never changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from treaty_diff.model.draft import Draft, DraftMeta, Provenance, Provision
from treaty_diff.read.importers.articles import ArticleNode, Item, place_paragraph, start_article
from treaty_diff.read.importers.blocks import article_provision, preamble_provision, simple_provision
from treaty_diff.read.importers.paragraphs import (
    ARTICLE_LINE,
    CONCLUSION,
    FORMULA,
    PAGE_NUMBER,
    Notice,
    Paragraph,
    quote,
)

SIGNATURE = re.compile(
    r"^For (?:the )?(?:Government|Governments|Republic|Kingdom|State|States|People'?s|United|Union|Federal|"
    r"Russian|Democratic|Islamic|Commonwealth|Confederation|Grand Duchy|Principality)\b"
)
PREAMBLE_WORD = re.compile(r"^preamble\s*:?$", re.IGNORECASE)
PART_HEADING = re.compile(r"^(?:PART|Part|CHAPTER|Chapter|SECTION|Section|TITLE)\s+(?:[IVXLC]+|\d+|[A-Z])\b")


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
                     origin: str = "", inferred_breaks: int = 0) -> TextImport:
    """Place paragraphs (from a text file or a DOCX) into a draft. A draft needs an article: without one,
    the result has no article provision and a notice says so (the caller decides whether that is an error)."""
    notices: list[Notice] = []
    errors: list[Notice] = []
    paragraphs = _drop_page_numbers(paragraphs, notices)
    index = 0
    preface: list[Paragraph] = []
    while index < len(paragraphs):
        para = paragraphs[index]
        body = para.text
        if body.endswith(",") or FORMULA.match(body) or ARTICLE_LINE.match(body):
            break
        preface.append(para)
        index += 1
        if PREAMBLE_WORD.match(body):
            break
    preamble: list[Item] = []
    while index < len(paragraphs):
        body, line = paragraphs[index].text, paragraphs[index].line
        if ARTICLE_LINE.match(body) or (preamble and CONCLUSION.match(body)):
            break
        if FORMULA.match(body):
            preamble.append(Item("formula", None, body, line))
            index += 1
            break
        preamble.append(Item("intro" if not preamble else "recital", None, body, line))
        index += 1
    articles: list[ArticleNode] = []
    seen: dict[str, ArticleNode] = {}
    conclusions: list[Item] = []
    for para in paragraphs[index:]:
        body, line = para.text, para.line
        match = ARTICLE_LINE.match(body)
        if conclusions or CONCLUSION.match(body) or (articles and SIGNATURE.match(body) and len(body.split()) <= 15):
            conclusions.append(Item("p", None, body, line))
        elif match:
            start_article(match, para, articles, seen, notices)
        elif not articles:
            notices.append(Notice(_before_first_article(body, preamble), line))
            preamble.append(Item("recital" if preamble else "intro", None, body, line))
        else:
            if PART_HEADING.match(body):
                notices.append(Notice(f"part or chapter heading {quote(body)} kept as a paragraph of "
                                      f"{articles[-1].num} (drafts have no parts)", line))
            place_paragraph(articles[-1], para, notices)
    if not articles:
        notices.append(Notice("no article found (expected lines such as 'Article 1')"))
    provisions: list[Provision] = []
    title_index = _title_index(preface)
    if preface:
        items = [Item("title" if n == title_index else "p", None, p.text, p.line) for n, p in enumerate(preface)]
        provisions.append(simple_provision("title", "preface", items, provenance))
    if preamble:
        provisions.append(preamble_provision(preamble, provenance))
    positions: set[str] = set()
    for article in articles:
        provisions.append(article_provision(article, provenance, positions, notices, errors))
    if conclusions:
        provisions.append(simple_provision("conclusions", "conclusions", conclusions, provenance))
    title = preface[title_index].text if title_index is not None else ""
    if not meta.title and title:
        meta = replace(meta, title=title)
    draft = Draft(meta=meta, provisions=tuple(provisions), origin=origin)
    return TextImport(draft, tuple(notices), inferred_breaks, tuple(errors))


def _before_first_article(body: str, preamble: list[Item]) -> str:
    """What happens to a paragraph between the preamble and the first article, said precisely.

    A draft has nothing between the formula and the first article, and the
    formula ends the preamble: such a paragraph goes to the end of the
    preamble's recitals, which puts it before the formula, out of reading
    order, and the message says so.
    """
    what = (f"part or chapter heading {quote(body)} (drafts have no parts)" if PART_HEADING.match(body)
            else f"text {quote(body, 40)} before the first article")
    formula = next((item for item in preamble if item.kind == "formula"), None)
    if formula is None:
        return f"{what} kept at the end of the preamble's recitals"
    return (f"{what} stands after the formula {quote(formula.body, 40)}; moved before the formula, to the end of "
            "the preamble's recitals (a draft has nothing between the formula and the first article)")


def _drop_page_numbers(paragraphs: Sequence[Paragraph], notices: list[Notice]) -> list[Paragraph]:
    """Paragraphs that are only a page number ("3", "- 3 -", "Page 3 of 9") are artefacts of a PDF: dropped."""
    kept: list[Paragraph] = []
    for para in paragraphs:
        if PAGE_NUMBER.match(para.text):
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
    return candidates[-1] if candidates else None


__all__ = ["PART_HEADING", "PREAMBLE_WORD", "SIGNATURE", "TextImport", "parse_paragraphs"]
