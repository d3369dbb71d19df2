"""Draft pairs with a known answer, for testing and measuring the aligner.

:func:`generate_pair` takes a draft (the old one) and makes a new draft from it
with a seeded random generator: it deletes, inserts, moves, splits and merges
articles, edits words in every provision it touches, and numbers the articles
again in order (which renumbers whatever follows a change). It records what it
did as :class:`~treaty_diff.model.ProvisionPair` values, the truth an alignment
is scored against (:mod:`treaty_diff.evaluate`).

:func:`scale_draft` makes a draft of any number of articles from the bundled
ones, varying the words of each repeated article so that every text stays
distinct: the input of the scale benchmark.

Two optional hooks make harder pairs whose truth stays unambiguous
(:mod:`.families` uses both): a :class:`Guard` vetoes a deletion, a move or an
inserted text that a careful reader could take for something else, and a
``preamble`` function changes the recitals and says what became of each
(:attr:`GeneratedPair.block_truth`). Without them the generator behaves, and
draws its random numbers, exactly as before they existed.

The drafts made are valid model values: eIds follow :mod:`treaty_diff.eids`,
every block keeps the provenance of the block it came from, and made-up text
(inserted articles) is marked reconstructed, from the source ``generated``.
"""

from __future__ import annotations

import bisect
import itertools
import random
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from treaty_diff.model import eids
from treaty_diff.model.alignment import BlockPair, ChangeKind, ProvisionPair
from treaty_diff.model.draft import BLOCK_SEPARATOR, Block, Draft, DraftMeta, Provenance, Provision, Source
from treaty_diff.model.numbers import int_to_roman, nums_differ, roman_to_int
from treaty_diff.testing.words import Chain, edit_blocks, vary_words, vocabulary

__all__ = ["GENERATED", "GENERATED_PROVENANCE", "GeneratedPair", "Guard", "Item", "PreambleHook", "Rates",
           "distinct_articles", "draft_from_texts", "edit_blocks", "generate_pair", "moves_are_unambiguous",
           "place_moved", "rebuild_article", "scale_draft"]

#: Where made-up text comes from.
GENERATED = Source("generated", "text made up by treaty_diff.generate; not from any draft")
GENERATED_PROVENANCE = Provenance("reconstructed", GENERATED)


@dataclass(frozen=True)
class Rates:
    """How often each operation is applied: the chance that a given article is modified (words edited only),
    moved, split, merged with the next article or deleted, and the expected number of insertions per article.
    ``edit`` is the share of the words edited in each touched provision."""

    edit: float = 0.2
    modify: float = 0.10
    move: float = 0.06
    split: float = 0.04
    merge: float = 0.04
    delete: float = 0.04
    insert: float = 0.04


@dataclass(frozen=True)
class GeneratedPair:
    """Two drafts and how they truly correspond (one ProvisionPair per group, with its kind and flags).

    ``block_truth``: the true block pairs of the provisions whose blocks the generator changed one by one
    (the preamble's recitals, when a ``preamble`` hook was given), eIds as in the drafts; empty otherwise.
    """

    old: Draft
    new: Draft
    truth: tuple[ProvisionPair, ...]
    seed: int
    block_truth: tuple[BlockPair, ...] = ()


#: Changes the preamble with the generator's random numbers; returns the new preamble and its true block pairs.
PreambleHook = Callable[[Provision, random.Random], tuple[Provision, tuple[BlockPair, ...]]]


def generate_pair(draft: Draft, seed: int, rates: Rates = Rates(), *, guard: Guard | None = None,
                  preamble: PreambleHook | None = None) -> GeneratedPair:
    """A new draft made from ``draft`` by seeded random operations, with the truth of what was done."""
    return _Generator(draft, random.Random(seed), rates, guard, preamble).run(seed)


# -- structure -----------------------------------------------------------------------------------


@dataclass
class Item:
    """An article of the new draft in the making: its blocks (eIds still those of the source) and its origin."""

    blocks: list[Block]
    sources: tuple[int, ...]  # indices into the old draft's articles; () for an inserted article
    heading: str | None = None
    keep_structure: bool = True  # False: the blocks become plain paragraphs (split parts, merges, insertions)
    source_eid: str | None = None  # the source article's eId, when the structure is kept
    split_of: int | None = None
    moved: bool = False
    sub: list[int] = field(default_factory=list)


class Guard(Protocol):
    """Vetoes what would make the truth a matter of opinion (:class:`.guard.TextGuard`)."""

    def keeps(self, index: int, items: Sequence[Item]) -> bool:
        """Whether old article ``index``, about to be deleted, must stay: a new article reads more like it than
        like its own source. ``items`` are the new articles, in the old order (no insertion or move yet)."""

    def may_move(self, item: Item, deleted: Collection[int], items: Sequence[Item]) -> bool:
        """Whether ``item`` (edited) may move: its origin stays clear among the ``deleted`` old articles and the
        new ``items`` (some already moved)."""

    def may_insert(self, text: str) -> bool:
        """Whether a made-up text copies no old article's phrasing at length."""


def _numbering_style(draft: Draft) -> str:
    for article in draft.articles:
        if article.num:
            last = article.num.split()[-1].rstrip(".")
            if not last.isdigit() and roman_to_int(last) is not None:
                return "roman"
            return "arabic"
    return "arabic"


def _article_num(n: int, style: str) -> str:
    return f"Article {int_to_roman(n) if style == 'roman' else n}"


def rebuild_article(item: Item, n: int, style: str) -> Provision:
    """The item as article ``n``: eIds and nums by the naming convention."""
    num = _article_num(n, style)
    eid = eids.component("article", num)
    if item.keep_structure and item.source_eid is not None:
        blocks = tuple(replace(b, eid=eid + b.eid[len(item.source_eid):]) for b in item.blocks)
    elif len(item.blocks) == 1:
        only = item.blocks[0]
        blocks = (replace(only, eid=eid, kind="paragraph", num=None, depth=0, wid=None),)
    else:
        blocks = tuple(
            replace(b, eid=eids.join(eid, eids.component("paragraph", f"{k}.")), kind="paragraph",
                    num=f"{k}.", depth=0, wid=None)
            for k, b in enumerate(item.blocks, start=1)
        )
    return Provision(eid=eid, kind="article", num=num, heading=item.heading, blocks=blocks)


def _content(provision: Provision) -> str:
    parts = [provision.heading] if provision.heading else []
    parts.extend(b.text for b in provision.blocks)
    return BLOCK_SEPARATOR.join(parts)


def _longest_through(sequence: Sequence[int]) -> list[int]:
    """For each element, the length of the longest increasing subsequence that passes through it."""

    def ending(values: Sequence[int]) -> list[int]:
        tails: list[int] = []
        lengths = []
        for value in values:
            at = bisect.bisect_left(tails, value)
            if at == len(tails):
                tails.append(value)
            else:
                tails[at] = value
            lengths.append(at + 1)
        return lengths

    forward = ending(sequence)
    backward = ending([-v for v in reversed(sequence)])[::-1]
    return [f + b - 1 for f, b in zip(forward, backward)]


def moves_are_unambiguous(items: Sequence[Item]) -> bool:
    """Whether the moved items are exactly the fewest that must be called moved (no other choice is as small)."""
    sequence: list[int] = []
    flags: list[bool] = []
    seen_splits: set[int] = set()
    for item in items:
        if not item.sources:
            continue
        if item.split_of is not None:
            if item.split_of in seen_splits:
                continue
            seen_splits.add(item.split_of)
        sequence.append(item.sources[0])
        flags.append(item.moved)
    kept = [v for v, f in zip(sequence, flags) if not f]
    if any(a > b for a, b in itertools.pairwise(kept)):
        return False
    through = _longest_through(sequence)
    return all(t < len(kept) for t, f in zip(through, flags) if f)


def place_moved(items: list[Item], item: Item, rng: random.Random) -> None:
    """Move ``item`` at least two places, so that it is unambiguously the one that moved; else leave it."""
    origin = items.index(item)
    items.pop(origin)
    item.moved = True
    for _ in range(6):
        target = rng.randint(0, len(items))
        if abs(target - origin) < 2:
            continue
        items.insert(target, item)
        if moves_are_unambiguous(items):
            return
        items.pop(target)
    item.moved = False
    items.insert(origin, item)


def distinct_articles(sources: Sequence[Draft]) -> list[Provision]:
    """The articles of ``sources`` in order, each text once (the text apart from the number)."""
    seen: set[str] = set()
    found: list[Provision] = []
    for draft in sources:
        for article in draft.articles:
            content = _content(article)
            if content not in seen:
                seen.add(content)
                found.append(article)
    return found


class _Generator:
    def __init__(self, draft: Draft, rng: random.Random, rates: Rates, guard: Guard | None = None,
                 preamble: PreambleHook | None = None) -> None:
        self.draft = draft
        self.rng = rng
        self.rates = rates
        self.guard = guard
        self.preamble = preamble
        self.vocabulary = vocabulary([draft]) or ["word"]
        self.chain = Chain(draft)
        self.block_truth: tuple[BlockPair, ...] = ()
        self.deleted: list[int] = []

    def run(self, seed: int) -> GeneratedPair:
        draft, rng, rates = self.draft, self.rng, self.rates
        articles = list(draft.articles)
        items: list[Item] = []
        deleted: list[int] = []
        to_move: list[Item] = []
        split_count = 0
        index = 0
        while index < len(articles):
            article = articles[index]
            base = Item(list(article.blocks), (index,), article.heading, source_eid=article.eid)
            roll = rng.random()
            edges = [rates.modify, rates.move, rates.split, rates.merge, rates.delete]
            cumulative = [sum(edges[: k + 1]) for k in range(len(edges))]
            if roll < cumulative[0]:
                base.blocks = edit_blocks(base.blocks, rates.edit, rng, self.vocabulary)
                items.append(base)
            elif roll < cumulative[1]:
                if rng.random() < 0.5:
                    base.blocks = edit_blocks(base.blocks, rates.edit, rng, self.vocabulary)
                items.append(base)
                to_move.append(base)
            elif roll < cumulative[2] and (parts := self._split(article)) is not None:
                for part in parts:
                    items.append(Item(edit_blocks(part, rates.edit, rng, self.vocabulary), (index,),
                                       article.heading if part is parts[0] else None, keep_structure=False,
                                       split_of=split_count))
                split_count += 1
            elif roll < cumulative[3] and index + 1 < len(articles):
                blocks = [*article.blocks, *articles[index + 1].blocks]
                items.append(Item(edit_blocks(blocks, rates.edit, rng, self.vocabulary), (index, index + 1),
                                   article.heading, keep_structure=False))
                index += 1
            elif roll < cumulative[4]:
                deleted.append(index)
            else:
                items.append(base)
            index += 1
        if self.guard is not None:
            deleted = self._keep_unclear_deletions(items, deleted)
        self.deleted = deleted
        for _ in range(sum(1 for _ in articles if rng.random() < rates.insert)):
            items.insert(rng.randint(0, len(items)), self._inserted())
        for item in to_move:
            self._move(items, item)

        style = _numbering_style(draft)
        new_articles = [rebuild_article(item, n, style) for n, item in enumerate(items, start=1)]
        others = self._other_provisions()
        head = [p for p, _ in others if p.kind != "conclusions"]
        tail = [p for p, _ in others if p.kind == "conclusions"]
        new = Draft(
            meta=replace(draft.meta, id=f"{draft.id}-gen-{seed}", title=f"{draft.meta.title} (generated {seed})",
                         sources=(*draft.meta.sources, GENERATED)),
            provisions=(*head, *new_articles, *tail),
            origin=f"generated from {draft.id} with seed {seed}",
        )
        truth = self._truth(items, new_articles, deleted, others)
        return GeneratedPair(draft, new, truth, seed, self.block_truth)

    # -- operations ------------------------------------------------------------------------------

    def _split(self, article: Provision) -> list[list[Block]] | None:
        """Cut an article in two (three, now and then) at block or sentence boundaries, each part a fair share."""
        blocks = list(article.blocks)
        sizes = [len(b.body.split()) for b in blocks]
        total = sum(sizes)
        if total < 16:
            return None
        if len(blocks) >= 2:
            cuts = [k for k in range(1, len(blocks)) if min(sum(sizes[:k]), sum(sizes[k:])) >= 0.2 * total]
            if cuts:
                if len(cuts) >= 2 and self.rng.random() < 0.3:
                    first, second = sorted(self.rng.sample(cuts, 2))
                    parts = [blocks[:first], blocks[first:second], blocks[second:]]
                    if all(sum(len(b.body.split()) for b in part) >= 0.15 * total for part in parts):
                        return parts
                cut = self.rng.choice(cuts)
                return [blocks[:cut], blocks[cut:]]
        if len(blocks) != 1 or blocks[0].terms:
            return None
        block = blocks[0]
        sentences = re.split(r"(?<=[.;:])\s+", block.body)
        if len(sentences) >= 2:
            lengths = [len(s.split()) for s in sentences]
            cuts = [k for k in range(1, len(sentences))
                    if min(sum(lengths[:k]), sum(lengths[k:])) >= 0.2 * total]
            if cuts:
                cut = self.rng.choice(cuts)
                return [[replace(block, body=" ".join(sentences[:cut]))],
                        [replace(block, body=" ".join(sentences[cut:]))]]
        words = block.body.split(" ")
        cut = self.rng.randint(round(0.3 * len(words)), round(0.7 * len(words)))
        return [[replace(block, body=" ".join(words[:cut]))], [replace(block, body=" ".join(words[cut:]))]]

    def _keep_unclear_deletions(self, items: list[Item], deleted: list[int]) -> list[int]:
        """The deletions the guard allows; each one it vetoes is put back, unchanged, at its place."""
        assert self.guard is not None
        articles = self.draft.articles
        allowed = []
        for index in deleted:
            if not self.guard.keeps(index, items):
                allowed.append(index)
                continue
            article = articles[index]
            at = next((k for k, item in enumerate(items) if item.sources and item.sources[0] > index), len(items))
            items.insert(at, Item(list(article.blocks), (index,), article.heading, source_eid=article.eid))
        return allowed

    def _inserted(self) -> Item:
        count = self.rng.choice((1, 1, 2, 3))
        blocks = [
            Block(eid="new", kind="paragraph", num=None, body=self._made_up_text(), provenance=GENERATED_PROVENANCE)
            for _ in range(count)
        ]
        return Item(blocks, (), keep_structure=False)

    def _made_up_text(self) -> str:
        text = self.chain.text(self.rng, self.rng.randint(15, 60))
        for _ in range(20):
            if self.guard is None or self.guard.may_insert(text):
                break
            text = self.chain.text(self.rng, self.rng.randint(15, 60))
        return text

    def _move(self, items: list[Item], item: Item) -> None:
        if self.guard is None or self.guard.may_move(item, self.deleted, items):
            place_moved(items, item, self.rng)

    def _other_provisions(self) -> list[tuple[Provision, Provision]]:
        """The title, preamble and conclusions, old and new (edited now and then, like the articles)."""
        result = []
        for provision in self.draft.provisions:
            if provision.kind == "article":
                continue
            changed = provision
            if provision.kind == "preamble" and self.preamble is not None:
                changed, self.block_truth = self.preamble(provision, self.rng)
            elif self.rng.random() < self.rates.modify:
                blocks = edit_blocks(provision.blocks, self.rates.edit, self.rng, self.vocabulary)
                changed = replace(provision, blocks=tuple(blocks))
            result.append((changed, provision))
        return result

    # -- truth -----------------------------------------------------------------------------------

    def _truth(self, items: Sequence[Item], new_articles: Sequence[Provision], deleted: Sequence[int],
               others: Sequence[tuple[Provision, Provision]]) -> tuple[ProvisionPair, ...]:
        old_articles = self.draft.articles
        truth: list[ProvisionPair] = []
        for new_provision, old_provision in others:
            kind: ChangeKind = "unchanged" if _content(new_provision) == _content(old_provision) else "modified"
            truth.append(ProvisionPair(kind, (old_provision.eid,), (new_provision.eid,),
                                       similarity=1.0 if kind == "unchanged" else 0.0, evidence="truth"))
        splits: dict[int, list[int]] = defaultdict(list)
        for position, item in enumerate(items):
            if item.split_of is not None:
                splits[item.split_of].append(position)
        done_splits: set[int] = set()
        for position, item in enumerate(items):
            new_provision = new_articles[position]
            if not item.sources:
                truth.append(ProvisionPair("inserted", (), (new_provision.eid,), evidence="truth"))
                continue
            olds = [old_articles[i] for i in item.sources]
            if item.split_of is not None:
                if item.split_of in done_splits:
                    continue
                done_splits.add(item.split_of)
                parts = [new_articles[p] for p in splits[item.split_of]]
                truth.append(ProvisionPair("split", (olds[0].eid,), tuple(p.eid for p in parts),
                                           renumbered=nums_differ(olds[0].num, parts[0].num), evidence="truth"))
                continue
            if len(olds) > 1:
                kind = "merged"
            else:
                kind = "unchanged" if _content(olds[0]) == _content(new_provision) else "modified"
            truth.append(ProvisionPair(kind, tuple(p.eid for p in olds), (new_provision.eid,),
                                       renumbered=nums_differ(olds[0].num, new_provision.num), moved=item.moved,
                                       similarity=1.0 if kind == "unchanged" else 0.0, evidence="truth"))
        for index in deleted:
            truth.append(ProvisionPair("deleted", (old_articles[index].eid,), (), evidence="truth"))
        return tuple(truth)


# -- small drafts from plain strings ---------------------------------------------------------------

def draft_from_texts(draft_id: str, articles: Sequence[Sequence[str]], *,
                     nums: Sequence[str | None] | None = None,
                     headings: Sequence[str | None] | None = None,
                     wids: Sequence[str | None] | None = None,
                     preamble: Sequence[str] = ()) -> Draft:
    """A draft made of plain strings, for tests: each article is a list of paragraph texts.

    Articles are numbered "Article 1", "Article 2"... unless ``nums`` says otherwise;
    an article of several paragraphs numbers them "1.", "2."...; a non-empty
    ``preamble`` becomes recitals. All text is marked reconstructed, from ``generated``.
    """
    provisions: list[Provision] = []
    if preamble:
        provisions.append(Provision(
            eid="preamble", kind="preamble", num=None, heading=None,
            blocks=tuple(Block(eid=f"preamble__recs__rec_{k}", kind="recital", num=None, body=text,
                               provenance=GENERATED_PROVENANCE)
                         for k, text in enumerate(preamble, start=1)),
        ))
    for index, paragraphs in enumerate(articles):
        num = nums[index] if nums is not None else f"Article {index + 1}"
        item = Item([Block(eid="new", kind="paragraph", num=None, body=text, provenance=GENERATED_PROVENANCE)
                      for text in paragraphs], (), headings[index] if headings else None, keep_structure=False)
        article = rebuild_article(item, index + 1, "arabic")
        eid = eids.component("article", num, index + 1)
        blocks = tuple(replace(b, eid=eid + b.eid[len(article.eid):]) for b in article.blocks)
        provisions.append(replace(article, eid=eid, num=num, blocks=blocks, wid=wids[index] if wids else None))
    return Draft(meta=DraftMeta(id=draft_id, title=draft_id, sources=(GENERATED,)), provisions=tuple(provisions),
                 origin=draft_id)


# -- large drafts ----------------------------------------------------------------------------------


def scale_draft(sources: Sequence[Draft], articles: int, seed: int = 0, vary: float = 0.5) -> Draft:
    """A draft of ``articles`` articles built from the articles of ``sources``, with the first source's title,
    preamble and conclusions.

    The first round uses each distinct source article as it is; each later round
    replaces ``vary`` of the words of every article with other words of the sources,
    and drops the definitions, so that no two articles of the draft read alike.
    """
    rng = random.Random(seed)
    pool = distinct_articles(sources)
    if not pool:
        raise ValueError("the sources have no article")
    words = vocabulary(sources)
    made: list[Provision] = []
    for n in range(1, articles + 1):
        source = pool[(n - 1) % len(pool)]
        blocks: list[Block] = [replace(b, wid=None) for b in source.blocks]
        if n > len(pool):
            blocks = [replace(b, terms=(), body=vary_words(b.body, vary, rng, words)) for b in blocks]
        item = Item(blocks, (), source.heading, source_eid=source.eid)
        made.append(rebuild_article(item, n, "arabic"))
    first = sources[0]
    head = [p for p in first.provisions if p.kind in ("title", "preamble")]
    tail = [p for p in first.provisions if p.kind == "conclusions"]
    return Draft(
        meta=replace(first.meta, id=f"{first.id}-x{articles}", title=f"{first.meta.title} ({articles} articles)",
                     sources=tuple({s.id: s for d in sources for s in d.meta.sources}.values())),
        provisions=(*head, *made, *tail),
        origin=f"scaled to {articles} articles from {', '.join(d.id for d in sources)}",
    )
