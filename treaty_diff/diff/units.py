"""What the diff compares: units of text, their keys, and the code points that stand for them.

Tokens
    The word diff compares tokens as :func:`~treaty_diff.text.tokens.tokenize`
    cuts them (words, whitespace runs, single CJK characters, other characters
    with their combining marks; :mod:`treaty_diff.text.tokens` defines them
    exactly). Joining the tokens always gives the text back. The character diff
    compares characters.

Units and keys
    Each token (or character) is a unit: its key is what is compared, its text
    what is reported. With an ignore option (:class:`~treaty_diff.diff.options.DiffOptions`)
    the key is normalised (case-folded, without punctuation marks), and ignored
    tokens are attached to the unit before them, so they are never compared.

Encoding and its limit
    For the word diff each distinct key is given one code point of its own
    (:func:`_encode`), and diff-match-patch diffs the two encoded strings; the
    diff is mapped back to the units' texts by position (:func:`_decode`).
    Distinct keys are mapped to private-use code points (U+E000-U+F8FF, then
    planes 15 and 16) and then to the code points of planes 4-13, unassigned in
    Unicode: 792,828 distinct tokens per pair of texts. Beyond that (only for
    texts of several megabytes) the word diff falls back to a character diff,
    which needs no mapping.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from treaty_diff.diff.edits import _DELETE, _EQUAL, _INSERT, _DmpDiff, _spans
from treaty_diff.diff.options import DiffOptions
from treaty_diff.model.segments import SegmentOp
from treaty_diff.text.tokens import is_ignorable_mark, is_punctuation, tokenize

__all__ = ["MAX_DISTINCT_TOKENS"]

_SEGMENT_OPS: dict[int, SegmentOp] = {_DELETE: "delete", _EQUAL: "equal", _INSERT: "insert"}

# -- units and their keys --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Units:
    """A text as the diff sees it: a key per unit (compared) and the unit's text (reported).

    With an ignore option, ignored tokens are attached to the unit before them
    (to the first unit, if they lead), so they are never compared. ``floating``
    is the text of a side that has only ignored tokens.
    """

    keys: list[str]
    texts: list[str]
    floating: str = ""


def _char_key(ch: str, options: DiffOptions) -> str:
    """A single-character key for ``ch`` (character granularity needs keys of one character)."""
    if not options.ignore_case:
        return ch
    for candidate in (ch.casefold(), ch.lower()):
        if len(candidate) == 1:
            return candidate
    return ch


def _word_key(token: str, options: DiffOptions) -> str:
    key = token.casefold() if options.ignore_case else token
    if options.ignore_punctuation and len(key) > 1:
        key = "".join(ch for ch in key if not is_ignorable_mark(ch)) or key
    return key


def _units(text: str, options: DiffOptions) -> _Units:
    pieces = tokenize(text) if options.granularity == "word" else list(text)
    if not options.ignores_anything:
        return _Units(pieces, pieces)
    keyer = _word_key if options.granularity == "word" else _char_key
    keys: list[str] = []
    texts: list[str] = []
    leading = ""
    for piece in pieces:
        ignored = (options.ignore_whitespace and piece.isspace()) or (
            options.ignore_punctuation and is_punctuation(piece)
        )
        if not ignored:
            keys.append(keyer(piece, options))
            texts.append(leading + piece)
            leading = ""
        elif texts:
            texts[-1] += piece
        else:
            leading += piece
    return _Units(keys, texts, leading)


def _decode(diffs: Iterable[_DmpDiff], old: _Units, new: _Units) -> list[tuple[SegmentOp, str, str]]:
    """Map an encoded diff back to (op, old text, new text) pieces, by position in each side's units."""
    pieces: list[tuple[SegmentOp, str, str]] = []
    if old.floating or new.floating:
        pieces.append(("equal", old.floating, new.floating))
    ends = (0, 0)
    for op, in_old, in_new in _spans(diffs):
        pieces.append((_SEGMENT_OPS[op], "".join(old.texts[in_old]), "".join(new.texts[in_new])))
        ends = (in_old.stop, in_new.stop)
    if ends != (len(old.texts), len(new.texts)):  # pragma: no cover - would be a diff-match-patch bug
        raise AssertionError("the diff does not cover both texts")
    return pieces


# -- encoding keys as code points ------------------------------------------------------------------------

#: Where distinct tokens are mapped: private use areas first, then planes 4-13 (unassigned in Unicode).
#: These code points are neither letters nor spaces, so diff-match-patch's cosmetic boundary scoring treats
#: every token boundary alike.
_CODE_RANGES: tuple[tuple[int, int], ...] = (
    (0xE000, 0xF8FF),
    (0xF0000, 0xFFFFD),
    (0x100000, 0x10FFFD),
    (0x40000, 0xDFFFF),
)

#: How many distinct tokens two texts may have before the word diff falls back to a character diff.
MAX_DISTINCT_TOKENS = sum(end - start + 1 for start, end in _CODE_RANGES)


class _CodeSpaceExhausted(Exception):
    pass


def _code_point(index: int) -> str:
    for start, end in _CODE_RANGES:
        size = end - start + 1
        if index < size:
            return chr(start + index)
        index -= size
    raise _CodeSpaceExhausted


def _encode(keys: Sequence[str], table: dict[str, str]) -> str:
    """One character per key; ``table`` (shared by both texts) grows with each new key."""
    for key in dict.fromkeys(keys):
        if key not in table:
            table[key] = _code_point(len(table))
    return "".join(map(table.__getitem__, keys))
