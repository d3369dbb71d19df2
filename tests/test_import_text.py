"""Importing plain text: the bundled sources round-trip, and each form treaties use is recognised."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from treaty_diff.akn import draft_to_xml, parse_bytes
from treaty_diff.corpus import CORPUS_IDS, load_corpus_draft
from treaty_diff.errors import InputError
from treaty_diff.importers import ImportOptions, import_file, import_text, is_importable
from treaty_diff.importers.plaintext import find_date
from treaty_diff.model import Draft

SOURCES = Path(__file__).parent / "data" / "sources"


def source_text(draft_id: str) -> str:
    """The source text without its ``#`` header lines."""
    lines = (SOURCES / f"{draft_id}-en.txt").read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("#"))


def _texts(draft: Draft) -> list[tuple[str, str]]:
    return [(p.eid, p.text) for p in draft.provisions]


def _structure(draft: Draft) -> list[tuple[str, str | None, int, tuple[str, ...]]]:
    return [(b.eid, b.num, b.depth, b.terms) for p in draft.provisions for b in p.blocks]


# -- the bundled sources -------------------------------------------------------------------------------------


@pytest.mark.parametrize("draft_id", CORPUS_IDS)
def test_importing_a_source_text_gives_the_bundled_drafts_provision_texts(draft_id: str) -> None:
    bundled = load_corpus_draft(draft_id)
    result = import_text(source_text(draft_id), f"{draft_id}.txt", ImportOptions(id=draft_id))
    assert _texts(result.draft) == _texts(bundled)
    assert _structure(result.draft) == _structure(bundled)
    assert result.draft.meta.title == bundled.meta.title


@pytest.mark.parametrize("draft_id", CORPUS_IDS)
def test_a_source_with_one_paragraph_a_line_and_no_blank_lines_imports_the_same(draft_id: str) -> None:
    packed = "\n".join(line for line in source_text(draft_id).splitlines() if line.strip())
    result = import_text(packed, f"{draft_id}.txt", ImportOptions(id=draft_id))
    assert _texts(result.draft) == _texts(load_corpus_draft(draft_id))
    assert any("inferred from the line layout" in g for g in result.info)


@pytest.mark.parametrize("draft_id", CORPUS_IDS)
def test_the_imported_draft_writes_and_reads_back_unchanged(draft_id: str) -> None:
    draft = import_text(source_text(draft_id), f"{draft_id}.txt").draft
    assert parse_bytes(draft_to_xml(draft), "again") == draft


def test_the_date_is_guessed_from_the_final_clause_written_in_words() -> None:
    for draft_id in ("ost-1967", "ptbt-1963", "moon-1979"):
        result = import_text(source_text(draft_id), f"{draft_id}.txt")
        assert result.draft.meta.date == load_corpus_draft(draft_id).meta.date
        assert any(g.startswith("date:") for g in result.info)


def test_import_file_reads_a_text_file_and_guesses_the_id_from_its_name(tmp_path: Path) -> None:
    path = tmp_path / "My Draft (v2).txt"
    path.write_text(source_text("ptbt-1963"), encoding="utf-8")
    result = import_file(path)
    assert result.draft.id == "my-draft-v2"
    assert result.draft.origin == str(path)
    assert any("from the file name" in g for g in result.info)
    assert is_importable(path) and is_importable("x.DOCX") and not is_importable("x.xml")


# -- forms treaties use -------------------------------------------------------------------------------------------


FORMS = """\
AGREEMENT ON TESTING IMPORTERS

The Contracting Parties,

Considering that tests are useful,

Hereby agree as follows:

ARTICLE 1 - Definitions

For the purposes of this Agreement:

(a) the term "test" means a check;

(b) importer means a program that reads drafts;

(c) "draft" or "text" means what is read.

Art. 2

Scope

1) This Agreement applies to:

(a) text files, in particular:

(i) plain files;

(ii) files copied out of PDFs;

(b) Word files.

2) The Parties shall:

report problems;

fix them.

Article III. Each Party shall test its importers once a year.

IN WITNESS WHEREOF the undersigned have signed this Agreement.

DONE at Geneva on 3 March 2021.

For the Government of the Republic of Testland:
"""


def test_headings_paragraphs_points_and_nested_roman_points_are_recognised() -> None:
    draft = import_text(FORMS, "forms.txt").draft
    assert [p.kind for p in draft.provisions] == ["title", "preamble", "article", "article", "article", "conclusions"]
    first, second, third = draft.articles
    assert (first.num, first.heading) == ("ARTICLE 1", "Definitions")
    assert (second.num, second.heading) == ("Art. 2", "Scope")
    assert (third.num, third.heading) == ("Article III.", None)
    assert [b.text for b in third.blocks] == ["Each Party shall test its importers once a year."]
    assert [(b.eid, b.kind, b.num, b.depth) for b in second.blocks] == [
        ("art_2__para_1__list_1__intro", "intro", "1)", 0),
        ("art_2__para_1__list_1__point_a__list_1__intro", "intro", "(a)", 1),
        ("art_2__para_1__list_1__point_a__list_1__point_i", "point", "(i)", 2),
        ("art_2__para_1__list_1__point_a__list_1__point_ii", "point", "(ii)", 2),
        ("art_2__para_1__list_1__point_b", "point", "(b)", 1),
        ("art_2__para_2__list_1__intro", "intro", "2)", 0),
        ("art_2__para_2__list_1__point_1", "point", None, 1),
        ("art_2__para_2__list_1__point_2", "point", None, 1),
    ]
    assert parse_bytes(draft_to_xml(draft), "again") == draft


def test_the_preamble_formula_and_conclusions_with_signature_lines_are_recognised() -> None:
    draft = import_text(FORMS, "forms.txt").draft
    preamble = draft.provision("preamble")
    assert [b.kind for b in preamble.blocks] == ["intro", "recital", "formula"]
    assert preamble.blocks[-1].text == "Hereby agree as follows:"
    conclusions = draft.provision("conclusions")
    assert [b.text for b in conclusions.blocks][-1] == "For the Government of the Republic of Testland:"
    assert draft.meta.date == "2021-03-03"
    assert draft.meta.title == "AGREEMENT ON TESTING IMPORTERS"


def test_definitions_are_found_in_quoted_and_unquoted_forms() -> None:
    draft = import_text(FORMS, "forms.txt").draft
    assert [d.terms for d in draft.definitions] == [("test",), ("importer",), ("draft", "text")]


def test_roman_i_after_h_is_a_letter_not_a_nested_point() -> None:
    letters = "abcdefghij"
    points = "\n\n".join(f"({ch}) item {ch};" for ch in letters)
    text = f"T\n\nThe Parties,\n\nHave agreed as follows:\n\nArticle 1\n\nThe Parties shall:\n\n{points}"
    article = import_text(text, "t.txt").draft.articles[0]
    assert [b.num for b in article.blocks[1:]] == [f"({ch})" for ch in letters]
    assert {b.depth for b in article.blocks[1:]} == {1}


def test_hard_wrapped_text_copied_out_of_a_pdf_is_split_at_articles_and_numbers() -> None:
    text = (
        "TREATY ON WRAPPED TEXT\nThe Parties,\nDesiring to read PDFs,\nHave agreed as follows:\n"
        "Article 1\n"
        "1. Each Party shall read the text of this Treaty as it is printed, whatever the width\n"
        "of the page on which it is printed, and shall not complain about the devel-\n"
        "opment of the layout.\n"
        "2. Each Party shall also read\n"
        "the second paragraph.\n"
        "- 2 -\n"
        "Article 2\n"
        "This Treaty shall enter into force at once.\n"
    )
    result = import_text(text, "wrapped.txt", ImportOptions(date="2020-01-01"))
    first, second = result.draft.articles
    assert [b.text for b in first.blocks] == [
        "1. Each Party shall read the text of this Treaty as it is printed, whatever the width of the page on "
        "which it is printed, and shall not complain about the devel-opment of the layout.",
        "2. Each Party shall also read the second paragraph.",
    ]
    assert [b.text for b in second.blocks] == ["This Treaty shall enter into force at once."]
    assert [p.kind for p in result.draft.provisions[:2]] == ["title", "preamble"]
    assert result.warnings == ("wrapped.txt:11: '- 2 -' looks like a page number; dropped",)


def test_a_page_number_standing_alone_is_dropped_with_a_warning() -> None:
    text = "T\n\nThe Parties,\n\nHave agreed as follows:\n\nArticle 1\n\nFirst.\n\n- 2 -\n\nSecond.\n"
    result = import_text(text, "pages.txt", ImportOptions(date="2020-01-01"))
    assert [b.text for b in result.draft.articles[0].blocks] == ["First.", "Second."]
    assert result.warnings == ("pages.txt:11: '- 2 -' looks like a page number; dropped",)


def test_an_unnumbered_paragraph_between_numbered_ones_still_gives_a_valid_draft() -> None:
    text = ("T\n\nThe Parties,\n\nHave agreed as follows:\n\nArticle 1\n\nEach Party shall:\n\n1. act;\n\n"
            "2. report.\n\nArticle 2\n\n1. One.\n\nA loose paragraph.\n\n2. Two.\n\nAnother.\n\n3. Three.\n")
    result = import_text(text, "loose.txt", ImportOptions(date="2020-01-01"))
    first, second = result.draft.articles
    assert [(b.kind, b.num) for b in first.blocks] == [("intro", None), ("point", "1."), ("point", "2.")]
    assert second.text == "Article 2\n\n1. One. A loose paragraph.\n\n2. Two. Another.\n\n3. Three."
    assert any("joined to the paragraph before it" in w for w in result.warnings)
    assert parse_bytes(draft_to_xml(result.draft), "again") == result.draft


def test_an_article_number_that_appears_twice_is_kept_as_text_with_a_warning() -> None:
    text = "T\n\nThe Parties,\n\nHave agreed as follows:\n\nArticle 1\n\nOne.\n\nArticle 1\n\nAgain.\n"
    result = import_text(text, "twice.txt", ImportOptions(date="2020-01-01"))
    assert len(result.draft.articles) == 1
    assert [b.text for b in result.draft.articles[0].blocks] == ["One.", "Article 1", "Again."]
    assert any("appears a second time" in w for w in result.warnings)


def test_an_article_with_only_a_heading_keeps_the_heading_as_its_text() -> None:
    text = "T\n\nThe Parties,\n\nHave agreed as follows:\n\nArticle 1\n\nOne.\n\nArticle 2\n\n[Deleted]\n"
    result = import_text(text, "deleted.txt", ImportOptions(date="2020-01-01"))
    assert result.draft.articles[1].text == "Article 2\n\n[Deleted]"
    assert any("no text" in w for w in result.warnings)


# -- metadata, warnings and strict mode ------------------------------------------------------------------------


def test_metadata_options_are_used_as_given() -> None:
    options = ImportOptions(id="x-1", title="Given Title", symbol="CD/9", date="2001-02-03", language="fr",
                            status="proposal", provenance="reconstructed", source="From the record.")
    result = import_text(source_text("ppwt-2008"), "whatever.txt", options)
    meta = result.draft.meta
    assert (meta.id, meta.title, meta.symbol, meta.date, meta.language, meta.status) == (
        "x-1", "Given Title", "CD/9", "2001-02-03", "fr", "proposal")
    assert {b.provenance.status for p in result.draft.provisions for b in p.blocks} == {"reconstructed"}
    assert meta.sources[0].description == "From the record."
    assert len(result.info) == 1 and "replaced by the given title" in result.info[0]
    assert result.draft.provision("title").blocks[-1].text == "Given Title"


def test_a_text_without_a_title_gets_the_file_name_as_a_reconstructed_title_with_a_warning() -> None:
    text = "The Parties,\n\nHave agreed as follows:\n\nArticle 1\n\nOne.\n"
    result = import_text(text, "untitled-draft.txt", ImportOptions(date="2020-01-01"))
    title = result.draft.provision("title").blocks[0]
    assert (title.kind, title.body, title.provenance.status) == ("title", "untitled-draft", "reconstructed")
    assert result.draft.meta.title == "untitled-draft"
    assert any("no title found" in w for w in result.warnings)


def test_a_missing_date_is_todays_with_a_warning_that_also_goes_into_the_notes() -> None:
    result = import_text(source_text("ppwt-2014"), "ppwt.txt")
    today = datetime.date.today().isoformat()
    assert result.draft.meta.date == today
    assert len(result.warnings) == 1 and "today's date" in result.warnings[0]
    assert result.draft.meta.notes == (f"import warning: {result.warnings[0]}",)


def test_strict_mode_turns_the_first_warning_into_an_error_naming_the_line() -> None:
    text = "T\n\nThe Parties,\n\nHave agreed as follows:\n\nArticle 1\n\nFirst.\n\n7\n\nSecond.\n"
    with pytest.raises(InputError) as raised:
        import_text(text, "strict.txt", ImportOptions(date="2020-01-01", strict=True), "strict.txt")
    assert raised.value.line == 11
    assert str(raised.value).startswith("strict.txt:11: '7' looks like a page number")


def test_text_without_any_article_is_one_clear_error() -> None:
    with pytest.raises(InputError, match="no article found"):
        import_text("Just a letter.\n\nKind regards,\n", "letter.txt")


@pytest.mark.parametrize("options", [
    {"id": "Bad Id"}, {"date": "12 June 2014"}, {"date": "2014-02-30"}, {"language": "english!"},
    {"provenance": "official"}, {"title": "  "},
])
def test_invalid_options_are_refused_with_a_message(options: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="invalid"):
        ImportOptions(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "expected"), [
    ("CD/1839 29 February 2008", "2008-02-29"),
    ("Geneva, June 12, 2014", "2014-06-12"),
    ("dated 2014-06-12", "2014-06-12"),
    ("this twenty-seventh day of January, nineteen hundred and sixty-seven", "1967-01-27"),
    ("on the 1st day of July 1968", "1968-07-01"),
    ("no date here", None),
    ("31 February 2020", None),
])
def test_dates_are_found_in_the_forms_treaties_write_them(text: str, expected: str | None) -> None:
    assert find_date([text]) == expected
