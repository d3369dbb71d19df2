"""The renderer registry: one interface, every format reachable by name, the CLI's choices from the registry."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from support.cli import Run
from support.fixtures import comparison_schema, sample_comparison

from treaty_diff.errors import UsageError
from treaty_diff.render.base import RenderOptions, check_options, choose_format, get_renderer, renderer_names


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


def test_each_builtin_module_registers_exactly_the_renderers_the_table_names_declaring_what_it_says() -> None:
    import importlib

    from treaty_diff.render import base

    for module in {entry.module for entry in base.BUILTIN.values()}:
        importlib.import_module(module)
        registered = {key for key, cls in base._REGISTRY.items() if cls.__module__ == module}
        assert registered == {key for key, entry in base.BUILTIN.items() if entry.module == module}
    for key, entry in base.BUILTIN.items():
        cls = base._REGISTRY[key]
        assert "suffixes" in cls.__dict__, f"{cls.__name__} does not declare its suffixes"
        assert (cls.suffixes, cls.options) == (entry.suffixes, entry.options), cls.__name__
        assert cls.options <= base.OPTION_NAMES


@pytest.mark.parametrize(("subject", "output", "expected"), [
    ("comparison", "report.html", "html"), ("comparison", "REPORT.HTM", "html"), ("comparison", "x.docx", "docx"),
    ("comparison", "x.json", "json"), ("comparison", "notes.txt", "text"), ("comparison", "redline.out", "text"),
    ("comparison", None, "text"), ("comparison", "-", "text"), ("coverage", "cov.html", "html"),
    ("obligation-comparison", "o.json", "json"),
])
def test_the_format_is_taken_from_the_output_files_suffix_when_not_given(subject: str, output: str | None,
                                                                          expected: str) -> None:
    assert choose_format(subject, None, output) == expected


def test_a_format_that_contradicts_the_output_suffix_is_refused() -> None:
    with pytest.raises(UsageError, match=r"--format json contradicts the output file's suffix '\.html'"):
        choose_format("comparison", "json", "x.html")
    assert choose_format("comparison", "json", "x.out") == "json"
    assert choose_format("comparison", "docx", "x.docx") == "docx"


def test_a_suffix_of_a_format_the_report_does_not_have_is_refused() -> None:
    with pytest.raises(UsageError, match=r"cannot be written as '\.docx' \(formats: text, json, html, csv\)"):
        choose_format("coverage", None, "coverage.docx")


def test_options_a_renderer_does_not_read_are_refused_and_name_the_formats_that_read_them() -> None:
    check_options("comparison", "docx", [("redline_only", "--redline-only"), ("static", "--static")])
    with pytest.raises(UsageError, match="--redline-only applies to --format docx, not html"):
        check_options("comparison", "html", [("redline_only", "--redline-only")])
    with pytest.raises(UsageError, match="--color/--no-color applies to --format text, not json"):
        check_options("comparison", "json", [("color", "--color/--no-color")])


def test_the_cli_writes_the_format_the_output_suffix_names(tmp_path: Path, run: Run) -> None:
    html, docx_file, json_file = tmp_path / "x.html", tmp_path / "x.docx", tmp_path / "x.json"
    assert run("compare", "ptbt-1963", "moon-1979", "-o", str(html)).code == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert run("compare", "ptbt-1963", "moon-1979", "-o", str(docx_file)).code == 0
    assert docx_file.read_bytes()[:2] == b"PK"
    assert run("coverage", "ost-1967", "-o", str(json_file)).code == 0
    assert json.loads(json_file.read_text(encoding="utf-8"))["checklist"] == "paros"


def test_the_cli_refuses_a_format_that_contradicts_the_output_suffix_in_one_line(tmp_path: Path,
                                                                                   run: Run) -> None:
    result = run("compare", "ptbt-1963", "moon-1979", "--format", "json", "-o", str(tmp_path / "x.html"))
    assert result.code == 2
    assert result.err.count("\n") == 1 and "contradicts the output file's suffix" in result.err
    assert not (tmp_path / "x.html").exists()
