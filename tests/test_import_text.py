"""Importing plain text: the bundled sources round-trip, and each form treaties use is recognised."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from treaty_diff.errors import InputError
from treaty_diff.model.draft import Draft
from treaty_diff.read.akn import draft_to_xml, parse_bytes
from treaty_diff.read.corpus import CORPUS_IDS, load_corpus_draft
from treaty_diff.read.importers import ImportOptions, import_file, import_text
from treaty_diff.read.importers.dates import find_date
from treaty_diff.read.kinds import is_importable

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
    result = import_text(text, "wrapped.txt", ImportOptions(date="2020-01-01", provenance="verbatim"))
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
    result = import_text(text, "pages.txt", ImportOptions(date="2020-01-01", provenance="verbatim"))
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
    assert result.info == ()


def test_a_given_title_that_differs_from_the_title_paragraph_leaves_the_text_alone_with_a_warning() -> None:
    bundled = load_corpus_draft("ppwt-2008")
    options = ImportOptions(title="PPWT 2008", provenance="reconstructed")
    result = import_text(source_text("ppwt-2008"), "ppwt.txt", options)
    assert _texts(result.draft) == _texts(bundled)
    assert result.draft.meta.title == "PPWT 2008"
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("ppwt.txt: the given title 'PPWT 2008' differs from the text's title "
                                         "paragraph 'TREATY ON PREVENTION")
    assert result.warnings[0].endswith("the paragraph is kept as it is and the given title is the draft's title "
                                       "in its metadata only")


def test_a_given_title_equal_to_the_title_paragraph_is_no_warning() -> None:
    title = load_corpus_draft("ptbt-1963").meta.title
    result = import_text(source_text("ptbt-1963"), "ptbt.txt", ImportOptions(title=title, provenance="verbatim"))
    assert result.draft.meta.title == title and result.warnings == ()


UNTITLED = "The Parties,\n\nHave agreed as follows:\n\nArticle 1\n\nOne.\n"


def test_a_text_without_a_title_has_no_title_provision_and_the_file_name_only_as_metadata() -> None:
    result = import_text(UNTITLED, "untitled-draft.txt", ImportOptions(date="2020-01-01", provenance="verbatim"))
    draft = result.draft
    assert [p.kind for p in draft.provisions] == ["preamble", "article"]
    assert "untitled-draft" not in draft.text
    assert draft.meta.title == "untitled-draft"
    assert draft.meta.sources == (draft.provisions[0].blocks[0].provenance.source,)
    assert result.warnings == ()
    assert ("title: the text has no title paragraph, so the draft has no title provision; its title (metadata "
            "only, not treaty text) is 'untitled-draft', from the file name; give --title") in result.info


def test_a_given_title_for_a_text_without_one_is_metadata_only() -> None:
    result = import_text(UNTITLED, "u.txt", ImportOptions(title="Treaty on Nothing", provenance="verbatim"))
    assert [p.kind for p in result.draft.provisions] == ["preamble", "article"]
    assert result.draft.meta.title == "Treaty on Nothing"
    assert "Treaty on Nothing" not in result.draft.text
    assert any("is 'Treaty on Nothing', as given" in note for note in result.info)


def test_two_untitled_texts_with_the_same_words_compare_as_equal_whatever_their_file_names() -> None:
    from treaty_diff.compare import compare

    one = import_text(UNTITLED, "zh1.txt").draft
    two = import_text(UNTITLED, "zh2.txt").draft
    assert (one.meta.title, two.meta.title) == ("zh1", "zh2")
    assert not compare(one, two).differs


def test_a_missing_date_is_left_unknown_with_a_note_and_never_todays() -> None:
    result = import_text(source_text("ppwt-2014"), "ppwt.txt", ImportOptions(provenance="reconstructed"))
    today = datetime.date.today().isoformat()
    assert result.draft.meta.date is None
    assert "date: no date found in the title or the final clause; give --date" in result.info
    assert result.warnings == () and result.draft.meta.notes == ()
    xml = draft_to_xml(result.draft)
    assert today.encode() not in xml
    assert b'<akn:FRBRdate date="0001-01-01" name="unknown"/>' in xml or b'date="0001-01-01" name="unknown"' in xml
    assert parse_bytes(xml, "again").meta.date is None


def test_importing_the_same_file_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "ppwt.txt"
    path.write_text(source_text("ppwt-2014"), encoding="utf-8")
    first, second = draft_to_xml(import_file(path).draft), draft_to_xml(import_file(path).draft)
    assert first == second
    assert datetime.date.today().isoformat().encode() not in first
    assert import_file(path).draft.meta.sources[0].description == (
        "Imported by treaty-diff from ppwt.txt (plain text); verbatim, assumed (no provenance was given).")


# -- provenance -------------------------------------------------------------------------------------------------


def test_without_provenance_the_verbatim_assumption_is_a_one_line_warning_and_a_note() -> None:
    result = import_text(source_text("ptbt-1963"), "ptbt.txt", ImportOptions(id="ptbt"))
    assert result.warnings == (
        "ptbt.txt: provenance not given: the text is taken to be verbatim (the official wording); import with "
        "--provenance reconstructed if it is not",)
    assert result.draft.meta.notes == (f"import warning: {result.warnings[0]}",)
    assert {b.provenance.status for p in result.draft.provisions for b in p.blocks} == {"verbatim"}
    assert not any("provenance" in note for note in result.info)


def test_given_provenance_is_no_warning() -> None:
    for status in ("verbatim", "reconstructed"):
        result = import_text(source_text("ptbt-1963"), "ptbt.txt", ImportOptions(provenance=status))  # type: ignore[arg-type]
        assert result.warnings == ()
        assert {b.provenance.status for p in result.draft.provisions for b in p.blocks} == {status}


# -- the header of the project's source files ----------------------------------------------------------------


def _header(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines[: next(n for n, line in enumerate(lines) if not line.startswith("#"))]


@pytest.mark.parametrize("draft_id", CORPUS_IDS)
def test_a_source_file_imports_unchanged_to_the_bundled_provision_texts_with_its_header_in_the_notes(
        draft_id: str) -> None:
    path = SOURCES / f"{draft_id}-en.txt"
    result = import_file(path)
    bundled = load_corpus_draft(draft_id)
    assert _texts(result.draft) == _texts(bundled)
    assert _structure(result.draft) == _structure(bundled)
    assert result.draft.meta.title == bundled.meta.title
    header = _header(path)
    assert header and all(line[2:].strip() not in result.draft.text for line in header if line[2:].strip())
    notes = [note for note in result.draft.meta.notes if note.startswith("header:")]
    assert notes == [f"header: {line[2:]}".rstrip() for line in header]
    assert f"header: lines 1-{len(header)} ('# ' lines) are the file's header, not treaty text; kept out of the " \
           "text, in the draft's notes" in result.info
    assert parse_bytes(draft_to_xml(result.draft), "again") == result.draft


def test_a_header_that_says_parts_are_reconstructed_marks_the_whole_text_reconstructed_with_a_warning() -> None:
    path = SOURCES / "ppwt-2008-en.txt"
    result = import_file(path)
    assert {b.provenance.status for p in result.draft.provisions for b in p.blocks} == {"reconstructed"}
    assert result.warnings == (f"{path}: the header says parts are reconstructed; the whole text is marked "
                               "reconstructed; import with --provenance verbatim to override",)
    assert "header says parts are reconstructed" in result.draft.meta.sources[0].description
    assert result.draft.meta.notes[-1] == "import warning: ppwt-2008-en.txt: " + result.warnings[0].split(": ", 1)[1]


def test_given_provenance_overrides_the_header() -> None:
    result = import_file(SOURCES / "ppwt-2008-en.txt", ImportOptions(provenance="verbatim"))
    assert {b.provenance.status for p in result.draft.provisions for b in p.blocks} == {"verbatim"}
    assert result.warnings == ()
    assert "provenance: verbatim, as given, although the header says parts are reconstructed" in result.info


def test_a_header_that_says_only_verbatim_is_no_warning() -> None:
    text = "# title: T\n# verbatim: all of it\n\n" + source_text("ptbt-1963")
    result = import_text(text, "ptbt.txt")
    assert result.warnings == ()
    assert {b.provenance.status for p in result.draft.provisions for b in p.blocks} == {"verbatim"}
    assert "provenance: verbatim, as the header says" in result.info
    assert result.draft.meta.notes == ("header: title: T", "header: verbatim: all of it")


def test_line_numbers_after_a_header_are_the_files_and_only_a_leading_block_is_a_header() -> None:
    text = ("# a header line\n#\n#   indented\nT\n\nThe Parties,\n\nHave agreed as follows:\n\nArticle 1\n\n"
            "# not a header, but text.\n\n- 2 -\n")
    result = import_text(text, "h.txt", ImportOptions(provenance="verbatim"))
    assert result.draft.meta.notes[:3] == ("header: a header line", "header:", "header:   indented")
    assert result.draft.articles[0].text == "Article 1\n\n# not a header, but text."
    assert result.warnings == ("h.txt:14: '- 2 -' looks like a page number; dropped",)
    assert result.draft.provision("preface").text == "T"


def test_a_hash_without_a_space_does_not_start_a_header() -> None:
    text = "#T\n\nThe Parties,\n\nHave agreed as follows:\n\nArticle 1\n\nOne.\n"
    result = import_text(text, "h.txt", ImportOptions(provenance="verbatim"))
    assert result.draft.meta.title == "#T" and result.draft.meta.notes == ()


# -- what cannot be placed -------------------------------------------------------------------------------------


def test_a_part_heading_after_the_formula_is_a_division_that_holds_the_articles_after_it() -> None:
    text = ("T\n\nThe Parties,\n\nConsidering things,\n\nHave agreed as follows:\n\nPART I GENERAL\n\n"
            "Article 1\n\nOne.\n")
    result = import_text(text, "part.txt", ImportOptions(provenance="verbatim"))
    preamble = result.draft.provision("preamble")
    assert [b.text for b in preamble.blocks] == ["The Parties,", "Considering things,", "Have agreed as follows:"]
    part, article = result.draft.provisions[2:]
    assert (part.kind, part.eid, part.num, part.heading) == ("division", "part_1", "PART I", "GENERAL")
    assert (article.eid, article.parent) == ("art_1", "part_1")
    assert result.warnings == ()


def test_text_after_the_formula_is_moved_before_it_and_the_warning_says_so() -> None:
    text = "T\n\nThe Parties,\n\nHave agreed as follows:\n\nA stray sentence.\n\nArticle 1\n\nOne.\n"
    result = import_text(text, "stray.txt", ImportOptions(provenance="verbatim"))
    assert [b.text for b in result.draft.provision("preamble").blocks][-2:] == ["A stray sentence.",
                                                                                "Have agreed as follows:"]
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("stray.txt:7: text 'A stray sentence.' before the first article stands "
                                         "after the formula 'Have agreed as follows:'; moved before the formula")


def test_strict_mode_turns_the_first_warning_into_an_error_naming_the_line() -> None:
    text = "T\n\nThe Parties,\n\nHave agreed as follows:\n\nArticle 1\n\nFirst.\n\n7\n\nSecond.\n"
    with pytest.raises(InputError) as raised:
        import_text(text, "strict.txt", ImportOptions(date="2020-01-01", strict=True), "strict.txt")
    assert raised.value.line == 11
    assert str(raised.value).startswith("strict.txt:11: '7' looks like a page number")


def test_text_without_any_article_is_a_draft_of_paragraphs() -> None:
    draft = import_text("Just a letter.\n\nKind regards,\n", "letter.txt").draft
    assert [(p.kind, p.eid, p.label, p.text) for p in draft.provisions] == [
        ("paragraph", "para_1", "paragraph 1", "Just a letter."),
        ("paragraph", "para_2", "paragraph 2", "Kind regards,")]
    assert draft.meta.document_type == "doc"


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
