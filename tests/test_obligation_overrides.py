"""Analysts' overrides: the file read with one clear error per problem, pinned modalities and verdicts applied with
the tool's own answer kept beside them, in every report and on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.cli import Run

from treaty_diff.errors import InputError
from treaty_diff.obligations.compare import compare_obligations
from treaty_diff.obligations.coverage import check_coverage
from treaty_diff.obligations.extract import extract_obligations
from treaty_diff.obligations.overrides import apply_modality_overrides, unmatched_overrides
from treaty_diff.read.checklist import load_checklist
from treaty_diff.read.corpus import load_corpus_draft
from treaty_diff.read.overrides import OVERRIDES_NS, parse_overrides
from treaty_diff.render.coverage import coverage_to_dict, coverage_to_text

PEACEFUL = "shall be used by all States Parties to the Treaty exclusively for peaceful purposes"
RULINGS = f"""<overrides xmlns="{OVERRIDES_NS}">
  <modality draft="ost-1967" eId="art_4" quote="{PEACEFUL}" modality="prohibition">
    <reason>read as a ban on any use of the moon that is not peaceful</reason>
  </modality>
  <verdict draft="ost-1967" element="no-force" status="covered">
    <reason>Article III incorporates the Charter, whose Article 2(4) bans the threat or use of force</reason>
  </verdict>
</overrides>"""


def _error(text: str) -> str:
    with pytest.raises(InputError) as caught:
        parse_overrides(text.encode(), "mine.xml")
    return str(caught.value)


def test_an_overrides_file_gives_its_rulings_with_their_lines() -> None:
    overrides = parse_overrides(RULINGS.encode(), "mine.xml")
    (modality,) = overrides.modalities
    (verdict,) = overrides.verdicts
    assert (modality.draft, modality.eid, modality.modality, modality.line) == ("ost-1967", "art_4", "prohibition", 2)
    assert (verdict.element, verdict.status, verdict.line) == ("no-force", "covered", 5)
    assert verdict.reason.startswith("Article III incorporates")


@pytest.mark.parametrize(("text", "message"), [
    (f'<overrides xmlns="{OVERRIDES_NS}"><verdict draft="a" element="b" status="maybe"><reason>r</reason>'
     "</verdict></overrides>", "mine.xml:1: unknown status 'maybe'"),
    (f'<overrides xmlns="{OVERRIDES_NS}"><modality draft="a" eId="b" quote="c" modality="duty"><reason>r</reason>'
     "</modality></overrides>", "unknown modality 'duty'"),
    (f'<overrides xmlns="{OVERRIDES_NS}"><verdict draft="a" element="b" status="covered"/></overrides>',
     "needs exactly one <reason>"),
    (f'<overrides xmlns="{OVERRIDES_NS}"><verdict draft="a" element="b" status="covered"><reason> </reason>'
     "</verdict></overrides>", "an empty <reason>"),
    (f'<overrides xmlns="{OVERRIDES_NS}"><verdict element="b" status="covered"><reason>r</reason></verdict>'
     "</overrides>", "needs the attribute 'draft'"),
    (f'<overrides xmlns="{OVERRIDES_NS}"><pin/></overrides>', "unknown element <pin>"),
    ("<overrides/>", "not an overrides file"),
    (f'<overrides xmlns="{OVERRIDES_NS}"><verdict draft="a" element="b" status="covered"><reason>r</reason>'
     '</verdict>\n<verdict draft="a" element="b" status="absent"><reason>s</reason></verdict></overrides>',
     "mine.xml:2: a second ruling on the same verdict (the first is at line 1)"),
    ('<!DOCTYPE overrides [<!ENTITY x "y">]><overrides/>', "mine.xml"),
])
def test_a_bad_overrides_file_is_one_clear_error(text: str, message: str) -> None:
    assert message in _error(text)


def test_a_pinned_modality_is_used_and_the_tools_own_is_kept() -> None:
    overrides = parse_overrides(RULINGS.encode(), "mine.xml")
    found = apply_modality_overrides(extract_obligations(load_corpus_draft("ost-1967")), overrides)
    (pinned,) = [o for o in found if o.override is not None]
    assert (pinned.modality, pinned.tool_modality) == ("prohibition", "obligation")
    assert pinned.override == "read as a ban on any use of the moon that is not peaceful"
    assert PEACEFUL in pinned.quote


def test_a_ruling_that_names_no_clause_or_several_is_reported() -> None:
    text = RULINGS.replace(PEACEFUL, "shall never happen")
    overrides = parse_overrides(text.encode(), "mine.xml")
    draft = load_corpus_draft("ost-1967")
    assert unmatched_overrides(extract_obligations(draft), overrides, "ost-1967") == [
        "mine.xml:2: no clause of ost-1967 art_4 contains 'shall never happen'"]
    several = parse_overrides(RULINGS.replace(PEACEFUL, "States Parties").encode(), "mine.xml")
    assert "quote more of the clause" in unmatched_overrides(extract_obligations(draft), several, "ost-1967")[0]


def test_a_pinned_verdict_shows_the_tools_own_beside_it() -> None:
    overrides = parse_overrides(RULINGS.encode(), "mine.xml")
    report = check_coverage([load_corpus_draft("ost-1967")], load_checklist("paros"), overrides)
    verdict = report.verdict("no-force", "ost-1967")
    assert (verdict.status, verdict.override) == ("covered", overrides.verdicts[0].reason)
    assert verdict.tool is not None and verdict.tool.status == "partial" and verdict.tool.by_reference
    data = coverage_to_dict(report)["elements"][3]["verdicts"]["ost-1967"]
    assert (data["status"], data["tool"]["status"], data["override"]) == ("covered", "partial", verdict.override)
    text = coverage_to_text(report)
    assert "no-force                   covered! (III) (tool: partial)" in text
    assert "the tool's own verdict: partial — by reference: Article III" in text


def test_a_pinned_modality_changes_the_comparison_of_two_drafts() -> None:
    overrides = parse_overrides(RULINGS.encode(), "mine.xml")
    ost, moon = load_corpus_draft("ost-1967"), load_corpus_draft("moon-1979")
    plain = compare_obligations(ost, moon)
    pinned = compare_obligations(ost, moon, overrides=overrides)
    assert plain.changes != pinned.changes
    assert any(c.old is not None and c.old.override is not None for c in pinned.changes)


def test_the_command_line_reads_an_overrides_file_and_refuses_a_ruling_on_no_clause(
        run: Run, tmp_path: Path) -> None:
    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    good.write_text(RULINGS, encoding="utf-8")
    bad.write_text(RULINGS.replace(PEACEFUL, "shall never happen"), encoding="utf-8")
    result = run("coverage", "ost-1967", "--overrides", str(good), "--format", "json")
    assert result.code == 0, result.err
    verdict = next(e for e in json.loads(result.out)["elements"] if e["id"] == "no-force")["verdicts"]["ost-1967"]
    assert verdict["status"] == "covered" and verdict["tool"]["status"] == "partial"
    csv = run("obligations", "ost-1967", "--overrides", str(good), "--format", "csv")
    assert csv.code == 0 and ",prohibition,obligation,read as a ban" in csv.out
    refused = run("obligations", "ost-1967", "--overrides", str(bad))
    assert refused.code == 2 and "no clause of ost-1967 art_4 contains 'shall never happen'" in refused.err
    assert run("compare", "ost-1967", "moon-1979", "--overrides", str(good), "--only", "obligations").code == 0
