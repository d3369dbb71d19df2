"""Every compare report carries the obligations compared between the drafts; coverage --against shows them alone."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import html as lxml_html
from support.cli import Run
from support.html import Doc
from support.typed import json_object

from treaty_diff.compare import CompareOptions, compare
from treaty_diff.read.corpus import load_corpus_draft


@pytest.fixture(scope="module")
def ppwt_json() -> dict[str, Any]:
    from treaty_diff.render.base import RenderOptions, get_renderer

    comparison = compare(load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014"))
    return json_object(get_renderer("comparison", "json").render(comparison, RenderOptions()))


def test_the_comparison_matches_the_obligations_of_the_two_drafts() -> None:
    comparison = compare(load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014"))
    assert comparison.obligations is not None
    counts = comparison.obligations.counts
    assert (counts["dropped"], counts["added"], counts["weakened"], counts["strengthened"]) == (1, 6, 2, 5)


def test_obligations_can_be_left_out_of_a_comparison() -> None:
    draft = load_corpus_draft("ptbt-1963")
    assert compare(draft, draft, CompareOptions(obligations=False)).obligations is None


def test_the_json_report_lists_each_obligation_change_with_its_quotes(ppwt_json: dict) -> None:  # type: ignore[type-arg]
    obligations = ppwt_json["obligations"]
    assert obligations["reference"] == "ppwt-2008" and obligations["other"] == "ppwt-2014"
    weakened = [c for c in obligations["changes"] if c["status"] == "weakened"]
    assert len(weakened) == 2
    assert "threat or use of force" in weakened[0]["old"]["quote"]
    assert weakened[0]["new"]["quote"].endswith("objects of States Parties to the Treaty")
    assert "shall be the subject of a separate additional protocol" in weakened[1]["old"]["quote"]
    assert "may be the subject of a separate additional protocol" in weakened[1]["new"]["quote"]


def test_the_text_report_ends_with_the_obligations(run) -> None:  # type: ignore[no-untyped-def]
    out = run("compare", "ppwt-2008", "ppwt-2014", "--no-color").out
    section = out[out.index("\nObligations\n"):]
    assert "\nweakened" in section and "\ndropped" in section and "\nadded" in section  # plain labels
    assert "[reconstructed, NOT the official wording]" in section


def test_the_html_report_has_an_obligations_section_outside_the_redline(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.html"
    assert run("compare", "ppwt-2008", "ppwt-2014", "--format", "html", "-o", str(path)).code == 0
    page: Doc = lxml_html.fromstring(path.read_text(encoding="utf-8"))
    section = page.get_element_by_id("obligations")
    assert section.xpath("ancestor::*[@id='redline']") == []
    statuses = [span.text_content() for span in section.xpath(".//tbody//span[contains(@class, 'badge')]")]
    assert statuses.count("dropped") == 1 and statuses.count("added") == 6
    assert page.xpath("//nav//a[@href='#obligations']")


def test_the_docx_cover_lists_the_obligations_but_a_bare_redline_does_not(run: Run, tmp_path: Path) -> None:
    full, bare = tmp_path / "full.docx", tmp_path / "bare.docx"
    assert run("compare", "ppwt-2008", "ppwt-2014", "--format", "docx", "-o", str(full)).code == 0
    assert run("compare", "ppwt-2008", "ppwt-2014", "--format", "docx", "--redline-only", "-o", str(bare)).code == 0
    headings = [p.text for p in docx.Document(io.BytesIO(full.read_bytes())).paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert "Obligations" in headings
    assert "Obligations" not in [p.text for p in docx.Document(io.BytesIO(bare.read_bytes())).paragraphs]


def test_coverage_against_compares_the_obligations_of_two_drafts(run) -> None:  # type: ignore[no-untyped-def]
    result = run("coverage", "ppwt-2014", "ppwt-2008", "--against", "ppwt-2008", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["reference"] == "ppwt-2008" and data["counts"]["dropped"] == 1
    reverse = json.loads(run("coverage", "ppwt-2014", "ppwt-2008", "--against", "ppwt-2014", "--format", "json").out)
    assert reverse["counts"]["added"] == data["counts"]["dropped"]


def test_coverage_against_needs_two_drafts_and_one_of_them(run) -> None:  # type: ignore[no-untyped-def]
    assert run("coverage", "ppwt-2014", "--against", "ppwt-2014").code == 2  # NEW --against OLD: two drafts
    result = run("coverage", "ppwt-2014", "ppwt-2008", "--against", "ost-1967")
    assert result.code == 2 and "not one of the two drafts" in result.err
