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

Options read: ``author``, ``date``, ``redline_only`` (no cover: the document
is the redline alone, so accepting every change gives the new draft's text
and rejecting every change the old), ``static`` (coloured, struck and
underlined text instead of tracked changes, for print) and ``moves``.

The output is reproducible: the same comparison and options give the same
bytes (fixed dates in the revisions, the comments, docProps/core.xml and the
zip entries).

The layout (which paragraph, which operation) is in :mod:`docx_layout`; this
module writes it with python-docx and its oxml helpers.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from typing import Any, cast

from docx import Document
from docx.comments import Comment
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.comments import CT_Comment
from docx.oxml.ns import nsdecls, nsmap, qn
from docx.shared import Pt
from lxml import etree

from treaty_diff.errors import OutputError, TreatyDiffError, UsageError
from treaty_diff.model.comparison import Change, Comparison
from treaty_diff.model.obligations import Obligation
from treaty_diff.render.base import Renderer, RenderOptions, register
from treaty_diff.render.docx.layout import ItemLayout, Op, Para, describe_side, draft_name, layout_redline

#: Characters XML 1.0 cannot carry (the draft reader refuses them; this is the last line of defence).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Left indent per nesting level of a point, in twentieths of a point (0.75 cm).
_INDENT_TWIPS = 425
#: A table cell's text splits into runs of text, tabs and single line-break characters (see _cell_text).
_CELL_BREAKS = re.compile(r"(\t|\r|\n)")
_TC_PR = qn("w:tcPr")
#: Zip entry time: the earliest a zip can hold, so two runs give the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

_REVISION_TAG: dict[Op, str] = {"insert": "w:ins", "delete": "w:del", "move-from": "w:moveFrom", "move-to": "w:moveTo"}
#: The revision on a paragraph mark. A moved paragraph's mark is a deletion where it stood and an insertion
#: where it stands: Word accepts and rejects those like a moved mark, and LibreOffice (7.4) ignores a
#: w:moveFrom/w:moveTo on a paragraph mark, which would leave an empty paragraph behind.
_MARK_TAG: dict[Op, str] = {"insert": "w:ins", "delete": "w:del", "move-from": "w:del", "move-to": "w:ins"}

#: Static mode: how each operation looks on paper (run properties, in schema order).
_STATIC_LOOK: dict[Op, tuple[tuple[str, str | None], ...]] = {
    "equal": (),
    "insert": (("w:color", "1F4E9E"), ("w:u", "single")),
    "delete": (("w:strike", None), ("w:color", "C00000")),
    "move-from": (("w:dstrike", None), ("w:color", "00875A")),
    "move-to": (("w:color", "00875A"), ("w:u", "double")),
}

_COMMENT_STYLES = (
    f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="CommentText">'
    '<w:name w:val="annotation text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>'
    '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
    f'<w:style {nsdecls("w")} w:type="character" w:styleId="CommentReference">'
    '<w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/>'
    '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>',
)

#: Children of w:settings that come after w:trackRevisions in the schema's sequence.
_SETTINGS_AFTER_TRACK = (
    "w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection", "w:autoFormatOverride",
    "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop",
)


@register
class DocxRenderer(Renderer[Comparison]):
    """Word redline with tracked changes, tracked moves and comments."""

    name = "docx"
    subject = "comparison"
    extension = "docx"
    binary = True
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
    _prepare(document, comparison, options, stamp)
    writer = _Writer(document, options.author, stamp, static=options.static)
    if not options.redline_only:
        _cover(document, comparison, options, stamp)
    for layout in layouts:
        writer.item(layout)
    writer.finish()
    if not options.static:
        _track_revisions(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _deterministic_zip(buffer.getvalue())


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


def checked(text: str, where: str) -> str:
    """``text`` unchanged, or OutputError if it holds a character that XML forbids."""
    match = _FORBIDDEN.search(text)
    if match:
        raise OutputError(
            "DOCX report",
            f"{where}: the text holds U+{ord(match.group()):04X}, a control character XML cannot carry",
        )
    return text


# -- the redline ----------------------------------------------------------------------------------------


class _Writer:
    """Writes laid-out redline items into the document body, numbering every revision and comment."""

    def __init__(self, document: Any, author: str, stamp: dt.datetime | None, *, static: bool) -> None:
        self.document = document
        self.body = document.element.body
        # The body's section properties, found once: every paragraph goes before them. Finding them per paragraph
        # scans the body, which made long redlines quadratic.
        self.sect_pr = self.body.find(qn("w:sectPr"))
        self.initials = _initials(author)
        self.comments: Any = None  # the comments part's w:comments element and the part, made at the first comment
        self.comments_part: Any = None
        self.author = author
        self.date = stamp.strftime("%Y-%m-%dT%H:%M:%SZ") if stamp else None
        self.static = static
        self.next_id = 1
        self.last: Any = None
        self.last_mark: Op = "equal"

    def _id(self) -> str:
        value = self.next_id
        self.next_id += 1
        return str(value)

    def _revision(self, tag: str) -> Any:
        element = _element(tag)
        element.set(qn("w:id"), self._id())
        element.set(qn("w:author"), self.author)
        if self.date:
            element.set(qn("w:date"), self.date)
        return element

    def _append(self, element: Any) -> None:
        if self.sect_pr is not None:
            self.sect_pr.addprevious(element)
        else:
            self.body.append(element)

    def item(self, layout: ItemLayout) -> None:
        where = f"{describe_side(layout.change.new or layout.change.old)} ({layout.change.id})"
        paragraphs = [self.paragraph(para, where) for para in layout.paras]
        if not paragraphs:
            return
        first, last = paragraphs[0], paragraphs[-1]
        if layout.move_name and not self.static:
            kind = "moveFrom" if layout.item.role == "moved-from" else "moveTo"
            start = self._revision(f"w:{kind}RangeStart")
            start.set(qn("w:name"), layout.move_name)
            _insert_after_ppr(first, start)
            end = _element(f"w:{kind}RangeEnd")
            end.set(qn("w:id"), start.get(qn("w:id")))
            last.append(end)
        for note in layout.notes:
            self.comment(first, last, checked(note.text, where))

    def paragraph(self, para: Para, where: str) -> Any:
        p = _element("w:p")
        p_pr = _element("w:pPr")
        style = _style_id(para)
        if style:
            p_style = _element("w:pStyle")
            p_style.set(qn("w:val"), style)
            p_pr.append(p_style)
        depth = para.line.depth if para.line else 0
        if depth:
            ind = _element("w:ind")
            ind.set(qn("w:left"), str(_INDENT_TWIPS * depth))
            p_pr.append(ind)
        if para.mark != "equal" and not self.static:
            r_pr = _element("w:rPr")
            r_pr.append(self._revision(_MARK_TAG[para.mark]))
            p_pr.append(r_pr)
        if len(p_pr):
            p.append(p_pr)
        for piece in para.pieces:
            text = checked(piece.text, where)
            if self.static or piece.op == "equal":
                p.append(_run(text, _STATIC_LOOK[piece.op] if self.static else (), deleted=False))
            else:
                wrapper = self._revision(_REVISION_TAG[piece.op])
                wrapper.append(_run(text, (), deleted=piece.op == "delete"))
                p.append(wrapper)
        self._append(p)
        self.last = p
        self.last_mark = para.mark
        return p

    def comment(self, first: Any, last: Any, text: str) -> None:
        """A comment whose range runs from the start of ``first`` to the end of ``last``."""
        comment_id = self._id()
        self._comment_element(comment_id, text)
        start = _element("w:commentRangeStart")
        start.set(qn("w:id"), comment_id)
        _insert_after_ppr(first, start)
        end = _element("w:commentRangeEnd")
        end.set(qn("w:id"), comment_id)
        last.append(end)
        run = _element("w:r")
        r_pr = _element("w:rPr")
        r_style = _element("w:rStyle")
        r_style.set(qn("w:val"), "CommentReference")
        r_pr.append(r_style)
        run.append(r_pr)
        reference = _element("w:commentReference")
        reference.set(qn("w:id"), comment_id)
        run.append(reference)
        last.append(run)

    def _comment_element(self, comment_id: str, text: str) -> CT_Comment:
        """A ``w:comment`` appended to the comments part, as ``document.comments.add_comment`` writes it.

        python-docx's ``add_comment`` scans every comment for the next free id, and finding the new comment by its id
        scans them again: quadratic in the number of comments. The writer numbers its comments itself, so this
        makes the element directly (the same markup, attributes in the same order) and keeps the part at hand.
        """
        if self.comments is None:
            _ = self.document.comments  # the first use makes the comments part, as add_comment would
            self.comments_part = self.document.part.part_related_by(RT.COMMENTS)
            self.comments = self.comments_part.element
        element = cast(CT_Comment, parse_xml(
            f'<w:comment {nsdecls("w")} w:id="{comment_id}" w:author="">'
            '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r></w:p>'
            "</w:comment>"
        ))
        self.comments.append(element)
        element.author = self.author
        element.initials = self.initials
        if self.date:
            element.set(qn("w:date"), self.date)
        if text == "":
            return element
        comment = Comment(element, self.comments_part)
        first_text, *more = text.split("\n")
        comment.paragraphs[0].add_run(first_text)
        for paragraph_text in more:
            comment.add_paragraph(text=paragraph_text)
        return element

    def finish(self) -> None:
        """End on a plain paragraph: no application can remove the document's last paragraph mark."""
        if self.last is not None and self.last_mark != "equal" and not self.static:
            self._append(_element("w:p"))


def _element(tag: str) -> Any:
    """A new element ``prefix:name``, made by lxml directly.

    python-docx's ``OxmlElement`` does the same through its own parser, which
    makes a Python object of a custom class for each element (13 µs each, a
    second on a 1,000-article redline); the element written here needs none,
    and python-docx gives it its class when it reads it in the document.
    """
    prefix = tag.partition(":")[0]
    return etree.Element(qn(tag), nsmap={prefix: nsmap[prefix]})


def _initials(author: str) -> str:
    return "".join(word[0] for word in re.split(r"[\s\-_.]+", author) if word).upper()[:9]


def _insert_after_ppr(paragraph: Any, element: Any) -> None:
    """Put a range marker at the start of a paragraph: after its properties and any earlier markers."""
    index = 0
    for child in paragraph:
        if child.tag in (qn("w:pPr"), qn("w:moveFromRangeStart"), qn("w:moveToRangeStart"),
                         qn("w:commentRangeStart")):
            index += 1
        else:
            break
    paragraph.insert(index, element)


def _style_id(para: Para) -> str | None:
    line = para.line
    if line is None:
        return None
    if line.role == "num":
        return "Heading2"
    if line.role == "heading":
        return "Heading3"
    if line.block_kind == "title":
        return "Heading1"
    return None


def _run(text: str, look: Sequence[tuple[str, str | None]], *, deleted: bool) -> Any:
    """A ``w:r`` holding ``text`` (``w:delText`` when deleted), tabs and line breaks as their own elements."""
    run = _element("w:r")
    if look:
        r_pr = _element("w:rPr")
        for tag, value in look:
            prop = _element(tag)
            if value is not None:
                prop.set(qn("w:val"), value)
            r_pr.append(prop)
        run.append(r_pr)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for chunk in re.split(r"(\t|\n)", text):
        if chunk == "\t":
            run.append(_element("w:tab"))
        elif chunk == "\n":
            run.append(_element("w:br"))
        elif chunk:
            t = _element("w:delText" if deleted else "w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = chunk
            run.append(t)
    return run


# -- the cover: metadata and summary ----------------------------------------------------------------------


def _cover(document: Any, comparison: Comparison, options: RenderOptions, stamp: dt.datetime | None) -> None:
    old, new = comparison.old, comparison.new
    old_name, new_name = draft_name(old, new), draft_name(new, old)
    where = "the cover"
    document.add_paragraph(checked(f"Redline: {old_name} to {new_name}", where), style="Title")
    if options.static:
        intro = (f"Text added in {new_name} is underlined in blue, text removed is struck through in red; "
                 "a moved provision is struck through twice in green where it stood and underlined twice "
                 "in green where it stands.")
    else:
        date = f", dated {stamp.date().isoformat()}" if stamp else ""
        intro = (f"Changes from {old_name} to {new_name} are tracked changes by {options.author}{date}: "
                 f"accepting all of them gives the text of {new_name}, rejecting all of them the text of "
                 f"{old_name}.")
    document.add_paragraph(checked(intro, where))

    document.add_heading("The drafts", level=1)
    rows = [
        ("Title", old.title, new.title),
        ("Symbol", old.symbol or "", new.symbol or ""),
        ("Date", old.date or "", new.date or ""),
        ("Proponents", ", ".join(old.proponents), ", ".join(new.proponents)),
        ("Status", old.status, new.status),
        ("Language", old.language, new.language),
    ]
    _table(document, ("", "Old draft", "New draft"), rows, where)

    document.add_heading("Summary", level=1)
    s = comparison.summary
    counts = [f"{n} {label}" for n, label in (
        (s.modified, "modified"), (s.inserted, "inserted"), (s.deleted, "deleted"), (s.split, "split"),
        (s.merged, "merged"), (s.renumbered, "renumbered"), (s.moved, "moved"), (s.unchanged, "unchanged"),
    ) if n]
    summary = "Provisions: " + (", ".join(counts) if counts else "none") + ". "
    summary += f"Words: {s.words_inserted} added, {s.words_deleted} removed."
    document.add_paragraph(checked(summary, where))
    changed = _changes_once(comparison)
    if changed:
        _table(document, ("Change", "Old", "New", "Words added", "Words removed"),
               [(_kind_label(c), describe_side(c.old) if c.old else "—", describe_side(c.new) if c.new else "—",
                 str(c.words_inserted), str(c.words_deleted)) for c in changed], where)
    else:
        document.add_paragraph("The drafts do not differ.")
    for side, meta in (("old", old), ("new", new)):
        names = [info.label + (" (in part)" if info.provenance == "mixed" else "")
                 for info in comparison.reconstructed_provisions(side)]  # type: ignore[arg-type]
        if names:
            document.add_paragraph(checked(
                f"Reconstructed text, not the official wording, in {draft_name(meta, new if side == 'old' else old)}: "
                f"{', '.join(names)}. Each carries a comment in the redline.", where))
    definitions = [d for d in comparison.definitions if d.kind != "unchanged" or d.renamed]
    if definitions:
        document.add_heading("Defined terms", level=1)
        _table(document, ("Term", "Change", "Description"),
               [(d.term, d.kind + (", renamed" if d.renamed else ""), d.description) for d in definitions], where)
    _obligations(document, comparison, where)
    document.add_page_break()
    document.add_heading("Redline", level=1)


def _obligations(document: Any, comparison: Comparison, where: str) -> None:
    """The obligations that changed between the drafts (dropped, added, weakened, strengthened, changed)."""
    value = comparison.obligations
    if value is None:
        return
    document.add_heading("Obligations", level=1)
    counts = ", ".join(f"{n} {status}" for status, n in value.counts.items())
    document.add_paragraph(checked(
        f"{value.reference_total} obligations in {value.reference}, {value.other_total} in {value.other}: {counts}.",
        where))
    listed = [change for change in value.changes if change.status != "unchanged"]
    if not listed:
        return

    def quote(label: str | None, obligation: Obligation | None) -> str:
        if obligation is None:
            return "—"
        note = " [reconstructed, not the official wording]" if obligation.reconstructed else ""
        return f"{label}: “{obligation.quote}”{note}"

    _table(document, ("Status", "What changed", value.reference, value.other),
           [(change.status, "; ".join((change.headline, *change.reasons)), quote(change.old_label, change.old),
             quote(change.new_label, change.new)) for change in listed], where)


def _changes_once(comparison: Comparison) -> list[Change]:
    """The changed provisions in redline order, a moved one once (where it stands now), likewise a split or
    merge shown in parts (at its first new part)."""
    result: list[Change] = []
    seen: set[str] = set()
    by_id = comparison.changes_by_id
    for item in comparison.redline:
        if item.role in ("moved-from", "part-from") or item.change_id in seen:
            continue
        change = by_id[item.change_id]
        seen.add(change.id)
        if change.changed:
            result.append(change)
    return result


def _kind_label(change: Change) -> str:
    flags = [flag for flag, on in (("renumbered", change.renumbered), ("moved", change.moved)) if on]
    label = change.kind if not flags or change.kind != "unchanged" else ", ".join(flags)
    if flags and change.kind != "unchanged":
        label += ", " + ", ".join(flags)
    if change.reconstructed:
        label += " (reconstructed text)"
    return label


def _table(document: Any, header: Sequence[str], rows: Sequence[Sequence[str]], where: str) -> None:
    """A grid table with a bold header row; each row's cells as ``table.add_row().cells[i].text = text`` makes them.

    python-docx's ``add_row`` looks the table's grid up among all its rows, and setting a cell's text runs an XPath
    query and a step per character: a table of thousands of changes took most of the redline's time. The first
    row is added by python-docx; the others are copies of it made before its cells are filled.
    """
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    blank: Any = None  # an empty row, as add_row makes it
    for row in rows:
        if blank is None:
            tr = table.add_row()._tr
            blank = copy.deepcopy(tr)
        else:
            tr = copy.deepcopy(blank)
            table._tbl.append(tr)
        for tc, text in zip(tr.tc_lst, row):
            _cell_text(tc, checked(text, where))


def _cell_text(tc: Any, text: str) -> None:
    """Set a table cell's text as python-docx's ``_Cell.text`` does: one paragraph, one run, a ``w:tab`` for each
    tab, a ``w:br`` for each line break, ``w:t`` for the rest (space-preserving when it starts or ends with space).
    """
    for child in list(tc):
        if child.tag != _TC_PR:
            tc.remove(child)
    paragraph = _element("w:p")
    run = _element("w:r")
    paragraph.append(run)
    tc.append(paragraph)
    for chunk in _CELL_BREAKS.split(text):
        if chunk == "\t":
            run.append(_element("w:tab"))
        elif chunk in ("\r", "\n"):
            run.append(_element("w:br"))
        elif chunk:
            t = _element("w:t")
            t.text = chunk
            if len(chunk.strip()) < len(chunk):
                t.set(qn("xml:space"), "preserve")
            run.append(t)


# -- the package: styles, properties, settings, zip ---------------------------------------------------------


def _prepare(document: Any, comparison: Comparison, options: RenderOptions, stamp: dt.datetime | None) -> None:
    """Comment styles, core properties with fixed dates, and no template thumbnail."""
    styles = document.styles.element
    for xml in _COMMENT_STYLES:
        styles.append(parse_xml(xml))
    document.styles["Normal"].font.size = Pt(11)
    package = document.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[r_id]
    old_name = draft_name(comparison.old, comparison.new)
    new_name = draft_name(comparison.new, comparison.old)
    core = document.core_properties
    core.title = _property(f"Redline: {old_name} to {new_name}")
    core.subject = _property(f"{comparison.old.title} / {comparison.new.title}")
    core.author = _property(options.author)
    core.last_modified_by = options.author
    core.comments = "Written by treaty-diff"
    core.revision = 1
    if stamp is not None:
        core.created = stamp
        core.modified = stamp
    else:
        # No date to give: say none rather than the template's.
        core_element = package.part_related_by(RT.CORE_PROPERTIES).element
        for name in ("created", "modified"):
            for element in core_element.findall("{http://purl.org/dc/terms/}" + name):
                core_element.remove(element)


def _property(text: str) -> str:
    """A core property value: at most 255 characters (the OPC limit), shortened with an ellipsis."""
    text = checked(text, "the document properties")
    return text if len(text) <= 255 else text[:254] + "…"


def _track_revisions(document: Any) -> None:
    """Turn on w:trackRevisions: edits made to the redline are tracked too. Markup shows by default."""
    settings = document.settings.element
    track = _element("w:trackRevisions")
    following = [child for child in settings if child.tag in {qn(t) for t in _SETTINGS_AFTER_TRACK}]
    if following:
        following[0].addprevious(track)
    else:
        settings.append(track)


def _deterministic_zip(data: bytes) -> bytes:
    """The same package with fixed entry times and attributes, so equal input gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            target.writestr(entry, source.read(info.filename), compresslevel=6)
    return out.getvalue()
