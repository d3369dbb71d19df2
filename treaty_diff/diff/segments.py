"""From diff pieces to :class:`~treaty_diff.model.Segment` values, and what can be read off segments.

Building
    The decoded diff, (op, old text, new text) pieces, is grouped into runs
    (:class:`_Run`: equal text, or a run of changes), whitespace alone between
    two changes is folded into them where that makes one replacement
    (:func:`_absorb`, :func:`absorb_whitespace_gaps`), and each run becomes one
    equal segment, or a deletion followed by an insertion (:func:`_segments`).

Measures
    :func:`change_runs` finds the runs of changes in a sequence of segments;
    :func:`words_changed` counts the words they insert and delete.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from treaty_diff.model.segments import Segment, SegmentOp
from treaty_diff.text.tokens import is_word, tokenize

__all__ = ["absorb_whitespace_gaps", "change_runs", "words_changed"]

# -- building segments ------------------------------------------------------------------------------------


@dataclass
class _Run:
    """A maximal run of equal text, or of changes (the deleted old text and the inserted new text)."""

    equal: bool
    old: str
    new: str
    deletes: bool = False
    inserts: bool = False

    def absorbable(self) -> bool:
        return self.equal and self.old.isspace() and self.new.isspace()


def _runs(pieces: Iterable[tuple[SegmentOp, str, str]]) -> list[_Run]:
    """Group (op, old text, new text) pieces into runs; an equal piece with no new text is dropped."""
    runs: list[_Run] = []
    for op, old, new in pieces:
        if op == "equal":
            if not new:
                continue
            if runs and runs[-1].equal:
                runs[-1].old += old
                runs[-1].new += new
            else:
                runs.append(_Run(True, old, new))
        else:
            if not old and not new:
                continue
            if not runs or runs[-1].equal:
                runs.append(_Run(False, "", ""))
            run = runs[-1]
            run.old += old
            run.new += new
            run.deletes = run.deletes or bool(old)
            run.inserts = run.inserts or bool(new)
    return runs


def _absorb(runs: list[_Run]) -> list[_Run]:
    """Fold whitespace-only equal runs into the changes around them where that leaves no whitespace-only change."""
    changed = True
    while changed:
        changed = False
        out: list[_Run] = []
        index = 0
        while index < len(runs):
            run = runs[index]
            if (
                out
                and index + 1 < len(runs)
                and run.absorbable()
                and not out[-1].equal
                and not runs[index + 1].equal
                and (out[-1].deletes or runs[index + 1].deletes)
                and (out[-1].inserts or runs[index + 1].inserts)
            ):
                left, right = out[-1], runs[index + 1]
                out[-1] = _Run(
                    False,
                    left.old + run.old + right.old,
                    left.new + run.new + right.new,
                    left.deletes or right.deletes,
                    left.inserts or right.inserts,
                )
                index += 2
                changed = True
            else:
                out.append(run)
                index += 1
        runs = out
    return runs


def _segments(runs: Iterable[_Run]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    for run in runs:
        if run.equal:
            segments.append(Segment("equal", run.new))
        else:
            if run.old:
                segments.append(Segment("delete", run.old))
            if run.new:
                segments.append(Segment("insert", run.new))
    return tuple(segments)


def absorb_whitespace_gaps(segments: Iterable[Segment]) -> tuple[Segment, ...]:
    """Present changes readably: fold an equal segment of only whitespace into the changes around it.

    ``[-a-][+x+] [-b-][+y+]`` becomes ``[-a b-][+x y+]``, and
    ``[-a-] [+b+]`` becomes ``[-a -][+ b+]`` (a replacement): the whitespace
    goes into both the deleted and the inserted text, so both sides still
    rebuild exactly.

    A gap is folded only if the folded change then deletes *and* inserts
    something besides the whitespace. ``[-a-] [-b-]`` therefore stays as it
    is: since the new text has that space, the only exact folding is
    ``[-a b-][+ +]``, which would trade the whitespace-only equal for a
    whitespace-only insertion. (Where both texts lack it, diff-match-patch
    already reports ``[-a b-]``.)

    The result is normalised (no empty segment, no two neighbours with the
    same op, deletion before insertion in each run of changes), and folding it
    again changes nothing. :func:`diff_texts` already returns folded
    segments; this is for callers that join the segments of several diffs
    (for example a provision's blocks, separated by an equal blank line).
    """
    pieces = ((s.op, s.text if s.op != "insert" else "", s.text if s.op != "delete" else "") for s in segments)
    return _build_segments(pieces)


def _build_segments(pieces: Iterable[tuple[SegmentOp, str, str]]) -> tuple[Segment, ...]:
    """The folded segments of (op, old text, new text) pieces: runs, whitespace gaps absorbed, segments."""
    return _segments(_absorb(_runs(pieces)))


# -- measures ---------------------------------------------------------------------------------------------


def change_runs(segments: Sequence[Segment]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each maximal run of non-equal segments: ``segments[start:end]``, in order."""
    index = 0
    while index < len(segments):
        if segments[index].op == "equal":
            index += 1
            continue
        start = index
        while index < len(segments) and segments[index].op != "equal":
            index += 1
        yield start, index


def words_changed(segments: Iterable[Segment]) -> tuple[int, int]:
    """(words inserted, words deleted): word tokens (:func:`is_word`) in the insert and the delete segments.

    Whitespace and punctuation do not count; each CJK character counts as a
    word. With character granularity a changed part of a word counts as one.
    """
    inserted = deleted = 0
    for segment in segments:
        if segment.op == "equal":
            continue
        count = sum(1 for token in tokenize(segment.text) if is_word(token))
        if segment.op == "insert":
            inserted += count
        else:
            deleted += count
    return inserted, deleted
