"""The HTML report opened in a real browser (headless Chromium, driven by tests/support/browser.py).

One Chromium runs for the whole module. Chromium is required: without it
these tests fail with a message saying what to install (they are never
skipped).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.browser import Browser, BrowserMissing, Page
from support.fixtures import HOSTILE, sample_comparison
from support.html import contrast, expected_marks, normalise

from treaty_diff.compare import compare
from treaty_diff.model.comparison import Comparison
from treaty_diff.model.draft import Draft
from treaty_diff.read.corpus import load_corpus_draft
from treaty_diff.render.html.page import render_html

pytestmark = pytest.mark.slow  # drives a real program

SIDE_TEXT = """(drop) => {
  const copy = document.getElementById('redline').cloneNode(true);
  copy.querySelectorAll(drop + ', [data-annotation]').forEach((e) => e.remove());
  return copy.textContent;
}"""

VISIBLE = """(id) => { const e = document.getElementById(id);
  return !!e && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0; }"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    try:
        started = Browser.start()
    except BrowserMissing as missing:
        pytest.fail(str(missing), pytrace=False)
    with started:
        yield started


@pytest.fixture(scope="module")
def drafts() -> tuple[Draft, Draft, Comparison]:
    old, new = load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014")
    return old, new, compare(old, new)


@pytest.fixture(scope="module")
def ppwt_file(tmp_path_factory: pytest.TempPathFactory, drafts: tuple[Draft, Draft, Comparison]) -> Path:
    path = tmp_path_factory.mktemp("html") / "ppwt.html"
    path.write_text(render_html(drafts[2]), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ppwt_page(browser: Browser, ppwt_file: Path) -> Page:
    """The PPWT report, loaded once, for checks that do not change the page."""
    page = browser.new_page()
    page.load(ppwt_file)
    return page


@pytest.fixture
def fresh_page(browser: Browser, ppwt_file: Path) -> Iterator[Page]:
    """The PPWT report in a tab of its own, for checks that click."""
    page = browser.new_page()
    page.load(ppwt_file)
    yield page
    page.close()


def call(page: Page, function: str, *args: Any) -> Any:
    arguments = ", ".join(repr(a) if isinstance(a, str) else str(a) for a in args)
    return page.evaluate(f"({function})({arguments})")


def visible(page: Page, element_id: str) -> bool:
    return bool(call(page, VISIBLE, element_id))


# -- the page loads cleanly ---------------------------------------------------------------------------


def test_the_ppwt_report_opens_without_console_errors_and_without_any_request(
    ppwt_page: Page, ppwt_file: Path
) -> None:
    assert ppwt_page.errors() == []
    assert ppwt_page.requests_other_than(ppwt_file) == []
    assert ppwt_page.requests == [ppwt_file.resolve().as_uri()]  # the page itself, and nothing else


def test_hostile_draft_text_is_shown_as_text_and_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "sample.html"
    path.write_text(render_html(sample_comparison()), encoding="utf-8")
    page = browser.new_page()
    page.load(path)
    assert page.errors() == [] and page.dialogs == []
    assert page.requests_other_than(path) == []
    assert page.evaluate("document.images.length") == 0
    assert page.evaluate("document.scripts.length") == 1
    assert HOSTILE in page.evaluate("document.getElementById('redline').textContent")
    page.close()


# -- the text invariant and the counts, in the page ---------------------------------------------------


def test_in_the_browser_the_redline_without_insertions_is_the_old_draft_and_without_deletions_the_new(
    ppwt_page: Page, drafts: tuple[Draft, Draft, Comparison]
) -> None:
    old, new, _ = drafts
    assert normalise(call(ppwt_page, SIDE_TEXT, "ins")) == normalise(old.text)
    assert normalise(call(ppwt_page, SIDE_TEXT, "del")) == normalise(new.text)


def test_in_the_browser_the_numbers_of_insertions_and_deletions_match_the_comparison(
    ppwt_page: Page, drafts: tuple[Draft, Draft, Comparison]
) -> None:
    comparison = drafts[2]
    layout = ppwt_page.evaluate(
        "Object.fromEntries([...document.querySelectorAll("
        "'#redline > section[data-role=change], #redline > section[data-role=moved-to]')]"
        ".map((s) => [s.dataset.change, s.dataset.layout]))")
    counts = ppwt_page.evaluate("[document.querySelectorAll('#redline ins:not(.moved)').length,"
                                " document.querySelectorAll('#redline del').length]")
    assert counts == [expected_marks(comparison, layout, "insert"), expected_marks(comparison, layout, "delete")]
    assert counts[0] > 0 and counts[1] > 0


def test_points_are_indented_further_than_the_paragraph_that_introduces_them(ppwt_page: Page) -> None:
    margins = ppwt_page.evaluate(
        "(() => { const point = document.querySelector('#new-art_1 p.depth-1');"
        " const intro = point.parentElement.querySelector('p:not([class*=depth])');"
        " return [intro.getBoundingClientRect().left, point.getBoundingClientRect().left]; })()")
    assert margins[1] - margins[0] >= 20


# -- the view switch ----------------------------------------------------------------------------------


def test_the_side_by_side_switch_works_with_the_mouse_and_with_the_keyboard(fresh_page: Page) -> None:
    page = fresh_page
    assert visible(page, "redline-view") and not visible(page, "sbs-view")
    page.click("label[for=view-sbs]")
    assert page.evaluate("document.getElementById('view-sbs').checked")
    assert visible(page, "sbs-view") and not visible(page, "redline-view")
    # The radio group is keyboard-usable: an arrow key moves back to the redline.
    assert page.evaluate("document.activeElement.id") == "view-sbs"
    page.press("ArrowLeft", "ArrowLeft", 37)
    assert page.evaluate("document.activeElement.id") == "view-redline"
    assert visible(page, "redline-view") and not visible(page, "sbs-view")
    assert page.errors() == []


def test_the_side_by_side_view_shows_old_and_new_paragraphs_in_two_columns(fresh_page: Page) -> None:
    page = fresh_page
    page.click("label[for=view-sbs]")
    columns = page.evaluate(
        "(() => { const row = document.querySelector('#sbs-view tr.part-modified');"
        " const [a, b] = row.querySelectorAll('td'); const ra = a.getBoundingClientRect(),"
        " rb = b.getBoundingClientRect(); return [ra.left, ra.right, rb.left, rb.right, ra.top === rb.top,"
        " a.querySelectorAll('ins').length, b.querySelectorAll('del').length]; })()")
    _, left_end, right_start, right_end, same_row, ins_in_old, del_in_new = columns
    assert left_end <= right_start and right_end > left_end and same_row
    assert ins_in_old == 0 and del_in_new == 0


def test_a_summary_link_switches_back_to_the_redline_and_lands_on_the_provision(fresh_page: Page) -> None:
    page = fresh_page
    page.click("label[for=view-sbs]")
    assert not visible(page, "redline-view")
    page.click('#summary a[href="#new-art_7"]')
    assert visible(page, "redline-view")
    top = page.evaluate("document.getElementById('new-art_7').getBoundingClientRect().top")
    assert -1 <= top < page.evaluate("innerHeight") / 2
    assert page.errors() == []


def test_without_javascript_both_views_are_in_the_page_and_the_switch_still_works(
    browser: Browser, tmp_path: Path
) -> None:
    # 2014 to 2008: old Article VI kept too few of its words to show as a move; its new and old texts link to
    # their changes side by side, a link that needs the script.
    path = tmp_path / "reverse.html"
    path.write_text(render_html(compare(load_corpus_draft("ppwt-2014"), load_corpus_draft("ppwt-2008"))),
                    encoding="utf-8")
    page = browser.new_page(javascript=False)
    page.load(path)
    assert page.evaluate("document.querySelectorAll('#redline section').length") > 10
    assert page.evaluate("document.querySelectorAll('#sbs-view tbody tr').length") > 10
    assert visible(page, "redline-view") and not visible(page, "sbs-view")
    assert page.evaluate("getComputedStyle(document.querySelector('#redline a.js-only')).display") == "none"
    page.click("label[for=view-sbs]")
    assert visible(page, "sbs-view") and not visible(page, "redline-view")
    assert page.errors() == []
    page.close()


def test_moved_provisions_link_to_each_other_in_the_page(browser: Browser, tmp_path: Path) -> None:
    from support.fixtures import moved_and_amended

    path = tmp_path / "moved.html"
    path.write_text(render_html(moved_and_amended()[2]), encoding="utf-8")
    page = browser.new_page(width=1280, height=500)  # short, so that following a link has to scroll
    page.load(path)
    moved_from = page.evaluate("document.querySelector('#redline section[data-role=moved-from]').id")
    moved_to = page.evaluate("document.querySelector('#redline section[data-role=moved-to]').id")
    for start, end in ((moved_from, moved_to), (moved_to, moved_from)):
        page.click(f"#{start} a.move-link")
        top = page.evaluate(f"document.getElementById('{end}').getBoundingClientRect().top")
        assert -1 <= top < page.evaluate("innerHeight") / 2
    page.close()


MOVED_MARKS = """() => {
  const section = document.querySelector('#redline section[data-role=moved-to]');
  const texts = (q) => [...section.querySelectorAll(q)].map((e) => e.textContent);
  const look = (q) => { const s = getComputedStyle(section.querySelector(q));
                        return [s.textDecorationLine, s.color, s.backgroundColor]; };
  return {deleted: texts('ins.moved del'), inserted: texts('ins.moved ins'), moved: look('ins.moved'),
          del: look('ins.moved del'), ins: look('ins.moved ins'), top: section.getBoundingClientRect().top};
}"""


def test_a_moved_and_amended_article_shows_its_deleted_and_inserted_words_inside_the_moved_text(
    browser: Browser, tmp_path: Path
) -> None:
    from support.fixtures import moved_and_amended

    path = tmp_path / "moved.html"
    path.write_text(render_html(moved_and_amended()[2]), encoding="utf-8")
    page = browser.new_page()
    page.load(path)
    found = page.evaluate(f"({MOVED_MARKS})()")
    assert found["deleted"] == ["3", "shall", "30"] and found["inserted"] == ["5", "may", "10"]
    assert "underline" not in found["moved"][0] and found["moved"][2] != "rgba(0, 0, 0, 0)"  # tinted, not underlined
    assert "line-through" in found["del"][0] and "underline" in found["ins"][0]
    assert found["del"][1] != found["ins"][1] != found["moved"][1]
    # Printed (no colour): the changes inside still read as struck through and underlined, the moved text as plain.
    page.send("Emulation.setEmulatedMedia", {"media": "print"})
    printed = page.evaluate(f"({MOVED_MARKS})()")
    assert "underline" not in printed["moved"][0]
    assert "line-through" in printed["del"][0] and "underline" in printed["ins"][0]
    assert page.errors() == []
    page.close()


# -- print and contrast -------------------------------------------------------------------------------


def test_printed_the_report_is_a4_without_the_switch_and_marks_changes_without_colour(
    browser: Browser, ppwt_file: Path
) -> None:
    page = browser.new_page()
    page.load(ppwt_file)
    page.send("Emulation.setEmulatedMedia", {"media": "print"})
    styles = page.evaluate(
        "(() => { const s = (q) => getComputedStyle(document.querySelector(q));"
        " return {ins: [s('#redline ins').textDecorationLine, s('#redline ins').color],"
        " del: [s('#redline del').textDecorationLine, s('#redline del').color],"
        " badge: s('#redline .badge').color, switch: s('.view-switch').display}; })()")
    assert "underline" in styles["ins"][0] and styles["ins"][1] == "rgb(0, 0, 0)"
    assert "line-through" in styles["del"][0] and styles["del"][1] == "rgb(0, 0, 0)"
    assert styles["badge"] == "rgb(0, 0, 0)" and styles["switch"] == "none"
    assert visible(page, "redline-view")
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
    sizes = {tuple(round(float(n)) for n in m) for m in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)}
    assert sizes == {(595, 842)}  # A4 in points
    page.close()


CONTRAST = """() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const background = (e) => {
    for (; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const out = [];
  const seen = new Set();
  for (const e of document.querySelectorAll('body *')) {
    if (!e.childNodes.length || ![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
    const style = getComputedStyle(e);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const key = style.color + '|' + background(e).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([e.tagName + '.' + e.className, rgb(style.color).slice(0, 3), background(e)]);
  }
  return out;
}"""


def test_every_text_colour_in_the_page_meets_wcag_aa_against_its_background(fresh_page: Page) -> None:
    def hexed(channels: list[float]) -> str:
        return "#" + "".join(f"{round(c):02x}" for c in channels)

    for view in ("redline", "sbs"):
        fresh_page.click(f"label[for=view-{view}]")
        pairs = call(fresh_page, CONTRAST)
        assert len(pairs) >= 8
        for name, foreground, background in pairs:
            ratio = contrast(hexed(foreground), hexed(background))
            assert ratio >= 4.5, (name, foreground, background, round(ratio, 2))


# -- the harness itself can fail ----------------------------------------------------------------------


def test_the_harness_sees_a_console_error_and_an_uncaught_exception(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "noisy.html"
    path.write_text("<!DOCTYPE html><title>x</title><script>console.error('boom'); null.x;</script>")
    page = browser.new_page()
    page.load(path)
    problems = page.errors()
    assert any("boom" in p for p in problems) and any(p.startswith("exception") for p in problems)
    page.close()


def test_the_harness_sees_a_request_to_another_address(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "fetching.html"
    path.write_text('<!DOCTYPE html><title>x</title><img src="http://127.0.0.1:9/pixel.png" alt="">')
    page = browser.new_page()
    page.load(path)
    assert page.requests_other_than(path) == ["http://127.0.0.1:9/pixel.png"]
    page.close()


def test_the_harness_sees_a_fetch_the_content_security_policy_blocked(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "blocked.html"
    path.write_text("<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
                    '<title>x</title><img src="http://127.0.0.1:9/pixel.png" alt="">')
    page = browser.new_page()
    page.load(path)
    assert any("Content Security Policy" in p for p in page.errors())
    page.close()


# -- the change first; phones ---------------------------------------------------------------------------


FIRST_SCREEN = """() => {
  const list = document.querySelector('#summary ol.change-list');
  const box = list.getBoundingClientRect();
  const heading = document.getElementById('redline-h').getBoundingClientRect();
  return {top: box.top, bottom: box.bottom, items: list.children.length, height: innerHeight, width: innerWidth,
          obligations: document.querySelector('#summary .obligation-list').getBoundingClientRect().bottom,
          redline: heading.top, drafts: document.getElementById('drafts').getBoundingClientRect().top};
}"""


def test_at_1280_by_900_the_first_screen_of_the_ppwt_report_shows_the_whole_change_list(
    browser: Browser, ppwt_file: Path, drafts: tuple[Draft, Draft, Comparison]
) -> None:
    page = browser.new_page(width=1280, height=900)
    page.load(ppwt_file)
    screen = page.evaluate(f"({FIRST_SCREEN})()")
    assert (screen["width"], screen["height"]) == (1280, 900)
    assert screen["items"] == sum(c.changed for c in drafts[2].changes) >= 16
    assert 0 < screen["top"] < screen["bottom"] <= 900  # every changed provision, without scrolling
    assert screen["obligations"] <= 900  # and the obligations dropped or weakened
    assert screen["redline"] < screen["drafts"]  # the drafts' metadata comes after the text
    page.close()


SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter((e) => {
    const box = e.getBoundingClientRect(); return box.width > 0 && box.right > width + 0.5; });
  return {scroll: document.documentElement.scrollWidth, width: width, wide: wide.slice(0, 5).map((e) => e.outerHTML.slice(0, 80))};
}"""


@pytest.mark.parametrize("pair", [("ppwt-2008", "ppwt-2014"), ("ost-1967", "moon-1979")])
def test_at_390_pixels_wide_nothing_scrolls_sideways_in_either_view(
    browser: Browser, tmp_path: Path, pair: tuple[str, str]
) -> None:
    path = tmp_path / "phone.html"
    path.write_text(render_html(compare(load_corpus_draft(pair[0]), load_corpus_draft(pair[1]))), encoding="utf-8")
    page = browser.new_page(width=390, height=844)
    page.load(path)
    for view in ("redline", "sbs"):
        page.click(f"label[for=view-{view}]")
        assert visible(page, f"{view}-view")
        found = page.evaluate(f"({SIDEWAYS})()")
        assert found["width"] == 390 and found["scroll"] == 390 and found["wide"] == [], (view, found)
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    assert page.evaluate(f"({SIDEWAYS})()")["scroll"] == 390
    page.close()


def test_in_the_side_by_side_view_new_article_vi_reads_points_a_to_d_before_paragraph_2(fresh_page: Page) -> None:
    page = fresh_page
    page.click("label[for=view-sbs]")
    tops = page.evaluate(
        "(() => { const head = document.getElementById('sbs-new-art_6'); const out = [];"
        " for (let row = head.nextElementSibling; row && !row.dataset.change; row = row.nextElementSibling)"
        "   for (const p of row.cells[1].querySelectorAll('p'))"
        "     out.push([p.textContent.trim().split(' ')[0], p.getBoundingClientRect().top]);"
        " return out; })()")
    assert [start for start, _ in tops] == ["Article", "1.", "(a)", "(b)", "(c)", "(d)", "2."]
    assert [top for _, top in tops] == sorted(top for _, top in tops)


# -- hidden characters ------------------------------------------------------------------------------------------


REVEALED = """() => {
  const span = document.querySelector('#redline .hidden-char');
  const text = span.nextSibling;  // "ecalp ton", right after the override
  const at = (node, offset) => { const range = document.createRange(); range.setStart(node, offset);
    range.setEnd(node, offset + 1); return range.getBoundingClientRect().left; };
  return {marker: getComputedStyle(span, '::before').content, width: span.getBoundingClientRect().width,
          e: at(text, 0), p: at(text, 4), text: text.textContent};
}"""


def test_in_the_browser_a_right_to_left_override_shows_its_marker_and_reorders_nothing(
    browser: Browser, tmp_path: Path
) -> None:
    from support.fixtures import hidden_characters

    old, new, comparison = hidden_characters()
    path = tmp_path / "hidden.html"
    path.write_text(render_html(comparison), encoding="utf-8")
    page = browser.new_page()
    page.load(path)
    found = page.evaluate(f"({REVEALED})()")
    assert found["marker"] == '"<U+202E>"' and found["width"] > 10  # the marker takes room on screen
    assert found["text"].startswith("ecalp ton")
    assert found["e"] < found["p"]  # read left to right as stored: the override acts on nothing
    assert normalise(call(page, SIDE_TEXT, "ins")) == normalise(old.text)
    assert normalise(call(page, SIDE_TEXT, "del")) == normalise(new.text)
    assert page.errors() == []
    page.close()
