"""The DOCX redline: tracked changes, moves, comments, structure, reproducible bytes, static mode.

The helpers at the top read a redline back the way Word does: ``resolve``
accepts (or rejects) every change in ``word/document.xml`` and returns the
paragraphs that remain. LibreOffice does the same in
tests/test_docx_libreoffice.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import io
import itertools
import sys
import zipfile
from collections import Counter
from pathlib import Path
from types import ModuleType

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from lxml import etree
from support.docx import (
    NEW_CHANGES,
    NS,
    body_paragraphs,
    expected_paragraphs,
    mark_revision,
    paragraph_text,
    part,
    redline,
    resolve,
    revisions,
    w,
)
from support.fixtures import sample_comparison, straddling_comparison
from support.typed import attribute, parent, text_of, xpath_elements

from treaty_diff.compare import compare
from treaty_diff.errors import OutputError, TreatyDiffError, UsageError
from treaty_diff.model.comparison import Comparison
from treaty_diff.model.draft import BLOCK_SEPARATOR, Draft
from treaty_diff.model.segments import Segment
from treaty_diff.read.corpus import CORPUS_IDS, load_corpus_draft
from treaty_diff.render.base import RenderOptions, get_renderer
from treaty_diff.render.docx.cover import grid_table
from treaty_diff.render.docx.layout import Para, Piece, layout_redline, paragraphs, separate_insertions
from treaty_diff.render.docx.redline import RedlineWriter
from treaty_diff.render.docx.writer import render_docx

# -- reading a redline back ---------------------------------------------------------------------------------
























# -- the renderer in the registry ---------------------------------------------------------------------------


def test_the_docx_renderer_is_registered_for_comparisons_and_writes_bytes() -> None:
    renderer = get_renderer("comparison", "docx")
    assert renderer.binary and renderer.extension == "docx"
    output = renderer.render(sample_comparison(), RenderOptions())
    assert isinstance(output, bytes) and output[:2] == b"PK"


def test_python_docx_reopens_the_redline() -> None:
    document = docx.Document(io.BytesIO(render_docx(sample_comparison(), RenderOptions())))
    texts = [p.text for p in document.paragraphs]
    assert "Redline" in texts
    assert len(document.tables) >= 2


# -- tracked changes -------------------------------------------------------------------------------------------


def test_accepting_every_change_gives_the_new_drafts_paragraphs_and_rejecting_gives_the_old() -> None:
    comparison = sample_comparison()
    paras = body_paragraphs(redline(comparison))
    assert resolve(paras, accept=True) == expected_paragraphs(comparison, "new")
    assert resolve(paras, accept=False) == expected_paragraphs(comparison, "old")


def test_accepting_and_rejecting_still_give_each_draft_without_tracked_moves() -> None:
    comparison = sample_comparison()
    paras = body_paragraphs(redline(comparison, moves=False))
    assert resolve(paras, accept=True) == expected_paragraphs(comparison, "new")
    assert resolve(paras, accept=False) == expected_paragraphs(comparison, "old")


def test_inserted_and_deleted_words_are_word_revisions_not_coloured_text() -> None:
    document = part(redline(), "word/document.xml")
    inserted = [text_of(el) for el in document.iter(w("ins"))]
    deleted = [el for el in document.iter(w("del")) if parent(el).tag != w("rPr")]
    assert "all necessary " in inserted
    assert all(el.find("w:r/w:delText", NS) is not None for el in deleted)
    assert not document.findall(".//w:del//w:t", NS)
    assert not document.findall(".//w:color", NS)


def test_every_revision_has_a_unique_id_the_default_author_and_the_new_drafts_date() -> None:
    data = redline()
    document = part(data, "word/document.xml")
    marked = revisions(data) + list(document.iter(w("moveFromRangeStart"), w("moveToRangeStart")))
    ids = [el.get(w("id")) for el in marked]
    comment_ids = [el.get(w("id")) for el in part(data, "word/comments.xml").iter(w("comment"))]
    assert len(ids) > 10
    assert len(set(ids + comment_ids)) == len(ids) + len(comment_ids)
    assert {el.get(w("author")) for el in marked} == {"treaty-diff"}
    assert {el.get(w("date")) for el in marked if not nests_a_deletion(el)} == {"2014-01-01T00:00:00Z"}
    assert {el.get(w("date")) for el in marked if nests_a_deletion(el)} == {None}


def nests_a_deletion(revision: etree._Element) -> bool:
    """A w:moveTo around words deleted inside a moved provision (undated: see the next test)."""
    return revision.tag == w("moveTo") and [child.tag for child in revision] == [w("del")]


def test_words_deleted_inside_a_moved_provision_are_a_dated_deletion_in_an_undated_move() -> None:
    # LibreOffice 7.4 drops a deletion nested in a dated revision by the same author (it reads the author deleting
    # their own insertion), leaving the words in both drafts; the accept/reject tests in LibreOffice check the rest.
    document = part(redline(), "word/document.xml")
    nested = [el for el in document.iter(w("moveTo")) if nests_a_deletion(el)]
    assert [text_of(el) for el in nested] == ["Article III"]
    assert all(el.get(w("date")) is None and el[0].get(w("date")) == "2014-01-01T00:00:00Z" for el in nested)


def test_the_author_and_date_options_reach_every_revision_and_comment() -> None:
    data = redline(author="UNIDIR analyst", date="2015-03-02")
    comments = list(part(data, "word/comments.xml").iter(w("comment")))
    stamped = [el for el in revisions(data) if not nests_a_deletion(el)] + comments
    assert {el.get(w("author")) for el in revisions(data) + comments} == {"UNIDIR analyst"}
    assert {el.get(w("date")) for el in stamped} == {"2015-03-02T00:00:00Z"}
    assert {el.get(w("initials")) for el in comments} == {"UA"}


def test_a_date_option_that_is_not_a_date_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="--date"):
        redline(date="next Tuesday")


def test_whole_inserted_and_deleted_paragraphs_carry_the_revision_on_their_mark() -> None:
    paras = body_paragraphs(redline(moves=False))
    by_text = {paragraph_text(p): mark_revision(p) for p in paras}
    assert by_text["The Depositary shall inform all States."] == "del"
    assert by_text["The States Parties shall consult one another."] == "ins"
    assert by_text["The States Parties to this Treaty,"] is None


def test_a_moved_provision_is_a_named_move_with_paired_ranges() -> None:
    document = part(redline(), "word/document.xml")
    starts = {kind: document.findall(f".//w:{kind}RangeStart", NS) for kind in ("moveFrom", "moveTo")}
    assert len(starts["moveFrom"]) == len(starts["moveTo"]) == 1
    assert starts["moveFrom"][0].get(w("name")) == starts["moveTo"][0].get(w("name"))
    for kind, found in starts.items():
        ends = document.findall(f".//w:{kind}RangeEnd", NS)
        assert [e.get(w("id")) for e in ends] == [s.get(w("id")) for s in found]
    moved_from = "".join(t.text or "" for t in document.findall(".//w:moveFrom//w:t", NS))
    moved_to = "".join(t.text or "" for t in document.findall(".//w:moveTo//w:t", NS))
    assert moved_from == "Article IIIThis Treaty shall be of unlimited duration."
    # The new end: the text the move kept, and the change made to it (the num) tracked inside the moved text.
    assert moved_to == "This Treaty shall be of unlimited duration."
    heading = xpath_elements(document, "//w:p[w:moveToRangeStart]", NS)[0]
    assert [t.text for t in heading.findall("w:moveTo/w:del/w:r/w:delText", NS)] == ["Article III"]
    assert [t.text for t in heading.findall("w:ins/w:r/w:t", NS)] == ["Article V"]


def test_every_move_from_has_its_move_to_and_the_move_lies_inside_its_range() -> None:
    paras = body_paragraphs(redline())
    inside: str | None = None
    for paragraph in paras:
        for element in paragraph.iter():
            name = etree.QName(element).localname
            if name in ("moveFromRangeStart", "moveToRangeStart"):
                inside = name[: -len("RangeStart")]
            elif name in ("moveFromRangeEnd", "moveToRangeEnd"):
                inside = None
            elif name in ("moveFrom", "moveTo") and parent(element).tag != w("rPr"):
                assert inside == name


def test_without_moves_a_moved_provision_is_a_deletion_and_an_insertion() -> None:
    data = redline(moves=False)
    document = part(data, "word/document.xml")
    for kind in ("moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart"):
        assert not document.findall(f".//w:{kind}", NS)
    deleted = "".join(t.text or "" for t in document.findall(".//w:del//w:delText", NS))
    assert "Article IIIThis Treaty shall be of unlimited duration." in deleted


def test_moved_paragraph_marks_are_deletions_and_insertions_that_libreoffice_understands() -> None:
    paras = body_paragraphs(redline())
    moved = [p for p in paras if p.find(".//w:moveFrom", NS) is not None or p.find(".//w:moveTo", NS) is not None]
    assert moved
    assert {mark_revision(p) for p in moved} <= {"del", "ins"}


def test_the_settings_turn_on_revision_tracking_in_the_tracked_redline() -> None:
    settings = part(redline(), "word/settings.xml")
    track = settings.find("w:trackRevisions", NS)
    assert track is not None
    names = [etree.QName(child).localname for child in settings]
    assert names.index("trackRevisions") < names.index("defaultTabStop")


# -- comments ------------------------------------------------------------------------------------------------


def test_every_comment_reference_resolves_to_exactly_one_comment_with_its_range() -> None:
    data = redline()
    document = part(data, "word/document.xml")
    comments = Counter(attribute(el, w("id")) for el in part(data, "word/comments.xml").iter(w("comment")))
    references = [attribute(el, w("id")) for el in document.iter(w("commentReference"))]
    starts = [attribute(el, w("id")) for el in document.iter(w("commentRangeStart"))]
    ends = [attribute(el, w("id")) for el in document.iter(w("commentRangeEnd"))]
    assert references and all(comments[ref] == 1 for ref in references)
    assert sorted(references) == sorted(comments) == sorted(starts) == sorted(ends)
    rels = part(data, "word/_rels/document.xml.rels")
    assert any(r.get("Target") == "comments.xml" for r in rels)


def test_comments_say_in_a_readers_words_what_happened_to_each_provision() -> None:
    data = redline()
    texts = [text_of(c) for c in part(data, "word/comments.xml").iter(w("comment"))]
    assert "Reconstructed text, not the official wording." in texts
    assert "Split: Article IV in CD/1 becomes Articles III and IV in CD/2." in texts
    assert "Moved: Article V in CD/2 was Article III in CD/1 (see above)." in texts
    assert "Moved: Article III in CD/1 stands as Article V in CD/2 (see below)." in texts
    assert len(texts) == 4  # unchanged, inserted and deleted verbatim provisions carry none


def test_a_renumbered_provision_names_its_old_number_and_draft() -> None:
    comparison = sample_comparison()
    stay = dataclasses.replace(comparison.change("c6"), moved=False)
    comparison = dataclasses.replace(
        comparison,
        changes=tuple(stay if c.id == "c6" else c for c in comparison.changes),
        redline=tuple(i for i in comparison.redline if i.role != "moved-from"),
    )
    comparison = dataclasses.replace(
        comparison, redline=tuple(dataclasses.replace(i, role="change") for i in comparison.redline))
    texts = [text_of(c) for c in part(redline(comparison), "word/comments.xml").iter(w("comment"))]
    assert "Article III in CD/1; renumbered Article V in CD/2." in texts


def test_the_comment_on_a_provision_spans_its_first_to_its_last_paragraph() -> None:
    paras = body_paragraphs(redline())
    starts = {el.get(w("id")): i for i, p in enumerate(paras) for el in p.iter(w("commentRangeStart"))}
    ends = {el.get(w("id")): i for i, p in enumerate(paras) for el in p.iter(w("commentRangeEnd"))}
    spans = {paragraph_text(paras[starts[k]]) + " .. " + paragraph_text(paras[ends[k]]) for k in starts}
    assert "Article IV1. Article III .. 2. Article IVIt shall be ratified." not in spans
    assert "Article IV .. It shall be ratified." in spans


# -- structure -----------------------------------------------------------------------------------------------


def test_article_numbers_are_heading_2_so_the_navigation_pane_lists_the_treaty() -> None:
    document = docx.Document(io.BytesIO(redline()))
    headings = [p for p in document.paragraphs if p.style is not None and p.style.name == "Heading 2"]
    texts = [paragraph_text(p._p) for p in headings]
    assert "Article I" in texts and "Article V" in [paragraph_text(p._p, accept=True) for p in headings]
    assert all(t.startswith(("Article", "1. Article", "2. Article")) for t in texts)


def test_points_are_indented_by_their_depth() -> None:
    comparison = sample_comparison()
    change = comparison.change("c4")
    part_ = change.parts[1]
    deeper = dataclasses.replace(part_, new=tuple(dataclasses.replace(line, depth=2) for line in part_.new))
    change = dataclasses.replace(change, parts=(change.parts[0], deeper))
    comparison = dataclasses.replace(comparison, changes=tuple(change if c.id == "c4" else c
                                                               for c in comparison.changes))
    paras = body_paragraphs(redline(comparison))
    indented = [p for p in paras if p.find("w:pPr/w:ind", NS) is not None]
    assert [paragraph_text(p) for p in indented] == ["The States Parties shall consult one another."]
    indent = indented[0].find("w:pPr/w:ind", NS)
    assert indent is not None
    assert indent.get(w("left")) == "850"


def test_the_full_report_opens_on_what_changed_then_the_redline_then_the_tables() -> None:
    document = docx.Document(io.BytesIO(render_docx(sample_comparison(), RenderOptions())))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Redline: CD/1 to CD/2"
    assert texts[1:3] == ["Old: Old Treaty, CD/1, 2008-01-01 (Russian Federation, China)",
                          "New: New Treaty, CD/2, 2014-01-01 (Russian Federation, China)"]
    assert texts.index("What changed") < texts.index("Redline") < texts.index("The drafts") < texts.index("Every change")
    # The summary page: one line per changed provision, then a page break before the redline's heading.
    summary = texts[texts.index("What changed") + 2:texts.index("Redline")]
    assert "Article II: deleted; 0 words added, 7 removed" in summary
    assert "Articles III and IV (was Article IV): split, renumbered; 4 words added, 2 removed" in summary
    assert "Article V (was Article III): renumbered, moved" in summary
    breaks = [i for i, p in enumerate(document.paragraphs) if p._p.findall(".//w:br[@w:type='page']", NS)]
    assert breaks == [texts.index("Redline") - 1, texts.index("The drafts") - 1]
    drafts, changes = document.tables[0], document.tables[1]
    assert [c.text for c in drafts.rows[2].cells] == ["Symbol", "CD/1", "CD/2"]
    rows = [[c.text for c in row.cells] for row in changes.rows]
    assert rows[0] == ["Change", "Old", "New", "Words added", "Words removed"]
    assert ["split, renumbered", "Article IV", "Articles III and IV", "4", "2"] in rows
    assert ["deleted", "Article II", "—", "0", "7"] in rows


def test_the_redline_only_report_holds_nothing_but_the_redline() -> None:
    comparison = sample_comparison()
    document = docx.Document(io.BytesIO(redline(comparison)))
    assert not document.tables
    assert paragraph_text(document.paragraphs[0]._p) == "The States Parties to this Treaty,"


def test_the_summary_and_the_tables_are_not_tracked_so_accepting_keeps_them() -> None:
    data = render_docx(sample_comparison(), RenderOptions())
    accepted = [text for text in resolve(body_paragraphs(data), accept=True) if text.strip()]
    assert accepted[0] == "Redline: CD/1 to CD/2"
    redline_text = accepted[accepted.index("Redline") + 1:accepted.index("The drafts")]
    assert redline_text == expected_paragraphs(sample_comparison(), "new")


def test_every_page_says_what_the_document_is_and_that_its_text_is_reconstructed_even_the_redline_alone() -> None:
    for data in (redline(), render_docx(sample_comparison(), RenderOptions())):
        header = text_of(part(data, "word/header1.xml"))
        assert header == ("Redline: CD/1 to CD/2 · Reconstructed text: of the provisions shown, 1 in CD/1 and 1 in "
                          "CD/2 are not the official wording but a reconstruction from secondary sources.")
        footer = part(data, "word/footer1.xml")
        assert [attribute(f, w("instr")) for f in footer.iterfind(".//w:fldSimple", NS)] == ["PAGE"]
    assert not [t for t in part(redline(), "word/header1.xml").iter(w("ins"), w("del"), w("moveFrom"), w("moveTo"))]


def test_a_table_column_is_at_least_as_wide_as_its_longest_word_needs() -> None:
    from treaty_diff.render.docx.cover import TEXT_WIDTH

    document = docx.Document(io.BytesIO(render_docx(sample_comparison(), RenderOptions())))
    for table in document.tables:
        tbl = table._tbl
        assert [attribute(e, w("type")) for e in tbl.iterfind("w:tblPr/w:tblLayout", NS)] == ["fixed"]
        widths = [int(attribute(col, w("w"))) for col in tbl.findall("w:tblGrid/w:gridCol", NS)]
        assert sum(widths) <= TEXT_WIDTH
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                longest = max((len(word) for word in cell.text.split()), default=0)
                assert width >= 230 + longest * 125, (cell.text, width)  # 9.5 pt letters, 0.66 em wide at most


# -- reproducible output -----------------------------------------------------------------------------------


def test_two_runs_give_identical_bytes() -> None:
    assert render_docx(sample_comparison(), RenderOptions()) == render_docx(sample_comparison(), RenderOptions())


def test_zip_entries_and_core_properties_carry_fixed_dates() -> None:
    data = render_docx(sample_comparison(), RenderOptions())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.namelist()[0] == "[Content_Types].xml"
        assert not [n for n in archive.namelist() if "thumbnail" in n]
    core = part(data, "docProps/core.xml")
    dates = {el.text for el in core.iter("{http://purl.org/dc/terms/}created", "{http://purl.org/dc/terms/}modified")}
    assert dates == {"2014-01-01T00:00:00Z"}


def test_without_any_date_the_revisions_carry_none_rather_than_the_time_of_the_run() -> None:
    comparison = sample_comparison()
    comparison = dataclasses.replace(comparison, old=dataclasses.replace(comparison.old, date=None),
                                     new=dataclasses.replace(comparison.new, date=None))
    data = redline(comparison)
    assert all(el.get(w("date")) is None for el in revisions(data))
    assert data == redline(comparison)


# -- static mode ---------------------------------------------------------------------------------------------


def test_the_static_report_shows_changes_as_struck_and_underlined_text_without_tracking() -> None:
    data = redline(static=True)
    document = part(data, "word/document.xml")
    assert not revisions(data)
    assert part(data, "word/settings.xml").find("w:trackRevisions", NS) is None
    struck = [text_of(r) for r in document.iter(w("r")) if r.find("w:rPr/w:strike", NS) is not None]
    underlined = [text_of(r) for r in document.iter(w("r"))
                  if r.find("w:rPr/w:u[@w:val='single']", NS) is not None]
    moved = [text_of(r) for r in document.iter(w("r")) if r.find("w:rPr/w:dstrike", NS) is not None]
    assert "The Depositary shall inform all States." in struck
    assert "all necessary " in underlined
    assert moved == ["Article III", "This Treaty shall be of unlimited duration."]
    assert "all necessary " in "".join(paragraph_text(p) for p in body_paragraphs(data))


def test_the_static_report_keeps_its_comments() -> None:
    data = redline(static=True)
    assert len(list(part(data, "word/comments.xml").iter(w("comment")))) == 4


# -- text that XML cannot carry -------------------------------------------------------------------------------


def test_hostile_markup_in_the_text_is_written_as_text() -> None:
    paras = body_paragraphs(redline())
    assert any('<script>alert(1)</script> and "><img src=x onerror=alert(1)>.' in paragraph_text(p) for p in paras)


def test_a_control_character_that_reaches_the_renderer_is_a_clear_error() -> None:
    comparison = sample_comparison()
    change = comparison.change("c4")
    text = "Article II\n\nThe States Parties shall\x07 consult one another."
    bad = dataclasses.replace(change, segments=(Segment("insert", text),), parts=(),
                              new=(dataclasses.replace(change.new[0], text=text),))
    comparison = dataclasses.replace(comparison, changes=tuple(bad if c.id == "c4" else c for c in comparison.changes))
    with pytest.raises(OutputError, match=r"U\+0007.*control character"):
        redline(comparison)
    assert issubclass(OutputError, TreatyDiffError)


def test_segments_that_do_not_rebuild_the_texts_are_refused() -> None:
    comparison = sample_comparison()
    change = comparison.change("c3")
    broken = dataclasses.replace(change, segments=(Segment("delete", "Article II"),), parts=())
    comparison = dataclasses.replace(comparison, changes=tuple(broken if c.id == "c3" else c
                                                               for c in comparison.changes))
    with pytest.raises(TreatyDiffError, match="do not rebuild"):
        redline(comparison)


# -- layout ----------------------------------------------------------------------------------------------------


def test_a_blank_line_inside_a_segment_ends_a_paragraph_whose_mark_takes_the_segments_operation() -> None:
    segments = [Segment("equal", "A"), Segment("insert", " new\n\nB"), Segment("equal", " end")]
    paras = paragraphs(segments, [], [], "equal")
    assert [(p.mark, [(x.op, x.text) for x in p.pieces]) for p in paras] == [
        ("insert", [("equal", "A"), ("insert", " new")]),
        ("equal", [("insert", "B"), ("equal", " end")]),
    ]


def test_deletions_go_to_a_paragraphs_edge_so_two_insertions_never_meet_across_an_untracked_mark() -> None:
    first = Para([Piece("equal", "x"), Piece("delete", "."), Piece("insert", ";")], "equal", None)
    second = Para([Piece("insert", "new"), Piece("delete", "old"), Piece("equal", " C")], "equal", None)
    separate_insertions([first, second])
    assert [p.op for p in first.pieces] == ["equal", "insert", "delete"]
    assert [p.op for p in second.pieces] == ["delete", "insert", "equal"]


def test_an_untracked_mark_between_insertions_moves_to_the_end_of_the_inserted_paragraphs() -> None:
    first = Para([Piece("equal", "x"), Piece("insert", " more")], "equal", None)
    added = [Para([Piece("insert", "new 1")], "insert", None), Para([Piece("insert", "new 2")], "insert", None)]
    after = Para([Piece("equal", "C")], "equal", None)
    before = ([p.old_text for p in (first, *added, after)], [p.new_text for p in (first, *added, after)])
    separate_insertions([first, *added, after])
    assert [p.mark for p in (first, *added, after)] == ["insert", "insert", "equal", "equal"]
    assert before == ([p.old_text for p in (first, *added, after)], [p.new_text for p in (first, *added, after)])




def benchmark_reader() -> ModuleType:
    """benchmarks/ooxml_redline.py, the reader the benchmarks check every tool's DOCX with."""
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "ooxml_redline.py"
    name = "benchmarks_ooxml_redline"
    if name not in sys.modules:  # registered before it runs: its dataclasses look their module up
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


def test_a_word_straddling_an_inserted_paragraph_mark_is_whole_again_once_every_change_is_rejected() -> None:
    comparison = straddling_comparison()
    paras = [p for layout in layout_redline(comparison) for p in layout.paras]
    assert [(p.mark, [x.op for x in p.pieces]) for p in paras] == [
        ("equal", ["equal"]), ("insert", ["delete", "insert"]), ("equal", ["insert", "equal"])]
    data = redline(comparison)
    assert resolve(body_paragraphs(data), accept=False) == ["Article 5", "1. The moon belongs to all."]
    assert resolve(body_paragraphs(data), accept=True) == ["Article 5", "A new first paragraph.",
                                                           "3. The moon belongs to all."]


def test_the_benchmarks_reader_runs_a_paragraph_into_the_next_when_its_tracked_mark_goes_away() -> None:
    reader = benchmark_reader()
    reading = reader.read_redline(redline(straddling_comparison()))
    assert reader.normalise(reading.rejected) == "Article 5 1. The moon belongs to all."  # not "1 . The moon"
    assert reader.normalise(reading.accepted) == "Article 5 A new first paragraph. 3. The moon belongs to all."


# -- bundled drafts, end to end -------------------------------------------------------------------------------

BUNDLED_PAIRS = [(a, b) for a in CORPUS_IDS for b in CORPUS_IDS if a != b]


@pytest.fixture(scope="module")
def bundled() -> dict[tuple[str, str], tuple[Draft, Draft, Comparison]]:
    drafts = {draft_id: load_corpus_draft(draft_id) for draft_id in CORPUS_IDS}
    return {(a, b): (drafts[a], drafts[b], compare(drafts[a], drafts[b])) for a, b in BUNDLED_PAIRS}


def _blocks(draft: Draft) -> list[str]:
    return [block for provision in draft.provisions for block in provision.text.split(BLOCK_SEPARATOR)]


@pytest.mark.parametrize("pair", BUNDLED_PAIRS, ids="-to-".join)
def test_accepting_gives_the_new_bundled_draft_and_rejecting_the_old_paragraph_for_paragraph(
        bundled: dict[tuple[str, str], tuple[Draft, Draft, Comparison]], pair: tuple[str, str]) -> None:
    old, new, comparison = bundled[pair]
    paras = body_paragraphs(redline(comparison))
    assert resolve(paras, accept=True) == _blocks(new)
    assert resolve(paras, accept=False) == _blocks(old)


def test_no_two_insertions_meet_across_an_untracked_paragraph_mark_in_any_bundled_pair(
        bundled: dict[tuple[str, str], tuple[Draft, Draft, Comparison]]) -> None:
    meetings = []
    for pair, (_, _, comparison) in bundled.items():
        paras = [p for layout in layout_redline(comparison) for p in layout.paras]
        for before, after in itertools.pairwise(paras):
            if (before.mark == "equal" and before.pieces and after.pieces
                    and before.pieces[-1].op in NEW_CHANGES and after.pieces[0].op in NEW_CHANGES):
                meetings.append((pair, before.pieces[-1].text, after.pieces[0].text))
    assert meetings == []


def test_the_ppwt_redline_names_the_moved_article_and_the_renumbered_ones(
        bundled: dict[tuple[str, str], tuple[Draft, Draft, Comparison]]) -> None:
    data = redline(bundled[("ppwt-2008", "ppwt-2014")][2])
    texts = [text_of(c) for c in part(data, "word/comments.xml").iter(w("comment"))]
    assert "Article V in CD/1839; renumbered Article IV in CD/1985." in texts
    assert any(t.startswith("Moved: Article VIII in CD/1839 stands as Article VI in CD/1985") for t in texts)
    assert any(t.startswith("Reconstructed text, not the official wording") for t in texts)
    document = part(data, "word/document.xml")
    assert len(document.findall(".//w:moveFromRangeStart", NS)) == 1
    assert len(document.findall(".//w:moveToRangeStart", NS)) == 1


# -- the fast paths write what python-docx writes ------------------------------------------------------------


@pytest.mark.parametrize("date", [None, "2024-05-06"])
@pytest.mark.parametrize("text", ["Moved: Article V stands as Article IV.", "", "two\nparagraphs", "a\ttab"])
def test_a_comment_is_the_markup_python_docx_add_comment_writes(text: str, date: str | None) -> None:
    stamp = dt.datetime.fromisoformat(date) if date else None
    ours = docx.Document()
    writer = RedlineWriter(ours, "U. Analyst", stamp, static=False)
    writer.comments.add("7", text)
    theirs = docx.Document()
    made = theirs.comments.add_comment(text=text, author="U. Analyst", initials="UA")._comment_elm
    made.set(w("id"), "7")
    if date:
        made.set(w("date"), f"{date}T00:00:00Z")
    else:
        del made.attrib[w("date")]
    our_comments = ours.part.part_related_by(RT.COMMENTS)
    their_comments = theirs.part.part_related_by(RT.COMMENTS)
    assert isinstance(our_comments, XmlPart) and isinstance(their_comments, XmlPart)
    assert etree.tostring(our_comments.element) == etree.tostring(their_comments.element)


def test_a_table_is_the_markup_python_docx_add_row_writes() -> None:
    header = ("Status", "What changed", "Old")
    rows = [("dropped", "one", " leading and trailing "), ("added", "tab\there", "line\nbreak\r\nand\rmore"),
            ("", "—", "“quoted”"), ("x", "y", "z")]
    ours = docx.Document()
    grid_table(ours, header, rows, "the test")
    theirs = docx.Document()
    table = theirs.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    assert etree.tostring(ours.element.body) == etree.tostring(theirs.element.body)


def test_a_moved_article_that_kept_few_of_its_words_is_a_deletion_and_an_insertion_with_comments_saying_why() -> None:
    from support.fixtures import moved_and_rewritten

    comparison = moved_and_rewritten()[2]
    data = render_docx(comparison, RenderOptions(redline_only=True))
    document = part(data, "word/document.xml")
    assert not list(document.iter(w("moveFromRangeStart"), w("moveToRangeStart"), w("moveFrom"), w("moveTo")))
    comments = [text_of(c) for c in part(data, "word/comments.xml").iter(w("comment"))]
    (moved,) = [c for c in comparison.changes if c.moved]
    words = f"{moved.words_inserted} words added, {moved.words_deleted} words removed"
    assert [c for c in comments if "most of its words changed" in c] == [
        f"Moved: Article 5 in new was Article 3 in old, but most of its words changed ({words}), so it is shown "
        "deleted here and inserted where it stands.",
        f"Moved: Article 5 in new was Article 3 in old, but most of its words changed ({words}), so it is shown "
        "inserted here and deleted where it stood."]
    assert resolve(body_paragraphs(data), accept=True) == expected_paragraphs(comparison, "new")
    assert resolve(body_paragraphs(data), accept=False) == expected_paragraphs(comparison, "old")
