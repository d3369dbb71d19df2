"""What a Word document holds besides its body's paragraphs: notes, text boxes, SmartArt, images, headers,
footers and comments.

- **Footnotes and endnotes** (:class:`Notes`) are compared: the reference mark stays in the text where it
  stands, raised as Word shows it ("¹", "ⁱ", or the author's own mark), and the note's text is kept with the
  paragraph that cites it, after its text ("... point.¹ ¹ This is a footnote"). Marks are numbered in the
  order they are cited, in the format the document's settings give (footnotes decimal, endnotes lower-case
  roman by default).
- **Text boxes** and **SmartArt** are compared: their paragraphs follow the paragraph they are anchored in
  (the text box's own paragraphs; SmartArt's nodes, one paragraph each, from the diagram's data part).
- **Images' alternative text**, **headers and footers**, and **comments** are not compared: each is warned
  by name with a count (:func:`not_compared`).

Every part is read through the package's limits (:mod:`.docx_package`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from treaty_diff.model.numbers import int_to_roman
from treaty_diff.read.importers.docx_package import Package
from treaty_diff.read.importers.paragraphs import Notice

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
DGM_NS = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"

_CHICAGO = ("*", "†", "‡", "§")
_SUPERSCRIPT = str.maketrans("0123456789abcdefghijklmnoprstuvwxyz", "⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ")


def superscript(text: str) -> str:
    """A mark raised as Word shows it ("12" is "¹²", "iv" is "ⁱᵛ"), so that it does not run into the word or
    number it follows ("2022,¹", not "2022,1"); characters without a raised form stay as they are."""
    return text.translate(_SUPERSCRIPT)


def mark(value: int, fmt: str) -> str:
    """A note's reference mark as Word numbers it: 3 in decimal "3", lowerRoman "iii", upperLetter "C", ..."""
    if fmt in ("lowerRoman", "upperRoman") and value >= 1:
        roman = int_to_roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt in ("lowerLetter", "upperLetter") and value >= 1:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt == "chicago" and value >= 1:
        return _CHICAGO[(value - 1) % 4] * ((value - 1) // 4 + 1)
    return str(value)


@dataclass
class Notes:
    """The footnotes and endnotes of a document, by kind and id, and the marks given so far."""

    w: str
    parts: dict[str, dict[str, etree._Element]] = field(default_factory=dict)
    formats: dict[str, str] = field(default_factory=lambda: {"footnote": "decimal", "endnote": "lowerRoman"})
    starts: dict[str, int] = field(default_factory=lambda: {"footnote": 1, "endnote": 1})
    counts: dict[str, int] = field(default_factory=lambda: {"footnote": 0, "endnote": 0})
    missing: int = 0

    @classmethod
    def read(cls, package: Package, relationships: list[tuple[str, str, str, bool]], w: str,
             body: etree._Element | None) -> Notes:
        notes = cls(w)
        for kind, root in parts(package, relationships, ("footnotes", "endnotes", "settings")):
            if kind == "settings":
                notes._properties(root)
                continue
            name = kind[:-1]
            notes.parts[name] = {
                note.get(w + "id", ""): note for note in root.iter(w + name)
                if note.get(w + "type", "normal") == "normal"
            }
        if body is not None:
            section = body.find(w + "sectPr")
            if section is not None:
                notes._properties(section)
        return notes

    def _properties(self, holder: etree._Element) -> None:
        w = self.w
        for name in ("footnote", "endnote"):
            properties = holder.find(f"{w}{name}Pr")
            if properties is None:
                continue
            fmt = properties.find(w + "numFmt")
            if fmt is not None and fmt.get(w + "val"):
                self.formats[name] = fmt.get(w + "val", "decimal")
            start = properties.find(w + "numStart")
            if start is not None and (start.get(w + "val") or "").isdigit():
                self.starts[name] = int(start.get(w + "val", "1"))

    def cite(self, reference: etree._Element) -> tuple[str, etree._Element | None]:
        """The mark a ``w:footnoteReference`` or ``w:endnoteReference`` shows (empty when the author's own mark
        follows it in the text), and the note it cites (None when the document lacks it)."""
        w = self.w
        name = "footnote" if etree.QName(reference).localname == "footnoteReference" else "endnote"
        note = self.parts.get(name, {}).get(reference.get(w + "id", ""))
        if note is None:
            self.missing += 1
        if reference.get(w + "customMarkFollows", "0") in ("1", "true", "on"):
            return "", note
        value = self.starts[name] + self.counts[name]
        self.counts[name] += 1
        return superscript(mark(value, self.formats[name])), note


def parts(package: Package, relationships: list[tuple[str, str, str, bool]],
          kinds: tuple[str, ...]) -> Iterator[tuple[str, etree._Element]]:
    """(kind, root) of each part of the package that the main document relates to as one of ``kinds``."""
    for _, kind, target, external in relationships:
        if not external and kind in kinds:
            root = package.xml(target)
            if root is not None:
                yield kind, root


def smartart_texts(package: Package, rels: dict[str, str], graphic: etree._Element) -> list[str] | None:
    """The text of a SmartArt diagram's nodes, one string each, in the order of its data part; None when the
    graphic is no diagram."""
    ids = graphic.find(f".//{{{DGM_NS}}}relIds")
    if ids is None:
        return None
    target = rels.get(ids.get(f"{{{R_NS}}}dm", ""))
    data = package.xml(target) if target else None
    if data is None:
        return []
    texts: list[str] = []
    for point in data.iter(f"{{{DGM_NS}}}pt"):
        if point.get("type", "node") not in ("node", "asst"):
            continue
        for paragraph in point.iterfind(f"{{{DGM_NS}}}t/{{{A_NS}}}p"):
            text = "".join(t.text or "" for t in paragraph.iter(f"{{{A_NS}}}t")).strip()
            if text:
                texts.append(text)
    return texts


def alt_text(drawing: etree._Element) -> str | None:
    """An image's alternative text (its description, else its title), or None; "" for an image without one."""
    if drawing.find(f".//{{{PIC_NS}}}pic") is None:
        return None
    for properties in drawing.iter(f"{{{WP_NS}}}docPr"):
        return (properties.get("descr") or properties.get("title") or "").strip()
    return ""


def not_compared(package: Package, relationships: list[tuple[str, str, str, bool]], w: str,
                 images: list[str], notices: list[Notice]) -> None:
    """Warn, by name with a count, of what is read but not compared: images (and their alternative text),
    headers and footers, comments."""
    if images:
        described = [text for text in images if text]
        said = (f"; {len(described)} with alternative text, not compared: "
                + ", ".join(repr(text[:40]) for text in described[:3]) + (", ..." if len(described) > 3 else "")
                if described else "")
        notices.append(Notice(f"{len(images)} image(s): not compared{said}"))
    furniture: dict[str, int] = {}
    comments = 0
    for kind, root in parts(package, relationships, ("header", "footer", "comments")):
        if kind == "comments":
            comments += sum(1 for c in root.iter(w + "comment") if any((t.text or "").strip()
                                                                     for t in c.iter(w + "t")))
        elif any((t.text or "").strip() for t in root.iter(w + "t")):
            furniture[kind] = furniture.get(kind, 0) + 1
    if furniture:
        what = " and ".join(f"{count} {kind}(s)" for kind, count in sorted(furniture.items()))
        notices.append(Notice(f"{what} with text: headers and footers are not part of the draft; not compared"))
    if comments:
        notices.append(Notice(f"{comments} comment(s): comments are not part of the draft; not compared"))


__all__ = ["Notes", "alt_text", "mark", "not_compared", "smartart_texts", "superscript"]
