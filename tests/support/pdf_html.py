"""A draft as an HTML page in the layout of a UN document, for Chromium to print as PDF (the second producer).

The same paragraphs as the DOCX fixture (:func:`.pdf_docx.paragraphs_of`): A4, a running header (the symbol,
"Page N") and footer (the job number, "- N -") in CSS page-margin boxes, justified text hyphenated at the points
LibreOffice's patterns allow (soft hyphens, :mod:`.pdf_hyphen`; Chromium prints the hyphen of a broken word as
U+2010), footnotes at the foot of the page that refers to them, and optionally two columns. CSS has no
footnotes that Chromium prints, so a small script lays the pages out before printing: paragraphs are added to
a page while they fit with their notes, then a new page is started.
"""

from __future__ import annotations

import html
from pathlib import Path

from support.browser import Browser
from support.pdf_docx import Layout, Para
from support.pdf_hyphen import soft_hyphenate

STYLE = """
@page { size: A4; margin: 30mm 25mm;
  @top-left { content: "%(symbol)s"; font: 9pt "Liberation Serif", serif; }
  @top-right { content: "Page " counter(page); font: 9pt "Liberation Serif", serif; }
  @bottom-left { content: "%(job)s"; font: 9pt "Liberation Serif", serif; }
  @bottom-right { content: "- " counter(page) " -"; font: 9pt "Liberation Serif", serif; } }
html, body { margin: 0; padding: 0; }
body { font: 11pt/1.3 "Liberation Serif", serif; }
.page { position: relative; width: 160mm; height: 236mm; overflow: hidden; break-after: page; }
.page:last-child { break-after: auto; }
.body { text-align: justify; hyphens: manual; }
.columns .body { column-count: 2; column-gap: 10mm; column-fill: auto; }
p { margin: 0 0 6pt 0; orphans: 1; widows: 1; }
p.title { font-size: 14pt; font-weight: bold; text-align: center; }
p.num, p.heading { font-weight: bold; text-align: center; break-after: avoid; }
p.point { margin-left: 10mm; }
sup { font-size: 7pt; line-height: 0; }
.notes { position: absolute; bottom: 0; left: 0; right: 0; font-size: 9pt; text-align: justify; }
.notes hr { width: 50mm; margin: 0 0 3pt 0; border: 0; border-top: 0.6pt solid black; }
.notes p { margin: 0 0 2pt 0; }
"""

PAGINATE = """
(() => {
  const source = document.getElementById('source');
  const paragraphs = Array.from(source.children);
  source.remove();
  const columns = document.body.classList.contains('columns');
  let page, body, notes;
  const newPage = () => {
    page = document.createElement('div'); page.className = 'page';
    body = document.createElement('div'); body.className = 'body';
    notes = document.createElement('div'); notes.className = 'notes';
    page.append(body, notes); document.body.append(page);
  };
  const fits = () => {
    const room = page.clientHeight - (notes.children.length ? notes.offsetHeight + 8 : 0);
    if (columns) { body.style.height = room + 'px'; return body.scrollWidth <= body.clientWidth + 1; }
    return body.offsetHeight <= room;
  };
  const add = (p) => {
    body.append(p);
    const added = [];
    for (const ref of p.querySelectorAll('sup[data-note]')) {
      if (!notes.children.length) notes.append(document.createElement('hr'));
      const note = document.createElement('p');
      note.innerHTML = '<sup>' + ref.textContent + '</sup> ' + ref.dataset.note;
      notes.append(note); added.push(note);
    }
    return added;
  };
  newPage();
  for (const p of paragraphs) {
    if (p.classList.contains('break')) { newPage(); continue; }
    const added = add(p);
    if (!fits() && body.children.length > 1) {
      p.remove(); added.forEach(n => n.remove());
      if (notes.children.length === 1) notes.firstChild.remove();
      fits();
      newPage(); add(p);
    }
    if (!fits()) throw new Error('a paragraph and its notes do not fit on one page: ' + p.textContent.slice(0, 40));
  }
  return document.querySelectorAll('.page').length;
})()
"""


def html_of(paragraphs: list[Para], title: str, layout: Layout) -> str:
    """The HTML page of paragraphs (before the script lays out its pages); a "break" paragraph starts a page."""
    out = []
    number = 0
    for para in paragraphs:
        if para.role == "break":
            out.append('<p class="break"></p>')
            continue
        text = html.escape(soft_hyphenate(para.text) if para.role in ("text", "point") else para.text)
        if para.note is not None:
            number += 1
            text += f'<sup data-note="{html.escape(para.note)}">{number}</sup>'
        out.append(f'<p class="{para.role}">{text}</p>')
    style = STYLE % {"symbol": layout.symbol, "job": layout.job}
    classes = ' class="columns"' if layout.columns > 1 else ""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}'
            f'</title><style>{style}</style></head><body{classes}><div id="source">{"".join(out)}</div></body></html>')


def print_pdfs(browser: Browser, jobs: list[tuple[list[Para], Layout, Path]]) -> None:
    """Print each list of paragraphs with its layout to its PDF path, in one browser."""
    for paragraphs, layout, out in jobs:
        page_html = html_of(paragraphs, out.stem, layout)
        source = out.with_suffix(".html")
        source.write_text(page_html, encoding="utf-8")
        page = browser.new_page()
        try:
            page.send("Emulation.setEmulatedMedia", {"media": "print"})  # measure the pages as they are printed
            page.load(source, settle=0.0)
            pages = page.evaluate(PAGINATE)
            assert isinstance(pages, int) and pages >= 1
            out.write_bytes(page.pdf())
        finally:
            page.close()


__all__ = ["PAGINATE", "STYLE", "html_of", "print_pdfs"]
