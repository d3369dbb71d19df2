"""Read an analyst's overrides file: pinned modalities of clauses and pinned verdicts of checklist elements.

An overrides file is XML in the namespace ``urn:treaty-diff:overrides:1``, parsed like every other input (no DTD,
no entities, no network, a size limit; :mod:`treaty_diff.read.safe`)::

    <overrides xmlns="urn:treaty-diff:overrides:1">
      <modality draft="ost-1967" eId="art_4" quote="shall be used by all States Parties to the Treaty exclusively"
                modality="prohibition">
        <reason>read as a ban on military uses of the moon</reason>
      </modality>
      <verdict draft="ost-1967" element="no-force" status="covered">
        <reason>Article III incorporates the Charter, whose Article 2(4) bans the threat or use of force</reason>
      </verdict>
    </overrides>

- ``<modality>`` pins the modality of the clause of ``draft``'s provision ``eId`` whose quote contains ``quote``
  (white space aside); ``modality`` is one of prohibition, obligation, permission, right, recommendation.
- ``<verdict>`` pins the verdict of checklist element ``element`` for ``draft``: covered, partial or absent.
- Every ruling needs a non-empty ``<reason>``: reports show it beside the tool's own answer.

Each problem (an unknown element or attribute, a missing reason, a modality or status that does not exist, two
rulings on the same thing) is one :class:`~treaty_diff.errors.InputError` naming the file and line. That a ruling
names a clause of the draft is checked when the draft is read (:func:`treaty_diff.obligations.overrides.
unmatched_overrides`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from treaty_diff.errors import InputError
from treaty_diff.model.coverage import STATUSES, Overrides, VerdictOverride
from treaty_diff.model.obligations import MODALITIES, ModalityOverride
from treaty_diff.read.safe import parse_untrusted, read_limited

OVERRIDES_NS = "urn:treaty-diff:overrides:1"
_O = f"{{{OVERRIDES_NS}}}"
#: Largest overrides file we read (bytes).
MAX_BYTES = 2 * 1024 * 1024
_ATTRIBUTES = {"modality": {"draft", "eId", "quote", "modality"}, "verdict": {"draft", "element", "status"}}


def read_overrides(path: Path | str, origin: str | None = None) -> Overrides:
    """The overrides in a file (see the module docstring)."""
    location = origin or str(path)
    return parse_overrides(read_limited(Path(path), location, MAX_BYTES, "an overrides file"), location)


def parse_overrides(data: bytes, location: str) -> Overrides:
    """Parse and check an overrides file held in memory. Raises one InputError for the first problem."""
    if not data.strip():
        raise InputError(location, "empty file: expected an overrides file")
    root: Any = parse_untrusted(data, location, MAX_BYTES, "an overrides file")
    if root.tag != _O + "overrides":
        raise InputError(location, f"not an overrides file (root element is <{_local(root.tag)}>, expected "
                                   f"<overrides> in {OVERRIDES_NS})", _line(root))
    modalities: list[ModalityOverride] = []
    verdicts: list[VerdictOverride] = []
    seen: dict[tuple[str, ...], int | None] = {}
    for node in root:
        if not isinstance(node.tag, str):
            continue
        kind = node.tag[len(_O):] if node.tag.startswith(_O) else ""
        if kind not in _ATTRIBUTES:
            raise InputError(location, f"unknown element <{_local(node.tag)}> (expected <modality> or <verdict> in "
                                       f"{OVERRIDES_NS})", _line(node))
        attributes = _attributes(node, kind, location)
        reason = _reason(node, location)
        line = _line(node) or 0
        if kind == "modality":
            key: tuple[str, ...] = ("modality", attributes["draft"], attributes["eId"],
                                    " ".join(attributes["quote"].split()))
            modality = attributes["modality"]
            if modality not in MODALITIES:
                raise InputError(location, f"unknown modality {modality!r} (expected one of: {', '.join(MODALITIES)})",
                                 line)
            modalities.append(ModalityOverride(attributes["draft"], attributes["eId"], attributes["quote"],
                                               modality, reason, line))
        else:
            key = ("verdict", attributes["draft"], attributes["element"])
            status = attributes["status"]
            if status not in STATUSES:
                raise InputError(location, f"unknown status {status!r} (expected one of: {', '.join(STATUSES)})", line)
            verdicts.append(VerdictOverride(attributes["draft"], attributes["element"], status, reason,
                                            line))
        if key in seen:
            raise InputError(location, f"a second ruling on the same {kind} (the first is at line {seen[key]})", line)
        seen[key] = line
    return Overrides(tuple(modalities), tuple(verdicts), location)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _line(element: Any) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def _attributes(node: Any, kind: str, location: str) -> dict[str, str]:
    wanted = _ATTRIBUTES[kind]
    found = {str(name): str(value) for name, value in node.attrib.items()}
    unknown = sorted(set(found) - wanted)
    if unknown:
        raise InputError(location, f"<{kind}> has no attribute {unknown[0]!r} (its attributes: "
                                   f"{', '.join(sorted(wanted))})", _line(node))
    missing = sorted(name for name in wanted if not found.get(name, "").strip())
    if missing:
        raise InputError(location, f"<{kind}> needs the attribute {missing[0]!r}", _line(node))
    return found


def _reason(node: Any, location: str) -> str:
    reasons = [child for child in node if isinstance(child.tag, str)]
    if len(reasons) != 1 or reasons[0].tag != _O + "reason":
        raise InputError(location, f"<{_local(node.tag)}> needs exactly one <reason> and nothing else", _line(node))
    text = re.sub(r"\s+", " ", "".join(str(part) for part in reasons[0].itertext())).strip()
    if not text:
        raise InputError(location, "an empty <reason>: say why the ruling differs from the tool's answer",
                         _line(reasons[0]))
    return text
