"""The DOCX redline's body: laid-out redline items written as Word tracked changes, moves and comments.

Inserted and deleted words are real tracked changes (``w:ins``/``w:del``),
each with a unique id, the author and the date; a moved provision is a
tracked move (``w:moveFrom``/``w:moveTo`` inside named, paired move ranges),
or a deletion and an insertion when the layout has no move (``moves=False``).
Whole inserted or deleted paragraphs carry the revision on their paragraph mark
too, so accepting or rejecting leaves no empty paragraph. The notes of an item
become Word comments over its paragraphs (:mod:`.comments`). In static mode
the same runs are coloured, struck and underlined text instead.

The layout (which paragraph, which operation) comes from :mod:`.layout`; this
module writes it with lxml elements python-docx reads as its own.

A hidden character of the text (a bidi override, a zero-width space:
:mod:`treaty_diff.text.controls`) is written as its marker, ``<U+202E>``, in a
run of its own in the character style ``HiddenCharacter``: Word would let the
character act (reorder or hide the text around it), so the document shows
what it is instead. Accepting every change then gives the new draft's text
with such markers in place of those characters.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from docx.oxml.ns import nsdecls, qn

from treaty_diff.render.docx.comments import Comments
from treaty_diff.render.docx.layout import ItemLayout, Op, Para
from treaty_diff.render.docx.notes import describe_side
from treaty_diff.render.docx.oxml import checked, element, shown
from treaty_diff.text.controls import marker, split_hidden

#: Left indent per nesting level of a point, in twentieths of a point (0.75 cm).
_INDENT_TWIPS = 425

_REVISION_TAG: dict[Op, str] = {"insert": "w:ins", "delete": "w:del", "move-from": "w:moveFrom", "move-to": "w:moveTo",
                                 "moved-delete": "w:del"}
#: The revision on a paragraph mark. A moved paragraph's mark is a deletion where it stood and an insertion
#: where it stands: Word accepts and rejects those like a moved mark, and LibreOffice (7.4) ignores a
#: w:moveFrom/w:moveTo on a paragraph mark, which would leave an empty paragraph behind.
_MARK_TAG: dict[Op, str] = {"insert": "w:ins", "delete": "w:del", "move-from": "w:del", "move-to": "w:ins",
                             "moved-delete": "w:ins"}

#: Static mode: how each operation looks on paper (run properties, in schema order).
_STATIC_LOOK: dict[Op, tuple[tuple[str, str | None], ...]] = {
    "equal": (),
    "insert": (("w:color", "1F4E9E"), ("w:u", "single")),
    "delete": (("w:strike", None), ("w:color", "C00000")),
    "move-from": (("w:dstrike", None), ("w:color", "00875A")),
    "move-to": (("w:color", "00875A"), ("w:u", "double")),
    "moved-delete": (("w:strike", None), ("w:color", "C00000")),
}


class RedlineWriter:
    """Writes laid-out redline items into the document body, numbering every revision and comment."""

    def __init__(self, document: Any, author: str, stamp: dt.datetime | None, *, static: bool) -> None:
        self.document = document
        self.body = document.element.body
        # The body's section properties, found once: every paragraph goes before them. Finding them per paragraph
        # scans the body, which made long redlines quadratic.
        self.sect_pr = self.body.find(qn("w:sectPr"))
        self.author = author
        self.date = stamp.strftime("%Y-%m-%dT%H:%M:%SZ") if stamp else None
        self.comments = Comments(document, author, self.date)
        self.static = static
        self.next_id = 1
        self.last: Any = None
        self.last_mark: Op = "equal"

    def _id(self) -> str:
        value = self.next_id
        self.next_id += 1
        return str(value)

    def _revision(self, tag: str) -> Any:
        revision = element(tag)
        revision.set(qn("w:id"), self._id())
        revision.set(qn("w:author"), self.author)
        if self.date:
            revision.set(qn("w:date"), self.date)
        return revision

    def _moved(self, deletion: Any) -> Any:
        """A deletion inside the new end of a move, nested in a ``w:moveTo``: gone on accept and on reject.

        The move around it carries no date: LibreOffice (7.4) drops a deletion
        nested in a dated revision by the same author, taking it for the author
        deleting their own insertion, and would keep the words in both drafts.
        """
        move = element("w:moveTo")
        move.set(qn("w:id"), self._id())
        move.set(qn("w:author"), self.author)
        move.append(deletion)
        return move

    def _append(self, paragraph: Any) -> None:
        if self.sect_pr is not None:
            self.sect_pr.addprevious(paragraph)
        else:
            self.body.append(paragraph)

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
            end = element(f"w:{kind}RangeEnd")
            end.set(qn("w:id"), start.get(qn("w:id")))
            last.append(end)
        for note in layout.notes:
            self.comment(first, last, shown(note.text, where))

    def paragraph(self, para: Para, where: str) -> Any:
        p = element("w:p")
        p_pr = element("w:pPr")
        style = _style_id(para)
        if style:
            p_style = element("w:pStyle")
            p_style.set(qn("w:val"), style)
            p_pr.append(p_style)
        depth = para.line.depth if para.line else 0
        if depth:
            ind = element("w:ind")
            ind.set(qn("w:left"), str(_INDENT_TWIPS * depth))
            p_pr.append(ind)
        if para.mark != "equal" and not self.static:
            r_pr = element("w:rPr")
            r_pr.append(self._revision(_MARK_TAG[para.mark]))
            p_pr.append(r_pr)
        if len(p_pr):
            p.append(p_pr)
        for piece in para.pieces:
            text = checked(piece.text, where)
            if self.static or piece.op == "equal":
                p.extend(_runs(text, _STATIC_LOOK[piece.op] if self.static else (), deleted=False))
            else:
                wrapper = self._revision(_REVISION_TAG[piece.op])
                wrapper.extend(_runs(text, (), deleted=piece.op in ("delete", "moved-delete")))
                p.append(self._moved(wrapper) if piece.op == "moved-delete" else wrapper)
        self._append(p)
        self.last = p
        self.last_mark = para.mark
        return p

    def comment(self, first: Any, last: Any, text: str) -> None:
        """A comment whose range runs from the start of ``first`` to the end of ``last``."""
        comment_id = self._id()
        self.comments.add(comment_id, text)
        start = element("w:commentRangeStart")
        start.set(qn("w:id"), comment_id)
        _insert_after_ppr(first, start)
        end = element("w:commentRangeEnd")
        end.set(qn("w:id"), comment_id)
        last.append(end)
        run = element("w:r")
        r_pr = element("w:rPr")
        r_style = element("w:rStyle")
        r_style.set(qn("w:val"), "CommentReference")
        r_pr.append(r_style)
        run.append(r_pr)
        reference = element("w:commentReference")
        reference.set(qn("w:id"), comment_id)
        run.append(reference)
        last.append(run)

    def finish(self) -> None:
        """End on a plain paragraph: no application can remove the document's last paragraph mark."""
        if self.last is not None and self.last_mark != "equal" and not self.static:
            self._append(element("w:p"))


def _insert_after_ppr(paragraph: Any, marker: Any) -> None:
    """Put a range marker at the start of a paragraph: after its properties and any earlier markers."""
    index = 0
    for child in paragraph:
        if child.tag in (qn("w:pPr"), qn("w:moveFromRangeStart"), qn("w:moveToRangeStart"),
                         qn("w:commentRangeStart")):
            index += 1
        else:
            break
    paragraph.insert(index, marker)


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


#: The character style of a hidden character's marker (added to the document's styles by :mod:`.package`).
HIDDEN_STYLE = "HiddenCharacter"


def _runs(text: str, look: Sequence[tuple[str, str | None]], *, deleted: bool) -> list[Any]:
    """The runs of ``text``: one for its ordinary text, and one for each hidden character, shown as its marker in
    the :data:`HIDDEN_STYLE` style."""
    pieces = split_hidden(text)
    if len(pieces) == 1 and not pieces[0][1]:
        return [_run(text, look, deleted=deleted)]
    return [_run(marker(piece), look, deleted=deleted, style=HIDDEN_STYLE) if hidden
            else _run(piece, look, deleted=deleted) for piece, hidden in pieces if piece]


def hidden_style_xml() -> str:
    """The character style of hidden characters' markers: small, boxed, dark red on pink (a deletion's colours, so
    that it reads as a warning rather than as text)."""
    return (f'<w:style {nsdecls("w")} w:type="character" w:customStyle="1" w:styleId="{HIDDEN_STYLE}">'
            '<w:name w:val="Hidden character marker"/>'
            '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/>'
            '<w:rPr><w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/><w:color w:val="9E1A1A"/><w:sz w:val="16"/>'
            '<w:bdr w:val="single" w:sz="4" w:space="0" w:color="9E1A1A"/><w:shd w:val="clear" w:color="auto" '
            'w:fill="FBE8E8"/></w:rPr></w:style>')


def _run(text: str, look: Sequence[tuple[str, str | None]], *, deleted: bool, style: str | None = None) -> Any:
    """A ``w:r`` holding ``text`` (``w:delText`` when deleted), tabs and line breaks as their own elements."""
    run = element("w:r")
    if look or style:
        r_pr = element("w:rPr")
        if style:
            r_style = element("w:rStyle")
            r_style.set(qn("w:val"), style)
            r_pr.append(r_style)
        for tag, value in look:
            prop = element(tag)
            if value is not None:
                prop.set(qn("w:val"), value)
            r_pr.append(prop)
        run.append(r_pr)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for chunk in re.split(r"(\t|\n)", text):
        if chunk == "\t":
            run.append(element("w:tab"))
        elif chunk == "\n":
            run.append(element("w:br"))
        elif chunk:
            t = element("w:delText" if deleted else "w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = chunk
            run.append(t)
    return run
