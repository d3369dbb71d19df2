"""The comparison model: the one value every renderer reads (built by ``treaty_diff.compare``).

Renderers never see a Draft's XML nor re-walk an alignment: everything they
show is here, already in reading order, already described in a legal reader's
words.

- :class:`Change`: what happened to one provision (or to the provisions of a
  split or merge), with the word-level ``segments`` of its whole text and the
  paragraph-level ``parts``.
- :attr:`Comparison.redline`: the order in which a redline shows the changes:
  the new draft's order, each deleted provision at its old place, each
  moved provision twice (deleted where it was, inserted where it is, with its
  word-level changes), and each provision of a split or merge whose parts
  stand apart (or of a moved provision that kept few of its words) at its own place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from treaty_diff.model.alignment import ChangeKind
from treaty_diff.model.draft import BLOCK_SEPARATOR, BlockKind, DraftMeta
from treaty_diff.model.obligations import ObligationComparison
from treaty_diff.model.segments import Segment, side_text
from treaty_diff.text.tokens import is_word, tokenize

ProvenanceLabel = Literal["verbatim", "reconstructed", "mixed"]


@dataclass(frozen=True)
class ProvisionInfo:
    """One side of a change: a provision as it stands in its draft."""

    eid: str
    wid: str | None
    kind: str
    num: str | None
    heading: str | None
    label: str
    provenance: ProvenanceLabel
    text: str
    reconstructed: tuple[str, ...] = ()
    """eIds of the blocks whose text is reconstructed (all of them for a reconstructed provision)."""


@dataclass(frozen=True)
class Line:
    """One paragraph-level unit of one side, as a report lays it out: a num, a heading, or a block."""

    eid: str
    role: Literal["num", "heading", "block"]
    block_kind: BlockKind | None
    num: str | None
    depth: int
    provenance: Literal["verbatim", "reconstructed"]
    text: str


@dataclass(frozen=True)
class PartChange:
    """A paragraph-level change inside a provision change (the aligner's BlockPair, with its diff).

    ``segments`` rebuild the old lines' texts joined by a blank line (equal +
    delete) and the new lines' texts likewise (equal + insert).
    """

    kind: ChangeKind
    role: Literal["num", "heading", "block"]
    old: tuple[Line, ...]
    new: tuple[Line, ...]
    segments: tuple[Segment, ...]
    renumbered: bool = False
    moved: bool = False
    similarity: float = 0.0


def parts_lay_out(parts: Iterable[PartChange], old_text: str, new_text: str) -> bool:
    """True when each part's segments rebuild its own lines and the parts' lines, in order, the two texts.

    ``old_text`` and ``new_text`` are the change's provision texts joined by a
    blank line. The compare stage joins such parts' segments into the
    change's; the reports then show the change paragraph by paragraph.
    """
    old_lines: list[str] = []
    new_lines: list[str] = []
    for part in parts:
        part_old = [line.text for line in part.old]
        part_new = [line.text for line in part.new]
        if (side_text(part.segments, "old") != BLOCK_SEPARATOR.join(part_old)
                or side_text(part.segments, "new") != BLOCK_SEPARATOR.join(part_new)):
            return False
        old_lines.extend(part_old)
        new_lines.extend(part_new)
    return BLOCK_SEPARATOR.join(old_lines) == old_text and BLOCK_SEPARATOR.join(new_lines) == new_text


@dataclass(frozen=True)
class Change:
    """What happened to one provision between the drafts.

    ``kind`` describes the content apart from the num (a provision whose only
    change is its num is ``unchanged`` with ``renumbered``); ``moved`` means its
    place changed relative to the provisions around it. ``segments`` rebuild
    the old provisions' texts joined by a blank line (equal + delete) and the
    new ones' (equal + insert).
    """

    id: str
    kind: ChangeKind
    old: tuple[ProvisionInfo, ...]
    new: tuple[ProvisionInfo, ...]
    segments: tuple[Segment, ...]
    parts: tuple[PartChange, ...]
    description: str
    renumbered: bool = False
    moved: bool = False
    similarity: float = 0.0
    words_inserted: int = 0
    words_deleted: int = 0
    amended: bool = False
    """True when the wording of the paragraphs changed (their numbers aside): case, punctuation and order count."""

    @property
    def changed(self) -> bool:
        """True unless the provision is identical in both drafts, num and place included."""
        return self.kind != "unchanged" or self.renumbered or self.moved

    @cached_property
    def parts_in_order(self) -> bool:
        """True when the parts, in order, lay out both sides in their draft order, each part its own lines.

        Then a report can show the change paragraph by paragraph; a split or a merge usually fails this
        (its parts pair paragraphs across provisions) and is shown from the change's own segments.
        """
        old_text = BLOCK_SEPARATOR.join(info.text for info in self.old)
        new_text = BLOCK_SEPARATOR.join(info.text for info in self.new)
        return bool(self.parts) and parts_lay_out(self.parts, old_text, new_text)

    @property
    def reconstructed(self) -> bool:
        """True when any text on either side is reconstructed rather than verbatim."""
        return any(p.provenance != "verbatim" for p in (*self.old, *self.new))

    @cached_property
    def words_kept(self) -> int:
        """The words of the old text that stay in the new (word tokens of the equal segments)."""
        return sum(1 for s in self.segments if s.op == "equal" for token in tokenize(s.text) if is_word(token))

    @property
    def shown_as_move(self) -> bool:
        """True for a moved provision whose words mostly survive (at least half of the old words stay).

        A redline shows such a change as a move (the old text where it stood,
        the new text where it stands with its word-level changes marked inside);
        a moved provision that kept fewer of its words reads better as what it
        is, a deletion and an insertion.
        """
        return self.moved and bool(self.old) and bool(self.new) and self.words_kept >= self.words_deleted


@dataclass(frozen=True)
class DefinitionChange:
    """A defined term in both drafts (paired by meaning), or in one only."""

    kind: ChangeKind
    term: str
    old_terms: tuple[str, ...]
    new_terms: tuple[str, ...]
    old_eid: str | None
    new_eid: str | None
    renamed: bool
    segments: tuple[Segment, ...]
    description: str


RedlineRole = Literal["change", "moved-from", "moved-to", "part-from", "part-to"]


@dataclass(frozen=True)
class RedlineItem:
    """One place in a redline: a change shown in full, one end of a move, or one part of a split or merge.

    ``moved-from`` and ``moved-to`` are the two ends of a move
    (:attr:`Change.shown_as_move`): the old text wholly deleted where it stood,
    the new text where it stands with the word-level changes marked inside.

    ``part-from`` and ``part-to`` show a change wholly deleted at its old place
    and wholly inserted at its new place, provision by provision, without a
    move: a split or merge whose parts stand apart in a draft (one place for
    the whole change would put what stands between the parts out of order), or
    a moved provision that kept fewer than half of its words.
    """

    change_id: str
    role: RedlineRole
    eids: tuple[str, ...] = ()
    """The eIds of the provisions shown, on the side the item shows; empty for all of the change's."""

    @property
    def sides(self) -> tuple[Literal["old", "new"], ...]:
        """The sides whose text this item shows: both for a change shown in full, else one."""
        if self.role == "change":
            return ("old", "new")
        return ("old",) if self.role in ("moved-from", "part-from") else ("new",)


@dataclass(frozen=True)
class Summary:
    """Counts of changes per kind and flag, and words inserted and deleted."""

    unchanged: int = 0
    modified: int = 0
    inserted: int = 0
    deleted: int = 0
    split: int = 0
    merged: int = 0
    renumbered: int = 0
    moved: int = 0
    words_inserted: int = 0
    words_deleted: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Comparison:
    """Two drafts compared: metadata, changes in reading order, definitions, summary, redline layout."""

    old: DraftMeta
    new: DraftMeta
    changes: tuple[Change, ...]
    definitions: tuple[DefinitionChange, ...]
    summary: Summary
    redline: tuple[RedlineItem, ...]
    options: dict[str, str | bool] = field(default_factory=dict)
    obligations: ObligationComparison | None = None
    """The obligations of the old draft matched with the new draft's: dropped, added, weakened, strengthened."""

    @property
    def differs(self) -> bool:
        """True when anything changed (used by ``--exit-code``)."""
        return any(change.changed for change in self.changes) or any(
            d.kind != "unchanged" or d.renamed for d in self.definitions
        )

    @cached_property
    def changes_by_id(self) -> dict[str, Change]:
        """The changes by id (made once: a redline looks up every item)."""
        return {change.id: change for change in self.changes}

    def change(self, change_id: str) -> Change:
        return self.changes_by_id[change_id]

    @property
    def reconstructed_changes(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.reconstructed)

    def shown(self, item: RedlineItem, side: Literal["old", "new"]) -> tuple[ProvisionInfo, ...]:
        """The provisions of one side that a redline item shows (none when it does not show that side)."""
        if side not in item.sides:
            return ()
        change = self.change(item.change_id)
        infos = change.old if side == "old" else change.new
        if not item.eids:
            return infos
        return tuple(info for info in infos if info.eid in item.eids)

    def provisions_in_order(self, side: Literal["old", "new"]) -> tuple[ProvisionInfo, ...]:
        """One draft's provisions in that draft's own order (the redline holds both orders)."""
        return tuple(info for item in self.redline for info in self.shown(item, side))

    def reconstructed_provisions(self, side: Literal["old", "new"]) -> tuple[ProvisionInfo, ...]:
        """The provisions of one draft whose text is reconstructed in whole or in part, in that draft's order.

        Every report names these the same way: ``label`` plus " (in part)" when ``provenance`` is "mixed".
        """
        return tuple(p for p in self.provisions_in_order(side) if p.provenance != "verbatim")
