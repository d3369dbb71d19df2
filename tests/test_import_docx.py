"""Importing Word documents: text, Word's automatic numbering, styles, tables, tracked changes.

The round-trip documents are written here with python-docx from the bundled
drafts: once with the numbers typed into the text, once with real Word list
numbering (abstract definitions and instances added to numbering.xml).
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph as DocxParagraph

from treaty_diff.model.draft import Draft
from treaty_diff.model.numbers import roman_to_int
from treaty_diff.read.akn import draft_to_xml, parse_bytes
from treaty_diff.read.corpus import CORPUS_IDS, load_corpus_draft
from treaty_diff.read.importers import ImportOptions, import_file
from treaty_diff.read.importers.docx import read_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# -- writing DOCX files from drafts ---------------------------------------------------------------------


class _Numbering:
    """Adds abstract numbering definitions and instances to a python-docx document's numbering part."""

    def __init__(self, document: docx.document.Document) -> None:
        self.element = document.part.numbering_part.element
        self.next_abstract = 100
        self.next_num = 100

    def abstract(self, levels: list[tuple[str, str]]) -> int:
        """A multi-level definition; ``levels`` are (numFmt, lvlText) for levels 0, 1, ..."""
        aid = self.next_abstract
        self.next_abstract += 1
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="left"/></w:lvl>'
            for i, (fmt, text) in enumerate(levels)
        )
        node = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
                         f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
        first_num = self.element.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(node)  # the schema wants every abstractNum before the first num
        else:
            self.element.append(node)
        return aid

    def instance(self, aid: int, restart: bool = True) -> int:
        """A numbering instance; ``restart`` gives it its own counters starting at 1 (Word's "restart numbering")."""
        nid = self.next_num
        self.next_num += 1
        override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
        self.element.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}">'
                                      f'<w:abstractNumId w:val="{aid}"/>{override}</w:num>'))
        return nid


def _number(paragraph: DocxParagraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


_BLOCK_NUM = re.compile(r"^(?:(?P<dec>\d+)\.|\((?P<letter>[a-z])\)|\((?P<roman>[ivx]+)\)|\((?P<paren>\d+)\))$")


def write_docx(draft: Draft, path: Path, numbered: bool) -> None:
    """The draft as a Word document: the title styled Title, article numbers styled Heading 1.

    With ``numbered``, every number (articles, paragraphs, points) comes from
    Word list numbering instead of the text, and unlettered points are bullets.
    """
    document = docx.Document()
    numbering = _Numbering(document)
    articles_roman = numbering.abstract([("upperRoman", "Article %1")])
    articles_decimal = numbering.abstract([("decimal", "Article %1")])
    paragraphs = numbering.abstract([("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")])
    bullets = numbering.abstract([("bullet", "•")])
    articles_num: int | None = None
    expected_article = 1
    for provision in draft.provisions:
        if provision.kind == "article":
            assert provision.num is not None
            value = provision.num.split()[-1]
            if numbered:
                if articles_num is None:
                    roman = roman_to_int(value) is not None and not value.isdigit()
                    articles_num = numbering.instance(articles_roman if roman else articles_decimal)
                number = int(value) if value.isdigit() else roman_to_int(value)
                assert number == expected_article, "the fixture writes articles numbered 1, 2, 3 ..."
                expected_article += 1
                _number(document.add_paragraph(provision.heading or "", style="Heading 1"), articles_num, 0)
            else:
                document.add_paragraph(provision.num, style="Heading 1")
                if provision.heading:
                    document.add_paragraph(provision.heading, style="Heading 2")
            list_num = numbering.instance(paragraphs)
            bullet_num = numbering.instance(bullets)
            counters: dict[int, int] = {}
            for block in provision.blocks:
                if not numbered or (block.num is None and block.kind != "point"):
                    document.add_paragraph(block.text)
                    continue
                if block.num is None:
                    _number(document.add_paragraph(block.body), bullet_num, 0)
                    continue
                match = _BLOCK_NUM.match(block.num)
                assert match, f"the fixture cannot express the number {block.num!r}"
                level = 0 if match.group("dec") else 2 if block.depth >= 2 else 1
                position = (int(match.group("dec")) if level == 0 else ord(match.group("letter")) - ord("a") + 1
                            if level == 1 else roman_to_int(block.num.strip("()")) or 0)
                counters[level] = counters.get(level, 0) + 1
                for deeper in [k for k in counters if k > level]:
                    del counters[deeper]
                assert counters[level] == position, "the fixture writes lists numbered without gaps"
                _number(document.add_paragraph(block.body), list_num, level)
        else:
            for block in provision.blocks:
                document.add_paragraph(block.text, style="Title" if block.kind == "title" else None)
    document.save(str(path))


def _texts(draft: Draft) -> list[tuple[str, str]]:
    return [(p.eid, p.text) for p in draft.provisions]


# -- round trips ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("draft_id", CORPUS_IDS)
@pytest.mark.parametrize("numbered", [False, True], ids=["typed-numbers", "word-numbering"])
def test_a_docx_written_from_a_bundled_draft_imports_to_the_same_texts(draft_id: str, numbered: bool,
                                                                       tmp_path: Path) -> None:
    bundled = load_corpus_draft(draft_id)
    path = tmp_path / f"{draft_id}.docx"
    write_docx(bundled, path, numbered)
    result = import_file(path, ImportOptions(id=draft_id))
    assert _texts(result.draft) == _texts(bundled)
    assert [b.eid for p in result.draft.provisions for b in p.blocks] == [
        b.eid for p in bundled.provisions for b in p.blocks
    ]
    assert result.warnings == (f"{path}: provenance not given: the text is taken to be verbatim (the official "
                               "wording); import with --provenance reconstructed if it is not",)


def test_word_numbering_really_is_in_the_numbered_fixture(tmp_path: Path) -> None:
    bundled = load_corpus_draft("moon-1979")
    path = tmp_path / "moon.docx"
    write_docx(bundled, path, numbered=True)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert "Article 8" not in texts and not any(t.startswith("1. ") for t in texts)
    numbered = sum(1 for p in document.paragraphs if p._p.find(f".//{{{W}}}numPr") is not None)
    assert numbered == len(bundled.articles) + sum(1 for p in bundled.articles for b in p.blocks if b.num)


def test_the_imported_docx_draft_writes_and_reads_back_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "ppwt.docx"
    write_docx(load_corpus_draft("ppwt-2014"), path, numbered=True)
    draft = import_file(path, ImportOptions(id="ppwt-2014", date="2014-06-12")).draft
    assert parse_bytes(draft_to_xml(draft), "again") == draft


# -- numbering -----------------------------------------------------------------------------------------------


def _numbered_document(tmp_path: Path, levels: list[tuple[str, str]], items: list[tuple[int, str]],
                       restart_levels: dict[int, int] | None = None, start_override: int | None = None,
                       legal: bool = False) -> list[str]:
    """Paragraphs numbered by one definition; returns the texts the importer reads (with Word's numbers)."""
    document = docx.Document()
    numbering = _Numbering(document)
    aid = numbering.abstract(levels)
    definition = numbering.element.find(f"{{{W}}}abstractNum[@{{{W}}}abstractNumId='{aid}']")
    for ilvl, restart in (restart_levels or {}).items():
        lvl = definition.find(f"{{{W}}}lvl[@{{{W}}}ilvl='{ilvl}']")
        lvl.find(qn("w:lvlText")).addnext(parse_xml(f'<w:lvlRestart {nsdecls("w")} w:val="{restart}"/>'))
    if legal:
        lvl = definition.find(f"{{{W}}}lvl[@{{{W}}}ilvl='{len(levels) - 1}']")
        lvl.find(qn("w:numFmt")).addprevious(parse_xml(f'<w:isLgl {nsdecls("w")}/>'))
    nid = numbering.instance(aid, restart=False)
    if start_override is not None:
        numbering.element.find(f"{{{W}}}num[@{{{W}}}numId='{nid}']").append(parse_xml(
            f'<w:lvlOverride {nsdecls("w")} w:ilvl="0"><w:startOverride w:val="{start_override}"/></w:lvlOverride>'))
    for ilvl, text in items:
        _number(document.add_paragraph(text), nid, ilvl)
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    return [p.text for p in read_docx(path, "numbered.docx").paragraphs]


def test_word_numbering_shows_the_number_word_displays_with_per_level_counters(tmp_path: Path) -> None:
    texts = _numbered_document(
        tmp_path,
        [("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")],
        [(0, "one"), (1, "a"), (1, "b"), (2, "i"), (2, "ii"), (1, "c"), (0, "two"), (1, "a again"), (2, "i again")],
    )
    assert texts == ["1. one", "(a) a", "(b) b", "(i) i", "(ii) ii", "(c) c", "2. two", "(a) a again",
                     "(i) i again"]


def test_a_level_with_lvl_restart_zero_keeps_counting_across_higher_levels(tmp_path: Path) -> None:
    texts = _numbered_document(tmp_path, [("upperRoman", "Part %1"), ("decimal", "Article %2")],
                               [(0, "A"), (1, "x"), (1, "y"), (0, "B"), (1, "z")], restart_levels={1: 0})
    assert texts == ["Part I A", "Article 1 x", "Article 2 y", "Part II B", "Article 3 z"]


def test_start_override_and_legal_numbering_are_applied(tmp_path: Path) -> None:
    texts = _numbered_document(tmp_path, [("upperLetter", "%1."), ("lowerRoman", "%1.%2")],
                               [(0, "first"), (1, "sub"), (1, "sub2")], start_override=3, legal=True)
    assert texts == ["C. first", "3.1 sub", "3.2 sub2"]


def test_paragraphs_in_the_list_number_style_are_numbered_through_the_style(tmp_path: Path) -> None:
    document = docx.Document()
    for text in ("first", "second", "third"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("no number")
    path = tmp_path / "style.docx"
    document.save(str(path))
    assert [p.text for p in read_docx(path, "style.docx").paragraphs] == ["1. first", "2. second", "3. third",
                                                                           "no number"]


def test_a_paragraph_with_num_id_zero_has_no_number(tmp_path: Path) -> None:
    document = docx.Document()
    _number(document.add_paragraph("plain"), 0, 0)
    path = tmp_path / "zero.docx"
    document.save(str(path))
    assert [p.text for p in read_docx(path, "zero.docx").paragraphs] == ["plain"]


# -- styles, tables, tracked changes -----------------------------------------------------------------------------


TREATY = [
    ("Normal", "Draft"),
    ("Title", "Treaty on Testing"),
    ("Normal", "The Parties,"),
    ("Normal", "Desiring to test,"),
    ("Normal", "Have agreed as follows:"),
    ("Heading 1", "Article 1"),
    ("Heading 2", "Scope of this Treaty, and the matters to which it applies in all its parts and annexes"),
    ("Normal", "This Treaty applies to tests."),
]


def _document(paragraphs: list[tuple[str, str]]) -> docx.document.Document:
    document = docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    return document


def test_the_title_style_and_heading_styles_place_the_title_and_a_long_article_heading(tmp_path: Path) -> None:
    path = tmp_path / "styled.docx"
    _document(TREATY).save(str(path))
    draft = import_file(path, ImportOptions(date="2020-01-01")).draft
    assert draft.meta.title == "Treaty on Testing"
    article = draft.provision("Article 1")
    assert article.heading == TREATY[6][1]
    assert [b.text for b in article.blocks] == ["This Treaty applies to tests."]


def test_a_given_title_never_replaces_the_title_paragraph_of_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "styled.docx"
    _document(TREATY).save(str(path))
    result = import_file(path, ImportOptions(title="Testing Treaty", provenance="verbatim"))
    assert result.draft.meta.title == "Testing Treaty"
    assert [b.text for b in result.draft.provision("preface").blocks] == ["Draft", "Treaty on Testing"]
    assert result.warnings == (f"{path}: the given title 'Testing Treaty' differs from the text's title paragraph "
                               "'Treaty on Testing'; the paragraph is kept as it is and the given title is the "
                               "draft's title in its metadata only",)


def test_a_docx_without_a_title_gets_no_title_provision_and_no_date(tmp_path: Path) -> None:
    path = tmp_path / "untitled.docx"
    _document(TREATY[2:]).save(str(path))
    result = import_file(path, ImportOptions(provenance="verbatim"))
    assert [p.kind for p in result.draft.provisions] == ["preamble", "article"]
    assert (result.draft.meta.title, result.draft.meta.date) == ("untitled", None)
    assert result.warnings == ()
    assert "untitled" not in result.draft.text


def test_text_in_tables_is_read_row_by_row_and_a_number_cell_joins_its_text(tmp_path: Path) -> None:
    document = _document(TREATY[:6])
    table = document.add_table(rows=2, cols=2)
    for row, (num, text) in zip(table.rows, [("1.", "First paragraph."), ("2.", "Second paragraph.")]):
        row.cells[0].text = num
        row.cells[1].text = text
    path = tmp_path / "table.docx"
    document.save(str(path))
    article = import_file(path, ImportOptions(date="2020-01-01")).draft.provision("Article 1")
    assert [(b.num, b.body) for b in article.blocks] == [("1.", "First paragraph."), ("2.", "Second paragraph.")]


def _tracked(document: docx.document.Document, paragraph_xml: str) -> None:
    document.element.body.insert(len(document.element.body) - 1, parse_xml(paragraph_xml))


def test_tracked_changes_are_read_as_accepted_with_a_warning(tmp_path: Path) -> None:
    document = _document(TREATY[:6])
    _tracked(document, (
        f'<w:p {nsdecls("w")}><w:r><w:t xml:space="preserve">States shall </w:t></w:r>'
        '<w:del w:id="1" w:author="A" w:date="2020-01-01T00:00:00Z"><w:r><w:delText>never </w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A" w:date="2020-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">not </w:t></w:r>'
        '</w:ins><w:r><w:t>test.</w:t></w:r></w:p>'
    ))
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    result = import_file(path, ImportOptions(date="2020-01-01"))
    assert result.draft.provision("Article 1").blocks[0].text == "States shall not test."
    assert any("tracked changes" in w and "1 insertion" in w and "1 deletion" in w for w in result.warnings)
    assert any("tracked changes" in n for n in result.draft.meta.notes)


def test_a_deleted_paragraph_mark_joins_the_paragraph_to_the_next(tmp_path: Path) -> None:
    document = _document(TREATY[:6])
    _tracked(document, (
        f'<w:p {nsdecls("w")}><w:pPr><w:rPr><w:del w:id="3" w:author="A" w:date="2020-01-01T00:00:00Z"/></w:rPr>'
        '</w:pPr><w:r><w:t xml:space="preserve">States shall </w:t></w:r></w:p>'
    ))
    document.add_paragraph("not test.")
    path = tmp_path / "mark.docx"
    document.save(str(path))
    result = import_file(path, ImportOptions(date="2020-01-01"))
    assert [b.text for b in result.draft.provision("Article 1").blocks] == ["States shall not test."]


def test_hidden_text_and_field_codes_are_left_out(tmp_path: Path) -> None:
    document = _document(TREATY[:6])
    _tracked(document, (
        f'<w:p {nsdecls("w")}><w:r><w:t xml:space="preserve">Parties </w:t></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>SECRET </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>shall</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:tab/><w:t>co-operate.</w:t></w:r></w:p>'
    ))
    path = tmp_path / "hidden.docx"
    document.save(str(path))
    result = import_file(path, ImportOptions(date="2020-01-01"))
    assert result.draft.provision("Article 1").blocks[0].text == "Parties shall co-operate."
    assert any("hidden text" in w for w in result.warnings)


def test_a_docx_that_is_not_a_treaty_is_a_draft_of_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    _document([("Normal", "Dear colleague,"), ("Normal", "Thank you.")]).save(str(path))
    draft = import_file(path).draft
    assert [(p.kind, p.label, p.text) for p in draft.provisions] == [
        ("paragraph", "paragraph 1", "Dear colleague,"), ("paragraph", "paragraph 2", "Thank you.")]
