"""DOCX redline: Word tracked changes and comments (``compare --format docx``).

The document an analyst sends to a delegation. Inserted and deleted words are
real tracked changes (``w:ins``/``w:del``), each with a unique id, the
author and the date of the options (by default "treaty-diff" and the new
draft's date); a moved provision is a tracked move (``w:moveFrom``/``w:moveTo``
inside named, paired move ranges), or a deletion and an insertion with
``moves=False``. Whole inserted or deleted paragraphs carry the revision on
their paragraph mark too, so accepting or rejecting leaves no empty paragraph.
A split or merge whose parts stand apart in a draft is a deletion of each old
provision where it stood and an insertion of each new one where it stands
(not a move: Word pairs one moveFrom with one moveTo). Renumbered, moved,
split and merged provisions, and reconstructed text, carry a Word comment in
a reader's words.

The report: a one-page summary, the redline from page 2, then the tables
(:mod:`.cover`); every page carries a header naming the redline and, when
any text is reconstructed, saying so, and a footer with the page number
(:mod:`.package`). Headers and footers are outside the body, so they take
no part in accepting or rejecting.

Options read: ``author``, ``date``, ``redline_only`` (no summary and no
tables: the body is the redline alone, so accepting every change gives the
new draft's text and rejecting every change the old), ``static`` (coloured,
struck and underlined text instead of tracked changes, for print) and
``moves``.

The output is reproducible: the same comparison and options give the same
bytes (fixed dates in the revisions, the comments, docProps/core.xml and the
zip entries).

This module registers the renderer and puts the document together. The parts:
:mod:`.layout` (which paragraph, which operation; no XML), :mod:`.notes` (the
comments' words), :mod:`.redline`
(the body: tracked changes, moves and their comments' ranges), :mod:`.comments`
(the comments part), :mod:`.cover` (the summary page before the redline, the
tables after it), :mod:`.package` (styles, properties, settings, the zip) and
:mod:`.oxml` (making elements, checking text).
"""

from __future__ import annotations

import datetime as dt
import io

from docx import Document

from treaty_diff.errors import TreatyDiffError, UsageError
from treaty_diff.model.comparison import Comparison
from treaty_diff.render.base import Renderer, RenderOptions, register
from treaty_diff.render.docx.cover import cover, tables
from treaty_diff.render.docx.layout import layout_redline
from treaty_diff.render.docx.package import deterministic_zip, prepare, track_revisions
from treaty_diff.render.docx.redline import RedlineWriter


@register
class DocxRenderer(Renderer[Comparison]):
    """Word redline with tracked changes, tracked moves and comments."""

    name = "docx"
    subject = "comparison"
    suffixes = (".docx",)
    binary = True
    options = frozenset({"author", "date", "redline_only", "static", "moves"})
    description = "Word redline: tracked changes, moves and comments"

    def render(self, value: Comparison, options: RenderOptions) -> bytes:
        return render_docx(value, options)


def render_docx(comparison: Comparison, options: RenderOptions | None = None) -> bytes:
    """The DOCX bytes of a comparison's redline (see the module docstring for the options)."""
    options = options or RenderOptions()
    stamp = revision_stamp(options.date, comparison)
    try:
        layouts = layout_redline(comparison, moves=options.moves)
    except (ValueError, KeyError) as error:  # a comparison that breaks its own invariants
        raise TreatyDiffError(f"cannot lay out the DOCX redline: {error}") from None
    document = Document()
    prepare(document, comparison, options, stamp)
    writer = RedlineWriter(document, options.author, stamp, static=options.static)
    if not options.redline_only:
        cover(document, comparison, options, stamp)
    for layout in layouts:
        writer.item(layout)
    writer.finish()
    if not options.redline_only:
        tables(document, comparison)
    if not options.static:
        track_revisions(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return deterministic_zip(buffer.getvalue())


def revision_stamp(date: str | None, comparison: Comparison) -> dt.datetime | None:
    """The date on every revision: the option's, else the new draft's, else the old one's, else none."""
    for candidate, source in ((date, "--date"), (comparison.new.date, "the new draft's date"),
                              (comparison.old.date, "the old draft's date")):
        if not candidate:
            continue
        text = candidate.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            if source == "--date":
                raise UsageError(f"--date: {candidate!r} is not an ISO date (YYYY-MM-DD)") from None
            continue
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value
    return None
