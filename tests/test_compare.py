"""compare: the Comparison of two drafts and the command around it (docs/contracts.md)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.cli import Golden, Run
from support.fixtures import comparison_schema

from treaty_diff.compare import compare
from treaty_diff.model.comparison import Comparison
from treaty_diff.model.draft import BLOCK_SEPARATOR, Draft
from treaty_diff.read.corpus import CORPUS_IDS, load_corpus_draft
from treaty_diff.render.base import RenderOptions, get_renderer
from treaty_diff.testing.generate import Rates, generate_pair


def rebuilds_both_sides(comparison: Comparison, old: Draft, new: Draft) -> None:
    """The contract's invariant, and: every provision of each draft is in exactly one change."""
    old_text = {p.eid: p.text for p in old.provisions}
    new_text = {p.eid: p.text for p in new.provisions}
    for change in comparison.changes:
        rebuilt_old = "".join(s.text for s in change.segments if s.op != "insert")
        rebuilt_new = "".join(s.text for s in change.segments if s.op != "delete")
        assert rebuilt_old == BLOCK_SEPARATOR.join(old_text[p.eid] for p in change.old)
        assert rebuilt_new == BLOCK_SEPARATOR.join(new_text[p.eid] for p in change.new)
        for part in change.parts:
            assert "".join(s.text for s in part.segments if s.op != "insert") == BLOCK_SEPARATOR.join(
                line.text for line in part.old)
            assert "".join(s.text for s in part.segments if s.op != "delete") == BLOCK_SEPARATOR.join(
                line.text for line in part.new)
    assert sorted(p.eid for c in comparison.changes for p in c.old) == sorted(old_text)
    assert sorted(p.eid for c in comparison.changes for p in c.new) == sorted(new_text)


@pytest.fixture(scope="module")
def ppwt() -> Comparison:
    return compare(load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014"))


def test_the_ppwt_comparison_rebuilds_both_drafts(ppwt: Comparison) -> None:
    rebuilds_both_sides(ppwt, load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014"))


def test_the_ppwt_comparison_says_what_happened_in_a_readers_words(ppwt: Comparison) -> None:
    descriptions = [c.description for c in ppwt.changes]
    assert "Article V becomes Article IV; amended." in descriptions
    assert "Article IV is deleted." in descriptions
    assert "Article IX becomes Article VIII; text unchanged." in descriptions
    assert any(d.startswith("Article VIII becomes Article VI; moved") for d in descriptions)


def test_a_renamed_definition_is_one_amended_entry(ppwt: Comparison) -> None:
    renamed = [d for d in ppwt.definitions if d.term == "weapons in outer space"]
    assert len(renamed) == 1
    assert renamed[0].renamed and renamed[0].new_terms == ("weapon in outer space",)
    assert [d.kind for d in ppwt.definitions if d.term == "outer space"] == ["deleted"]


def test_the_summary_counts_the_changes(ppwt: Comparison) -> None:
    summary = ppwt.summary
    kinds = [c.kind for c in ppwt.changes]
    assert summary.modified == kinds.count("modified")
    assert summary.deleted == kinds.count("deleted") == 1
    assert summary.renumbered == sum(c.renumbered for c in ppwt.changes)
    assert summary.words_inserted == sum(c.words_inserted for c in ppwt.changes) > 0


def test_the_redline_shows_a_moved_article_at_both_ends_in_both_orders(ppwt: Comparison) -> None:
    roles = [(item.change_id, item.role) for item in ppwt.redline]
    moved = [c.id for c in ppwt.changes if c.moved]
    assert moved
    for change_id in moved:
        assert (change_id, "moved-from") in roles and (change_id, "moved-to") in roles
    old_order = [p.eid for item in ppwt.redline if item.role != "moved-to" for p in ppwt.change(item.change_id).old]
    new_order = [p.eid for item in ppwt.redline if item.role != "moved-from" for p in ppwt.change(item.change_id).new]
    assert old_order == [p.eid for p in load_corpus_draft("ppwt-2008").provisions]
    assert new_order == [p.eid for p in load_corpus_draft("ppwt-2014").provisions]


@pytest.mark.parametrize("draft_id", CORPUS_IDS)
def test_a_draft_compared_with_itself_is_unchanged_throughout(draft_id: str) -> None:
    draft = load_corpus_draft(draft_id)
    comparison = compare(draft, draft)
    assert {c.kind for c in comparison.changes} == {"unchanged"}
    assert not comparison.differs
    assert comparison.summary.words_inserted == comparison.summary.words_deleted == 0


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=10_000), source=st.sampled_from(["ppwt-2008", "ost-1967", "moon-1979"]),
       edit=st.sampled_from([0.0, 0.05, 0.2, 0.5]))
def test_generated_pairs_are_rebuilt_exactly_by_their_segments_and_their_json_is_valid(seed: int, source: str,
                                                                                      edit: float) -> None:
    pair = generate_pair(load_corpus_draft(source), seed, Rates(edit=edit))
    comparison = compare(pair.old, pair.new)
    rebuilds_both_sides(comparison, pair.old, pair.new)
    jsonschema.validate(json.loads(get_renderer("comparison", "json").render(comparison, RenderOptions())),
                        comparison_schema())


@pytest.mark.parametrize(("old", "new"), [("ppwt-2008", "ppwt-2014"), ("ost-1967", "moon-1979"),
                                          ("ptbt-1963", "ptbt-1963")])
def test_the_json_output_validates_against_its_schema_and_the_contract(old: str, new: str, run: Run) -> None:
    result = run("compare", old, new, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    jsonschema.validate(data, comparison_schema())
    assert set(data["summary"]) >= {"unchanged", "modified", "inserted", "deleted", "split", "merged", "renumbered",
                                    "moved", "words_inserted", "words_deleted"}
    old_draft = load_corpus_draft(old)
    old_texts = {p.eid: p.text for p in old_draft.provisions}
    for change in data["changes"]:
        assert {"kind", "renumbered", "moved", "old", "new", "old_num", "new_num", "similarity", "segments"} <= set(change)
        rebuilt = "".join(s["text"] for s in change["segments"] if s["op"] in ("equal", "delete"))
        assert rebuilt == "\n\n".join(old_texts[eid] for eid in change["old"])


def test_exit_code_is_one_only_when_asked_and_the_drafts_differ(run: Run) -> None:
    assert run("compare", "ppwt-2008", "ppwt-2014", "--exit-code").code == 1
    assert run("compare", "ppwt-2008", "ppwt-2014").code == 0
    assert run("compare", "ppwt-2008", "ppwt-2008", "--exit-code").code == 0


def test_output_goes_to_a_file_atomically(tmp_path: Path, run: Run) -> None:
    out = tmp_path / "report.json"
    result = run("compare", "ppwt-2008", "ppwt-2014", "--format", "json", "-o", str(out))
    assert result.code == 0 and result.out == ""
    assert json.loads(out.read_text())["old"]["id"] == "ppwt-2008"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_compare_refuses_to_overwrite_an_input(tmp_path: Path, run: Run) -> None:
    draft = tmp_path / "old.xml"
    draft.write_bytes(Path(__file__).resolve().parent.parent.joinpath("drafts", "ppwt-2008.xml").read_bytes())
    before = draft.read_bytes()
    result = run("compare", str(draft), "ppwt-2014", "-o", str(draft))
    assert result.code == 2 and "refusing to overwrite an input file" in result.err
    assert draft.read_bytes() == before


def test_an_unwritable_output_is_one_error_and_leaves_nothing_behind(tmp_path: Path, run: Run) -> None:
    out = tmp_path / "missing-folder" / "report.html"
    result = run("compare", "ppwt-2008", "ppwt-2014", "--format", "html", "-o", str(out))
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and "does not exist" in result.err
    assert not out.parent.exists()


def test_a_docx_report_is_not_written_to_a_terminal(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    result = run("compare", "ppwt-2008", "ppwt-2014", "--format", "docx")
    assert result.code == 2 and "-o FILE" in result.err


def test_no_color_environment_turns_colour_off_and_color_forces_it(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("compare", "ppwt-2008", "ppwt-2014").out
    monkeypatch.delenv("NO_COLOR")
    assert "\x1b[" in run("compare", "ppwt-2008", "ppwt-2014").out
    assert "\x1b[" not in run("compare", "ppwt-2008", "ppwt-2014", "--no-color").out


def test_ignore_case_shows_case_changes_as_equal(run: Run) -> None:
    plain = json.loads(run("compare", "ppwt-2008", "ppwt-2014", "--format", "json").out)
    ignoring = json.loads(run("compare", "ppwt-2008", "ppwt-2014", "--format", "json", "--ignore-case").out)
    assert ignoring["options"]["ignore_case"] is True
    assert ignoring["changes"][0]["words_deleted"] < plain["changes"][0]["words_deleted"]


def test_the_text_report_of_the_ppwt_pair_matches_its_golden_file(run: Run, golden: Golden) -> None:
    golden("compare-ppwt.txt", run("compare", "ppwt-2008", "ppwt-2014", "--no-color").out)


def test_the_json_report_of_the_ppwt_pair_matches_its_golden_file(run: Run, golden: Golden) -> None:
    golden("compare-ppwt.json", run("compare", "ppwt-2008", "ppwt-2014", "--format", "json").out)


def test_running_the_comparison_twice_gives_the_same_bytes(run: Run) -> None:
    first = run("compare", "ost-1967", "moon-1979", "--format", "json").out
    assert first == run("compare", "ost-1967", "moon-1979", "--format", "json").out


def test_a_split_or_merge_that_keeps_every_word_is_described_as_text_unchanged() -> None:
    from treaty_diff.testing.generate import draft_from_texts

    first = "Each State Party shall designate a national authority to serve as the focal point for the agency."
    second = "The agency shall keep a register of launches and make the information available to all parties."
    whole, apart = draft_from_texts("whole", [[first, second]]), draft_from_texts("apart", [[first], [second]])
    assert [c.description for c in compare(whole, apart).changes] == [
        "Article 1 is split into Article 1 and Article 2; text unchanged."]
    assert [c.description for c in compare(apart, whole).changes] == [
        "Article 1 and Article 2 are merged into Article 1; text unchanged."]


def test_a_deleted_paragraph_reads_from_its_first_word_to_the_blank_line_after_it() -> None:
    old, new = load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014")
    article_1 = next(c for c in compare(old, new).changes if [p.eid for p in c.old] == ["art_1"])
    point_a = '(a) the term "outer space" means space beyond the elevation of approximately 100 km above ocean level ' \
        "of the Earth;"
    assert ("delete", point_a + "\n\n") in [(s.op, s.text) for s in article_1.segments]


def test_a_split_that_changes_only_case_or_punctuation_is_described_as_amended() -> None:
    from treaty_diff.testing.generate import draft_from_texts

    first = "Each State Party shall designate a national authority to serve as the focal point for the agency."
    second = "The agency shall keep a register of launches and make the information available to all parties."
    whole = draft_from_texts("whole", [[first, second]])
    for edited in (first.replace("shall", "Shall"), first.replace("agency.", "agency;")):
        changes = compare(whole, draft_from_texts("apart", [[edited], [second]])).changes
        assert [(c.kind, c.amended, c.description) for c in changes] == [
            ("split", True, "Article 1 is split into Article 1 and Article 2; amended.")]


def test_a_moved_provision_that_kept_most_of_its_words_is_shown_as_a_move_and_one_that_did_not_as_two_ends() -> None:
    from support.fixtures import moved_and_amended, moved_and_rewritten

    amended = moved_and_amended()[2]
    (moved,) = [c for c in amended.changes if c.moved]  # old Article 3 -> 5, "shall" -> "may", "30" -> "10"
    assert moved.shown_as_move and moved.words_kept > moved.words_deleted > 0
    assert [item.role for item in amended.redline if item.change_id == moved.id] == ["moved-from", "moved-to"]
    rewritten = moved_and_rewritten()[2]
    (lost,) = [c for c in rewritten.changes if c.moved]  # the same words, in the reverse order
    assert not lost.shown_as_move and lost.words_kept < lost.words_deleted
    items = [item for item in rewritten.redline if item.change_id == lost.id]
    assert [(item.role, item.eids) for item in items] == [("part-from", ("art_3",)), ("part-to", ("art_5",))]
    rendered = get_renderer("comparison", "text").render(rewritten, RenderOptions())
    assert isinstance(rendered, str)
    section = rendered.split(f"== {lost.id} ", 1)[1].split("\n== ", 1)[0]
    assert "shown as a deletion and an insertion, not a move" in section
    assert section.count("[-") == 1 and section.count("{+") == 1  # the old text deleted, the new inserted
