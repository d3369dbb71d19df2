"""The coverage and obligation-comparison pages: complete, self-contained, escaped."""

from __future__ import annotations

from lxml import html as lxml_html
from support.html import Doc
from support.typed import xpath_elements, xpath_strings

from treaty_diff.obligations.compare import compare_obligations
from treaty_diff.obligations.coverage import check_coverage
from treaty_diff.read.checklist import load_checklist
from treaty_diff.read.corpus import load_corpus_draft
from treaty_diff.render.base import RenderOptions, get_renderer


def self_contained(page: Doc) -> None:
    assert xpath_strings(page, "//meta[@http-equiv='Content-Security-Policy']/@content")[0].startswith("default-src 'none'")
    assert not page.xpath("//*[@src] | //link | //script")


def test_the_coverage_page_has_a_row_per_element_and_a_column_per_draft() -> None:
    drafts = [load_corpus_draft("ppwt-2008"), load_corpus_draft("ost-1967")]
    report = check_coverage(drafts, load_checklist("paros"))
    page: Doc = lxml_html.fromstring(get_renderer("coverage", "html").render(report, RenderOptions()))
    self_contained(page)
    rows = xpath_elements(page, "//table/tbody/tr")
    assert len(rows) == 15
    assert all(len(xpath_elements(row, "./td")) == 2 for row in rows)
    assert page.xpath("//p[contains(@class, 'note')]"), "ppwt-2008 quotes are reconstructed: the page must say so"
    assert [h.text_content() for h in page.xpath("//section/h3")] == ["ppwt-2008", "ost-1967"]


def test_the_obligation_comparison_page_quotes_both_drafts_as_text() -> None:
    value = compare_obligations(load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014"))
    page: Doc = lxml_html.fromstring(get_renderer("obligation-comparison", "html").render(value, RenderOptions()))
    self_contained(page)
    statuses = [span.text_content() for span in page.xpath("//tbody//span[contains(@class, 'status')]")]
    assert statuses.count("dropped") == 1 and statuses.count("added") == 6
    quotes = " ".join(q.text_content() for q in page.xpath("//q"))
    assert "not assist or induce other States" in quotes
