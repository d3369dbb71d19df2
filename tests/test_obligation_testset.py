"""The labelled test set of obligations (tests/data/labels/, docs/obligations.md): every label quotes its article
once, and the extractor meets the issue's targets on it (benchmarks/obligation_testset.py scores it)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from treaty_diff.model.obligations import MODALITIES

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "labels"
#: The texts written for the test set (the other label files are of bundled drafts).
WRITTEN = ("launch-protocol", "debris-code", "orbit-incidents", "arms-race-resolution", "resources-convention",
           "asat-test-ban", "space-agencies-mou", "disputes-protocol")


def _scorer() -> ModuleType:
    """benchmarks/obligation_testset.py, loaded as a module (benchmarks are scripts, not a package)."""
    name = "benchmarks_obligation_testset"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "obligation_testset.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.mark.parametrize("name", WRITTEN)
def test_every_label_of_a_written_text_quotes_its_article_once(name: str) -> None:
    path = LABELS / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    draft, _, labels = _scorer().read_labels(path)
    assert data["draft"] == draft.id == name
    assert len(labels) == len(data["clauses"]) and labels
    assert {label.modality for label in labels} <= set(MODALITIES)
    for entry in data["left_out"]:
        assert entry["text"] in draft.provision(entry["eId"]).text and entry["why"]


def test_the_test_set_holds_at_least_150_clauses_of_texts_written_for_it() -> None:
    total = sum(len(json.loads((LABELS / f"{name}.json").read_text(encoding="utf-8"))["clauses"])
                for name in WRITTEN)
    assert total >= 150


def test_pairing_takes_as_many_labels_as_possible_not_the_largest_overlap_first() -> None:
    scorer = _scorer()
    label_a = scorer.Label("art_1", "facilitate", "obligation", "States", 14, 24)
    label_b = scorer.Label("art_1", "encourage co-operation", "obligation", "States", 29, 51)

    class Found:  # an obligation as the scorer reads it: where it is and what it quotes
        def __init__(self, start: int, end: int) -> None:
            self.eid, self.start, self.end = "art_1", start, end

    both, second = Found(0, 51), Found(29, 51)
    pairs = scorer.pair((label_a, label_b), (both, second))
    assert [(label.key, found.start) for label, found in pairs] == [("facilitate", 0), ("encourage co-operation", 29)]


def test_the_extractor_meets_the_targets_on_the_labelled_test_set() -> None:
    scorer = _scorer()
    scores = [scorer.score(path) for path in sorted(LABELS.glob("*.json"))]
    figures = scorer.figures(scores)
    assert figures["labels"] >= 150
    assert figures["recall"] >= 0.97 and figures["precision"] >= 0.97, figures
    assert figures["modality_accuracy"] >= 0.98 and figures["bearer_accuracy"] >= 0.95, figures
