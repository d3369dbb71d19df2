"""Akoma Ntoso eIds: how a component's identifier is built from its ancestors, its kind and its number.

The naming convention is the one of the Akoma Ntoso 3.0 naming specification,
restricted to the elements of our subset: ``art_5``, ``art_6__para_1__list_1__point_a``,
``preamble__recs__rec_3``. An unnumbered component gets its position among
siblings of the same kind (1-based).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from treaty_diff.model.numbers import roman_to_int

#: eId prefix of each element of the subset that carries an eId.
PREFIX = {
    "preface": "preface",
    "preamble": "preamble",
    "recitals": "recs",
    "recital": "rec",
    "formula": "formula",
    "article": "art",
    "paragraph": "para",
    "list": "list",
    "point": "point",
    "intro": "intro",
    "wrapUp": "wrapup",
    "conclusions": "conclusions",
    "p": "p",
}

#: Elements that occur once in their parent and so take no number.
UNNUMBERED = {"preface", "preamble", "recitals", "formula", "intro", "wrapUp", "conclusions"}

_ARTICLE_WORD = re.compile(r"^(article|art\.?)\s+", re.IGNORECASE)


def num_value(element: str, num: str) -> str:
    """The part of an eId that comes from a printed number.

    ``Article V`` gives ``5`` (articles are numbered in Arabic figures in eIds),
    ``1.`` gives ``1``, ``(a)`` gives ``a``, ``(iv)`` gives ``iv``.
    """
    text = num.strip()
    if element == "article":
        text = _ARTICLE_WORD.sub("", text)
        first, _, rest = text.partition(" ")
        value = roman_to_int(first.rstrip("."))
        if value is not None:
            text = f"{value}{rest}"
    cleaned = re.sub(r"[^0-9A-Za-z]+", "", text).lower()
    return cleaned or "x"


def component(element: str, num: str | None = None, position: int = 1) -> str:
    """The eId component of one element (without its ancestors)."""
    prefix = PREFIX[element]
    if element in UNNUMBERED:
        return prefix
    if num:
        return f"{prefix}_{num_value(element, num)}"
    return f"{prefix}_{position}"


def join(parent: str | None, child: str) -> str:
    return f"{parent}__{child}" if parent else child


def provision_eid(eid: str, provisions: Iterable[str]) -> str | None:
    """The eId among ``provisions`` that a line's eId belongs to, or None.

    A num or heading line carries its provision's eId; a block's eId starts
    with its provision's and two underscores (Akoma Ntoso naming), or is the
    provision's own for a provision that is one unnumbered paragraph.
    """
    for candidate in provisions:
        if eid == candidate or eid.startswith(candidate + "__"):
            return candidate
    return None
