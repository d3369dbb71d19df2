"""Hidden characters (a right-to-left override, a zero-width space) in the reports: what the reader sees is what
the text says. The HTML keeps each character, isolated so that it cannot reorder the text around it, and shows
its marker; the DOCX shows the marker in its place; the text and JSON reports keep the text exact."""

from __future__ import annotations

import json

from support.docx import body_paragraphs, resolve
from support.fixtures import TROJAN, hidden_characters
from support.html import normalise, parse, side_text
from support.typed import attribute, xpath_elements

from treaty_diff.render.base import RenderOptions, get_renderer
from treaty_diff.render.docx.writer import render_docx
from treaty_diff.render.html.page import render_html

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_the_html_report_puts_each_hidden_character_in_a_marked_span_and_keeps_the_text_exact() -> None:
    old, new, comparison = hidden_characters()
    doc = parse(render_html(comparison))
    spans = xpath_elements(doc, '//*[@id="redline"]//span[@class="hidden-char"]')
    assert [(attribute(s, "data-marker"), s.text) for s in spans] == [
        ("<U+202E>", "\u202e"), ("<U+202C>", "\u202c"), ("<U+200B>", "\u200b")]
    assert all(span.get("data-annotation") is None for span in spans)  # the character is draft text
    assert all(span.getparent() is not None and span.getparent().tag == "ins" for span in spans)  # type: ignore[union-attr]
    # The contract holds as it is: the characters are in the page's text, each where the draft has it.
    assert side_text(doc, "ins") == normalise(old.text)
    assert side_text(doc, "del") == normalise(new.text)
    assert "<U+202E>" not in normalise(doc.text_content())  # the marker is shown by the stylesheet, not as text
    title = doc.find(".//title")
    assert title is not None and "\u202e" not in (title.text or "")


def test_the_html_stylesheet_isolates_a_hidden_character_and_shows_its_marker() -> None:
    css = render_html(hidden_characters()[2]).split("<style>", 1)[1].split("</style>", 1)[0]
    assert ".hidden-char { unicode-bidi: isolate;" in css
    assert "content: attr(data-marker)" in css


def test_the_docx_redline_shows_each_hidden_character_as_its_marker_in_a_style_of_its_own() -> None:
    _, new, comparison = hidden_characters()
    data = render_docx(comparison, RenderOptions(redline_only=True))
    paragraphs = body_paragraphs(data)
    marked = [run for p in paragraphs for run in p.iter(W + "r")
              if run.find(f"{W}rPr/{W}rStyle") is not None
              and run.find(f"{W}rPr/{W}rStyle").get(W + "val") == "HiddenCharacter"]  # type: ignore[union-attr]
    assert ["".join(t.text or "" for t in run.iter(W + "t")) for run in marked] == ["<U+202E>", "<U+202C>",
                                                                                    "<U+200B>"]
    accepted = [text for text in resolve(paragraphs, accept=True) if text.strip()]
    expected = [block.replace("\u202e", "<U+202E>").replace("\u202c", "<U+202C>").replace("\u200b", "<U+200B>")
                for p in new.provisions for block in p.text.split("\n\n")]
    assert accepted == expected
    assert not [p for p in paragraphs for t in p.iter(W + "t", W + "delText") if "\u202e" in (t.text or "")]


def test_the_text_and_json_reports_keep_the_characters_for_a_pipe_or_a_file() -> None:
    # (On a terminal the CLI writes them as markers: docs/hostile-input.md, tests/test_hardening.py.)
    comparison = hidden_characters()[2]
    text = get_renderer("comparison", "text").render(comparison, RenderOptions())
    assert isinstance(text, str)
    assert "{+\u202eecalp ton\u202c+}" in text
    data = get_renderer("comparison", "json").render(comparison, RenderOptions())
    assert isinstance(data, str)
    inserted = [s["text"] for c in json.loads(data)["changes"] for s in c["segments"] if s["op"] == "insert"]
    assert TROJAN[len("Each State Party shall "):TROJAN.index(" weapons")] in inserted
