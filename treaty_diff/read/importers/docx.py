"""Read the text of a Word document (DOCX) as paragraphs for the plain-text parser.

The package is opened with :mod:`zipfile` and only the parts that hold text
are read: the main document, its relationships, the styles and the numbering
definitions. Nothing else (images, headers, footers, comments, embedded
objects) is read, and no relationship is ever followed outside the package.

- **Limits.** The file may not be larger than :data:`MAX_DOCX_BYTES`; the
  package may not have more than :data:`MAX_ENTRIES` entries; a part's declared
  uncompressed size may not exceed :data:`MAX_PART_BYTES`, and it is read in
  chunks and abandoned as soon as the bytes actually inflated pass that limit,
  or :data:`MAX_TOTAL_BYTES` for all parts together (zip bombs).
- **XML.** Every part is parsed by a hardened lxml parser: no DTD loading, no
  entity expansion, no network, libxml2's default depth and size limits; a
  part with a document type declaration is refused.
- **Text.** Paragraphs of the body in reading order, table cells row by row,
  content controls; tabs and line breaks become spaces; hidden text, field
  codes and deleted text are left out. Tracked changes are read as accepted
  (inserted text kept, deleted text dropped, a deleted paragraph mark joins two
  paragraphs), with a warning.
- **Numbering.** Word's automatic numbers are computed as Word displays them,
  from ``numbering.xml`` (abstract definitions, levels with ``start``,
  ``numFmt``, ``lvlText``, ``lvlRestart`` and ``isLgl``, instances with
  ``startOverride`` and level overrides) and from numbering attached to
  paragraph styles; the number is put before the paragraph's text. A bullet
  marks the paragraph as an unlettered list item.
- **Styles.** A paragraph styled Title (or based on it) is the draft's title; a
  paragraph styled Heading 1-9 (or with an outline level) is a heading.

This module and :mod:`treaty_diff.akn` are the only ones that use lxml.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from treaty_diff.errors import InputError
from treaty_diff.model.numbers import int_to_roman
from treaty_diff.read.importers.plaintext import Notice, Paragraph, ParagraphStyle, split_group
from treaty_diff.read.safe import hardened_parser

#: Largest .docx file read (bytes on disk).
MAX_DOCX_BYTES = 50 * 1024 * 1024
#: Largest uncompressed size of one XML part (declared and actual).
MAX_PART_BYTES = 32 * 1024 * 1024
#: Largest uncompressed size of all the parts read together.
MAX_TOTAL_BYTES = 64 * 1024 * 1024
#: Most entries the ZIP package may have.
MAX_ENTRIES = 10_000

_CHUNK = 64 * 1024

W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # "Strict Open XML"
)
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"

_LONE_NUMBER = re.compile(r"^(?:\(?(?:\d{1,3}|[a-zA-Z]{1,2}|[ivxlcIVXLC]{1,6})[.)]|(?:Article|ARTICLE|Art\.)\s+\S+)$")
_SKIPPED_INLINE = {
    "pPr", "rPr", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd", "commentRangeStart",
    "commentRangeEnd", "lastRenderedPageBreak", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
    "moveToRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
    "customXmlDelRangeEnd",
}


@dataclass(frozen=True)
class DocxText:
    """What was read from a DOCX: its paragraphs (``line`` is the paragraph's number) and notices."""

    paragraphs: tuple[Paragraph, ...]
    notices: tuple[Notice, ...]


def read_docx(path: Path, location: str) -> DocxText:
    """Read the paragraphs of a DOCX file. Raises InputError for a file that is not a readable DOCX."""
    try:
        if not path.is_file():
            raise InputError(location, "not a regular file" if path.exists() else "no such file")
        size = path.stat().st_size
        if size > MAX_DOCX_BYTES:
            raise InputError(location, f"file too large ({size} bytes; the limit for a .docx is {MAX_DOCX_BYTES})")
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputError(location, "not a DOCX file: it is not a ZIP archive (a .docx is a ZIP package of XML "
                                   "parts)") from None
    except PermissionError:
        raise InputError(location, "cannot read the file: permission denied") from None
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as error:
        raise InputError(location, f"not a readable DOCX file: {error}") from None
    with archive:
        if len(archive.infolist()) > MAX_ENTRIES:
            raise InputError(location, f"not a plausible DOCX: {len(archive.infolist())} entries in the package "
                                       f"(the limit is {MAX_ENTRIES})")
        package = _Package(archive, location)
        return package.read()


@dataclass
class _Package:
    """The ZIP package: reads parts with size caps, parses them with the hardened parser."""

    archive: zipfile.ZipFile
    location: str
    total: int = 0
    notices: list[Notice] = field(default_factory=list)

    def raw(self, name: str) -> bytes | None:
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            return None
        if info.flag_bits & 0x1:
            raise InputError(self.location, f"the DOCX is encrypted (part {name}); save it without a password")
        if info.file_size > MAX_PART_BYTES:
            raise InputError(self.location, f"part {name} declares {info.file_size} bytes uncompressed "
                                            f"(the limit is {MAX_PART_BYTES}); refused as a possible zip bomb")
        chunks: list[bytes] = []
        size = 0
        try:
            with self.archive.open(info) as stream:
                while True:
                    chunk = stream.read(_CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    self.total += len(chunk)
                    if size > MAX_PART_BYTES:
                        raise InputError(self.location, f"part {name} inflates to more than {MAX_PART_BYTES} bytes "
                                                        "(more than it declares); refused as a zip bomb")
                    if self.total > MAX_TOTAL_BYTES:
                        raise InputError(self.location, f"the parts read inflate to more than {MAX_TOTAL_BYTES} "
                                                        "bytes; refused as a possible zip bomb")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError,
                ValueError) as error:
            raise InputError(self.location, f"damaged DOCX: cannot read part {name}: {error}") from None
        return b"".join(chunks)

    def xml(self, name: str) -> etree._Element | None:
        data = self.raw(name)
        if data is None:
            return None
        if re.search(rb"<!DOCTYPE", data, re.IGNORECASE):
            raise InputError(self.location, f"part {name} has a document type declaration (DTD); refused")
        try:
            root = etree.fromstring(data, hardened_parser())
        except etree.XMLSyntaxError as error:
            message = re.sub(r"\s+", " ", str(error.msg or error)).strip()
            raise InputError(self.location, f"damaged DOCX: part {name} is not well-formed XML: {message}") from None
        if root.getroottree().docinfo.doctype:  # type: ignore[union-attr]
            raise InputError(self.location, f"part {name} has a document type declaration (DTD); refused")
        return root

    def relationships(self, source: str) -> list[tuple[str, str, str, bool]]:
        """(id, type, target, external) of a part's relationships; internal targets resolved to part names."""
        folder, base = posixpath.split(source)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        if root is None:
            return []
        found = []
        for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
            target = rel.get("Target", "")
            external = rel.get("TargetMode", "") == "External"
            if not external:
                target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found.append((rel.get("Id", ""), rel.get("Type", "").rsplit("/", 1)[-1], target, external))
        return found

    def read(self) -> DocxText:
        main = "word/document.xml"
        for _, kind, target, external in self.relationships(""):
            if kind == "officeDocument" and not external:
                main = target
        document = self.xml(main)
        if document is None:
            raise InputError(self.location, f"not a Word document: the package has no {main}")
        namespace = etree.QName(document).namespace or ""
        if namespace not in W_NAMESPACES:
            raise InputError(self.location, f"not a Word document: {main} is not WordprocessingML "
                                            f"(root element {etree.QName(document).localname!r} in {namespace!r})")
        styles_root = numbering_root = None
        for _, kind, target, external in self.relationships(main):
            if external:
                if kind != "hyperlink":
                    self.notices.append(Notice(f"the document refers to an external {kind!r} ({target}); it is not "
                                               "followed and nothing from it is imported"))
            elif kind == "styles":
                styles_root = self.xml(target)
            elif kind == "numbering":
                numbering_root = self.xml(target)
        w = f"{{{namespace}}}"
        styles = _Styles.parse(styles_root, w)
        numbering = _Numbering.parse(numbering_root, w, styles, self.notices)
        body = document.find(w + "body")
        if body is None:
            raise InputError(self.location, f"not a Word document: {main} has no body")
        walker = _Walker(w, styles, numbering, self.notices)
        walker.container(body)
        walker.finish()
        return DocxText(tuple(walker.paragraphs), tuple(self.notices))


# -- styles ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None


@dataclass
class _Styles:
    styles: dict[str, _Style]
    default: str | None

    @classmethod
    def parse(cls, root: etree._Element | None, w: str) -> _Styles:
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
            num_id, ilvl = _num_pr(ppr, w)
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
        while current is not None and current not in seen and current in self.styles:
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


def _num_pr(ppr: etree._Element | None, w: str) -> tuple[str | None, int | None]:
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
class _Numbering:
    """Numbering definitions and the counters of the lists met so far, as Word keeps them."""

    abstract: dict[str, dict[int, _Level]]
    style_links: dict[str, str]
    """abstractNumId -> the style a ``numStyleLink`` points to."""
    nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]]
    """numId -> (abstractNumId, start overrides, level overrides)."""
    styles: _Styles
    notices: list[Notice]
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    reported: set[str] = field(default_factory=set)

    @classmethod
    def parse(cls, root: etree._Element | None, w: str, styles: _Styles, notices: list[Notice]) -> _Numbering:
        abstract: dict[str, dict[int, _Level]] = {}
        links: dict[str, str] = {}
        nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        if root is not None:
            for definition in root.iter(w + "abstractNum"):
                aid = definition.get(w + "abstractNumId", "")
                abstract[aid] = {
                    _int(lvl.get(w + "ilvl")) or 0: _level(lvl, w) for lvl in definition.findall(w + "lvl")
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
                        starts[ilvl] = _int(start.get(w + "val")) or 0
                    lvl = override.find(w + "lvl")
                    if lvl is not None:
                        levels[ilvl] = _level(lvl, w)
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
        text = current.text
        for match in reversed(list(re.finditer(r"%([1-9])", text))):
            index = int(match.group(1)) - 1
            referenced = self.level(num_id, index)
            value = counters.get(index, self._start(num_id, index))
            fmt = "decimal" if current.legal else (referenced.fmt if referenced else "decimal")
            text = text[: match.start()] + self._format(value, fmt) + text[match.end() :]
        return (text.strip() or None), False

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
            letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
            return letter if fmt == "lowerLetter" else letter.upper()
        if fmt in ("lowerRoman", "upperRoman"):
            if value < 1:
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


_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORD = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth", "nine": "ninth",
        "twelve": "twelfth"}


def _cardinal(value: int) -> str:
    if value < 0 or value >= 1000:
        return str(value)
    if value < 20:
        return _SMALL[value]
    if value < 100:
        tens, unit = divmod(value, 10)
        return _TENS[tens] + (f"-{_SMALL[unit]}" if unit else "")
    hundreds, rest = divmod(value, 100)
    return f"{_SMALL[hundreds]} hundred" + (f" {_cardinal(rest)}" if rest else "")


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


# -- the body ------------------------------------------------------------------------------------------


@dataclass
class _Raw:
    text: str
    index: int
    style: ParagraphStyle | None
    listed: bool


@dataclass
class _Walker:
    """Walks the body in reading order and collects paragraphs with their displayed numbers."""

    w: str
    styles: _Styles
    numbering: _Numbering
    notices: list[Notice]
    paragraphs: list[Paragraph] = field(default_factory=list)
    count: int = 0
    carry: str = ""
    insertions: int = 0
    deletions: int = 0
    hidden: int = 0
    footnotes: int = 0
    boxes: int = 0
    other: set[str] = field(default_factory=set)

    def container(self, element: etree._Element) -> None:
        for raw in self.blocks(element):
            self.emit(raw)

    def blocks(self, element: etree._Element) -> Iterator[_Raw]:
        """The paragraphs below a block container (body, cell, content control), tables row by row."""
        w = self.w
        for child in element:
            if not isinstance(child.tag, str):
                continue
            tag = child.tag
            if tag == w + "p":
                raw = self.paragraph(child)
                if raw is not None:
                    yield raw
            elif tag == w + "tbl":
                yield from self.table(child)
            elif tag == w + "sdt":
                content = child.find(w + "sdtContent")
                if content is not None:
                    yield from self.blocks(content)
            elif tag == w + "customXml":
                yield from self.blocks(child)
            elif tag == w + "altChunk":
                self.other.add("embedded content (altChunk)")

    def table(self, table: etree._Element) -> Iterator[_Raw]:
        w = self.w
        for row in self.rows(table):
            properties = row.find(w + "trPr")
            if properties is not None and properties.find(w + "del") is not None:
                self.deletions += 1
                continue
            cells = [list(self.blocks(cell)) for cell in row.findall(w + "tc")]
            cells = [cell for cell in cells if cell]
            if len(cells) >= 2 and len(cells[0]) == 1 and _LONE_NUMBER.match(cells[0][0].text.strip()):
                number = cells[0][0]
                first = cells[1][0]
                cells[1][0] = _Raw(f"{number.text.strip()} {first.text}", number.index, number.style or first.style,
                                   False)
                cells = cells[1:]
            for cell in cells:
                yield from cell

    def rows(self, element: etree._Element) -> Iterator[etree._Element]:
        """The rows of a table, also those inside content controls or custom XML (not those of nested tables)."""
        w = self.w
        for child in element:
            if child.tag == w + "tr":
                yield child
            elif child.tag == w + "sdt":
                content = child.find(w + "sdtContent")
                if content is not None:
                    yield from self.rows(content)
            elif child.tag == w + "customXml":
                yield from self.rows(child)

    def paragraph(self, p: etree._Element) -> _Raw | None:
        w = self.w
        self.count += 1
        ppr = p.find(w + "pPr")
        mark = ppr.find(w + "rPr") if ppr is not None else None
        if mark is not None and _on(mark.find(w + "vanish"), w):
            self.hidden += 1
            return None
        parts: list[str] = []
        self.inline(p, parts)
        text = "".join(parts)
        if mark is not None and mark.find(w + "del") is not None:
            # A deleted paragraph mark: accepted, this paragraph runs on into the next one.
            self.deletions += 1
            self.carry += text
            return None
        text = self.carry + text
        self.carry = ""
        style_el = ppr.find(w + "pStyle") if ppr is not None else None
        style_id = style_el.get(w + "val") if style_el is not None else None
        number, bullet = self.number(ppr, style_id)
        if not text.strip() and not number:
            return None
        if number:
            text = f"{number} {text.lstrip()}".rstrip()
        return _Raw(text, self.count, self.styles.kind(style_id), bullet)

    def number(self, ppr: etree._Element | None, style_id: str | None) -> tuple[str | None, bool]:
        num_id, ilvl = _num_pr(ppr, self.w)
        style_num, style_ilvl, carrier = self.styles.numbering(style_id)
        if num_id is None:
            num_id = style_num
            if ilvl is None:
                ilvl = style_ilvl
                if ilvl is None and num_id is not None and carrier is not None:
                    ilvl = self.numbering.level_for_style(num_id, carrier)
        if num_id is None or num_id == "0":
            return None, False
        return self.numbering.display(num_id, ilvl or 0)

    def inline(self, element: etree._Element, out: list[str]) -> None:
        w = self.w
        for child in element:
            if not isinstance(child.tag, str):
                continue
            qname = etree.QName(child)
            tag = qname.localname
            if qname.namespace == MC_NS or tag in ("drawing", "pict", "object"):
                self.boxes += _has_text(child, w)
                continue
            if qname.namespace == MATH_NS:
                out.append("".join(t.text or "" for t in child.iter(f"{{{MATH_NS}}}t")))
                continue
            if qname.namespace != w[1:-1]:
                continue
            if tag == "r":
                self.run(child, out)
            elif tag in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo", "moveTo"):
                self.inline(child, out)
            elif tag == "ins":
                self.insertions += 1
                self.inline(child, out)
            elif tag in ("del", "moveFrom"):
                self.deletions += 1
            elif tag == "sdt":
                content = child.find(w + "sdtContent")
                if content is not None:
                    self.inline(content, out)
            elif tag not in _SKIPPED_INLINE and _has_text(child, w):
                self.other.add(f"<w:{tag}>")

    def run(self, run: etree._Element, out: list[str]) -> None:
        w = self.w
        properties = run.find(w + "rPr")
        if properties is not None and _on(properties.find(w + "vanish"), w):
            self.hidden += 1
            return
        for child in run:
            if not isinstance(child.tag, str):
                continue
            tag = etree.QName(child).localname
            if tag == "t":
                out.append(child.text or "")
            elif tag in ("tab", "ptab"):
                out.append("\t")
            elif tag in ("br", "cr"):
                out.append("\n")
            elif tag == "noBreakHyphen":
                out.append("-")
            elif tag == "sym":
                out.append(_symbol(child.get(w + "char", "")))
            elif tag in ("footnoteReference", "endnoteReference"):
                self.footnotes += 1
            elif tag in ("drawing", "pict", "object") or etree.QName(child).namespace == MC_NS:
                self.boxes += _has_text(child, w)

    def emit(self, raw: _Raw) -> None:
        lines = [(line, raw.index) for line in (part.strip() for part in raw.text.split("\n")) if line]
        if not lines:
            return
        for n, paragraph in enumerate(split_group(lines, layout=False)):
            self.paragraphs.append(Paragraph(paragraph.text, raw.index, raw.style, raw.listed and n == 0))

    def finish(self) -> None:
        if self.carry.strip():
            self.paragraphs.extend(
                Paragraph(p.text, self.count, None) for p in split_group([(self.carry.strip(), self.count)], False)
            )
        if self.insertions or self.deletions:
            self.notices.append(Notice(
                f"the document has tracked changes; they were read as accepted ({self.insertions} insertion(s) "
                f"kept, {self.deletions} deletion(s) dropped)"))
        if self.hidden:
            self.notices.append(Notice(f"{self.hidden} piece(s) of hidden text were not imported"))
        if self.footnotes:
            self.notices.append(Notice(f"{self.footnotes} footnote or endnote reference(s): the notes' text is not "
                                       "imported"))
        if self.boxes:
            self.notices.append(Notice(f"{self.boxes} text box(es) or drawing(s) with text: their text is not "
                                       "imported"))
        for what in sorted(self.other):
            self.notices.append(Notice(f"text inside {what} was not imported"))


def _on(element: etree._Element | None, w: str) -> bool:
    """Whether a toggle property (``<w:vanish/>``, ``<w:vanish w:val="false"/>``) is on."""
    return element is not None and element.get(w + "val", "true") not in ("0", "false", "off")


def _has_text(element: etree._Element, w: str) -> int:
    return int(any((t.text or "").strip() for t in element.iter(w + "t")))


def _symbol(code: str) -> str:
    """The character of a ``w:sym``; symbol fonts use the private range F000-F0FF for their 8-bit codes."""
    value = _int_hex(code)
    if value is None:
        return ""
    if 0xF000 <= value <= 0xF0FF:
        value -= 0xF000
    if value < 0x20 or 0xD800 <= value <= 0xDFFF or value in (0xFFFE, 0xFFFF) or value > 0x10FFFF:
        return ""
    return chr(value)


def _int_hex(code: str) -> int | None:
    try:
        return int(code, 16)
    except ValueError:
        return None


__all__ = ["MAX_DOCX_BYTES", "MAX_ENTRIES", "MAX_PART_BYTES", "MAX_TOTAL_BYTES", "DocxText", "read_docx"]
