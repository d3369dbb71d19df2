"""The renderer registry: one interface, every format reachable by name, the CLI's choices from the registry."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from support.fixtures import sample_comparison

from treaty_diff.errors import UsageError
from treaty_diff.render.base import RenderOptions, get_renderer, renderer_names


def comparison_schema() -> dict:  # type: ignore[type-arg]
    return json.loads(resources.files("treaty_diff.schemas").joinpath("comparison.schema.json").read_text())


@pytest.mark.parametrize("name", renderer_names("comparison"))
def test_every_comparison_renderer_renders_the_sample_through_the_same_interface(name: str) -> None:
    renderer = get_renderer("comparison", name)
    output = renderer.render(sample_comparison(), RenderOptions())
    assert isinstance(output, bytes if renderer.binary else str)
    assert len(output) > 0
    assert renderer.extension


def test_the_comparison_formats_are_text_json_html_and_docx() -> None:
    assert set(renderer_names("comparison")) >= {"text", "json", "html", "docx"}


def test_an_unknown_format_is_a_usage_error_naming_the_known_ones() -> None:
    with pytest.raises(UsageError, match=r"available: .*json"):
        get_renderer("comparison", "pdf")


def test_the_json_report_validates_against_the_shipped_schema() -> None:
    data = json.loads(get_renderer("comparison", "json").render(sample_comparison(), RenderOptions()))
    jsonschema.validate(data, comparison_schema())


def test_the_schema_rejects_a_change_of_an_unknown_kind() -> None:
    data = json.loads(get_renderer("comparison", "json").render(sample_comparison(), RenderOptions()))
    data["changes"][0]["kind"] = "rewritten"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, comparison_schema())


def test_the_text_report_marks_deletions_and_insertions_without_colour() -> None:
    text = get_renderer("comparison", "text").render(sample_comparison(), RenderOptions())
    assert "{+all necessary +}" in text
    assert "[-Article IV\n\n1. -]" in text
    assert "\x1b[" not in text


def test_the_text_report_colours_each_line_of_a_change_on_a_terminal() -> None:
    text = get_renderer("comparison", "text").render(sample_comparison(), RenderOptions(color=True))
    assert "\x1b[32;4mall necessary \x1b[0m" in text
    assert "\x1b[31;9mArticle IV\x1b[0m\n\n\x1b[31;9m1. \x1b[0m" in text


def test_the_text_report_names_the_reconstructed_provisions() -> None:
    text = get_renderer("comparison", "text").render(sample_comparison(), RenderOptions())
    assert "Reconstructed text, NOT the official wording:" in text
    assert "old-draft: Article I" in text
    assert "Article I is amended. [reconstructed text]" in text


def test_changed_only_leaves_out_the_unchanged_preamble() -> None:
    renderer = get_renderer("comparison", "text")
    full = renderer.render(sample_comparison(), RenderOptions())
    short = renderer.render(sample_comparison(), RenderOptions(changed_only=True))
    assert "The preamble is unchanged." in full
    assert "The preamble is unchanged." not in short
    assert "Article II is deleted." in short


def test_each_builtin_module_registers_exactly_the_renderers_the_table_names() -> None:
    import importlib

    from treaty_diff.render import base

    for module in set(base.BUILTIN.values()):
        importlib.import_module(module)
        registered = {key for key, cls in base._REGISTRY.items() if cls.__module__ == module}
        assert registered == {key for key, name in base.BUILTIN.items() if name == module}
