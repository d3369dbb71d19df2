"""Lines of a PDF joined into running text, undoing the hyphenation of the layout and only that.

A hyphen at the end of a line is either the layout's (the word was split to
fit: "de-velopment") or the word's own ("self-defence", "confidence-building"
split after the hyphen). The evidence, strongest first:

1. The producer says so: a soft hyphen (LibreOffice, Word, PDFium's U+0002) is
   the layout's; Chromium prints the layout's hyphens as U+2010 and typed ones
   as "-", so a U+2010 that the document never uses inside a line is the
   layout's too. These are dropped and the word joined; and in a document
   whose producer marks the layout's hyphens so, a plain "-" at a line end is
   the word's own and kept.
2. Else, the document's own words (:class:`Vocabulary`, from inside its lines): the
   word written whole elsewhere ("development") drops the hyphen; written with
   the hyphen elsewhere ("confidence-building") keeps it.
3. Otherwise a plain "-" is kept when the part before it is a prefix that
   takes a hyphen (self-, non-, quasi-, ...), when the part after it starts
   with a capital or a digit ("Franco-German", "COVID-19"), or when both parts
   are words of the document on their own ("confidence", "building"); else it is
   taken for the layout's ("confi-", "dence": not words) and dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

PREFIXES = frozenset({"self", "non", "quasi", "half", "well", "cross", "semi"})
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


@dataclass
class Vocabulary:
    """The words a document uses inside its lines: whole words, and words written with a hyphen."""

    words: set[str] = field(default_factory=set)
    compounds: set[str] = field(default_factory=set)
    inner_u2010: bool = False
    """Whether the document uses U+2010 inside lines (then it is a typed hyphen, not only the layout's)."""
    marked: bool = False
    """Whether the producer marks the layout's hyphens (soft hyphens, or U+2010 used only at line ends): then a
    plain "-" at a line end is the word's own."""
    guesses: list[tuple[str, bool]] = field(default_factory=list)
    """The words whose hyphen at a line end was judged from the document's words (the word, whether kept)."""

    def add_line(self, text: str, skip_first: bool, skip_last: bool) -> None:
        tokens = text.split()
        if "\u2010" in text.rstrip("\u2010"):
            self.inner_u2010 = True
        if skip_first:
            tokens = tokens[1:]
        if skip_last:
            tokens = tokens[:-1]
        for token in tokens:
            word = _EDGE.sub("", token.replace("\u2010", "-")).casefold()
            if not _WORD.fullmatch(word):
                continue
            if "-" in word:
                self.compounds.add(word)
            else:
                self.words.add(word)


def ends_with_hyphen(text: str) -> bool:
    """Whether a line ends with a hyphen that may join a word split over two lines ("de-", not " -" or "--")."""
    return len(text) > 1 and text[-1] in "-\u2010" and text[-2].isalpha()


def vocabulary(lines: Iterable[tuple[str, bool]]) -> Vocabulary:
    """The vocabulary of lines given as (text, whether it ends with a soft hyphen), in reading order."""
    found = Vocabulary()
    previous_split = False
    u2010_ends = soft_ends = False
    for text, soft in lines:
        split = soft or ends_with_hyphen(text)
        found.add_line(text, previous_split, split)
        previous_split = split
        soft_ends = soft_ends or soft
        u2010_ends = u2010_ends or text.endswith("\u2010")
    found.marked = soft_ends or (u2010_ends and not found.inner_u2010)
    return found


def keeps_hyphen(left: str, right: str, hyphen: str, vocab: Vocabulary) -> bool:
    """Whether the hyphen between ``left`` (before the line end) and ``right`` (after it) is the word's own."""
    if hyphen == "\u2010" and not vocab.inner_u2010:
        return False
    if vocab.marked:
        return True
    head = re.sub(r"^.*[^\w-]", "", left).rsplit("-", 1)[-1]
    tail_match = re.match(r"[\w-]*", right)
    tail = tail_match.group() if tail_match else ""
    if not head or not tail:
        return True
    if tail[0].isupper() or tail[0].isdigit():
        return True
    before = re.sub(r"^.*[^\w-]", "", left)  # the whole word before the line end, with any hyphen in it
    kept = _judged(head, before, tail, vocab)
    vocab.guesses.append((f"{before}-{tail}" if kept else before + tail, kept))
    return kept


def _judged(head: str, before: str, tail: str, vocab: Vocabulary) -> bool:
    joined = (before + tail).casefold()
    hyphened = f"{before}-{tail}".casefold()
    first = tail.split("-")[0].casefold()
    if (head + first).casefold() in vocab.words or joined in vocab.words:
        return False
    if hyphened in vocab.compounds or any(c.startswith(hyphened + "-") or c.endswith("-" + hyphened)
                                          for c in vocab.compounds if c.count("-") > hyphened.count("-")):
        return True
    if head.casefold() in PREFIXES:
        return True
    return head.casefold() in vocab.words and first in vocab.words


def join(parts: list[tuple[str, bool]], vocab: Vocabulary) -> str:
    """Lines (text, ends with a soft hyphen) joined into one text: a space between lines, nothing where a word
    was split by the layout (its hyphen dropped), the hyphen kept and no space where the word has its own."""
    out = ""
    glue = ""
    for text, soft in parts:
        text = text.strip()
        if not text:
            continue
        if glue == "soft":
            out += text
        elif glue == "hyphen":
            out = out + text if keeps_hyphen(out[:-1], text, out[-1], vocab) else out[:-1] + text
        else:
            out = f"{out} {text}" if out else text
        glue = "soft" if soft else "hyphen" if ends_with_hyphen(out) else ""
    return " ".join(out.split())


__all__ = ["PREFIXES", "Vocabulary", "ends_with_hyphen", "join", "keeps_hyphen", "vocabulary"]
