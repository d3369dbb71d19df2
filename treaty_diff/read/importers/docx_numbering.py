"""Word's paragraph styles and automatic numbering, as the DOCX reader needs them.

- **Numbering.** Word's automatic numbers are computed as Word displays them,
  from ``numbering.xml`` (abstract definitions, levels with ``start``,
  ``numFmt``, ``lvlText``, ``lvlRestart`` and ``isLgl``, instances with
  ``startOverride`` and level overrides) and from numbering attached to
  paragraph styles (:class:`Numbering`); the DOCX reader puts the number before
  the paragraph's text. A bullet marks the paragraph as an unlettered list item.
- **Styles.** A paragraph styled Title (or based on it) is the draft's title; a
  paragraph styled Heading 1-9 (or with an outline level) is a heading
  (:class:`Styles`).

Both read parts already parsed by :mod:`treaty_diff.read.importers.docx_package`;
``w`` is the WordprocessingML namespace in Clark notation (``"{...}"``).

- **Bounds.** What a hostile file could make unbounded is clamped, each time
  with a warning: a list's start beyond :data:`MAX_LIST_NUMBER` (or below 0),
  a level beyond Word's nine (0-8), a level text longer than
  :data:`MAX_LEVEL_TEXT`; a number too large for letters or roman numerals is
  shown in decimal; a chain of styles is followed for at most
  :data:`MAX_STYLE_DEPTH` styles. So a number is formatted in constant memory
  and time, whatever the file says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from lxml import etree

from treaty_diff.model.numbers import int_to_roman
from treaty_diff.read.importers.dates import NUMBER_WORDS, TENS_WORDS
from treaty_diff.read.importers.paragraphs import Notice, ParagraphStyle

#: Largest list number read; a start beyond it (or below 0) is clamped, with a warning.
MAX_LIST_NUMBER = 32_767
#: Largest number shown in letters ("zz...z", the letter 30 times) and in roman numerals; beyond them, decimal.
MAX_LETTERS = 26 * 30
MAX_ROMAN = 3_999
#: Longest level text ("Article %1.", "(%2)") read; a longer one is cut, with a warning.
MAX_LEVEL_TEXT = 255
#: Levels of a list: Word has nine (0-8); a paragraph's level beyond them is read as the last.
MAX_LEVEL = 8
#: Most styles followed up a chain of "based on" styles.
MAX_STYLE_DEPTH = 64

# -- styles ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None


@dataclass
class Styles:
    styles: dict[str, _Style]
    default: str | None

    @classmethod
    def parse(cls, root: etree._Element | None, w: str) -> Styles:
        styles: dict[str, _Style] = {}
        default = None
        if root is None:
            return cls(styles, None)
        for style in root.iter(w + "style"):
            if style.get(w + "type", "paragraph") != "paragraph":
                continue
            sid = style.get(w + "styleId", "")
            name_el = style.find(w + "name")
            based = style.find(w + "basedOn")
            ppr = style.find(w + "pPr")
            num_id, ilvl = numbering_properties(ppr, w)
            outline_el = ppr.find(w + "outlineLvl") if ppr is not None else None
            outline = _int(outline_el.get(w + "val")) if outline_el is not None else None
            styles[sid] = _Style(
                name=(name_el.get(w + "val", "") if name_el is not None else sid),
                based_on=based.get(w + "val") if based is not None else None,
                num_id=num_id,
                ilvl=ilvl,
                outline=outline,
            )
            if style.get(w + "default") in ("1", "true", "on"):
                default = sid
        return cls(styles, default)

    def chain(self, style_id: str | None) -> Iterator[tuple[str, _Style]]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        seen: set[str] = set()
        current = style_id if style_id is not None else self.default
        while current is not None and current not in seen and current in self.styles and len(seen) < MAX_STYLE_DEPTH:
            seen.add(current)
            style = self.styles[current]
            yield current, style
            current = style.based_on

    def kind(self, style_id: str | None) -> ParagraphStyle | None:
        for _, style in self.chain(style_id):
            name = style.name.casefold()
            if name == "title":
                return "title"
            if re.fullmatch(r"heading \d", name) or (style.outline is not None and style.outline < 9):
                return "heading"
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, the style that carries them) from the style chain."""
        for sid, style in self.chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl, sid
        return None, None, None


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def numbering_properties(ppr: etree._Element | None, w: str) -> tuple[str | None, int | None]:
    """(numId, ilvl) of the ``w:numPr`` of paragraph properties (of a paragraph or a style), each None if absent."""
    if ppr is None:
        return None, None
    num_pr = ppr.find(w + "numPr")
    if num_pr is None:
        return None, None
    num_id_el = num_pr.find(w + "numId")
    ilvl_el = num_pr.find(w + "ilvl")
    return (num_id_el.get(w + "val") if num_id_el is not None else None,
            _int(ilvl_el.get(w + "val")) if ilvl_el is not None else None)


# -- numbering ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False
    style: str | None = None


def _level(lvl: etree._Element, w: str) -> _Level:
    def val(tag: str) -> str | None:
        element = lvl.find(w + tag)
        return element.get(w + "val") if element is not None else None

    legal = lvl.find(w + "isLgl")
    start = _int(val("start"))
    return _Level(
        start=start if start is not None else 1,
        fmt=val("numFmt") or "decimal",
        text=val("lvlText") or "",
        restart=_int(val("lvlRestart")),
        legal=legal is not None and legal.get(w + "val", "1") not in ("0", "false", "off"),
        style=val("pStyle"),
    )


@dataclass
class Numbering:
    """Numbering definitions and the counters of the lists met so far, as Word keeps them."""

    abstract: dict[str, dict[int, _Level]]
    style_links: dict[str, str]
    """abstractNumId -> the style a ``numStyleLink`` points to."""
    nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]]
    """numId -> (abstractNumId, start overrides, level overrides)."""
    styles: Styles
    notices: list[Notice]
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    reported: set[str] = field(default_factory=set)

    @classmethod
    def parse(cls, root: etree._Element | None, w: str, styles: Styles, notices: list[Notice]) -> Numbering:
        bounds = _Bounds(notices)
        abstract: dict[str, dict[int, _Level]] = {}
        links: dict[str, str] = {}
        nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        if root is not None:
            for definition in root.iter(w + "abstractNum"):
                aid = definition.get(w + "abstractNumId", "")
                abstract[aid] = {
                    _int(lvl.get(w + "ilvl")) or 0: bounds.level(_level(lvl, w), f"list definition {aid}")
                    for lvl in definition.findall(w + "lvl")
                }
                link = definition.find(w + "numStyleLink")
                if link is not None and link.get(w + "val"):
                    links[aid] = link.get(w + "val", "")
            for num in root.iter(w + "num"):
                nid = num.get(w + "numId", "")
                ref = num.find(w + "abstractNumId")
                starts: dict[int, int] = {}
                levels: dict[int, _Level] = {}
                for override in num.findall(w + "lvlOverride"):
                    ilvl = _int(override.get(w + "ilvl")) or 0
                    start = override.find(w + "startOverride")
                    if start is not None and _int(start.get(w + "val")) is not None:
                        starts[ilvl] = bounds.start(_int(start.get(w + "val")) or 0, f"list {nid}")
                    lvl = override.find(w + "lvl")
                    if lvl is not None:
                        levels[ilvl] = bounds.level(_level(lvl, w), f"list {nid}")
                nums[nid] = (ref.get(w + "val", "") if ref is not None else "", starts, levels)
        return cls(abstract, links, nums, styles, notices)

    def _abstract_of(self, num_id: str) -> str | None:
        seen: set[str] = set()
        entry = self.nums.get(num_id)
        while entry is not None:
            aid = entry[0]
            if aid in seen:
                return None
            seen.add(aid)
            style = self.style_links.get(aid)
            if style is None:
                return aid
            linked, _, _ = self.styles.numbering(style)
            entry = self.nums.get(linked) if linked else None
        return None

    def level(self, num_id: str, ilvl: int) -> _Level | None:
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        if ilvl in entry[2]:
            return entry[2][ilvl]
        aid = self._abstract_of(num_id)
        return self.abstract.get(aid, {}).get(ilvl) if aid is not None else None

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        aid = self._abstract_of(num_id)
        for ilvl, lvl in self.abstract.get(aid or "", {}).items():
            if lvl.style == style_id:
                return ilvl
        return None

    def display(self, num_id: str, ilvl: int) -> tuple[str | None, bool]:
        """Count one numbered paragraph; return the number Word shows (None for none) and whether it is a bullet."""
        entry = self.nums.get(num_id)
        if entry is None:
            self._report(f"num:{num_id}", f"a paragraph uses numbering {num_id}, which is not defined; "
                                          "it is read without a number")
            return None, False
        if not 0 <= ilvl <= MAX_LEVEL:
            self._report(f"ilvl:{ilvl}", f"a paragraph is at list level {ilvl}; a list has levels 0 to {MAX_LEVEL}, "
                                         f"so it is read at level {min(max(ilvl, 0), MAX_LEVEL)}")
            ilvl = min(max(ilvl, 0), MAX_LEVEL)
        current = self.level(num_id, ilvl)
        if current is None:
            return None, False
        starts = entry[1]
        key = f"num:{num_id}" if starts or entry[2] else f"abstract:{self._abstract_of(num_id)}"
        counters = self.counters.setdefault(key, {})
        counters[ilvl] = self._start(num_id, ilvl) if ilvl not in counters else counters[ilvl] + 1
        for deeper in [d for d in counters if d > ilvl]:
            deeper_level = self.level(num_id, deeper)
            restart = deeper_level.restart if deeper_level is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if current.fmt == "bullet":
            return None, True

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            referenced = self.level(num_id, index)
            value = counters.get(index, self._start(num_id, index))
            return self._format(value, "decimal" if current.legal or referenced is None else referenced.fmt)

        return (re.sub(r"%([1-9])", number, current.text).strip() or None), False

    def _start(self, num_id: str, ilvl: int) -> int:
        entry = self.nums.get(num_id)
        if entry is not None and ilvl in entry[1]:
            return entry[1][ilvl]
        level = self.level(num_id, ilvl)
        return level.start if level is not None else 1

    def _format(self, value: int, fmt: str) -> str:
        if fmt in ("decimal", "decimalFullWidth", "decimalHalfWidth"):
            return str(value)
        if fmt == "decimalZero":
            return f"{value:02d}"
        if fmt in ("lowerLetter", "upperLetter"):
            if value < 1:
                return str(value)
            if value > MAX_LETTERS:
                self._report(f"big:{fmt}", f"list number {value} is too large for letters; shown in decimal")
                return str(value)
            letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
            return letter if fmt == "lowerLetter" else letter.upper()
        if fmt in ("lowerRoman", "upperRoman"):
            if value < 1:
                return str(value)
            if value > MAX_ROMAN:
                self._report(f"big:{fmt}", f"list number {value} is too large for roman numerals; shown in decimal")
                return str(value)
            roman = int_to_roman(value)
            return roman.lower() if fmt == "lowerRoman" else roman
        if fmt == "ordinal":
            suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
            return f"{value}{suffix}"
        if fmt == "cardinalText":
            return _cardinal(value).capitalize()
        if fmt == "ordinalText":
            return _ordinal(value).capitalize()
        if fmt == "none":
            return ""
        if fmt == "decimalEnclosedParen":
            return f"({value})"
        self._report(f"fmt:{fmt}", f"numbering format {fmt!r} is shown as decimal numbers")
        return str(value)

    def _report(self, key: str, message: str) -> None:
        if key not in self.reported:
            self.reported.add(key)
            self.notices.append(Notice(message))




@dataclass
class _Bounds:
    """Clamps what a numbering definition says to the bounds above, with one warning for the first thing
    clamped of each kind."""

    notices: list[Notice]
    reported: set[str] = field(default_factory=set)

    def _report(self, kind: str, message: str) -> None:
        if kind not in self.reported:
            self.reported.add(kind)
            self.notices.append(Notice(message))

    def start(self, value: int, where: str) -> int:
        if 0 <= value <= MAX_LIST_NUMBER:
            return value
        clamped = min(max(value, 0), MAX_LIST_NUMBER)
        self._report("start", f"{where} starts at {value}, which no list reaches; read as {clamped}")
        return clamped

    def level(self, level: _Level, where: str) -> _Level:
        start = self.start(level.start, where)
        text = level.text
        if len(text) > MAX_LEVEL_TEXT:
            self._report("text", f"{where} has a number text of {len(text)} characters; only its first "
                                 f"{MAX_LEVEL_TEXT} are read")
            text = text[:MAX_LEVEL_TEXT]
        return level if (start, text) == (level.start, level.text) else replace(level, start=start, text=text)


_ORD = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth", "nine": "ninth",
        "twelve": "twelfth"}


def _cardinal(value: int) -> str:
    if value < 0 or value >= 1000:
        return str(value)
    if value < 20:
        return NUMBER_WORDS[value]
    if value < 100:
        tens, unit = divmod(value, 10)
        return TENS_WORDS[tens] + (f"-{NUMBER_WORDS[unit]}" if unit else "")
    hundreds, rest = divmod(value, 100)
    return f"{NUMBER_WORDS[hundreds]} hundred" + (f" {_cardinal(rest)}" if rest else "")


def _ordinal(value: int) -> str:
    words = _cardinal(value)
    head, sep, last = words.rpartition("-") if "-" in words else words.rpartition(" ")
    if last in _ORD:
        last = _ORD[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    elif last.isalpha():
        last += "th"
    return head + sep + last


__all__ = ["Numbering", "Styles", "numbering_properties"]
