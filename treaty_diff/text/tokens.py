"""What a word is: the one tokenizer every stage uses.

Profiles
    * :func:`tokenize` (the diff's and every word count's): the text cut into
      tokens that join back into it exactly: words, whitespace runs, single
      CJK characters, other characters with their combining marks.
      :func:`is_word` says which tokens count as words.
    * :func:`similarity_words` (the aligner's): the words alone, casefolded and
      lightly stemmed (:func:`stem`), punctuation dropped, one CJK character a
      word, cut at hyphens and apostrophes;
    * :func:`obligation_words` and :func:`word_matches` (the obligations'):
      the words alone, hyphenated words, "and/or" and apostrophes kept whole;
      :func:`stem` with ``inflections`` for their verbs and plurals.

    Every profile reads the same letters, digits and CJK ranges; they differ
    only in what joins two runs of letters into one word and in what is done
    to a word afterwards.

Tokens (:func:`tokenize`)
    * a **word**: letters, digits, combining marks and the underscore, with
      internal hyphens and apostrophes (``co-operation``, ``man's``,
      ``State’s``) and, between digits, a full stop or comma (``1.5``,
      ``10,000``, ``1.2.3``) kept inside it;
    * a **whitespace run** (any Unicode whitespace, the ideographic space too);
    * each **CJK character** on its own: Han (all planes), kana, Hangul,
      Bopomofo, CJK symbols and punctuation, full-width and half-width forms;
    * **any other character** on its own (punctuation, symbols), with the
      combining marks that follow it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Literal

from treaty_diff.text import unicode_marks as _marks

__all__ = [
    "compute_mark_ranges",
    "is_punctuation",
    "is_word",
    "obligation_words",
    "similarity_words",
    "stem",
    "tokenize",
    "word_matches",
]

#: Code point ranges whose characters are one token each.
_CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FFF),  # CJK radicals, Kangxi radicals, ideographic description
    (0x3001, 0x33FF),  # CJK symbols and punctuation (not U+3000, a space), kana, Bopomofo, Hangul compatibility
    #                    Jamo, Kanbun, strokes, enclosed CJK, CJK compatibility
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA960, 0xA97F),  # Hangul Jamo extended A
    (0xAC00, 0xD7FF),  # Hangul syllables, Hangul Jamo extended B
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE6F),  # CJK compatibility forms, small form variants
    (0xFF00, 0xFFEF),  # half-width and full-width forms
    (0x1B000, 0x1B2FF),  # kana supplement and extensions, Nushu
    (0x20000, 0x3FFFF),  # CJK extensions B to H, compatibility supplement (planes 2 and 3)
)

#: Characters joining two runs of word characters into one word: apostrophes and hyphens.
_JOINERS = "'’\\-\u2010\u2011"


def _char_class(ranges: Iterable[tuple[int, int]]) -> str:
    return "".join(f"\\U{start:08x}-\\U{end:08x}" if end > start else f"\\U{start:08x}" for start, end in ranges)


def _mark_ranges() -> tuple[tuple[int, int], ...]:
    """The ranges of combining marks: the stored table when it was made from this Python's Unicode version."""
    if unicodedata.unidata_version == _marks.UNIDATA_VERSION:
        return _marks.MARK_RANGES
    return tuple(compute_mark_ranges())


def compute_mark_ranges() -> list[tuple[int, int]]:
    """The ranges of combining marks (Unicode category M), from this Python's Unicode database (~70 ms)."""
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    for cp in (*range(0x0300, 0x20000), *range(0xE0100, 0xE01F0)):
        if unicodedata.category(chr(cp))[0] == "M":
            if start is None:
                start = cp
        elif start is not None:
            ranges.append((start, cp - 1))
            start = None
    if start is not None:
        ranges.append((start, 0xE01EF))
    return ranges


@cache
def _token_pattern(with_marks: bool = True, with_cjk: bool = True) -> re.Pattern[str]:
    """The tokenizer, compiled on first use; the full pattern has both flags on.

    A text without combining marks, or without CJK characters, gets the same
    tokens from a pattern without the parts that match them (with no mark in
    the text, every ``marks`` group matches nothing; with no CJK character,
    ``[^\\W{cjk}]`` is ``\\w``). Those parts are large character classes whose
    compilation walks every code point of their ranges: about 30 ms for the
    full pattern, 1 ms for the plain one that most treaty texts need.
    """
    cjk = _char_class(_CJK_RANGES)
    marks = f"[{_char_class(_mark_ranges())}]" if with_marks else ""
    word_char = f"[^\\W{cjk}]" if with_cjk else "\\w"  # \w (letters, digits, underscore) but not CJK
    body = f"{word_char}+(?:{marks}+{word_char}*)*" if with_marks else f"{word_char}+"
    joiner = f"(?:[{_JOINERS}]|(?<=\\d)[.,](?=\\d))"
    word = f"{body}(?:{joiner}{body})*"
    mark_run = f"{marks}*" if with_marks else ""
    cjk_char = f"|[{cjk}]{mark_run}" if with_cjk else ""
    return re.compile(f"\\s+|{word}{cjk_char}|.{mark_run}", re.DOTALL)


def _has_marks(text: str) -> bool:
    """True when ``text`` holds a combining mark (Unicode category M; none is below U+0300)."""
    return not text.isascii() and any(
        ch >= "\u0300" and unicodedata.category(ch)[0] == "M" for ch in set(text)
    )


def _has_cjk(text: str) -> bool:
    """True when ``text`` holds a character of :data:`_CJK_RANGES` (none is below U+1100)."""
    return not text.isascii() and any(
        start <= ord(ch) <= end for ch in set(text) if ch >= "\u1100" for start, end in _CJK_RANGES
    )


def tokenize(text: str) -> list[str]:
    """Cut ``text`` into tokens: words, whitespace runs, CJK characters, other characters.

    ``"".join(tokenize(text)) == text`` always holds.
    """
    return _token_pattern(_has_marks(text), _has_cjk(text)).findall(text)


def is_word(token: str) -> bool:
    """True for a token that counts as a word: it has a letter or digit (a CJK ideograph, kana or Hangul counts)."""
    return any(ch.isalnum() for ch in token)


#: Punctuation marks (Unicode category P) that stand for a word, so that ignore_punctuation keeps them.
_WORDLIKE_MARKS = frozenset("%‰‱§¶&#@")


def is_ignorable_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "P" and ch not in _WORDLIKE_MARKS


def is_punctuation(token: str) -> bool:
    return is_ignorable_mark(token[0])


# -- words alone: the aligner's and the obligations' profiles ---------------------------------------------

#: Characters that join two runs of letters into one word, per profile. The aligner cuts at every one of them
#: ("co-operation" is two words to it, so that "cooperation" and "co-operation" share one); the obligations keep
#: hyphenated words, slashed pairs ("and/or") and apostrophes whole.
_WORD_JOINERS = {"similarity": "", "obligations": "\\-/'’"}


@cache
def _cjk_class() -> str:
    return _char_class(_CJK_RANGES)


@cache
def _word_pattern(profile: str, with_cjk: bool) -> re.Pattern[str]:
    """The words of a profile: runs of letters and digits (no underscore) with the profile's joiners inside, and
    each CJK letter or digit on its own. Without CJK in the text, a pattern without the large CJK class."""
    cjk = _cjk_class() if with_cjk else ""
    letters = f"[^\\W_{cjk}]+"
    joiners = _WORD_JOINERS[profile]
    word = f"{letters}(?:[{joiners}]{letters})*" if joiners else letters
    return re.compile(f"(?=\\w)[{cjk}]|{word}" if with_cjk else word)


def word_matches(text: str, profile: Literal["similarity", "obligations"] = "obligations") -> Iterator[re.Match[str]]:
    """The words of ``text`` in a profile (see :data:`_WORD_JOINERS`), as matches (with their offsets)."""
    return _word_pattern(profile, _has_cjk(text)).finditer(text)


def obligation_words(text: str) -> list[str]:
    """The obligations' words: casefolded, with hyphenated words, "and/or" and apostrophes kept whole ("’" as "'")."""
    return [w.casefold().replace("’", "'") for w in _word_pattern("obligations", _has_cjk(text)).findall(text)]


def stem(word: str, *, inflections: bool = False) -> str:
    """The one stemmer, light by design. By default it drops a plural "s" ("weapons" -> "weapon") and nothing else
    (the aligner's words). With ``inflections`` it also cuts verbal endings and "-ies"/"-ied" (the obligations'
    words: "resolved", "resolve" and "resolves" agree, and so do "parties" and "party")."""
    if not inflections:
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ss", "us", "is")):
        return word
    for suffix in ("ing", "ed", "es", "e", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


class _Stems(dict[str, str]):
    """Memo of word -> casefolded stem (bounded, so a huge input cannot make it grow without end)."""

    def __missing__(self, word: str) -> str:
        stemmed = stem(word.casefold())
        if len(self) < 200_000:
            self[word] = stemmed
        return stemmed


_STEMS = _Stems()


def similarity_words(text: str) -> list[str]:
    """The aligner's words of ``text``: casefolded, stemmed; punctuation dropped, CJK one character each."""
    return list(map(_STEMS.__getitem__, _word_pattern("similarity", _has_cjk(text)).findall(text)))
