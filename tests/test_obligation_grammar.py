"""Extraction read from the whole clause: modality from the subject and the verb phrase, verbs joined by grammar,
passive agents, list points, resolutions and codes of conduct, references to other instruments, long sentences.

Each rule is tried on small sentences written for it, in wordings the bundled drafts do not use.
"""

from __future__ import annotations

import pytest

from treaty_diff.model.draft import Block, Draft, DraftMeta, Provenance, Provision, Source
from treaty_diff.model.obligations import UNSPECIFIED, Obligation
from treaty_diff.obligations.extract import extract_obligations
from treaty_diff.obligations.references import references_in

VERBATIM = Provenance("verbatim", Source("test", "written for the test"))


def _draft(*paragraphs: str) -> Draft:
    provisions = tuple(
        Provision(f"art_{n}", "article", f"Article {n}", None, (Block(f"art_{n}", "paragraph", None, text, VERBATIM),))
        for n, text in enumerate(paragraphs, 1)
    )
    return Draft(DraftMeta(id="test", title="A test treaty"), provisions)


def _found(*paragraphs: str) -> tuple[Obligation, ...]:
    return extract_obligations(_draft(*paragraphs))


def _one(sentence: str) -> Obligation:
    found = _found(sentence)
    assert len(found) == 1, [(o.modality, o.action) for o in found]
    return found[0]


# -- modality from the whole clause --------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "bearer"), [
    ("No State Party shall place any weapon in orbit.", "each State Party"),
    ("Neither Party shall station weapons on the moon.", "each Party"),
    ("None of the Parties may station weapons on the moon.", "each Party"),
    ("No State shall have the right to claim sovereignty over outer space.", "each State"),
])
def test_a_negative_subject_makes_a_duty_or_a_freedom_a_prohibition(sentence: str, bearer: str) -> None:
    found = _one(sentence)
    assert (found.modality, found.bearer) == ("prohibition", bearer)


def test_nor_shall_opens_a_prohibition_of_its_own() -> None:
    found = _found("Each Party shall notify its launches, nor shall any Party conceal them.")
    assert [(o.modality, o.verb) for o in found] == [("obligation", "notify"), ("prohibition", "conceal")]


def test_a_negative_recommendation_stays_a_recommendation() -> None:
    assert _one("No State should test weapons in orbit.").modality == "recommendation"


@pytest.mark.parametrize(("sentence", "modality"), [
    ("States Parties are required to report their launches.", "obligation"),
    ("The operator is obliged to insure its satellites.", "obligation"),
    ("Operators are under an obligation to publish their safety zones.", "obligation"),
    ("The Authority has a duty to protect confidential information.", "obligation"),
    ("The Subscribing States commit to share orbital data.", "obligation"),
    ("The Participants intend to harmonize their data formats.", "obligation"),
    ("The Subscribing States will notify the Depositary of each launch.", "obligation"),
    ("The operator is liable to compensate any damage.", "obligation"),
    ("Only significant additions need be reported.", "obligation"),
    ("The Parties agree not to create long-lived debris.", "prohibition"),
    ("The Subscribing States commit not to create long-lived debris.", "prohibition"),
    ("The testing of weapons in orbit is banned.", "prohibition"),
    ("The testing of weapons in orbit is prohibited.", "prohibition"),
    ("Subscribing States will refrain from jamming satellites.", "prohibition"),
    ("Subscribing States will not jam satellites.", "prohibition"),
    ("Each Party undertakes never to conduct a destructive test.", "prohibition"),
    ("Outer space is not subject to national appropriation.", "prohibition"),
    ("A State Party is not entitled to invoke its internal law.", "prohibition"),
    ("Passivation measures need not be applied to small objects.", "permission"),
    ("Each Participant is not obliged to provide sensitive data.", "permission"),
    ("Operators are free to withhold commercial information.", "permission"),
    ("Any other State Party is entitled to take part in the consultations.", "right"),
    ("The State Party concerned shall have the opportunity to present its views.", "right"),
    ("A spacecraft in low orbit ought to be removed within twenty-five years.", "recommendation"),
    ("States Parties are invited to share data on debris.", "recommendation"),
    ("A Participant is expected to use the data for safety only.", "recommendation"),
])
def test_the_modality_is_read_from_the_verb_phrase(sentence: str, modality: str) -> None:
    assert _one(sentence).modality == modality


def test_it_shall_be_unlawful_for_someone_to_do_something_is_their_prohibition() -> None:
    found = _one("It shall be unlawful for any operator to extract resources from a protected site.")
    assert (found.modality, found.bearer, found.action) == ("prohibition", "any operator",
                                                            "extract resources from a protected site")


def test_savings_clauses_keep_the_right_of_whom_they_name() -> None:
    found = _found(
        "Nothing in this Article shall prevent a Party from operating ground-based radars.",
        "Such apportionment shall be without prejudice to the right of the third State to seek compensation.",
        "Nothing in this Memorandum requires a Participant to provide sensitive data.",
    )
    assert [(o.modality, o.bearer) for o in found] == [("right", "a Party"), ("right", "the third State"),
                                                       ("permission", "a Participant")]


def test_a_marker_in_a_relative_clause_of_the_subject_is_not_the_clause() -> None:
    found = _one("Any other State Party which may be affected is entitled to take part in the consultations.")
    assert (found.modality, found.bearer) == ("right", "any other State Party")
    assert _found("Any vacancy which may arise shall be filled by the same procedure.")[0].modality == "obligation"


# -- resolutions, reporting verbs -----------------------------------------------------------------------


def test_an_operative_paragraph_recommends_to_its_addressee() -> None:
    found = _found("Calls upon all States, in particular those with major space capabilities, to refrain from "
                   "destructive tests, and invites the Conference on Disarmament to establish a subsidiary body.",
                   "Requests the Secretary-General to seek the views of Member States and to submit a report.")
    assert [(o.modality, o.bearer, o.verb) for o in found] == [
        ("recommendation", "States", "refrain"), ("recommendation", "the Conference on Disarmament", "establish"),
        ("recommendation", "the Secretary-General", "seek"), ("recommendation", "the Secretary-General", "submit")]


def test_a_verb_that_addresses_no_one_inside_a_treaty_is_no_clause() -> None:
    assert _found("The States Parties shall consider any requests by other States Parties.")[0].verb == "consider"
    assert len(_found("The Secretariat requests information from time to time.")) == 0


def test_a_duty_stated_in_a_declaration_keeps_its_own_modality() -> None:
    found = _found("Declares that no State shall claim sovereignty over outer space.",
                   "Stresses that all States should refrain from actions contrary to that objective.",
                   "States Parties recognize that further arrangements may become necessary.")
    assert [(o.modality, o.bearer) for o in found] == [("prohibition", "each State"), ("recommendation", "States")]


# -- verbs joined by grammar ------------------------------------------------------------------------------


def test_verbs_that_share_one_object_are_one_undertaking_each() -> None:
    found = _found("States shall facilitate and encourage international co-operation in such investigation.",
                   "States Parties shall have the right to collect on and remove from the moon samples of rock.",
                   "Each Party undertakes to refrain from causing, encouraging, or in any way participating in, the "
                   "carrying out of any test.")
    assert [o.action for o in found] == [
        "facilitate international co-operation in such investigation",
        "encourage international co-operation in such investigation",
        "collect on the moon samples of rock", "remove from the moon samples of rock",
        "causing the carrying out of any test", "encouraging the carrying out of any test",
        "participating in the carrying out of any test"]
    assert found[0].quote == "States shall facilitate and encourage international co-operation in such investigation"
    assert found[1].quote == "encourage international co-operation in such investigation"


def test_verb_phrases_with_objects_of_their_own_are_one_undertaking_each() -> None:
    found = _found("The Authority shall adopt safety standards, keep a public register of authorizations and "
                   "review the standards every five years.",
                   "The inspection team shall prepare a factual report and transmit it to the inspected State Party.")
    assert [o.verb for o in found] == ["adopt", "keep", "review", "prepare", "transmit"]


def test_nouns_and_adjectives_joined_are_not_verbs() -> None:
    found = _found("States Parties have the right to exploration and use of the moon without discrimination.",
                   "A State Party shall retain jurisdiction and control over such object.",
                   "Each State Party shall adopt the legislative and administrative measures necessary.",
                   "The Parties shall co-operate in assessing the causes of any incident and in mitigating its "
                   "consequences.")
    assert len(found) == 4


def test_coordination_inside_a_subordinate_clause_is_not_split() -> None:
    found = _found("Neither Party shall station in orbit any object designed to damage or destroy a space object.",
                   "Neither Party shall use lasers in a manner that may dazzle, blind or otherwise impair sensors.")
    assert len(found) == 2


def test_infinitives_joined_after_a_marker_in_to_are_one_undertaking_each() -> None:
    found = _found("States Parties are required to update their declarations annually and to report any new "
                   "facility within sixty days.",
                   "It is prohibited to use the moon in order to commit any such act or to engage in any threat.")
    assert [o.action for o in found] == ["update their declarations annually",
                                         "report any new facility within sixty days",
                                         "use the moon in order to commit any such act or to engage in any threat"]


# -- bearers --------------------------------------------------------------------------------------------


def test_a_capitalized_body_or_an_agent_noun_bears_its_clause() -> None:
    found = _found("The Technical Secretariat shall transmit each notification to all States Parties.",
                   "The inspection team may take photographs.",
                   "Operators of space objects should share information on their positions.",
                   "Information contained in declarations shall be kept confidential.")
    assert [o.bearer for o in found] == ["the Technical Secretariat", "the inspection team", "Operators",
                                         UNSPECIFIED]


def test_a_passive_is_borne_by_its_agent_however_it_is_named() -> None:
    found = _found(
        "The nature of such an opportunity shall be determined by agreement between the States concerned.",
        "Claims for compensation shall be settled by negotiation between the High Contracting Parties concerned.",
        "Responsibility shall be borne both by the international organization and by the States Parties.",
        "All activities shall be carried out in accordance with international law, taking into account the "
        "Declaration adopted by the General Assembly.",
        "Every space resource activity shall require the prior authorization of the High Contracting Party.",
    )
    assert [o.bearer for o in found] == ["States concerned", "the High Contracting Parties concerned",
                                         "the international organization and States Parties", UNSPECIFIED,
                                         "the High Contracting Party"]
    assert found[2].bearer_text == "the international organization and by the States Parties"


def test_an_instrument_registered_by_someone_is_their_duty() -> None:
    found = _one("This Agreement shall be registered by the Parties with the Secretariat of the United Nations.")
    assert (found.modality, found.bearer) == ("obligation", "Parties")


def test_it_and_the_former_name_the_party_they_stand_for() -> None:
    found = _found("A Joint Consultative Group is hereby established. It shall consider questions of compliance.",
                   "Should a space object of one Party malfunction, the former shall inform the latter.",
                   "If, however, a State does not know of the damage, it may present a claim within one year.")
    assert [o.bearer for o in found] == ["a Joint Consultative Group", "one Party", "a State"]


# -- points of a list -----------------------------------------------------------------------------------


def _listed(chapeau: str, *points: str) -> Draft:
    blocks = [Block("art_1__list_1__intro", "intro", None, chapeau, VERBATIM)]
    blocks += [Block(f"art_1__list_1__point_{chr(97 + i)}", "point", f"({chr(97 + i)})", text, VERBATIM, depth=1)
               for i, text in enumerate(points)]
    return Draft(DraftMeta(id="test", title="t"), (Provision("art_1", "article", "Article 1", None, tuple(blocks)),))


def test_points_that_limit_a_complete_chapeau_are_its_scope() -> None:
    draft = _listed("Each Party undertakes not to carry out any nuclear test at any place under its jurisdiction:",
                    "in the atmosphere; or", "under water.")
    (found,) = extract_obligations(draft)
    assert found.conditions == ("(a) in the atmosphere", "(b) under water")
    assert found.scope == ("art_1__list_1__point_a", "art_1__list_1__point_b")
    text = draft.provisions[0].text
    assert all(condition in text for condition in found.conditions)


def test_points_that_continue_the_chapeau_are_undertakings_of_its_bearer() -> None:
    draft = _listed("Each Contracting Party which learns of an accident shall immediately:",
                    "notify the launching authority;",
                    "notify the Secretary-General, who should disseminate the information without delay.")
    found = extract_obligations(draft)
    assert [(o.modality, o.bearer, o.verb) for o in found] == [
        ("obligation", "each Contracting Party", "notify"), ("obligation", "each Contracting Party", "notify"),
        ("recommendation", "the Secretary-General", "disseminate")]


def test_points_that_complete_an_infinitive_take_the_words_before_them() -> None:
    draft = _listed("Each State Party shall take all necessary measures to:", "prevent collisions;",
                    "not create debris.")
    found = extract_obligations(draft)
    assert [(o.modality, o.action) for o in found] == [
        ("obligation", "take all necessary measures to prevent collisions"),
        ("prohibition", "take all necessary measures to create debris")]


# -- references and quotes ------------------------------------------------------------------------------


def test_instruments_brought_in_by_reference_are_named() -> None:
    assert references_in("shall carry on activities in accordance with international law, including the Charter of "
                         "the United Nations, in the interest of peace") == (
        "international law", "the Charter of the United Nations")
    assert references_in("shall enter into force in accordance with the procedure of this Treaty") == ()
    assert references_in("shall be registered pursuant to Article 102 of the Charter of the United Nations") == ()
    found = _one("Subscribing States commit to conduct their activities in conformity with the Space Debris "
                 "Mitigation Guidelines of the Committee on the Peaceful Uses of Outer Space.")
    assert found.references == ("the Space Debris Mitigation Guidelines of the Committee on the Peaceful Uses of "
                                "Outer Space",)


def test_every_quote_is_its_provision_text_at_its_offsets_whatever_the_wording() -> None:
    draft = _draft(
        "Neither Party shall station in orbit any object; nor shall any Party test such objects.",
        "States shall facilitate, encourage and promote co-operation, and the Depositary, who shall keep records, "
        "may publish them.",
        "Calls upon all States to refrain from tests, and requests the Secretary-General to report.",
    )
    for found in extract_obligations(draft):
        text = draft.provision(found.eid).text
        assert text[found.start:found.end] == found.quote and found.quote == found.quote.strip()


# -- long sentences -------------------------------------------------------------------------------------


def test_a_long_sentence_gives_one_clause_per_undertaking_and_a_bounded_context() -> None:
    sentence = "Each State Party shall inform the Secretary-General" + "".join(
        f" and shall notify the Depositary of launch {i} promptly" for i in range(400)) + "."
    found = _found(sentence)
    assert len(found) == 401
    assert all(o.bearer == "each State Party" for o in found)
    assert found[200].quote == "shall notify the Depositary of launch 199 promptly"
    assert max(len(o.context) for o in found) < 4200 < len(sentence)
