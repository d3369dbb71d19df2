"""A draft as a plain DOCX (python-docx), the input of the DOCX-to-DOCX peers (python-redlines, LibreOffice).

One paragraph per unit of :attr:`Provision.text <treaty_diff.model.Provision.text>`:
the provision's num, its heading, then each block with its num as text
("1. The States Parties ..."). No styles, no numbering: the words are exactly
the draft's plain text (``Draft.text``), one paragraph where it has a blank line.
"""

from __future__ import annotations

import io

import docx

from treaty_diff.model.draft import Draft


def draft_docx(draft: Draft) -> bytes:
    """The DOCX bytes of ``draft``: one paragraph per num, heading and block, in document order."""
    document = docx.Document()
    for provision in draft.provisions:
        for text in (provision.num, provision.heading):
            if text:
                document.add_paragraph(text)
        for block in provision.blocks:
            document.add_paragraph(block.text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
