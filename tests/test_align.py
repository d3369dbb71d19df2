"""Alignment on small purpose-made drafts: each kind of change, the flags, the reading order, the output shape."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from support.fixtures import A, B, C, D, E, G, H

from treaty_diff.align import align
from treaty_diff.align.similarity import Weights
from treaty_diff.model.alignment import Alignment, ProvisionPair
from treaty_diff.model.draft import Draft
from treaty_diff.read.corpus import CORPUS_IDS, load_corpus_draft
from treaty_diff.render.alignment import alignment_to_dict
from treaty_diff.testing.evaluate import evaluate, total
from treaty_diff.testing.generate import Rates, draft_from_texts, generate_pair, scale_draft


def _pairs(alignment: Alignment) -> list[tuple[tuple[str, ...], tuple[str, ...], str, bool, bool]]:
    return [(p.old, p.new, p.kind, p.renumbered, p.moved) for p in alignment.pairs]


def _with(pairs: Alignment, old_eid: str) -> ProvisionPair:
    return next(p for p in pairs.pairs if old_eid in p.old)


def test_a_renumbered_article_is_unchanged_and_flagged() -> None:
    old = draft_from_texts("old", [[A], [B], [C]])
    new = draft_from_texts("new", [[B], [C]])
    assert _pairs(align(old, new)) == [
        (("art_1",), (), "deleted", False, False),
        (("art_2",), ("art_1",), "unchanged", True, False),
        (("art_3",), ("art_2",), "unchanged", True, False),
    ]


def test_an_article_shifted_by_an_insertion_keeps_its_place_and_is_not_moved() -> None:
    old = draft_from_texts("old", [[A], [B], [C], [D]])
    new = draft_from_texts("new", [[H], [A], [B], [C], [D]])
    result = _pairs(align(old, new))
    assert result[0] == ((), ("art_1",), "inserted", False, False)
    assert all(kind == "unchanged" and renumbered and not moved for _, _, kind, renumbered, moved in result[1:])


def test_an_article_moved_to_the_end_is_the_only_one_called_moved() -> None:
    old = draft_from_texts("old", [[A], [B], [C], [D], [E]])
    new = draft_from_texts("new", [[B], [C], [D], [E], [A]])
    result = {p.old: p for p in align(old, new).pairs}
    assert [eid for (eid,), p in result.items() if p.moved] == ["art_1"]
    assert all(p.kind == "unchanged" and p.renumbered for p in result.values())


def test_two_swapped_articles_call_only_one_of_them_moved() -> None:
    old = draft_from_texts("old", [[A], [B], [C], [D]])
    new = draft_from_texts("new", [[A], [C], [B], [D]])
    assert sum(p.moved for p in align(old, new).pairs) == 1


def test_an_edited_article_is_modified_with_a_similarity_below_one() -> None:
    edited = A.replace("national authority", "competent body").replace("liaison", "contact")
    pair = align(draft_from_texts("old", [[A], [B]]), draft_from_texts("new", [[edited], [B]])).pairs[0]
    assert (pair.kind, pair.old, pair.new, pair.renumbered, pair.moved) == ("modified", ("art_1",), ("art_1",), False,
                                                                            False)
    assert 0.4 < pair.similarity < 1.0
    assert pair.blocks[0].kind == "modified"


def test_an_article_split_in_two_and_edited_is_one_split_pair() -> None:
    old = draft_from_texts("old", [[A + " " + B], [C]])
    new = draft_from_texts("new", [[A.replace("national", "single")], [B.replace("register", "record")], [C]])
    pairs = align(old, new).pairs
    assert (pairs[0].kind, pairs[0].old, pairs[0].new) == ("split", ("art_1",), ("art_1", "art_2"))
    assert (pairs[1].kind, pairs[1].renumbered) == ("unchanged", True)


def test_two_articles_merged_into_one_are_one_merged_pair_with_their_blocks_aligned() -> None:
    old = draft_from_texts("old", [[A], [B], [C]])
    new = draft_from_texts("new", [[A, B.replace("all interested", "every")], [C]])
    pair = align(old, new).pairs[0]
    assert (pair.kind, pair.old, pair.new) == ("merged", ("art_1", "art_2"), ("art_1",))
    assert [(b.kind, b.old, b.new) for b in pair.blocks] == [
        ("unchanged", ("art_1",), ("art_1__para_1",)),
        ("modified", ("art_2",), ("art_1__para_2",)),
    ]


def test_inserted_and_deleted_articles_have_every_block_inserted_or_deleted() -> None:
    old = draft_from_texts("old", [[A], [C, D]])
    new = draft_from_texts("new", [[A], [G, H]])
    pairs = align(old, new).pairs
    assert [(b.kind, b.old, b.new) for b in pairs[1].blocks] == [
        ("deleted", ("art_2__para_1",), ()), ("deleted", ("art_2__para_2",), ())]
    assert [(b.kind, b.old, b.new) for b in pairs[2].blocks] == [
        ("inserted", (), ("art_2__para_1",)), ("inserted", (), ("art_2__para_2",))]


def test_a_deleted_article_stands_at_its_old_place_in_the_reading_order() -> None:
    old = draft_from_texts("old", [[A], [B], [C], [D]])
    new = draft_from_texts("new", [[A], [H], [C], [D]])
    assert [(p.old, p.new) for p in align(old, new).pairs] == [
        (("art_1",), ("art_1",)), (("art_2",), ()), ((), ("art_2",)), (("art_3",), ("art_3",)),
        (("art_4",), ("art_4",)),
    ]


def test_articles_are_never_paired_by_number_alone() -> None:
    old = draft_from_texts("old", [[A], [B]])
    new = draft_from_texts("new", [[G], [H]])
    assert sorted(p.kind for p in align(old, new).pairs) == ["deleted", "deleted", "inserted", "inserted"]


def test_the_number_breaks_a_tie_between_equal_texts() -> None:
    old = draft_from_texts("old", [[A], [B], [A]], nums=["Article 1", "Article 2", "Article 3"])
    new = draft_from_texts("new", [[A]], nums=["Article 3"])
    pairs = align(old, new).pairs
    kept = next(p for p in pairs if p.new)
    assert (kept.old, kept.kind, kept.renumbered) == (("art_3",), "unchanged", False)


def test_roman_and_arabic_numbers_of_the_same_value_are_not_a_renumbering() -> None:
    old = draft_from_texts("old", [[A], [B]], nums=["Article I", "Article II"])
    new = draft_from_texts("new", [[A], [B]], nums=["Article 1", "ARTICLE 2"])
    assert [p.renumbered for p in align(old, new).pairs] == [False, False]


def test_wids_decide_the_pairing_over_content() -> None:
    old = draft_from_texts("old", [[A], [B]], wids=["w-a", "w-b"])
    new = draft_from_texts("new", [[B], [A]], wids=["w-a", "w-b"])
    pairs = align(old, new).pairs
    assert {(p.old, p.new, p.kind, p.evidence) for p in pairs} == {
        (("art_1",), ("art_1",), "modified", "wId"), (("art_2",), ("art_2",), "modified", "wId")}


def test_without_wids_on_one_side_content_decides() -> None:
    old = draft_from_texts("old", [[A], [B]], wids=["w-a", "w-b"])
    new = draft_from_texts("new", [[B], [A]])
    pairs = align(old, new).pairs
    assert {(p.old, p.new, p.evidence) for p in pairs} == {
        (("art_1",), ("art_2",), "content"), (("art_2",), ("art_1",), "content")}


def test_the_title_and_preamble_pair_with_their_namesakes() -> None:
    old = load_corpus_draft("ost-1967")
    new = replace(old, provisions=tuple(p for p in old.provisions if p.kind != "article"))
    pairs = align(old, new).pairs
    paired = {p.old[0]: (p.new, p.kind, p.evidence) for p in pairs if p.new}
    assert paired == {eid: ((eid,), "unchanged", "kind") for eid in ("preface", "preamble", "conclusions")}


def test_a_renamed_definition_is_one_amended_definition_and_a_dropped_one_is_deleted() -> None:
    old = load_corpus_draft("ppwt-2008")
    new = load_corpus_draft("ppwt-2014")
    by_old_term = {d.old.term: d for d in align(old, new).definitions if d.old}
    renamed = by_old_term["weapons in outer space"]
    assert (renamed.kind, renamed.renamed, renamed.new and renamed.new.term) == ("modified", True,
                                                                                 "weapon in outer space")
    assert (by_old_term["outer space"].kind, by_old_term["outer space"].new) == ("deleted", None)


def test_an_added_definition_is_inserted() -> None:
    old = load_corpus_draft("ppwt-2014")
    new = load_corpus_draft("ppwt-2008")
    added = [d for d in align(old, new).definitions if d.kind == "inserted"]
    assert [d.new.term for d in added if d.new] == ["outer space"]


@pytest.mark.parametrize("draft_id", CORPUS_IDS)
def test_every_provision_and_block_is_in_exactly_one_pair(draft_id: str) -> None:
    for seed in range(4):
        generated = generate_pair(load_corpus_draft(draft_id), seed, Rates(modify=0.2, move=0.1, split=0.1, merge=0.1,
                                                                          delete=0.1, insert=0.1))
        result = align(generated.old, generated.new)
        _assert_partition(result, generated.old, generated.new)


def _assert_partition(result: Alignment, old: Draft, new: Draft) -> None:
    assert sorted(e for p in result.pairs for e in p.old) == sorted(p.eid for p in old.provisions)
    assert sorted(e for p in result.pairs for e in p.new) == sorted(p.eid for p in new.provisions)
    old_blocks = {p.eid: [b.eid for b in p.blocks] for p in old.provisions}
    new_blocks = {p.eid: [b.eid for b in p.blocks] for p in new.provisions}
    for pair in result.pairs:
        assert sorted(e for b in pair.blocks for e in b.old) == sorted(e for o in pair.old for e in old_blocks[o])
        assert sorted(e for b in pair.blocks for e in b.new) == sorted(e for n in pair.new for e in new_blocks[n])
    new_order = [p.eid for p in new.provisions]
    firsts = [new_order.index(p.new[0]) for p in result.pairs if p.new]
    assert firsts == sorted(firsts)


def test_alignment_to_dict_is_plain_json_with_nums_and_blocks() -> None:
    data = alignment_to_dict(align(load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014")))
    assert json.loads(json.dumps(data)) == data
    moved = next(p for p in data["pairs"] if p["moved"])
    assert (moved["old_num"], moved["new_num"], moved["kind"]) == (["Article VIII"], ["Article VI"], "modified")
    assert {d["term"] for d in data["definitions"]} >= {"outer space", "weapons in outer space"}
    assert all({"kind", "old", "new", "renumbered", "moved", "similarity"} <= set(b) for p in data["pairs"]
               for b in p["blocks"])


def test_alignment_meets_the_quality_targets_over_sixty_generated_pairs() -> None:
    drafts = [load_corpus_draft(draft_id) for draft_id in CORPUS_IDS]
    tallies = []
    for seed in range(60):
        generated = generate_pair(drafts[seed % len(drafts)], 10_000 + seed, Rates(edit=0.2))
        tallies.append(evaluate(align(generated.old, generated.new), generated.truth))
    score = total(tallies)
    assert score.f1 >= 0.99
    assert score.label_recall("moved").value >= 0.95
    assert score.label_recall("renumbered").value >= 0.99
    assert score.label_recall("split").value >= 0.90
    assert score.label_recall("merged").value >= 0.90
    # and there was something to find
    assert min(score.label_recall(label).total for label in ("moved", "split", "merged", "inserted", "deleted")) >= 5


def test_large_drafts_are_aligned_correctly_scoring_only_a_few_candidates_per_article(
        monkeypatch: pytest.MonkeyPatch) -> None:
    generated = generate_pair(scale_draft([load_corpus_draft(i) for i in CORPUS_IDS], 400, seed=4), 4)
    calls = 0
    shared = Weights.shared

    def counting(self: Weights, a: dict[str, int], b: dict[str, int]) -> int:
        nonlocal calls
        calls += 1
        return shared(self, a, b)

    monkeypatch.setattr(Weights, "shared", counting)
    result = align(generated.old, generated.new)
    assert evaluate(result, generated.truth).f1 >= 0.99
    assert calls < 20 * 400  # all pairs would be 160,000 comparisons
