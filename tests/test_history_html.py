"""The HTML reports of ``history`` and ``three-way``: read back with lxml, and the series page opened in
headless Chromium (blame colours, the version under the pointer, no request anywhere, the tags switch)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from support.browser import Browser, BrowserMissing, Page
from support.html import Doc, contrast, normalise, parse
from support.typed import attribute, text_of, xpath_elements

from treaty_diff.history import build_history
from treaty_diff.history.report import series_report
from treaty_diff.history.threeway import three_way
from treaty_diff.model.history import SeriesReport
from treaty_diff.read.corpus import load_draft
from treaty_diff.render.base import RenderOptions, get_renderer
from treaty_diff.render.history_html import TEXT, version_colour
from treaty_diff.testing.generate import draft_from_texts

LATER = str(Path(__file__).parent / "data" / "made-up" / "ppwt-later.xml")


@cache
def _report() -> SeriesReport:
    drafts = [load_draft("ppwt-2008"), load_draft("ppwt-2014"), load_draft(LATER)]
    return series_report(build_history(drafts), drafts)


@cache
def _page() -> str:
    html = get_renderer("history", "html").render(_report(), RenderOptions())
    assert isinstance(html, str)
    return html


def _doc() -> Doc:
    return parse(_page())


def test_every_blamed_provision_rebuilds_its_text_and_each_run_names_its_version() -> None:
    doc, history = _doc(), _report().history
    articles = xpath_elements(doc, "//section[@id='blame']//article")
    assert len(articles) == len(history.versions[2].eids)
    for article, (lineage, occurrence) in zip(articles, history.at(2)):
        assert attribute(article, "data-lineage") == lineage.id
        paragraphs = [text_of(p) for p in xpath_elements(article, "./p")]
        assert paragraphs == occurrence.provision.text.split("\n\n")
        spans = xpath_elements(article, ".//span[contains(@class, 'bv')]")
        assert "".join(text_of(s) for s in spans) == occurrence.provision.text.replace("\n\n", "")
        for span in spans:
            version = attribute(span, "data-version")
            assert attribute(span, "title").startswith(f"{version}: ")
            assert f"bv{int(version[1:]) - 1}" in attribute(span, "class").split()


def test_the_new_article_is_blamed_on_the_third_version_and_the_added_proviso_too() -> None:
    doc = _doc()
    new_article = xpath_elements(doc, "//article[@data-eid='art_6']")[0]
    assert {attribute(s, "data-version") for s in xpath_elements(new_article, ".//span[@data-version]")} == {"v3"}
    article_four = xpath_elements(doc, "//article[@data-eid='art_4']")[0]
    by_version = {attribute(s, "data-version"): text_of(s) for s in
                  xpath_elements(article_four, ".//span[@data-version='v3']")}
    assert "provided that its exercise does not involve the placement of weapons" in by_version["v3"]


def test_the_page_has_a_legend_a_matrix_row_and_a_timeline_per_lineage_and_no_script() -> None:
    doc, history = _doc(), _report().history
    legend = [normalise(text_of(li)) for li in xpath_elements(doc, "//section[@id='blame']//ul[@class='legend']/li")]
    assert legend == ["v1 ppwt-2008, CD/1839, 2008-02-29", "v2 ppwt-2014, CD/1985, 2014-06-12",
                      "v3 ppwt-later, 2020-01-01"]
    rows = xpath_elements(doc, "//table[@class='matrix']/tbody/tr")
    assert [attribute(r, "data-lineage") for r in rows] == [lineage.id for lineage in history.lineages]
    gone = xpath_elements(doc, "//tr[@data-lineage='L6']/td[@data-state]")
    assert [attribute(td, "data-state") for td in gone] == ["new", "gone", "absent"]
    timelines = xpath_elements(doc, "//section[@id='timelines']/details")
    assert [attribute(d, "id") for d in timelines] == [lineage.id for lineage in history.lineages]
    article_two = xpath_elements(doc, "//details[@id='L4']")[0]
    assert [normalise(text_of(i)) for i in xpath_elements(article_two, ".//ins")][-1].startswith(
        "not conduct any destructive test")
    assert "the qualifier 'of States Parties' is added: the scope narrows" in text_of(article_two)
    assert xpath_elements(doc, "//script") == []
    assert "default-src 'none'" in attribute(xpath_elements(doc, "//meta[@http-equiv]")[0], "content")
    assert "NOT the official wording" in text_of(xpath_elements(doc, "//div[@class='banner']")[0])


def test_every_version_colour_keeps_the_text_readable_and_neighbours_apart() -> None:
    colours = [version_colour(k) for k in range(40)]
    assert all(contrast(TEXT, colour) >= 7 for colour in colours)
    channels = [tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5)) for colour in colours]
    assert len(set(colours)) == len(colours)
    assert all(math.dist(a, b) > 25 for a, b in itertools.pairwise(channels))  # neighbours never look alike


def test_the_three_way_page_shows_base_a_and_b_side_by_side_with_each_status() -> None:
    base = draft_from_texts("base", [["The States Parties shall not place weapons in outer space."],
                                     ["This Treaty shall be of unlimited duration."]])
    a = draft_from_texts("prop-a", [["The States Parties shall not place any weapons in outer space."],
                                    ["This Treaty shall be of unlimited duration."]])
    b = draft_from_texts("prop-b", [["The States Parties shall never place weapons in outer space."],
                                    ["This Treaty shall be of indefinite duration."]])
    html = get_renderer("three-way", "html").render(three_way(base, a, b), RenderOptions())
    assert isinstance(html, str)
    doc = parse(html)
    heads = xpath_elements(doc, "//tr[@class='head-row']")
    assert [attribute(r, "data-status") for r in heads] == ["conflict", "only-b"]
    first = xpath_elements(doc, "//tr[@data-row='r1']")[0]
    cells = {attribute(td, "class").split()[0]: td for td in xpath_elements(first, "./td")}
    assert [text_of(x) for x in xpath_elements(cells["a"], ".//ins")] == ["any "]
    assert [text_of(x) for x in xpath_elements(cells["b"], ".//del")] == ["not"]
    assert "no change" in text_of(xpath_elements(doc, "//tr[@data-row='r2']/td[@class='a']")[0])
    assert xpath_elements(doc, "//script") == []


# -- in Chromium --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Page, Path]]:
    path = tmp_path_factory.mktemp("history") / "history.html"
    path.write_text(_page(), encoding="utf-8")
    try:
        browser = Browser.start()
    except BrowserMissing as missing:
        pytest.fail(str(missing), pytrace=False)
    with browser:
        opened = browser.new_page()
        opened.load(path)
        yield opened, path


HOVER = """(eid, version) => {
  const span = document.querySelector(`article[data-eid="${eid}"] span[data-version="${version}"]`);
  span.scrollIntoView({block: 'center'});
  const box = span.getClientRects()[0];
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return [hit.closest('[title]').title, getComputedStyle(hit).backgroundColor];
}"""


@pytest.mark.slow
def test_in_chromium_the_page_makes_no_request_and_no_error(page: tuple[Page, Path]) -> None:
    opened, path = page
    assert opened.errors() == []
    assert opened.requests_other_than(path) == []


@pytest.mark.slow
def test_in_chromium_each_version_has_its_colour_and_the_run_under_the_pointer_names_its_version(
        page: tuple[Page, Path]) -> None:
    opened, _ = page
    for eid, version, name in (("art_6", "v3", "v3: ppwt-later, 2020-01-01"),
                               ("art_4", "v2", "v2: ppwt-2014, CD/1985, 2014-06-12"),
                               ("art_4", "v1", "v1: ppwt-2008, CD/1839, 2008-02-29")):
        title, background = opened.evaluate(f"({HOVER})({eid!r}, {version!r})")
        assert title == name
        expected = version_colour(int(version[1:]) - 1)
        assert background == "rgb({}, {}, {})".format(*(int(expected[i:i + 2], 16) for i in (1, 3, 5)))


@pytest.mark.slow
def test_in_chromium_the_tags_switch_writes_each_runs_version_into_the_text(page: tuple[Page, Path]) -> None:
    opened, _ = page
    before = "getComputedStyle(document.querySelector('article[data-eid=\"art_6\"] .bv'), '::before').content"
    assert opened.evaluate(before) in ("none", "normal")
    opened.click("#show-tags")
    assert "v3" in opened.evaluate(before)
