"""Quality checks on each tool's output: does it rebuild both drafts, and does it find the true pairs and moves?

Every check returns a :class:`Check`: ``ok`` and a short ``detail`` (where the
texts first differ, or what was counted). "Rebuild" means:

- our JSON: the segments invariant of docs/contracts.md, exactly (no normalising): for every
  change, the equal and delete segments give the old provisions' texts joined by a blank
  line, the equal and insert segments the new ones; and every provision of each draft is
  in exactly one change;
- our HTML: ``#redline`` without ``<ins>`` and ``[data-annotation]`` gives the old draft's
  text, without ``<del>`` and ``[data-annotation]`` the new one (compared with all whitespace
  removed, as the HTML has no separator between block elements);
- a DOCX (ours with ``redline_only``, python-redlines'): accepting every tracked change gives
  the new draft's text and rejecting every one gives the old (:mod:`ooxml_redline`),
  whitespace-normalised;
- LibreOffice: the texts it reads back after Accept All and Reject All, whitespace-normalised;
- redlines: its markdown without the green (inserted) spans gives the old text, without the red
  (deleted) spans the new one, whitespace-normalised;
- difflib: the equal/delete and equal/insert segments, exactly.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ooxml_redline import Redline, normalise, read_redline
from pairs import Pair

from treaty_diff.model.alignment import ProvisionPair
from treaty_diff.model.draft import BLOCK_SEPARATOR
from treaty_diff.testing.evaluate import evaluate


@dataclass(frozen=True)
class Check:
    """The verdict of one check and a few words on it."""

    ok: bool
    detail: str = ""
    spacing_only: bool = False  # not ok, but the texts are the same once all whitespace is removed

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "detail": self.detail, "spacing_only": self.spacing_only}


def first_difference(got: str, want: str) -> str:
    """Where two texts first differ, with a little context of each."""
    at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
    start = max(0, at - 30)
    return f"differs at char {at} of {len(want)}: got {got[start:at + 30]!r}, want {want[start:at + 30]!r}"


def _same(got_old: str, got_new: str, pair: Pair, normalised: bool = True, no_space: bool = False) -> Check:
    want_old, want_new = pair.old.text, pair.new.text
    if no_space:
        got_old, got_new, want_old, want_new = (re.sub(r"\s+", "", t) for t in (got_old, got_new, want_old, want_new))
    elif normalised:
        got_old, got_new, want_old, want_new = (normalise(t) for t in (got_old, got_new, want_old, want_new))
    for side, got, want in (("old", got_old, want_old), ("new", got_new, want_new)):
        if got != want:
            spacing = re.sub(r"\s+", "", got) == re.sub(r"\s+", "", want)
            return Check(False, f"{side} text " + first_difference(got, want), spacing_only=spacing)
    return Check(True, "both texts rebuilt")


# -- ours ------------------------------------------------------------------------------------------


def json_invariant(pair: Pair, comparison: dict[str, Any]) -> Check:
    """The segments invariant of docs/contracts.md on our JSON, and every provision in exactly one change."""
    old_texts = {p.eid: p.text for p in pair.old.provisions}
    new_texts = {p.eid: p.text for p in pair.new.provisions}
    seen_old: list[str] = []
    seen_new: list[str] = []
    for change in comparison["changes"]:
        segments = change["segments"]
        got_old = "".join(s["text"] for s in segments if s["op"] in ("equal", "delete"))
        got_new = "".join(s["text"] for s in segments if s["op"] in ("equal", "insert"))
        want_old = BLOCK_SEPARATOR.join(old_texts[e] for e in change["old"])
        want_new = BLOCK_SEPARATOR.join(new_texts[e] for e in change["new"])
        if got_old != want_old:
            return Check(False, f"change {change['old']}: old " + first_difference(got_old, want_old))
        if got_new != want_new:
            return Check(False, f"change {change['new']}: new " + first_difference(got_new, want_new))
        seen_old.extend(change["old"])
        seen_new.extend(change["new"])
    if sorted(seen_old) != sorted(old_texts) or sorted(seen_new) != sorted(new_texts):
        return Check(False, "a provision is missing from the changes or appears twice")
    return Check(True, f"{len(comparison['changes'])} changes, every segment list rebuilds both sides")


def our_pairs(comparison: dict[str, Any]) -> list[ProvisionPair]:
    """The changes of our JSON as provision pairs, to score against the truth."""
    return [ProvisionPair(c["kind"], tuple(c["old"]), tuple(c["new"]), renumbered=bool(c.get("renumbered")),
                          moved=bool(c.get("moved"))) for c in comparison["changes"]]


@dataclass(frozen=True)
class Recall:
    """Our alignment against the generator's truth: link recall and F1, moves found (exactly) of the true ones."""

    recall: float
    f1: float
    moves_right: int
    moves_found: int
    moves_true: int

    def to_dict(self) -> dict[str, Any]:
        return {"recall": self.recall, "f1": self.f1, "moves_right": self.moves_right,
                "moves_found": self.moves_found, "moves_true": self.moves_true}


def our_recall(pair: Pair, comparison: dict[str, Any]) -> Recall | None:
    if pair.truth is None:
        return None
    tally = evaluate(our_pairs(comparison), pair.truth)
    moved = tally.label_recall("moved")
    return Recall(tally.recall, tally.f1, moved.correct, tally.label_precision("moved").total, moved.total)


def html_rebuild(pair: Pair, page: str) -> Check:
    """``#redline`` read twice: without ``<ins>`` (old) and without ``<del>`` (new), annotations removed."""
    import lxml.html

    root = lxml.html.fromstring(page)
    found = root.xpath('//*[@id="redline"]')
    if not found:
        return Check(False, "no element with id=redline")

    def reading(drop: str) -> str:
        copy = lxml.html.fromstring(lxml.html.tostring(found[0]))
        for element in copy.xpath(f"descendant-or-self::{drop} | descendant-or-self::*[@data-annotation]"):
            if element.getparent() is not None:
                element.drop_tree()
        return copy.text_content()

    return _same(reading("ins"), reading("del"), pair, no_space=True)


def docx_rebuild(pair: Pair, data: bytes) -> tuple[Check, str]:
    """Accept all gives the new text, reject all the old one; and what the DOCX shows as moved (:func:`docx_moves`)."""
    redline = read_redline(data)
    return _same(redline.rejected, redline.accepted, pair), docx_moves(pair, redline)


def docx_moves(pair: Pair, redline: Redline) -> str:
    """The moves a DOCX marks (``w:moveTo``), against the truth where there is one.

    A true move counts as found when at least half of the moved provision's blocks (as
    they read in the new draft) stand, whole, in text marked ``w:moveTo``: the rule
    needs no pairing information, so it applies to any tool's DOCX. Passages are runs of
    consecutive paragraphs holding moved-to text.
    """
    passages = f"{redline.moves} passage{'s' if redline.moves != 1 else ''} marked"
    if pair.truth is None:
        return passages
    moved_text = "\n".join(redline.moved_text)
    blocks = {p.eid: [normalise(b.text) for b in p.blocks] for p in pair.new.provisions}
    true_moves = [p for p in pair.truth if p.moved]
    found = 0
    for move in true_moves:
        texts = [t for eid in move.new for t in blocks[eid] if t]
        if texts and sum(1 for t in texts if t in moved_text) * 2 >= len(texts):
            found += 1
    return f"{found} of {len(true_moves)} true moves found; {passages}"


# -- peers -----------------------------------------------------------------------------------------

_RED = re.compile(r"<span style='color:red;[^']*'>(.*?)</span>", re.DOTALL)
_GREEN = re.compile(r"<span style='color:green;[^']*'>(.*?)</span>", re.DOTALL)


def redlines_rebuild(pair: Pair, markdown: str) -> Check:
    """redlines' markdown: drop the inserted (green) spans for the old text, the deleted (red) ones for the new."""
    old = _RED.sub(lambda m: m.group(1), _GREEN.sub("", markdown))
    new = _GREEN.sub(lambda m: m.group(1), _RED.sub("", markdown))
    # redlines marks paragraph breaks with ¶ internally; whatever is left of them is not draft text.
    old, new = (html.unescape(t).replace("¶", " ") for t in (old, new))
    return _same(old, new, pair)


def segments_rebuild(pair: Pair, segments: Iterable[Sequence[str]]) -> Check:
    """(op, text) segments: equal+delete must give the old text and equal+insert the new, exactly."""
    listed = list(segments)
    old = "".join(text for op, text in listed if op in ("equal", "delete"))
    new = "".join(text for op, text in listed if op in ("equal", "insert"))
    return _same(old, new, pair, normalised=False)


def libreoffice_rebuild(pair: Pair, response: dict[str, Any]) -> Check:
    return _same(response["rejected"], response["accepted"], pair)
