"""The layout rules of PDF import, one by one, on values made here (no PDF, no PDFium): pieces and footnote marks,
columns, running headers and footers, hyphens at line ends, languages."""

from __future__ import annotations

import pytest

from treaty_diff.read.importers.pdf_document import Glyph
from treaty_diff.read.importers.pdf_furniture import FURNITURE, PagePieces, strip_running
from treaty_diff.read.importers.pdf_hyphens import Vocabulary, join, keeps_hyphen, vocabulary
from treaty_diff.read.importers.pdf_language import language_of, languages_of, present
from treaty_diff.read.importers.pdf_lines import Piece, gutters, lines_of, pieces_of


def glyphs(text: str, left: float = 72.0, top: float = 100.0, size: float = 11.0) -> list[Glyph]:
    """A line of glyphs 6 points wide, in one font size; a space is a glyph without a box."""
    out = []
    x = left
    for char in text:
        if char == " ":
            out.append(Glyph(" ", 0, 0, 0, 0))
            x += 3
        else:
            out.append(Glyph(char, x, x + 6, top, top + size, size))
            x += 6
    return out


def piece(text: str, left: float, top: float, width: float | None = None, size: float = 11.0) -> Piece:
    return Piece(text, left, left + (width if width is not None else 6 * len(text)), top, top + size, size, False,
                 30.0)


# -- pieces -------------------------------------------------------------------------------------------------


def test_a_raised_smaller_digit_is_a_footnote_mark_taken_out_of_the_text() -> None:
    line = [*glyphs("Nations."), Glyph("1", 120, 123, 96, 103, 7.0), *glyphs(" Next", left=123)]
    [found] = pieces_of(line)
    assert found.text == "Nations. Next" and found.marks == ("1",)


def test_a_digit_of_the_text_size_on_the_line_is_text() -> None:
    [found] = pieces_of(glyphs("Article 51 of the Charter"))
    assert found.text == "Article 51 of the Charter" and found.marks == ()


def test_a_mark_that_opens_a_piece_is_its_lead() -> None:
    line = [Glyph("2", 72, 76, 96, 103, 6.0), *glyphs("Footnotes are notes.", left=77, size=9.0)]
    [found] = pieces_of(line)
    assert found.lead == "2" and found.text == "Footnotes are notes."


def test_the_letters_of_a_ligature_sharing_one_box_stay_in_one_word() -> None:
    line = [*glyphs("e"), Glyph("f", 78, 86, 100, 111, 11.0), Glyph("f", 78, 86, 100, 111, 11.0),
            *glyphs("ect", left=86)]
    assert [p.text for p in pieces_of(line)] == ["effect"]


def test_a_wide_gap_or_a_new_line_starts_a_new_piece() -> None:
    line = glyphs("left") + glyphs("right", left=300) + glyphs("below", top=120)
    assert [p.text for p in pieces_of(line)] == ["left", "right", "below"]


def test_a_soft_hyphen_at_the_end_is_noted_and_a_soft_hyphen_inside_is_dropped() -> None:
    line = [*glyphs("de"), Glyph("-", 84, 88, 100, 111, 11.0, soft=True)]
    [found] = pieces_of(line)
    assert found.text == "de" and found.soft_end
    inner = [*glyphs("Reaf"), Glyph("\u00ad", 96, 96, 100, 111, 11.0, soft=True), *glyphs("firming", left=96)]
    assert [p.text for p in pieces_of(inner)] == ["Reaffirming"]


# -- columns ------------------------------------------------------------------------------------------------


def test_two_columns_are_found_and_read_one_after_the_other() -> None:
    left = [piece(f"left line {n} of the first column", 72, 100 + 14 * n, 210) for n in range(10)]
    right = [piece(f"right line {n} of the second column", 310, 100 + 14 * n, 210) for n in range(10)]
    title = piece("A title over both columns", 72, 80, 450)
    found = gutters([title, *left, *right])
    assert len(found) == 1 and 282 <= found[0][0] < found[0][1] <= 310
    lines = lines_of([*right, title, *left], 1, found)
    assert [line.text for line in lines] == [title.text, *(p.text for p in left), *(p.text for p in right)]


def test_one_column_with_short_lines_is_not_taken_for_two() -> None:
    pieces = []
    for n in range(12):
        width = 450 if n % 3 else 150  # full lines, and the short last lines of paragraphs
        pieces.append(piece(f"line {n}", 72, 100 + 14 * n, width))
    assert gutters(pieces) == []


# -- running headers and footers ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["CD/1839", "A/RES/63/68", "GE.08-60513", "08-60513 (E)", "Page 2", "- 3 -", "3",
                                  "2/14", "Page 3 of 9", "CD/1839 Page 2", "GE.14-05012 (E) 120614 120614"])
def test_what_un_documents_print_in_headers_and_footers_is_furniture(text: str) -> None:
    assert FURNITURE.match(text)


@pytest.mark.parametrize("text", ["Article 3", "(a)", "1.", "Draft", "Conference on Disarmament"])
def test_text_is_not_furniture(text: str) -> None:
    assert not FURNITURE.match(text)


def test_a_running_title_is_removed_where_it_recurs_but_the_first_line_of_the_text_is_kept() -> None:
    pages = []
    for number in range(1, 5):
        pieces = [piece("Treaty on the Prevention of the Placement of Weapons", 72, 40, 300),
                  piece("Article 3" if number > 1 else "Draft", 72, 90), piece("Body text of the page.", 72, 110),
                  piece(f"{number}", 300, 800)]
        pages.append(PagePieces(number, 842.0, pieces))
    removed = strip_running(pages)
    assert [[p.text for p in page.pieces] for page in pages] == [
        ["Draft", "Body text of the page."]] + [["Article 3", "Body text of the page."]] * 3
    assert sum(removed.values()) == 8


def test_a_single_page_keeps_a_top_line_that_is_not_furniture() -> None:
    page = PagePieces(1, 842.0, [piece("Conference on Disarmament", 72, 40), piece("CD/1839", 400, 40),
                                 piece("Draft", 72, 90)])
    strip_running([page])
    assert [p.text for p in page.pieces] == ["Conference on Disarmament", "CD/1839", "Draft"]


# -- hyphens at line ends -----------------------------------------------------------------------------------


def words(*lines: str) -> Vocabulary:
    return vocabulary((line, False) for line in lines)


def test_a_word_written_whole_elsewhere_is_joined() -> None:
    vocab = words("the development of mankind")
    assert join([("the future de-", False), ("velopment of mankind", False)], vocab) == "the future development of mankind"


def test_a_word_written_with_its_hyphen_elsewhere_keeps_it() -> None:
    vocab = words("agreed confidence-building measures")
    assert join([("transparency and confidence-", False), ("building in outer space", False)], vocab) == (
        "transparency and confidence-building in outer space")


@pytest.mark.parametrize(("left", "right", "kept"), [
    ("right of self", "defence", True),  # a prefix that takes a hyphen
    ("the Franco", "German border", True),  # a capital after the hyphen
    ("outer space confi", "dence in", False),  # neither part is a word of the document
    ("peaceful purposes and confidence", "building", True),  # both parts are words of the document
])
def test_without_evidence_a_hyphen_is_judged_from_its_two_parts(left: str, right: str, kept: bool) -> None:
    vocab = words("outer space and peaceful purposes", "building of confidence")
    assert keeps_hyphen(left, right, "-", vocab) is kept


def test_a_soft_hyphen_joins_without_one_and_u2010_only_at_line_ends_is_the_layouts() -> None:
    assert join([("de", True), ("velopment", False)], Vocabulary()) == "development"
    vocab = vocabulary([("the future de\u2010", False), ("velopment and a self-defence", False)])
    assert vocab.marked and not keeps_hyphen("de", "velopment", "\u2010", vocab)
    assert keeps_hyphen("self", "defence", "-", vocab)  # the producer marks the layout's: a "-" is the word's


def test_a_u2010_used_inside_lines_is_a_typed_hyphen_judged_like_a_plain_one() -> None:
    vocab = vocabulary([("a self\u2010defence clause", False), ("co\u2010operation is agreed", False),
                        ("the development", False)])
    assert vocab.inner_u2010 and not vocab.marked
    assert join([("the co\u2010", False), ("operation", False)], vocab) == "the co\u2010operation"
    assert join([("the de\u2010", False), ("velopment", False)], vocab) == "the development"


# -- languages ----------------------------------------------------------------------------------------------


def test_the_language_of_a_paragraph_is_told_from_its_words_or_script() -> None:
    assert language_of("Each State Party shall take measures in accordance with its constitutional procedures") == "en"
    assert language_of("Chacune des Parties au présent Traité s'engage à interdire toute explosion") == "fr"
    assert language_of("Cada Estado Parte se compromete a no realizar ninguna explosión en el espacio") == "es"
    assert language_of("Каждый из участников настоящего Договора обязуется запретить") == "ru"
    assert language_of("Article 3") is None


def test_short_paragraphs_take_the_language_before_them_and_a_quotation_is_not_a_version() -> None:
    english = "Each State Party shall take measures in accordance with its constitutional procedures and laws."
    french = "Chacune des Parties au présent Traité s'engage à interdire et à empêcher toute explosion nucléaire."
    texts = [english] * 6 + ["Article 1", french]
    codes = languages_of(texts)
    assert codes == ["en"] * 7 + ["fr"]
    assert present(texts, codes) == ["en"]
    assert present([english] * 6 + [french] * 6, ["en"] * 6 + ["fr"] * 6) == ["en", "fr"]
