"""Characters that change or hide what a reader sees: bidi controls, invisible format characters, control codes.

A right-to-left override (U+202E) in "shall <U+202E>ecalp ton<U+202C>" makes a screen show "shall not place"
while the text, which is what is compared and what obligations are read from, says otherwise (the "Trojan
Source" trick, applied to a treaty). Such characters are legitimate in few places, are invisible everywhere,
and change the order or the look of the characters around them. This module finds them
(:func:`hidden_characters`, :func:`summary`) and makes them visible (:func:`reveal`, :func:`split_hidden`):
each one is shown as a marker such as ``<U+202E>``, so that what the reader sees is, character for character,
what the text says, in its logical order.

What counts (:func:`is_hidden`):

- bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and bidi marks (U+200E, U+200F,
  U+061C);
- invisible format characters: zero width space (U+200B), word joiner and invisible operators
  (U+2060-U+2064), the deprecated format characters U+206A-U+206F, zero width no-break space (U+FEFF),
  Mongolian vowel separator (U+180E), combining grapheme joiner (U+034F), the Hangul fillers (U+115F, U+1160,
  U+3164, U+FFA0) and the tag characters (U+E0000-U+E007F);
- zero width joiner and non-joiner (U+200D, U+200C) next to Latin letters, punctuation, a space or the ends
  of the text, where no script needs them (between Arabic or Indic letters, and inside emoji, they are how
  the text is written and are left alone);
- control codes: DEL and the C1 controls (U+007F-U+009F; a terminal may act on them). The C0 controls
  cannot occur in a draft: XML forbids them.

Line and paragraph separators, no-break spaces and soft hyphens are not counted: they do not hide or reorder
text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_ALWAYS = re.compile(
    "[\x7f-\x9f\u034f\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\u3164\ufeff\uffa0\U000e0000-\U000e007f]"
)
_JOINER = re.compile("[\u200c\u200d]")
_CANDIDATE = re.compile(f"{_ALWAYS.pattern[:-1]}\u200c\u200d]")
#: Below this code point a neighbour is Latin, Greek or Cyrillic letters, digits, punctuation or space: no
#: script written with them needs a joiner.
_NO_JOINING_BELOW = 0x0530

_NAMES = {0x80: "PADDING CHARACTER", 0x81: "HIGH OCTET PRESET", 0x84: "INDEX", 0x99: "SINGLE GRAPHIC CHARACTER "
          "INTRODUCER"}


def _joiner_needed(text: str, index: int) -> bool:
    """Whether the joiner at ``index`` stands between two characters of scripts that use joiners."""
    if index == 0 or index + 1 >= len(text):
        return False
    before, after = text[index - 1], text[index + 1]
    return ord(before) >= _NO_JOINING_BELOW and ord(after) >= _NO_JOINING_BELOW and not (
        before.isspace() or after.isspace())


def hidden_characters(text: str) -> list[tuple[int, str]]:
    """(offset, character) of every hidden character of ``text``, in order (see the module doc)."""
    found = []
    for match in _CANDIDATE.finditer(text):
        if _JOINER.match(match.group()) and _joiner_needed(text, match.start()):
            continue
        found.append((match.start(), match.group()))
    return found


def is_hidden(text: str, index: int) -> bool:
    """Whether the character at ``index`` of ``text`` is hidden (joiners depend on their neighbours)."""
    char = text[index]
    if _ALWAYS.match(char):
        return True
    return bool(_JOINER.match(char)) and not _joiner_needed(text, index)


def marker(char: str) -> str:
    """What is shown in place of a hidden character: ``<U+202E>``."""
    return f"<U+{ord(char):04X}>"


def name(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``; a control code without a Unicode name is called a control character."""
    code = ord(char)
    label = unicodedata.name(char, "") or _NAMES.get(code, "CONTROL CHARACTER")
    return f"U+{code:04X} {label}"


def reveal(text: str) -> str:
    """``text`` with every hidden character replaced by its marker (for plain text: a terminal, a DOCX run)."""
    if not _CANDIDATE.search(text):
        return text
    return "".join(marker(piece) if hidden else piece for piece, hidden in split_hidden(text))


def split_hidden(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into pieces: runs of ordinary text (False) and single hidden characters (True).

    Joining the pieces gives ``text`` back. A renderer shows each hidden piece as :func:`marker` does (marked as
    not being text of the draft) and keeps the character itself where it cannot act (see docs/hostile-input.md).
    """
    pieces: list[tuple[str, bool]] = []
    start = 0
    for offset, char in hidden_characters(text):
        if offset > start:
            pieces.append((text[start:offset], False))
        pieces.append((char, True))
        start = offset + 1
    if start < len(text) or not pieces:
        pieces.append((text[start:], False))
    return pieces


def summary(text: str, limit: int = 3) -> str | None:
    """The hidden characters of ``text`` for a message, most frequent first ("U+202E RIGHT-TO-LEFT OVERRIDE
    (2 times), ..."); None when there is none."""
    counts = Counter(char for _, char in hidden_characters(text))
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    shown = [name(char) + (f" ({count} times)" if count > 1 else "") for char, count in ranked[:limit]]
    if len(ranked) > limit:
        shown.append(f"{len(ranked) - limit} other kind(s)")
    return ", ".join(shown)


__all__ = ["hidden_characters", "is_hidden", "marker", "name", "reveal", "split_hidden", "summary"]
