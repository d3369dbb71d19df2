"""Headings: the lines that start a unit (an article, a section, a clause) or a division (a part, a chapter, an
annex), in the languages treaties are written in.

- **Articles**: "Article 1", "ARTICLE I", "Art. 2", "Article 5 bis", "Article premier", "Article 1er",
  "Artículo 3", "Artikel 4", "Articolo 5", "Artigo 6", "Статья 7", "第八条", "المادة 9" (and "المادة الأولى");
  a heading may follow on the same line ("Article 1 - Definitions", "Статья 1. Определения").
- **Divisions**: "Part II", "PART ONE", "Chapter 4", "Title III", "Book 1", "Section 2" (only where there are
  articles: then a section holds articles), "Annex", "ANNEX I", "Appendix A", "Schedule 2", and their French,
  Spanish, Russian, German and Chinese forms ("Partie", "Capítulo", "Глава", "Teil", "第二章", "第一部分", "附件").
- **Sections and clauses** (documents without articles): "Section 2", "SECTION 2.1", "§ 3", "Rule 3",
  "Clause 4", "Regulation 5", "Guideline 6", "Principle 7"; and a numbered heading, "1. DEFINITIONS",
  "2.1 Scope", "I. General principles", "A. Purpose": a number followed by text that reads as a heading (short,
  no final punctuation, or in capitals, or styled as a heading in a DOCX).

Each pattern has the groups ``num`` (the number as printed, with its word), and optionally ``sep`` and
``rest`` (what follows on the same line) and ``dot`` (a final full stop or colon).
"""

from __future__ import annotations

import re

#: Uppercase letters (Latin with accents, Greek, Cyrillic) that may start a heading after a number.
_UPPER = "A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁ"
_CJK = "\u3400-\u9fff\uf900-\ufaff"
_ARABIC_ORDINALS = "الأولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة|السابعة|الثامنة|التاسعة|العاشرة"
_LATIN_NUMBER = (
    r"(?:[IVXLCDM]+|\d+(?:er|re|\.?º|\.?°|\.?ª)?|[\u0660-\u0669\u06f0-\u06f9]+|\(\d+\)"
    r"|premier|PREMIER|première|PREMIÈRE|primero|PRIMERO|primera|PRIMERA|único|ÚNICO|" + _ARABIC_ORDINALS + ")"
)
_SUFFIX = r"(?:\s?(?:bis|ter|quater|quinquies|sexies|BIS|TER|QUATER|QUINQUIES|SEXIES))?"
_ARTICLE_WORD = (
    r"(?:Article|ARTICLE|Art\.?|ART\.?|Artículo|ARTÍCULO|Articulo|ARTICULO|Artikel|ARTIKEL|Articolo|ARTICOLO"
    r"|Artigo|ARTIGO|Artykuł|ARTYKUŁ|Статья|СТАТЬЯ|Ст\.|المادة)"
)
_CJK_NUMBER = r"第\s*[〇零一二三四五六七八九十百千两\d]+\s*"
#: The reference marks of footnotes and endnotes, as the DOCX reader writes them in the text (superscripts).
MARKS = "⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ*†‡§"
#: What may follow a number on the same line: a dash, a full stop or colon, or a capital (or CJK) after a space;
#: then, at the end, the marks of the notes the line cites.
_REST = (
    rf"(?:(?P<sep>\s*[-–—]\s*|\s*[:.]\s*|\s+(?=[{_UPPER}(\[«\"“])|\s+(?=[{_CJK}（]))(?P<rest>\S.*?))?"
    rf"(?P<dot>[.:])?(?P<marks>[{MARKS}]*)$"
)

ARTICLE_LINE = re.compile(
    rf"^(?P<num>{_ARTICLE_WORD}\s+{_LATIN_NUMBER}{_SUFFIX}|{_CJK_NUMBER}[条條])" + _REST
)

_DIVISION_WORDS = {
    "part": r"Part|PART|Partie|PARTIE|Parte|PARTE|Часть|ЧАСТЬ|Teil|TEIL|Deel|DEEL",
    "chapter": r"Chapter|CHAPTER|Chapitre|CHAPITRE|Capítulo|CAPÍTULO|Capitulo|CAPITULO|Capitolo|CAPITOLO|Глава"
               r"|ГЛАВА|Kapitel|KAPITEL|Hoofdstuk|HOOFDSTUK",
    "title": r"Title|TITLE|Titre|TITRE|Título|TÍTULO|Titolo|TITOLO",
    "book": r"Book|BOOK|Livre|LIVRE|Libro|LIBRO",
    "section": r"Section|SECTION|Sección|SECCIÓN|Seccion|SECCION|Sezione|SEZIONE|Раздел|РАЗДЕЛ|Abschnitt|ABSCHNITT",
    "annex": r"Annex|ANNEX|Annexe|ANNEXE|Anexo|ANEXO|Allegato|ALLEGATO|Приложение|ПРИЛОЖЕНИЕ|Anhang|ANHANG"
             r"|Appendix|APPENDIX|Appendice|APPENDICE|Apéndice|APÉNDICE|Schedule|SCHEDULE|Attachment|ATTACHMENT",
}
_NUMBER_WORDS = (
    r"ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten"
    r"|FIRST|SECOND|THIRD|FOURTH|FIFTH|First|Second|Third|Fourth|Fifth"
)
_DIVISION_NUMBER = rf"(?:[IVXLCDM]+|\d+(?:\.\d+)*|[A-Z]|{_NUMBER_WORDS}|premier|première|PREMIÈRE|PREMIER)"
_CJK_DIVISIONS = {"part": "部分|编|編", "chapter": "章", "section": "节|節"}

DIVISION_LINE = re.compile(
    r"^(?P<num>"
    + "|".join(
        rf"(?P<{kind}>(?:{words})\s+{_DIVISION_NUMBER}{_SUFFIX})" for kind, words in _DIVISION_WORDS.items()
        if kind != "annex")
    + rf"|(?P<annex>(?:{_DIVISION_WORDS['annex']})(?:\s+{_DIVISION_NUMBER})?)"
    + "|" + "|".join(rf"(?P<cjk_{kind}>{_CJK_NUMBER}(?:{words}))" for kind, words in _CJK_DIVISIONS.items())
    + r"|(?P<cjk_annex>附件\s*[〇零一二三四五六七八九十\d]*|附录\s*[〇零一二三四五六七八九十\d]*)"
    + ")" + _REST
)

SECTION_LINE = re.compile(
    r"^(?P<num>(?:Section|SECTION|Sect\.|SECT\.|Sec\.|SEC\.|§|Rule|RULE|Clause|CLAUSE|Regulation|REGULATION"
    r"|Guideline|GUIDELINE|Principle|PRINCIPLE|Règle|RÈGLE|Regla|REGLA|Правило|ПРАВИЛО)\s*"
    r"(?:\d+(?:\.\d+)*|[IVXLC]+|[A-Z])" + _SUFFIX + ")" + _REST
)

#: A number that may open a numbered heading: "1.", "1", "1.1", "2.3.", "I.", "A.", "(1)" is never one.
NUMBERED_HEADING = re.compile(
    rf"^(?P<num>\d{{1,3}}(?:\.\d{{1,3}})+\.?|\d{{1,3}}\.?|[IVXLC]{{1,6}}\.|[A-Z]\.)\s+(?P<rest>[{_UPPER}«\"“(\[].*)$"
)

_FINAL = ".;:,。；：，!?"


def unmarked(text: str) -> str:
    """``text`` without the reference marks of notes at its end ("2022,¹" is "2022,"): for reading its final
    punctuation."""
    return text.rstrip(MARKS + " ")


def looks_like_heading(text: str, styled: bool = False) -> bool:
    """Whether ``text`` reads as a heading: short (at most twelve words, or twenty CJK characters) with no final
    punctuation, or all in capitals (at most twenty words); a DOCX heading style says so by itself."""
    text = unmarked(text.strip())
    if not text:
        return False
    if styled:
        return True
    if re.search(f"[{_CJK}]", text):
        return len(text) <= 20 and text[-1] not in _FINAL
    words = text.split()
    letters = [c for c in text if c.isalpha()]
    capitals = bool(letters) and all(c.isupper() for c in letters) and len(letters) > 1
    if capitals and len(words) <= 20 and text[-1] not in ";,":
        return True
    return len(words) <= 12 and text[-1] not in _FINAL


def division_kind(match: re.Match[str]) -> str:
    """The division a :data:`DIVISION_LINE` match opens: part, chapter, title, book, section or annex."""
    for kind in ("part", "chapter", "title", "book", "section", "annex"):
        if match.group(kind) or match.groupdict().get(f"cjk_{kind}"):
            return kind
    return "part"


#: The Akoma Ntoso element of each division, and its rank (a division closes those of its rank and below).
DIVISION_ELEMENTS = {"book": ("book", 1), "part": ("part", 2), "title": ("title", 2), "chapter": ("chapter", 3),
                     "section": ("section", 4), "annex": ("hcontainer", 0), "division": ("division", 5)}


__all__ = [
    "ARTICLE_LINE",
    "DIVISION_ELEMENTS",
    "DIVISION_LINE",
    "MARKS",
    "NUMBERED_HEADING",
    "SECTION_LINE",
    "division_kind",
    "looks_like_heading",
    "unmarked",
]
