"""The DOCX redline's layout: which paragraphs, which runs, which revision on each paragraph mark.

This module knows nothing of XML. It turns :attr:`Comparison.redline` into a
list of :class:`ItemLayout` values, each a list of :class:`Para` values whose
runs (:class:`Piece`) and paragraph marks carry an operation: ``equal``,
``insert``, ``delete``, ``move-from`` or ``move-to``. :mod:`.redline` writes them
as Word revisions (or as coloured text in static mode).

The parts of a split or merge that stand apart (redline roles ``part-from``
and ``part-to``) are plain deletions and insertions, not moves: Word pairs a
moveFrom range with one moveTo range, and such a change has several parts on
at least one side. Each part carries a comment saying where the others are.

How paragraphs come out of segments: a provision's text is its lines joined
by a blank line, so each ``"\\n\\n"`` inside a segment is a paragraph break that
exists in the old text (delete), the new text (insert) or both (equal). The
break is the paragraph mark of the paragraph it ends, and the mark carries the
operation of the segment it came from. A whole inserted paragraph therefore
has an inserted mark (rejecting leaves no empty paragraph) and a whole deleted
one a deleted mark (accepting leaves none). Accepting every change keeps the
equal and insert pieces and marks, which is the new text with its paragraphs;
rejecting keeps equal and delete, the old text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from treaty_diff.model.comparison import Change, Comparison, Line, ProvisionInfo, RedlineItem
from treaty_diff.model.draft import BLOCK_SEPARATOR
from treaty_diff.model.eids import provision_eid
from treaty_diff.model.segments import Segment
from treaty_diff.render.docx.notes import Note, describe_side, draft_name, notes_for, part_notes

Op = Literal["equal", "insert", "delete", "move-from", "move-to", "moved-delete"]
"""``moved-delete``: words deleted inside the new end of a move, in neither draft (gone on accept and on reject)."""

#: Operations whose text belongs to the old draft (kept when every change is rejected).
OLD_OPS: frozenset[Op] = frozenset({"equal", "delete", "move-from"})
#: Operations whose text belongs to the new draft (kept when every change is accepted).
NEW_OPS: frozenset[Op] = frozenset({"equal", "insert", "move-to"})

#: What a paragraph break inside words deleted in the new end of a move shows (the proofreader's pilcrow): that
#: text is in neither draft, and a break there would be a paragraph neither draft has.
MOVED_BREAK = "¶ "


@dataclass(frozen=True)
class Piece:
    """A run of text with the operation that produced it."""

    op: Op
    text: str


@dataclass
class Para:
    """One paragraph of the redline: its pieces, the operation on its paragraph mark, and its line's style."""

    pieces: list[Piece]
    mark: Op
    line: Line | None

    @property
    def old_text(self) -> str:
        return "".join(p.text for p in self.pieces if p.op in OLD_OPS)

    @property
    def new_text(self) -> str:
        return "".join(p.text for p in self.pieces if p.op in NEW_OPS)


@dataclass
class ItemLayout:
    """One :class:`RedlineItem` laid out: its paragraphs and the comments on it."""

    item: RedlineItem
    change: Change
    paras: list[Para]
    notes: list[Note] = field(default_factory=list)
    move_name: str | None = None
    """For the two ends of a move: the name that pairs the moveFrom and moveTo ranges."""


def layout_redline(comparison: Comparison, *, moves: bool = True) -> list[ItemLayout]:
    """Lay out the whole redline in :attr:`Comparison.redline` order.

    With ``moves=False`` the two ends of a move are written as a deletion and
    an insertion instead of ``move-from`` and ``move-to``.
    """
    old_name = draft_name(comparison.old, comparison.new)
    new_name = draft_name(comparison.new, comparison.old)
    positions = {(item.change_id, item.role): index for index, item in enumerate(comparison.redline)}
    by_id = comparison.changes_by_id
    layouts: list[ItemLayout] = []
    move_count = 0
    move_names: dict[str, str] = {}
    for index, item in enumerate(comparison.redline):
        change = by_id[item.change_id]
        if item.role == "change":
            paras = change_paragraphs(change)
        elif item.role == "moved-from":
            paras = whole_paragraphs(change.old, _lines(change, "old"), "move-from" if moves else "delete")
        elif item.role == "moved-to":
            paras = moved_paragraphs(change) if moves else whole_paragraphs(change.new, _lines(change, "new"), "insert")
        else:  # one part of a split or merge that stands apart: wholly deleted or wholly inserted
            side: Literal["old", "new"] = "old" if item.role == "part-from" else "new"
            shown = comparison.shown(item, side)
            paras = whole_paragraphs(shown, _lines(change, side, shown), "delete" if side == "old" else "insert")
        layout = ItemLayout(item=item, change=change, paras=paras)
        if item.role in ("moved-from", "moved-to") and moves:
            if item.change_id not in move_names:
                move_count += 1
                move_names[item.change_id] = f"move{move_count}"
            layout.move_name = move_names[item.change_id]
        other_index: int | None = None
        if item.role == "moved-from":
            other_index = positions.get((item.change_id, "moved-to"))
        elif item.role == "moved-to":
            other_index = positions.get((item.change_id, "moved-from"))
        if item.role in ("part-from", "part-to"):
            layout.notes = part_notes(item, change, comparison.shown(item, item.sides[0]), old_name, new_name)
        else:
            layout.notes = notes_for(item, change, old_name, new_name, other_index, index)
        layouts.append(layout)
    separate_insertions([para for layout in layouts for para in layout.paras])
    return layouts


# -- paragraphs -----------------------------------------------------------------------------------------


def change_paragraphs(change: Change) -> list[Para]:
    """The paragraphs of a change shown in full at its place.

    The paragraph-level parts are used when they line up with both sides'
    texts in order (each part's diff then stays inside its paragraph);
    otherwise (a split, a merge, a paragraph moved inside the provision) the
    provision-level segments, which always rebuild both sides in order.
    """
    old_text = BLOCK_SEPARATOR.join(p.text for p in change.old)
    new_text = BLOCK_SEPARATOR.join(p.text for p in change.new)
    if change.parts_in_order:
        paras: list[Para] = []
        for part in change.parts:
            if not part.old and not part.new:
                continue
            final = _final_mark(bool(part.old), bool(part.new))
            paras.extend(paragraphs(part.segments, list(part.old), list(part.new), final))
        return paras
    if _side(change.segments, OLD_OPS) != old_text or _side(change.segments, NEW_OPS) != new_text:
        raise ValueError(f"the segments of {describe_side(change.old or change.new)} do not rebuild its texts")
    final = _final_mark(bool(change.old), bool(change.new))
    return paragraphs(change.segments, _lines(change, "old"), _lines(change, "new"), final)


def moved_paragraphs(change: Change) -> list[Para]:
    """The new end of a move, with the changes made to the moved text tracked inside it.

    The change's segments are cut at the new text's paragraph breaks: the words
    the move kept are ``move-to``, the inserted ones ``insert`` and the deleted
    ones ``moved-delete`` (a deletion inside the move: gone when every change is
    accepted, and, with the rest of the moved text, when every change is
    rejected). Every paragraph mark is inserted, as at any move's new end.
    """
    new_lines = _lines(change, "new")
    result: list[Para] = []
    pieces: list[Piece] = []

    def close(mark: Op) -> None:
        nonlocal pieces
        index = len(result)
        result.append(Para(pieces, mark, new_lines[index] if index < len(new_lines) else None))
        pieces = []

    for segment in change.segments:
        if segment.op == "delete":
            shown = segment.text.strip("\n")  # a deleted break at its edge shows nothing, one inside a pilcrow
            if shown:
                pieces.append(Piece("moved-delete", shown.replace(BLOCK_SEPARATOR, MOVED_BREAK)))
            continue
        op: Op = "move-to" if segment.op == "equal" else "insert"
        for index, chunk in enumerate(segment.text.split(BLOCK_SEPARATOR)):
            if index:
                close(op)
            if chunk:
                pieces.append(Piece(op, chunk))
    close("move-to")
    return result


def whole_paragraphs(infos: Sequence[ProvisionInfo], lines: Sequence[Line | None], op: Op) -> list[Para]:
    """The paragraphs of one side of a change, every piece and mark with ``op`` (the two ends of a move)."""
    texts = BLOCK_SEPARATOR.join(p.text for p in infos).split(BLOCK_SEPARATOR)
    return [
        Para([Piece(op, text)] if text else [], op, lines[index] if index < len(lines) else None)
        for index, text in enumerate(texts)
    ]


def paragraphs(segments: Iterable[Segment], old_lines: Sequence[Line | None], new_lines: Sequence[Line | None],
               final_mark: Op) -> list[Para]:
    """Cut a segment stream into paragraphs at each blank line; see the module docstring.

    ``old_lines`` and ``new_lines`` are the lines of each side in order; a
    paragraph takes its style from the new line it shows (or the old one when
    it holds only old text).
    """
    result: list[Para] = []
    pieces: list[Piece] = []
    old_index = new_index = 0

    def close(mark: Op) -> None:
        nonlocal pieces, old_index, new_index
        shows_new = mark in NEW_OPS or any(p.op in NEW_OPS for p in pieces)
        line: Line | None = None
        if shows_new and new_index < len(new_lines):
            line = new_lines[new_index]
        elif old_index < len(old_lines):
            line = old_lines[old_index]
        result.append(Para(pieces, mark, line))
        pieces = []
        if mark in OLD_OPS:
            old_index += 1
        if mark in NEW_OPS:
            new_index += 1

    for segment in segments:
        op: Op = segment.op
        for index, chunk in enumerate(segment.text.split(BLOCK_SEPARATOR)):
            if index:
                close(op)
            if chunk:
                pieces.append(Piece(op, chunk))
    close(final_mark)
    return result


def separate_insertions(paras: Sequence[Para]) -> None:
    """Keep an untracked paragraph mark from sitting between two insertions (changes ``paras`` in place).

    LibreOffice joins an insertion that ends a paragraph with one that starts
    the next into a single insertion spanning the paragraph mark, so rejecting
    it would also remove that mark and run two paragraphs together. Word does
    not, and either order means the same to both, so:

    - where a paragraph starts with a replacement (deletion and insertion
      side by side), the deletion comes first; where one ends a paragraph
      before such a meeting, the deletion comes last;
    - where an untracked mark still sits between two insertions and the
      paragraphs after it are wholly inserted, the untracked mark moves to the
      last of them (the old text holds one paragraph break there either way).
    """
    for index, para in enumerate(paras):
        following = paras[index + 1] if index + 1 < len(paras) else None
        deletion_last = para.mark == "equal" and following is not None and _starts_inserted(following)
        para.pieces = _deletions_at_edges(para.pieces, deletion_last=deletion_last)
    index = 0
    while index < len(paras) - 1:
        para, following = paras[index], paras[index + 1]
        if para.mark == "equal" and _ends_inserted(para) and _wholly_inserted(following) and following.pieces:
            last = index + 1
            while last + 1 < len(paras) and _wholly_inserted(paras[last + 1]):
                last += 1
            para.mark, paras[last].mark = "insert", "equal"
            index = last
        else:
            index += 1


def _deletions_at_edges(pieces: list[Piece], *, deletion_last: bool) -> list[Piece]:
    """Reorder the changed pieces at the ends of a paragraph so that deletions touch the edge where needed.

    The changes that open a paragraph always put their deletions first (as
    Word shows a replacement); those that close it put them last only when
    ``deletion_last`` (the mark is untracked and an insertion opens the next
    paragraph). A paragraph with no equal piece has one group for both ends.
    """
    start = 0
    while start < len(pieces) and pieces[start].op not in _KEPT:
        start += 1
    if start == len(pieces):
        return _partition(pieces, deletions_first=not deletion_last)
    end = len(pieces)
    while pieces[end - 1].op not in _KEPT:
        end -= 1
    tail = _partition(pieces[end:], deletions_first=False) if deletion_last else pieces[end:]
    return _partition(pieces[:start], deletions_first=True) + pieces[start:end] + tail


#: The pieces that stay in place when the changes at a paragraph's edges are reordered: text in both drafts, and
#: the text a move kept (the words changed inside a move's new end stay where they are among it).
_KEPT: frozenset[Op] = frozenset({"equal", "move-to"})


def _partition(pieces: list[Piece], *, deletions_first: bool) -> list[Piece]:
    """A run of changed pieces with the deletions before (or after) the insertions, each kept in order."""
    deletions = [p for p in pieces if p.op not in NEW_OPS]
    insertions = [p for p in pieces if p.op in NEW_OPS]
    return deletions + insertions if deletions_first else insertions + deletions


def _ends_inserted(para: Para) -> bool:
    return bool(para.pieces) and para.pieces[-1].op in ("insert", "move-to")


def _starts_inserted(para: Para) -> bool:
    return bool(para.pieces) and para.pieces[0].op in ("insert", "move-to")


def _wholly_inserted(para: Para) -> bool:
    return para.mark == "insert" and all(p.op == "insert" for p in para.pieces)


def _final_mark(has_old: bool, has_new: bool) -> Op:
    if has_old and has_new:
        return "equal"
    return "insert" if has_new else "delete"


def _side(segments: Iterable[Segment], ops: frozenset[Op]) -> str:
    return "".join(s.text for s in segments if s.op in ops)


def _lines(change: Change, side: Literal["old", "new"],
           shown: Sequence[ProvisionInfo] | None = None) -> list[Line | None]:
    """The lines of one side in text order, matched by text to the parts' lines (None where none matches).

    ``shown``: only these provisions of the side (a part of a split or merge),
    matched to their own lines only, so that a paragraph repeated in another
    part does not lend this one its line.
    """
    infos = change.old if side == "old" else change.new
    pool = [line for part in change.parts for line in (part.old if side == "old" else part.new)]
    if shown is not None:
        infos = tuple(shown)
        eids = {info.eid for info in infos}
        pool = [line for line in pool if provision_eid(line.eid, eids) is not None]
    texts = BLOCK_SEPARATOR.join(p.text for p in infos).split(BLOCK_SEPARATOR) if infos else []
    used = [False] * len(pool)
    nums = {p.num for p in infos if p.num}
    headings = {p.heading for p in infos if p.heading}
    result: list[Line | None] = []
    for text in texts:
        found: Line | None = None
        for index, line in enumerate(pool):
            if not used[index] and line.text == text:
                used[index] = True
                found = line
                break
        if found is None and (text in nums or text in headings):
            role: Literal["num", "heading"] = "num" if text in nums else "heading"
            found = Line(eid="", role=role, block_kind=None, num=None, depth=0, provenance="verbatim", text=text)
        result.append(found)
    return result
