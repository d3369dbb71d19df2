"""The history against generated series with a known truth: lineages, splits, merges, deletions and
reinstatements, and every word's version (the figures at scale: benchmarks/history_scale.py)."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from treaty_diff.history import HistoryOptions, build_history
from treaty_diff.model.draft import Draft
from treaty_diff.testing.series import GeneratedSeries, SeriesPlan, base_draft, generate_series, score_history
from treaty_diff.text.tokens import is_word, tokenize


@cache
def _base() -> Draft:
    return base_draft(40, seed=1)


@cache
def _series(seed: int) -> GeneratedSeries:
    return generate_series(_base(), 12, seed)


@pytest.mark.parametrize("seed", [1, 2])
def test_on_a_generated_series_the_lineages_and_the_words_versions_match_the_truth(seed: int) -> None:
    series = _series(seed)
    score = score_history(build_history(series.versions, HistoryOptions(obligations=False)), series)
    assert score.lineages.value >= 0.99, score
    assert score.links.value >= 0.99, score
    assert score.events.value >= 0.99 and score.events_found <= score.events.total + 1, score
    assert score.words.value >= 0.98 and score.words_last.value >= 0.98, score


def test_every_step_of_a_generated_series_splits_merges_deletes_and_reinstates() -> None:
    series = _series(1)
    kinds = Counter(event.kind for event in series.events)
    steps = len(series.versions) - 1
    assert kinds["split-off"] == kinds["merged-into"] == kinds["deleted"] == steps
    assert kinds["reinstated"] == steps - 1  # nothing is deleted before the first step
    reinstated = [e for e in series.events if e.kind == "reinstated"]
    assert all(any(d.kind == "deleted" and d.lineage == e.lineage and d.version < e.version for d in series.events)
               for e in reinstated)


def test_the_truth_gives_every_word_of_every_body_a_version_no_later_than_its_own() -> None:
    series = _series(2)
    for version, draft in enumerate(series.versions):
        for provision in draft.provisions:
            for block in provision.blocks:
                tags = series.words[version][block.eid]
                assert len(tags) == sum(1 for token in tokenize(block.body) if is_word(token))
                assert max(tags) <= version
    last = Counter(tag for tags in series.words[-1].values() for tag in tags)
    assert last[0] > sum(last.values()) / 2 and len(last) > 5


def test_a_history_that_misses_the_reinstatements_scores_below_the_truth() -> None:
    series = _series(1)
    blind = build_history(series.versions, HistoryOptions(obligations=False, reinstate_threshold=1.01))
    score = score_history(blind, series)
    assert score.lineages.value < 0.95 and score.events.value < 0.9
    assert score.words.value < score_history(build_history(series.versions, HistoryOptions(obligations=False)),
                                             series).words.value


def test_the_same_seed_makes_the_same_series() -> None:
    again = generate_series(_base(), 12, 1)
    assert [d.text for d in again.versions] == [d.text for d in _series(1).versions]
    assert again.events == _series(1).events


def test_an_article_merged_away_or_deleted_is_in_no_later_version_until_it_is_reinstated() -> None:
    series = generate_series(_base(), 6, 5, SeriesPlan(amend=2, move=1, split=2, merge=4, delete=2, insert=1,
                                                       reinstate=1))
    present = [set(mapping.values()) for mapping in series.lineages]
    for event in series.events:
        if event.kind in ("merged-into", "deleted"):
            assert event.lineage in present[event.version - 1] and event.lineage not in present[event.version]
        if event.kind == "merged-into":
            assert event.other in present[event.version]
        if event.kind in ("reinstated", "split-off"):
            assert event.lineage not in present[event.version - 1] and event.lineage in present[event.version]
