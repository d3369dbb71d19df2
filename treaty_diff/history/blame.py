"""Word-level blame carried forward through a series, one diff at a time.

Every character of a provision's text carries the version that introduced it.
Through each step's change (its segments rebuild the old provisions' texts
joined by a blank line, and the new ones'), equal text keeps its versions and
inserted text takes the new version; deleted text is dropped. A split or merge
is one change with one diff of the joined texts, so words keep their version
whichever provision they land in. Runs are carried, not characters: the cost
of a step is linear in the number of segments and runs.

A redline favours reading: its semantic cleanup turns a run of edits with a
few shared words between them into one replacement ("[-The States Parties to
this Treaty,-]{+The States Members of this Treaty,+}"). Blame reads each such
replacement again (:func:`refine`: a word diff of the deleted text with the
inserted text alone), so that the words the two share keep their version.

The runs shown to a reader (:class:`~treaty_diff.model.history.BlameRun`) merge
neighbours of the same version, and give a run of white space alone the version
of the run before it (of the run after it at the start), so that a space or a
paragraph break never stands as a version of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from treaty_diff.diff import diff_texts
from treaty_diff.model.draft import BLOCK_SEPARATOR
from treaty_diff.model.history import BlameRun
from treaty_diff.model.segments import Segment

#: (length, version): a run of characters and the version (index) that introduced them.
Run = tuple[int, int]

#: The version of the blank lines that join provisions for a diff: never shown (white space is absorbed).
_JOIN = -1


def runs_of(blame: Sequence[BlameRun]) -> list[Run]:
    return [(len(run.text), run.version) for run in blame]


def fresh(text: str, version: int) -> tuple[BlameRun, ...]:
    """The blame of a text that is all new in ``version``."""
    return (BlameRun(text, version),) if text else ()


def refine(segments: Sequence[Segment]) -> list[Segment]:
    """The segments with each replacement (deleted and inserted text between two equal runs) diffed again alone."""
    out: list[Segment] = []
    run: list[Segment] = []
    for segment in [*segments, Segment("equal", "")]:
        if segment.op != "equal":
            run.append(segment)
            continue
        deleted = "".join(s.text for s in run if s.op == "delete")
        inserted = "".join(s.text for s in run if s.op == "insert")
        out.extend(diff_texts(deleted, inserted) if deleted and inserted else run)
        run = []
        if segment.text:
            out.append(segment)
    return out


def carry(olds: Sequence[Sequence[BlameRun]], segments: Sequence[Segment], version: int,
          new_texts: Sequence[str]) -> list[tuple[BlameRun, ...]]:
    """The blame of each new text, from the blame of the old texts and the diff of the joined texts.

    ``olds`` are the old provisions' blames, in the order their texts were
    joined for the diff; ``new_texts`` the new provisions' texts in that order.
    ValueError when the segments do not rebuild the joined texts (never, for a
    change of ``compare``).
    """
    source: list[Run] = []
    for index, blame in enumerate(olds):
        if index:
            source.append((len(BLOCK_SEPARATOR), _JOIN))
        source.extend(runs_of(blame))
    reader = _Reader(source)
    joined: list[Run] = []
    for segment in segments:
        if segment.op == "insert":
            _append(joined, len(segment.text), version)
        else:
            taken = reader.take(len(segment.text))
            if segment.op == "equal":
                for length, tag in taken:
                    _append(joined, length, tag)
    if reader.left():
        raise ValueError("the segments stop before the end of the old texts")
    expected = sum(map(len, new_texts)) + len(BLOCK_SEPARATOR) * max(len(new_texts) - 1, 0)
    if sum(length for length, _ in joined) != expected:
        raise ValueError("the segments do not rebuild the new texts")
    cutter = _Reader(joined)
    out: list[tuple[BlameRun, ...]] = []
    for index, text in enumerate(new_texts):
        if index:
            cutter.take(len(BLOCK_SEPARATOR))  # the blank line that joined this text to the one before
        out.append(shown(text, cutter.take(len(text))))
    return out


class _Reader:
    """Reads runs a given number of characters at a time."""

    def __init__(self, runs: Sequence[Run]) -> None:
        self.runs = runs
        self.at = 0  # the run we are in
        self.offset = 0  # how far into it

    def take(self, size: int) -> list[Run]:
        out: list[Run] = []
        while size:
            if self.at >= len(self.runs):
                raise ValueError("the segments run past the old texts")
            length, tag = self.runs[self.at]
            step = min(size, length - self.offset)
            _append(out, step, tag)
            size -= step
            self.offset += step
            if self.offset == length:
                self.at, self.offset = self.at + 1, 0
        return out

    def left(self) -> int:
        return sum(length for length, _ in self.runs[self.at:]) - self.offset


def _append(runs: list[Run], length: int, tag: int) -> None:
    if not length:
        return
    if runs and runs[-1][1] == tag:
        runs[-1] = (runs[-1][0] + length, tag)
    else:
        runs.append((length, tag))


def shown(text: str, runs: Sequence[Run]) -> tuple[BlameRun, ...]:
    """Runs as a reader sees them: white space takes its neighbour's version, neighbours of a version merge."""
    out: list[BlameRun] = []
    pending = ""  # white space before the first run that is not white space
    offset = 0
    for length, tag in runs:
        piece = text[offset:offset + length]
        offset += length
        if piece.isspace() or tag == _JOIN:
            if out:
                out[-1] = BlameRun(out[-1].text + piece, out[-1].version)
            else:
                pending += piece
        elif out and out[-1].version == tag:
            out[-1] = BlameRun(out[-1].text + piece, tag)
        else:
            out.append(BlameRun(pending + piece, tag))
            pending = ""
    if pending:  # the text is white space alone
        out.append(BlameRun(pending, max((tag for _, tag in runs), default=0)))
    return tuple(out)
