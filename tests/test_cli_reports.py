"""The commands that write reports, as a reader uses them: the obligations view of a comparison, coverage
--against as typed, the "wrote" line and the progress bar, ids in any case, --provenance, validate's summary,
and ``list`` within the terminal's width."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.cli import Run

from treaty_diff.cli import ProgressBar, summarise_warnings

SOURCE_TEXT = """Article 1

The parties shall meet.

- 2 -

Article 2

They shall talk.

- 3 -

Article 3

They may leave.

- 4 -

Article 4

They shall report.

- 5 -

Article 5

This Treaty shall be of unlimited duration.
"""


@pytest.fixture
def draft_txt(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(SOURCE_TEXT, encoding="utf-8")
    return path


# -- the obligations of a comparison ---------------------------------------------------------------------------


def test_compare_only_obligations_prints_the_table_of_what_was_dropped_weakened_strengthened_and_added(
        run: Run) -> None:
    result = run("compare", "ppwt-2008", "ppwt-2014", "--only", "obligations")
    assert result.code == 0
    lines = result.out.splitlines()
    table = lines[lines.index(next(line for line in lines if line.startswith("status "))):]
    assert table[0].split() == ["status", "ppwt-2008", "ppwt-2014", "clause"]
    table = table[:table.index(next(line for line in table if line.startswith("Also ")))]
    statuses = [line.split("  ")[0] for line in table[1:]]
    order = ["dropped", "weakened", "strengthened", "added"]
    assert statuses and [order.index(s.split(":")[0]) for s in statuses] == sorted(order.index(s.split(":")[0])
                                                                                   for s in statuses)
    assert "weakened: shall -> may" in statuses
    assert all(len(line) <= 100 for line in table)
    assert "Article IV" not in result.out.split("Obligations compared")[0]  # no redline before it
    assert not any(line.startswith("unchanged ") for line in lines)  # unchanged clauses are counted, not listed


def test_compare_only_obligations_writes_json_and_html_and_refuses_docx(run: Run, tmp_path: Path) -> None:
    data = json.loads(run("compare", "ppwt-2008", "ppwt-2014", "--only", "obligations", "--format", "json").out)
    assert (data["reference"], data["other"]) == ("ppwt-2008", "ppwt-2014")
    page = tmp_path / "obligations.html"
    assert run("compare", "ppwt-2008", "ppwt-2014", "--only", "obligations", "-o", str(page)).code == 0
    assert "<table" in page.read_text(encoding="utf-8")
    refused = run("compare", "ppwt-2008", "ppwt-2014", "--only", "obligations", "-o", str(tmp_path / "x.docx"))
    assert refused.code == 2 and "cannot be written as '.docx'" in refused.err
    refused = run("compare", "ppwt-2008", "ppwt-2014", "--only", "obligations", "--no-obligations")
    assert refused.code == 2 and "--only obligations" in refused.err


def test_coverage_new_against_old_reads_as_typed_and_matches_the_two_draft_form(run: Run) -> None:
    typed = run("coverage", "ppwt-2014", "--against", "ppwt-2008")
    assert typed.code == 0, typed.err
    assert typed.out.startswith("Obligations compared: ppwt-2008 (reference) and ppwt-2014")
    assert typed.out == run("coverage", "ppwt-2008", "ppwt-2014", "--against", "ppwt-2008").out


def test_obligation_labels_are_plain_words_and_the_text_shows_no_offsets(run: Run) -> None:
    report = run("coverage", "ppwt-2014", "--against", "ppwt-2008").out
    assert "CHANGED" not in report and "reworded  Article" in report
    assert "weakened: shall -> may  Article VI" in report
    listing = run("obligations", "ppwt-2008").out
    assert "“" in listing and not any(line.rstrip().endswith("]") and ":" in line.rsplit("[", 1)[-1]
                                      for line in listing.splitlines() if "“" in line)


# -- confirmation and progress ---------------------------------------------------------------------------------


@pytest.mark.parametrize("args, what", [
    (("compare", "ppwt-2008", "ppwt-2014"), "16 changes"),
    (("compare", "ppwt-2008", "ppwt-2014", "--only", "obligations"), "obligations changed"),
    (("coverage", "ppwt-2014", "--against", "ppwt-2008"), "obligations changed"),
    (("coverage", "ppwt-2014"), "15 elements of paros"),
    (("obligations", "ppwt-2014"), "obligations"),
])
def test_every_report_written_to_a_file_is_confirmed_in_one_line_unless_quiet(
        run: Run, tmp_path: Path, args: tuple[str, ...], what: str) -> None:
    out = tmp_path / "report.json"
    result = run(*args, "-o", str(out))
    assert result.code == 0 and out.exists()
    wrote = [line for line in result.err.splitlines() if "wrote" in line]
    assert len(wrote) == 1 and wrote[0].startswith(f"treaty-diff: wrote {out} (") and what in wrote[0]
    assert "wrote" not in run(*args, "-o", str(out), "--quiet").err
    assert "wrote" not in run(*args).err  # to stdout: nothing to confirm


def test_a_long_comparison_shows_a_progress_bar_on_a_terminal_and_none_when_quiet_or_piped(
        run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ProgressBar, "DELAY", 0.0)  # as if the work took over a second
    assert "comparing" not in run("compare", "ppwt-2008", "ppwt-2014").err  # stderr is not a terminal
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    shown = run("compare", "ppwt-2008", "ppwt-2014").err
    assert "treaty-diff: comparing" in shown and "100%" in shown
    assert "comparing" not in run("compare", "ppwt-2008", "ppwt-2014", "--quiet").err
    monkeypatch.setattr(ProgressBar, "DELAY", 60.0)
    assert "comparing" not in run("compare", "ppwt-2008", "ppwt-2014").err  # a quick run prints nothing


# -- ids, --provenance, validate -------------------------------------------------------------------------------


def test_bundled_ids_are_taken_in_any_case_and_a_near_miss_is_answered_with_the_nearest(run: Run) -> None:
    assert run("show", "PPWT-2008", "--format", "json").code == 0
    assert json.loads(run("show", "Ost-1967", "--format", "json").out)["id"] == "ost-1967"
    missed = run("show", "ppwt-2009")
    assert missed.code == 2 and "did you mean 'ppwt-2008'?" in missed.err
    assert "did you mean" not in run("show", "nothing-like-it").err


def test_provenance_is_taken_by_every_command_that_reads_a_draft_file(run: Run, draft_txt: Path) -> None:
    for args in (("show", str(draft_txt), "--format", "json"), ("compare", str(draft_txt), str(draft_txt)),
                 ("obligations", str(draft_txt)), ("coverage", str(draft_txt)), ("validate", str(draft_txt))):
        assumed = run(*args)
        assert assumed.code == 0 and "provenance not given" in assumed.err, args
        given = run(*args, "--provenance", "reconstructed")
        assert given.code == 0 and "provenance not given" not in given.err, args
    provisions = json.loads(run("show", str(draft_txt), "--format", "json", "--provenance", "reconstructed").out)
    assert {p["provenance"] for p in provisions["provisions"] if p["eId"].startswith("art_")} == {"reconstructed"}
    refused = run("compare", "ppwt-2008", "ppwt-2014", "--provenance", "verbatim")
    assert refused.code == 2 and "--provenance applies to drafts imported from .txt or .docx files" in refused.err


def test_validate_gives_a_warning_repeated_at_many_places_once_with_their_number(run: Run, draft_txt: Path) -> None:
    result = run("validate", str(draft_txt))
    assert result.code == 0 and result.out.strip() == f"{draft_txt}: valid"
    pages = [line for line in result.err.splitlines() if "page number" in line]
    assert pages == [f"treaty-diff: warning: {draft_txt}: 4 lines: '- 2 -' looks like a page number; dropped "
                     "(lines 5, 11, 17, 23)"]


def test_repeated_warnings_are_summarised_by_kind_and_place_and_few_are_left_alone() -> None:
    many = [f"x.docx: paragraph {n}: the number '{n}.' is typed" for n in range(1, 124)]
    few = ["x.docx: paragraph 3: a heading has no text", "x.docx: paragraph 9: a heading has no text"]
    assert summarise_warnings([*many, "x.docx: provenance not given", *few]) == [
        "x.docx: 123 paragraphs: the number '1.' is typed (paragraphs 1, 2, 3, … 123)",
        "x.docx: provenance not given", *few]


# -- list ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [100, 80, 200])
def test_list_on_a_terminal_stays_within_its_width_and_at_most_100_columns(
        run: Run, monkeypatch: pytest.MonkeyPatch, columns: int) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", str(columns))
    lines = run("list").out.splitlines()
    assert max(len(line) for line in lines) <= min(columns, 100)
    text = " ".join(" ".join(lines).split())
    assert "reconstructed: 14 of 14 articles" in text  # nothing is cut: the cells wrap
    assert "Treaty on Principles Governing the Activities of States in the Exploration and Use of Outer Space" in text
