"""Read a coverage checklist from XML: hardened parsing, schema check, consistency check, model.

Like the draft reader, this
1. refuses any document type declaration and parses with entity expansion,
   DTD loading and network access off, and a size limit;
2. validates against ``treaty_diff/checklists/checklist.rng``;
3. checks what the schema cannot: modality names, unique element ids, and a
   rule of level "covered" in every element;
4. builds the frozen :class:`~treaty_diff.coverage.Checklist`.
Every problem is one :class:`~treaty_diff.errors.InputError` naming the file and line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Literal, cast

from lxml import etree

from treaty_diff.errors import InputError
from treaty_diff.model.coverage import Checklist, ChecklistElement, Rule, TermGroup
from treaty_diff.model.obligations import MODALITIES, Modality
from treaty_diff.read.safe import hardened_parser, parse_untrusted, read_limited, read_resource

CHECKLIST_NS = "urn:treaty-diff:checklist:1"
_C = f"{{{CHECKLIST_NS}}}"
#: Largest checklist file we read (bytes).
MAX_BYTES = 2 * 1024 * 1024
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _package() -> Traversable:
    return resources.files("treaty_diff.checklists")


def bundled_checklists() -> tuple[str, ...]:
    """The names of the checklists shipped in the package ("paros", ...)."""
    return tuple(sorted(entry.name[:-4] for entry in _package().iterdir() if entry.name.endswith(".xml")))


def bundled_checklist_file(name: str) -> Traversable | None:
    """The file of the bundled checklist ``name``, or None when there is no such checklist."""
    if _NAME.match(name) and name in bundled_checklists():
        return _package().joinpath(f"{name}.xml")
    return None


def load_checklist(name_or_path: str) -> Checklist:
    """A bundled checklist by bare name ("paros"), or a checklist file by path.

    A bare name of a bundled checklist always means the bundled one; anything
    else is a path, and a missing path is an error (never taken for a name).
    """
    bundled = bundled_checklist_file(name_or_path)
    if bundled is not None:
        return parse_checklist(read_resource(bundled, name_or_path, MAX_BYTES, "a checklist file"), name_or_path)
    path = Path(name_or_path)
    if not path.exists() and "/" not in name_or_path and "." not in name_or_path:
        raise InputError(name_or_path, "no such file, and not a bundled checklist "
                                       f"(bundled checklists: {', '.join(bundled_checklists())})")
    return read_checklist(path, name_or_path)


def read_checklist(path: Path | str, origin: str | None = None) -> Checklist:
    location = origin or str(path)
    return parse_checklist(read_limited(Path(path), location, MAX_BYTES, "a checklist file"), location)


@lru_cache(maxsize=1)
def _schema() -> etree.RelaxNG:
    data = _package().joinpath("checklist.rng").read_bytes()
    return etree.RelaxNG(etree.fromstring(data, hardened_parser()))


def schema_path() -> str:
    return str(_package().joinpath("checklist.rng"))


def parse_checklist(data: bytes, location: str) -> Checklist:
    """Parse, validate and convert a checklist held in memory. Raises one InputError for the first problem."""
    if not data.strip():
        raise InputError(location, "empty file: expected a checklist")
    root = parse_untrusted(data, location, MAX_BYTES, "a checklist")
    if root.tag != _C + "checklist":
        qname = etree.QName(root)
        raise InputError(location, f"not a checklist (root element is <{qname.localname}>"
                                   f"{' in ' + qname.namespace if qname.namespace else ' without a namespace'}, "
                                   f"expected <checklist> in {CHECKLIST_NS})", _line(root))
    schema = _schema()
    if not schema.validate(root):
        entries = list(schema.error_log)  # type: ignore[attr-defined]
        first = entries[0]
        message = str(first.message).replace(_C, "")
        more = f" (and {len(entries) - 1} more problem(s))" if len(entries) > 1 else ""
        line = first.line if isinstance(first.line, int) and first.line > 0 else None
        raise InputError(location, f"schema: {message}{more}", line)
    return _build(root, location)


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return re.sub(r"\s+", " ", "".join(str(part) for part in element.itertext())).strip()


def _modalities(element: etree._Element, value: str, location: str) -> tuple[Modality, ...]:
    names = value.split()
    for name in names:
        if name not in MODALITIES:
            raise InputError(location, f"unknown modality {name!r} (expected one of: {', '.join(MODALITIES)})",
                             _line(element))
    return tuple(cast(Modality, name) for name in dict.fromkeys(names))


def _group(element: etree._Element) -> TermGroup:
    terms = tuple(_text(term) for term in element.iterfind(_C + "term"))
    reason = element.find(_C + "reason")
    scope = element.get("scope", "clause")
    return TermGroup(element.get("concept", ""), terms, "context" if scope == "context" else "clause",
                     _text(reason) if reason is not None else None)


def _build(root: etree._Element, location: str) -> Checklist:
    seen: dict[str, int | None] = {}
    elements: list[ChecklistElement] = []
    for node in root.iterfind(_C + "element"):
        element_id = node.get("id", "")
        if element_id in seen:
            raise InputError(location, f"duplicate element id {element_id!r} (first at line {seen[element_id]})",
                             _line(node))
        seen[element_id] = _line(node)
        modalities = _modalities(node, node.get("modality", ""), location)
        rules: list[Rule] = []
        for rule in node.iterfind(_C + "rule"):
            own = rule.get("modality")
            level: Literal["covered", "partial"] = "covered" if rule.get("level") == "covered" else "partial"
            rules.append(Rule(
                level=level,
                modalities=_modalities(rule, own, location) if own else modalities,
                reason=_text(rule.find(_C + "reason")),
                require=tuple(_group(g) for g in rule.iterfind(_C + "require")),
                exclude=tuple(_group(g) for g in rule.iterfind(_C + "exclude")),
                narrow=tuple(_group(g) for g in rule.iterfind(_C + "narrow")),
            ))
        if not any(rule.level == "covered" for rule in rules):
            raise InputError(location, f"element {element_id!r} has no rule of level \"covered\", "
                                       "so it could never be covered", _line(node))
        elements.append(ChecklistElement(
            id=element_id,
            label=_text(node.find(_C + "label")),
            description=_text(node.find(_C + "description")),
            modalities=modalities,
            rules=tuple(rules),
            references=tuple(_group(g) for g in node.iterfind(_C + "reference")),
        ))
    return Checklist(
        id=root.get("id", ""),
        title=_text(root.find(_C + "title")),
        description=_text(root.find(_C + "description")),
        elements=tuple(elements),
        source=location,
    )
