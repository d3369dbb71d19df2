"""``treaty-diff history`` and ``three-way`` through the CLI: the bundled PPWT pair and a third, made-up later
draft (tests/data/made-up/ppwt-later.xml), in every format; the inputs a series takes; the errors."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from support.cli import Run
from support.docx import resolve
from support.typed import json_object

from treaty_diff.model.draft import Draft
from treaty_diff.read.akn import draft_to_xml
from treaty_diff.read.corpus import load_draft
from treaty_diff.read.importers import ImportOptions, import_file
from treaty_diff.testing.generate import draft_from_texts

MADE_UP = Path(__file__).parent / "data" / "made-up"
LATER = str(MADE_UP / "ppwt-later.xml")
SERIES = ("ppwt-2008", "ppwt-2014", LATER)


def test_the_made_up_draft_is_its_text_file_imported_and_says_it_is_made_up_in_every_provision() -> None:
    text = MADE_UP / "ppwt-later-en.txt"
    source = load_draft(LATER).meta.sources[0].description
    imported = import_file(text, ImportOptions(id="ppwt-later", date="2020-01-01", provenance="reconstructed",
                                               source=source), location=str(text)).draft
    assert draft_to_xml(imported) == (MADE_UP / "ppwt-later.xml").read_bytes()
    assert source.startswith("MADE UP for the tests of treaty-diff")
    assert {p.provenance_status for p in imported.provisions} == {"reconstructed"}


def test_the_series_text_report_shows_steps_matrix_lineages_obligations_and_blame(run: Run) -> None:
    result = run("history", *SERIES, "--no-color")
    assert result.code == 0, result.err
    out = result.out
    assert "Series of 3 versions" in out and "v3  ppwt-later" in out
    assert "  v2→v3  13         2         1         0" in out
    matrix = out[out.index("Provisions × versions"):out.index("History of each provision")]
    assert "  L4       Article II      +  ~  ~" in matrix  # amended in both steps
    assert "  L6       (Article IV)    +  x" in matrix  # old Article IV, deleted in 2014
    assert "Article VI            +" in matrix  # the new article of the later draft
    narrowed = next(line for line in out.splitlines() if line.startswith("  v2   WEAKENED     Article II: 'not to resort"))
    assert "the qualifier 'of States Parties' is added: the scope narrows" in narrowed and narrowed.endswith("(L4)")
    assert "v3   STRENGTHENED Article II: 'not resort to the threat or use of force" in out
    blame = out[out.index("Blame of v3"):]
    assert "v3    or of any other State" in blame
    assert "v3  not conduct any destructive test of an anti-satellite weapon" in blame
    assert "v3    , provided that its exercise does not involve the placement of weapons in outer space" in blame
    assert "v1    right of" in blame and "v2    individual or collective self-defence, as recognized by" in blame


def test_a_provision_timeline_shows_its_text_each_redline_and_the_obligations_of_each_version(run: Run) -> None:
    out = run("history", *SERIES, "--provision", "IV", "--no-color").out
    timeline = out[out.index("Timeline of Article IV (L7)"):]
    assert "-- v1 (ppwt-2008, CD/1839, 2008-02-29): in the first version [reconstructed text]" in timeline
    assert "Article V\n\nNothing in this Treaty may be interpreted" in timeline
    assert "-- v2 (ppwt-2014, CD/1985, 2014-06-12): Article V becomes Article IV; amended." in timeline
    assert "{+inherent +}right of [-self-defence in accordance with-]" in timeline
    assert "Nations{+, provided that its exercise does not involve the placement of weapons in outer space+}." \
           in timeline
    assert "STRENGTHENED: Article IV: 'the exercise by the States Parties of their inherent right of …' is " \
           "strengthened; the condition 'provided that its exercise" in timeline


def test_the_json_report_has_every_occurrence_and_a_blame_that_rebuilds_each_text(run: Run) -> None:
    data = json_object(run("history", *SERIES, "--format", "json").out)
    assert [v["id"] for v in data["versions"]] == ["ppwt-2008", "ppwt-2014", "ppwt-later"]
    assert data["steps"][1]["summary"]["inserted"] == 1
    placed = [(o["version"], o["eId"]) for lineage in data["lineages"] for o in lineage["occurrences"]]
    assert len(placed) == len(set(placed)) == 16 + 15 + 16
    texts = {o["eId"]: o["text"] for lineage in data["lineages"] for o in lineage["occurrences"] if o["version"] == "v3"}
    assert [p["eId"] for p in data["blame"]["provisions"]] == list(texts)
    for provision in data["blame"]["provisions"]:
        assert "".join(run["text"] for run in provision["runs"]) == texts[provision["eId"]]
    new_article = next(p for p in data["blame"]["provisions"] if p["eId"] == "art_6")
    assert {r["version"] for r in new_article["runs"]} == {"v3"}
    by_id = {lineage["id"]: lineage for lineage in data["lineages"]}
    assert by_id["L6"]["cells"] == ["new", "gone", "absent"] and by_id["L6"]["end"] == "v2"
    article_two = by_id["L4"]
    assert [e["status"] for e in article_two["obligation_events"] if e["version"] == "v3"] == [
        "strengthened", "added"]
    assert data["blame"]["version"] == "v3"


def test_the_html_report_is_written_to_a_file_named_html(run: Run, tmp_path: Path) -> None:
    output = tmp_path / "history.html"
    assert run("history", *SERIES, "-o", str(output)).code == 0
    html = output.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'id="blame" data-version="v3"' in html


def test_blame_at_an_earlier_version(run: Run) -> None:
    data = json_object(run("history", *SERIES, "--format", "json", "--at", "ppwt-2014").out)
    assert data["blame"]["version"] == "v2"
    assert {r["version"] for p in data["blame"]["provisions"] for r in p["runs"]} == {"v1", "v2"}


def test_a_folder_or_a_glob_is_put_in_order_by_the_drafts_dates(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "series"
    folder.mkdir()
    for name, spec in (("a.xml", LATER), ("b.xml", "ppwt-2014"), ("c.xml", "ppwt-2008")):
        (folder / name).write_bytes(draft_to_xml(load_draft(spec)))
    (folder / "notes.md").write_text("not a draft", encoding="utf-8")
    for given in (str(folder), str(folder / "*.xml")):
        data = json_object(run("history", given, "--format", "json", "--no-obligations").out)
        assert [v["id"] for v in data["versions"]] == ["ppwt-2008", "ppwt-2014", "ppwt-later"]


def test_the_order_given_is_kept_on_request_with_a_warning_when_the_dates_go_back(run: Run) -> None:
    result = run("history", "ppwt-2014", "ppwt-2008", "--order", "given", "--format", "json", "--no-obligations")
    assert result.code == 0
    assert [v["id"] for v in json_object(result.out)["versions"]] == ["ppwt-2014", "ppwt-2008"]
    assert "warning: ppwt-2008 is dated 2008-02-29, before ppwt-2014" in result.err


def _written(tmp_path: Path, name: str, value: Draft) -> str:
    path = tmp_path / f"{name}.xml"
    path.write_bytes(draft_to_xml(value))
    return str(path)


@pytest.mark.parametrize(("args", "message"), [
    (("ppwt-2008",), "a history needs at least two drafts"),
    (("ppwt-2008", "ppwt-2014", "--at", "v7"), "no version 'v7' (versions: v1 (ppwt-2008, CD/1839, 2008-02-29)"),
    (("ppwt-2008", "ppwt-2014", "--provision", "Article XX"), "no provision 'Article XX' in any version"),
    (("ppwt-2008", "ppwt-2014", "--from", "v1"), "--from and --to choose the versions of the DOCX redline"),
    (("ppwt-2008", "ppwt-2014", "--redline-only"), "--redline-only applies to --format docx, not text"),
    (("ppwt-2008", "no/such/*.xml"), "no/such/*.xml: no file matches this pattern"),
])
def test_a_bad_request_is_one_line_on_stderr_and_status_2(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run("history", *args)
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and message in result.err, result.err


def test_an_undated_draft_asks_for_the_order_given(run: Run, tmp_path: Path) -> None:
    undated = _written(tmp_path, "undated", draft_from_texts("undated", [["The States Parties shall meet."]]))
    result = run("history", "ppwt-2008", undated)
    assert result.code == 2 and "undated.xml) has no date" in result.err and "--order given" in result.err
    assert run("history", "ppwt-2008", undated, "--order", "given", "--no-obligations").code == 0


def test_the_docx_report_is_the_redline_between_the_two_chosen_versions(run: Run, tmp_path: Path) -> None:
    output = tmp_path / "v1-v3.docx"
    result = run("history", *SERIES, "--from", "v1", "--to", "v3", "--redline-only", "-o", str(output))
    assert result.code == 0, result.err
    from support.docx import body_paragraphs
    paragraphs = body_paragraphs(output.read_bytes())
    accepted = [p for p in resolve(paragraphs, accept=True) if p.strip()]
    rejected = [p for p in resolve(paragraphs, accept=False) if p.strip()]
    later, first = load_draft(LATER), load_draft("ppwt-2008")
    assert " ".join(accepted).split() == later.text.split()
    assert " ".join(rejected).split() == first.text.split()


# -- three-way --------------------------------------------------------------------------------------------------

BASE = [["The States Parties shall not place any weapons in outer space."],
        ["The States Parties shall not resort to the threat or use of force against outer space objects."],
        ["Each State Party shall take all necessary measures to prevent activities inconsistent with this Treaty."],
        ["This Treaty shall be of unlimited duration."],
        ["The Depositary of this Treaty shall be the Secretary-General of the United Nations."]]


def _proposal(name: str, changes: dict[int, str], added: str | None = None) -> Draft:
    articles = [[changes.get(index, paragraphs[0])] for index, paragraphs in enumerate(BASE)]
    if added:
        articles.append([added])
    made = draft_from_texts(name, articles)
    return replace(made, meta=replace(made.meta, date="2020-01-01"))


@pytest.fixture
def proposals(tmp_path: Path) -> tuple[str, str, str]:
    base = _written(tmp_path, "base", draft_from_texts("base", BASE))
    a = _written(tmp_path, "a", _proposal("prop-a", {
        1: "The States Parties shall not resort to the threat or use of force against any outer space objects.",
        2: "Each State Party shall take all necessary legislative measures to prevent activities inconsistent "
           "with this Treaty.",
        4: "The Depositary of this Treaty shall be the Director of the United Nations Office for Outer Space "
           "Affairs."}, "Each State Party shall report annually to the Depositary."))
    b = _written(tmp_path, "b", _proposal("prop-b", {
        1: "The States Parties shall not resort to the threat or use of force against outer space objects of "
           "States Parties.",
        2: "Each State Party shall take all necessary legislative measures to prevent activities inconsistent "
           "with this Treaty.",
        4: "The Depositary of this Treaty shall be the Director-General of the United Nations."}))
    return base, a, b


def test_three_way_tells_conflicts_agreements_and_changes_of_one_proposal_apart(
        run: Run, proposals: tuple[str, str, str]) -> None:
    result = run("three-way", *proposals, "--format", "json")
    assert result.code == 0, result.err
    data = json_object(result.out)
    rows = {tuple(row["base_num"]) or ("added",): row for row in data["rows"]}
    assert rows[("Article 1",)]["status"] == "unchanged"
    assert rows[("Article 2",)]["status"] == "conflict"  # both amend the ban on force, differently
    assert rows[("Article 2",)]["overlap"] is False  # "any" before objects, "of States Parties" after
    assert rows[("Article 3",)]["status"] == "agree"  # both add "legislative"
    assert rows[("Article 4",)]["status"] == "unchanged"
    assert rows[("Article 5",)]["status"] == "conflict" and rows[("Article 5",)]["overlap"] is True  # the same title
    assert rows[("added",)]["status"] == "only-a" and rows[("added",)]["a"][0]["kind"] == "inserted"
    assert data["counts"] == {"unchanged": 2, "only-a": 1, "only-b": 0, "agree": 1, "conflict": 2}
    assert [row["id"] for row in data["rows"]] == ["r1", "r2", "r3", "r4", "r5", "r6"]


def test_three_way_text_shows_each_proposal_redline_and_exits_1_on_conflict_when_asked(
        run: Run, proposals: tuple[str, str, str]) -> None:
    result = run("three-way", *proposals, "--exit-code", "--no-color")
    assert result.code == 1
    assert "  unchanged: 2  only A: 1  only B: 0  agree: 1  CONFLICT: 2" in result.out
    assert "r2  Article 2  modified  modified  CONFLICT (different words)" in result.out
    assert "against {+any +}outer space objects." in result.out
    assert "outer space objects{+ of States Parties+}." in result.out
    unchanged = run("three-way", proposals[0], proposals[0], proposals[0], "--exit-code")
    assert unchanged.code == 0 and "unchanged: 5" in unchanged.out


def test_three_way_with_a_proposal_that_deletes_what_the_other_amends_is_a_conflict(
        run: Run, tmp_path: Path, proposals: tuple[str, str, str]) -> None:
    cut = draft_from_texts("prop-c", [p for i, p in enumerate(BASE) if i != 1])
    data = json_object(run("three-way", proposals[0], proposals[1], _written(tmp_path, "c", cut),
                           "--format", "json").out)
    row = next(r for r in data["rows"] if r["base_num"] == ["Article 2"])
    assert row["status"] == "conflict" and row["overlap"] is None
    assert [c["kind"] for c in row["b"]] == ["deleted"]


def test_the_same_files_can_be_given_again_without_being_taken_for_outputs(run: Run, tmp_path: Path) -> None:
    copy = tmp_path / "copy.xml"
    shutil.copy(LATER, copy)
    assert run("history", LATER, str(copy), "--order", "given", "--no-obligations").code == 0
