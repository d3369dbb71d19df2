"""The generator of draft pairs with a known truth, and the evaluation that scores an alignment against it."""

from __future__ import annotations

import bisect
import difflib
import itertools
from dataclasses import replace

import pytest

from treaty_diff.model.alignment import Alignment, BlockPair, ProvisionPair
from treaty_diff.model.draft import Draft
from treaty_diff.read.akn import draft_to_xml, parse_bytes
from treaty_diff.read.corpus import CORPUS_IDS, load_corpus, load_corpus_draft
from treaty_diff.testing.evaluate import evaluate, evaluate_blocks, report, total
from treaty_diff.testing.families import family_draft, generate_family_pair
from treaty_diff.testing.generate import GENERATED, GeneratedPair, Rates, draft_from_texts, generate_pair, scale_draft
from treaty_diff.testing.guard import COPY_LIMIT, MOVE_MARGIN
from treaty_diff.testing.recitals import VISIBLE
from treaty_diff.testing.words import PhraseIndex, plain_dice, share_in, word_bag

BUSY = Rates(modify=0.15, move=0.1, split=0.1, merge=0.1, delete=0.1, insert=0.1)


def _content(draft: Draft, eid: str) -> str:
    provision = draft.provision(eid)
    return "\n\n".join([*([provision.heading] if provision.heading else []), *(b.text for b in provision.blocks)])


def test_the_same_seed_gives_the_same_pair_and_another_seed_another() -> None:
    draft = load_corpus_draft("ost-1967")
    first, again, other = generate_pair(draft, 5, BUSY), generate_pair(draft, 5, BUSY), generate_pair(draft, 6, BUSY)
    assert first.new == again.new and first.truth == again.truth
    assert first.new.provisions != other.new.provisions


@pytest.mark.parametrize("draft_id", CORPUS_IDS)
def test_generated_drafts_are_valid_and_survive_akoma_ntoso(draft_id: str) -> None:
    for seed in range(3):
        new = generate_pair(load_corpus_draft(draft_id), seed, BUSY).new
        assert parse_bytes(draft_to_xml(new), "generated").provisions == new.provisions


def test_a_scaled_draft_has_the_articles_asked_for_all_distinct_and_valid() -> None:
    draft = scale_draft(load_corpus(), 300, seed=2)
    assert len(draft.articles) == 300
    assert [a.num for a in draft.articles[:2]] == ["Article 1", "Article 2"]
    assert len({_content(draft, a.eid) for a in draft.articles}) == 300
    assert parse_bytes(draft_to_xml(draft), "scaled").provisions == draft.provisions


@pytest.mark.parametrize("draft_id", CORPUS_IDS)
def test_the_truth_accounts_for_every_provision_exactly_once(draft_id: str) -> None:
    for seed in range(5):
        pair = generate_pair(load_corpus_draft(draft_id), seed, BUSY)
        assert sorted(e for p in pair.truth for e in p.old) == sorted(p.eid for p in pair.old.provisions)
        assert sorted(e for p in pair.truth for e in p.new) == sorted(p.eid for p in pair.new.provisions)


def test_the_truth_says_unchanged_exactly_when_the_text_apart_from_the_number_is_equal() -> None:
    for seed in range(20):
        pair = generate_pair(load_corpus_draft(CORPUS_IDS[seed % 5]), seed, BUSY)
        for p in pair.truth:
            if p.kind in ("unchanged", "modified"):
                same = _content(pair.old, p.old[0]) == _content(pair.new, p.new[0])
                assert same == (p.kind == "unchanged")
            if p.old and p.new:
                assert p.renumbered == (pair.old.provision(p.old[0]).num != pair.new.provision(p.new[0]).num)


def test_all_operations_occur_over_a_few_pairs() -> None:
    kinds: set[str] = set()
    for seed in range(20):
        for p in generate_pair(load_corpus_draft("moon-1979"), seed, BUSY).truth:
            kinds.add(p.kind)
            kinds.update(flag for flag in ("moved", "renumbered") if getattr(p, flag))
    assert kinds == {"unchanged", "modified", "inserted", "deleted", "split", "merged", "moved", "renumbered"}


def _longest_increasing(values: list[int]) -> int:
    tails: list[int] = []
    for value in values:
        at = bisect.bisect_left(tails, value)
        tails[at:at + 1] = [value]
    return len(tails)


def test_the_moved_articles_of_the_truth_are_the_fewest_that_explain_the_order() -> None:
    for seed in range(30):
        pair = generate_pair(load_corpus_draft(CORPUS_IDS[seed % 5]), seed, BUSY)
        old_order = [p.eid for p in pair.old.provisions]
        new_order = [p.eid for p in pair.new.provisions]
        matched = sorted((p for p in pair.truth if p.old and p.new), key=lambda p: new_order.index(p.new[0]))
        sequence = [old_order.index(p.old[0]) for p in matched]
        assert len(matched) - _longest_increasing(sequence) == sum(p.moved for p in matched)
        kept = [s for s, p in zip(sequence, matched) if not p.moved]
        assert kept == sorted(kept)


def test_edits_change_about_the_chosen_share_of_words() -> None:
    ratios = []
    for seed in range(30):
        pair = generate_pair(load_corpus_draft("ost-1967"), seed, Rates(edit=0.2, modify=0.5, move=0, split=0,
                                                                            merge=0, delete=0, insert=0))
        for p in pair.truth:
            if p.kind == "modified" and p.old[0].startswith("art"):
                old_words = pair.old.provision(p.old[0]).text.split()[2:]
                new_words = pair.new.provision(p.new[0]).text.split()[2:]
                ratios.append(difflib.SequenceMatcher(None, old_words, new_words, autojunk=False).ratio())
    mean = sum(ratios) / len(ratios)
    assert len(ratios) > 50
    assert 0.75 < mean < 0.92  # 20% of the words replaced, deleted or inserted


def test_blocks_keep_their_provenance_and_made_up_text_says_so() -> None:
    for seed in range(10):
        pair = generate_pair(load_corpus_draft("ppwt-2008"), seed, BUSY)
        old_provenance = {b.body: b.provenance for p in pair.old.provisions for b in p.blocks}
        for p in pair.truth:
            for eid in p.new:
                for block in pair.new.provision(eid).blocks:
                    if p.kind == "inserted":
                        assert block.provenance.source == GENERATED and not block.provenance.is_verbatim
                    elif block.body in old_provenance:
                        assert block.provenance == old_provenance[block.body]


def test_defined_terms_survive_the_edits() -> None:
    for seed in range(20):
        new = generate_pair(load_corpus_draft("ppwt-2008"), seed, Rates(edit=0.5, modify=0.9)).new
        assert all(term in d.text for d in new.definitions for term in d.terms)


# -- evaluation ----------------------------------------------------------------------------------


def test_the_truth_itself_scores_perfectly() -> None:
    pair = generate_pair(load_corpus_draft("moon-1979"), 3, BUSY)
    score = evaluate(pair.truth, pair.truth)
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert all(score.label_recall(label).value == 1.0 for label in ("moved", "split", "merged"))


def test_taking_a_split_for_a_modification_and_an_insertion_costs_split_recall_and_pair_scores() -> None:
    truth = (ProvisionPair("split", ("art_1",), ("art_1", "art_2")), ProvisionPair("unchanged", ("art_2",), ("art_3",)))
    guess = (ProvisionPair("modified", ("art_1",), ("art_1",)), ProvisionPair("inserted", (), ("art_2",)),
             ProvisionPair("unchanged", ("art_2",), ("art_3",)))
    score = evaluate(guess, truth)
    assert score.label_recall("split").value == 0.0
    assert score.label_recall("unchanged").value == 1.0
    assert (score.links_correct, score.links_found, score.links_true) == (2, 3, 3)
    assert score.f1 == pytest.approx(2 / 3)


def test_a_wrong_flag_counts_against_that_flag_only() -> None:
    truth = (ProvisionPair("unchanged", ("art_1",), ("art_2",), renumbered=True, moved=True),)
    guess = (replace(truth[0], moved=False),)
    score = evaluate(guess, truth)
    assert score.f1 == 1.0
    assert score.label_recall("moved").value == 0.0 and score.label_recall("renumbered").value == 1.0


def test_tallies_add_up_and_report_every_label() -> None:
    pair = generate_pair(load_corpus_draft("ost-1967"), 1, BUSY)
    one = evaluate(pair.truth, pair.truth)
    both = total([one, one])
    assert both.links_true == 2 * one.links_true and both.draft_pairs == 2
    text = report(both)
    assert all(label in text for label in ("moved", "renumbered", "split", "merged", "inserted", "deleted"))


# -- drafts full of near-duplicates (issue 17) ------------------------------------------------------


@pytest.fixture(scope="module")
def family_pairs() -> list[GeneratedPair]:
    sources = load_corpus()
    return [generate_family_pair(sources, 150, seed, edit) for seed, edit in ((0, 0.05), (1, 0.2), (2, 0.4), (3, 0.2))]


def test_a_family_draft_has_the_articles_asked_for_in_families_of_look_alikes_and_is_valid() -> None:
    made = family_draft(load_corpus(), 300, seed=1)
    articles = made.draft.articles
    assert len(articles) == len(made.families) == 300
    members: dict[int, list[int]] = {}
    for index, family in enumerate(made.families):
        members.setdefault(family, []).append(index)
    bags = [word_bag(b.body for b in a.blocks) for a in articles]
    look_alikes = [(a, b) for group in members.values() if len(group) > 2 for a, b in itertools.pairwise(group)
                   if plain_dice(bags[a], bags[b]) >= 0.8]
    assert len(look_alikes) >= 50
    assert parse_bytes(draft_to_xml(made.draft), "families").provisions == made.draft.provisions


def test_the_same_seed_gives_the_same_family_pair() -> None:
    sources = load_corpus()
    first, again = generate_family_pair(sources, 80, 3), generate_family_pair(sources, 80, 3)
    assert (first.new, first.truth, first.block_truth) == (again.new, again.truth, again.block_truth)


def test_a_family_pair_accounts_for_every_provision_and_every_preamble_block_exactly_once(
        family_pairs: list[GeneratedPair]) -> None:
    for pair in family_pairs:
        assert sorted(e for p in pair.truth for e in p.old) == sorted(p.eid for p in pair.old.provisions)
        assert sorted(e for p in pair.truth for e in p.new) == sorted(p.eid for p in pair.new.provisions)
        old_blocks = [b.eid for b in pair.old.provision("preamble").blocks]
        new_blocks = [b.eid for b in pair.new.provision("preamble").blocks]
        assert sorted(e for p in pair.block_truth for e in p.old) == sorted(old_blocks)
        assert sorted(e for p in pair.block_truth for e in p.new) == sorted(new_blocks)
        assert parse_bytes(draft_to_xml(pair.new), "new").provisions == pair.new.provisions


def test_family_pairs_hold_every_operation_on_articles_and_on_recitals(family_pairs: list[GeneratedPair]) -> None:
    kinds = {p.kind for pair in family_pairs for p in pair.truth} | {"moved" for pair in family_pairs
                                                                    for p in pair.truth if p.moved}
    recitals = {p.kind for pair in family_pairs for p in pair.block_truth} | {
        "moved" for pair in family_pairs for p in pair.block_truth if p.moved}
    assert kinds == {"unchanged", "modified", "inserted", "deleted", "split", "merged", "moved"}
    assert recitals >= {"modified", "inserted", "deleted", "split", "merged"}


def test_no_new_article_reads_more_like_a_deleted_look_alike_than_like_its_own_source(
        family_pairs: list[GeneratedPair]) -> None:
    for pair in family_pairs:
        old = {a.eid: word_bag(b.body for b in a.blocks) for a in pair.old.articles}
        new = {a.eid: word_bag(b.body for b in a.blocks) for a in pair.new.articles}
        deleted = [p.old[0] for p in pair.truth if p.kind == "deleted"]
        for p in pair.truth:
            if p.kind in ("modified", "unchanged") and p.old[0] in old:
                own = plain_dice(new[p.new[0]], old[p.old[0]])
                assert all(plain_dice(new[p.new[0]], old[d]) <= own for d in deleted), p
                if p.moved:
                    assert all(plain_dice(new[p.new[0]], old[d]) < own - MOVE_MARGIN for d in deleted), p


def test_the_moved_articles_of_a_family_truth_are_the_fewest_that_explain_the_order(
        family_pairs: list[GeneratedPair]) -> None:
    for pair in family_pairs:
        old_order = {p.eid: k for k, p in enumerate(pair.old.provisions)}
        new_order = {p.eid: k for k, p in enumerate(pair.new.provisions)}
        matched = sorted((p for p in pair.truth if p.old and p.new), key=lambda p: new_order[p.new[0]])
        sequence = [old_order[p.old[0]] for p in matched]
        assert len(matched) - _longest_increasing(sequence) == sum(p.moved for p in matched)


def test_each_recital_condensed_into_another_or_split_still_shows_half_of_its_words(
        family_pairs: list[GeneratedPair]) -> None:
    seen = 0
    for pair in family_pairs:
        old = {b.eid: word_bag([b.body]) for b in pair.old.provision("preamble").blocks}
        new = {b.eid: word_bag([b.body]) for b in pair.new.provision("preamble").blocks}
        for p in pair.block_truth:
            if p.kind == "merged":
                seen += 1
                assert all(share_in(old[e], new[p.new[0]]) >= VISIBLE for e in p.old)
            elif p.kind == "split":
                seen += 1
                assert all(share_in(new[e], old[p.old[0]]) >= VISIBLE for e in p.new)
    assert seen >= 4


def test_made_up_articles_share_words_with_the_draft_but_copy_no_article_at_length(
        family_pairs: list[GeneratedPair]) -> None:
    for pair in family_pairs:
        phrases = PhraseIndex(" ".join(b.body for b in a.blocks) for a in pair.old.articles)
        vocabulary = set(word_bag(b.body for p in pair.old.provisions for b in p.blocks))
        for p in pair.truth:
            if p.kind == "inserted":
                text = " ".join(b.body for b in pair.new.provision(p.new[0]).blocks)
                assert phrases.most_copied(text) <= COPY_LIMIT
                assert set(word_bag([text])) <= vocabulary


def test_block_evaluation_counts_a_missed_recital_merge_against_merge_recall() -> None:
    truth = (BlockPair("merged", ("rec_1", "rec_2"), ("rec_1",)), BlockPair("unchanged", ("rec_3",), ("rec_2",)))
    draft = draft_from_texts("d", [["text"]])
    found = (BlockPair("modified", ("rec_1",), ("rec_1",)), BlockPair("deleted", ("rec_2",), ()),
             BlockPair("unchanged", ("rec_3",), ("rec_2",)))
    alignment = Alignment(draft, draft, (ProvisionPair("modified", ("preamble",), ("preamble",), blocks=found),))
    score = evaluate_blocks(alignment, truth)
    assert score.label_recall("merged").value == 0.0 and score.label_recall("unchanged").value == 1.0
    assert (score.links_correct, score.links_found, score.links_true) == (2, 3, 3)
    assert evaluate_blocks(Alignment(draft, draft, (ProvisionPair("modified", ("p",), ("p",), blocks=truth),)),
                           truth).f1 == 1.0
