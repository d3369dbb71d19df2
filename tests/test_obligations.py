"""Obligation extraction: every deontic clause of the five bundled drafts, and the rules one at a time.

The tables below were written by reading each draft article by article,
applying the policy in treaty_diff/obligations/extract.py: operative articles only;
constitutive clauses (entry into force, duration, deposit, designations,
"shall include") are not obligations; a list of
undertakings gives one entry each. Each row is (eId, modality, bearer, a
distinctive fragment of the action). The extractor must reproduce each table
exactly: every row found once, nothing else found.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from treaty_diff.model.draft import Block, Draft, DraftMeta, Provenance, Provision, Source
from treaty_diff.model.obligations import MODALITIES, UNSPECIFIED, Obligation
from treaty_diff.obligations.bearers import canonical_bearer
from treaty_diff.obligations.extract import ExtractionMemo, extract_obligations
from treaty_diff.obligations.sentences import CLAUSE_TRAIL, trim_span
from treaty_diff.obligations.vocabulary import MARKER_RE, markers
from treaty_diff.read.corpus import CORPUS_IDS, load_corpus_draft
from treaty_diff.render.obligations import obligations_to_dict, obligations_to_text

Row = tuple[str, str, str, str]

PPWT_2008: list[Row] = [
    ("art_2", "prohibition", "States Parties", "place in orbit around the Earth any objects carrying any kinds"),
    ("art_2", "prohibition", "States Parties", "install such weapons on celestial bodies"),
    ("art_2", "prohibition", "States Parties", "place such weapons in outer space in any other manner"),
    ("art_2", "prohibition", "States Parties", "resort to the threat or use of force against outer space objects"),
    ("art_2", "prohibition", "States Parties", "assist other States"),  # verbs sharing an object: one entry each
    ("art_2", "prohibition", "States Parties", "induce other States"),
    ("art_3", "obligation", "each State Party", "take measures in accordance with its constitutional procedures"),
    ("art_4", "right", UNSPECIFIED, "exploration and use of outer space for peaceful purposes"),
    ("art_5", "right", "States Parties", "right of self-defence"),
    ("art_6", "obligation", "States Parties", "implement agreed confidence-building measures"),
    ("art_6", "obligation", UNSPECIFIED, "be the subject of a separate additional protocol"),  # a protocol to make
    ("art_7", "obligation", "States Parties concerned", "resolve the problem by negotiation and cooperation"),
    ("art_7", "permission", "States Parties concerned", "refer it to the executive organization"),
    ("art_8", "obligation", "States Parties", "establish the executive organization"),
    ("art_8", "obligation", UNSPECIFIED, "be the subject of a separate additional protocol"),
    ("art_9", "permission", "any State Party", "propose amendments"),
    ("art_9", "obligation", UNSPECIFIED, "be submitted to the Depositary"),
    ("art_9", "obligation", "the Depositary", "circulate it to all States Parties"),
    ("art_9", "obligation", "the Depositary", "convene a conference"),
    ("art_10", "right", "each State Party", "withdraw from this Treaty"),
    ("art_10", "obligation", "each State Party", "give notice of such withdrawal to the Depositary"),
    ("art_11", "permission", "any State", "accede to it at any time"),
    ("art_13", "obligation", "the Secretary-General", "receive instruments of ratification"),
    ("art_13", "obligation", "the Secretary-General", "inform all signatory and acceding States"),
    ("art_14", "obligation", "the Secretary-General", "send duly certified copies"),
]

PPWT_2014: list[Row] = [
    ("art_2", "prohibition", "States Parties", "place any weapons in outer space"),
    ("art_2", "prohibition", "States Parties", "resort to the threat or use of force against outer space objects"),
    ("art_2", "prohibition", "States Parties", "engage in outer space activities"),
    ("art_2", "prohibition", "States Parties", "assist other States"),
    ("art_2", "prohibition", "States Parties", "induce other States"),
    ("art_3", "obligation", "each State Party", "take all necessary measures"),
    ("art_4", "right", "States Parties", "inherent right of individual or collective self-defence"),
    ("art_5", "obligation", "States Parties", "agreed transparency and confidence-building measures"),
    ("art_5", "permission", UNSPECIFIED, "be the subject of a separate additional protocol"),  # 2008: shall
    ("art_6", "obligation", "States Parties", "establish the Executive Organization"),
    ("art_6", "obligation", "the Executive Organization", "receive for consideration inquiries"),
    ("art_6", "obligation", "the Executive Organization", "consider matters concerning compliance"),
    ("art_6", "obligation", "the Executive Organization", "organize consultations"),
    ("art_6", "obligation", "the Executive Organization", "conduct consultations"),
    ("art_6", "obligation", "the Executive Organization", "undertake measures to put an end to the violation"),
    ("art_6", "obligation", UNSPECIFIED, "be the subject of an additional protocol"),
    ("art_7", "obligation", "States Parties concerned", "be resolved by the States Parties concerned"),
    ("art_7", "permission", "any State Party concerned", "refer it to the Executive Organization"),
    ("art_8", "permission", "any State Party", "propose amendments"),
    ("art_8", "obligation", UNSPECIFIED, "be submitted to the Depositary"),
    ("art_8", "obligation", "the Depositary", "circulate it to all States Parties"),
    ("art_8", "obligation", "the Depositary", "convene a conference"),
    ("art_9", "right", "each State Party", "withdraw from this Treaty"),
    ("art_9", "obligation", "each State Party", "give notice of such withdrawal to the Depositary"),
    ("art_10", "permission", "any State", "accede to it at any time"),
    ("art_12", "obligation", "the Secretary-General", "receive instruments of ratification"),
    ("art_12", "obligation", "the Secretary-General", "inform all signatory and acceding States"),
    ("art_13", "obligation", "the Secretary-General", "send duly certified copies"),
]

OST_1967: list[Row] = [
    ("art_1", "obligation", UNSPECIFIED, "be carried out for the benefit and in the interests of all countries"),
    ("art_1", "right", "States", "be free for exploration and use by all States"),
    ("art_1", "right", UNSPECIFIED, "free access to all areas of celestial bodies"),
    ("art_1", "right", UNSPECIFIED, "freedom of scientific investigation in outer space"),
    ("art_1", "obligation", "States", "facilitate international co-operation"),
    ("art_1", "obligation", "States", "encourage international co-operation"),
    ("art_2", "prohibition", UNSPECIFIED, "national appropriation by claim of sovereignty"),  # "is not subject to"
    ("art_3", "obligation", "States Parties", "carry on activities in the exploration and use of outer space"),
    ("art_4", "prohibition", "States Parties", "place in orbit around the earth any objects carrying nuclear weapons"),
    ("art_4", "prohibition", "States Parties", "install such weapons on celestial bodies"),
    ("art_4", "prohibition", "States Parties", "station such weapons in outer space in any other manner"),
    ("art_4", "obligation", "States Parties", "exclusively for peaceful purposes"),
    ("art_4", "prohibition", UNSPECIFIED, "establishment of military bases"),
    ("art_4", "permission", UNSPECIFIED, "use of military personnel for scientific research"),
    ("art_4", "permission", UNSPECIFIED, "use of any equipment or facility necessary for peaceful exploration"),
    ("art_5", "obligation", "States Parties", "regard astronauts as envoys of mankind"),
    ("art_5", "obligation", "States Parties", "render to them all possible assistance"),
    ("art_5", "obligation", UNSPECIFIED, "returned to the State of registry"),
    ("art_5", "obligation", "astronauts", "render all possible assistance to the astronauts of other States Parties"),
    ("art_5", "obligation", "States Parties", "inform the other States Parties"),
    ("art_6", "obligation", "States Parties", "bear international responsibility for national activities"),
    ("art_6", "obligation", "the State concerned", "require authorization and continuing supervision"),
    ("art_6", "obligation", "the international organization and States Parties", "be borne"),
    ("art_7", "obligation", "each State Party", "internationally liable for damage"),  # "is internationally liable"
    ("art_8", "right", "a State Party", "retain jurisdiction and control over such object"),
    ("art_8", "obligation", UNSPECIFIED, "be returned to that State"),
    ("art_8", "obligation", "that State", "furnish identifying data"),
    ("art_9", "obligation", "States Parties", "be guided by the principle of co-operation"),
    ("art_9", "obligation", "States Parties", "conduct all their activities"),
    ("art_9", "obligation", "States Parties", "pursue studies of outer space"),
    ("art_9", "obligation", "States Parties", "adopt appropriate measures for this purpose"),
    ("art_9", "obligation", "a State Party", "undertake appropriate international consultations"),
    ("art_9", "permission", "a State Party", "request consultation concerning the activity or experiment"),
    ("art_10", "obligation", "States Parties", "consider on a basis of equality any requests"),
    ("art_10", "obligation", "States concerned", "be determined by agreement between the States concerned"),
    ("art_11", "obligation", "States Parties", "inform the Secretary-General"),
    ("art_11", "recommendation", "the Secretary-General", "be prepared to disseminate it"),
    ("art_12", "obligation", UNSPECIFIED, "be open to representatives of other States Parties"),
    ("art_12", "obligation", "representatives", "give reasonable advance notice of a projected visit"),
    ("art_13", "obligation", "States Parties", "be resolved by the States Parties"),
    ("art_14", "permission", "any State", "accede to it at any time"),
    ("art_14", "obligation", "the Depositary Governments", "inform all signatory and acceding States"),
    ("art_14", "obligation", "the Depositary Governments", "be registered by the Depositary Governments"),
    ("art_15", "permission", "any State Party", "propose amendments"),
    ("art_16", "permission", "any State Party", "give notice of its withdrawal"),
    ("art_17", "obligation", "the Depositary Governments", "be transmitted"),
]

PTBT_1963: list[Row] = [
    ("art_1", "obligation", "each Party", "prohibit any nuclear weapon test explosion"),
    ("art_1", "obligation", "each Party", "prevent any nuclear weapon test explosion"),
    ("art_1", "prohibition", "each Party", "carry out any nuclear weapon test explosion"),
    ("art_1", "prohibition", "each Party", "causing the carrying out of any nuclear weapon test explosion"),
    ("art_1", "prohibition", "each Party", "encouraging the carrying out of any nuclear weapon test explosion"),
    ("art_1", "prohibition", "each Party", "participating in the carrying out of any nuclear weapon test explosion"),
    ("art_2", "permission", "any Party", "propose amendments"),
    ("art_2", "obligation", UNSPECIFIED, "be submitted to the Depositary Governments"),
    ("art_2", "obligation", "the Depositary Governments", "circulate it to all Parties"),
    ("art_2", "obligation", "the Depositary Governments", "convene a conference"),
    ("art_2", "obligation", "the Depositary Governments", "invite all the Parties"),
    ("art_3", "permission", "any State", "accede to it at any time"),
    ("art_3", "obligation", "the Depositary Governments", "inform all signatory and acceding States"),
    ("art_3", "obligation", "the Depositary Governments", "be registered by the Depositary Governments"),
    ("art_4", "right", "each Party", "withdraw from the Treaty"),
    ("art_4", "obligation", "each Party", "give notice of such withdrawal to all other Parties"),
    ("art_5", "obligation", "the Depositary Governments", "be transmitted"),
]

MOON_1979: list[Row] = [
    ("art_2", "obligation", UNSPECIFIED, "be carried out in accordance with international law"),
    ("art_3", "obligation", "States Parties", "exclusively for peaceful purposes"),
    ("art_3", "prohibition", UNSPECIFIED, "threat or use of force or any other hostile act"),
    ("art_3", "prohibition", UNSPECIFIED, "use the moon in order to commit any such act"),
    ("art_3", "prohibition", "States Parties", "place in orbit around or other trajectory to or around the moon"),
    ("art_3", "prohibition", "States Parties", "place such weapons on or in the moon"),
    ("art_3", "prohibition", "States Parties", "use such weapons on or in the moon"),
    ("art_3", "prohibition", UNSPECIFIED, "establishment of military bases"),
    ("art_3", "permission", UNSPECIFIED, "use of military personnel for scientific research"),
    ("art_3", "permission", UNSPECIFIED, "use of any equipment or facility"),
    ("art_4", "obligation", UNSPECIFIED, "be carried out for the benefit and in the interests of all countries"),
    ("art_4", "obligation", UNSPECIFIED, "be paid to the interests of present and future generations"),
    ("art_4", "obligation", "States Parties", "be guided by the principle of co-operation"),
    ("art_4", "recommendation", UNSPECIFIED, "be as wide as possible"),
    ("art_4", "permission", UNSPECIFIED, "take place on a multilateral basis"),
    ("art_5", "obligation", "States Parties", "inform the Secretary-General of the United Nations as well"),
    ("art_5", "obligation", UNSPECIFIED, "be given in respect of each mission"),
    ("art_5", "obligation", UNSPECIFIED, "be furnished upon completion of the mission"),
    ("art_5", "obligation", UNSPECIFIED, "be given periodically"),
    ("art_5", "obligation", UNSPECIFIED, "be reported thereafter"),  # "need be reported"
    ("art_5", "obligation", "a State Party", "inform the other State of the timing"),
    ("art_5", "obligation", "States Parties", "inform the Secretary-General, as well as the public"),
    ("art_6", "right", "States Parties", "freedom of scientific investigation on the moon"),
    ("art_6", "right", "States Parties", "collect on the moon samples"),
    ("art_6", "right", "States Parties", "remove from the moon samples"),
    ("art_6", "permission", "States Parties", "be used by them for scientific purposes"),
    ("art_6", "recommendation", "States Parties", "making a portion of such samples available"),
    ("art_6", "permission", "States Parties", "use mineral and other substances of the moon"),
    ("art_6", "recommendation", "States Parties", "exchanging scientific and other personnel"),
    ("art_7", "obligation", "States Parties", "take measures to prevent the disruption"),
    ("art_7", "obligation", "States Parties", "take measures to avoid harmfully affecting"),
    ("art_7", "obligation", "States Parties", "inform the Secretary-General of the United Nations of the measures"),
    ("art_7", "obligation", "States Parties", "notify him in advance of all placements"),
    ("art_7", "obligation", "States Parties", "report to other States Parties"),
    ("art_8", "permission", "States Parties", "pursue their activities in the exploration and use of the moon"),
    ("art_8", "permission", "States Parties", "Land their space objects on the moon"),
    ("art_8", "permission", "States Parties", "launch them from the moon"),
    ("art_8", "permission", "States Parties", "Place their personnel"),
    ("art_8", "permission", UNSPECIFIED, "move or be moved freely"),
    ("art_8", "prohibition", "States Parties", "interfere with the activities of other States Parties"),
    ("art_8", "obligation", "States Parties concerned", "undertake consultations"),
    ("art_9", "permission", "States Parties", "establish manned and unmanned stations"),
    ("art_9", "obligation", "a State Party", "use only that area"),
    ("art_9", "obligation", "a State Party", "inform the Secretary-General of the United Nations of the location"),
    ("art_9", "obligation", "that State", "inform the Secretary-General whether the station continues in use"),
    ("art_9", "obligation", UNSPECIFIED, "be installed in such a manner"),
    ("art_10", "obligation", "States Parties", "adopt all practicable measures to safeguard"),
    ("art_10", "obligation", "States Parties", "regard any person on the moon as an astronaut"),
    ("art_10", "obligation", "States Parties", "offer shelter"),
    ("art_11", "prohibition", UNSPECIFIED, "national appropriation by any claim of sovereignty"),
    ("art_11", "right", "States Parties", "exploration and use of the moon without discrimination"),
    ("art_11", "obligation", "States Parties", "establish an international regime"),
    ("art_11", "obligation", "States Parties", "inform the Secretary-General"),
    ("art_11", "obligation", UNSPECIFIED, "be carried out in a manner compatible"),
    ("art_12", "right", "States Parties", "retain jurisdiction and control"),
    ("art_12", "obligation", UNSPECIFIED, "be dealt with in accordance with article 5"),
    ("art_12", "permission", "States Parties", "use the equipment, vehicles"),
    ("art_12", "obligation", UNSPECIFIED, "be made to the Secretary-General"),
    ("art_13", "obligation", "a State Party", "inform the launching State Party"),
    ("art_14", "obligation", "States Parties", "bear international responsibility"),
    ("art_14", "obligation", "States Parties", "ensure that non-governmental entities"),
    ("art_14", "obligation", UNSPECIFIED, "be elaborated in accordance with the procedure"),
    ("art_15", "permission", "each State Party", "assure itself"),
    ("art_15", "obligation", UNSPECIFIED, "be open to other States Parties"),
    ("art_15", "obligation", "States Parties", "give reasonable advance notice"),
    ("art_15", "permission", "any State Party", "act on its own behalf"),
    ("art_15", "permission", "a State Party", "request consultations with that State Party"),
    ("art_15", "obligation", "a State Party", "enter into such consultations without delay"),
    ("art_15", "right", "any other State Party", "take part in the consultations"),
    ("art_15", "obligation", "each State Party", "seek a mutually acceptable resolution"),
    ("art_15", "obligation", "each State Party", "bear in mind the rights and interests"),
    ("art_15", "obligation", UNSPECIFIED, "be informed of the results of the consultations"),
    ("art_15", "obligation", "the Secretary-General", "transmit the information received"),
    ("art_15", "obligation", "parties concerned", "settle the dispute by other peaceful means"),
    ("art_15", "permission", "any State Party", "seek the assistance of the Secretary-General"),
    ("art_15", "obligation", "a State Party", "participate in such consultations"),
    ("art_16", "obligation", "States members", "take all appropriate steps"),
    ("art_17", "permission", "any State Party", "propose amendments"),
    ("art_18", "obligation", UNSPECIFIED, "be included in the provisional agenda"),
    ("art_18", "obligation", "the Secretary-General", "convene a conference"),
    ("art_18", "obligation", "a review conference", "consider the question of the implementation"),
    ("art_19", "permission", "any State", "accede to it at any time"),
    ("art_19", "obligation", "the Secretary-General", "inform all signatory and acceding States"),
    ("art_20", "permission", "any State Party", "give notice of its withdrawal"),
    ("art_21", "obligation", "the Secretary-General", "send certified copies"),
]

TABLES = {
    "ppwt-2008": PPWT_2008,
    "ppwt-2014": PPWT_2014,
    "ost-1967": OST_1967,
    "ptbt-1963": PTBT_1963,
    "moon-1979": MOON_1979,
}


def _unmatched(found: tuple[Obligation, ...], table: list[Row]) -> tuple[list[Row], list[Obligation]]:
    """Pair rows with obligations one to one; return the rows and obligations left over."""
    left = list(found)
    missing: list[Row] = []
    for row in table:
        eid, modality, bearer, fragment = row
        match = next((o for o in left if o.eid == eid and o.modality == modality and o.bearer == bearer
                      and fragment in o.action), None)
        if match is None:
            missing.append(row)
        else:
            left.remove(match)
    return missing, left


@pytest.mark.parametrize("draft_id", list(TABLES))
def test_every_obligation_of_a_bundled_draft_is_found_and_nothing_else(draft_id: str) -> None:
    found = extract_obligations(load_corpus_draft(draft_id))
    missing, extra = _unmatched(found, TABLES[draft_id])
    assert missing == [], f"not found (recall): {missing}"
    assert extra == [], "found but not in the table (precision): " + "; ".join(
        f"{o.eid} {o.modality} {o.bearer}: {o.action}" for o in extra)


def test_the_hand_written_tables_cover_the_first_five_bundled_drafts() -> None:
    # The drafts added since (rescue-1968, liability-1972, registration-1975) are labelled in tests/data/labels.
    assert set(TABLES) == set(CORPUS_IDS[:5])
    assert [len(table) for table in TABLES.values()] == [25, 28, 46, 17, 85]


@pytest.mark.parametrize("draft_id", CORPUS_IDS)
def test_every_quote_is_the_provision_text_at_its_offsets(draft_id: str) -> None:
    draft = load_corpus_draft(draft_id)
    for obligation in extract_obligations(draft):
        text = draft.provision(obligation.eid).text
        assert text[obligation.start:obligation.end] == obligation.quote
        assert obligation.quote == obligation.quote.strip()
        assert obligation.quote in obligation.context or obligation.quote.split()[0] in obligation.context


def test_the_undertakings_of_one_article_get_one_entry_each_with_their_own_quote() -> None:
    draft = load_corpus_draft("ppwt-2008")
    article_2 = [o for o in extract_obligations(draft) if o.eid == "art_2"]
    assert [o.quote for o in article_2] == [
        "The States Parties undertake not to place in orbit around the Earth any objects carrying any kinds of weapons",
        "not to install such weapons on celestial bodies",
        "not to place such weapons in outer space in any other manner",
        "not to resort to the threat or use of force against outer space objects",
        "not to assist or induce other States, groups of States or international organizations to participate in "
        "activities prohibited by this Treaty",
        "induce other States, groups of States or international organizations to participate in activities "
        "prohibited by this Treaty",
    ]


def test_a_bare_verb_shares_the_object_of_the_undertaking_after_it() -> None:
    draft = load_corpus_draft("ptbt-1963")
    first = extract_obligations(draft)[0]
    assert (first.modality, first.verb) == ("obligation", "prohibit")
    assert first.object.startswith("any nuclear weapon test explosion")
    assert first.quote.endswith("at any place under its jurisdiction or control")


def test_conditions_are_kept_apart_from_the_action() -> None:
    draft = load_corpus_draft("ppwt-2008")
    withdraw = next(o for o in extract_obligations(draft) if o.eid == "art_10" and o.modality == "right")
    assert withdraw.action == "withdraw from this Treaty"
    assert withdraw.conditions[0] == "in exercising its national sovereignty"
    assert withdraw.conditions[1].startswith("if it decides that extraordinary events")


# -- the rules one at a time, on small purpose-made drafts ---------------------------------------


VERBATIM = Provenance("verbatim", Source("test", "written for the test"))
RECONSTRUCTED = Provenance("reconstructed", Source("guess", "reconstructed for the test"))


def _draft(*paragraphs: str, provenance: Provenance = VERBATIM) -> Draft:
    provisions = tuple(
        Provision(f"art_{n}", "article", f"Article {n}", None,
                  (Block(f"art_{n}", "paragraph", None, text, provenance),))
        for n, text in enumerate(paragraphs, 1)
    )
    return Draft(DraftMeta(id="test", title="A test treaty"), provisions)


def _summary(draft: Draft) -> list[tuple[str, str, str]]:
    return [(o.modality, o.bearer, o.action) for o in extract_obligations(draft)]


def test_each_modality_is_recognised_from_its_marker() -> None:
    draft = _draft(
        "Each State Party shall report annually to the Depositary.",
        "States Parties shall not test any weapon in orbit.",
        "Any State Party may request a meeting.",
        "Nothing in this Treaty shall be interpreted as impeding the exercise by the States Parties of their "
        "inherent right of self-defence.",
        "States Parties should exchange information on launches.",
        "States Parties are encouraged to share orbital data.",
        "The use of satellites for weather forecasting shall not be prohibited.",
        "The testing of weapons in orbit is prohibited.",
        "States Parties undertake to refrain from jamming satellites.",
    )
    assert [(m, b) for m, b, _ in _summary(draft)] == [
        ("obligation", "each State Party"),
        ("prohibition", "States Parties"),
        ("permission", "any State Party"),
        ("right", "States Parties"),
        ("recommendation", "States Parties"),
        ("recommendation", "States Parties"),
        ("permission", UNSPECIFIED),
        ("prohibition", UNSPECIFIED),
        ("prohibition", "States Parties"),
    ]


def test_constitutive_clauses_are_not_obligations() -> None:
    draft = _draft(
        "This Treaty shall be of unlimited duration.",
        "This Treaty shall enter into force on the date of the deposit of the tenth instrument of ratification.",
        "The Depositary of this Treaty shall be the Secretary-General of the United Nations.",
        "Such notice shall include a statement of the reasons.",
        "Amendments shall enter into force for each State Party accepting them.",
        "This Treaty shall be open for signature by all States.",
        "The Commission shall be composed of three members.",
    )
    assert _summary(draft) == []


def test_a_protocol_to_be_made_is_a_duty_and_may_be_made_a_permission() -> None:
    draft = _draft("The measures shall be the subject of a separate protocol.",
                   "Such measures may be the subject of a separate additional protocol.")
    assert [(m, b) for m, b, _ in _summary(draft)] == [("obligation", UNSPECIFIED), ("permission", UNSPECIFIED)]


def test_an_instrument_registered_by_a_named_agent_is_that_agents_duty() -> None:
    draft = _draft("This Treaty shall be registered by the Depositary Governments pursuant to Article 102 of the "
                   "Charter of the United Nations.",
                   "This Treaty shall be deposited in the archives of the Depositary Governments.")
    assert [(m, b) for m, b, _ in _summary(draft)] == [("obligation", "the Depositary Governments")]


def test_a_passive_with_an_agent_is_borne_by_the_agent_and_without_one_by_nobody_named() -> None:
    draft = _draft(
        "Disputes shall be settled by the States Parties concerned through negotiation.",
        "The text of any proposal shall be submitted to the Depositary.",
    )
    (settled, submitted) = extract_obligations(draft)
    assert (settled.bearer, settled.verb, settled.object) == ("States Parties concerned", "be settled", "Disputes")
    assert (submitted.bearer, submitted.bearer_named) == (UNSPECIFIED, False)


def test_a_relative_clause_and_a_coordinated_clause_are_obligations_of_their_own() -> None:
    draft = _draft("The proposal shall be sent to the Depositary, who shall circulate it to all States Parties "
                   "and shall convene a conference.")
    assert [(o.bearer, o.verb) for o in extract_obligations(draft)] == [
        (UNSPECIFIED, "be sent"), ("the Depositary", "circulate"), ("the Depositary", "convene")]


def test_a_modal_verb_inside_a_subordinate_clause_is_not_a_clause() -> None:
    draft = _draft(
        "States Parties shall inform the Secretary-General of any resources they may discover.",
        "Where interference may occur, the States Parties concerned shall consult each other.",
        "States Parties shall give notice of a visit, in order that consultations may be held.",
        "States Parties recognize that further arrangements may become necessary.",
    )
    assert [(o.eid, o.verb) for o in extract_obligations(draft)] == [
        ("art_1", "inform"), ("art_2", "consult"), ("art_3", "give")]


def test_it_refers_to_the_bearer_of_the_clause_before_or_to_the_party_in_a_leading_condition() -> None:
    draft = _draft(
        "Each State Party shall have the right to withdraw from this Treaty. It shall give notice of such "
        "withdrawal to the Depositary.",
        "If a State Party learns of an accident, it shall promptly inform the other States Parties.",
    )
    assert [o.bearer for o in extract_obligations(draft)] == ["each State Party", "each State Party", "a State Party"]


def test_the_points_of_a_list_take_the_bearer_and_marker_of_their_chapeau() -> None:
    chapeau = Block("art_1__list_1__intro", "intro", None, "Each State Party shall:", VERBATIM)
    points = (
        Block("art_1__list_1__point_a", "point", "(a)", "not deploy any weapons in outer space;", VERBATIM, depth=1),
        Block("art_1__list_1__point_b", "point", "(b)", "report annually to the Depositary.", VERBATIM, depth=1),
    )
    draft = Draft(DraftMeta(id="test", title="t"),
                  (Provision("art_1", "article", "Article 1", None, (chapeau, *points)),))
    found = extract_obligations(draft)
    assert [(o.modality, o.bearer, o.action, o.block) for o in found] == [
        ("prohibition", "each State Party", "deploy any weapons in outer space", "art_1__list_1__point_a"),
        ("obligation", "each State Party", "report annually to the Depositary", "art_1__list_1__point_b"),
    ]
    text = draft.provisions[0].text
    assert [text[o.start:o.end] for o in found] == ["not deploy any weapons in outer space",
                                                     "report annually to the Depositary"]


def test_the_preamble_and_definitions_are_not_searched() -> None:
    preamble = Provision("preamble", "preamble", None, None,
                         (Block("preamble__recs__rec_1", "recital", None,
                                "Convinced that States shall refrain from placing weapons in outer space,", VERBATIM),))
    definition = Provision("art_1", "article", "Article I", None,
                           (Block("art_1__list_1__point_a", "point", "(a)",
                                  'an object shall be regarded as "placed" if it orbits the Earth;', VERBATIM,
                                  terms=("placed",)),))
    draft = Draft(DraftMeta(id="test", title="t"), (preamble, definition))
    assert extract_obligations(draft) == ()


def test_the_extractor_does_not_depend_on_draft_ids_or_eids() -> None:
    original = load_corpus_draft("ost-1967")
    renamed = replace(
        original,
        meta=replace(original.meta, id="renamed"),
        provisions=tuple(replace(p, eid=f"x{i}", blocks=tuple(replace(b, eid=f"x{i}_{j}") for j, b in
                                                                   enumerate(p.blocks)))
                         for i, p in enumerate(original.provisions)),
    )

    def strip(found: tuple[Obligation, ...]) -> list[tuple[str, ...]]:
        return [(o.modality, o.bearer, o.action, o.quote, str(o.start)) for o in found]

    assert strip(extract_obligations(renamed)) == strip(extract_obligations(original))


def test_canonical_bearers_are_short_names() -> None:
    assert canonical_bearer("Each of the Parties to this Treaty") == "each Party"
    assert canonical_bearer("The States Parties to this Treaty") == "States Parties"
    assert canonical_bearer("any of the States Parties concerned") == "any State Party concerned"
    assert canonical_bearer("the Secretary-General of the United Nations") == "the Secretary-General"
    assert canonical_bearer("the executive organization of the Treaty") == "the Executive Organization"
    assert canonical_bearer("the astronauts of one State Party") == "astronauts"


# -- output -------------------------------------------------------------------------------------------


def test_the_json_listing_follows_the_contract() -> None:
    draft = load_corpus_draft("ppwt-2008")
    data = json.loads(json.dumps(obligations_to_dict(draft, extract_obligations(draft))))
    assert data["draft"] == "ppwt-2008"
    first = data["obligations"][0]
    for key in ("eId", "num", "modality", "bearer", "action", "quote", "start", "end"):
        assert key in first
    assert first["eId"] == "art_2" and first["num"] == "Article II"
    assert first["action"] == "place in orbit around the Earth any objects carrying any kinds of weapons"
    assert {o["modality"] for o in data["obligations"]} <= set(MODALITIES)
    assert sum(data["counts"].values()) == len(data["obligations"])


def test_the_text_listing_groups_by_provision_and_flags_reconstructed_text() -> None:
    draft = load_corpus_draft("ppwt-2008")
    text = obligations_to_text(draft, extract_obligations(draft))
    assert "Article II (art_2)  [reconstructed text, NOT the official wording]" in text
    assert text.index("Article II (art_2)") < text.index("Article III (art_3)")
    verbatim = load_corpus_draft("ost-1967")
    assert "reconstructed" not in obligations_to_text(verbatim, extract_obligations(verbatim))


def test_a_reconstructed_block_marks_its_obligations() -> None:
    found = extract_obligations(_draft("States Parties shall report.", provenance=RECONSTRUCTED))
    assert [o.reconstructed for o in found] == [True]
    assert obligations_to_dict(_draft("States Parties shall report."), found)["obligations"][0]["provenance"] == \
        "reconstructed"


def test_an_empty_draft_lists_no_obligation() -> None:
    draft = _draft("This Treaty shall be of unlimited duration.")
    assert "No deontic clause found." in obligations_to_text(draft, extract_obligations(draft))


# -- the fast paths find what the plain regular expressions find ----------------------------------------

_TRICKY = (
    "This entitled to", "marshall be forbidden", "Tishall be forbidden", "Therefrain from", "musthere shall be",
    "Nothing in this Agreement shall be construed as affecting", "There shall be freedom of access",
    "States Parties shall, in exercising their sovereignty, have the right to", "is also encouraged to",
    "agrees on the desirability of", "shall also not be prohibited", "undertakes furthermore to refrain from",
    "shall retain jurisdiction", "shall be free for", "will be entitled to", "may not, must not, should",
    "band or and, ; : .", "for and", "report and", "report, or", "or", "and", "  ,; \n", "and/or", "x_and",
)


def _texts() -> list[str]:
    return [p.text for draft_id in CORPUS_IDS for p in load_corpus_draft(draft_id).provisions] + list(_TRICKY)


def test_markers_are_found_where_the_full_marker_pattern_finds_them() -> None:
    for text in _texts():
        for piece in (text, text + " shall", "is" + text, text.replace(" ", "")):
            expected = [(m.span(), m.lastgroup) for m in MARKER_RE.finditer(piece)]
            assert [(m.span(), m.lastgroup) for m in markers(piece)] == expected, piece


def test_a_clause_span_loses_the_trail_the_trail_pattern_defines() -> None:
    for text in _texts():
        ends = {len(text), *(i for i, c in enumerate(text) if c in " ,;:.d r")}
        for end in sorted(ends)[:400]:
            for start in {0, max(0, end - 12), max(0, end - 4)}:
                trimmed = start
                while trimmed < end and text[trimmed] in " ,;:\n":
                    trimmed += 1
                tail = CLAUSE_TRAIL.search(text[trimmed:end])
                expected = (trimmed, trimmed + tail.start() if tail else end)
                assert trim_span(text, start, end) == expected, (text[start:end], start, end)


def test_an_article_worded_as_one_already_read_gives_the_same_obligations_as_when_read_afresh() -> None:
    from treaty_diff.testing.generate import generate_pair, scale_draft

    corpus = [load_corpus_draft(draft_id) for draft_id in CORPUS_IDS]
    generated = generate_pair(scale_draft(corpus, 60, seed=3), 3)
    pairs = [(load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014")), (generated.old, generated.new)]
    for old, new in pairs:
        memo: ExtractionMemo = {}
        assert extract_obligations(old, memo) == extract_obligations(old)
        reused = len(memo)
        assert extract_obligations(new, memo) == extract_obligations(new)
        assert len(memo) < reused + len(new.articles)  # some articles were not read again
