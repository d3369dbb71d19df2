"""The hand-made labels of the Rescue, Liability and Registration texts (tests/data/labels/) quote the drafts.

benchmarks/obligation_labels.py scores the extractor against them (docs/obligations.md); a label whose words are
not in its article, or are there twice, would make those figures wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from treaty_diff.model.obligations import MODALITIES
from treaty_diff.read.corpus import load_corpus_draft

LABELS = Path(__file__).resolve().parent / "data" / "labels"
LABELLED = ("rescue-1968", "liability-1972", "registration-1975")


def _labels(draft_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((LABELS / f"{draft_id}.json").read_text(encoding="utf-8"))
    return data


def test_each_of_the_three_new_treaties_has_a_label_file() -> None:
    assert set(LABELLED) <= {path.stem for path in LABELS.glob("*.json")}


@pytest.mark.parametrize("draft_id", LABELLED)
def test_every_label_quotes_its_article_once_and_names_a_modality_and_a_bearer(draft_id: str) -> None:
    data = _labels(draft_id)
    assert data["draft"] == draft_id
    draft = load_corpus_draft(draft_id)
    for entry in data["clauses"]:
        assert draft.provision(entry["eId"]).text.count(entry["key"]) == 1, entry
        assert entry["modality"] in MODALITIES
        assert entry["bearer"].strip()
    for entry in data["left_out"]:
        assert entry["text"] in draft.provision(entry["eId"]).text, entry
        assert entry["why"]


@pytest.mark.parametrize("draft_id", LABELLED)
def test_no_definition_block_is_labelled_as_a_clause(draft_id: str) -> None:
    draft = load_corpus_draft(draft_id)
    for entry in _labels(draft_id)["clauses"]:
        provision = draft.provision(entry["eId"])
        start = provision.text.index(entry["key"])
        block = next(b for b in reversed(provision.blocks) if provision.block_offsets[b.eid] <= start)
        assert not block.terms, entry
