"""Characters that change or hide what a reader sees (treaty_diff.text.controls): found, named, made visible;
and the warnings a draft holding them gives (treaty_diff.read.hidden)."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from treaty_diff.read.corpus import load_corpus_draft
from treaty_diff.read.hidden import NAMED, hidden_character_warnings
from treaty_diff.text.controls import hidden_characters, is_hidden, marker, name, reveal, split_hidden, summary

TROJAN = "Each State Party shall \u202eecalp ton\u202c weapons in orbit."


def test_a_right_to_left_override_and_its_pop_are_found_where_they_are() -> None:
    assert hidden_characters(TROJAN) == [(23, "\u202e"), (33, "\u202c")]


def test_a_revealed_trojan_reads_in_the_order_of_the_text() -> None:
    assert reveal(TROJAN) == "Each State Party shall <U+202E>ecalp ton<U+202C> weapons in orbit."


def test_isolates_marks_zero_width_and_tag_characters_and_c1_controls_are_hidden() -> None:
    for char in ("\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c", "\u200b", "\u2060",
                 "\ufeff", "\U000e0041", "\x85", "\x9b", "\x7f"):
        assert hidden_characters(f"a{char}b") == [(1, char)], hex(ord(char))


def test_ordinary_text_spaces_and_soft_hyphens_are_not_hidden() -> None:
    text = "Article 5 bis \u2014 \u00ab outer\u00a0space \u00bb, co\u00adoperation; \u7b2c\u4e00\u6761; \u0627\u0644\u0645\u0627\u062f\u0629"
    assert hidden_characters(text) == []
    assert reveal(text) == text


def test_joiners_are_left_alone_where_a_script_needs_them_and_shown_elsewhere() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # ZWNJ inside a Persian word
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # ZWJ inside an emoji sequence
    assert hidden_characters(persian) == [] and hidden_characters(family) == []
    assert hidden_characters("sha\u200dll") == [(3, "\u200d")]
    assert hidden_characters("\u200cshall") == [(0, "\u200c")]
    assert is_hidden("sha\u200dll", 3) and not is_hidden(persian, 2)


def test_a_hidden_character_is_named_with_its_code_point() -> None:
    assert name("\u202e") == "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert name("\x9b") == "U+009B CONTROL CHARACTER"
    assert marker("\U000e0041") == "<U+E0041>"


def test_the_summary_counts_each_kind_most_frequent_first() -> None:
    assert summary("a\u202eb\u202ec\u200bd") == "U+202E RIGHT-TO-LEFT OVERRIDE (2 times), U+200B ZERO WIDTH SPACE"
    assert summary("\u2066\u2067\u2068\u2069\u202a", limit=2) == ("U+202A LEFT-TO-RIGHT EMBEDDING, "
                                                                  "U+2066 LEFT-TO-RIGHT ISOLATE, 3 other kind(s)")
    assert summary("plain") is None


@given(st.text(alphabet=st.sampled_from(["a", " ", "\u0627", "\u202e", "\u200d", "\u200c", "\x85", "\U0001f468",
                                         "\u2069", "\u00ad"]), max_size=40))
def test_the_pieces_give_the_text_back_and_each_hidden_piece_is_one_character(text: str) -> None:
    pieces = split_hidden(text)
    assert "".join(piece for piece, _ in pieces) == text
    offsets = [offset for offset, _ in hidden_characters(text)]
    assert [piece for piece, hidden in pieces if hidden] == [text[offset] for offset in offsets]
    assert all(len(piece) == 1 for piece, hidden in pieces if hidden)
    revealed = reveal(text)
    assert not any(char in revealed for char in "\u202e\x85\u2069")


def test_a_draft_warns_once_per_provision_naming_it_and_counts_the_rest() -> None:
    draft = load_corpus_draft("ppwt-2008")
    assert hidden_character_warnings(draft) == []
    provisions = tuple(
        dataclasses.replace(p, blocks=tuple(dataclasses.replace(b, body=b.body + "\u202e") for b in p.blocks))
        if p.kind == "article" else p for p in draft.provisions)
    warnings = hidden_character_warnings(dataclasses.replace(draft, provisions=provisions))
    assert warnings[0].startswith("Article I holds U+202E RIGHT-TO-LEFT OVERRIDE")
    assert len(warnings) == NAMED + 1
    assert warnings[-1] == f"{len(draft.articles) - NAMED} more provision(s) hold such characters too"
