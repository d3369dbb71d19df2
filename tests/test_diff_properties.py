"""Properties of treaty_diff.diff, checked with hypothesis on random texts and random edits."""

from __future__ import annotations

import unicodedata
from itertools import accumulate, pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from treaty_diff.diff import DiffOptions, Granularity, absorb_whitespace_gaps, diff_texts, words_changed
from treaty_diff.diff.edits import _short_diff
from treaty_diff.diff.engine import _Differ
from treaty_diff.model.segments import Segment
from treaty_diff.text import tokens as token_module
from treaty_diff.text.tokens import is_word, tokenize

WORDS = ["State", "States", "Parties", "shall", "not", "place", "outer", "space", "co-operation", "man's",
         "State’s", "Article", "I", "IV", "1.5", "10,000", "weapon", "the", "THE", "of", "in", "été"]
PUNCTUATION = [",", ".", ";", ":", "(", ")", "—", "-", "'", "’", "§", "%", "，", "。", "、", "「", "」"]
SPACES = [" ", "  ", "\n", "\n\n", "\t", " \n ", "\u3000", "\xa0", "\r\n"]
CJK = ["外", "空", "条", "约", "武", "器", "조", "약", "カ", "ｱ", "Ａ"]

vocabulary = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(PUNCTUATION), st.sampled_from(SPACES), st.sampled_from(CJK)
)
#: Any text at all now and then: combining marks, symbols, control characters, astral code points.
piece = st.one_of(vocabulary, vocabulary, vocabulary, st.text(max_size=3))

GRANULARITIES: tuple[Granularity, ...] = ("word", "char")
granularities = st.sampled_from(GRANULARITIES)

SETTINGS = settings(max_examples=200, deadline=None)


@st.composite
def edited(
    draw: st.DrawFn, pieces: st.SearchStrategy[str] = piece, min_size: int = 0, max_size: int = 40, edits: int = 8
) -> tuple[str, str]:
    """A text and a copy with random insertions, deletions and replacements of words, punctuation, whitespace."""
    old = draw(st.lists(pieces, min_size=min_size, max_size=max_size))
    new = list(old)
    for _ in range(draw(st.integers(0, edits))):
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        if kind == "insert":
            new.insert(draw(st.integers(0, len(new))), draw(pieces))
        elif new:
            index = draw(st.integers(0, len(new) - 1))
            if kind == "delete":
                del new[index]
            else:
                new[index] = draw(pieces)
    return "".join(old), "".join(new)


def old_text(segments: tuple[Segment, ...]) -> str:
    return "".join(s.text for s in segments if s.op != "insert")


def new_text(segments: tuple[Segment, ...]) -> str:
    return "".join(s.text for s in segments if s.op != "delete")


def boundaries(texts: list[str]) -> set[int]:
    return set(accumulate((len(t) for t in texts), initial=0))


@SETTINGS
@given(edited(), granularities)
def test_the_segments_rebuild_both_texts_exactly(pair: tuple[str, str], granularity: Granularity) -> None:
    old, new = pair
    options = DiffOptions(granularity)
    segments = diff_texts(old, new, options)
    assert old_text(segments) == old
    assert new_text(segments) == new
    assert diff_texts(old, new, options) == segments  # deterministic


@SETTINGS
@given(edited(), granularities)
def test_the_segments_are_normalised(pair: tuple[str, str], granularity: Granularity) -> None:
    segments = diff_texts(*pair, DiffOptions(granularity))
    assert all(s.text for s in segments)
    for before, after in pairwise(segments):
        assert before.op != after.op
        assert (before.op, after.op) != ("insert", "delete")


@SETTINGS
@given(st.lists(piece, max_size=40).map("".join), granularities)
def test_a_text_diffed_with_itself_is_one_equal_segment(text: str, granularity: Granularity) -> None:
    segments = diff_texts(text, text, DiffOptions(granularity))
    assert segments == ((Segment("equal", text),) if text else ())


@SETTINGS
@given(edited())
def test_no_segment_boundary_falls_inside_a_word_token(pair: tuple[str, str]) -> None:
    old, new = pair
    segments = diff_texts(old, new)
    old_cuts = boundaries([s.text for s in segments if s.op != "insert"])
    new_cuts = boundaries([s.text for s in segments if s.op != "delete"])
    assert old_cuts <= boundaries(tokenize(old))
    assert new_cuts <= boundaries(tokenize(new))


@SETTINGS
@given(
    edited(vocabulary),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    granularities,
)
def test_with_ignore_options_the_new_text_rebuilds_exactly_and_the_old_up_to_what_is_ignored(
    pair: tuple[str, str], ignore_case: bool, ignore_whitespace: bool, ignore_punctuation: bool, granularity: Granularity
) -> None:
    old, new = pair
    options = DiffOptions(granularity, ignore_case, ignore_whitespace, ignore_punctuation)

    def normal(text: str) -> str:
        if ignore_case:
            text = text.casefold()
        if ignore_whitespace:
            text = "".join(ch for ch in text if not ch.isspace())
        if ignore_punctuation:
            text = "".join(ch for ch in text if not token_module.is_ignorable_mark(ch))
        return text

    segments = diff_texts(old, new, options)
    assert new_text(segments) == new
    assert normal(old_text(segments)) == normal(old)
    # Whitespace is ignored between tokens, not inside them: "StateState" is one word, "State State" two.
    if [normal(t) for t in tokenize(old) if normal(t)] == [normal(t) for t in tokenize(new) if normal(t)]:
        assert all(s.op == "equal" for s in segments)


@SETTINGS
@given(edited())
def test_words_changed_accounts_for_every_word(pair: tuple[str, str]) -> None:
    old, new = pair
    segments = diff_texts(old, new)
    inserted, deleted = words_changed(segments)
    equal_words = sum(is_word(t) for s in segments if s.op == "equal" for t in tokenize(s.text))
    assert inserted + equal_words == sum(map(is_word, tokenize(new)))
    assert deleted + equal_words == sum(map(is_word, tokenize(old)))


@SETTINGS
@given(st.text())
def test_joining_the_tokens_gives_any_text_back(text: str) -> None:
    tokens = tokenize(text)
    assert "".join(tokens) == text
    assert all(tokens)


@SETTINGS
@given(st.text() | st.text(alphabet=st.characters(blacklist_categories=["Mn", "Mc", "Me", "Lo"])))
def test_the_short_tokenizer_patterns_give_the_full_patterns_tokens_on_the_texts_they_are_used_for(text: str) -> None:
    pattern = token_module._token_pattern
    full = pattern(True, True).findall(text)
    marks, cjk = token_module._has_marks(text), token_module._has_cjk(text)
    assert pattern(marks, cjk).findall(text) == full
    if not marks:
        assert pattern(False, True).findall(text) == full
    if not cjk:
        assert pattern(True, False).findall(text) == full
    if not marks and not cjk:
        assert pattern(False, False).findall(text) == full


@SETTINGS
@given(st.text(alphabet=st.characters(categories=["Lo"]), max_size=20))
def test_every_cjk_character_is_a_token(text: str) -> None:
    cjk = [ch for ch in text if unicodedata.name(ch, "").startswith(("CJK UNIFIED", "HIRAGANA", "HANGUL SYLLABLE"))]
    tokens = set(tokenize(text))
    assert all(ch in tokens for ch in cjk)


segments_strategy = st.lists(
    st.builds(
        Segment,
        st.sampled_from(["equal", "insert", "delete"]),
        st.one_of(st.sampled_from(SPACES), st.sampled_from(WORDS), st.text(max_size=3)),
    ),
    max_size=12,
).map(tuple)


@SETTINGS
@given(segments_strategy)
def test_folding_whitespace_keeps_both_texts_and_is_idempotent(segments: tuple[Segment, ...]) -> None:
    folded = absorb_whitespace_gaps(segments)
    assert old_text(folded) == old_text(segments)
    assert new_text(folded) == new_text(segments)
    assert absorb_whitespace_gaps(folded) == folded
    assert all(s.text for s in folded)


@SETTINGS
@given(st.text(alphabet="ab _.", max_size=40), st.text(alphabet="ab _.", max_size=40))
def test_the_linear_semantic_cleanup_agrees_with_diff_match_patch(old: str, new: str) -> None:
    differ = _Differ()
    diffs = differ.plain(old, new)
    expected = list(diffs)
    differ.diff_cleanupSemantic(expected)
    differ.semantic_cleanup(diffs)
    assert diffs == expected


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x5F), min_size=100, max_size=400), st.data())
def test_the_anchored_diff_rebuilds_both_strings(old: str, data: st.DataObject) -> None:
    # Long strings with a large alphabet: the patience pass (cutting at unique characters) comes into play.
    new = list(old)
    for _ in range(data.draw(st.integers(0, 30))):
        index = data.draw(st.integers(0, len(new)))
        if data.draw(st.booleans()) or index == len(new):
            new.insert(index, data.draw(st.characters(max_codepoint=0x5F)))
        else:
            del new[index]
    diffs = _Differ().anchored(old, "".join(new))
    assert "".join(t for op, t in diffs if op != 1) == old
    assert "".join(t for op, t in diffs if op != -1) == "".join(new)


@settings(max_examples=30, deadline=None)
@given(edited(min_size=120, max_size=240, edits=30), granularities)
def test_long_texts_rebuild_exactly(pair: tuple[str, str], granularity: Granularity) -> None:
    old, new = pair
    segments = diff_texts(old, new, DiffOptions(granularity))
    assert old_text(segments) == old
    assert new_text(segments) == new
    if granularity == "word":
        assert boundaries([s.text for s in segments if s.op != "insert"]) <= boundaries(tokenize(old))


@SETTINGS
@given(st.text(alphabet="abc", max_size=6), st.text(alphabet="abc", max_size=6))
def test_the_short_cut_for_tiny_gaps_gives_what_diff_match_patch_gives(a: str, b: str) -> None:
    differ = _Differ()
    prefix = differ.diff_commonPrefix(a, b)
    a, b = a[prefix:], b[prefix:]
    suffix = differ.diff_commonSuffix(a, b)
    if suffix:
        a, b = a[:-suffix], b[:-suffix]
    short = _short_diff(a, b)
    if short is not None:
        assert short == differ.plain(a, b)

