"""A small OOXML reader for redlines: what a DOCX reads as once every tracked change is accepted or rejected.

Only ``word/document.xml`` is read. Text is taken from ``w:t`` and ``w:delText``
(``w:tab`` counts as a space, ``w:br``/``w:cr`` and every paragraph end as a line
break), in document order, table cells included. A piece of text is *inserted*
when it sits inside ``w:ins`` or ``w:moveTo`` and *deleted* when inside
``w:del`` or ``w:moveFrom``:

- accept every change: drop the deleted text (``w:del``/``w:delText``, ``w:moveFrom``);
- reject every change: drop the inserted text (``w:ins``, ``w:moveTo``).

A paragraph mark that is itself tracked (``w:pPr/w:rPr/w:ins|w:moveTo`` or
``w:del|w:moveFrom``) goes away with its change, as in Word and LibreOffice:
rejecting an inserted mark, or accepting a deleted one, runs the paragraph
into the next one (no line break). Reading such a mark as a line break either
way split a word that straddles it ("1" ending one paragraph, ". The moon"
starting the next read "1 . The moon").
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_INSERTED = {f"{{{W}}}ins", f"{{{W}}}moveTo"}
_DELETED = {f"{{{W}}}del", f"{{{W}}}moveFrom"}
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Redline:
    """The two readings of a redline DOCX and what it holds."""

    accepted: str
    rejected: str
    insertions: int  # w:ins elements holding text
    deletions: int  # w:del elements holding text
    moves: int  # moved passages: runs of consecutive paragraphs holding w:moveTo text
    moved_text: tuple[str, ...]  # the text of each paragraph under w:moveTo, normalised


def normalise(text: str) -> str:
    """Whitespace-normalised text: every run of whitespace one space, no space at either end."""
    return _SPACE.sub(" ", text).strip()


def read_redline(data: bytes) -> Redline:
    """Read the body of a DOCX (bytes) and return its accepted and rejected texts."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml")
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    accepted, rejected = _readings(root)
    moved: list[str] = []
    for paragraph in root.iter(f"{{{W}}}p"):
        text = normalise("".join(t.text or "" for t in paragraph.iter(f"{{{W}}}t")
                                 if any(a.tag == f"{{{W}}}moveTo" for a in t.iterancestors())))
        moved.append(text)
    return Redline(
        accepted=accepted,
        rejected=rejected,
        insertions=sum(1 for e in root.iter(f"{{{W}}}ins") if _has_text(e)),
        deletions=sum(1 for e in root.iter(f"{{{W}}}del") if _has_text(e)),
        moves=_passages(moved),
        moved_text=tuple(t for t in moved if t),
    )


def _passages(moved: list[str]) -> int:
    """How many runs of consecutive paragraphs hold moved-to text."""
    return sum(1 for i, text in enumerate(moved) if text and (i == 0 or not moved[i - 1]))


def _has_text(element: etree._Element) -> bool:
    return any(True for _ in element.iter(f"{{{W}}}t", f"{{{W}}}delText"))


def _is_marker(element: etree._Element) -> bool:
    """A range marker or proofing mark between two paragraphs: no text, no paragraph of its own."""
    name = etree.QName(element).localname if isinstance(element.tag, str) else ""
    return name.endswith(("RangeStart", "RangeEnd")) or name in ("bookmarkStart", "bookmarkEnd", "proofErr",
                                                                   "permStart", "permEnd")


def _mark_revision(paragraph: etree._Element) -> str | None:
    """The tag of the revision on a paragraph's mark (``w:pPr/w:rPr/w:ins`` and the like), or None.

    None too when no paragraph follows in the same container (body, table cell): a mark
    there cannot join the paragraph to anything, so it reads as the end of a paragraph.
    """
    following = paragraph.getnext()
    while following is not None and _is_marker(following):
        following = following.getnext()
    if following is None or following.tag != f"{{{W}}}p":
        return None
    properties = paragraph.find(f"{{{W}}}pPr/{{{W}}}rPr")
    if properties is None:
        return None
    for child in properties:
        if child.tag in _INSERTED or child.tag in _DELETED:
            return str(child.tag)
    return None


def _readings(root: etree._Element) -> tuple[str, str]:
    """The accepted and the rejected text, in document order (table cells and text boxes where they stand)."""
    accepted: list[str] = []
    rejected: list[str] = []
    pieces = {f"{{{W}}}t", f"{{{W}}}delText", f"{{{W}}}tab", f"{{{W}}}br", f"{{{W}}}cr"}
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        if event == "end":
            if tag == f"{{{W}}}p":
                mark = _mark_revision(element)
                if mark not in _DELETED:
                    accepted.append("\n")
                if mark not in _INSERTED:
                    rejected.append("\n")
            continue
        if tag not in pieces:
            continue
        if tag in (f"{{{W}}}t", f"{{{W}}}delText"):
            piece = element.text or ""
        elif tag == f"{{{W}}}tab":
            parent = element.getparent()
            if parent is not None and parent.tag == f"{{{W}}}tabs":
                continue  # a tab stop definition, not a tab character
            piece = " "
        else:
            piece = "\n"
        inserted = deleted = False
        for ancestor in element.iterancestors():
            if ancestor.tag in _INSERTED:
                inserted = True
            elif ancestor.tag in _DELETED:
                deleted = True
        if not deleted:
            accepted.append(piece)
        if not inserted:
            rejected.append(piece)
    return "".join(accepted), "".join(rejected)
