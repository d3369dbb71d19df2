"""Read a PDF's text layer as paragraphs for the parser: :func:`read_pdf`.

The official texts circulate as PDF. Reading one is layout work, done in steps,
each in its own module:

1. :mod:`.pdf_document`: the file opened with PDFium, as hostile input (limits,
   encryption, JavaScript, damage), and each page's glyphs with their boxes;
2. :mod:`.pdf_lines`: glyphs to pieces of text (footnote marks, soft hyphens,
   ligatures), columns, and lines in reading order;
3. :mod:`.pdf_furniture`: running headers and footers removed, footnotes taken
   out of the text and kept as notes;
4. :mod:`.pdf_paragraphs` and :mod:`.pdf_hyphens`: lines to paragraphs, words
   split by the layout joined, headings by weight and size;
5. :mod:`.pdf_language`: one language version chosen when the PDF holds several.

The paragraphs then go through the same structure recognition as text and DOCX
(:func:`~treaty_diff.read.importers.structure.parse_paragraphs`); their
``line`` is the page they start on, so messages say "page 3". The result also
says which pages each paragraph runs over: :meth:`PdfText.locate` marks every
provision of the draft with its source file and pages (one provenance source
per page span, "cd1839.pdf, pages 3-4. Imported by treaty-diff from ...").
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from treaty_diff.errors import InputError
from treaty_diff.model.draft import Draft, Provenance, Source
from treaty_diff.read.importers.paragraphs import Notice, Paragraph, quote
from treaty_diff.read.importers.pdf_document import open_pdf
from treaty_diff.read.importers.pdf_furniture import Note, PagePieces, note_text, split_footnotes, strip_running
from treaty_diff.read.importers.pdf_hyphens import vocabulary
from treaty_diff.read.importers.pdf_language import languages_of, name, present
from treaty_diff.read.importers.pdf_lines import Line, gutters, lines_of, pieces_of
from treaty_diff.read.importers.pdf_paragraphs import Placed, paragraphs_of


@dataclass(frozen=True)
class PdfText:
    """What was read from a PDF: paragraphs (``line`` = the page each starts on), the pages each runs over,
    notices (warnings, by page), footnotes (for the draft's notes), what was decided (``info``), and the
    language of the text when it could be told."""

    name: str
    paragraphs: tuple[Paragraph, ...]
    pages: tuple[tuple[int, int], ...]
    notices: tuple[Notice, ...]
    notes: tuple[str, ...]
    info: tuple[str, ...]
    language: str | None

    def locate(self, draft: Draft) -> Draft:
        """The draft with each provision's provenance naming this file and the pages the provision is on.

        Blocks are found among the paragraphs in order (a block's text is a paragraph's text, or starts one, since
        the parser never changes words); the status (verbatim or reconstructed) is kept as it is.
        """
        texts = [p.text for p in self.paragraphs]
        cursor = 0
        spans: dict[str, tuple[int, int]] = {}
        for provision in draft.provisions:
            first = last = None
            for block in provision.blocks:
                probe = block.body[:60]
                found = next((i for i in range(cursor, len(texts)) if probe in texts[i]), None)
                if found is None:
                    continue
                cursor = found
                start, end = self.pages[found]
                first = start if first is None else min(first, start)
                last = end if last is None else max(last, end)
            if first is not None and last is not None:
                spans[provision.eid] = (first, last)
        sources: dict[tuple[int, int], Source] = {}
        provisions = []
        for provision in draft.provisions:
            span = spans.get(provision.eid)
            if span is None or not provision.blocks:
                provisions.append(provision)
                continue
            base = provision.blocks[0].provenance.source
            if span not in sources:
                where = f"page {span[0]}" if span[0] == span[1] else f"pages {span[0]}-{span[1]}"
                suffix = f"p{span[0]}" if span[0] == span[1] else f"p{span[0]}-{span[1]}"
                sources[span] = Source(f"{base.id}-{suffix}", f"{self.name}, {where}. {base.description}")
            blocks = tuple(dataclasses.replace(b, provenance=Provenance(b.provenance.status, sources[span]))
                           for b in provision.blocks)
            provisions.append(dataclasses.replace(provision, blocks=blocks))
        used = {b.provenance.source.id for p in provisions for b in p.blocks}
        kept = tuple(s for s in draft.meta.sources if s.id in used)
        meta = dataclasses.replace(draft.meta, sources=kept + tuple(sorted(sources.values(), key=_page_order)))
        return dataclasses.replace(draft, meta=meta, provisions=tuple(provisions))


def _page_order(source: Source) -> tuple[int, ...]:
    pages = source.id.rsplit("-p", 1)[-1].split("-")
    return tuple(int(p) for p in pages if p.isdigit())


def read_pdf(path: Path, location: str, language: str | None = None) -> PdfText:
    """Read a PDF's paragraphs; ``language`` picks one language version when the PDF holds several.

    Raises InputError for a file that cannot be read as a PDF with a text layer (see :mod:`.pdf_document`), and
    for one that holds several languages when ``language`` does not choose one of them.
    """
    notices: list[Notice] = []
    info: list[str] = []
    pages: list[PagePieces] = []
    imaged: list[int] = []
    with open_pdf(path, location) as pdf:
        if pdf.restricted:
            notices.append(Notice("the PDF is encrypted with an owner password only (restrictions on copying or "
                                  "printing); its text was read"))
        for read in pdf.read_pages():
            pieces = pieces_of(read.glyphs)
            if not any(p.text for p in pieces) and read.images:
                imaged.append(read.number)
            pages.append(PagePieces(read.number, read.height, pieces, read.rules))
        count = pdf.pages
    if not any(p.text for page in pages for p in page.pieces):
        if imaged:
            raise InputError(location, "no text layer: the pages are images (a scanned document?); run OCR on it, "
                                       "or import the text from another source")
        raise InputError(location, "the PDF has no text")
    notices.extend(Notice("this page has no text, only images (a scanned page?): nothing on it is imported", n)
                   for n in imaged)
    body = _body_size(pages)
    removed = strip_running(pages)
    notes: list[Note] = []
    lines: list[Line] = []
    columned: list[int] = []
    for page in pages:
        found = gutters(page.pieces)
        split_footnotes(page, body, notes, found)
        if found:
            columned.append(page.number)
        lines.extend(lines_of(page.pieces, page.number, found))
    vocab = vocabulary((line.text, line.soft_end) for line in lines)
    placed = paragraphs_of(lines, body, vocab)
    placed, chosen = _choose_language(placed, language, location, info)
    kept_pages = {n for p in placed for n in range(p.first_page, p.last_page + 1)}
    footnotes = [f"footnote {note.mark} (page {note.page}): {note_text(note, vocab)}" for note in notes
                 if note.page in kept_pages or not kept_pages]
    info.append(f"PDF: {count} page(s), {len(placed)} paragraph(s); the paragraphs are rebuilt from the layout: "
                "check them")
    if removed:
        shapes = ", ".join(quote(shape, 30) for shape, _ in removed.most_common(4))
        info.append(f"running headers and footers: {sum(removed.values())} removed ({shapes}, ...; digits as #)")
    if footnotes:
        info.append(f"footnotes: {len(footnotes)} kept out of the text, in the draft's notes")
    if columned:
        info.append(f"columns: {_pages(columned)} read column by column")
    if vocab.guesses:
        kept = [word for word, keep in vocab.guesses if keep]
        joined = [word for word, keep in vocab.guesses if not keep]
        info.append(f"hyphens at line ends: {len(vocab.guesses)} judged from the document's own words (the PDF does "
                    f"not mark the layout's): kept in {_examples(kept)}; dropped in {_examples(joined)}; check them")
    return PdfText(path.name, tuple(p.paragraph for p in placed), tuple((p.first_page, p.last_page) for p in placed),
                   tuple(notices), tuple(footnotes), tuple(info), chosen)


def _examples(words: Sequence[str]) -> str:
    if not words:
        return "none"
    shown = ", ".join(quote(word, 30) for word in words[:4])
    return f"{len(words)} ({shown}{', ...' if len(words) > 4 else ''})"


def _body_size(pages: Sequence[PagePieces]) -> float:
    """The usual height of the body text's glyphs: the one most characters have."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for piece in page.pieces:
            sizes[round(piece.size, 1)] += len(piece.text)
    return max(sizes, key=lambda s: sizes[s]) if sizes else 0.0


def _choose_language(placed: list[Placed], language: str | None, location: str,
                     info: list[str]) -> tuple[list[Placed], str | None]:
    texts = [p.paragraph.text for p in placed]
    codes = languages_of(texts)
    found = present(texts, codes)
    wanted = language.split("-")[0].casefold() if language else None
    if len(found) <= 1:
        told = found[0] if found else None
        if told is not None and wanted is not None and told != wanted:
            info.append(f"language: the text looks {name(told)} ({told}), not {language} as given; kept as given")
        elif told is not None and wanted is None:
            info.append(f"language: {told}, from the words of the text")
        return placed, told
    where = {code: _pages([n for p, c in zip(placed, codes) if c == code
                           for n in range(p.first_page, p.last_page + 1)]) for code in found}
    listing = ", ".join(f"{name(code)} ({where[code]})" for code in found)
    if wanted is None or wanted not in found:
        choices = " or ".join(f"--language {code}" for code in found)
        given = f"--language {language} is not among them" if language else "which one to import?"
        raise InputError(location, f"the PDF holds the text in several languages: {listing}; {given} (import one "
                                   f"with {choices})")
    others = ", ".join(f"{name(code)} ({where[code]})" for code in found if code != wanted)
    info.append(f"language: the {name(wanted)} text ({where[wanted]}) imported, as asked; the PDF also holds "
                f"{others}")
    return [p for p, c in zip(placed, codes) if c == wanted], wanted


def _pages(numbers: Sequence[int]) -> str:
    """Page numbers as ranges: "page 3", "pages 1-4, 7"."""
    ordered = sorted(set(numbers))
    ranges: list[str] = []
    start = previous = ordered[0]
    for number in [*ordered[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        ranges.append(str(start) if start == previous else f"{start}-{previous}")
        if number is not None:
            start = previous = number
    return ("page " if len(ordered) == 1 else "pages ") + ", ".join(ranges)


__all__ = ["PdfText", "read_pdf"]
