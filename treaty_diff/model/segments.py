"""The word-level diff model: runs of text that both sides share, or that one side alone has."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

SegmentOp = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class Segment:
    """A run of text that both sides share (equal), or that only the new (insert) or old (delete) side has."""

    op: SegmentOp
    text: str


def side_text(segments: Iterable[Segment], side: Literal["old", "new"]) -> str:
    """One side of a diff: equal and deleted text (old), or equal and inserted text (new)."""
    skip = "insert" if side == "old" else "delete"
    return "".join(s.text for s in segments if s.op != skip)
