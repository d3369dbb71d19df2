"""Akoma Ntoso eIds: how a component's identifier is built from its ancestors, its kind and its number.

The naming convention is the one of the Akoma Ntoso 3.0 naming specification,
restricted to the elements of our subset: ``art_5``, ``art_6__para_1__list_1__point_a``,
``preamble__recs__rec_3``. An unnumbered component gets its position among
siblings of the same kind (1-based).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from treaty_diff.model.numbers import article_number, cjk_heading_number, cjk_to_int, number_value

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
    # the units and divisions of documents other than treaties with articles (docs/draft-format.md)
    "section": "sec",
    "subsection": "subsec",
    "subparagraph": "subpara",
    "rule": "rule",
    "part": "part",
    "chapter": "chp",
    "title": "title",
    "book": "book",
    "hcontainer": "hcontainer",
    "division": "dvs",
}

#: Elements whose printed number is read as a number ("Part II" is ``part_2``, "第三条" is ``art_3``).
_COUNTED = {"article", "section", "subsection", "rule", "part", "chapter", "title", "book", "hcontainer", "division"}

#: Elements that occur once in their parent and so take no number.
UNNUMBERED = {"preface", "preamble", "recitals", "formula", "intro", "wrapUp", "conclusions"}

_ARTICLE_WORD = re.compile(r"^(article|art\.?)\s+", re.IGNORECASE)


def num_value(element: str, num: str) -> str:
    """The part of an eId that comes from a printed number.

    ``Article V`` gives ``5`` (articles are numbered in Arabic figures in eIds),
    ``1.`` gives ``1``, ``(a)`` gives ``a``, ``(iv)`` gives ``iv``.
    """
    text = num.strip()
    if element in _COUNTED:
        whole = article_number(text) if element == "article" else cjk_heading_number(text)
        if whole is not None and not text.isascii():
            return str(whole)  # "Статья 3", "第三条"
        text = _ARTICLE_WORD.sub("", text)
        words = text.split()
        if len(words) > 1 and words[0].isalpha() and number_value(words[0]) is None:
            text = " ".join(words[1:])  # "Part II", "Section 2.1", "Rule 3"
        first, _, rest = text.partition(" ")
        value = number_value(first.rstrip("."))
        if value is not None and not re.fullmatch(r"\d+(?:\.\d+)+\.?", first):
            text = f"{value}{rest}"
    bare = text.strip("()（）. ")
    if bare and not bare.isascii() and cjk_to_int(bare) is not None:
        return str(cjk_to_int(bare))  # "(一)"
    # "1.1" is 1-1 (not 11, which is "11.")
    pieces = [re.sub(r"[^0-9A-Za-z]+", "", piece) for piece in re.split(r"(?<=\d)[.\-](?=\d)", text)]
    cleaned = "-".join(piece for piece in pieces if piece).lower()
    return cleaned or "x"


def component(element: str, num: str | None = None, position: int = 1) -> str:
    """The eId component of one element (without its ancestors)."""
    prefix = PREFIX[element]
    if element in UNNUMBERED:
        return prefix
    if num and element == "hcontainer" and len(num.split()) == 1 and cjk_to_int(num) is None \
            and not any(ch.isdigit() for ch in num):
        num = None  # "ANNEX", "附件": an annex without a number is named by its position
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
