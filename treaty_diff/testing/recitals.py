"""Recitals that change one by one, with the truth of each: the preamble hook of :mod:`.families`.

Successive resolutions and drafts rework their preambles recital by recital:
reword one, drop one, add one, move one, cut one in two, and condense two into
one ("Recalling its resolution A, ... Recalling also its resolution B" becomes
"Recalling its resolutions A and B"). :class:`RecitalChanger` does each of these
at its own rate and records, as :class:`~treaty_diff.model.alignment.BlockPair`
values, what became of every recital: the block-level truth that
:func:`~.evaluate.evaluate_blocks` scores the aligner against.

A merge keeps both recitals in place (the first one's place) and condenses them:
the second loses its opening participle and the two are joined with "and", then
``RecitalRates.condense`` of the joined words are dropped, then the words are
edited at the pair's edit rate. A split cuts a recital of at least 16 words at a
comma near its middle (else at a word), the second part opens with a participle
of its own, and each part is edited. A merge or split is done only if each
recital merged still shows at least ``VISIBLE`` of its words in the condensed
one, and each part of a split at least that share of its words in the recital it
came from: past that a reader could not see what happened, and the truth would
say more than the text. The guard of :mod:`.guard` keeps the truth unambiguous,
as for articles.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from treaty_diff.model import eids
from treaty_diff.model.alignment import BlockPair, ChangeKind
from treaty_diff.model.draft import Block, Provision
from treaty_diff.testing.generate import GENERATED_PROVENANCE, Item, place_moved
from treaty_diff.testing.guard import TextGuard
from treaty_diff.testing.words import Chain, edit_blocks, share_in, word_bag

#: The least share of a recital's words that each part of its split, or the condensed recital that it went into,
#: must still show: below it a reader would no longer see where the text came from, and the operation is not done.
VISIBLE = 0.5


@dataclass(frozen=True)
class RecitalRates:
    """The chance that a given recital is reworded (only), moved, split, condensed with the next one or deleted;
    the expected number of new recitals per recital; and the share of words a condensing drops."""

    modify: float = 0.15
    move: float = 0.04
    split: float = 0.06
    merge: float = 0.10
    delete: float = 0.05
    insert: float = 0.05
    condense: float = 0.2


#: How a second half, or a new recital, opens.
_OPENINGS = ("Noting also", "Recalling also", "Stressing further", "Reaffirming also", "Welcoming", "Bearing in mind")


class RecitalChanger:
    """Changes a preamble's recitals (see the module docstring); called by the generator with its random numbers."""

    def __init__(self, edit: float, rates: RecitalRates, vocabulary: Sequence[str], chain: Chain) -> None:
        self.edit = edit
        self.rates = rates
        self.vocabulary = vocabulary
        self.chain = chain

    def __call__(self, preamble: Provision, rng: random.Random) -> tuple[Provision, tuple[BlockPair, ...]]:
        kinds = [b.kind for b in preamble.blocks]
        if "recital" not in kinds:
            return preamble, tuple(BlockPair("unchanged", (b.eid,), (b.eid,), similarity=1.0) for b in preamble.blocks)
        first = kinds.index("recital")
        last = len(kinds) - 1 - kinds[::-1].index("recital")
        head, recitals, tail = preamble.blocks[:first], preamble.blocks[first:last + 1], preamble.blocks[last + 1:]
        guard = TextGuard([b.body for b in recitals])
        items, deleted = self._operations(recitals, rng)
        deleted = self._keep_unclear_deletions(recitals, items, deleted, guard)
        for _ in range(sum(1 for _ in recitals if rng.random() < self.rates.insert)):
            items.insert(rng.randint(0, len(items)), self._inserted(rng, guard))
        to_move = [item for item in items if item.moved]
        for item in to_move:
            item.moved = False
        for item in to_move:
            self._move(items, item, deleted, guard, rng)
        return self._result(preamble, head, recitals, tail, items, deleted, rng)

    # -- operations ------------------------------------------------------------------------------

    def _operations(self, recitals: Sequence[Block], rng: random.Random) -> tuple[list[Item], list[int]]:
        """Each recital reworded, marked to move, split, condensed with the next, deleted or kept, in order."""
        r = self.rates
        edges = [r.modify, r.move, r.split, r.merge, r.delete]
        cumulative = [sum(edges[: k + 1]) for k in range(len(edges))]
        items: list[Item] = []
        deleted: list[int] = []
        splits = 0
        index = 0
        while index < len(recitals):
            block = recitals[index]
            roll = rng.random()
            if roll < cumulative[0]:
                items.append(Item(self._edited([block], rng), (index,)))
            elif roll < cumulative[1]:
                blocks = self._edited([block], rng) if rng.random() < 0.5 else [block]
                items.append(Item(blocks, (index,), moved=True))
            elif roll < cumulative[2] and (parts := self._split(block, rng)) is not None:
                items.extend(Item([part], (index,), split_of=splits) for part in parts)
                splits += 1
            elif roll < cumulative[3] and index + 1 < len(recitals) and (
                    merged := self._merged(block, recitals[index + 1], rng)) is not None:
                items.append(Item([merged], (index, index + 1)))
                index += 1
            elif roll < cumulative[4]:
                deleted.append(index)
            else:
                items.append(Item([block], (index,)))
            index += 1
        return items, deleted

    def _edited(self, blocks: list[Block], rng: random.Random) -> list[Block]:
        return edit_blocks(blocks, self.edit, rng, self.vocabulary)

    def _split(self, block: Block, rng: random.Random) -> list[Block] | None:
        """The recital cut in two and each part edited, or None when a part no longer reads as a piece of it."""
        parts = _split(block, rng)
        if parts is None:
            return None
        edited = [self._edited([part], rng)[0] for part in parts]
        whole = word_bag([block.body])
        return edited if all(share_in(word_bag([p.body]), whole) >= VISIBLE for p in edited) else None

    def _merged(self, a: Block, b: Block, rng: random.Random) -> Block | None:
        """Two recitals condensed into one and edited, or None when either is no longer visible in it."""
        merged = self._edited([_condense(a, b, self.rates.condense, rng)], rng)[0]
        found = word_bag([merged.body])
        return merged if all(share_in(word_bag([x.body]), found) >= VISIBLE for x in (a, b)) else None

    @staticmethod
    def _keep_unclear_deletions(recitals: Sequence[Block], items: list[Item], deleted: list[int],
                                guard: TextGuard) -> list[int]:
        allowed = []
        for index in deleted:
            if guard.keeps(index, items):
                at = next((k for k, item in enumerate(items) if item.sources and item.sources[0] > index), len(items))
                items.insert(at, Item([recitals[index]], (index,)))
            else:
                allowed.append(index)
        return allowed

    def _inserted(self, rng: random.Random, guard: TextGuard) -> Item:
        for _ in range(20):
            body = f"{rng.choice(_OPENINGS)} {self.chain.text(rng, rng.randint(12, 40))},"
            if guard.may_insert(body):
                break
        block = Block(eid="new", kind="recital", num=None, body=body, provenance=GENERATED_PROVENANCE)
        return Item([block], ())

    @staticmethod
    def _move(items: list[Item], item: Item, deleted: list[int], guard: TextGuard, rng: random.Random) -> None:
        """Move ``item`` at least two places when the guard allows and the move stays the only explanation."""
        if guard.may_move(item, deleted, items):
            place_moved(items, item, rng)

    # -- the new preamble and its truth ----------------------------------------------------------

    def _result(self, preamble: Provision, head: Sequence[Block], recitals: Sequence[Block], tail: Sequence[Block],
                items: Sequence[Item], deleted: Sequence[int],
                rng: random.Random) -> tuple[Provision, tuple[BlockPair, ...]]:
        truth: list[BlockPair] = []
        new_head = [self._maybe_edited(b, rng, truth) for b in head]
        prefix = recitals[0].eid.rsplit("__", 1)[0] if "__" in recitals[0].eid else None
        made: list[Block] = []
        for n, item in enumerate(items, start=1):
            eid = eids.join(prefix, eids.component("recital", position=n))
            made.append(replace(item.blocks[0], eid=eid, kind="recital", num=None))
        new_tail = [self._maybe_edited(b, rng, []) for b in tail]
        done: set[int] = set()
        for n, item in enumerate(items):
            if not item.sources:
                truth.append(BlockPair("inserted", (), (made[n].eid,)))
            elif item.split_of is not None:
                if item.split_of not in done:
                    done.add(item.split_of)
                    parts = [made[k].eid for k, other in enumerate(items) if other.split_of == item.split_of]
                    truth.append(BlockPair("split", (recitals[item.sources[0]].eid,), tuple(parts)))
            else:
                olds = tuple(recitals[i].eid for i in item.sources)
                kind: ChangeKind = "merged" if len(olds) > 1 else (
                    "unchanged" if item.blocks[0].body == recitals[item.sources[0]].body else "modified")
                truth.append(BlockPair(kind, olds, (made[n].eid,), moved=item.moved,
                                       similarity=1.0 if kind == "unchanged" else 0.0))
        truth.extend(BlockPair("deleted", (recitals[i].eid,), ()) for i in deleted)
        for old, new in zip(tail, new_tail):
            truth.append(_kept(old, new))
        return replace(preamble, blocks=(*new_head, *made, *new_tail)), tuple(truth)

    def _maybe_edited(self, block: Block, rng: random.Random, truth: list[BlockPair]) -> Block:
        new = self._edited([block], rng)[0] if rng.random() < self.rates.modify else block
        truth.append(_kept(block, new))
        return new


def _kept(old: Block, new: Block) -> BlockPair:
    same = old.body == new.body
    return BlockPair("unchanged" if same else "modified", (old.eid,), (new.eid,), similarity=1.0 if same else 0.0)


def _split(block: Block, rng: random.Random) -> list[Block] | None:
    """A recital cut in two at the comma nearest its middle (else at its middle word); None if too short."""
    words = block.body.split(" ")
    if len(words) < 16:
        return None
    commas = [k for k in range(1, len(words)) if re.search(r"[,;]$", words[k - 1])
              and 0.3 <= k / len(words) <= 0.7]
    cut = min(commas, key=lambda k: abs(k - len(words) / 2)) if commas else len(words) // 2
    first = " ".join(words[:cut]).rstrip(",;") + ","
    rest = words[cut:]
    if rest and rest[0].casefold() in ("and", "or", "including"):
        rest = rest[1:]
    second = f"{rng.choice(_OPENINGS)} {' '.join(rest)}"
    return [replace(block, body=first), replace(block, body=second)]


def _condense(a: Block, b: Block, share: float, rng: random.Random) -> Block:
    """Two recitals as one: the second's opening word dropped, joined by "and", ``share`` of the words dropped."""
    words = [*a.body.rstrip(",;.").split(" "), "and", *b.body.split(" ")[1:]]
    drop = set(rng.sample(range(1, len(words)), min(len(words) - 2, round(share * len(words)))))
    return replace(a, body=" ".join(w for k, w in enumerate(words) if k not in drop), terms=())
