"""Warnings for a draft whose text holds characters that change or hide what a reader sees (bidi overrides,
invisible format characters, control codes: :mod:`treaty_diff.text.controls`), naming each provision.

Every reader of drafts gives them: the importers as warnings of the import, :func:`treaty_diff.read.akn.read_draft`
to its ``on_warning`` for an Akoma Ntoso file. The text itself is kept as it is: it is what the file says.
"""

from __future__ import annotations

from treaty_diff.model.draft import Draft
from treaty_diff.text.controls import reveal, summary

#: Provisions named one by one; the others are counted in one more message.
NAMED = 5

_WHY = ("invisible characters that can make the text look different from what it says; "
        "HTML and DOCX reports show each one as a marker such as <U+202E>")


def hidden_character_warnings(draft: Draft) -> list[str]:
    """One message per provision (at most :data:`NAMED`, then a count) that holds hidden characters."""
    messages: list[str] = []
    found = summary(draft.meta.title)
    if found and not any(p.kind == "title" and draft.meta.title in p.text for p in draft.provisions):
        messages.append(f"the draft's title holds {found}: {_WHY}")
    flagged = [(provision, summary(provision.text)) for provision in draft.provisions]
    flagged = [(provision, found) for provision, found in flagged if found]
    for provision, found in flagged[:NAMED]:
        messages.append(f"{reveal(provision.label)} holds {found}: {_WHY}")
    if len(flagged) > NAMED:
        messages.append(f"{len(flagged) - NAMED} more provision(s) hold such characters too")
    return messages


__all__ = ["NAMED", "hidden_character_warnings"]
