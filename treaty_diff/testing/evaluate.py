"""How good an alignment is, against a known truth (from :mod:`treaty_diff.generate`).

:func:`evaluate` scores the provision pairs; :func:`evaluate_blocks` scores the
block pairs (recitals, paragraphs) of the provisions a block-level truth covers,
the same way.

Two measures, both counted so that many draft pairs can be added up
(:meth:`Tally.__add__`) before the ratios are taken:

- **pairs**: precision, recall and F1 of the links between provisions. A pair of
  one old and two new provisions (a split) is two links; an insertion is a link
  from nothing, a deletion a link to nothing, so missing one costs like missing a pair.
- **per label**: for each kind (unchanged, modified, inserted, deleted, split,
  merged) and each flag (moved, renumbered), how many of the truth's pairs with
  that label the alignment found exactly (the same provisions on both sides and
  the same label): the recall; and how many of the alignment's pairs with that
  label are right: the precision.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from treaty_diff.model.alignment import CHANGE_KINDS, Alignment, BlockPair, ProvisionPair

LABELS: tuple[str, ...] = (*CHANGE_KINDS, "moved", "renumbered")

Link = tuple[str | None, str | None]
GroupKey = tuple[tuple[str, ...], tuple[str, ...]]


#: A provision pair or a block pair: both are scored the same way.
Paired = ProvisionPair | BlockPair


def _links(pairs: Iterable[Paired]) -> set[Link]:
    links: set[Link] = set()
    for pair in pairs:
        if not pair.old:
            links.update((None, n) for n in pair.new)
        elif not pair.new:
            links.update((o, None) for o in pair.old)
        else:
            links.update((o, n) for o in pair.old for n in pair.new)
    return links


def _labelled(pairs: Iterable[Paired]) -> set[tuple[str, GroupKey]]:
    result: set[tuple[str, GroupKey]] = set()
    for pair in pairs:
        key = (tuple(sorted(pair.old)), tuple(sorted(pair.new)))
        result.add((pair.kind, key))
        if pair.moved:
            result.add(("moved", key))
        if pair.renumbered:
            result.add(("renumbered", key))
    return result


@dataclass(frozen=True)
class Ratio:
    """``correct`` out of ``total``; 1.0 when there was nothing to get right."""

    correct: int
    total: int

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass(frozen=True)
class Tally:
    """The counts behind the scores of one or more alignments."""

    links_correct: int = 0
    links_found: int = 0
    links_true: int = 0
    label_true: Counter[str] = field(default_factory=Counter)
    label_found: Counter[str] = field(default_factory=Counter)
    label_correct: Counter[str] = field(default_factory=Counter)
    draft_pairs: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.links_correct + other.links_correct,
            self.links_found + other.links_found,
            self.links_true + other.links_true,
            self.label_true + other.label_true,
            self.label_found + other.label_found,
            self.label_correct + other.label_correct,
            self.draft_pairs + other.draft_pairs,
        )

    @property
    def precision(self) -> float:
        return Ratio(self.links_correct, self.links_found).value

    @property
    def recall(self) -> float:
        return Ratio(self.links_correct, self.links_true).value

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def label_recall(self, label: str) -> Ratio:
        return Ratio(self.label_correct[label], self.label_true[label])

    def label_precision(self, label: str) -> Ratio:
        return Ratio(self.label_correct[label], self.label_found[label])

    def labels_recall(self, *labels: str) -> Ratio:
        """The recall of several labels pooled (e.g. split and merged)."""
        return Ratio(sum(self.label_correct[x] for x in labels), sum(self.label_true[x] for x in labels))


def evaluate(alignment: Alignment | Sequence[Paired], truth: Sequence[Paired]) -> Tally:
    """Score an alignment (or its pairs) against the true pairs."""
    pairs = alignment.pairs if isinstance(alignment, Alignment) else tuple(alignment)
    found_links, true_links = _links(pairs), _links(truth)
    found, true = _labelled(pairs), _labelled(truth)
    right = found & true
    return Tally(
        links_correct=len(found_links & true_links),
        links_found=len(found_links),
        links_true=len(true_links),
        label_true=Counter(label for label, _ in true),
        label_found=Counter(label for label, _ in found),
        label_correct=Counter(label for label, _ in right),
        draft_pairs=1,
    )


def evaluate_blocks(alignment: Alignment, truth: Sequence[BlockPair]) -> Tally:
    """Score the alignment's block pairs against true block pairs, over the blocks that the truth covers.

    A found block pair counts when it holds one of those blocks (so a recital
    paired with a paragraph of another provision counts against the score).
    """
    old = {eid for pair in truth for eid in pair.old}
    new = {eid for pair in truth for eid in pair.new}
    found = [block for pair in alignment.pairs for block in pair.blocks
             if not old.isdisjoint(block.old) or not new.isdisjoint(block.new)]
    return evaluate(found, truth)


def total(tallies: Iterable[Tally]) -> Tally:
    """The sum of several tallies (micro-averaged scores)."""
    result = Tally()
    for tally in tallies:
        result = result + tally
    return result


def report(tally: Tally) -> str:
    """A small plain-text table of the scores."""
    lines = [
        f"draft pairs: {tally.draft_pairs}",
        f"pairs: precision {tally.precision:.4f}  recall {tally.recall:.4f}  F1 {tally.f1:.4f}"
        f"  ({tally.links_correct} right of {tally.links_found} found, {tally.links_true} true)",
        f"{'label':<12} {'recall':>8} {'found/true':>12} {'precision':>10} {'right/found':>12}",
    ]
    for label in LABELS:
        recall, precision = tally.label_recall(label), tally.label_precision(label)
        lines.append(
            f"{label:<12} {recall.value:>8.4f} {f'{recall.correct}/{recall.total}':>12}"
            f" {precision.value:>10.4f} {f'{precision.correct}/{precision.total}':>12}"
        )
    return "\n".join(lines)
