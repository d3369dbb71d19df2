"""Where a word may be hyphenated, by Liang's algorithm on the patterns LibreOffice uses (Debian's
``hyphen-en-us``, ``/usr/share/hyphen/hyph_en_US.dic``), so that the HTML fixtures break words where
LibreOffice would: the HTML gets soft hyphens (U+00AD) at these points and Chromium hyphenates there.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

PATTERNS = Path("/usr/share/hyphen/hyph_en_US.dic")


class HyphenationMissing(RuntimeError):
    """The hyphenation patterns are not installed (Debian package ``hyphen-en-us``)."""


@cache
def _patterns() -> tuple[dict[str, list[int]], int, int]:
    if not PATTERNS.exists():
        raise HyphenationMissing(f"{PATTERNS} is missing: install the Debian package hyphen-en-us")
    table: dict[str, list[int]] = {}
    left, right = 2, 3
    for raw in PATTERNS.read_text(encoding="utf-8").splitlines()[1:]:
        line = raw.strip()
        if not line or line.startswith("%"):
            continue
        if line.startswith("LEFTHYPHENMIN"):
            left = int(line.split()[1])
            continue
        if line.startswith("RIGHTHYPHENMIN"):
            right = int(line.split()[1])
            continue
        if line.startswith(("COMPOUND", "NOHYPHEN", "NEXTLEVEL")) or "/" in line:
            continue
        letters = re.sub(r"\d", "", line)
        values = [0] * (len(letters) + 1)
        position = 0
        for char in line:
            if char.isdigit():
                values[position] = int(char)
            else:
                position += 1
        table[letters] = values
    return table, left, right


@cache
def break_points(word: str) -> tuple[int, ...]:
    """The offsets inside ``word`` (letters only) after which it may be hyphenated."""
    table, left, right = _patterns()
    if len(word) < left + right or not word.isalpha():
        return ()
    dotted = f".{word.lower()}."
    values = [0] * (len(dotted) + 1)
    for start in range(len(dotted)):
        for end in range(start + 1, min(len(dotted), start + 10) + 1):
            pattern = table.get(dotted[start:end])
            if pattern:
                for offset, value in enumerate(pattern):
                    values[start + offset] = max(values[start + offset], value)
    # values[i] is between dotted[i-1] and dotted[i]; dotted[i] is word[i-1].
    return tuple(i for i in range(left, len(word) - right + 1) if values[i + 1] % 2)


def soft_hyphenate(text: str) -> str:
    """``text`` with a soft hyphen at every point where one of its words may be hyphenated."""
    def one(match: re.Match[str]) -> str:
        word = match.group()
        points = break_points(word)
        pieces = [word[a:b] for a, b in zip((0, *points), (*points, len(word)))]
        return "\u00ad".join(pieces)

    return re.sub(r"[A-Za-z]+", one, text)


__all__ = ["PATTERNS", "HyphenationMissing", "break_points", "soft_hyphenate"]
