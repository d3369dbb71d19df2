"""Properties of alignment (hypothesis): a draft against itself, and B against A as the inverse of A against B;
the ordering and assignment helpers against brute force; no pair below the floor on drafts full of look-alikes."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from treaty_diff.align import align
from treaty_diff.align.assign import assign
from treaty_diff.align.match import Thresholds
from treaty_diff.align.order import heaviest_chain
from treaty_diff.model.alignment import Alignment
from treaty_diff.model.draft import Draft
from treaty_diff.read.corpus import CORPUS_IDS, load_corpus, load_corpus_draft
from treaty_diff.testing.families import generate_family_pair
from treaty_diff.testing.generate import Rates, draft_from_texts, generate_pair

WORDS = [
    "state", "party", "shall", "may", "not", "treaty", "outer", "space", "object", "weapon", "force", "threat", "use",
    "orbit", "celestial", "body", "moon", "agency", "register", "launch", "notify", "depositary", "protocol",
    "measure", "national", "territory", "jurisdiction", "control", "dispute", "consultation", "cooperation",
    "amendment", "withdrawal", "ratification", "signature", "entry", "into", "the", "of", "and", "to", "in", "any",
    "other", "such", "all", "its", "with", "by", "for", "on", "from", "under", "this", "that", "which",
]

paragraph = st.lists(st.sampled_from(WORDS), min_size=3, max_size=30).map(" ".join)
article = st.lists(paragraph, min_size=1, max_size=3, unique=True)


@st.composite
def drafts(draw: st.DrawFn, name: str = "a") -> Draft:
    """Small drafts of random wording: no two articles, and no two paragraphs, alike."""
    articles = draw(st.lists(article, min_size=1, max_size=9))
    seen: set[str] = set()
    unique = []
    for paragraphs in articles:
        kept = [p for p in paragraphs if p not in seen]
        seen.update(kept)
        if kept:
            unique.append(kept)
    preamble = draw(st.lists(paragraph.filter(lambda p: p not in seen), max_size=3, unique=True))
    return draft_from_texts(name, unique, preamble=preamble)


rates = st.builds(
    Rates,
    edit=st.sampled_from([0.05, 0.2, 0.4]),
    modify=st.floats(0, 0.3),
    move=st.floats(0, 0.3),
    split=st.floats(0, 0.2),
    merge=st.floats(0, 0.2),
    delete=st.floats(0, 0.2),
    insert=st.floats(0, 0.3),
)

_INVERSE = {"inserted": "deleted", "deleted": "inserted", "split": "merged", "merged": "split"}


def _canonical(alignment: Alignment, swap: bool) -> tuple[set[Any], set[Any]]:
    """The alignment as sets, with old and new (and the kinds that name a direction) swapped if ``swap``."""

    def flip(kind: str, old: Any, new: Any) -> tuple[str, Any, Any]:
        return (_INVERSE.get(kind, kind), new, old) if swap else (kind, old, new)

    pairs = set()
    for pair in alignment.pairs:
        blocks = frozenset((*flip(b.kind, b.old, b.new), b.renumbered, b.moved) for b in pair.blocks)
        pairs.add((*flip(pair.kind, pair.old, pair.new), pair.renumbered, pair.moved, blocks))
    definitions = {
        (*flip(d.kind, d.old and d.old.block_eid, d.new and d.new.block_eid), d.renamed) for d in alignment.definitions
    }
    return pairs, definitions


def _assert_inverse(a: Draft, b: Draft) -> None:
    assert _canonical(align(b, a), swap=True) == _canonical(align(a, b), swap=False)


def _assert_all_unchanged(draft: Draft) -> None:
    result = align(draft, draft)
    assert [(p.old, p.new) for p in result.pairs] == [((p.eid,), (p.eid,)) for p in draft.provisions]
    for pair in result.pairs:
        assert (pair.kind, pair.renumbered, pair.moved, pair.similarity) == ("unchanged", False, False, 1.0)
        assert all(b.kind == "unchanged" and not b.moved and not b.renumbered for b in pair.blocks)
    assert all(d.kind == "unchanged" and not d.renamed for d in result.definitions)


@settings(max_examples=60, deadline=None)
@given(drafts())
def test_a_random_draft_aligned_with_itself_is_unchanged_throughout(draft: Draft) -> None:
    _assert_all_unchanged(draft)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(CORPUS_IDS), st.integers(0, 10_000), rates)
def test_a_generated_draft_aligned_with_itself_is_unchanged_throughout(draft_id: str, seed: int, r: Rates) -> None:
    _assert_all_unchanged(generate_pair(load_corpus_draft(draft_id), seed, r).new)


@settings(max_examples=60, deadline=None)
@given(drafts(), st.integers(0, 10_000), rates)
def test_aligning_b_with_a_is_the_inverse_of_aligning_a_with_b(a: Draft, seed: int, r: Rates) -> None:
    _assert_inverse(a, generate_pair(a, seed, r).new)


@settings(max_examples=40, deadline=None)
@given(drafts("a"), drafts("b"))
def test_two_unrelated_random_drafts_align_symmetrically(a: Draft, b: Draft) -> None:
    _assert_inverse(a, b)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(CORPUS_IDS), st.integers(0, 10_000), rates)
def test_bundled_drafts_and_their_variants_align_symmetrically(draft_id: str, seed: int, r: Rates) -> None:
    draft = load_corpus_draft(draft_id)
    _assert_inverse(draft, generate_pair(draft, seed, r).new)


def test_the_two_ppwt_drafts_align_symmetrically() -> None:
    _assert_inverse(load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014"))


@settings(max_examples=200, deadline=None)
@given(st.text() | st.text(alphabet=st.characters(blacklist_categories=["Lo"])))
def test_each_word_pattern_without_the_cjk_class_finds_the_words_of_the_full_one_in_texts_without_cjk(
        text: str) -> None:
    from treaty_diff.text import tokens

    for profile in ("similarity", "obligations"):
        full = tokens._word_pattern(profile, True).findall(text)
        if not tokens._has_cjk(text):
            assert tokens._word_pattern(profile, False).findall(text) == full


# -- the ordering and assignment helpers, against brute force -------------------------------------------

edge_sets = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.integers(1, 50)), max_size=9,
                     unique_by=lambda e: (e[0], e[1]))


def _in_order(chosen: Sequence[tuple[int, int, int]]) -> bool:
    return all((a[0] < b[0] and a[1] < b[1]) or (a[0] > b[0] and a[1] > b[1])
               for a, b in itertools.combinations(chosen, 2))


def _one_each(chosen: Sequence[tuple[int, int, int]]) -> bool:
    return len({e[0] for e in chosen}) == len({e[1] for e in chosen}) == len(chosen)


def _best(edges: Sequence[tuple[int, int, int]], allowed: Callable[[Sequence[tuple[int, int, int]]], bool]) -> int:
    return max(sum(e[2] for e in chosen) for size in range(len(edges) + 1)
               for chosen in itertools.combinations(edges, size) if allowed(chosen))


@settings(max_examples=200, deadline=None)
@given(edge_sets)
def test_the_heaviest_chain_is_in_order_and_as_heavy_as_any_chain_in_order(edges: list[tuple[int, int, int]]) -> None:
    chain = heaviest_chain(edges)
    weight = {(i, j): w for i, j, w in edges}
    chosen = [(i, j, weight[(i, j)]) for i, j in chain]
    assert _in_order(chosen) and _one_each(chosen)
    assert sum(e[2] for e in chosen) == _best(edges, lambda c: _in_order(c) and _one_each(c))


@settings(max_examples=200, deadline=None)
@given(edge_sets)
def test_the_assignment_pairs_each_unit_once_and_is_as_heavy_as_any_matching(edges: list[tuple[int, int, int]]) -> None:
    weights = {(i, j): w for i, j, w in edges}
    chosen = [(i, j, weights[(i, j)]) for i, j in assign(weights)]
    assert _one_each(chosen)
    assert sum(e[2] for e in chosen) == _best(edges, _one_each)


# -- drafts full of look-alikes ---------------------------------------------------------------------------


@settings(max_examples=12, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from([0.05, 0.2, 0.4]))
def test_drafts_full_of_look_alikes_align_symmetrically(seed: int, edit: float) -> None:
    pair = generate_family_pair(load_corpus(), 60, seed, edit)
    _assert_inverse(pair.old, pair.new)


@settings(max_examples=12, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from([0.05, 0.2, 0.4]))
def test_no_pair_by_content_is_below_the_floor_and_no_moved_pair_below_the_pair_threshold(seed: int,
                                                                                            edit: float) -> None:
    pair = generate_family_pair(load_corpus(), 60, seed, edit)
    for found in align(pair.old, pair.new).pairs:
        if found.old and found.new and found.evidence == "content":
            assert found.similarity >= Thresholds().floor
        if found.moved:
            assert found.similarity >= Thresholds().pair
