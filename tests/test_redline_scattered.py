"""A split or merge whose parts stand apart in a draft: shown part by part, so each draft reads in its own order.

Old Article 1 is split into new Articles 1 and 4 (new Articles 2 and 3 stand
between them), and old Articles 4 and 6 are merged into new Article 5 (old
Article 5 stood between them). Shown at one place, accepting every change of
the redline would put new Article 4 before new Article 2, and rejecting every
change would put old Article 6 before old Article 5. The redline shows each
old provision deleted at its own old place and each new one inserted at its
own new place instead (redline roles ``part-from`` and ``part-to``).
"""

from __future__ import annotations

import json

import jsonschema
import pytest
from support.docx import NS, body_paragraphs, part, redline, resolve, w
from support.fixtures import B, comparison_schema, scattered
from support.html import normalise, parse, side_text
from support.typed import text_of

from treaty_diff.compare import compare
from treaty_diff.model.comparison import Comparison, RedlineItem
from treaty_diff.model.draft import BLOCK_SEPARATOR, Draft
from treaty_diff.read.corpus import load_corpus
from treaty_diff.render.html.page import render_html
from treaty_diff.render.json import comparison_dict
from treaty_diff.testing.generate import Rates, generate_pair, scale_draft


def _blocks(draft: Draft) -> list[str]:
    return [block for provision in draft.provisions for block in provision.text.split(BLOCK_SEPARATOR)]


def _words(draft: Draft) -> str:
    return normalise(" ".join(p.text for p in draft.provisions))


def test_the_drafts_hold_a_split_and_a_merge_whose_parts_stand_apart() -> None:
    _, _, comparison = scattered()
    groups = [(c.kind, [p.eid for p in c.old], [p.eid for p in c.new]) for c in comparison.changes]
    assert ("split", ["art_1"], ["art_1", "art_4"]) in groups
    assert ("merged", ["art_4", "art_6"], ["art_5"]) in groups


def test_each_part_of_a_split_or_merge_that_stands_apart_has_its_own_place_in_the_redline() -> None:
    _, _, comparison = scattered()
    split = next(c.id for c in comparison.changes if c.kind == "split")
    merged = next(c.id for c in comparison.changes if c.kind == "merged")
    parts = [(item.change_id, item.role, item.eids) for item in comparison.redline if item.role.startswith("part")]
    assert parts == [
        (split, "part-from", ("art_1",)), (split, "part-to", ("art_1",)),
        (merged, "part-from", ("art_4",)), (split, "part-to", ("art_4",)), (merged, "part-to", ("art_5",)),
        (merged, "part-from", ("art_6",)),
    ]
    assert all(item.role == "change" for item in comparison.redline if item.change_id not in (split, merged))


def test_the_redline_lists_each_drafts_provisions_in_that_drafts_order() -> None:
    old, new, comparison = scattered()
    assert [p.eid for p in comparison.provisions_in_order("old")] == [p.eid for p in old.provisions]
    assert [p.eid for p in comparison.provisions_in_order("new")] == [p.eid for p in new.provisions]


def test_a_redline_item_shows_only_the_provisions_it_names_and_only_on_its_side() -> None:
    _, _, comparison = scattered()
    split = next(c for c in comparison.changes if c.kind == "split")
    item = RedlineItem(split.id, "part-to", ("art_4",))
    assert [p.eid for p in comparison.shown(item, "new")] == ["art_4"]
    assert comparison.shown(item, "old") == ()
    assert [p.eid for p in comparison.shown(RedlineItem(split.id, "change"), "new")] == ["art_1", "art_4"]


# -- JSON ------------------------------------------------------------------------------------------------------


def test_the_json_redline_names_the_provisions_each_part_shows_and_validates_against_the_schema() -> None:
    _, _, comparison = scattered()
    data = json.loads(json.dumps(comparison_dict(comparison)))
    jsonschema.validate(data, comparison_schema())
    by_role: dict[str, list[list[str]]] = {}
    for entry in data["redline"]:
        if entry["role"].startswith("part"):
            by_role.setdefault(entry["role"], []).append(entry["eIds"])
        else:
            assert "eIds" not in entry
    assert by_role == {"part-from": [["art_1"], ["art_4"], ["art_6"]], "part-to": [["art_1"], ["art_4"], ["art_5"]]}


# -- HTML ------------------------------------------------------------------------------------------------------


def test_removing_insertions_from_the_html_redline_leaves_the_old_draft_in_its_order() -> None:
    old, _, comparison = scattered()
    assert side_text(parse(render_html(comparison)), drop="ins") == _words(old)


def test_removing_deletions_from_the_html_redline_leaves_the_new_draft_in_its_order() -> None:
    _, new, comparison = scattered()
    assert side_text(parse(render_html(comparison)), drop="del") == _words(new)


def test_each_html_part_is_wholly_deleted_or_inserted_and_links_to_the_other_parts() -> None:
    _, _, comparison = scattered()
    doc = parse(render_html(comparison))
    part_to = doc.get_element_by_id("new-art_4")
    assert part_to.get("data-role") == "part-to" and part_to.get("data-new-eid") == "art_4"
    assert part_to.xpath(".//del") == []
    assert normalise(" ".join(part_to.xpath(".//ins/text()"))) == normalise("Article 4 " + B.replace("register", "record"))
    description = normalise(" ".join(part_to.xpath('.//*[@class="description"]/text()')))
    assert description.startswith("Article 1 is split into Article 1 and Article 4")
    assert "new Article 4 is shown inserted here" in description
    links = part_to.xpath('.//a[@class="move-link"]/@href')
    assert links == ["#old-art_1", "#new-art_1"]
    assert all(doc.get_element_by_id(href[1:]) is not None for href in links)
    part_from = doc.get_element_by_id("old-art_6")
    assert part_from.get("data-role") == "part-from" and part_from.get("data-old-eid") == "art_6"
    assert part_from.xpath(".//ins") == []
    assert part_from.xpath('.//a[@class="move-link"]/@href') == ["#old-art_4", "#new-art_5"]


def test_the_side_by_side_view_shows_a_split_in_parts_once_with_its_word_changes() -> None:
    _, _, comparison = scattered()
    split = next(c for c in comparison.changes if c.kind == "split")
    doc = parse(render_html(comparison))
    heads = doc.xpath(f'//table[@class="sbs"]//tr[@class="change-head"][@data-change="{split.id}"]')
    assert len(heads) == 1
    view = doc.get_element_by_id("sbs-view")
    assert "register" in view.xpath(f'.//del[@data-change="{split.id}"]/text()')
    assert "record" in view.xpath(f'.//ins[@data-change="{split.id}"]/text()')


# -- DOCX ------------------------------------------------------------------------------------------------------


def test_accepting_all_changes_puts_the_parts_of_a_split_in_the_new_drafts_order() -> None:
    _, new, comparison = scattered()
    assert resolve(body_paragraphs(redline(comparison)), accept=True) == _blocks(new)


def test_rejecting_all_changes_puts_the_parts_of_a_merge_in_the_old_drafts_order() -> None:
    old, _, comparison = scattered()
    assert resolve(body_paragraphs(redline(comparison)), accept=False) == _blocks(old)


def test_the_parts_are_plain_insertions_and_deletions_not_moves_word_would_pair_one_to_one() -> None:
    document = part(redline(scattered()[2]), "word/document.xml")
    assert document.findall(".//w:moveFrom", NS) == [] and document.findall(".//w:moveTo", NS) == []
    assert document.findall(".//w:moveFromRangeStart", NS) == []


def test_each_docx_part_carries_a_comment_saying_where_the_other_parts_are() -> None:
    data = redline(scattered()[2])
    texts = [text_of(c) for c in part(data, "word/comments.xml").iter(w("comment"))]
    assert ("Split: Article 1 in old becomes Articles 1 and 4 in new. The parts stand apart: Article 4 in new is "
            "shown inserted here, Article 1 in new is shown inserted where it stands and Article 1 in old is shown "
            "deleted where it stood. The wording is also amended (4 words added, 4 words removed); the inserted text "
            "is the new wording.") in texts
    assert ("Split: Article 1 in old becomes Articles 1 and 4 in new. The parts stand apart: Article 1 in old is "
            "shown deleted here and Articles 1 and 4 in new are shown inserted where they stand. The wording is also "
            "amended (4 words added, 4 words removed); the deleted text is the old wording.") in texts
    assert ("Merged: Articles 4 and 6 in old become Article 5 in new. The parts stand apart: Article 6 in old is "
            "shown deleted here, Article 4 in old is shown deleted where it stood and Article 5 in new is shown "
            "inserted where it stands.") in texts


# -- generated pairs -------------------------------------------------------------------------------------------

#: Rates that make splits and merges (and moves, which set their parts apart) common in a short draft.
SCATTERING = Rates(move=0.12, split=0.12, merge=0.12)


@pytest.fixture(scope="module")
def generated() -> list[tuple[Draft, Draft, Comparison]]:
    corpus = load_corpus()
    pairs = []
    for seed in range(20):
        pair = generate_pair(scale_draft(corpus, 30, seed=seed), seed, SCATTERING)
        pairs.append((pair.old, pair.new, compare(pair.old, pair.new)))
    return pairs


def test_generated_pairs_hold_splits_and_merges_whose_parts_stand_apart(
        generated: list[tuple[Draft, Draft, Comparison]]) -> None:
    roles = [item.role for _, _, comparison in generated for item in comparison.redline]
    assert roles.count("part-from") >= 10 and roles.count("part-to") >= 10


def test_the_html_redline_of_generated_pairs_gives_each_draft_in_its_order(
        generated: list[tuple[Draft, Draft, Comparison]]) -> None:
    for old, new, comparison in generated:
        doc = parse(render_html(comparison))
        assert side_text(doc, drop="ins") == _words(old)
        assert side_text(doc, drop="del") == _words(new)


def test_accepting_and_rejecting_the_docx_redline_of_generated_pairs_gives_each_draft_in_its_order(
        generated: list[tuple[Draft, Draft, Comparison]]) -> None:
    for old, new, comparison in generated:
        paragraphs = body_paragraphs(redline(comparison))
        assert resolve(paragraphs, accept=True) == _blocks(new)
        assert resolve(paragraphs, accept=False) == _blocks(old)
