"""Obligations compared between two drafts: the PPWT 2008 -> 2014 pair by hand, then each rule on small drafts.

The PPWT table below was written by reading the obligations of both drafts
(``treaty-diff obligations ppwt-2008`` / ``ppwt-2014``) side by side and
applying the rules of treaty_diff/obligations/ (pairing.py, scope.py, judge.py):

- Article II: 2008 bans placing weapons "in orbit around the Earth", "on
  celestial bodies" and "in outer space in any other manner"; 2014 has one ban,
  "not place any weapons in outer space". The orbit and "any other manner" bans
  are both expressed by it (same verb, same modality, same parties): a merge,
  each *changed* (same force, reworded). "install such weapons on celestial
  bodies" has no clause of its own in 2014, but the 2014 definition of "placed
  in outer space" (Article I(c)) includes being located "on any celestial
  bodies": the ban is *carried* by the definition (*changed*, not dropped).
- The ban on force against "outer space objects" now protects only "outer
  space objects of States Parties to the Treaty": a qualifier narrows a
  prohibition, *weakened*.
- "assist or induce" (two undertakings, the verbs sharing their object): the
  2014 list of those not to be assisted adds "including non-governmental legal
  entities ...": each *strengthened*.
- Article III adds "all necessary" to "take measures": *strengthened*.
- Article IV (peaceful use savings clause) is deleted: *dropped*.
- Article V -> IV (self-defence): reworded ("inherent", "individual or
  collective", "as recognized by"), no rule gives a direction: *changed*.
- Article VI -> V: "transparency and confidence-building measures" adds an
  alternative to what must be implemented: *strengthened*; the measures "shall
  be the subject of a separate additional protocol" becomes "may be": shall ->
  may, *weakened*.
- Article VII(1): the condition "In the event of a dispute over the
  application or interpretation" is worded into the 2014 clause itself
  ("Disputes ... concerning the application or interpretation ... shall be
  resolved"): *changed*, not strengthened.
- Article VII(2): same permission, same parties ("the States Parties
  concerned" / "any of the States Parties concerned"), the condition
  reworded: *changed*.
- Article VIII -> VI(1): the stated purpose reworded ("objectives" ->
  "purposes"): *changed*; the tasks of the Executive Organization in
  VI(1)(a)-(d) are *added* ("organize and conduct consultations" is two), and
  so is "not engage in outer space activities ... inconsistent with ..." in
  Article II. Its procedures "shall be the subject of a separate additional
  protocol" becomes "an additional protocol": a qualifier removed widens the
  duty, *strengthened*.
- Articles IX-XIV -> VIII-XIII (amendment, withdrawal, accession, depositary):
  word for word the same: *unchanged*.
"""

from __future__ import annotations

import itertools
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treaty_diff.align import align
from treaty_diff.model.draft import Block, Draft, DraftMeta, Provenance, Provision, Source
from treaty_diff.model.obligations import STATUSES, Obligation, ObligationChange, ObligationComparison
from treaty_diff.obligations.compare import compare_obligations, reverse_alignment
from treaty_diff.obligations.extract import extract_obligations
from treaty_diff.obligations.judge import FORCE
from treaty_diff.obligations.scope import condition_kind
from treaty_diff.read.corpus import CORPUS_IDS, load_corpus_draft
from treaty_diff.read.importers import ImportOptions, import_text
from treaty_diff.render.obligations import obligation_comparison_to_dict, obligation_comparison_to_text

Side = tuple[str, str] | None  # (eId, a fragment of the quote)
Row = tuple[str, Side, Side]

PPWT_2008_TO_2014: list[Row] = [
    ("changed", ("art_2", "place in orbit around the Earth"), ("art_2", "not place any weapons in outer space")),
    ("changed", ("art_2", "install such weapons on celestial bodies"), ("art_2", "not place any weapons in outer space")),
    ("changed", ("art_2", "place such weapons in outer space in any other manner"),
     ("art_2", "not place any weapons in outer space")),
    ("weakened", ("art_2", "use of force against outer space objects"),
     ("art_2", "outer space objects of States Parties to the Treaty")),
    ("added", None, ("art_2", "not engage in outer space activities")),
    ("strengthened", ("art_2", "not to assist or induce other States, groups of States or international"),
     ("art_2", "not assist or induce other States")),
    ("strengthened", ("art_2", "induce other States, groups of States or international organizations"),
     ("art_2", "induce other States, groups of States, international")),
    ("strengthened", ("art_3", "shall take measures"), ("art_3", "shall take all necessary measures")),
    ("dropped", ("art_4", "exploration and use of outer space for peaceful purposes"), None),
    ("changed", ("art_5", "their right of self-defence"), ("art_4", "inherent right of individual or collective")),
    ("strengthened", ("art_6", "implement agreed confidence-building measures"),
     ("art_5", "agreed transparency and confidence-building measures")),
    ("weakened", ("art_6", "shall be the subject of a separate additional protocol"),
     ("art_5", "may be the subject of a separate additional protocol")),
    ("changed", ("art_7", "resolve the problem by negotiation"), ("art_7", "shall be resolved by the States Parties")),
    ("changed", ("art_7", "may refer it to the executive organization"),
     ("art_7", "may refer it to the Executive Organization")),
    ("changed", ("art_8", "shall establish the executive organization"),
     ("art_6", "shall establish the Executive Organization")),
    ("added", None, ("art_6", "receive for consideration inquiries")),
    ("added", None, ("art_6", "consider matters concerning compliance")),
    ("added", None, ("art_6", "organize and conduct consultations")),
    ("added", None, ("art_6", "conduct consultations with the States Parties")),
    ("added", None, ("art_6", "undertake measures to put an end to the violation")),
    ("strengthened", ("art_8", "shall be the subject of a separate additional protocol"),
     ("art_6", "shall be the subject of an additional protocol")),
    ("unchanged", ("art_9", "may propose amendments"), ("art_8", "may propose amendments")),
    ("unchanged", ("art_9", "shall be submitted to the Depositary"), ("art_8", "shall be submitted to the Depositary")),
    ("unchanged", ("art_9", "circulate it to all States Parties"), ("art_8", "circulate it to all States Parties")),
    ("unchanged", ("art_9", "convene a conference"), ("art_8", "convene a conference")),
    ("unchanged", ("art_10", "have the right to withdraw"), ("art_9", "have the right to withdraw")),
    ("unchanged", ("art_10", "give notice of such withdrawal"), ("art_9", "give notice of such withdrawal")),
    ("unchanged", ("art_11", "may accede to it at any time"), ("art_10", "may accede to it at any time")),
    ("unchanged", ("art_13", "receive instruments of ratification"), ("art_12", "receive instruments of ratification")),
    ("unchanged", ("art_13", "inform all signatory and acceding States"),
     ("art_12", "inform all signatory and acceding States")),
    ("unchanged", ("art_14", "send duly certified copies"), ("art_13", "send duly certified copies")),
]


def _matches(obligation: Obligation | None, side: Side) -> bool:
    if obligation is None or side is None:
        return obligation is None and side is None
    return obligation.eid == side[0] and side[1] in obligation.quote


@pytest.fixture(scope="module")
def ppwt() -> ObligationComparison:
    return compare_obligations(load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014"))


def _change(comparison: ObligationComparison, old_fragment: str) -> ObligationChange:
    found = [c for c in comparison.changes if c.old is not None and old_fragment in c.old.quote]
    assert len(found) == 1, old_fragment
    return found[0]


# -- the PPWT pair, by hand -----------------------------------------------------------------------


def test_the_ppwt_2008_obligations_map_to_2014_as_read_by_hand_in_order(ppwt: ObligationComparison) -> None:
    got = list(ppwt.changes)
    assert len(got) == len(PPWT_2008_TO_2014)
    for change, (status, old, new) in zip(got, PPWT_2008_TO_2014, strict=True):
        assert (change.status, _matches(change.old, old), _matches(change.new, new)) == (status, True, True), (
            change.summary)


def test_the_ppwt_counts_and_totals_add_up(ppwt: ObligationComparison) -> None:
    assert ppwt.counts == {"unchanged": 10, "changed": 7, "weakened": 2, "strengthened": 5, "dropped": 1,
                           "added": 6}
    assert (ppwt.reference, ppwt.other) == ("ppwt-2008", "ppwt-2014")
    assert ppwt.reference_total == len(extract_obligations(load_corpus_draft("ppwt-2008")))
    assert ppwt.other_total == len(extract_obligations(load_corpus_draft("ppwt-2014")))


def test_every_clause_of_both_drafts_appears_in_the_comparison(ppwt: ObligationComparison) -> None:
    olds = {(o.eid, o.start) for o in extract_obligations(load_corpus_draft("ppwt-2008"))}
    news = {(o.eid, o.start) for o in extract_obligations(load_corpus_draft("ppwt-2014"))}
    assert {(c.old.eid, c.old.start) for c in ppwt.changes if c.old} == olds
    assert {(c.new.eid, c.new.start) for c in ppwt.changes if c.new} == news


def test_the_narrowed_ban_on_force_says_which_qualifier_narrows_it(ppwt: ObligationComparison) -> None:
    change = _change(ppwt, "use of force against outer space objects")
    assert change.reasons[0] == "the qualifier 'of States Parties' is added: the scope narrows"
    assert change.headline.startswith("Article II: 'not to resort to the threat or use of force")
    assert change.headline.endswith("is weakened")


def test_all_necessary_measures_strengthens_article_iii(ppwt: ObligationComparison) -> None:
    change = _change(ppwt, "shall take measures")
    assert change.reasons == ("the intensifier 'all necessary' is added: the scope widens",
                              "wording amended: 'prohibited by the' becomes 'inconsistent with the subject matter and "
                              "the purpose of this', 'on' becomes 'in', 'or' becomes 'and/or'")


def test_the_referral_clause_is_unchanged_in_force_and_its_condition_reworded(ppwt: ObligationComparison) -> None:
    change = _change(ppwt, "may refer it")
    assert change.summary == (
        "Article VII(2): 'may refer it to the executive organization of the Treaty, with the …' is unchanged in "
        "force; the bearer 'the States Parties concerned' becomes 'any of the States Parties concerned' (the same "
        "parties); the condition 'If the dispute is not settled' becomes 'If the dispute is not resolved through "
        "consultations and cooperation'")


def test_a_condition_worded_into_the_clause_is_neither_added_nor_removed(ppwt: ObligationComparison) -> None:
    change = _change(ppwt, "resolve the problem")
    assert change.status == "changed"
    assert ("the condition 'In the event of a dispute over the application or interpretation of this Treaty' is "
            "left out (its words are now part of the clause)") in change.reasons


def test_the_two_placement_bans_merged_into_one_name_each_other(ppwt: ObligationComparison) -> None:
    orbit = _change(ppwt, "place in orbit around the Earth")
    manner = _change(ppwt, "in any other manner")
    assert orbit.new is manner.new
    assert orbit.shared and manner.shared
    assert any(r.startswith("merged in ppwt-2014 with 'not to place such weapons") for r in orbit.reasons)
    assert any(r.startswith("merged in ppwt-2014 with 'undertake not to place in orbit") for r in manner.reasons)


def test_dropped_and_added_clauses_say_why_they_have_no_counterpart(ppwt: ObligationComparison) -> None:
    assert _change(ppwt, "exploration and use of outer space").reasons == ("Article IV is deleted",)
    tasks = [c for c in ppwt.changes if c.status == "added" and c.new and c.new.eid == "art_6"]
    assert [c.new_label for c in tasks] == ["Article VI(1)(a)", "Article VI(1)(b)", "Article VI(1)(c)",
                                            "Article VI(1)(c)", "Article VI(1)(d)"]
    assert all(c.reasons == ("the paragraph is new; Article VIII of ppwt-2008 has nothing like it",) for c in tasks)


def test_the_celestial_bodies_ban_is_carried_by_the_2014_definition_not_dropped(ppwt: ObligationComparison) -> None:
    celestial = _change(ppwt, "install such weapons")
    assert celestial.status == "changed" and celestial.shared
    assert celestial.new is not None and celestial.new.quote == "not place any weapons in outer space"
    assert celestial.reasons == (
        "carried in ppwt-2014 by 'not place any weapons in outer space' (Article II), through the definition of "
        "'placed in outer space' (Article I(c)): 'or is located at any location in outer space or on any celestial "
        "bodies other than the Earth'",)
    definition = load_corpus_draft("ppwt-2014").provision("art_1").text
    assert "or is located at any location in outer space or on any celestial bodies other than the Earth" in definition


def test_the_protocol_clause_is_weakened_from_shall_to_may(ppwt: ObligationComparison) -> None:
    protocol = _change(ppwt, "confidence-building measures shall be the subject")
    assert protocol.status == "weakened"
    assert protocol.reasons[0] == "an obligation ('shall') becomes a permission ('may'), which binds less"


def test_renumbered_provisions_are_named_on_both_sides(ppwt: ObligationComparison) -> None:
    change = _change(ppwt, "may propose amendments")
    assert (change.old_label, change.new_label) == ("Article IX", "Article VIII")
    assert change.headline == "Article IX (now Article VIII): 'may propose amendments to this Treaty' is unchanged"


def test_ppwt_2014_against_2008_swaps_dropped_and_added_and_weakened_and_strengthened() -> None:
    back = compare_obligations(load_corpus_draft("ppwt-2014"), load_corpus_draft("ppwt-2008"))
    assert back.counts == {"unchanged": 10, "changed": 7, "weakened": 5, "strengthened": 2, "dropped": 6,
                           "added": 1}
    force = _change(back, "outer space objects of States Parties")
    assert force.status == "strengthened"
    assert force.reasons[0] == "the qualifier 'of States Parties' is removed: the scope widens"


# -- each rule on small drafts --------------------------------------------------------------------

VERBATIM = Provenance("verbatim", Source("test", "written for the test"))
RECONSTRUCTED = Provenance("reconstructed", Source("guess", "reconstructed for the test"))


def _draft(draft_id: str, *articles: str, provenance: Provenance = VERBATIM) -> Draft:
    provisions = tuple(
        Provision(f"art_{n}", "article", f"Article {n}", None, (Block(f"art_{n}", "paragraph", None, text, provenance),))
        for n, text in enumerate(articles, 1)
    )
    return Draft(DraftMeta(id=draft_id, title=f"Treaty {draft_id}"), provisions)


def _one(old: str, new: str) -> ObligationChange:
    comparison = compare_obligations(_draft("old", old), _draft("new", new))
    assert len(comparison.changes) == 1, [c.summary for c in comparison.changes]
    return comparison.changes[0]


REPORT = "Each State Party shall report its launches to the Depositary."
MAY_REPORT = "Each State Party may report its launches to the Depositary."


def test_shall_becoming_may_is_weakened_and_may_becoming_shall_strengthened() -> None:
    down = _one(REPORT, MAY_REPORT)
    assert down.status == "weakened"
    assert down.reasons == ("an obligation ('shall') becomes a permission ('may'), which binds less",)
    up = _one(MAY_REPORT, REPORT)
    assert up.status == "strengthened"
    assert up.reasons == ("a permission ('may') becomes an obligation ('shall'), which binds more",)


def test_shall_not_becoming_should_not_or_may_is_weakened() -> None:
    ban = "States Parties shall not test weapons in orbit."
    assert _one(ban, "States Parties should not test weapons in orbit.").status == "weakened"
    permitted = _one(ban, "States Parties may test weapons in orbit.")
    assert permitted.status == "weakened"
    assert permitted.reasons[0].startswith("a prohibition ('shall not') becomes a permission ('may')")


def test_a_prohibition_reversed_into_an_obligation_keeps_its_rank() -> None:
    change = _one("Each State Party shall not publish its launch plans.", "Each State Party shall publish its launch plans.")
    assert change.status == "changed"
    assert change.reasons[0] == "a prohibition ('shall not') becomes an obligation ('shall'), of the same force"


def test_the_scale_ranks_duties_above_recommendations_above_freedoms() -> None:
    assert FORCE["obligation"] == FORCE["prohibition"] > FORCE["recommendation"] > FORCE["permission"]
    assert FORCE["permission"] == FORCE["right"]


def test_a_condition_added_to_an_obligation_weakens_it_and_removed_strengthens_it() -> None:
    conditional = "Each State Party shall report its launches to the Depositary if the launch carries a nuclear source."
    added = _one(REPORT, conditional)
    assert added.status == "weakened"
    assert added.reasons == ("the condition 'if the launch carries a nuclear source' is added",)
    assert _one(conditional, REPORT).status == "strengthened"


def test_a_condition_added_to_a_permission_binds_the_bearer_more() -> None:
    free = "Any State Party may request consultations on an activity of another State Party."
    change = _one(free, free[:-1] + " if it has reason to believe that the activity is harmful.")
    assert change.status == "strengthened"
    assert change.reasons[0].endswith("is added (a narrower freedom binds the bearer more)")


def test_a_reworded_condition_is_changed_and_quoted_both_ways() -> None:
    change = _one("If the dispute is not settled, the States Parties concerned may refer it to the Council.",
                  "If the dispute is not resolved through consultations and cooperation, the States Parties "
                  "concerned may refer it to the Council.")
    assert change.status == "changed"
    assert change.summary == ("Article 1: 'may refer it to the Council' is unchanged in force; the condition 'If the "
                              "dispute is not settled' becomes 'If the dispute is not resolved through consultations "
                              "and cooperation'")


def test_the_same_condition_in_another_word_order_is_no_change() -> None:
    change = _one("Each State Party shall, unless agreed otherwise, report its launches to the Depositary.",
                  "Each State Party shall, unless otherwise agreed, report its launches to the Depositary.")
    assert change.status == "changed"  # the quote differs ...
    assert not any("condition" in r for r in change.reasons)  # ... but the condition is the same


def test_a_bearer_narrowed_weakens_a_duty_but_each_state_party_is_the_same_parties() -> None:
    consult = "The States Parties shall consult each other on the application of this Treaty."
    narrowed = _one(consult, "The States Parties concerned shall consult each other on the application of this Treaty.")
    assert narrowed.status == "weakened"
    assert narrowed.reasons == ("the bearer is narrowed: 'The States Parties' becomes 'The States Parties concerned'",)
    same = _one(consult, "Each State Party shall consult each other on the application of this Treaty.")
    assert same.status == "changed"
    assert same.reasons == ("the bearer 'The States Parties' becomes 'Each State Party' (the same parties)",)
    assert _one(consult, "The States Parties to this Treaty shall consult each other on the application of this "
                         "Treaty.").reasons == ("wording amended: 'to this Treaty' is added",)


def test_a_scope_narrowed_from_any_weapons_to_weapons_of_mass_destruction_is_weakened() -> None:
    change = _one("The States Parties undertake not to place any weapons in outer space.",
                  "The States Parties undertake not to place weapons of mass destruction in outer space.")
    assert change.status == "weakened"
    assert change.reasons == ("the qualifier 'of mass destruction' is added: the scope narrows",)


def test_any_before_a_bare_plural_does_not_change_the_scope() -> None:
    change = _one("The States Parties shall not place objects carrying weapons in orbit.",
                  "The States Parties shall not place any objects carrying weapons in orbit.")
    assert change.status == "changed"


def test_a_hedge_weakens_a_duty_and_an_intensifier_strengthens_it() -> None:
    hedged = _one(REPORT, "Each State Party shall, as appropriate, report its launches to the Depositary.")
    assert (hedged.status, hedged.reasons) == ("weakened", ("the hedge 'as appropriate' is added: the scope narrows",))
    assert _one(REPORT, "Each State Party shall report its launches to the Depositary where feasible.").status \
        == "weakened"
    measures = _one("Each State Party shall take measures to prevent such activities.",
                    "Each State Party shall take all necessary measures to prevent such activities.")
    assert (measures.status, measures.reasons) == ("strengthened",
                                                   ("the intensifier 'all necessary' is added: the scope widens",))


def test_an_added_alternative_widens_and_a_limiter_narrows() -> None:
    components = _one("States Parties shall not test weapons in orbit.",
                      "States Parties shall not test weapons or weapon components in orbit.")
    assert (components.status, components.reasons) == (
        "strengthened", ("the alternative 'or weapon components' is added: the scope widens",))
    wider = _one("States Parties shall exchange data on launches.", "States Parties shall exchange data on launches "
                 "and on re-entries.")
    assert wider.status == "strengthened"
    assert wider.reasons == ("the alternative 'and on re-entries' is added: the scope widens",)
    only = _one("States Parties shall exchange data on launches.", "States Parties shall exchange data on launches only.")
    assert only.status == "weakened"


def test_a_verb_joined_to_another_is_an_undertaking_of_its_own() -> None:
    comparison = compare_obligations(_draft("old", "States Parties shall not test weapons in orbit."),
                                     _draft("new", "States Parties shall not test or deploy weapons in orbit."))
    assert [(c.status, c.new and c.new.action) for c in comparison.changes] == [
        ("changed", "test weapons in orbit"), ("added", "deploy weapons in orbit")]


def test_findings_pulling_both_ways_leave_the_clause_changed() -> None:
    change = _one(REPORT, "Each State Party shall, as appropriate, promptly report its launches to the Depositary.")
    assert change.status == "changed"
    assert "these changes pull in opposite directions, so the clause is not ranked" in change.reasons


def test_a_change_of_modality_decides_over_other_findings() -> None:
    change = _one(REPORT, "Each State Party should report its launches to the Depositary promptly.")
    assert change.status == "weakened"  # the intensifier "promptly" would strengthen; the modality decides
    assert change.reasons[0].startswith("an obligation ('shall') becomes a recommendation ('should')")


def test_a_dropped_and_an_added_obligation_stand_at_the_place_of_their_provision() -> None:
    old = _draft("old", "States Parties shall not test weapons in orbit.", REPORT)
    new = _draft("new", "States Parties shall not test weapons in orbit.",
                 "The Depositary shall publish a register of launches.",
                 "Each State Party shall designate a national authority.")
    comparison = compare_obligations(old, new)
    assert [(c.status, c.old_label, c.new_label) for c in comparison.changes] == [
        ("unchanged", "Article 1", "Article 1"),
        ("dropped", "Article 2", None),
        ("added", None, "Article 2"),
        ("added", None, "Article 3"),
    ]
    assert comparison.changes[1].reasons == ("Article 2 is deleted",)
    assert comparison.changes[2].headline == "Article 2 of new: 'shall publish a register of launches' is added"


def test_an_added_clause_follows_the_clause_before_it_in_the_same_article() -> None:
    old = _draft("old", "States Parties shall not test weapons in orbit. States Parties shall not station weapons "
                        "on the Moon.")
    new = _draft("new", "States Parties shall not test weapons in orbit. States Parties shall not sell launch "
                        "services for weapons. States Parties shall not station weapons on the Moon.")
    comparison = compare_obligations(old, new)
    assert [c.status for c in comparison.changes] == ["unchanged", "added", "unchanged"]


def test_clauses_of_provisions_the_aligner_did_not_pair_are_never_counterparts() -> None:
    old = _draft("old", REPORT)
    new = _draft("new", "The Depositary shall keep a register of objects launched into outer space and of their "
                        "orbits, and shall publish it every year.", MAY_REPORT)
    comparison = compare_obligations(old, new)
    change = next(c for c in comparison.changes if c.old is not None)
    assert change.new is not None and change.new.eid == "art_2"  # found through the alignment, not by number


def test_comparing_each_bundled_draft_with_itself_gives_only_unchanged() -> None:
    for draft_id in CORPUS_IDS:
        draft = load_corpus_draft(draft_id)
        comparison = compare_obligations(draft, draft)
        assert {c.status for c in comparison.changes} <= {"unchanged"}, draft_id
        assert len(comparison.changes) == len(extract_obligations(draft))
        assert not comparison.differs


_FLIP = {"dropped": "added", "added": "dropped", "weakened": "strengthened", "strengthened": "weakened"}


def _canonical(comparison: ObligationComparison, swap: bool) -> set[tuple[str, object, object]]:
    def key(obligation: Obligation | None) -> object:
        return None if obligation is None else (obligation.eid, obligation.start, obligation.end)

    out: set[tuple[str, object, object]] = set()
    for change in comparison.changes:
        if swap:
            out.add((_FLIP.get(change.status, change.status), key(change.new), key(change.old)))
        else:
            out.add((change.status, key(change.old), key(change.new)))
    return out


@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(CORPUS_IDS, 2)))
def test_swapping_two_bundled_drafts_swaps_dropped_added_weakened_and_strengthened(a: str, b: str) -> None:
    old, new = load_corpus_draft(a), load_corpus_draft(b)
    forward = compare_obligations(old, new)
    assert _canonical(forward, swap=False) == _canonical(compare_obligations(new, old), swap=True)
    assert _canonical(forward, swap=False) == _canonical(
        compare_obligations(new, old, reverse_alignment(align(old, new))), swap=True)


BEARERS = ["Each State Party", "The States Parties", "The States Parties concerned", "The Depositary",
           "Any State Party"]
MARKERS = ["shall", "shall not", "may", "should", "undertakes to", "must not"]
ACTIONS = ["report its launches to the Depositary", "test any weapons in orbit",
           "test weapons of mass destruction in orbit", "take measures to prevent such activities",
           "take all necessary measures to prevent such activities", "exchange data on launches",
           "exchange data on launches and on re-entries", "consult the other States Parties",
           "station weapons on celestial bodies"]
CONDITIONS = ["", "If a dispute arises, ", "Unless otherwise agreed, ", "Upon request of a State Party, ",
              "Where feasible, "]

sentence = st.builds(lambda c, b, m, a: f"{c}{b if not c else b[0].lower() + b[1:]} {m} {a}.",
                     st.sampled_from(CONDITIONS), st.sampled_from(BEARERS), st.sampled_from(MARKERS),
                     st.sampled_from(ACTIONS))
article = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
articles = st.lists(article, min_size=1, max_size=4, unique=True)


@settings(max_examples=60, deadline=None)
@given(articles, articles)
def test_swapping_old_and_new_swaps_the_statuses_on_made_up_drafts(old_articles: list[str],
                                                                   new_articles: list[str]) -> None:
    old, new = _draft("old", *old_articles), _draft("new", *new_articles)
    alignment = align(old, new)
    forward = compare_obligations(old, new, alignment)
    backward = compare_obligations(new, old, reverse_alignment(alignment))
    assert _canonical(forward, swap=False) == _canonical(backward, swap=True)
    assert {c.status for c in compare_obligations(old, old).changes} <= {"unchanged"}


@settings(max_examples=30, deadline=None)
@given(articles)
def test_every_change_has_a_reason_and_statuses_come_from_the_list(texts: list[str]) -> None:
    old = _draft("old", *texts)
    new = _draft("new", *(t.replace("shall", "may", 1) for t in reversed(texts)))
    comparison = compare_obligations(old, new)
    for change in comparison.changes:
        assert change.status in STATUSES
        assert change.reasons and all("\n" not in r for r in change.reasons)
        assert (change.old is None) == (change.status == "added")
        assert (change.new is None) == (change.status == "dropped")
    assert sum(comparison.counts.values()) == len(comparison.changes)


def test_plain_text_drafts_imported_with_import_text_compare_like_any_draft() -> None:
    old = import_text("A Test Treaty\n\nArticle 1\n\nStates Parties shall not test weapons in orbit.\n\n"
                      "Article 2\n\nEach State Party shall report its launches to the Depositary.\n",
                      "old.txt", ImportOptions(id="old", date="2020-01-01")).draft
    new = import_text("A Test Treaty\n\nArticle 1\n\nStates Parties should not test weapons in orbit.\n\n"
                      "Article 2\n\nEach State Party shall report its launches to the Depositary if it "
                      "launches a nuclear power source.\n",
                      "new.txt", ImportOptions(id="new", date="2021-01-01")).draft
    comparison = compare_obligations(old, new)
    assert [c.status for c in comparison.changes] == ["weakened", "weakened"]


def test_a_condition_phrase_is_classified_by_its_opening_words() -> None:
    assert condition_kind("If the dispute is not settled") == "condition"
    assert condition_kind("which has reason to believe that an activity would cause harm") == "condition"
    assert condition_kind("as appropriate") == "hedge"
    assert condition_kind("With a view to promoting confidence") == "purpose"
    assert condition_kind("in exercising its national sovereignty") == "other"


def test_an_alignment_of_other_drafts_is_refused() -> None:
    a, b = _draft("a", REPORT), _draft("b", MAY_REPORT)
    with pytest.raises(ValueError, match="alignment is of a -> b"):
        compare_obligations(b, a, align(a, b))


# -- output ---------------------------------------------------------------------------------------


def test_the_json_is_plain_data_with_the_documented_shape(ppwt: ObligationComparison) -> None:
    data = json.loads(json.dumps(obligation_comparison_to_dict(ppwt)))
    assert set(data) == {"reference", "other", "reference_title", "other_title", "totals", "counts", "changes"}
    assert data["counts"] == ppwt.counts and list(data["counts"]) == list(STATUSES)
    assert data["totals"] == {"reference": 25, "other": 28}
    first = data["changes"][0]
    assert set(first) == {"status", "old_label", "new_label", "shared", "similarity", "headline", "reasons",
                          "summary", "old", "new"}
    assert first["old"]["eId"] == "art_2" and first["old"]["provenance"] == "reconstructed"
    dropped = next(c for c in data["changes"] if c["status"] == "dropped")
    assert dropped["new"] is None and dropped["new_label"] is None


def test_the_text_report_marks_reconstructed_quotes(ppwt: ObligationComparison) -> None:
    text = obligation_comparison_to_text(ppwt)
    assert text.startswith("Obligations compared: ppwt-2008 (reference) and ppwt-2014\n25 clause(s) in ppwt-2008, "
                           "28 in ppwt-2014: 10 unchanged, 7 reworded, 2 weakened, 5 strengthened, 1 dropped, 6 added\n")
    assert ("    + ppwt-2014, Article II: “not resort to the threat or use of force against outer space objects of "
            "States Parties to the Treaty”  [reconstructed, NOT the official wording]") in text
    line = "unchanged  Article IX (now Article VIII): 'may propose amendments to this Treaty' is unchanged"
    assert line in text
    assert line not in obligation_comparison_to_text(ppwt, changed_only=True)


def test_the_text_report_does_not_mark_verbatim_quotes_and_marks_reconstructed_ones() -> None:
    old = _draft("old", REPORT)
    verbatim = obligation_comparison_to_text(compare_obligations(old, _draft("new", MAY_REPORT)))
    assert "reconstructed" not in verbatim
    assert "    + new, Article 1: “Each State Party may report its launches to the Depositary”" in verbatim
    guessed = obligation_comparison_to_text(compare_obligations(old, _draft("new", MAY_REPORT,
                                                                            provenance=RECONSTRUCTED)))
    assert "    - old, Article 1: “Each State Party shall report its launches to the Depositary”\n" in guessed
    assert "“Each State Party may report its launches to the Depositary”  [reconstructed, NOT the official" in guessed


# -- every quote shown is the drafts' text ------------------------------------------------------------

_QUOTED = re.compile(r"'(.+?)'(?=[\s,;:.)]|$)")


def _quoted_pieces(change: ObligationChange) -> list[str]:
    """The stretches a change quotes in its headline and reasons, without a trailing " …" (a quote shortened)."""
    return [piece.removesuffix(" …") for line in (change.headline, *change.reasons)
            for piece in _QUOTED.findall(line)]


@pytest.mark.parametrize(("a", "b"), [("ppwt-2008", "ppwt-2014"), ("ppwt-2014", "ppwt-2008"),
                                      ("ost-1967", "moon-1979"), ("ptbt-1963", "ost-1967")])
def test_every_stretch_a_comparison_quotes_is_the_text_of_one_of_the_drafts(a: str, b: str) -> None:
    old, new = load_corpus_draft(a), load_corpus_draft(b)
    texts = " ".join(" ".join(p.text.split()) for draft in (old, new) for p in draft.provisions)
    comparison = compare_obligations(old, new)
    pieces = [piece for change in comparison.changes for piece in _quoted_pieces(change)]
    assert pieces  # the test reads something
    assert [piece for piece in pieces if " ".join(piece.split()) not in texts] == []
