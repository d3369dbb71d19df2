"""list and show, as scripts and other tools rely on them (docs/contracts.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from support.cli import Run

from treaty_diff.read.corpus import load_corpus_draft

#: The bundled drafts, in the order ``list`` shows them (docs/contracts.md).
BUNDLED = ["ppwt-2008", "ppwt-2014", "ost-1967", "ptbt-1963", "moon-1979", "rescue-1968", "liability-1972",
           "registration-1975"]

def test_list_names_every_bundled_draft_with_its_figures(run: Run) -> None:
    result = run("list", "--format", "json")
    assert result.code == 0
    rows = {row["id"]: row for row in json.loads(result.out)["drafts"]}
    assert list(rows) == BUNDLED
    assert rows["ppwt-2008"]["symbol"] == "CD/1839"
    assert rows["ppwt-2014"]["articles"] == 13
    assert rows["ost-1967"]["provenance"] == "verbatim"
    assert rows["ppwt-2008"]["provenance"].startswith("reconstructed in part")
    assert rows["moon-1979"]["words"] == load_corpus_draft("moon-1979").word_count


def test_list_as_text_has_a_row_per_draft(run: Run) -> None:
    lines = run("list").out.strip().splitlines()
    assert lines[0].split()[:3] == ["id", "symbol", "date"]
    assert [line.split()[0] for line in lines[1:]] == BUNDLED


def test_show_json_has_the_contract_fields(run: Run) -> None:
    data = json.loads(run("show", "ppwt-2014", "--format", "json").out)
    assert {k: data[k] for k in ("id", "symbol", "date", "language")} == {
        "id": "ppwt-2014", "symbol": "CD/1985", "date": "2014-06-12", "language": "en"}
    provisions = data["provisions"]
    assert [p["eId"] for p in provisions][:3] == ["preface", "preamble", "art_1"]
    article_one = provisions[2]
    assert article_one["num"] == "Article I"
    assert article_one["provenance"] == "mixed"
    assert article_one["text"].startswith("Article I\n\nFor the purpose of this Treaty:\n\n(a) the term")
    for provision in provisions:
        assert set(provision) >= {"eId", "num", "heading", "provenance", "text"}


def test_show_one_article_by_roman_or_arabic_number_or_eid(run: Run) -> None:
    by_roman = run("show", "ppwt-2008", "--article", "V").out
    assert by_roman == run("show", "ppwt-2008", "--article", "5").out
    assert by_roman == run("show", "ppwt-2008", "--article", "art_5").out
    assert by_roman.startswith("Article V\n\nNothing in this Treaty")


def test_show_warns_on_stderr_when_the_text_is_reconstructed(run: Run) -> None:
    result = run("show", "ppwt-2008", "--article", "II")
    assert "reconstructed text, NOT the official wording: Article II" in result.err
    assert run("show", "ost-1967", "--article", "II").err == ""


def test_show_an_unknown_article_is_an_error(run: Run) -> None:
    result = run("show", "ppwt-2008", "--article", "XX")
    assert result.code == 2
    assert "no provision 'XX'" in result.err


def test_show_xml_of_a_whole_draft_is_a_valid_draft(run: Run, tmp_path: Path) -> None:
    result = run("show", "moon-1979", "--format", "xml")
    path = tmp_path / "copy.xml"
    path.write_text(result.out, encoding="utf-8")
    assert run("validate", str(path)).code == 0


def test_an_unknown_option_is_a_usage_error_with_status_2(run: Run) -> None:
    result = run("show", "ppwt-2008", "--format", "pdf")
    assert result.code == 2
    assert "Traceback" not in result.err


def test_the_module_runs_as_python_dash_m_from_any_directory(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    result = subprocess.run([sys.executable, "-m", "treaty_diff", "list"], cwd=tmp_path, capture_output=True,
                            text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert "ppwt-2014" in result.stdout
