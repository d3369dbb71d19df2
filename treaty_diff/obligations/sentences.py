"""The sentences of a block, and the spans of text the extractor takes from them.

A block's body is cut into sentences after a full stop followed by a capital,
a quote or a bracket (:func:`sentences`). Each sentence keeps its offset in the
provision's text, so that a clause found in it can be cited exactly: a clause's
span is trimmed of surrounding spaces, trailing punctuation and a dangling
"and" / "or" (:func:`trim_span`), and a phrase taken from it is cleaned the
same way (:func:`clean`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from treaty_diff.model.draft import Block

_SENTENCE_BREAK = re.compile(r"(?<=\.)\s+(?=[A-Z“\"(])")
#: What a clause may end with that is not part of it: spaces, punctuation, a dangling "and" or "or" (the tail
#: :func:`_trail_start` finds; this is its definition).
CLAUSE_TRAIL = re.compile(r"(?:[\s,;:.]|\band\b|\bor\b)+$")
_TRAIL_PUNCTUATION = frozenset(",;:.")
#: White space that :func:`clean` folds: a run of two or more, or one that is not a plain space (a single space is
#: left as it is, so a text without either is not copied).
_SPACES = re.compile(r"\s{2,}|[^\S ]")


@dataclass
class Sentence:
    """A sentence of a block; ``context`` is the sentence with the points of a list after a chapeau."""

    text: str
    offset: int  # of text[0] in the provision text
    block: Block
    context: str
    context_offset: int = 0  # of text[0] in the context


def sentences(block: Block, body_offset: int, context_extra: str) -> Iterator[Sentence]:
    """The sentences of a block whose body starts at ``body_offset``; ``context_extra`` ends each context."""
    body = block.body
    start = 0
    for found in _SENTENCE_BREAK.finditer(body):
        piece = body[start:found.start()]
        yield Sentence(piece, body_offset + start, block, piece + context_extra)
        start = found.end()
    yield Sentence(body[start:], body_offset + start, block, body[start:] + context_extra)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to drop surrounding spaces and trailing punctuation or a dangling "and"/"or"."""
    while start < end and text[start] in " ,;:\n":
        start += 1
    return start, _trail_start(text, start, end)


def _is_word_char(char: str) -> bool:
    """A character of a word for the regular expressions' ``\\b``: a letter, a digit or "_"."""
    return char.isalnum() or char == "_"


def _trail_start(text: str, start: int, end: int) -> int:
    """Where ``CLAUSE_TRAIL.search(text[start:end])`` starts (``end`` when it finds nothing), read from the end.

    The search tries the pattern at every position of a clause, which made it a large share of the extraction's
    time. The tail is a few characters, and read backwards it has one reading: a space or punctuation mark, else
    a whole word "and" or "or" (nothing of a word before it; what follows it is the end or the tail already read).
    """
    position = end
    while position > start:
        char = text[position - 1]
        if char.isspace() or char in _TRAIL_PUNCTUATION:
            position -= 1
            continue
        for word in ("and", "or"):
            begin = position - len(word)
            if (begin >= start and text.startswith(word, begin)
                    and (begin == start or not _is_word_char(text[begin - 1]))):
                position = begin
                break
        else:
            break
    return position


@functools.lru_cache(maxsize=1024)
def clean(text: str) -> str:
    """A phrase with its white space folded to single spaces and surrounding spaces and punctuation dropped."""
    if text.isascii() and "  " not in text and not any(c in text for c in "\n\t\r\x0b\x0c\x1c\x1d\x1e\x1f"):
        return text.strip(" ,;:.")  # nothing to fold (the usual case), found without running the pattern
    return _SPACES.sub(" ", text).strip(" ,;:.")
