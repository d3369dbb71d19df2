"""The DOCX report's comments part: the Word comments on renumbered, moved, split and merged provisions.

The redline writer (:mod:`.redline`) numbers its comments with its revisions
and puts the comment's range and reference in the body; this module writes the
``w:comment`` elements themselves, the same markup python-docx's
``add_comment`` writes, and the two styles comments use.
"""

from __future__ import annotations

import re
from typing import Any, cast

from docx.comments import Comment
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.comments import CT_Comment
from docx.oxml.ns import nsdecls, qn

#: The paragraph and character styles of comments, added to the document's styles.
COMMENT_STYLES = (
    f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="CommentText">'
    '<w:name w:val="annotation text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/>'
    '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
    f'<w:style {nsdecls("w")} w:type="character" w:styleId="CommentReference">'
    '<w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/>'
    '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>',
)


def initials(author: str) -> str:
    """The author's initials as Word shows them on a comment (at most 9 letters)."""
    return "".join(word[0] for word in re.split(r"[\s\-_.]+", author) if word).upper()[:9]


class Comments:
    """The comments of one document, by one author on one date (``w:date``'s text, or None for no date)."""

    def __init__(self, document: Any, author: str, date: str | None) -> None:
        self.document = document
        self.author = author
        self.initials = initials(author)
        self.date = date
        self.element: Any = None  # the comments part's w:comments element and the part, made at the first comment
        self.part: Any = None

    def add(self, comment_id: str, text: str) -> CT_Comment:
        """A ``w:comment`` appended to the comments part, as ``document.comments.add_comment`` writes it.

        python-docx's ``add_comment`` scans every comment for the next free id, and finding the new comment by its id
        scans them again: quadratic in the number of comments. The writer numbers its comments itself, so this
        makes the element directly (the same markup, attributes in the same order) and keeps the part at hand.
        """
        if self.element is None:
            _ = self.document.comments  # the first use makes the comments part, as add_comment would
            self.part = self.document.part.part_related_by(RT.COMMENTS)
            self.element = self.part.element
        element = cast(CT_Comment, parse_xml(
            f'<w:comment {nsdecls("w")} w:id="{comment_id}" w:author="">'
            '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r></w:p>'
            "</w:comment>"
        ))
        self.element.append(element)
        element.author = self.author
        element.initials = self.initials
        if self.date:
            element.set(qn("w:date"), self.date)
        if text == "":
            return element
        comment = Comment(element, self.part)
        first_text, *more = text.split("\n")
        comment.paragraphs[0].add_run(first_text)
        for paragraph_text in more:
            comment.add_paragraph(text=paragraph_text)
        return element
