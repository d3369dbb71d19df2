"""Alignment of long drafts full of near-identical boilerplate (issue 17): place as evidence, a similarity floor,
moves only where sure, splits and merges among look-alikes; and the family grid's figures on a sample."""

from __future__ import annotations

import pytest

from treaty_diff.align import align
from treaty_diff.align.match import Thresholds
from treaty_diff.model.alignment import Alignment, ProvisionPair
from treaty_diff.model.draft import Draft
from treaty_diff.read.corpus import load_corpus, load_corpus_draft
from treaty_diff.testing.families import measure
from treaty_diff.testing.generate import draft_from_texts

#: Distinct substantive texts: the articles of the Outer Space Treaty and of the Moon Agreement.
SUBSTANTIVE = [" ".join(b.body for b in a.blocks) for d in ("ost-1967", "moon-1979")
               for a in load_corpus_draft(d).articles]

ENTRY_INTO_FORCE = ("This Protocol {n} shall enter into force on the thirtieth day following the date of deposit "
                    "of the twentieth instrument of ratification with the Depositary.")
AMENDMENTS = ("Any State Party may propose amendments to Protocol {n}. Amendments shall enter into force for each "
              "State Party accepting them upon their acceptance by a majority of the States Parties to Protocol {n}.")


def _compilation(clause: str, parts: int = 30) -> list[str]:
    """A compilation of protocols: each a substantive article followed by its own copy of ``clause`` (30 copies
    that differ only in the protocol's number: more look-alikes than the shingle index proposes per article)."""
    texts = []
    for k in range(parts):
        texts += [SUBSTANTIVE[k], clause.format(n=k + 1)]
    return texts


def _draft(name: str, texts: list[str]) -> Draft:
    return draft_from_texts(name, [[t] for t in texts])


def _found(alignment: Alignment) -> list[tuple[str, tuple[str, ...], tuple[str, ...], bool]]:
    return [(p.kind, p.old, p.new, p.moved) for p in alignment.pairs]


def _with(alignment: Alignment, old_eid: str) -> ProvisionPair:
    return next(p for p in alignment.pairs if old_eid in p.old)


def test_an_article_edited_by_a_few_words_in_place_among_look_alikes_is_paired_in_place() -> None:
    old = _compilation(ENTRY_INTO_FORCE)
    new = list(old)
    new[13] = new[13].replace("thirtieth", "sixtieth").replace("twentieth", "fortieth").replace(
        "with the Depositary", "with the Secretary-General")
    result = align(_draft("old", old), _draft("new", new))
    assert ("modified", ("art_14",), ("art_14",), False) in _found(result)
    assert [p.kind for p in result.pairs].count("unchanged") == len(old) - 1


def test_a_look_alike_far_away_is_not_taken_for_an_article_edited_in_place() -> None:
    old = _compilation(ENTRY_INTO_FORCE)
    new = list(old)
    new[3] = new[3].replace("thirtieth day", "ninetieth day").replace("ratification", "acceptance")
    del new[47]  # Protocol 24's clause is deleted: a look-alike with a free place, far from Protocol 2's
    result = align(_draft("old", old), _draft("new", new))
    assert (_with(result, "art_4").new, _with(result, "art_4").moved) == (("art_4",), False)
    assert _with(result, "art_48").kind == "deleted"


def test_a_split_whose_second_half_reads_like_a_deleted_look_alike_is_a_split_in_place() -> None:
    old = _compilation(AMENDMENTS)
    first, second = old[1].split(". ", 1)
    new = [*old[:1], first + ".", second.replace("majority", "two-thirds majority"), *old[2:47], *old[48:]]
    result = align(_draft("old", old), _draft("new", new))
    split = _with(result, "art_2")
    assert (split.kind, split.new, split.moved) == ("split", ("art_2", "art_3"), False)
    assert _with(result, "art_48").kind == "deleted"
    assert not any(p.moved for p in result.pairs)


def test_an_article_moved_among_look_alikes_is_found_and_called_moved() -> None:
    old = _compilation(ENTRY_INTO_FORCE)
    moved = old[9].replace("thirtieth", "fortieth")
    new = [*old[:9], *old[10:48], moved, *old[48:]]
    result = align(_draft("old", old), _draft("new", new))
    pair = _with(result, "art_10")
    assert (pair.kind, pair.new, pair.moved) == ("modified", ("art_48",), True)
    assert sum(p.moved for p in result.pairs) == 1


def test_a_deleted_clause_and_an_unrelated_article_sharing_its_boilerplate_are_not_paired() -> None:
    old = load_corpus_draft("ptbt-1963")
    articles = [[b.body for b in a.blocks] for a in old.articles]
    unrelated = ("The Parties to this Treaty shall consult together at the request of any Party on any question "
                 "concerning the seismic stations referred to in this Treaty, and shall report on them each year.")
    new = draft_from_texts("new", [articles[1], articles[0], articles[2], articles[3], [unrelated]])
    result = align(draft_from_texts("old", articles), new)
    assert ("deleted", ("art_5",), (), False) in _found(result)
    assert ("inserted", (), ("art_5",), False) in _found(result)


def test_no_pair_by_content_is_below_the_floor_and_no_move_below_the_pair_threshold_on_bundled_pairs() -> None:
    floor, least = Thresholds().floor, Thresholds().pair
    drafts = load_corpus()
    for old in drafts:
        for new in drafts:
            for pair in align(old, new).pairs:
                if pair.old and pair.new and pair.evidence == "content":
                    assert pair.similarity >= floor, (old.id, new.id, pair)
                if pair.moved:
                    assert pair.similarity >= least, (old.id, new.id, pair)


@pytest.mark.slow
def test_a_sample_of_the_family_grid_meets_the_figures_of_issue_17() -> None:
    sources = load_corpus()
    twenty = measure(sources, 200, 0.2, (0, 1, 2))
    long = measure(sources, 1000, 0.2, (0,))
    forty = measure(sources, 200, 0.4, (0, 1, 2))
    for cell in (twenty, long):
        a = cell.articles
        assert a.f1 >= 0.995
        assert a.label_precision("moved").value >= 0.95 and a.label_recall("moved").value >= 0.95
        assert a.labels_recall("split", "merged").value >= 0.9
        assert a.label_recall("deleted").value >= 0.98
    a = twenty.articles
    assert forty.articles.f1 >= 0.99
    recitals = twenty.recitals + forty.recitals
    assert recitals.f1 >= 0.95 and recitals.labels_recall("split", "merged").value >= 0.9
    # and there was something to find
    assert min(a.label_recall(label).total for label in ("moved", "split", "merged", "deleted", "inserted")) >= 5
    assert recitals.label_recall("merged").total >= 5 and recitals.label_recall("split").total >= 3
