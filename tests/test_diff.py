"""Examples for treaty_diff.diff: tokens, word diff, ignore options, folding, measures."""

from __future__ import annotations

import time
import unicodedata
from itertools import pairwise
from pathlib import Path

import pytest

from treaty_diff.diff import (
    MAX_DISTINCT_TOKENS,
    DiffOptions,
    absorb_whitespace_gaps,
    diff_texts,
    engine,
    units,
    words_changed,
)
from treaty_diff.model.segments import Segment
from treaty_diff.text.tokens import is_word, tokenize

SOURCES = Path(__file__).parent / "data" / "sources"


def old_text(segments: tuple[Segment, ...]) -> str:
    return "".join(s.text for s in segments if s.op != "insert")


def new_text(segments: tuple[Segment, ...]) -> str:
    return "".join(s.text for s in segments if s.op != "delete")


def ops(segments: tuple[Segment, ...]) -> list[tuple[str, str]]:
    return [(s.op, s.text) for s in segments]


# -- tokens -----------------------------------------------------------------------------------------------


def test_a_hyphenated_word_is_one_token() -> None:
    assert tokenize("international co-operation") == ["international", " ", "co-operation"]


def test_an_apostrophe_inside_a_word_keeps_the_word_whole() -> None:
    assert tokenize("man's State’s") == ["man's", " ", "State’s"]


def test_an_apostrophe_or_hyphen_at_the_edge_of_a_word_is_a_token_of_its_own() -> None:
    assert tokenize("States' -non") == ["States", "'", " ", "-", "non"]


def test_a_number_with_separators_is_one_token() -> None:
    assert tokenize("10,000 and 1.5, in 2014.") == ["10,000", " ", "and", " ", "1.5", ",", " ", "in", " ", "2014", "."]


def test_each_punctuation_mark_is_a_token() -> None:
    assert tokenize("(a);—") == ["(", "a", ")", ";", "—"]


def test_a_whitespace_run_is_one_token() -> None:
    assert tokenize("a \n\n\tb") == ["a", " \n\n\t", "b"]


def test_each_chinese_character_is_a_token() -> None:
    assert tokenize("外空条约，第一条。") == ["外", "空", "条", "约", "，", "第", "一", "条", "。"]


def test_kana_hangul_and_full_width_forms_are_one_character_a_token() -> None:
    assert tokenize("宇宙条約ですＡ１") == ["宇", "宙", "条", "約", "で", "す", "Ａ", "１"]
    assert tokenize("조약") == ["조", "약"]


def test_cjk_next_to_latin_letters_is_cut_apart() -> None:
    assert tokenize("PAROS条约") == ["PAROS", "条", "约"]


def test_combining_marks_stay_with_their_letter() -> None:
    decomposed = unicodedata.normalize("NFD", "été naïve")
    assert tokenize(decomposed) == [unicodedata.normalize("NFD", "été"), " ", unicodedata.normalize("NFD", "naïve")]


def test_joining_the_tokens_gives_the_text_back() -> None:
    text = (SOURCES / "ppwt-2014-zh.txt").read_text(encoding="utf-8")[:3000] + "\u3000x\r\n ́"
    assert "".join(tokenize(text)) == text


def test_a_word_is_a_token_with_a_letter_or_digit() -> None:
    assert [is_word(t) for t in ["State", "1", "中", "，", " ", "____", "-"]] == [
        True, True, True, False, False, False, False
    ]


# -- the word diff ------------------------------------------------------------------------------------------


def test_a_changed_word_is_deleted_and_inserted_whole() -> None:
    segments = diff_texts("States Parties shall refrain", "States Parties should refrain")
    assert ops(segments) == [
        ("equal", "States Parties "),
        ("delete", "shall"),
        ("insert", "should"),
        ("equal", " refrain"),
    ]


def test_a_character_diff_may_split_a_word() -> None:
    segments = diff_texts("States Parties shall refrain", "States Parties should refrain", DiffOptions("char"))
    assert ("equal", "States Parties sh") in ops(segments)
    assert old_text(segments) == "States Parties shall refrain"
    assert new_text(segments) == "States Parties should refrain"


def test_an_inserted_word_brings_its_space() -> None:
    segments = diff_texts("A State shall act", "A State shall not act")
    assert ops(segments) == [("equal", "A State shall "), ("insert", "not "), ("equal", "act")]


def test_an_inserted_paragraph_brings_its_blank_line() -> None:
    segments = diff_texts("Article I.\n\nArticle III.", "Article I.\n\nArticle II.\n\nArticle III.")
    assert ops(segments) == [("equal", "Article I.\n\n"), ("insert", "Article II.\n\n"), ("equal", "Article III.")]


def test_a_text_diffed_with_itself_is_one_equal_segment() -> None:
    assert ops(diff_texts("Each State Party", "Each State Party")) == [("equal", "Each State Party")]


def test_two_empty_texts_give_no_segment() -> None:
    assert diff_texts("", "") == ()


def test_a_text_against_nothing_is_deleted_whole() -> None:
    assert ops(diff_texts("Article I", "")) == [("delete", "Article I")]
    assert ops(diff_texts("", "Article I")) == [("insert", "Article I")]


def test_a_rewritten_phrase_is_one_deletion_and_one_insertion_not_word_by_word() -> None:
    segments = diff_texts("so States shall not place it", "so Parties may always deploy it")
    assert ops(segments) == [
        ("equal", "so "),
        ("delete", "States shall not place"),
        ("insert", "Parties may always deploy"),
        ("equal", " it"),
    ]


def test_an_unchanged_phrase_between_two_changes_stays_equal() -> None:
    segments = diff_texts("alpha beta gamma delta", "one beta two delta")
    assert ops(segments) == [
        ("delete", "alpha"),
        ("insert", "one"),
        ("equal", " beta "),
        ("delete", "gamma"),
        ("insert", "two"),
        ("equal", " delta"),
    ]


def test_a_deleted_phrase_is_aligned_on_word_boundaries() -> None:
    # diff-match-patch's own example: "The c[-ow and the c-]at." reads better as "The [-cow and the -]cat."
    assert ops(diff_texts("The cow and the cat.", "The cat.")) == [
        ("equal", "The "),
        ("delete", "cow and the "),
        ("equal", "cat."),
    ]


def test_an_inserted_sentence_starts_after_the_full_stop() -> None:
    segments = diff_texts("It shall consult. It may act.", "It shall consult. It shall report. It may act.")
    assert ops(segments) == [
        ("equal", "It shall consult."),
        ("insert", " It shall report."),
        ("equal", " It may act."),
    ]


def test_each_run_of_changes_deletes_before_it_inserts() -> None:
    segments = diff_texts("shall not place weapons", "may place objects")
    assert segments
    for before, after in pairwise(segments):
        assert before.op != after.op
        assert (before.op, after.op) != ("insert", "delete")


def test_a_changed_chinese_character_is_a_change_of_one_character() -> None:
    segments = diff_texts("不在外空放置武器。", "不在外空部署武器。")
    assert ops(segments) == [("equal", "不在外空"), ("delete", "放置"), ("insert", "部署"), ("equal", "武器。")]


def test_the_bundled_draft_sources_rebuild_exactly() -> None:
    old = (SOURCES / "ppwt-2008-en.txt").read_text(encoding="utf-8")
    new = (SOURCES / "ppwt-2014-en.txt").read_text(encoding="utf-8")
    for options in (DiffOptions(), DiffOptions("char")):
        segments = diff_texts(old, new, options)
        assert old_text(segments) == old
        assert new_text(segments) == new
        assert all(s.text for s in segments)


def test_the_diff_does_not_depend_on_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    old = (SOURCES / "ppwt-2008-en.txt").read_text(encoding="utf-8")[:6000]
    new = (SOURCES / "ppwt-2014-en.txt").read_text(encoding="utf-8")[:6000]
    expected = diff_texts(old, new)
    clock = iter(range(0, 10**12, 10**6))  # every look at the clock: a million seconds later
    monkeypatch.setattr(time, "time", lambda: float(next(clock)))
    assert diff_texts(old, new) == expected


def test_the_work_budget_coarsens_a_diff_but_keeps_it_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    old = (SOURCES / "moon-1979-en.txt").read_text(encoding="utf-8")[:4000]
    new = (SOURCES / "ost-1967-en.txt").read_text(encoding="utf-8")[:4000]
    fine = diff_texts(old, new)
    monkeypatch.setattr(engine, "WORK_LIMIT", 50)  # read where the engine reads it
    coarse = diff_texts(old, new)
    assert len(coarse) < len(fine)
    assert diff_texts(old, new) == coarse
    assert old_text(coarse) == old
    assert new_text(coarse) == new


def test_tens_of_thousands_of_distinct_tokens_are_diffed() -> None:
    count = 20_000  # beyond the 6,400 code points of the BMP private use area
    old = " ".join(f"w{i}" for i in range(count))
    new = " ".join(f"w{i}" if i % 1000 else f"v{i}" for i in range(count))
    segments = diff_texts(old, new)
    assert old_text(segments) == old
    assert new_text(segments) == new
    assert words_changed(segments) == (20, 20)


def test_each_distinct_token_gets_its_own_code_point_far_beyond_the_private_use_areas() -> None:
    keys = [f"w{i}" for i in range(150_000)]  # BMP and planes 15 and 16 hold 137,468
    table: dict[str, str] = {}
    encoded = units._encode(keys + keys[:10], table)
    assert len(encoded) == len(keys) + 10
    assert len(set(encoded)) == len(keys)
    assert encoded[-10:] == encoded[:10]
    assert MAX_DISTINCT_TOKENS == 792_828


def test_running_out_of_code_points_falls_back_to_a_character_diff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(units, "_CODE_RANGES", ((0xE000, 0xE002),))
    segments = diff_texts("one two three four", "one two five four")
    assert old_text(segments) == "one two three four"
    assert new_text(segments) == "one two five four"
    assert ("equal", "one two ") in ops(segments)


def test_the_code_points_for_tokens_are_neither_letters_nor_spaces() -> None:
    # diff-match-patch scores edit boundaries by isalnum/isspace: every token boundary must look alike.
    for start, end in units._CODE_RANGES:
        for cp in (start, (start + end) // 2, end):
            assert unicodedata.category(chr(cp)) in {"Co", "Cn"}


def test_an_unknown_granularity_is_refused() -> None:
    with pytest.raises(ValueError, match="granularity"):
        DiffOptions("sentence")  # type: ignore[arg-type]  # on purpose: a value the type forbids, refused at run time


# -- ignore options -----------------------------------------------------------------------------------------


def test_ignored_case_shows_the_new_text_as_equal() -> None:
    segments = diff_texts("The States Parties", "the states parties", DiffOptions(ignore_case=True))
    assert ops(segments) == [("equal", "the states parties")]


def test_ignored_case_still_shows_changed_words() -> None:
    segments = diff_texts("The States Parties shall", "the states parties may", DiffOptions(ignore_case=True))
    assert ops(segments) == [("equal", "the states parties "), ("delete", "shall"), ("insert", "may")]


def test_ignored_whitespace_shows_the_new_text_as_equal() -> None:
    options = DiffOptions(ignore_whitespace=True)
    assert ops(diff_texts("outer  space,\nthe Moon", "outer space, the Moon", options)) == [
        ("equal", "outer space, the Moon")
    ]
    assert ops(diff_texts("a,b", "a, b", options)) == [("equal", "a, b")]


def test_ignored_whitespace_still_shows_a_word_split_in_two() -> None:
    segments = diff_texts("outer space", "outerspace", DiffOptions(ignore_whitespace=True))
    assert ops(segments) == [("delete", "outer space"), ("insert", "outerspace")]


def test_ignored_punctuation_shows_the_new_text_as_equal() -> None:
    options = DiffOptions(ignore_punctuation=True)
    assert ops(diff_texts("States Parties, in good faith.", "States Parties in good faith", options)) == [
        ("equal", "States Parties in good faith")
    ]
    assert ops(diff_texts("co-operation", "cooperation", options)) == [("equal", "cooperation")]


def test_ignored_punctuation_keeps_symbols() -> None:
    segments = diff_texts("5 % of", "5 of", DiffOptions(ignore_punctuation=True))
    assert ("delete", "% ") in ops(segments) or ("delete", " %") in ops(segments)


def test_with_an_ignore_option_the_new_side_rebuilds_exactly_and_the_old_up_to_what_is_ignored() -> None:
    old = "THE States Parties,  in accordance with Article IV shall consult."
    new = "the States Parties in accordance with article V, shall consult one another."
    options = DiffOptions(ignore_case=True, ignore_whitespace=True, ignore_punctuation=True)
    segments = diff_texts(old, new, options)
    assert new_text(segments) == new

    def normal(text: str) -> str:
        return "".join(ch for ch in text.casefold() if not ch.isspace() and unicodedata.category(ch)[0] != "P")

    assert normal(old_text(segments)) == normal(old)
    assert ("delete", "IV ") in ops(segments)
    assert ("insert", "V, ") in ops(segments)


def test_a_text_of_only_ignored_characters_is_equal_to_another() -> None:
    options = DiffOptions(ignore_whitespace=True, ignore_punctuation=True)
    assert ops(diff_texts(" ,", ".\n", options)) == [("equal", ".\n")]
    segments = diff_texts("Article", ";", options)
    assert new_text(segments) == ";"
    assert ("delete", "Article") in ops(segments)


def test_ignored_case_works_with_character_granularity() -> None:
    segments = diff_texts("Outer Space", "outer space", DiffOptions("char", ignore_case=True))
    assert ops(segments) == [("equal", "outer space")]


# -- folding whitespace between changes ---------------------------------------------------------------------


def test_whitespace_between_a_deletion_and_an_insertion_is_folded_into_a_replacement() -> None:
    segments = (Segment("delete", "a"), Segment("equal", " "), Segment("insert", "b"))
    assert ops(absorb_whitespace_gaps(segments)) == [("delete", "a "), ("insert", " b")]


def test_whitespace_between_two_deletions_stays_equal_as_the_new_text_has_it() -> None:
    # Folding would need [-a b-][+ +]: a whitespace-only insertion instead of a whitespace-only equal.
    segments = (Segment("equal", "x "), Segment("delete", "a"), Segment("equal", " "), Segment("delete", "b"))
    assert absorb_whitespace_gaps(segments) == segments


def test_whitespace_between_two_replacements_goes_into_both_sides() -> None:
    segments = (
        Segment("equal", "x "),
        Segment("delete", "a"),
        Segment("insert", "c"),
        Segment("equal", " "),
        Segment("delete", "b"),
        Segment("insert", "d"),
        Segment("equal", " y"),
    )
    assert ops(absorb_whitespace_gaps(segments)) == [
        ("equal", "x "),
        ("delete", "a b"),
        ("insert", "c d"),
        ("equal", " y"),
    ]


def test_a_blank_line_between_two_deleted_paragraphs_stays_equal() -> None:
    segments = (Segment("delete", "Old paragraph."), Segment("equal", "\n\n"), Segment("delete", "Another."))
    assert absorb_whitespace_gaps(segments) == segments


def test_folding_reaches_a_fixpoint_across_several_gaps() -> None:
    segments = (
        Segment("delete", "a"),
        Segment("equal", " "),
        Segment("delete", "b"),
        Segment("equal", " "),
        Segment("delete", "c"),
        Segment("insert", "d"),
    )
    folded = absorb_whitespace_gaps(segments)
    assert ops(folded) == [("delete", "a b c"), ("insert", "  d")]
    assert absorb_whitespace_gaps(folded) == folded
    assert old_text(folded) == old_text(segments)
    assert new_text(folded) == new_text(segments)


def test_folding_merges_neighbours_and_drops_empty_segments() -> None:
    segments = (Segment("equal", "a"), Segment("equal", ""), Segment("equal", "b"), Segment("insert", "c"))
    assert ops(absorb_whitespace_gaps(segments)) == [("equal", "ab"), ("insert", "c")]


# -- semantic cleanup ----------------------------------------------------------------------------------------

_D, _E, _I = -1, 0, 1


@pytest.mark.parametrize(
    ("diffs", "expected"),
    [
        # Cases from diff-match-patch's own test of diff_cleanupSemantic.
        ([], []),
        ([(_D, "ab"), (_I, "cd"), (_E, "12"), (_D, "e")], [(_D, "ab"), (_I, "cd"), (_E, "12"), (_D, "e")]),
        ([(_D, "a"), (_E, "b"), (_D, "c")], [(_D, "abc"), (_I, "b")]),
        ([(_D, "ab"), (_E, "cd"), (_D, "e"), (_E, "f"), (_I, "g")], [(_D, "abcdef"), (_I, "cdfg")]),
        (
            [(_I, "1"), (_E, "A"), (_D, "B"), (_I, "2"), (_E, "_"), (_I, "1"), (_E, "A"), (_D, "B"), (_I, "2")],
            [(_D, "AB_AB"), (_I, "1A2_1A2")],
        ),
        ([(_E, "The c"), (_D, "ow and the c"), (_E, "at.")], [(_E, "The "), (_D, "cow and the "), (_E, "cat.")]),
        ([(_D, "abcxxx"), (_I, "xxxdef")], [(_D, "abc"), (_E, "xxx"), (_I, "def")]),
    ],
)
def test_the_linear_semantic_cleanup_agrees_with_diff_match_patch(
    diffs: list[tuple[int, str]], expected: list[tuple[int, str]]
) -> None:
    work = list(diffs)
    engine._Differ().semantic_cleanup(work)
    assert work == expected


# -- measures ------------------------------------------------------------------------------------------------


def test_words_changed_counts_words_not_spaces_or_punctuation() -> None:
    segments = diff_texts("States shall, in good faith, consult.", "States may consult; and co-operate.")
    assert words_changed(segments) == (
        sum(is_word(t) for s in segments if s.op == "insert" for t in tokenize(s.text)),
        sum(is_word(t) for s in segments if s.op == "delete" for t in tokenize(s.text)),
    )
    assert ops(segments)[1:3] == [
        ("delete", "shall, in good faith, consult"),
        ("insert", "may consult; and co-operate"),
    ]
    assert words_changed(segments) == (4, 5)


def test_words_changed_counts_each_chinese_character_but_not_its_punctuation() -> None:
    assert words_changed((Segment("insert", "外空，"), Segment("delete", "。"), Segment("equal", "武器"))) == (2, 0)


def test_the_stored_table_of_combining_marks_is_this_pythons_or_is_not_used() -> None:
    import unicodedata

    from treaty_diff.text import unicode_marks as _marks
    from treaty_diff.text.tokens import _mark_ranges, compute_mark_ranges

    computed = tuple(compute_mark_ranges())
    if unicodedata.unidata_version == _marks.UNIDATA_VERSION:
        assert computed == _marks.MARK_RANGES
    assert _mark_ranges() == computed
