"""Structure found where it exists, never required: resolutions, sections, parts and annexes, other languages.

Four pairs written for these tests (tests/data/structure; each file's header says what was changed, which is
the truth checked here): a resolution and its revision, a code of conduct with numbered sections, a convention
with parts and an annex table, and the Chinese 2014 excerpt against an edited copy. Each is imported from its
text and from a Word document made of the same text, compared, and rendered in every format.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.cli import Run
from support.structure import STRUCTURE, text_to_docx

from treaty_diff.compare import compare
from treaty_diff.model.comparison import Comparison
from treaty_diff.model.draft import Draft
from treaty_diff.read.akn import draft_to_xml, parse_bytes
from treaty_diff.read.corpus import load_draft
from treaty_diff.read.importers import ImportOptions, import_text

PAIRS = {
    "resolution": ("resolution-2023", "resolution-2024"),
    "code": ("code-v1", "code-v2"),
    "convention": ("convention-v1", "convention-v2"),
    "chinese": ("ppwt-2014-zh", "ppwt-2014-zh-edited"),
}

Row = tuple[str, str, str, bool, bool]


def _path(name: str, fmt: str, folder: Path) -> Path:
    source = STRUCTURE / f"{name}.txt"
    return source if fmt == "txt" else text_to_docx(source, folder / f"{name}.docx")


def _load(name: str, fmt: str, folder: Path) -> Draft:
    return load_draft(str(_path(name, fmt, folder)), provenance="reconstructed")


def _compared(pair: str, fmt: str, folder: Path) -> Comparison:
    old, new = PAIRS[pair]
    return compare(_load(old, fmt, folder), _load(new, fmt, folder))


def _rows(comparison: Comparison) -> list[Row]:
    """Each change as (old labels, new labels, kind, renumbered, moved)."""
    return [(" + ".join(i.label for i in c.old) or "-", " + ".join(i.label for i in c.new) or "-", c.kind,
             c.renumbered, c.moved) for c in comparison.changes]


FORMATS = ["txt", "docx"]


# -- the resolution ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_resolutions_operative_paragraphs_are_paired_by_content_through_renumbering_moves_and_deletions(
        fmt: str, tmp_path: Path) -> None:
    comparison = _compared("resolution", fmt, tmp_path)
    op = "operative paragraph"
    assert _rows(comparison) == [
        ("the title", "the title", "modified", False, False),
        ("the preamble", "the preamble", "modified", False, False),
        (f"{op} 1", f"{op} 1", "unchanged", False, False),
        (f"{op} 2", f"{op} 2", "modified", False, False),  # 2(c) reworded
        (f"{op} 3", f"{op} 3", "unchanged", False, False),
        (f"{op} 5", f"{op} 4", "modified", True, False),  # 5(c) split into (c) and (d)
        (f"{op} 6", f"{op} 5", "unchanged", True, False),
        (f"{op} 7", "-", "deleted", False, False),
        (f"{op} 8", f"{op} 6", "unchanged", True, False),
        (f"{op} 4", f"{op} 7", "unchanged", True, True),  # moved after 8
        (f"{op} 9", f"{op} 8", "unchanged", True, False),
        ("-", f"{op} 9", "inserted", False, False),
        (f"{op} 10", f"{op} 10", "unchanged", False, False),
        (f"{op} 11", f"{op} 11", "unchanged", False, False),
        (f"{op} 12", f"{op} 12", "unchanged", False, False),
        (f"{op} 13", f"{op} 13", "modified", False, False),
    ]
    preamble = comparison.changes[1]
    merged = [part for part in preamble.parts if part.kind == "merged"]
    assert [[line.eid for line in part.old] for part in merged] == [["preamble__recs__rec_1", "preamble__recs__rec_2"]]
    split = [part for part in comparison.changes[5].parts if part.kind == "split"]
    assert [[line.num for line in part.new] for part in split] == [["(c)", "(d)"]]


def test_a_resolution_is_a_statement_with_its_preamble_and_numbered_operative_paragraphs() -> None:
    draft = load_draft(str(STRUCTURE / "resolution-2023.txt"), provenance="reconstructed")
    assert (draft.meta.document_type, draft.meta.document_name) == ("statement", "resolution")
    assert draft.meta.title == "98/41. Responsible behaviour in outer space"
    assert draft.meta.symbol == "A/RES/98/41"
    preamble = draft.provision("preamble")
    assert preamble.blocks[0].text == "The General Assembly,"
    assert [b.kind for b in preamble.blocks].count("recital") == 9
    second = draft.provision("para_2")
    assert (second.num, second.label) == ("2.", "operative paragraph 2")
    assert [b.num for b in second.blocks] == [None, "(a)", "(b)", "(c)"]
    assert len(draft.units) == 13 and all(p.kind == "paragraph" for p in draft.units)


# -- the code of conduct -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_code_of_numbered_sections_pairs_its_sections_and_keeps_its_parts(fmt: str, tmp_path: Path) -> None:
    comparison = _compared("code", fmt, tmp_path)
    assert _rows(comparison) == [
        ("the title", "the title", "modified", False, False),
        ("the preamble", "the preamble", "modified", False, False),  # a recital added
        ("I. CORE PROVISIONS", "I. CORE PROVISIONS", "unchanged", False, False),
        ("Section 1", "Section 1", "unchanged", False, False),
        ("Section 2", "Section 2", "modified", False, False),  # 2.2 moved out
        ("-", "Section 3", "inserted", False, False),
        ("II. SAFETY OF SPACE OPERATIONS", "II. SAFETY OF SPACE OPERATIONS", "unchanged", False, False),
        ("Section 3", "Section 4", "modified", True, False),  # 3.3 reworded
        ("Section 4", "Section 5", "modified", True, False),  # only its paragraph numbers
        ("III. COOPERATION MECHANISMS", "III. COOPERATION MECHANISMS", "unchanged", False, False),
        ("Section 5", "Section 6", "modified", True, False),  # 5.2 deleted, 2.2 moved in
        ("Section 6", "Section 7", "modified", True, False),
    ]


def test_a_preamble_that_opens_without_a_comma_is_a_preamble_and_sections_sit_in_their_parts() -> None:
    draft = load_draft(str(STRUCTURE / "code-v1.txt"), provenance="reconstructed")
    preamble = draft.provision("preamble")
    assert [b.kind for b in preamble.blocks] == ["intro", "recital", "recital", "recital", "formula"]
    assert preamble.blocks[0].text == "The Subscribing States"
    assert draft.meta.title == "DRAFT INTERNATIONAL CODE OF CONDUCT FOR SPACE OPERATIONS"
    assert [(p.eid, p.kind, p.parent) for p in draft.provisions[2:6]] == [
        ("dvs_1", "division", None), ("sec_1", "section", "dvs_1"), ("sec_2", "section", "dvs_1"),
        ("dvs_2", "division", None)]
    first = draft.provision("sec_1")
    assert (first.num, first.heading, [b.num for b in first.blocks]) == ("1.", "Purpose and scope",
                                                                         ["1.1", "1.2", "1.3"])


# -- the convention with parts and an annex ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_article_moved_to_another_part_is_a_move_and_the_annex_table_is_compared_row_by_row(
        fmt: str, tmp_path: Path) -> None:
    rows = _rows(_compared("convention", fmt, tmp_path))
    assert ("Article 5", "Article 6", "modified", True, True) in rows  # from Part II to Part III
    assert ("-", "Article 5", "inserted", False, False) in rows
    assert ("PART III", "PART III", "modified", False, False) in rows  # renamed
    assert ("Article 6", "Article 7", "unchanged", True, False) in rows
    annex = rows[rows.index(("ANNEX", "ANNEX", "unchanged", False, False)) + 1:]
    assert annex == [
        ("table 1, row 1", "table 1, row 1", "unchanged", False, False),
        ("table 1, row 2", "-", "deleted", False, False),  # the femtosatellite row
        ("table 1, row 3", "table 1, row 2", "unchanged", False, False),
        ("table 1, row 4", "table 1, row 3", "modified", False, False),  # the nanosatellite row
        ("table 1, row 5", "table 1, row 4", "unchanged", False, False),
        ("table 1, row 6", "table 1, row 5", "unchanged", False, False),
        ("-", "table 1, row 6", "inserted", False, False),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_parts_hold_their_articles_the_annex_follows_the_final_clause_and_each_cell_is_a_block(
        fmt: str, tmp_path: Path) -> None:
    draft = _load("convention-v1", fmt, tmp_path)
    kinds = [(p.kind, p.eid, p.parent) for p in draft.provisions]
    assert kinds[2:6] == [("division", "part_1", None), ("article", "art_1", "part_1"),
                          ("article", "art_2", "part_1"), ("division", "part_2", None)]
    assert ("conclusions", "conclusions", None) in kinds
    annex = draft.provision("hcontainer_2")  # the first hcontainer of the body is the final clause
    assert (annex.num, annex.heading) == ("ANNEX", "MASS CLASSES OF SMALL SATELLITES")
    assert kinds.index(("conclusions", "conclusions", None)) < kinds.index(("division", "hcontainer_2", None))
    row = [p for p in draft.provisions if p.parent == "hcontainer_2"][1]
    assert [b.text for b in row.blocks] == ["Femtosatellite", "less than 0.1 kg", "simplified"]
    assert parse_bytes(draft_to_xml(draft), "again") == draft


# -- Chinese -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_chinese_excerpt_is_read_as_articles_and_diffed_character_by_character(fmt: str, tmp_path: Path) -> None:
    old = _load("ppwt-2014-zh", fmt, tmp_path)
    assert old.meta.language == "zh"
    article = old.provision("第一条")
    assert (article.eid, article.label) == ("art_1", "第一条")
    assert [b.num for b in article.blocks] == [None, "(一)", "(二)", "(三)", "(四)", None]
    assert old.provision("preamble").blocks[-1].kind == "formula"
    comparison = _compared("chinese", fmt, tmp_path)
    assert _rows(comparison) == [("the preamble", "the preamble", "modified", False, False),
                                 ("第一条", "第一条", "modified", False, False)]
    changed = [(s.op, s.text) for part in comparison.changes[1].parts for s in part.segments if s.op != "equal"]
    assert changed == [("delete", "在"), ("delete", "的"), ("insert", "永久")]


# -- every format ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_each_pair_renders_in_every_format_naming_units_in_the_documents_terms(pair: str, run: Run,
                                                                               tmp_path: Path) -> None:
    old, new = (str(STRUCTURE / f"{name}.txt") for name in PAIRS[pair])
    expected = {"resolution": "operative paragraph 7", "code": "Section 4", "convention": "table 1, row 6",
                "chinese": "第一条"}[pair]
    for suffix in ("txt", "json", "html", "docx"):
        out = tmp_path / f"{pair}.{suffix}"
        result = run("compare", old, new, "--provenance", "reconstructed", "-o", str(out))
        assert result.code == 0, result.err
        data = out.read_bytes()
        if suffix == "docx":
            import zipfile

            data = zipfile.ZipFile(out).read("word/document.xml")
        assert expected.casefold().encode("utf-8") in data.decode("utf-8").casefold().encode("utf-8"), suffix


# -- other languages and forms -----------------------------------------------------------------------------------------


RUSSIAN = """ДОГОВОР О ПРОВЕРКЕ

Государства – участники настоящего Договора,

признавая важность проверки,

согласились о нижеследующем:

Статья 1

Каждое государство-участник проверяет свои программы.

Статья 2

Настоящий Договор вступает в силу в день его подписания.
"""


def test_a_russian_text_has_its_articles_and_its_language() -> None:
    draft = import_text(RUSSIAN, "ru.txt", ImportOptions(provenance="verbatim")).draft
    assert [(p.kind, p.eid, p.num) for p in draft.provisions] == [
        ("title", "preface", None), ("preamble", "preamble", None), ("article", "art_1", "Статья 1"),
        ("article", "art_2", "Статья 2")]
    assert draft.provision("preamble").blocks[-1].kind == "formula"
    assert draft.meta.language == "ru"
    assert draft.provision("2").num == "Статья 2"


@pytest.mark.parametrize("heading, eid", [
    ("Article premier", "art_1"), ("Article 1er", "art_1"), ("Artículo 3", "art_3"), ("Artikel 4", "art_4"),
    ("第十二条", "art_12"), ("المادة 5", "art_5"), ("ARTICLE IX", "art_9"),
])
def test_article_headings_in_other_languages_are_articles(heading: str, eid: str) -> None:
    text = f"T\n\nThe Parties,\n\nHave agreed as follows:\n\n{heading}\n\nThe Parties shall test.\n"
    draft = import_text(text, "t.txt", ImportOptions(provenance="verbatim")).draft
    assert [(p.eid, p.num) for p in draft.units] == [(eid, heading)]


def test_a_preamble_alone_is_a_draft_that_compares() -> None:
    text = "The States Parties to this Treaty,\n\nRecalling their commitments,\n\nConsidering the risks,\n"
    draft = import_text(text, "p.txt", ImportOptions(provenance="verbatim")).draft
    assert [p.kind for p in draft.provisions] == ["preamble"]
    assert [b.kind for b in draft.provisions[0].blocks] == ["intro", "recital", "recital"]
    assert parse_bytes(draft_to_xml(draft), "again") == draft
    assert not compare(draft, draft).differs


def test_numbered_sections_named_by_words_and_a_contract_with_definitions_headings() -> None:
    text = ("SERVICE AGREEMENT\n\n1. DEFINITIONS\n\n1.1 \"Services\" means the work described in the schedule.\n\n"
            "1.2 \"Fees\" means the amounts in clause 3.\n\n2. TERM\n\n2.1 Scope\n\nThis Agreement runs for a year.\n\n"
            "Section 3. Fees\n\nThe Client shall pay the Fees.\n")
    draft = import_text(text, "contract.txt", ImportOptions(provenance="verbatim")).draft
    assert [(p.kind, p.eid, p.num, p.label, p.parent) for p in draft.provisions[1:]] == [
        ("section", "sec_1", "1.", "Section 1", None),
        ("division", "dvs_2", "2.", "2. TERM", None),
        ("section", "sec_2-1", "2.1", "Section 2.1", "dvs_2"),
        ("section", "sec_3", "Section 3", "Section 3", None),
    ]
    assert [d.terms for d in draft.definitions] == [("Services",), ("Fees",)]


def test_articles_numbered_again_in_an_annex_are_new_articles_named_with_their_annex() -> None:
    text = ("T\n\nThe Parties,\n\nHave agreed as follows:\n\nArticle 1\n\nOne.\n\nANNEX\n\nPROTOCOL ON THINGS\n\n"
            "Article 1\n\nAnnex one.\n")
    draft = import_text(text, "a.txt", ImportOptions(provenance="verbatim")).draft
    assert [(p.eid, p.label, p.parent) for p in draft.provisions[2:]] == [
        ("art_1", "Article 1", None), ("hcontainer_1", "ANNEX", None),
        ("hcontainer_1__art_1", "ANNEX, Article 1", "hcontainer_1")]
    assert draft.provision("hcontainer_1").heading == "PROTOCOL ON THINGS"
    assert parse_bytes(draft_to_xml(draft), "again") == draft


def _table_docx(path: Path, rows: list[str]) -> Path:
    import docx

    document = docx.Document()
    for text in ("TREATY ON TABLES", "The Parties,", "Have agreed as follows:", "Article 1",
                 "The quotas are those of the table:"):
        document.add_paragraph(text)
    table = document.add_table(rows=len(rows), cols=2)
    for cells, value in zip(table.rows, rows):
        cells.cells[0].text, cells.cells[1].text = value, str(int(value) * 10)
    document.add_paragraph("Article 2")
    document.add_paragraph("This Treaty enters into force at once.")
    document.save(str(path))
    return path


def test_digits_only_table_cells_of_a_treaty_are_compared_never_dropped_as_page_numbers(tmp_path: Path) -> None:
    old = load_draft(str(_table_docx(tmp_path / "old.docx", ["1", "2", "3", "4", "5"])), provenance="verbatim")
    new = load_draft(str(_table_docx(tmp_path / "new.docx", ["1", "5"])), provenance="verbatim")
    assert [b.text for b in old.provision("Article 1").blocks][1:] == ["1", "10", "2", "20", "3", "30", "4", "40",
                                                                      "5", "50"]
    changes = compare(old, new).changes
    assert [(c.kind, c.words_deleted) for c in changes if c.kind != "unchanged"] == [("modified", 6)]
