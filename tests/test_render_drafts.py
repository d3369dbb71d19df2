"""`list`: how much of each bundled draft is reconstructed, said in numbers (render/drafts.py)."""

from __future__ import annotations

import json

from support.cli import Run

from treaty_diff.model.draft import Block, BlockKind, Draft, DraftMeta, Provenance, Provision, ProvisionKind, Source
from treaty_diff.read.corpus import CORPUS_IDS, load_corpus_draft
from treaty_diff.render.drafts import provenance_detail

OFFICIAL = Provenance("verbatim", Source("un", "the official text"))
RECORD = Provenance("reconstructed", Source("record", "restated from the record"))


def _provision(eid: str, kind: ProvisionKind, num: str | None,
               blocks: list[tuple[str, BlockKind, str | None, Provenance]]) -> Provision:
    return Provision(eid, kind, num, None, tuple(Block(f"{eid}__{b}", k, n, "Text.", p) for b, k, n, p in blocks))


def _draft(*provisions: Provision) -> Draft:
    return Draft(DraftMeta(id="d", title="D"), provisions)


def test_the_provenance_of_the_ppwt_drafts_is_said_in_articles_and_recitals() -> None:
    assert provenance_detail(load_corpus_draft("ppwt-2008")) == (
        "reconstructed: 14 of 14 articles, preamble in part; verbatim: title, preamble 1-4")
    assert provenance_detail(load_corpus_draft("ppwt-2014")) == (
        "reconstructed: 12 of 13 articles, Article I in part; verbatim: title, preamble, Article I chapeau")


def test_a_draft_that_is_official_text_throughout_is_simply_verbatim() -> None:
    for draft_id in ("ost-1967", "ptbt-1963", "moon-1979", "rescue-1968", "liability-1972", "registration-1975"):
        assert provenance_detail(load_corpus_draft(draft_id)) == "verbatim"


def test_the_verbatim_parts_are_named_down_to_the_paragraph_and_runs_of_recitals_are_ranges() -> None:
    draft = _draft(
        _provision("preface", "title", None, [("p_1", "title", None, OFFICIAL)]),
        _provision("preamble", "preamble", None, [
            ("recs__intro", "intro", None, OFFICIAL), ("recs__rec_1", "recital", None, OFFICIAL),
            ("recs__rec_2", "recital", None, RECORD), ("recs__rec_3", "recital", None, OFFICIAL),
            ("recs__rec_4", "recital", None, OFFICIAL), ("formula", "formula", None, RECORD)]),
        _provision("art_1", "article", "Article 1", [("para_1", "paragraph", "1.", OFFICIAL),
                                                     ("para_2", "paragraph", "2.", RECORD)]),
        _provision("art_2", "article", "Article 2", [("para_1", "paragraph", None, OFFICIAL)]),
        _provision("art_3", "article", "Article 3", [("para_1", "paragraph", None, RECORD)]),
        _provision("art_4", "article", "Article 4", [("list_1__intro", "intro", None, RECORD),
                                                     ("list_1__point_a", "point", "(a)", OFFICIAL)]),
        _provision("conclusions", "conclusions", None, [("p_1", "p", None, RECORD)]),
    )
    assert provenance_detail(draft) == (
        "reconstructed: 1 of 4 articles, Articles 1 and 4 in part, preamble in part, final clause; "
        "verbatim: title, preamble opening, 1, 3-4, 1 of 4 articles, Article 1 (1), Article 4 (a)")


def test_a_draft_reconstructed_throughout_says_so_in_one_word() -> None:
    draft = _draft(_provision("art_1", "article", "Article 1", [("para_1", "paragraph", None, RECORD)]))
    assert provenance_detail(draft) == "reconstructed"


def test_list_keeps_its_json_fields_and_adds_the_detail(run: Run) -> None:
    rows = {row["id"]: row for row in json.loads(run("list", "--format", "json").out)["drafts"]}
    assert list(rows) == list(CORPUS_IDS)
    ppwt = rows["ppwt-2008"]
    assert ppwt["provenance"] == "reconstructed in part: 1 verbatim, 1 mixed, 14 reconstructed"
    assert ppwt["provenance_counts"] == {"verbatim": 1, "mixed": 1, "reconstructed": 14}
    assert ppwt["provenance_detail"] == provenance_detail(load_corpus_draft("ppwt-2008"))
    assert rows["liability-1972"]["provenance_detail"] == "verbatim"


def test_the_list_table_shows_how_many_articles_are_reconstructed_within_100_columns(run: Run) -> None:
    lines = run("list").out.splitlines()
    assert lines[0].split()[:6] == ["id", "symbol", "date", "articles", "words", "provenance"]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert list(rows) == list(CORPUS_IDS)
    figure = "reconstructed: 14 of 14 articles"
    assert figure in rows["ppwt-2008"]
    assert rows["ppwt-2008"].index(figure) + len(figure) <= 100
    assert "reconstructed: 12 of 13 articles" in rows["ppwt-2014"]
    assert " verbatim " in rows["registration-1975"]
