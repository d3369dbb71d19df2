"""When a new provision is a deleted one come back: the reinstatement rule.

A provision deleted in one step and a provision new in a later step (not the
same step: there the aligner has already judged them different) are the same
lineage when their words agree, in order, for at least
:data:`REINSTATE_THRESHOLD` of the two texts: 2 × the words the word diff
keeps / (the words of one + the words of the other), their nums and headings
left out (a reinstated article usually comes back under another number). Each
new provision takes at most one deleted one and the other way round, the best
agreeing pairs first (ties: the most recently deleted, then the earlier new).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from treaty_diff.diff import diff_texts
from treaty_diff.model.comparison import ProvisionInfo
from treaty_diff.model.draft import BLOCK_SEPARATOR
from treaty_diff.text.tokens import is_word, tokenize

#: The share of words, in order, that a new provision must share with a deleted one to be taken for it.
REINSTATE_THRESHOLD = 0.6


def body(info: ProvisionInfo) -> str:
    """A provision's text without its num and heading."""
    head = sum(len(part) + len(BLOCK_SEPARATOR) for part in (info.num, info.heading) if part)
    return info.text[head:]


def _words(text: str) -> list[str]:
    return [token for token in tokenize(text) if is_word(token)]


def agreement(old: str, new: str) -> float:
    """2 × the words a word diff of the two texts keeps / the words of both (1.0 for two empty texts)."""
    total = len(_words(old)) + len(_words(new))
    if not total:
        return 1.0
    kept = sum(len(_words(s.text)) for s in diff_texts(old, new) if s.op == "equal")
    return 2 * kept / total


def _bound(old: Counter[str], new: Counter[str]) -> float:
    """The agreement two texts could reach at best: the same measure on their words in any order."""
    total = sum(old.values()) + sum(new.values())
    return 2 * sum((old & new).values()) / total if total else 1.0


@dataclass(frozen=True)
class Gone:
    """A deleted provision that may come back: its last text, the version it was deleted in, a key for the caller."""

    key: str
    info: ProvisionInfo
    deleted_in: int


def reinstated(new: Sequence[ProvisionInfo], gone: Sequence[Gone],
               threshold: float = REINSTATE_THRESHOLD) -> list[tuple[int, int, float]]:
    """(index in ``new``, index in ``gone``, agreement) for each new provision taken for a deleted one."""
    if not new or not gone:
        return []
    new_bodies = [body(info) for info in new]
    gone_bodies = [body(g.info) for g in gone]
    new_bags = [Counter(_words(text)) for text in new_bodies]
    gone_bags = [Counter(_words(text)) for text in gone_bodies]
    scored: list[tuple[float, int, int, int]] = []
    for i, new_bag in enumerate(new_bags):
        for j, gone_bag in enumerate(gone_bags):
            if _bound(gone_bag, new_bag) < threshold:
                continue  # cannot agree enough in order if it does not in any order: no diff needed
            score = agreement(gone_bodies[j], new_bodies[i])
            if score >= threshold:
                scored.append((-score, -gone[j].deleted_in, i, j))
    scored.sort()
    taken_new: set[int] = set()
    taken_gone: set[int] = set()
    out: list[tuple[int, int, float]] = []
    for negative, _, i, j in scored:
        if i in taken_new or j in taken_gone:
            continue
        taken_new.add(i)
        taken_gone.add(j)
        out.append((i, j, -negative))
    return sorted(out)
