"""The HTML redline report, read back with lxml: escaping, structure, the text invariant, counts, anchors."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import itertools
import re
from pathlib import Path

import lxml.html
import pytest
from lxml import etree
from support.cli import Run
from support.fixtures import HOSTILE, nested_lists, sample_comparison
from support.html import Doc, contrast, expected_marks, layouts, new_texts, normalise, old_texts, parse, side_text
from support.typed import xpath_elements

from treaty_diff.compare import compare
from treaty_diff.model.comparison import Comparison, Line, PartChange, ProvisionInfo
from treaty_diff.model.segments import Segment
from treaty_diff.read.corpus import load_corpus_draft
from treaty_diff.render.base import RenderOptions, get_renderer
from treaty_diff.render.html.obligations import obligations_section
from treaty_diff.render.html.page import render_html
from treaty_diff.render.html.redline import cut_at_shared_breaks
from treaty_diff.render.html.style import CONTRAST_PAIRS, PALETTE, SCRIPT, stylesheet


@pytest.fixture(scope="module")
def sample_html() -> str:
    return render_html(sample_comparison())


@pytest.fixture(scope="module")
def sample(sample_html: str) -> Doc:
    return parse(sample_html)


# -- registry and document ----------------------------------------------------------------------------


def test_the_html_renderer_is_registered_as_a_text_format_writing_html_files() -> None:
    renderer = get_renderer("comparison", "html")
    assert renderer.extension == "html" and renderer.binary is False
    output = renderer.render(sample_comparison(), RenderOptions())
    assert isinstance(output, str) and output.startswith("<!DOCTYPE html>")


def test_the_page_declares_its_language_charset_and_title(sample: Doc) -> None:
    assert sample.get("lang") == "en"
    assert sample.xpath("//head/meta[1]/@charset") == ["utf-8"]
    assert "CD/1" in sample.findtext(".//title") and "CD/2" in sample.findtext(".//title")


def test_rendering_twice_gives_the_same_bytes() -> None:
    assert render_html(sample_comparison()) == render_html(sample_comparison())


# -- escaping -----------------------------------------------------------------------------------------


def test_hostile_draft_text_is_escaped_and_shown_as_text(sample_html: str, sample: Doc) -> None:
    assert "<script>alert" not in sample_html
    assert "<img" not in sample_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in sample_html
    assert len(sample.xpath("//script")) == 1 and "alert" not in sample.xpath("//script")[0].text
    assert sample.xpath("//img") == []
    assert HOSTILE in sample.get_element_by_id("redline").text_content()


def test_hostile_text_in_metadata_and_attributes_is_escaped_too() -> None:
    comparison = sample_comparison()
    hostile_meta = dataclasses.replace(comparison.new, title=HOSTILE, symbol='x" onmouseover="alert(1)')
    html = render_html(dataclasses.replace(comparison, new=hostile_meta))
    doc = parse(html)
    assert doc.xpath("//img") == [] and len(doc.xpath("//script")) == 1
    assert doc.xpath("//@onmouseover") == [] and doc.xpath("//@onerror") == []
    assert HOSTILE in doc.findtext(".//title")


def test_control_characters_in_draft_text_do_not_break_the_report() -> None:
    comparison = sample_comparison()
    text = "bad \x00\x0b text"
    preamble = comparison.changes[0]
    line = dataclasses.replace(preamble.parts[0].old[0], text=text)
    info = dataclasses.replace(preamble.old[0], text=text)
    broken = dataclasses.replace(
        preamble, old=(info,), new=(info,), segments=(Segment("equal", text),),
        parts=(dataclasses.replace(preamble.parts[0], old=(line,), new=(line,), segments=(Segment("equal", text),)),))
    html = render_html(dataclasses.replace(comparison, changes=(broken, *comparison.changes[1:])))
    assert "bad \ufffd\ufffd text" in parse(html).get_element_by_id("redline").text_content()


# -- self-contained -----------------------------------------------------------------------------------


def test_the_content_security_policy_forbids_every_fetch_and_allows_the_script_by_its_hash(sample: Doc) -> None:
    policy = sample.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')[0]
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert "default-src 'none'" in policy
    assert f"script-src 'sha256-{digest}'" in policy
    assert sample.xpath("//script")[0].text == SCRIPT
    # The policy comes before anything it governs.
    head = sample.find("head")
    names = [child.tag for child in head]
    assert names.index("meta") < names.index("style")


def test_the_page_refers_to_no_other_address(sample_html: str, sample: Doc) -> None:
    for attribute in ("src", "href", "action", "srcset", "poster", "data"):
        for value in sample.xpath(f"//@{attribute}"):
            assert value.startswith("#"), (attribute, value)
    css = stylesheet()
    assert "url(" not in css and "@import" not in css and "@font-face" not in css
    assert sample.xpath("//link") == [] and sample.xpath("//iframe | //object | //embed") == []


def test_a_static_report_has_no_script_and_forbids_scripts() -> None:
    doc = parse(render_html(sample_comparison(), RenderOptions(static=True)))
    assert doc.xpath("//script") == []
    assert "script-src 'none'" in doc.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')[0]


# -- header, summary, definitions, legend -------------------------------------------------------------


def test_the_header_names_both_drafts_and_the_drafts_section_gives_their_metadata(sample: Doc) -> None:
    header = normalise(sample.find(".//header").text_content())
    for expected in ("Old Treaty", "New Treaty", "CD/1", "CD/2", "2008-01-01", "2014-01-01"):
        assert expected in header
    drafts = normalise(sample.get_element_by_id("drafts").text_content())
    for expected in ("Old Treaty", "New Treaty", "CD/1", "CD/2", "2008-01-01", "2014-01-01",
                     "Russian Federation, China", "old-draft", "new-draft"):
        assert expected in drafts


def test_the_page_opens_on_what_changed_and_the_redline_and_keeps_the_tables_and_metadata_for_the_end(
        sample: Doc) -> None:
    ids = [e.get("id") for e in sample.xpath("//*[@id]")
           if e.get("id") in ("summary", "redline-view", "sbs-view", "definitions", "changes", "drafts")]
    assert ids == ["summary", "redline-view", "sbs-view", "definitions", "changes", "drafts"]
    listed = sample.xpath('//*[@id="summary"]//ol[@class="change-list"]/li')
    assert [li.get("data-change") for li in listed] == [c.id for c in sample_comparison().changes if c.changed]
    for li in listed:
        href = li.xpath("./a/@href")[0]
        assert sample.get_element_by_id(href[1:]).xpath('ancestor-or-self::*[@id="redline"]')
    assert normalise(listed[-1].text_content()) == "Article V (was Article III) renumbered moved"


def test_what_changed_lists_the_dropped_and_weakened_obligations_with_links_to_their_clauses(
        ppwt: tuple[Comparison, Doc, str]) -> None:
    comparison, doc, _ = ppwt
    assert comparison.obligations is not None
    wanted = [c for c in comparison.obligations.changes if c.status in ("dropped", "weakened")]
    listed = doc.xpath('//*[@id="summary"]//ul[@class="obligation-list"]/li')
    assert wanted and [li.get("data-status") for li in listed] == [c.status for c in wanted]
    for li, change in zip(listed, wanted):
        assert change.headline in normalise(li.text_content())
        links = li.xpath(".//a/@href")
        assert links and all(doc.get_element_by_id(link[1:]).xpath('ancestor-or-self::*[@id="redline"]')
                             for link in links)


def test_the_provenance_banner_names_the_reconstructed_provisions_of_each_draft(sample: Doc) -> None:
    banner = sample.find_class("banner")[0]
    text = normalise(banner.text_content())
    assert "Reconstructed text" in text and "Article I" in text
    assert set(banner.xpath(".//a/@href")) == {"#old-art_1", "#new-art_1"}
    assert "Article II" not in text  # verbatim provisions are not named


def test_there_is_no_provenance_banner_when_every_provision_is_verbatim() -> None:
    comparison = sample_comparison()

    def verbatim(info: ProvisionInfo) -> ProvisionInfo:
        return dataclasses.replace(info, provenance="verbatim", reconstructed=())

    changes = tuple(dataclasses.replace(c, old=tuple(map(verbatim, c.old)), new=tuple(map(verbatim, c.new)))
                    for c in comparison.changes)
    doc = parse(render_html(dataclasses.replace(comparison, changes=changes)))
    assert doc.find_class("banner") == []
    assert doc.xpath('//*[@id="redline"]//*[contains(@class, "badge-reconstructed")]') == []


def test_the_summary_has_one_row_per_change_linking_to_the_redline(sample: Doc) -> None:
    rows = sample.xpath('//table[@class="summary"]/tbody/tr')
    assert [row.get("data-change") for row in rows] == [c.id for c in sample_comparison().changes]
    ids = set(sample.xpath("//@id"))
    for row in rows:
        links = row.xpath(".//a/@href")
        assert links and all(link[1:] in ids and sample.get_element_by_id(link[1:]).xpath(
            'ancestor-or-self::*[@id="redline"]') for link in links)
    split = sample.xpath('//table[@class="summary"]/tbody/tr[@data-change="c5"]')[0]
    assert [normalise(td.text_content()) for td in split.findall("td")[:2]] == ["Article IV", "Article III, Article IV"]
    assert [b.text for b in split.find_class("badge")] == ["split", "renumbered"]
    moved = sample.xpath('//table[@class="summary"]/tbody/tr[@data-change="c6"]')[0]
    assert "moved" in [b.text for b in moved.find_class("badge")]
    assert "90 %" in sample.xpath('//table[@class="summary"]//tr[@data-change="c2"]')[0].text_content()


def test_changed_only_leaves_unchanged_provisions_out_of_the_summary_but_not_out_of_the_redline() -> None:
    doc = parse(render_html(sample_comparison(), RenderOptions(changed_only=True)))
    rows = doc.xpath('//table[@class="summary"]/tbody/tr/@data-change')
    assert "c1" not in rows and "c6" in rows  # c6 is unchanged in wording but moved and renumbered
    assert doc.xpath('//*[@id="redline"]/section[@data-change="c1"]')


def test_changed_definitions_are_listed_with_their_changes_marked(sample: Doc) -> None:
    section = sample.get_element_by_id("definitions")
    rows = section.xpath(".//tbody/tr")
    assert len(rows) == 2
    assert "weapons in outer space → weapon in outer space" in normalise(rows[0].text_content())
    assert rows[0].xpath(".//del/text()") == ["s"]
    assert rows[1].xpath(".//del/text()") == ["outer space"]


def test_the_legend_explains_insertions_deletions_and_every_badge(sample: Doc) -> None:
    legend = sample.get_element_by_id("legend")
    assert legend.xpath(".//ins") and legend.xpath(".//del")
    badges = {b.text for b in legend.find_class("badge")}
    assert badges >= {"modified", "inserted", "deleted", "split", "merged", "renumbered", "moved", "reconstructed"}


def test_the_obligations_hook_adds_no_section_until_the_comparison_carries_obligations(sample: Doc) -> None:
    assert obligations_section(sample_comparison()) is None
    assert sample.xpath('//*[@id="obligations"]') == []


# -- the redline ----------------------------------------------------------------------------------------


def test_without_insertions_and_annotations_the_redline_is_the_old_drafts_text_in_order(sample: Doc) -> None:
    expected = old_texts(sample_comparison(), ["preamble", "art_1", "art_2", "art_3", "art_4"])
    assert side_text(sample, drop="ins") == expected


def test_without_deletions_and_annotations_the_redline_is_the_new_drafts_text_in_order(sample: Doc) -> None:
    expected = new_texts(sample_comparison(), ["preamble", "art_1", "art_2", "art_3", "art_4", "art_5"])
    assert side_text(sample, drop="del") == expected


def test_the_redline_has_one_section_per_redline_item_in_the_new_drafts_order(sample: Doc) -> None:
    sections = sample.xpath('//*[@id="redline"]/section')
    assert [(s.get("data-change"), s.get("data-role")) for s in sections] == [
        (item.change_id, item.role) for item in sample_comparison().redline
    ]


def test_the_numbers_of_insertions_and_deletions_match_the_comparison(sample: Doc) -> None:
    comparison = sample_comparison()
    ins = sample.xpath('//*[@id="redline"]//ins[not(contains(@class, "moved"))]')
    wrappers = sample.xpath('//*[@id="redline"]//ins[contains(@class, "moved")]')
    dels = sample.xpath('//*[@id="redline"]//del')
    # Counted by hand from the fixture: c2 1, c4 2, c5 2 (from its segments), c6 moved-to 1 (its new num) |
    # c3 2, c5 2, c6 moved-from 2, c6 moved-to 1 (its old num); and the moved-to's two paragraphs wrapped.
    assert (len(ins), len(dels), len(wrappers)) == (6, 7, 2)
    assert len(ins) == expected_marks(comparison, layouts(sample), "insert")
    assert len(dels) == expected_marks(comparison, layouts(sample), "delete")


def test_each_mark_names_its_change_and_a_changes_marks_hold_its_inserted_and_deleted_words(sample: Doc) -> None:
    comparison = sample_comparison()
    for change in comparison.changes:
        if change.moved:
            continue
        section = sample.xpath(f'//*[@id="redline"]/section[@data-change="{change.id}"]')[0]
        segments = change.segments if section.get("data-layout") == "segments" else [
            s for part in change.parts for s in part.segments]
        for tag, op in (("ins", "insert"), ("del", "delete")):
            marks = sample.xpath(f'//*[@id="redline"]//{tag}[@data-change="{change.id}"]')
            assert [m.text for m in marks] == [s.text for s in segments if s.op == op and s.text]
    assert all(m.get("data-change") in {c.id for c in comparison.changes}
               for m in sample.xpath('//*[@id="redline"]//ins | //*[@id="redline"]//del'))


def test_a_moved_provision_is_deleted_at_its_old_place_and_inserted_at_its_new_and_each_end_links_to_the_other(
    sample: Doc,
) -> None:
    old_end = sample.get_element_by_id("old-art_3")
    new_end = sample.get_element_by_id("new-art_5")
    assert old_end.get("data-role") == "moved-from" and new_end.get("data-role") == "moved-to"
    assert old_end.xpath(".//ins") == []
    text = "This Treaty shall be of unlimited duration."
    assert normalise(" ".join(old_end.xpath(".//del/text()"))) == f"Article III {text}"
    # The new end: every paragraph's text inside one ins.moved, its own changes (the num) marked inside.
    moved = new_end.xpath('.//ins[@class="moved"]')
    assert normalise(" ".join(m.text_content() for m in moved)) == f"Article IIIArticle V {text}"
    assert [m.text for m in new_end.xpath(".//ins[@class='moved']/del")] == ["Article III"]
    assert [m.text for m in new_end.xpath(".//ins[@class='moved']/ins")] == ["Article V"]
    assert old_end.xpath('.//a[@data-annotation]/@href') == ["#new-art_5"]
    assert new_end.xpath('.//a[@data-annotation]/@href') == ["#old-art_3"]
    assert old_end.get("data-old-eid") == "art_3" and old_end.get("data-new-eid") is None
    assert new_end.get("data-new-eid") == "art_5" and new_end.get("data-old-eid") is None


def test_badges_mark_renumbered_moved_split_and_merged_provisions(sample: Doc) -> None:
    def badges(section_id: str) -> list[str]:
        return [b.text for b in sample.get_element_by_id(section_id).find_class("badge")]

    assert badges("new-art_3")[:2] == ["split", "renumbered"]
    assert {"renumbered", "moved"} <= set(badges("new-art_5"))
    assert badges("old-art_2")[0] == "deleted" and badges("new-art_2")[0] == "inserted"


def test_every_provision_of_both_drafts_has_a_stable_anchor_and_ids_are_unique(sample: Doc) -> None:
    ids = sample.xpath("//@id")
    assert len(ids) == len(set(ids))
    for change in sample_comparison().changes:
        for info in change.old:
            assert f"old-{info.eid}" in ids
        for info in change.new:
            assert f"new-{info.eid}" in ids
    for href in sample.xpath('//a/@href'):
        assert href[1:] in ids, href


def test_sections_carry_the_eids_of_their_provisions(sample: Doc) -> None:
    split = sample.get_element_by_id("new-art_3")
    assert split.get("data-old-eid") == "art_4" and split.get("data-new-eid") == "art_3 art_4"
    deleted = sample.get_element_by_id("old-art_2")
    assert deleted.get("data-old-eid") == "art_2" and deleted.get("data-new-eid") is None


def test_everything_in_the_redline_that_is_not_draft_text_is_an_annotation(sample: Doc) -> None:
    redline = sample.get_element_by_id("redline")
    for element in redline.xpath('.//a | .//*[contains(@class, "badge")] | .//*[contains(@class, "meta")]'
                                 ' | .//*[contains(@class, "label")] | .//*[contains(@class, "anchor")] | .//button'):
        assert element.xpath("ancestor-or-self::*[@data-annotation]"), lxml.html.tostring(element)
    # Labels stand in for the heading of provisions without a num, and are annotations.
    assert normalise(sample.get_element_by_id("new-preamble").find("h3").text_content()) == "The preamble"


def test_every_provision_has_a_heading_and_numbered_ones_show_their_num_as_draft_text(sample: Doc) -> None:
    sections = sample.xpath('//*[@id="redline"]/section')
    assert all(s.find("h3") is not None for s in sections)
    heading = sample.get_element_by_id("new-art_1").find("h3")
    assert heading.xpath("@data-annotation | .//*[@data-annotation]") == []
    assert normalise(heading.text_content()) == "Article I"


def test_points_are_indented_by_their_depth() -> None:
    comparison = sample_comparison()
    change = comparison.changes[3]  # c4: inserted Article II
    text = "(a) consult one another;"
    point = Line("art_2__list_1__point_a", "block", "point", "(a)", 1, "verbatim", text)
    part = PartChange("inserted", "block", (), (point,), (Segment("insert", text),))
    info = dataclasses.replace(change.new[0], text=change.new[0].text + "\n\n" + text)
    new_change = dataclasses.replace(change, new=(info,), parts=(*change.parts, part),
                                     segments=(Segment("insert", info.text),))
    changes = tuple(new_change if c.id == "c4" else c for c in comparison.changes)
    doc = parse(render_html(dataclasses.replace(comparison, changes=changes)))
    paragraph = doc.get_element_by_id("new-art_2__list_1__point_a")
    assert "depth-1" in paragraph.get("class")
    assert ".provision p.depth-1, .sbs p.depth-1 { margin-left: 1.75em; }" in stylesheet()


# -- layout helpers -----------------------------------------------------------------------------------


def test_parts_lay_out_a_change_when_they_rebuild_both_sides_in_order_and_not_for_the_split() -> None:
    by_id = {c.id: c for c in sample_comparison().changes}
    assert all(by_id[i].parts_in_order for i in ("c1", "c2", "c3", "c4", "c6"))
    assert not by_id["c5"].parts_in_order


def test_segments_are_cut_only_at_blank_lines_both_sides_share() -> None:
    segments = [Segment("delete", "A\n\n1. "), Segment("insert", "B\n\n"), Segment("equal", "x.\n\ny"),
                Segment("insert", "z")]
    assert cut_at_shared_breaks(segments) == [
        [Segment("delete", "A\n\n1. "), Segment("insert", "B\n\n"), Segment("equal", "x.")],
        [Segment("equal", "y"), Segment("insert", "z")],
    ]


# -- side by side, switch, print, accessibility -------------------------------------------------------


def test_both_views_are_in_the_page_and_the_switch_is_a_pair_of_labelled_radio_buttons(sample: Doc) -> None:
    assert sample.get_element_by_id("redline-view") is not None
    assert sample.get_element_by_id("sbs-view") is not None
    radios = sample.xpath('//fieldset[@class="view-switch"]//input[@type="radio"]')
    assert [r.get("id") for r in radios] == ["view-redline", "view-sbs"]
    assert radios[0].get("checked") is not None and radios[1].get("checked") is None
    for radio in radios:
        assert sample.xpath(f'//label[@for="{radio.get("id")}"]')
    assert sample.xpath('//fieldset[@class="view-switch"]/legend')


def test_the_side_by_side_view_has_a_row_per_part_old_left_new_right(sample: Doc) -> None:
    table = sample.get_element_by_id("sbs-view").find(".//table")
    comparison = sample_comparison()
    shown = [c for c in comparison.changes]
    heads = table.xpath('.//tr[contains(@class, "change-head")]')
    assert len(heads) == len(shown)
    # One row per part, or, for a change whose parts do not lay out both sides in order (the split c5), one row
    # per run of text between the breaks both sides share.
    rows = sum(len(c.parts) if c.parts_in_order else len(cut_at_shared_breaks(c.segments)) for c in shown)
    assert len(table.xpath('.//tbody/tr')) == len(shown) + rows
    row = table.xpath('.//tr[@data-change="c2"]/following-sibling::tr[2]')[0]
    old_cell, new_cell = row.findall("td")
    assert old_cell.xpath(".//ins") == [] and new_cell.xpath(".//ins/text()") == ["all necessary "]
    split = comparison.change("c5")
    assert side_by_side_paragraphs(sample, "c5", "new") == [normalise(p) for info in split.new
                                                             for p in info.text.split("\n\n")]
    assert side_by_side_paragraphs(sample, "c5", "new")[:2] == ["Article III", "This Treaty shall be open for signature."]


def test_the_stylesheet_prints_on_a4_with_changes_visible_in_black_and_white() -> None:
    css = stylesheet()
    assert "@page { size: A4;" in css
    printed = css[css.index("@media print"):]
    assert "text-decoration: underline !important" in printed
    assert "text-decoration: line-through !important" in printed
    assert "color: #000 !important" in printed
    assert "overflow: hidden" not in css




@pytest.mark.parametrize(("foreground", "background"), CONTRAST_PAIRS)
def test_every_colour_pair_of_the_stylesheet_meets_wcag_aa(foreground: str, background: str) -> None:
    assert contrast(PALETTE[foreground], PALETTE[background]) >= 4.5


def test_every_colour_in_the_stylesheet_comes_from_the_palette() -> None:
    colours = set(re.findall(r"#[0-9a-fA-F]{6}\b", stylesheet())) - {"#000", "#fff"}
    assert colours <= set(PALETTE.values())


def test_headings_go_from_one_level_to_the_next_without_gaps(sample: Doc) -> None:
    levels = [int(h.tag[1]) for h in sample.xpath("//h1 | //h2 | //h3 | //h4 | //h5 | //h6")]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


# -- end to end on the bundled PPWT drafts --------------------------------------------------------------


@pytest.fixture(scope="module")
def ppwt() -> tuple[Comparison, Doc, str]:
    old, new = load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014")
    comparison = compare(old, new)
    doc = parse(render_html(comparison))
    return comparison, doc, f"{normalise(old.text)}\n{normalise(new.text)}"


def test_the_ppwt_redline_gives_the_2008_draft_without_insertions_and_the_2014_draft_without_deletions(
    ppwt: tuple[Comparison, Doc, str],
) -> None:
    _, doc, texts = ppwt
    old_text, new_text = texts.split("\n")
    assert side_text(doc, drop="ins") == old_text
    assert side_text(doc, drop="del") == new_text


def test_the_ppwt_redline_counts_match_and_every_provision_is_anchored(ppwt: tuple[Comparison, Doc, str]) -> None:
    comparison, doc, _ = ppwt
    marks = doc.xpath('//*[@id="redline"]//ins[not(contains(@class, "moved"))]')
    assert len(marks) == expected_marks(comparison, layouts(doc), "insert")
    assert len(doc.xpath('//*[@id="redline"]//del')) == expected_marks(comparison, layouts(doc), "delete")
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids))
    for change in comparison.changes:
        assert all(f"old-{i.eid}" in ids for i in change.old) and all(f"new-{i.eid}" in ids for i in change.new)
    assert all(href[1:] in ids for href in doc.xpath("//a/@href"))


def test_the_ppwt_report_shows_the_moved_article_at_both_ends(ppwt: tuple[Comparison, Doc, str]) -> None:
    comparison, doc, _ = ppwt
    moved = [c for c in comparison.changes if c.moved]
    assert moved
    for change in moved:
        ends = doc.xpath(f'//*[@id="redline"]/section[@data-change="{change.id}"]/@data-role')
        assert sorted(ends) == ["moved-from", "moved-to"]


def test_the_report_serialises_as_html_lxml_can_read_back_without_errors(sample_html: str) -> None:
    parser = etree.HTMLParser(recover=False)
    etree.fromstring(sample_html.encode(), parser)


def test_the_cli_writes_the_ppwt_report_as_one_utf8_html_file(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = run("compare", "ppwt-2008", "ppwt-2014", "--format", "html", "-o", str(target))
    assert result.code == 0, result.err
    html = target.read_text(encoding="utf-8")
    doc = parse(html)
    assert doc.get_element_by_id("redline") is not None
    assert side_text(doc, drop="ins") == normalise(load_corpus_draft("ppwt-2008").text)
    assert side_text(doc, drop="del") == normalise(load_corpus_draft("ppwt-2014").text)


# -- side by side, in each draft's order --------------------------------------------------------------


def side_by_side_paragraphs(doc: Doc, change_id: str, side: str) -> list[str]:
    """The paragraphs one column of the side-by-side view shows for a change, in order, without the other
    side's marks."""
    column = 1 if side == "old" else 2
    drop = "ins" if side == "old" else "del"
    out = []
    for paragraph in xpath_elements(doc, f'//*[@id="sbs-view"]//tr[not(@data-change) and '
                                         f'preceding-sibling::tr[@data-change][1][@data-change="{change_id}"]]'
                                         f'/td[{column}]/p'):
        copy: Doc = lxml.html.fromstring(lxml.html.tostring(paragraph))
        for mark in copy.xpath(f".//{drop}"):  # a Doc: lxml.html's drop_tree keeps the text after the mark
            mark.drop_tree()
        out.append(normalise(copy.text_content()))
    return out


@pytest.mark.parametrize("pair", ["ppwt", "nested"])
def test_the_side_by_side_view_shows_each_drafts_paragraphs_and_points_in_that_drafts_order(
        pair: str, ppwt: tuple[Comparison, Doc, str]) -> None:
    if pair == "ppwt":
        comparison, doc = ppwt[0], ppwt[1]
    else:
        comparison = nested_lists()[2]
        doc = parse(render_html(comparison))
    shown = {item.change_id for item in comparison.redline if item.role not in ("moved-from", "part-from")}
    for change in comparison.changes:
        if change.id not in shown:
            continue
        for side in ("old", "new"):
            infos = change.old if side == "old" else change.new
            expected = [normalise(p) for info in infos for p in info.text.split("\n\n")]
            assert side_by_side_paragraphs(doc, change.id, side) == expected, (change.id, side)


def test_in_the_side_by_side_view_new_article_vi_shows_points_a_to_d_before_paragraph_2(
        ppwt: tuple[Comparison, Doc, str]) -> None:
    (change,) = [c for c in ppwt[0].changes if [info.eid for info in c.new] == ["art_6"]]
    new = side_by_side_paragraphs(ppwt[1], change.id, "new")
    starts = [paragraph.split(" ", 1)[0] for paragraph in new]
    assert starts == ["Article", "1.", "(a)", "(b)", "(c)", "(d)", "2."]


def test_in_the_side_by_side_view_nested_points_are_indented_by_their_depth_in_order() -> None:
    doc = parse(render_html(nested_lists()[2]))
    cells = doc.xpath('//*[@id="sbs-view"]//tr[not(@data-change)]/td[2]/p')
    found = [(p.text_content().split(" ", 1)[0], p.get("class")) for p in cells]
    assert found[:7] == [("Article", "num"), ("1.", "block"), ("(a)", "block depth-1"), ("(i)", "block depth-2"),
                         ("(ii)", "block depth-2"), ("(b)", "block depth-1"), ("2.", "block")]
