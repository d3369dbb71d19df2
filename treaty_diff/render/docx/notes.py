"""The comments of the DOCX redline, in a reader's words: what happened to a provision's number and place, where
the other end of a move or the other parts of a split or merge stand, and which text is reconstructed.

:mod:`.layout` attaches them to the redline items as :class:`Note` values; :mod:`.redline` writes them as Word
comments over the item's paragraphs. The cover (:mod:`.cover`) and the package properties name drafts and
provisions the same way (:func:`draft_name`, :func:`describe_side`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from treaty_diff.model.comparison import Change, ProvisionInfo, RedlineItem
from treaty_diff.model.draft import BLOCK_SEPARATOR, DraftMeta


@dataclass(frozen=True)
class Note:
    """A comment on one redline item, in a reader's words."""

    kind: Literal["change", "provenance"]
    text: str


def draft_name(meta: DraftMeta, other: DraftMeta) -> str:
    """How a comment names a draft: its symbol ("CD/1839"), with its date if both drafts share a symbol."""
    name = meta.symbol or meta.id
    if meta.symbol and meta.symbol == other.symbol and meta.date:
        return f"{name} of {meta.date}"
    return name


def describe_side(infos: Sequence[ProvisionInfo]) -> str:
    """"Article III", "Articles III and IV", "the preamble"."""
    labels = [p.label for p in infos]
    if not labels:
        return "nothing"
    if len(labels) == 1:
        return labels[0]
    if all(label.startswith("Article ") for label in labels):
        rest = [label[len("Article "):] for label in labels]
        return "Articles " + ", ".join(rest[:-1]) + " and " + rest[-1]
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _words(change: Change) -> str:
    parts = []
    if change.words_inserted:
        parts.append(f"{change.words_inserted} word{'s' if change.words_inserted != 1 else ''} added")
    if change.words_deleted:
        parts.append(f"{change.words_deleted} word{'s' if change.words_deleted != 1 else ''} removed")
    return ", ".join(parts)


def notes_for(item: RedlineItem, change: Change, old_name: str, new_name: str,
              other_index: int | None, index: int) -> list[Note]:
    """The comments on one redline item: what happened to its number and place, and where its text is from."""
    old, new = describe_side(change.old), describe_side(change.new)
    notes: list[Note] = []
    if item.role == "moved-from":
        where = "" if other_index is None else (" (see below)" if other_index > index else " (see above)")
        notes.append(Note("change", f"Moved: {old} in {old_name} stands as {new} in {new_name}{where}."))
    elif item.role == "moved-to":
        where = "" if other_index is None else (" (see below)" if other_index > index else " (see above)")
        text = f"Moved: {new} in {new_name} was {old} in {old_name}{where}."
        if change.kind != "unchanged":
            words = _words(change)
            amended = f" ({words})" if words else ""
            text += f" Its text is also amended{amended}: the changes are tracked inside the moved text."
        notes.append(Note("change", text))
    elif change.kind == "split":
        notes.append(Note("change", f"Split: {old} in {old_name} becomes {new} in {new_name}."))
    elif change.kind == "merged":
        notes.append(Note("change", f"Merged: {old} in {old_name} become {new} in {new_name}."))
    elif change.moved:
        notes.append(Note("change", f"Moved: {old} in {old_name} stood elsewhere; here it is {new} in {new_name}."))
    elif change.renumbered and change.old and change.new:
        notes.append(Note("change", f"{old} in {old_name}; renumbered {new} in {new_name}."))
    sides: list[tuple[str, Sequence[ProvisionInfo]]] = []
    if item.role in ("change", "moved-from"):
        sides.append((old_name, change.old))
    if item.role in ("change", "moved-to"):
        sides.append((new_name, change.new))
    provenance = provenance_note(sides)
    if provenance:
        notes.append(Note("provenance", provenance))
    return notes


def part_notes(item: RedlineItem, change: Change, shown: Sequence[ProvisionInfo], old_name: str,
               new_name: str) -> list[Note]:
    """The comments on one part of a split or merge that stands apart: what became of what, where the rest is.

    The part is wholly deleted (old side) or wholly inserted (new side); the
    comment names the other parts and where to find them, and says when the
    wording changed too (the redline shows the new wording, not the word changes).
    """
    old, new = describe_side(change.old), describe_side(change.new)
    if change.kind not in ("split", "merged"):  # a moved provision that kept fewer than half of its words
        return _replaced_notes(item, change, old_name, new_name)
    if change.kind == "merged":
        head = f"Merged: {old} in {old_name} become {new} in {new_name}"
    else:
        head = f"Split: {old} in {old_name} becomes {new} in {new_name}"
    side_is_old = item.role == "part-from"
    own_name, other_name = (old_name, new_name) if side_is_old else (new_name, old_name)
    own = change.old if side_is_old else change.new
    other = change.new if side_is_old else change.old
    shown_eids = {info.eid for info in shown}
    rest = [info for info in own if info.eid not in shown_eids]
    verb, other_verb = ("deleted", "inserted") if side_is_old else ("inserted", "deleted")
    clauses = [f"{describe_side(shown)} in {own_name} {_is(shown)} shown {verb} here"]
    if rest:
        clauses.append(f"{describe_side(rest)} in {own_name} {_is(rest)} shown {verb} where "
                       f"{_stand(rest, old=side_is_old)}")
    clauses.append(f"{describe_side(other)} in {other_name} {_is(other)} shown {other_verb} where "
                   f"{_stand(other, old=not side_is_old)}")
    text = f"{head}. The parts stand apart: " + ", ".join(clauses[:-1]) + " and " + clauses[-1] + "."
    if change.amended:
        words = _words(change) or "punctuation, case or order only"
        wording = "the deleted text is the old wording" if side_is_old else "the inserted text is the new wording"
        text += f" The wording is also amended ({words}); {wording}."
    notes = [Note("change", text)]
    provenance = provenance_note([(old_name if side_is_old else new_name, shown)])
    if provenance:
        notes.append(Note("provenance", provenance))
    return notes


def _replaced_notes(item: RedlineItem, change: Change, old_name: str, new_name: str) -> list[Note]:
    """The comments on one end of a moved provision that kept fewer than half of its words: not a move, but a
    deletion where it stood and an insertion where it stands."""
    old, new = describe_side(change.old), describe_side(change.new)
    side_is_old = item.role == "part-from"
    words = _words(change)
    here, there = ("deleted", "inserted where it stands") if side_is_old else ("inserted", "deleted where it stood")
    text = (f"Moved: {new} in {new_name} was {old} in {old_name}, but most of its words changed ({words}), so it "
            f"is shown {here} here and {there}.")
    notes = [Note("change", text)]
    provenance = provenance_note([(old_name, change.old) if side_is_old else (new_name, change.new)])
    if provenance:
        notes.append(Note("provenance", provenance))
    return notes


def _is(infos: Sequence[ProvisionInfo]) -> str:
    return "is" if len(infos) == 1 else "are"


def _stand(infos: Sequence[ProvisionInfo], *, old: bool) -> str:
    """"it stood", "they stand": where provisions stood in the old draft or stand in the new one."""
    if old:
        return "it stood" if len(infos) == 1 else "they stood"
    return "it stands" if len(infos) == 1 else "they stand"


def provenance_note(sides: Sequence[tuple[str, Sequence[ProvisionInfo]]]) -> str | None:
    """"Reconstructed text, not the official wording", saying which draft and how much when not all of it is."""
    shown = [(name, infos) for name, infos in sides if infos]
    flagged = [(name, infos) for name, infos in shown if any(p.provenance != "verbatim" for p in infos)]
    if not flagged:
        return None
    if len(flagged) == len(shown) and all(p.provenance == "reconstructed" for _, infos in flagged for p in infos):
        return "Reconstructed text, not the official wording."
    details = []
    for name, infos in flagged:
        if all(p.provenance == "reconstructed" for p in infos):
            details.append(f"{name}: all of it")
            continue
        blocks = sum(_block_count(p) for p in infos)
        rebuilt = sum(len(p.reconstructed) if p.provenance == "mixed" else _block_count(p) for p in infos)
        details.append(f"{name}: {rebuilt} of {blocks} paragraphs" if 0 < rebuilt <= blocks else f"{name}: in part")
    return "Reconstructed text, not the official wording (" + "; ".join(details) + ")."


def _block_count(info: ProvisionInfo) -> int:
    """How many blocks a provision has: its paragraphs, less its num and heading."""
    return len(info.text.split(BLOCK_SEPARATOR)) - (1 if info.num else 0) - (1 if info.heading else 0)
