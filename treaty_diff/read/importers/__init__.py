"""Import a draft from plain text (``.txt``), a Word document (``.docx``) or a PDF (``.pdf``).

The one entry point is :func:`import_file`::

    result = import_file(Path("draft.docx"), ImportOptions(id="ppwt-2008", provenance="verbatim"))
    result.draft        # a valid Draft (written and read back through treaty_diff.akn)
    result.warnings     # what could not be placed, "FILE:LINE: message" (also in draft.meta.notes)
    result.info         # metadata that was guessed rather than given, for the user to check

A text file may begin with a header of ``# `` lines (the format of
``tests/data/sources/``): it is kept out of the text and carried into the
draft's notes. Nothing is added to the text (no title paragraph is made up),
and nothing depends on the day: importing a file twice gives the same draft.

Bad input (too large, binary, not UTF-8/UTF-16/Windows-1252, characters that
XML forbids, a damaged or hostile DOCX, a file of another format, no text at all) raises one
:class:`~treaty_diff.errors.InputError` naming the file and, where there is
one, the line. With ``strict=True`` every warning is an error too. See
``docs/import.md`` for what is recognised and the limits.

This package's front door only re-exports; the work is done in:

- :mod:`.run`: :func:`import_file`, :func:`import_text` and the assembling of the result;
- :mod:`.options`: :class:`ImportOptions`, checked as given;
- :mod:`.metadata`: the metadata guessed (id, title, date, symbol, language) and the provenance;
- :mod:`.plaintext`: a text file's bytes to text, its ``# `` header (and :data:`MAX_TEXT_BYTES`);
- :mod:`.docx`, :mod:`.docx_package`, :mod:`.docx_numbering`: a DOCX's paragraphs, its ZIP package
  read with limits (:data:`MAX_DOCX_BYTES` and the others), Word's styles and automatic numbering;
- :mod:`.pdf` and the ``pdf_*`` modules: a PDF's text layer read through its layout (running headers and
  footers, footnotes, columns, hyphenation, languages); imported only when a PDF is read (PDFium is slow to
  load), so nothing PDF is re-exported here;
- :mod:`.paragraphs`: the paragraph values every reader gives, and lines split into paragraphs;
- :mod:`.structure`, :mod:`.sections`, :mod:`.headings`, :mod:`.articles`, :mod:`.blocks`,
  :mod:`.definitions`: the parser that places paragraphs into a draft, finding the structure that exists
  (preface, preamble; articles, sections or paragraphs, and the parts, chapters and annexes that hold them;
  their paragraphs and points; conclusions);
- :mod:`.docx_content`: what a Word document holds besides its body's paragraphs (notes, text boxes, SmartArt;
  images, headers, footers and comments, warned of);
- :mod:`.dates`: dates written in the text.

A limit is read in the module that defines it: to change one, change it there
(``plaintext.MAX_TEXT_BYTES``, ``docx_package.MAX_PART_BYTES``, ...), not here.
"""

from __future__ import annotations

from treaty_diff.read.importers.dates import find_date
from treaty_diff.read.importers.docx import read_docx
from treaty_diff.read.importers.docx_package import MAX_DOCX_BYTES
from treaty_diff.read.importers.metadata import ASSUMED_VERBATIM, HEADER_RECONSTRUCTED
from treaty_diff.read.importers.options import ImportOptions
from treaty_diff.read.importers.paragraphs import Notice, Paragraph, split_paragraphs
from treaty_diff.read.importers.plaintext import (
    MAX_TEXT_BYTES,
    Header,
    check_text,
    decode_text,
    read_text_file,
    split_header,
)
from treaty_diff.read.importers.run import ImportResult, import_file, import_text
from treaty_diff.read.importers.structure import TextImport, parse_paragraphs
from treaty_diff.read.kinds import IMPORT_SUFFIXES, is_importable

__all__ = [
    "ASSUMED_VERBATIM",
    "HEADER_RECONSTRUCTED",
    "IMPORT_SUFFIXES",
    "MAX_DOCX_BYTES",
    "MAX_TEXT_BYTES",
    "Header",
    "ImportOptions",
    "ImportResult",
    "Notice",
    "Paragraph",
    "TextImport",
    "check_text",
    "decode_text",
    "find_date",
    "import_file",
    "import_text",
    "is_importable",
    "parse_paragraphs",
    "read_docx",
    "read_text_file",
    "split_header",
    "split_paragraphs",
]
