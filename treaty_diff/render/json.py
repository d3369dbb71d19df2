"""``compare --format json``: the fields of docs/contracts.md, and more.

The shape is described by ``schemas/comparison.schema.json`` (shipped in the
package); tests validate real outputs against it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from treaty_diff.model.comparison import (
    Change,
    Comparison,
    DefinitionChange,
    Line,
    PartChange,
    ProvisionInfo,
    RedlineItem,
)
from treaty_diff.model.segments import Segment
from treaty_diff.render.base import Renderer, RenderOptions, register
from treaty_diff.render.drafts import meta_dict
from treaty_diff.render.obligations import obligation_comparison_to_dict
from treaty_diff.render.page import StreamedArray, json_chunks

SCHEMA_VERSION = "1.0"


def _segments(segments: tuple[Segment, ...]) -> list[dict[str, str]]:
    return [{"op": s.op, "text": s.text} for s in segments]


def _provision(info: ProvisionInfo) -> dict[str, Any]:
    return {
        "eId": info.eid,
        "wId": info.wid,
        "num": info.num,
        "heading": info.heading,
        "label": info.label,
        "provenance": info.provenance,
        "reconstructed_blocks": list(info.reconstructed),
    }


def _line(line: Line) -> dict[str, Any]:
    return {"eId": line.eid, "role": line.role, "num": line.num, "provenance": line.provenance}


def _part(part: PartChange) -> dict[str, Any]:
    return {
        "kind": part.kind,
        "role": part.role,
        "renumbered": part.renumbered,
        "moved": part.moved,
        "similarity": part.similarity,
        "old": [_line(line) for line in part.old],
        "new": [_line(line) for line in part.new],
        "segments": _segments(part.segments),
    }


def change_dict(change: Change) -> dict[str, Any]:
    return {
        "id": change.id,
        "kind": change.kind,
        "renumbered": change.renumbered,
        "moved": change.moved,
        "old": [p.eid for p in change.old],
        "new": [p.eid for p in change.new],
        "old_num": [p.num for p in change.old],
        "new_num": [p.num for p in change.new],
        "similarity": change.similarity,
        "description": change.description,
        "words_inserted": change.words_inserted,
        "words_deleted": change.words_deleted,
        "reconstructed": change.reconstructed,
        "old_provisions": [_provision(p) for p in change.old],
        "new_provisions": [_provision(p) for p in change.new],
        "segments": _segments(change.segments),
        "parts": [_part(p) for p in change.parts],
    }


def _definition(definition: DefinitionChange) -> dict[str, Any]:
    return {
        "term": definition.term,
        "kind": definition.kind,
        "old": definition.old_eid,
        "new": definition.new_eid,
        "old_terms": list(definition.old_terms),
        "new_terms": list(definition.new_terms),
        "renamed": definition.renamed,
        "description": definition.description,
        "segments": _segments(definition.segments),
    }


def _redline_item(item: RedlineItem) -> dict[str, Any]:
    """One redline place; ``eIds`` only on a part (``part-from``, ``part-to``: a split or merge whose parts stand
    apart, or a moved provision that kept fewer than half of its words): the provisions it shows, on its side.

    Left out elsewhere, where the item shows all of its change's provisions, so
    that outputs without such parts read as before.
    """
    entry: dict[str, Any] = {"change": item.change_id, "role": item.role}
    if item.eids:
        entry["eIds"] = list(item.eids)
    return entry


def comparison_dict(comparison: Comparison, streamed: bool = False) -> dict[str, Any]:
    """The whole comparison as plain JSON-able data; with ``streamed``, the changes as a :class:`StreamedArray`,
    each made only as it is written (:func:`json_chunks`)."""
    changes = (change_dict(c) for c in comparison.changes)
    return {
        "schema_version": SCHEMA_VERSION,
        "old": meta_dict(comparison.old),
        "new": meta_dict(comparison.new),
        "options": dict(comparison.options),
        "differs": comparison.differs,
        "summary": comparison.summary.as_dict(),
        "changes": StreamedArray(changes) if streamed else list(changes),
        "definitions": [_definition(d) for d in comparison.definitions],
        "redline": [_redline_item(item) for item in comparison.redline],
        "obligations": obligation_comparison_to_dict(comparison.obligations) if comparison.obligations else None,
    }


@register
class JsonRenderer(Renderer[Comparison]):
    """Machine-readable comparison (docs/contracts.md)."""

    name = "json"
    subject = "comparison"
    suffixes = (".json",)
    description = "the comparison as JSON (fields of docs/contracts.md)"

    def render(self, value: Comparison, options: RenderOptions) -> str:
        return "".join(self.chunks(value, options))

    def chunks(self, value: Comparison, options: RenderOptions) -> Iterator[str]:
        return json_chunks(comparison_dict(value, streamed=True))
