"""Dates written in a treaty's text, as YYYY-MM-DD, for the draft's metadata.

:func:`find_date` reads ISO dates ("2014-06-12"), "12 June 2014", "June 12,
2014", "the 5th day of August 1963" and dates in words ("the fifth day of
August, one thousand nine hundred and sixty-three"). The importer looks in the
title paragraphs first, then in the final clause.

The English number words (:data:`NUMBER_WORDS`, :data:`TENS_WORDS`) are also
used to write Word's numbers in words (:mod:`treaty_diff.read.importers.docx_numbering`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

#: The English words for 0 to 19 (by index).
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
#: The English words for the tens: index 2 is "twenty", 9 is "ninety" (0 and 1 are placeholders).
TENS_WORDS = ("_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

_MONTHS = {name: n for n, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_UNITS = {w: n for n, w in enumerate(NUMBER_WORDS)}
_TENS = {w: 10 * n for n, w in enumerate(TENS_WORDS) if n >= 2}
_ORDINALS = {w: n for n, w in enumerate(
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
     "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
     "twentieth"), start=1)}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY_WORD = r"(?P<dayword>(?:twenty|thirty)?-?\s?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)" \
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth" \
    r"|twentieth|thirtieth)"
_YEAR_WORDS = r"(?P<yearwords>(?:one thousand|two thousand|nineteen hundred)[a-z\s-]*)"
DATE_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b",
               re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)\s+day\s+of\s+{_MONTH},?\s+{_YEAR_WORDS}", re.IGNORECASE),
    re.compile(rf"\b{_DAY_WORD}\s+day\s+of\s+{_MONTH},?\s+(?:(?P<year>\d{{4}})|{_YEAR_WORDS})", re.IGNORECASE),
)


def _number_words(text: str) -> int | None:
    """1963 for "one thousand nine hundred and sixty-three"; None when the words are not a number."""
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[\s-]+", text.casefold()):
        if word in ("", "and"):
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            break
        seen = True
    return total + current if seen else None


def _ordinal_words(text: str) -> int | None:
    words = [w for w in re.split(r"[\s-]+", text.casefold()) if w]
    if not words:
        return None
    value = 0
    for word in words:
        if word in _TENS:
            value += _TENS[word]
        elif word in _ORDINALS:
            value += _ORDINALS[word]
        elif word == "thirtieth":
            value += 30
        else:
            return None
    return value


def find_date(texts: Iterable[str]) -> str | None:
    """The first date written in ``texts`` (ISO, "12 June 2014", "June 12, 2014", "the fifth day of August,
    one thousand nine hundred and sixty-three"), as YYYY-MM-DD, or None."""
    for text in texts:
        found: list[tuple[int, str]] = []
        for pattern in DATE_PATTERNS:
            for match in pattern.finditer(text):
                value = _date_of(match)
                if value:
                    found.append((match.start(), value))
        if found:
            return min(found)[1]
    return None


def _date_of(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS.get((groups.get("month") or "").casefold())
    if groups.get("day"):
        day: int | None = int(groups["day"])
    else:
        day = _ordinal_words(groups.get("dayword") or "")
    if groups.get("year"):
        year: int | None = int(groups["year"])
    else:
        year = _number_words(groups.get("yearwords") or "")
    if not (month and day and year):
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


__all__ = ["DATE_PATTERNS", "NUMBER_WORDS", "TENS_WORDS", "find_date"]
