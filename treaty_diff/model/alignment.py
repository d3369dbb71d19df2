"""The alignment model: what happened to each provision (and paragraph) between two drafts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from treaty_diff.model.draft import Definition, Draft

ChangeKind = Literal["unchanged", "modified", "inserted", "deleted", "split", "merged"]
CHANGE_KINDS: tuple[ChangeKind, ...] = ("unchanged", "modified", "inserted", "deleted", "split", "merged")


@dataclass(frozen=True)
class BlockPair:
    """Paragraph-level pairing inside a provision pair: block eIds of the old and the new draft.

    ``kind`` describes the content apart from the number; ``renumbered`` (the
    num changed) and ``moved`` (the relative order changed) are independent
    flags. ``similarity`` is in [0, 1] (1.0 for identical text, 0.0 for an
    insertion or deletion).
    """

    kind: ChangeKind
    old: tuple[str, ...]
    new: tuple[str, ...]
    renumbered: bool = False
    moved: bool = False
    similarity: float = 0.0


@dataclass(frozen=True)
class ProvisionPair:
    """Provision-level pairing: one old and one new provision, or one-to-many (split), many-to-one (merged),
    or one side empty (inserted, deleted). ``evidence`` says what decided it: "wId" (both drafts carry the
    same wId), "kind" (the title, the preamble and the conclusions pair with their namesakes) or "content"."""

    kind: ChangeKind
    old: tuple[str, ...]
    new: tuple[str, ...]
    renumbered: bool = False
    moved: bool = False
    similarity: float = 0.0
    blocks: tuple[BlockPair, ...] = ()
    evidence: str = "content"


@dataclass(frozen=True)
class DefinitionPair:
    """A defined term in both drafts (paired by meaning), or only in one."""

    kind: ChangeKind
    old: Definition | None
    new: Definition | None
    renamed: bool = False
    similarity: float = 0.0


@dataclass(frozen=True)
class Alignment:
    """How two drafts correspond. ``pairs`` are in reading order: the new draft's order,
    each deleted provision at its old place. Every provision of each draft is in exactly one pair."""

    old: Draft
    new: Draft
    pairs: tuple[ProvisionPair, ...]
    definitions: tuple[DefinitionPair, ...] = ()
