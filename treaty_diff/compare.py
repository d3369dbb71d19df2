"""Build the :class:`~treaty_diff.comparison.Comparison` of two drafts: align, diff, describe.

This is the only stage that reads both the alignment and the drafts; every
renderer reads the Comparison it returns.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from treaty_diff.align import align
from treaty_diff.diff import DiffOptions, absorb_whitespace_gaps, change_runs, diff_texts, words_changed
from treaty_diff.model.alignment import Alignment, BlockPair, ChangeKind, DefinitionPair, ProvisionPair
from treaty_diff.model.comparison import (
    Change,
    Comparison,
    DefinitionChange,
    Line,
    PartChange,
    ProvisionInfo,
    RedlineItem,
    Summary,
    parts_lay_out,
)
from treaty_diff.model.draft import BLOCK_SEPARATOR, Block, Draft, Provision
from treaty_diff.model.segments import Segment, SegmentOp
from treaty_diff.obligations.compare import compare_obligations


@dataclass(frozen=True)
class CompareOptions:
    """How to compare: the diff's options (granularity, what to ignore), and whether to compare obligations."""

    diff: DiffOptions = field(default_factory=DiffOptions)
    obligations: bool = True


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
    changes: list[Change] = []
    previous_new: Provision | None = None
    steps = len(alignment.pairs) + 1
    for index, pair in enumerate(alignment.pairs, start=1):
        olds = tuple(old_by_eid[eid] for eid in pair.old)
        news = tuple(new_by_eid[eid] for eid in pair.new)
        changes.append(_change(f"c{index}", pair, olds, news, previous_new, options.diff))
        if news:
            previous_new = news[-1]
        tell("comparing", index, steps)
    definitions = tuple(_definition_change(d, options.diff) for d in alignment.definitions)
    if options.obligations:
        tell("obligations", steps - 1, steps)
    obligations = compare_obligations(alignment.old, alignment.new, alignment) if options.obligations else None
    tell("compared", steps, steps)
    return Comparison(
        old=alignment.old.meta,
        new=alignment.new.meta,
        changes=tuple(changes),
        definitions=definitions,
        summary=_summary(changes),
        redline=_redline(changes, alignment),
        options={
            "granularity": options.diff.granularity,
            "ignore_case": options.diff.ignore_case,
            "ignore_whitespace": options.diff.ignore_whitespace,
            "ignore_punctuation": options.diff.ignore_punctuation,
        },
        obligations=obligations,
    )


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
        amended=_wording_differs(olds, news),
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


def _wording_differs(olds: tuple[Provision, ...], news: tuple[Provision, ...]) -> bool:
    """Whether the paragraphs' wording differs, their numbers and the articles' nums and headings aside.

    Exact text, not the aligner's similarity (which folds case, punctuation and
    word order away): for a legal reader "shall" to "Shall" or "." to ";" is an
    amendment.
    """
    return [b.body for p in olds for b in p.blocks] != [b.body for p in news for b in p.blocks]


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


def _names(provisions: tuple[Provision, ...]) -> str:
    labels = [p.label for p in provisions]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def describe(pair: ProvisionPair, olds: tuple[Provision, ...], news: tuple[Provision, ...],
             previous_new: Provision | None) -> str:
    """One sentence: "Article V becomes Article IV; amended.", "Article VIII is deleted."."""
    old_names, new_names = _names(olds), _names(news)
    if pair.kind == "inserted":
        return f"{_capital(new_names)} is new."
    if pair.kind == "deleted":
        return f"{_capital(old_names)} is deleted."
    if pair.kind == "split":
        head = f"{_capital(old_names)} is split into {new_names}"
    elif pair.kind == "merged":
        head = f"{_capital(old_names)} are merged into {new_names}"
    elif pair.renumbered:
        head = f"{_capital(old_names)} becomes {new_names}"
    else:
        head = _capital(old_names)
    details = []
    if pair.moved:
        where = f"now after {previous_new.label}" if previous_new is not None else "now first"
        details.append(f"moved ({where})")
    if pair.kind in ("split", "merged"):
        details.append("amended" if _wording_differs(olds, news) else "text unchanged")
    elif pair.kind == "modified":
        details.append("amended")
    else:
        details.append("text unchanged")
    regrouped = "; ".join(_regrouped_blocks(pair, olds, news)) if len(olds) == len(news) == 1 else ""
    if head == _capital(old_names) and not pair.moved:
        head = f"{head} is {'amended' if pair.kind == 'modified' else 'unchanged'}"
        return f"{head}; {regrouped}." if regrouped else f"{head}."
    return f"{head}; {', '.join(details)}" + (f"; {regrouped}." if regrouped else ".")


def _regrouped_blocks(pair: ProvisionPair, olds: tuple[Provision, ...], news: tuple[Provision, ...]) -> list[str]:
    """The paragraph-level splits and merges inside a pair, in a reader's words: "recitals 3 and 4 are merged
    into recital 3", "its text is split into the chapeau and points 1 and 2"."""
    old_names, new_names = _block_names(olds), _block_names(news)
    phrases = []
    for block in pair.blocks:
        if block.kind == "merged":
            into = new_names[block.new[0]] if new_names[block.new[0]] != "its text" else "one paragraph"
            phrases.append(f"{_listed([old_names[e] for e in block.old])} are merged into {into}")
        elif block.kind == "split":
            phrases.append(f"{old_names[block.old[0]]} is split into {_listed([new_names[e] for e in block.new])}")
    return phrases


def _block_names(provisions: tuple[Provision, ...]) -> dict[str, str]:
    """How a reader names each block: "recital 3", "point (a)", "paragraph 2", "the chapeau", "its text"."""
    names = {}
    for provision in provisions:
        counts: dict[str, int] = {}
        for position, block in enumerate(provision.blocks, start=1):
            kind = block.kind if block.kind in ("recital", "point") else "paragraph"
            counts[kind] = counts.get(kind, 0) + 1
            number = (block.num or "").strip().rstrip(".")
            if block.kind == "intro":
                name = "the opening words" if provision.kind == "preamble" else "the chapeau"
                name += f" of paragraph {number}" if number else ""
            elif block.kind in ("formula", "wrapup"):
                name = "the formula" if block.kind == "formula" else "the closing words"
            elif kind != "paragraph":
                name = f"{kind} {number or counts[kind]}"
            elif number or len(provision.blocks) > 1:
                name = f"paragraph {number or position}"
            else:
                name = "its text"
            names[block.eid] = name
    return names


def _listed(names: list[str]) -> str:
    """Names joined for reading, those of one kind under one plural: "the chapeau and points 1 and 2"."""
    groups: list[tuple[str, list[str]]] = []
    for name in names:
        noun, _, number = name.partition(" ")
        if noun in ("recital", "point", "paragraph") and groups and groups[-1][0] == noun:
            groups[-1][1].append(number)
        elif noun in ("recital", "point", "paragraph"):
            groups.append((noun, [number]))
        else:
            groups.append((name, []))
    words = [f"{noun}s {_and(numbers)}" if len(numbers) > 1 else f"{noun} {numbers[0]}" if numbers else noun
             for noun, numbers in groups]
    return _and(words)


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


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
        description = _capital(renamed + state) + "." if renamed else f"The definition of {quoted}: {state}."
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


def _redline(changes: list[Change], alignment: Alignment) -> tuple[RedlineItem, ...]:
    """Reading order, with each moved change shown twice: deleted where it was, inserted where it is.

    A moved change's old end goes just before the first change (in reading
    order) that holds an old provision coming after it in the old draft and
    is not itself moved, so that the old provisions appear in the old order.

    A split or merge whose parts stand apart (:func:`_scattered`) has no one
    place where a reader of either draft finds all of it, so it is shown like
    a move, but provision by provision: each old provision wholly deleted at
    its own old place ("part-from", placed as a moved change's old end) and
    each new provision wholly inserted at its own new place ("part-to", among
    the items showing new text in the new draft's order). Its word-level diff
    stays in the change's segments, for the views that show changes side by side.
    A moved change that kept fewer than half of its words (not
    :attr:`Change.shown_as_move`) is shown the same way: a deletion and an
    insertion, not a move.
    """
    old_position = {p.eid: i for i, p in enumerate(alignment.old.provisions)}
    new_position = {p.eid: i for i, p in enumerate(alignment.new.provisions)}
    by_id = {c.id: c for c in changes}
    apart = {c.id for c in changes if _scattered(c, old_position, new_position)
                 or (c.moved and c.old and c.new and not c.shown_as_move)}
    items: list[RedlineItem] = [
        RedlineItem(c.id, "moved-to" if c.moved and c.old and c.new else "change")
        for c in changes if c.id not in apart
    ]
    new_ends = sorted((new_position[info.eid], info.eid, change.id)
                      for change in changes if change.id in apart for info in change.new)
    items = _with_new_ends(items, new_ends, by_id, new_position)
    old_ends = [(old_position[c.old[0].eid], RedlineItem(c.id, "moved-from"))
                for c in changes if c.moved and c.old and c.new and c.id not in apart]
    old_ends += [(old_position[info.eid], RedlineItem(c.id, "part-from", (info.eid,)))
                 for c in changes if c.id in apart for info in c.old]
    old_ends.sort(key=lambda pair: pair[0])
    return tuple(_with_old_ends(items, old_ends, by_id, old_position))


def _with_new_ends(items: list[RedlineItem], ends: list[tuple[int, str, str]], by_id: dict[str, Change],
                   new_position: dict[str, int]) -> list[RedlineItem]:
    """The items with each provision shown inserted on its own ("part-to") at its place in the new draft.

    Each goes just before the first item showing new text from later in the
    new draft (items already in new-draft order: one merge, linear), else just
    after the last item showing new text.
    """
    firsts = [new_position[by_id[item.change_id].new[0].eid] if by_id[item.change_id].new else None
              for item in items]
    last_new = max((index for index, first in enumerate(firsts) if first is not None), default=-1)
    parts = [RedlineItem(change_id, "part-to", (eid,)) for _, eid, change_id in ends]
    if last_new == -1:  # no item shows new text
        return parts + items
    out: list[RedlineItem] = []
    next_part = 0
    for index, (item, first) in enumerate(zip(items, firsts)):
        while next_part < len(ends) and first is not None and ends[next_part][0] < first:
            out.append(parts[next_part])
            next_part += 1
        out.append(item)
        if index == last_new:  # the parts after every item showing new text
            out.extend(parts[next_part:])
    return out


def _with_old_ends(items: list[RedlineItem], ends: list[tuple[int, RedlineItem]], by_id: dict[str, Change],
                   old_position: dict[str, int]) -> list[RedlineItem]:
    """The items with each old end ("moved-from", "part-from") placed among them, ``ends`` sorted by old place.

    An old end goes just before the first item showing a change in full whose
    old provisions come after it in the old draft (deletions before a run of
    provisions shown inserted, as a replacement reads), else just after the
    last item showing old text. Those items stand in old-draft order, so the
    first one is found by bisection: O(n log n) for the whole redline.
    """
    anchors = [index for index, item in enumerate(items) if item.role == "change" and by_id[item.change_id].old]
    highest: list[int] = []  # the highest old place among the anchors up to each (non-decreasing)
    for index in anchors:
        place = old_position[by_id[items[index].change_id].old[0].eid]
        highest.append(max(place, highest[-1]) if highest else place)
    last_old = anchors[-1] if anchors else -1  # the last item showing old text (only "change" items do, yet)
    before: dict[int, list[RedlineItem]] = {}  # the old ends to show just before items[index]
    for start, end in ends:
        found = bisect.bisect_right(highest, start)
        spot = anchors[found] if found < len(anchors) else last_old + 1
        while spot > 0 and not before.get(spot) and items[spot - 1].role == "part-to":
            spot -= 1
        before.setdefault(spot, []).append(end)
    out: list[RedlineItem] = []
    for index in range(len(items) + 1):
        out.extend(before.get(index, ()))
        if index < len(items):
            out.append(items[index])
    return out


def _scattered(change: Change, old_position: dict[str, int], new_position: dict[str, int]) -> bool:
    """True when a change's provisions on one side do not stand side by side, in order, in their draft.

    Such a split (old Article 5 into new Articles 5 and 9) or merge cannot be
    shown at one place: whatever stands between its parts would come out of
    order when every change is accepted or rejected.
    """
    for infos, position in ((change.old, old_position), (change.new, new_position)):
        places = [position[info.eid] for info in infos]
        if places and places != list(range(places[0], places[0] + len(places))):
            return True
    return False


__all__ = ["CompareOptions", "Progress", "Segment", "compare", "comparison_from_alignment", "describe"]
