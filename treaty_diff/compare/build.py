"""Build the :class:`~treaty_diff.comparison.Comparison` of two drafts: align, diff, describe.

This is the only stage that reads both the alignment and the drafts; every
renderer reads the Comparison it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from treaty_diff.align import align
from treaty_diff.compare.describe import capital, describe, wording_differs
from treaty_diff.compare.redline import redline_order
from treaty_diff.diff import DiffOptions, absorb_whitespace_gaps, change_runs, diff_texts, words_changed
from treaty_diff.diff.parallel import batches, run_jobs, worth_workers
from treaty_diff.model.alignment import Alignment, BlockPair, ChangeKind, DefinitionPair, ProvisionPair
from treaty_diff.model.comparison import (
    Change,
    Comparison,
    DefinitionChange,
    Line,
    PartChange,
    ProvisionInfo,
    Summary,
    parts_lay_out,
)
from treaty_diff.model.coverage import Overrides
from treaty_diff.model.draft import BLOCK_SEPARATOR, Block, Draft, Provision
from treaty_diff.model.obligations import ObligationComparison
from treaty_diff.model.segments import Segment, SegmentOp
from treaty_diff.obligations.compare import compare_obligations


@dataclass(frozen=True)
class CompareOptions:
    """How to compare: the diff's options (granularity, what to ignore), whether to compare obligations (and the
    modalities an analyst's ``overrides`` pin), and how many processes may work beside this one: None, the other
    cores when the work is large enough to pay for them (:mod:`treaty_diff.diff.parallel`); 0, none. The
    Comparison is the same whatever ``workers`` is."""

    diff: DiffOptions = field(default_factory=DiffOptions)
    obligations: bool = True
    workers: int | None = None
    overrides: Overrides | None = None


#: Told how the work goes on: (what is being done, steps done, steps in all). The steps are the provision pairs
#: diffed, then one for the obligations; "aligning" comes first, with no steps counted (0 of 0).
Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    """No one is told."""


def compare(old: Draft, new: Draft, options: CompareOptions | None = None,
            progress: Progress | None = None) -> Comparison:
    """Align two drafts, diff every pair, and describe each change in a legal reader's words."""
    (progress or _quiet)("aligning", 0, 0)
    return comparison_from_alignment(align(old, new), options or CompareOptions(), progress)


def comparison_from_alignment(alignment: Alignment, options: CompareOptions,
                              progress: Progress | None = None) -> Comparison:
    tell = progress or _quiet
    old_by_eid = {p.eid: p for p in alignment.old.provisions}
    new_by_eid = {p.eid: p for p in alignment.new.provisions}
    todo: list[_ToDiff] = []
    previous_new: Provision | None = None
    for index, pair in enumerate(alignment.pairs, start=1):
        olds = tuple(old_by_eid[eid] for eid in pair.old)
        news = tuple(new_by_eid[eid] for eid in pair.new)
        todo.append((f"c{index}", pair, olds, news, previous_new))
        if news:
            previous_new = news[-1]
    changes, obligations = _changes_and_obligations(alignment, todo, options, tell)
    definitions = tuple(_definition_change(d, options.diff) for d in alignment.definitions)
    return Comparison(
        old=alignment.old.meta,
        new=alignment.new.meta,
        changes=tuple(changes),
        definitions=definitions,
        summary=_summary(changes),
        redline=redline_order(changes, alignment),
        options={
            "granularity": options.diff.granularity,
            "ignore_case": options.diff.ignore_case,
            "ignore_whitespace": options.diff.ignore_whitespace,
            "ignore_punctuation": options.diff.ignore_punctuation,
        },
        obligations=obligations,
    )


#: One pair to diff: its change id, the pair, its old and new provisions, and the new provision before it.
_ToDiff = tuple[str, ProvisionPair, tuple[Provision, ...], tuple[Provision, ...], Provision | None]


def _changes_and_obligations(alignment: Alignment, todo: list[_ToDiff], options: CompareOptions,
                             tell: Progress) -> tuple[list[Change], ObligationComparison | None]:
    """Every pair's Change, and the obligations comparison (unless turned off).

    Done here, pair after pair, unless the work is large enough to pay for workers: then the pairs are diffed in
    batches, and the obligations compared beside them, by this process and forked workers
    (:mod:`treaty_diff.diff.parallel`); the values are the same either way.
    """
    steps = len(todo) + 1
    costs = [_cost(olds, news) if pair.kind != "unchanged" else 1 for _, pair, olds, news, _ in todo]
    beside = _cost(alignment.old.provisions, alignment.new.provisions) if options.obligations else 0
    workers = worth_workers(sum(costs) + beside, options.workers)
    if not workers:
        changes = []
        for index, item in enumerate(todo, start=1):
            changes.append(_change(*item, options.diff))
            tell("comparing", index, steps)
        if options.obligations:
            tell("obligations", steps - 1, steps)
        found = _obligations(alignment, options) if options.obligations else None
        tell("compared", steps, steps)
        return changes, found
    jobs = [partial(_batch, todo[start:stop], options.diff) for start, stop in batches(costs, 8 * (workers + 1))]
    done, found = run_jobs(jobs, workers, partial(_obligations, alignment, options) if options.obligations else None,
                           lambda count: tell("comparing", min(len(todo) * count // len(jobs), len(todo)), steps))
    tell("compared", steps, steps)
    return [change for batch in done for change in batch], found


def _obligations(alignment: Alignment, options: CompareOptions) -> ObligationComparison:
    return compare_obligations(alignment.old, alignment.new, alignment, options.overrides)


def _batch(todo: list[_ToDiff], diff_options: DiffOptions) -> list[Change]:
    return [_change(*item, diff_options) for item in todo]


def _cost(olds: Sequence[Provision], news: Sequence[Provision]) -> int:
    """The work of diffing (or reading the obligations of) some provisions: their characters."""
    return sum(len(p.text) for p in olds) + sum(len(p.text) for p in news)


# -- one change ---------------------------------------------------------------------------------


def _change(change_id: str, pair: ProvisionPair, olds: tuple[Provision, ...], news: tuple[Provision, ...],
            previous_new: Provision | None, diff_options: DiffOptions) -> Change:
    parts = _parts(pair, olds, news, diff_options)
    segments = _segments_of_parts(parts, olds, news)
    if segments is None:  # a split, a merge, a paragraph moved inside, a difference ignored: diff the whole texts
        segments = diff_texts(_joined(olds), _joined(news), diff_options)
    inserted, deleted = words_changed(segments)
    return Change(
        id=change_id,
        kind=pair.kind,
        old=tuple(_info(p) for p in olds),
        new=tuple(_info(p) for p in news),
        segments=segments,
        parts=parts,
        description=describe(pair, olds, news, previous_new),
        renumbered=pair.renumbered,
        moved=pair.moved,
        similarity=round(pair.similarity, 4),
        words_inserted=inserted,
        words_deleted=deleted,
        amended=wording_differs(olds, news),
    )


def _segments_of_parts(parts: tuple[PartChange, ...], olds: tuple[Provision, ...],
                       news: tuple[Provision, ...]) -> tuple[Segment, ...] | None:
    """The whole change's segments, joined from its parts' diffs when the parts lay out both texts in order.

    Each part's segments rebuild its lines joined by a blank line, so joining
    the parts with a blank line (equal where both sides go on, deleted or
    inserted where one side alone does) rebuilds the provisions' texts: the
    same invariant as a diff of the whole texts, without diffing every word a
    second time. None when the parts do not line up (then the caller diffs the
    whole texts).
    """
    if not parts_lay_out(parts, _joined(olds), _joined(news)):
        return None
    joined: list[Segment] = []
    old_goes_on = new_goes_on = False  # whether a line of each side came before this part
    for part in parts:
        if (old_goes_on and part.old) or (new_goes_on and part.new):
            both = old_goes_on and bool(part.old) and new_goes_on and bool(part.new)
            op: SegmentOp = "equal" if both else "delete" if old_goes_on and part.old else "insert"
            joined.append(Segment(op, BLOCK_SEPARATOR))
        joined.extend(part.segments)
        old_goes_on = old_goes_on or bool(part.old)
        new_goes_on = new_goes_on or bool(part.new)
    return _breaks_last(absorb_whitespace_gaps(joined))


def _breaks_last(segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """Move the blank line that opens a run of whole-paragraph changes to its end, where a reader expects it.

    Joining the parts puts a deleted paragraph as "...,[-\\n\\nText-]\\n\\nNext";
    the same edit reads "...,\\n\\n[-Text\\n\\n-]Next", as a diff of the whole
    texts shows it (diff-match-patch shifts edits onto line breaks). Done only
    where every segment of the run opens with the blank line and the equal text
    after it does too, so both texts are rebuilt as before. (So it applies where
    the paragraph after the run is unchanged from its start, as lettered points
    usually are; after a renumbered paragraph the equal text starts inside the
    new number, and nothing moves.)
    """
    out = list(segments)
    for index, end in change_runs(segments):  # the rotation below keeps every segment's op: the runs stand
        if (index > 0 and end < len(out) and len(out[end].text) > len(BLOCK_SEPARATOR)
                and out[end].text.startswith(BLOCK_SEPARATOR)
                and all(s.text.startswith(BLOCK_SEPARATOR) for s in out[index:end])):
            out[index - 1] = Segment("equal", out[index - 1].text + BLOCK_SEPARATOR)
            for k in range(index, end):
                out[k] = Segment(out[k].op, out[k].text[len(BLOCK_SEPARATOR):] + BLOCK_SEPARATOR)
            out[end] = Segment("equal", out[end].text[len(BLOCK_SEPARATOR):])
    return tuple(out)


def _joined(provisions: tuple[Provision, ...]) -> str:
    return BLOCK_SEPARATOR.join(p.text for p in provisions)


def _info(provision: Provision) -> ProvisionInfo:
    return ProvisionInfo(
        eid=provision.eid,
        wid=provision.wid,
        kind=provision.kind,
        num=provision.num,
        heading=provision.heading,
        label=provision.label,
        provenance=provision.provenance_status,
        text=provision.text,
        reconstructed=tuple(b.eid for b in provision.reconstructed_blocks),
    )


def _parts(pair: ProvisionPair, olds: tuple[Provision, ...], news: tuple[Provision, ...],
           diff_options: DiffOptions) -> tuple[PartChange, ...]:
    """Paragraph-level changes: the nums, the headings, then each block pair."""
    parts: list[PartChange] = []
    for role in ("num", "heading"):
        old_lines = tuple(_head_line(p, role) for p in olds if getattr(p, role))
        new_lines = tuple(_head_line(p, role) for p in news if getattr(p, role))
        if old_lines or new_lines:
            parts.append(_part(role, old_lines, new_lines, None, diff_options))  # type: ignore[arg-type]
    old_blocks = {b.eid: b for p in olds for b in p.blocks}
    new_blocks = {b.eid: b for p in news for b in p.blocks}
    for block_pair in pair.blocks:
        old_lines = tuple(_block_line(old_blocks[eid]) for eid in block_pair.old)
        new_lines = tuple(_block_line(new_blocks[eid]) for eid in block_pair.new)
        parts.append(_part("block", old_lines, new_lines, block_pair, diff_options))
    return tuple(parts)


def _part(role: str, old_lines: tuple[Line, ...], new_lines: tuple[Line, ...], block_pair: BlockPair | None,
          diff_options: DiffOptions) -> PartChange:
    old_text = BLOCK_SEPARATOR.join(line.text for line in old_lines)
    new_text = BLOCK_SEPARATOR.join(line.text for line in new_lines)
    segments = diff_texts(old_text, new_text, diff_options)
    if block_pair is not None:
        return PartChange(block_pair.kind, "block", old_lines, new_lines, segments, block_pair.renumbered,
                          block_pair.moved, round(block_pair.similarity, 4))
    kind: ChangeKind
    if not old_lines:
        kind = "inserted"
    elif not new_lines:
        kind = "deleted"
    else:
        kind = "unchanged" if old_text == new_text else "modified"
    return PartChange(kind, role, old_lines, new_lines, segments,  # type: ignore[arg-type]
                      similarity=1.0 if old_text == new_text else 0.0)


def _head_line(provision: Provision, role: str) -> Line:
    text = provision.num if role == "num" else provision.heading
    status = "verbatim" if provision.provenance_status == "verbatim" else "reconstructed"
    return Line(eid=provision.eid, role=role, block_kind=None, num=None, depth=0,  # type: ignore[arg-type]
                provenance=status, text=text or "")  # type: ignore[arg-type]


def _block_line(block: Block) -> Line:
    return Line(eid=block.eid, role="block", block_kind=block.kind, num=block.num, depth=block.depth,
                provenance=block.provenance.status, text=block.text)


# -- words for a legal reader ------------------------------------------------------------------


def _definition_change(pair: DefinitionPair, diff_options: DiffOptions) -> DefinitionChange:
    old_text = pair.old.text if pair.old else ""
    new_text = pair.new.text if pair.new else ""
    term = pair.old.term if pair.old else pair.new.term if pair.new else ""
    old_terms = pair.old.terms if pair.old else ()
    new_terms = pair.new.terms if pair.new else ()
    quoted = ", ".join(f'"{t}"' for t in old_terms or new_terms)
    if pair.kind == "inserted":
        description = f"{quoted} is newly defined."
    elif pair.kind == "deleted":
        description = f"{quoted} is no longer defined."
    else:
        renamed = ""
        if pair.renamed:
            renamed = f"{quoted} is renamed " + ", ".join(f'"{t}"' for t in new_terms) + "; "
        state = "definition amended" if pair.kind == "modified" else "definition unchanged"
        description = capital(renamed + state) + "." if renamed else f"The definition of {quoted}: {state}."
    return DefinitionChange(
        kind=pair.kind,
        term=term,
        old_terms=old_terms,
        new_terms=new_terms,
        old_eid=pair.old.block_eid if pair.old else None,
        new_eid=pair.new.block_eid if pair.new else None,
        renamed=pair.renamed,
        segments=diff_texts(old_text, new_text, diff_options),
        description=description,
    )


# -- summary and redline layout ------------------------------------------------------------------


def _summary(changes: list[Change]) -> Summary:
    counts = {kind: 0 for kind in ("unchanged", "modified", "inserted", "deleted", "split", "merged")}
    for change in changes:
        counts[change.kind] += 1
    return Summary(
        **counts,
        renumbered=sum(c.renumbered for c in changes),
        moved=sum(c.moved for c in changes),
        words_inserted=sum(c.words_inserted for c in changes),
        words_deleted=sum(c.words_deleted for c in changes),
    )


__all__ = ["CompareOptions", "Progress", "compare", "comparison_from_alignment"]
