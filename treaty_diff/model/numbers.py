"""Numbers as treaties print them: Roman numerals, "Article III", "Art. 3"."""

from __future__ import annotations

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_to_int(text: str) -> int | None:
    """The value of a Roman numeral, or None if ``text`` is not one."""
    letters = text.casefold()
    if not letters or any(ch not in _ROMAN for ch in letters):
        return None
    total = 0
    for index, ch in enumerate(letters):
        value = _ROMAN[ch]
        if index + 1 < len(letters) and _ROMAN[letters[index + 1]] > value:
            total -= value
        else:
            total += value
    return total if int_to_roman(total).casefold() == letters else None


def int_to_roman(value: int) -> str:
    pairs = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for amount, letters in pairs:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def article_number(text: str) -> int | None:
    """3 for "Article III", "ARTICLE 3", "Art. 3", "III" or "3"."""
    words = text.replace(".", " ").split()
    if words and words[0].casefold() in {"article", "art"}:
        words = words[1:]
    if len(words) != 1:
        return None
    token = words[0]
    if token.isascii() and token.isdigit():
        return int(token)
    return roman_to_int(token)


def nums_differ(a: str | None, b: str | None) -> bool:
    """Whether a number changed: "Article V" and "Article 5" are the same number; None differs from any."""
    if a is None or b is None:
        return (a is None) != (b is None)
    value_a, value_b = article_number(a), article_number(b)
    if value_a is not None and value_b is not None:
        return value_a != value_b
    return a.strip().casefold() != b.strip().casefold()
