"""Numbers as treaties print them: Roman numerals, "Article III", "Art. 3", "Article premier", "Статья 3", "第三条"."""

from __future__ import annotations

import re

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


#: The word for "article" in the languages whose headings the importers read (casefolded).
ARTICLE_WORDS = frozenset({
    "article", "art", "artículo", "articulo", "artikel", "articolo", "artigo", "artykuł", "статья", "ст",
    "المادة",
})
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
               "九": 9}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
#: Number words that stand for a number in headings ("Article premier", "PART ONE", "المادة الأولى").
NUMBER_WORDS = {
    "premier": 1, "première": 1, "primero": 1, "primera": 1, "first": 1, "one": 1, "second": 2, "two": 2,
    "third": 3, "three": 3, "fourth": 4, "four": 4, "fifth": 5, "five": 5, "sixth": 6, "six": 6, "seventh": 7,
    "seven": 7, "eighth": 8, "eight": 8, "ninth": 9, "nine": 9, "tenth": 10, "ten": 10, "único": 1, "unique": 1,
    "الأولى": 1, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5, "السادسة": 6, "السابعة": 7, "الثامنة": 8,
    "التاسعة": 9, "العاشرة": 10,
}
_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ORDINAL_SUFFIX = re.compile(r"^(\d+)(?:er|re|st|nd|rd|th|\.?º|\.?°|\.?ª)$")
_CJK_HEADING = re.compile(r"^第\s*([〇零一二三四五六七八九十百千两\d]+)\s*[条條章节節部编編款项項]")


def cjk_to_int(text: str) -> int | None:
    """The value of a number in Chinese numerals ("十二" is 12, "一百零五" is 105) or in digits; else None."""
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    total, digit = 0, None
    for char in text:
        if char in _CJK_DIGITS:
            digit = _CJK_DIGITS[char]
        elif char in _CJK_UNITS:
            total += (1 if digit is None else digit) * _CJK_UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


def number_value(token: str) -> int | None:
    """The value of one printed number: "3", "III", "iii", "1er", "premier", "٣", "三"; None if it is not one."""
    token = token.strip().strip("().:").translate(_ARABIC_INDIC)
    if not token:
        return None
    if token.isascii() and token.isdigit():
        return int(token)
    ordinal = _ORDINAL_SUFFIX.match(token)
    if ordinal:
        return int(ordinal.group(1))
    word = NUMBER_WORDS.get(token.casefold())
    if word is not None:
        return word
    if token.isascii():
        return roman_to_int(token)
    return cjk_to_int(token)


def cjk_heading_number(text: str) -> int | None:
    """12 for "第十二条", "第十二章", "第12节": the number of a Chinese heading, else None."""
    cjk = _CJK_HEADING.match(text.strip())
    return cjk_to_int(cjk.group(1)) if cjk is not None else None


def article_number(text: str) -> int | None:
    """3 for "Article III", "ARTICLE 3", "Art. 3", "III", "3", "Статья 3", "Artículo 3", "第三条"."""
    cjk = _CJK_HEADING.match(text.strip())
    if cjk is not None and text.strip()[cjk.end() - 1] in "条條":
        return cjk_to_int(cjk.group(1))
    words = text.replace(".", " ").split()
    if words and words[0].casefold() in ARTICLE_WORDS:
        words = words[1:]
    if len(words) != 1:
        return None
    return number_value(words[0])


def nums_differ(a: str | None, b: str | None) -> bool:
    """Whether a number changed: "Article V" and "Article 5" are the same number; None differs from any."""
    if a is None or b is None:
        return (a is None) != (b is None)
    value_a, value_b = article_number(a), article_number(b)
    if value_a is not None and value_b is not None:
        return value_a != value_b
    return a.strip().casefold() != b.strip().casefold()
