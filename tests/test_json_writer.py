"""The JSON writer writes what ``json.dumps(data, ensure_ascii=False, indent=2)`` writes, byte for byte, whether an
array is whole or streamed; the comparison JSON written in pieces is the JSON written whole."""

from __future__ import annotations

import json
import math
from collections import Counter, OrderedDict
from enum import IntEnum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treaty_diff.compare import compare
from treaty_diff.read.corpus import load_corpus_draft
from treaty_diff.render.base import RenderOptions, get_renderer
from treaty_diff.render.json import comparison_dict
from treaty_diff.render.page import StreamedArray, json_chunks, json_text

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=25,
)


def _stdlib(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@given(VALUES)
def test_any_json_value_is_written_as_the_standard_library_writes_it(value: Any) -> None:
    assert json_text(value) == _stdlib(value)


@given(st.lists(VALUES, max_size=5), st.dictionaries(st.text(max_size=4), VALUES, max_size=3))
def test_a_streamed_array_is_written_as_the_list_of_its_items(items: list[Any], around: dict[str, Any]) -> None:
    whole = {**around, "items": items, "nested": {"items": items, "n": 1}}
    streamed = {**around, "items": StreamedArray(iter(items)), "nested": {"items": StreamedArray(items), "n": 1}}
    assert "".join(json_chunks(streamed)) == _stdlib(whole)


class Level(IntEnum):
    HIGH = 3


@pytest.mark.parametrize("value", [
    {2: "a", 2.5: "b", True: "c", None: "d"}, [math.nan, math.inf, -math.inf, -0.0, 1e22, 1e-7],
    "\u2028 \x00 \x1f \" \\ \t é 😀 \ud800", OrderedDict(b=1, a=2), Counter(x=2), {"level": Level.HIGH}, (), {},
    [[], {}, [[]]],
])
def test_the_corners_of_the_format_are_the_standard_librarys(value: Any) -> None:
    assert json_text(value) == _stdlib(value)


def test_a_value_json_cannot_write_is_refused_as_json_refuses_it() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        json_text({"when": object()})


def test_the_comparison_json_in_pieces_is_the_comparison_json_whole() -> None:
    comparison = compare(load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014"))
    renderer = get_renderer("comparison", "json")
    pieces = list(renderer.chunks(comparison, RenderOptions()))
    assert len(pieces) > len(comparison.changes)  # a piece per change at least: never the whole report at once
    assert "".join(str(piece) for piece in pieces) == _stdlib(comparison_dict(comparison))
    assert renderer.render(comparison, RenderOptions()) == _stdlib(comparison_dict(comparison))
