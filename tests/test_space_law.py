"""The five UN space treaties read together: the bundled `space-law` checklist, and the treaties compared.

The verdicts checked below are those a reader of the treaties is sure of: each treaty covers the elements it is
known for (liability by the Liability Convention, registration by the Registration Convention, rescue and return
by the Rescue Agreement and the Outer Space Treaty, non-appropriation by the Outer Space Treaty and the Moon
Agreement), citing the articles that say so. The checklist's terms are
the treaties' own words, so these verdicts do not depend on how the extractor words a clause, only on its listing
the clause.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from support.cli import Run

from treaty_diff.model.coverage import CoverageReport
from treaty_diff.obligations.coverage import check_coverage, judge
from treaty_diff.obligations.extract import extract_obligations
from treaty_diff.read.checklist import bundled_checklists, load_checklist
from treaty_diff.read.corpus import load_corpus_draft

TREATIES = ("ost-1967", "rescue-1968", "liability-1972", "registration-1975", "moon-1979")

# element -> draft -> (status, eIds the verdict must cite, why)
EXPECTED: dict[str, dict[str, tuple[str, set[str], str]]] = {
    "non-appropriation": {
        "ost-1967": ("covered", {"art_2"}, "Art. II: not subject to national appropriation by claim of sovereignty"),
        "moon-1979": ("covered", {"art_11"}, "Art. 11(2): the moon is not subject to national appropriation"),
        "liability-1972": ("absent", set(), "nothing on appropriation"),
    },
    "liability-surface": {
        "liability-1972": ("covered", {"art_2"}, "Art. II: absolutely liable for damage on the surface of the earth"),
        "registration-1975": ("absent", set(), "no liability clause"),
        "rescue-1968": ("absent", set(), "no liability clause"),
    },
    "liability-space": {
        "liability-1972": ("covered", {"art_3"}, "Art. III: liable only if the damage is due to its fault"),
    },
    "claims-settlement": {
        "liability-1972": ("covered", {"art_9", "art_14"}, "Art. IX diplomatic channels, Art. XIV Claims Commission"),
        "ost-1967": ("absent", set(), "no claims procedure"),
    },
    "national-registry": {
        "registration-1975": ("covered", {"art_2"}, "Art. II(1): shall register the space object ... in a registry"),
        "ost-1967": ("partial", {"art_8"}, "Art. VIII: the State of registry keeps jurisdiction; no duty to register"),
        "liability-1972": ("absent", set(), "no registry"),
    },
    "un-register": {
        "registration-1975": ("covered", {"art_3", "art_4"}, "Art. III Register of the Secretary-General, Art. IV data"),
        "ost-1967": ("absent", set(), "no register"),
    },
    "object-identification": {
        "registration-1975": ("covered", {"art_5"}, "Art. V: marking with the designator or registration number"),
        "rescue-1968": ("partial", {"art_5"}, "Art. 5(3): identifying data only before the return"),
        "ost-1967": ("partial", {"art_8"}, "Art. VIII: identifying data only before the return"),
    },
    "astronaut-assistance": {
        "rescue-1968": ("covered", {"art_2", "art_3"}, "Arts. 2-3: rescue and assistance"),
        "ost-1967": ("covered", {"art_5"}, "Art. V: all possible assistance to astronauts"),
        "moon-1979": ("partial", {"art_10"}, "Art. 10: persons on the moon only"),
    },
    "astronaut-return": {
        "rescue-1968": ("covered", {"art_4"}, "Art. 4: safely and promptly returned"),
        "ost-1967": ("covered", {"art_5"}, "Art. V: safely and promptly returned"),
    },
    "object-return": {
        "rescue-1968": ("covered", {"art_5"}, "Art. 5: recovery and return of space objects"),
        "ost-1967": ("covered", {"art_8"}, "Art. VIII: objects found beyond its limits returned"),
        "moon-1979": ("partial", {"art_12"}, "Art. 12(2): only by reference to the Rescue Agreement"),
    },
    "free-exploration-use": {
        "ost-1967": ("covered", {"art_1"}, "Art. I: free for exploration and use by all States"),
        "moon-1979": ("partial", {"art_11"}, "Art. 11(4): the moon only"),
    },
    "celestial-peaceful-use": {
        "ost-1967": ("covered", {"art_4"}, "Art. IV: exclusively for peaceful purposes"),
        "moon-1979": ("covered", {"art_3"}, "Art. 3(1): exclusively for peaceful purposes"),
    },
    "wmd-orbit-ban": {
        "ost-1967": ("covered", {"art_4"}, "Art. IV: not to place in orbit nuclear weapons or other WMD"),
        "moon-1979": ("partial", {"art_3"}, "Art. 3(3): around the moon only"),
    },
    "international-responsibility": {
        "ost-1967": ("covered", {"art_6"}, "Art. VI: international responsibility for national activities"),
        "moon-1979": ("partial", {"art_14"}, "Art. 14(1): on the moon only"),
    },
    "authorization-supervision": {
        "ost-1967": ("covered", {"art_6"}, "Art. VI: authorization and continuing supervision"),
        "moon-1979": ("partial", {"art_14"}, "Art. 14(1): on the moon only"),
    },
    "activity-information": {
        "ost-1967": ("covered", {"art_11"}, "Art. XI: inform the Secretary-General of activities"),
    },
    "due-regard": {
        "ost-1967": ("covered", {"art_9"}, "Art. IX: due regard to the corresponding interests"),
        "moon-1979": ("partial", {"art_2"}, "Art. 2: activities on the moon"),
    },
    "harmful-contamination": {
        "ost-1967": ("covered", {"art_9"}, "Art. IX: avoid their harmful contamination"),
        "moon-1979": ("partial", {"art_7"}, "Art. 7(1): the environment of the moon"),
    },
    "interference-consultation": {
        "ost-1967": ("covered", {"art_9"}, "Art. IX: consultations before potentially harmful interference"),
        "moon-1979": ("partial", {"art_8"}, "Art. 8(3): interference not said to be harmful"),
    },
}
CASES = [(element, draft) for element, row in EXPECTED.items() for draft in row]


@pytest.fixture(scope="module")
def report() -> CoverageReport:
    return check_coverage([load_corpus_draft(draft_id) for draft_id in TREATIES], load_checklist("space-law"))


def test_space_law_is_a_bundled_checklist_with_an_element_for_each_core_obligation() -> None:
    assert "space-law" in bundled_checklists()
    checklist = load_checklist("space-law")
    assert checklist.id == "space-law"
    assert set(EXPECTED) <= {element.id for element in checklist.elements}
    assert "non-appropriation" in {element.id for element in checklist.elements}


@pytest.mark.parametrize(("element_id", "draft_id"), CASES)
def test_each_treaty_covers_the_elements_it_is_known_for_citing_its_articles(
        report: CoverageReport, element_id: str, draft_id: str) -> None:
    status, cited, why = EXPECTED[element_id][draft_id]
    verdict = report.verdict(element_id, draft_id)
    assert verdict.status == status, f"{element_id} / {draft_id}: expected {status} ({why}), got {verdict.status}: " \
                                     f"{verdict.reason}"
    assert cited <= {c.eid for c in verdict.citations}, why


@pytest.mark.parametrize(("draft_id", "article", "words"), [
    ("ost-1967", "art_2", "is not subject to national appropriation by claim of sovereignty"),
    ("moon-1979", "art_11", "The moon is not subject to national appropriation by any claim of sovereignty"),
    ("moon-1979", "art_11", "nor any part thereof or natural resources in place, shall become property of any State"),
    ("moon-1979", "art_11", "shall not create a right of ownership over the surface or the subsurface of the moon"),
])
def test_the_non_appropriation_element_finds_the_treaties_own_wording_once_a_clause_is_listed(
        draft_id: str, article: str, words: str) -> None:
    draft = load_corpus_draft(draft_id)
    text = draft.provision(article).text
    start = text.index(words)
    sentence_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
    end = text.index(".", start + len(words))
    quote = text[sentence_start:end]
    listed = dataclasses.replace(extract_obligations(draft)[0], eid=article, modality="prohibition", quote=quote,
                                 context=quote, start=sentence_start, end=end)
    verdict = judge(next(e for e in load_checklist("space-law").elements if e.id == "non-appropriation"), (listed,))
    assert verdict.status == "covered"


@pytest.mark.parametrize("draft_id", TREATIES)
def test_every_space_law_citation_quotes_the_treaty_exactly(report: CoverageReport, draft_id: str) -> None:
    draft = load_corpus_draft(draft_id)
    for row in report.rows:
        verdict = report.verdict(row.element.id, draft_id)
        for citation in verdict.citations:
            assert draft.provision(citation.eid).text[citation.start:citation.end] == citation.quote


def test_a_clause_that_cites_the_rescue_agreement_by_its_title_does_not_cover_rescue_or_return(
        report: CoverageReport) -> None:
    # Moon Art. 10(2) and 12(2) name the "Agreement on the Rescue of Astronauts, the Return of Astronauts and the
    # Return of Objects ...": every word the rescue and return elements look for.
    assert report.verdict("astronaut-return", "moon-1979").status == "absent"
    assert "art_12" not in {c.eid for c in report.verdict("astronaut-assistance", "moon-1979").citations}


def test_coverage_of_the_five_treaties_against_space_law_from_the_command_line(run: Run) -> None:
    result = run("coverage", *TREATIES, "--checklist", "space-law", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["checklist"] == "space-law"
    assert data["drafts"] == list(TREATIES)
    rows = {element["id"]: element["verdicts"] for element in data["elements"]}
    assert rows["liability-surface"]["liability-1972"]["citations"][0]["eId"] == "art_2"
    assert rows["liability-surface"]["liability-1972"]["citations"][0]["quote"].startswith(
        "A launching State shall be absolutely liable to pay compensation")


@pytest.mark.parametrize("draft_id", ["rescue-1968", "liability-1972", "registration-1975"])
def test_each_new_treaty_can_be_judged_against_the_paros_checklist_too(run: Run, draft_id: str) -> None:
    result = run("coverage", draft_id, "--checklist", "paros", "--format", "json")
    assert result.code == 0, result.err
    verdicts = {element["id"]: element["verdicts"][draft_id]["status"] for element in json.loads(result.out)["elements"]}
    assert verdicts["no-placement-orbit"] == "absent"  # none of them is about weapons
    assert verdicts["withdrawal"] == "covered"  # each has a withdrawal clause


def test_the_liability_and_registration_conventions_share_two_definitions(run: Run) -> None:
    result = run("compare", "liability-1972", "registration-1975", "--format", "json")
    assert result.code == 0, result.err
    definitions = {(d["kind"], d["term"], d["old"], d["new"]) for d in json.loads(result.out)["definitions"]}
    assert definitions == {
        ("deleted", "damage", "art_1__list_1__point_a", None),
        ("deleted", "launching", "art_1__list_1__point_b", None),
        ("modified", "launching State", "art_1__list_1__point_c__list_1__intro", "art_1__list_1__point_a__list_1__intro"),
        ("modified", "space object", "art_1__list_1__point_d", "art_1__list_1__point_b"),
        ("inserted", "State of registry", None, "art_1__list_1__point_c"),
    }


@pytest.mark.parametrize("fmt", ["text", "html", "docx"])
def test_the_liability_and_registration_conventions_compare_in_every_format(run: Run, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{'txt' if fmt == 'text' else fmt}"
    result = run("compare", "liability-1972", "registration-1975", "--format", fmt, "-o", str(out))
    assert result.code == 0, result.err
    data = out.read_bytes()
    if fmt == "docx":
        assert data.startswith(b"PK")
    else:
        text = data.decode("utf-8")
        assert "State of registry" in text and "Article XXVIII" in text
