"""Coverage of the bundled PAROS checklist by the five bundled drafts, and the matching rules on small cases.

The table below is the verdict for every element and draft (75), written from
reading the drafts: the status, the articles a covered or partial verdict must
cite, and why. "Partial" means a clause exists but is narrower than the
element (WMD only, the moon only, voluntary) or weaker (a savings clause, a
duty to inform, visits to installations).
"""

from __future__ import annotations

import json

import pytest

from treaty_diff.model.coverage import Checklist, ChecklistElement, CoverageReport, Rule, TermGroup, Verdict
from treaty_diff.model.draft import Block, Draft, DraftMeta, Provenance, Provision, Source
from treaty_diff.obligations.coverage import check_coverage, find, judge
from treaty_diff.obligations.extract import extract_obligations
from treaty_diff.read.checklist import load_checklist
from treaty_diff.read.corpus import CORPUS_IDS, load_corpus, load_corpus_draft
from treaty_diff.render.coverage import coverage_to_dict, coverage_to_text

D08, D14, OST, PTBT, MOON = CORPUS_IDS[:5]  # the drafts the checklist's expectations below were written for

# element -> draft -> (status, eIds that must be cited, reason)
EXPECTED: dict[str, dict[str, tuple[str, set[str], str]]] = {
    "no-placement-orbit": {
        D08: ("covered", {"art_2"}, "Art. II: not to place in orbit objects carrying any kinds of weapons"),
        D14: ("covered", {"art_2"}, "Art. II: not place any weapons in outer space"),
        OST: ("partial", {"art_4"}, "Art. IV bans only nuclear weapons and other weapons of mass destruction"),
        PTBT: ("absent", set(), "bans nuclear test explosions, not the placement of weapons"),
        MOON: ("partial", {"art_3"}, "Art. 3(3): WMD only, and only in orbit around the moon"),
    },
    "no-celestial-installation": {
        D08: ("covered", {"art_2"}, "Art. II: not to install such (any kinds of) weapons on celestial bodies"),
        D14: ("covered", {"art_2"}, "Art. II: not place weapons in outer space, which the Art. I(c) definition of "
                                    "'placed in outer space' extends to celestial bodies"),
        OST: ("partial", {"art_4"}, "Art. IV: WMD only; military bases forbidden but not weapons as such"),
        PTBT: ("absent", set(), "nothing on celestial bodies"),
        MOON: ("partial", {"art_3"}, "Art. 3(3)-(4): WMD on the moon only; military bases forbidden"),
    },
    "no-stationing-other": {
        D08: ("covered", {"art_2"}, "Art. II: not to place such weapons in outer space in any other manner"),
        D14: ("covered", {"art_2"}, "Art. II: not place any weapons in outer space (in any manner)"),
        OST: ("partial", {"art_4"}, "Art. IV: station such weapons in any other manner, WMD only"),
        PTBT: ("absent", set(), "no stationing clause"),
        MOON: ("absent", set(), "Art. 3(3) covers the moon and its orbits only, no catch-all for outer space"),
    },
    "no-force": {
        D08: ("covered", {"art_2"}, "Art. II: not to resort to the threat or use of force against space objects"),
        D14: ("partial", {"art_2"}, "Art. II protects only outer space objects of States Parties"),
        OST: ("partial", {"art_3"}, "by reference: Art. III binds the Parties to the Charter, which bans force"),
        PTBT: ("absent", set(), "no clause on the use of force"),
        MOON: ("partial", {"art_3"}, "Art. 3(2): threat or use of force on the moon or using the moon only"),
    },
    "no-assistance": {
        D08: ("covered", {"art_2"}, "Art. II: not to assist or induce others"),
        D14: ("covered", {"art_2"}, "Art. II: not assist or induce others"),
        OST: ("absent", set(), "no anti-assistance clause"),
        PTBT: ("covered", {"art_1"}, "Art. I(2): refrain from causing, encouraging or participating in tests"),
        MOON: ("absent", set(), "no anti-assistance clause"),
    },
    "national-measures": {
        D08: ("covered", {"art_3"}, "Art. III: take measures to prevent prohibited activities on its territory"),
        D14: ("covered", {"art_3"}, "Art. III: take all necessary measures under its jurisdiction"),
        OST: ("partial", {"art_6"}, "Art. VI: responsibility and supervision of national activities only"),
        PTBT: ("covered", {"art_1"}, "Art. I(1): prohibit and prevent at any place under its jurisdiction"),
        MOON: ("partial", {"art_14"}, "Art. 14: responsibility and supervision of national activities only"),
    },
    "tcbm": {
        D08: ("partial", {"art_6"}, "Art. VI: confidence-building measures on a voluntary basis"),
        D14: ("partial", {"art_5"}, "Art. V: TCBMs on a voluntary basis"),
        OST: ("partial", {"art_11"}, "Art. XI: inform the Secretary-General and the public of activities"),
        PTBT: ("absent", set(), "no transparency measures"),
        MOON: ("partial", {"art_5"}, "Art. 5(1): inform the Secretary-General and the public of activities"),
    },
    "dispute-consultation": {
        D08: ("covered", {"art_7"}, "Art. VII(1): resolve disputes by negotiation and cooperation"),
        D14: ("covered", {"art_7"}, "Art. VII(1): disputes resolved through consultations and cooperation"),
        OST: ("partial", {"art_9"}, "Art. IX: consultations on harmful interference, no dispute settlement"),
        PTBT: ("absent", set(), "no dispute clause"),
        MOON: ("covered", {"art_15"}, "Art. 15(2)-(3): consultations and settlement of controversies"),
    },
    "treaty-body-referral": {
        D08: ("covered", {"art_7"}, "Art. VII(2): may refer it to the executive organization"),
        D14: ("covered", {"art_7"}, "Art. VII(2): may refer it to the Executive Organization"),
        OST: ("absent", set(), "no treaty body"),
        PTBT: ("absent", set(), "no treaty body"),
        MOON: ("partial", {"art_15"}, "Art. 15(3): assistance of the UN Secretary-General, not a treaty body"),
    },
    "verification": {
        D08: ("absent", set(), "no verification; confidence-building is voluntary"),
        D14: ("partial", {"art_6"}, "Art. VI: the Executive Organization considers breaches, no verification"),
        OST: ("partial", {"art_12"}, "Art. XII: installations on celestial bodies open to visits"),
        PTBT: ("absent", set(), "no verification clause"),
        MOON: ("covered", {"art_15"}, "Art. 15(1): each State Party may assure itself of compliance"),
    },
    "asat-ground-ban": {
        D08: ("partial", {"art_2"}, "bans the use of force against space objects, not ground-based ASATs"),
        D14: ("partial", {"art_2"}, "bans the use of force against space objects, not ground-based ASATs"),
        OST: ("absent", set(), "nothing on anti-satellite weapons"),
        PTBT: ("partial", {"art_1"}, "bans nuclear explosions in outer space (nuclear ASAT tests) only"),
        MOON: ("absent", set(), "nothing on anti-satellite weapons"),
    },
    "wmd-orbit-ban": {
        D08: ("covered", {"art_2"}, "a ban on all weapons in orbit covers WMD"),
        D14: ("covered", {"art_2"}, "a ban on all weapons in outer space covers WMD"),
        OST: ("covered", {"art_4"}, "Art. IV: no nuclear weapons or other WMD in orbit around the earth"),
        PTBT: ("absent", set(), "bans test explosions, not the placement of weapons"),
        MOON: ("partial", {"art_3"}, "Art. 3(3): orbits around the moon only, not the Earth"),
    },
    "celestial-peaceful-use": {
        D08: ("partial", {"art_4"}, "Art. IV is only a savings clause for peaceful use"),
        D14: ("absent", set(), "no peaceful-use clause in the articles"),
        OST: ("covered", {"art_4"}, "Art. IV: celestial bodies used exclusively for peaceful purposes"),
        PTBT: ("absent", set(), "no peaceful-use clause"),
        MOON: ("covered", {"art_3"}, "Art. 3(1): the moon used exclusively for peaceful purposes"),
    },
    "self-defence-savings": {
        D08: ("covered", {"art_5"}, "Art. V: right of self-defence under Article 51"),
        D14: ("covered", {"art_4"}, "Art. IV: inherent right of self-defence"),
        OST: ("absent", set(), "no self-defence clause"),
        PTBT: ("absent", set(), "no self-defence clause"),
        MOON: ("absent", set(), "no self-defence clause"),
    },
    "withdrawal": {
        D08: ("covered", {"art_10"}, "Art. X: right to withdraw with six months' notice"),
        D14: ("covered", {"art_9"}, "Art. IX: right to withdraw with six months' notice"),
        OST: ("covered", {"art_16"}, "Art. XVI: may give notice of withdrawal"),
        PTBT: ("covered", {"art_4"}, "Art. IV: right to withdraw with three months' notice"),
        MOON: ("covered", {"art_20"}, "Art. 20: may give notice of withdrawal"),
    },
}

CASES = [(element, draft) for element, row in EXPECTED.items() for draft in row]


@pytest.fixture(scope="module")
def report() -> CoverageReport:
    return check_coverage(load_corpus(), load_checklist("paros"))


def test_the_table_has_a_verdict_for_every_element_and_draft() -> None:
    assert len(CASES) == 75
    assert [e.id for e in load_checklist("paros").elements] == list(EXPECTED)


@pytest.mark.parametrize(("element_id", "draft_id"), CASES)
def test_each_verdict_matches_the_table(report: CoverageReport, element_id: str, draft_id: str) -> None:
    status, cited, why = EXPECTED[element_id][draft_id]
    verdict = report.verdict(element_id, draft_id)
    assert verdict.status == status, f"{element_id} / {draft_id}: expected {status} ({why}), got {verdict.status}: " \
                                     f"{verdict.reason}"
    assert cited <= {c.eid for c in verdict.citations}, why
    assert verdict.reason


@pytest.mark.parametrize("draft_id", CORPUS_IDS)
def test_every_citation_quotes_the_draft_exactly(report: CoverageReport, draft_id: str) -> None:
    draft = load_corpus_draft(draft_id)
    for row in report.rows:
        verdict = report.verdict(row.element.id, draft_id)
        assert (verdict.status == "absent") == (not verdict.citations)
        for citation in verdict.citations:
            assert draft.provision(citation.eid).text[citation.start:citation.end] == citation.quote


def test_a_verdict_that_is_not_absent_must_cite_something() -> None:
    with pytest.raises(ValueError):
        Verdict("partial", (), "no citation")


def test_a_wmd_only_ban_is_partial_for_the_all_weapons_element_and_says_why(report: CoverageReport) -> None:
    verdict = report.verdict("no-placement-orbit", "ost-1967")
    assert verdict.status == "partial"
    assert "weapons of mass destruction" in verdict.reason
    assert report.verdict("wmd-orbit-ban", "ost-1967").status == "covered"


def test_an_absent_verdict_says_what_was_looked_for(report: CoverageReport) -> None:
    verdict = report.verdict("self-defence-savings", "ost-1967")
    assert verdict.reason == "no clause found: looked for right on self-defence"


def test_the_gaps_of_a_draft_list_absent_elements_before_partial_ones(report: CoverageReport) -> None:
    gaps = report.gaps("ppwt-2008")
    assert [(e.id, v.status) for e, v in gaps] == [
        ("verification", "absent"), ("tcbm", "partial"), ("asat-ground-ban", "partial"),
        ("celestial-peaceful-use", "partial")]


def test_the_json_report_follows_the_contract(report: CoverageReport) -> None:
    data = json.loads(json.dumps(coverage_to_dict(report)))
    assert data["checklist"] == "paros"
    assert data["drafts"] == list(CORPUS_IDS)
    assert [e["id"] for e in data["elements"]] == list(EXPECTED)
    verdict = data["elements"][0]["verdicts"]["ost-1967"]
    assert verdict["status"] == "partial"
    assert verdict["citations"][0]["eId"] == "art_4"
    assert verdict["citations"][0]["quote"].startswith("States Parties to the Treaty undertake not to place")
    assert data["summary"]["ptbt-1963"] == {"covered": 3, "partial": 1, "absent": 11}
    assert data["gaps"]["ppwt-2008"][0]["id"] == "verification"


def test_the_text_report_shows_the_matrix_then_the_gaps_and_marks_reconstructed_citations(
        report: CoverageReport) -> None:
    text = coverage_to_text(report)
    header = next(line for line in text.splitlines() if line.startswith("element"))
    assert header.split() == ["element", *CORPUS_IDS]
    row = next(line for line in text.splitlines() if line.startswith("no-placement-orbit "))
    assert row.split()[1:4] == ["covered", "(II*)", "covered"]
    assert "* reconstructed text, NOT the official wording" in text
    assert text.index("Verdicts") < text.index("Gaps")
    assert "ptbt-1963: 11 absent, 1 partial" in text
    assert "[reconstructed]" in text


# -- the matching rules on small cases -----------------------------------------------------------


def _draft(*paragraphs: str) -> Draft:
    provenance = Provenance("verbatim", Source("test", "written for the test"))
    provisions = tuple(
        Provision(f"art_{n}", "article", f"Article {n}", None,
                  (Block(f"art_{n}", "paragraph", None, text, provenance),))
        for n, text in enumerate(paragraphs, 1)
    )
    return Draft(DraftMeta(id="test", title="t"), provisions)


WEAPONS = TermGroup("weapons", ("weapon*",))
ORBIT = TermGroup("orbit", ("orbit",))
WMD = TermGroup("WMD only", ("mass destruction",), "context", "WMD only")
ELEMENT = ChecklistElement(
    "ban", "Ban", "No weapons in orbit", ("prohibition",),
    (Rule("covered", ("prohibition",), "bans weapons in orbit", (WEAPONS, ORBIT), (), (WMD,)),),
)


def test_a_rule_needs_every_required_group_and_the_right_modality() -> None:
    covered = extract_obligations(_draft("States Parties shall not place any weapons in orbit."))
    assert judge(ELEMENT, covered).status == "covered"
    no_orbit = extract_obligations(_draft("States Parties shall not place any weapons on the ground."))
    assert judge(ELEMENT, no_orbit).status == "absent"
    permission = extract_obligations(_draft("States Parties may place weapons in orbit."))
    assert judge(ELEMENT, permission).status == "absent"


def test_a_narrowing_group_makes_a_match_partial_with_its_reason() -> None:
    found = extract_obligations(_draft("States Parties shall not place weapons of mass destruction in orbit."))
    verdict = judge(ELEMENT, found)
    assert (verdict.status, verdict.reason) == ("partial", "WMD only")


def test_an_excluding_group_removes_a_match() -> None:
    element = ChecklistElement(
        "ban", "Ban", "d", ("prohibition",),
        (Rule("covered", ("prohibition",), "r", (WEAPONS,), (TermGroup("tests", ("test*",)),)),),
    )
    assert judge(element, extract_obligations(_draft("States Parties shall not test weapons."))).status == "absent"
    assert judge(element, extract_obligations(_draft("States Parties shall not use weapons."))).status == "covered"


def test_terms_match_whole_words_unless_they_end_with_a_star() -> None:
    group = TermGroup("place", ("place",))
    (placement,) = extract_obligations(_draft("States Parties shall not agree to the placement of arms."))
    assert find(group, placement) is None
    assert find(TermGroup("place", ("place*",)), placement) == "placement"


def test_a_covered_match_wins_over_a_partial_one_and_cites_only_covering_clauses() -> None:
    checklist = Checklist("t", "t", "", (ELEMENT,))
    draft = _draft("States Parties shall not place weapons of mass destruction in orbit.",
                   "States Parties shall not place any weapons in orbit.")
    report = check_coverage([draft], checklist)
    verdict = report.verdict("ban", "test")
    assert verdict.status == "covered"
    assert [c.eid for c in verdict.citations] == ["art_2"]
