"""Alignment: which provisions, paragraphs and definitions of two drafts correspond, and what happened to them.

:func:`align` pairs, in this order of authority:

1. provisions that carry the same wId in both drafts (evidence ``"wId"``);
2. the title, the preamble and the conclusions with their namesakes (evidence ``"kind"``);
3. the articles by content (evidence ``"content"``): candidates come from an
   index of rare word bigrams (:class:`~.similarity.CandidateIndex`) and from
   each article's place, only candidates are scored, and :mod:`.match` forms the
   pairs, splits and merges, preferring pairs in order among similar ones. Numbers
   and headings only break ties; nothing is paired by number alone, nor below the
   similarity floor (``Thresholds.floor``).

Inside each pair (across all the parts of a split or merge) the blocks are
aligned the same way, their words weighed by how rare they are among all the
blocks of both drafts (so that the words every recital shares, "Recalling", "the
General Assembly", count for little); and the definitions are paired through
their blocks, then by term and text. ``moved`` comes from a longest chain of
pairs kept in order, so a provision merely shifted by an insertion before it is
not moved. :func:`~treaty_diff.render.alignment.alignment_to_dict` gives the
result as plain JSON-able data.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from treaty_diff.align.match import Thresholds, match
from treaty_diff.align.order import Group, moved, reading_order
from treaty_diff.align.similarity import CandidateIndex, Unit, Weights, dice, shingles
from treaty_diff.model.alignment import Alignment, BlockPair, ChangeKind, DefinitionPair, ProvisionPair
from treaty_diff.model.draft import BLOCK_SEPARATOR, Block, Definition, Draft, Provision
from treaty_diff.model.numbers import nums_differ
from treaty_diff.text.tokens import similarity_words

#: Blocks also pair when they stand at the same place between paired blocks and are somewhat alike.
_BLOCK_THRESHOLDS = Thresholds(floor=0.2, gap_floor=0.2)

#: Provisions of these kinds are paired with their namesake, not by content.
_SINGLE_KINDS = ("title", "preamble", "conclusions")


def align(old: Draft, new: Draft) -> Alignment:
    """Pair the provisions, blocks and definitions of ``old`` and ``new``, and say what happened to each."""
    sides = _Sides.of(old, new)
    found = _pair_provisions(sides)
    groups = [f.group for f in found]
    moved_groups = _moved(groups, sides)
    taken_old = {i for g in groups for i in g.old}
    taken_new = {j for g in groups for j in g.new}
    deleted = [i for i in range(len(old.provisions)) if i not in taken_old]
    inserted = [Group((), (j,), 0.0) for j in range(len(new.provisions)) if j not in taken_new]
    evidence = {id(f.group): f.evidence for f in found}
    index_of = {id(g): n for n, g in enumerate(groups)}
    pairs: list[ProvisionPair] = []
    for piece in reading_order([*groups, *inserted], deleted, moved_groups):
        if isinstance(piece, int):
            provision = old.provisions[piece]
            pairs.append(ProvisionPair("deleted", (provision.eid,), (), blocks=_one_sided(provision, "deleted")))
        elif not piece.old:
            provision = new.provisions[piece.new[0]]
            pairs.append(ProvisionPair("inserted", (), (provision.eid,), blocks=_one_sided(provision, "inserted")))
        else:
            olds = [old.provisions[i] for i in piece.old]
            news = [new.provisions[j] for j in piece.new]
            kind = _kind(piece, sides.units_old, sides.units_new)
            pairs.append(ProvisionPair(
                kind=kind,
                old=tuple(p.eid for p in olds),
                new=tuple(p.eid for p in news),
                renumbered=nums_differ(olds[0].num, news[0].num),
                moved=index_of[id(piece)] in moved_groups,
                similarity=1.0 if kind == "unchanged" else piece.similarity,
                blocks=_align_blocks(olds, news, sides.block_weights, sides.block_words,
                                     identical=kind == "unchanged"),
                evidence=evidence[id(piece)],
            ))
    return Alignment(old, new, tuple(pairs), _align_definitions(old, new, pairs, sides.weights))


@dataclass(frozen=True)
class _Sides:
    """Both drafts read once: the words of each provision and block, their weights, the provisions as units."""

    old: Draft
    new: Draft
    words_old: list[list[str]]
    words_new: list[list[str]]
    block_words: dict[int, list[str]]  # by id() of the block
    weights: Weights  # of words among the provisions
    block_weights: Weights  # of words among the blocks
    units_old: list[Unit]
    units_new: list[Unit]

    @staticmethod
    def of(old: Draft, new: Draft) -> _Sides:
        cache: dict[str, list[str]] = {}
        read_old = [_provision_words(p, cache) for p in old.provisions]
        read_new = [_provision_words(p, cache) for p in new.provisions]
        weights = Weights(words for words, _ in [*read_old, *read_new])
        block_weights = Weights(words for _, per_block in [*read_old, *read_new] for words in per_block)
        block_words = {
            id(block): words
            for provision, (_, per_block) in [*zip(old.provisions, read_old), *zip(new.provisions, read_new)]
            for block, words in zip(provision.blocks, per_block)
        }
        return _Sides(
            old, new, [w for w, _ in read_old], [w for w, _ in read_new], block_words, weights, block_weights,
            [_provision_unit(p, w, weights) for p, (w, _) in zip(old.provisions, read_old)],
            [_provision_unit(p, w, weights) for p, (w, _) in zip(new.provisions, read_new)],
        )


@dataclass(frozen=True)
class _Found:
    group: Group
    evidence: str


def _pair_provisions(sides: _Sides) -> list[_Found]:
    """The groups of provisions: by wId, then the title, preamble and conclusions by kind, then by content."""
    old, new = sides.old.provisions, sides.new.provisions
    found: list[_Found] = []
    taken_old: set[int] = set()
    taken_new: set[int] = set()

    def keep(groups: list[Group], olds: Sequence[int], news: Sequence[int], evidence: str) -> None:
        for g in groups:
            group = Group(tuple(olds[i] for i in g.old), tuple(news[j] for j in g.new), g.similarity)
            found.append(_Found(group, evidence))
            taken_old.update(group.old)
            taken_new.update(group.new)

    def by_content(olds: Sequence[int], news: Sequence[int]) -> None:
        groups = _by_content([sides.units_old[i] for i in olds], [sides.units_new[j] for j in news],
                             [sides.words_old[i] for i in olds], [sides.words_new[j] for j in news], sides.weights)
        keep(groups, olds, news, "content")

    keep(_pair_by_wid([p.wid for p in old], [p.wid for p in new], sides.units_old, sides.units_new, sides.weights),
         range(len(old)), range(len(new)), "wId")
    for kind in _SINGLE_KINDS:
        olds = [i for i, p in enumerate(old) if p.kind == kind and i not in taken_old]
        news = [j for j, p in enumerate(new) if p.kind == kind and j not in taken_new]
        if len(olds) == 1 and len(news) == 1:
            keep([_one_to_one(sides.units_old[olds[0]], sides.units_new[news[0]], sides.weights, 0, 0)],
                 olds, news, "kind")
        elif olds and news:
            by_content(olds, news)
    # Divisions (parts, chapters, annexes) pair with divisions: by their headings, else by their numbers.
    by_content([i for i, p in enumerate(old) if i not in taken_old and p.kind == "division"],
               [j for j, p in enumerate(new) if j not in taken_new and p.kind == "division"])
    olds = [i for i, p in enumerate(old) if i not in taken_old and p.kind == "division"]
    news = [j for j, p in enumerate(new) if j not in taken_new and p.kind == "division"]
    by_num = [(i, j) for i, j in _same_nums([old[i].num for i in olds], [new[j].num for j in news])]
    keep([_one_to_one(sides.units_old[olds[i]], sides.units_new[news[j]], sides.weights, i, j) for i, j in by_num],
         olds, news, "num")
    by_content([i for i, p in enumerate(old) if i not in taken_old and p.kind not in (*_SINGLE_KINDS, "division")],
               [j for j, p in enumerate(new) if j not in taken_new and p.kind not in (*_SINGLE_KINDS, "division")])
    return found


def _same_nums(olds: Sequence[str | None], news: Sequence[str | None]) -> list[tuple[int, int]]:
    """Pairs of equal printed numbers ("PART II" and "Part II"), each taken once, in order."""
    taken: set[int] = set()
    pairs = []
    for i, num in enumerate(olds):
        for j, other in enumerate(news):
            if j not in taken and num and other and num.casefold() == other.casefold():
                pairs.append((i, j))
                taken.add(j)
                break
    return pairs


def _moved(groups: list[Group], sides: _Sides) -> set[int]:
    """The groups that moved: out of the order kept by the others (divisions among divisions, the rest among the
    rest), or into another division (an article from Part II to Part III: its division's counterpart is not the
    division it now stands in)."""
    old, new = sides.old.provisions, sides.new.provisions
    found: set[int] = set()
    for divisions in (False, True):
        chosen = [n for n, g in enumerate(groups) if (old[g.old[0]].kind == "division") == divisions]
        found.update(chosen[k] for k in moved([groups[n] for n in chosen],
                                              lambda g: _chain_weight(g, sides.units_old, sides.units_new)))
    counterpart = {old[g.old[0]].eid: new[g.new[0]].eid for g in groups if old[g.old[0]].kind == "division"}
    for n, g in enumerate(groups):
        before, after = old[g.old[0]].parent, new[g.new[0]].parent
        if before is not None and after is not None and before in counterpart and counterpart[before] != after:
            found.add(n)
    return found


# -- units ---------------------------------------------------------------------------------------


def _provision_words(provision: Provision, cache: dict[str, list[str]]) -> tuple[list[str], list[list[str]]]:
    """The words compared (the heading and the blocks' bodies: numbers are not content), and those of each block.

    ``cache`` holds the words of texts already seen: two drafts share most of their paragraphs.
    """
    per_block = []
    for block in provision.blocks:
        found = cache.get(block.body)
        if found is None:
            found = cache[block.body] = similarity_words(block.body)
        per_block.append(found)
    words = similarity_words(provision.heading or "")
    for block_words in per_block:
        words.extend(block_words)
    return words, per_block


def _content(provision: Provision) -> str:
    """A provision's text apart from its num: what must be equal for it to be unchanged."""
    parts = [provision.heading] if provision.heading else []
    parts.extend(block.text for block in provision.blocks)
    return BLOCK_SEPARATOR.join(parts)


def _provision_unit(provision: Provision, words: list[str], weights: Weights) -> Unit:
    return Unit(provision.eid, _content(provision), words, weights, provision.num, provision.heading)


def _block_unit(block: Block, words: list[str], weights: Weights) -> Unit:
    return Unit(block.eid, block.body, words, weights, block.num)


@functools.lru_cache(maxsize=1 << 16)
def _same_num(a: str | None, b: str | None) -> bool:
    """Whether two provisions carry the same number (read once per pair of printed numbers: they recur)."""
    return a is not None and b is not None and not nums_differ(a, b)


def _kind(group: Group, old: Sequence[Unit], new: Sequence[Unit]) -> ChangeKind:
    if len(group.new) > 1:
        return "split"
    if len(group.old) > 1:
        return "merged"
    return "unchanged" if old[group.old[0]].content == new[group.new[0]].content else "modified"


def _chain_weight(group: Group, old: Sequence[Unit], new: Sequence[Unit]) -> tuple[int, int]:
    """How much keeping a group in place is worth: its similarity, then a checksum of both texts (the same
    whichever draft is called old), so that equally long chains are chosen the same way in both directions."""
    a, b = old[group.old[0]].checksum, new[group.new[0]].checksum
    return round(group.similarity * 1_000_000), min(a, b) << 32 | max(a, b)


# -- matching helpers ----------------------------------------------------------------------------


def _one_to_one(a: Unit, b: Unit, weights: Weights, i: int, j: int) -> Group:
    similarity = 1.0 if a.content == b.content else dice(weights.shared(a.bag, b.bag), a.size, b.size)
    return Group((i,), (j,), similarity)


def _pair_by_wid(old_wids: Sequence[str | None], new_wids: Sequence[str | None],
                 old: Sequence[Unit], new: Sequence[Unit], weights: Weights) -> list[Group]:
    """Pairs decided by wId: equal wIds on both sides (only when both sides carry wIds at all)."""
    if not any(old_wids) or not any(new_wids):
        return []
    where = {wid: j for j, wid in enumerate(new_wids) if wid}
    return [
        _one_to_one(old[i], new[where[wid]], weights, i, where[wid])
        for i, wid in enumerate(old_wids)
        if wid and wid in where
    ]


def _by_content(old: Sequence[Unit], new: Sequence[Unit], old_words: Sequence[list[str]],
                new_words: Sequence[list[str]], weights: Weights) -> list[Group]:
    """Pairs, splits and merges by content, scoring only the candidates of the shingle index."""
    if not old or not new:
        return []

    def candidates(olds: Sequence[int], news: Sequence[int]) -> list[tuple[int, int]]:
        found = CandidateIndex().pairs([shingles(old_words[i]) for i in olds], [shingles(new_words[j]) for j in news])
        return [(olds[a], news[b]) for a, b in found]

    return match(old, new, weights, candidates, same_num=_same_num)


# -- blocks --------------------------------------------------------------------------------------


def _one_sided(provision: Provision, kind: ChangeKind) -> tuple[BlockPair, ...]:
    if kind == "inserted":
        return tuple(BlockPair("inserted", (), (b.eid,)) for b in provision.blocks)
    return tuple(BlockPair("deleted", (b.eid,), ()) for b in provision.blocks)


def _align_blocks(old: Sequence[Provision], new: Sequence[Provision], weights: Weights,
                  words: dict[int, list[str]], identical: bool) -> tuple[BlockPair, ...]:
    """The blocks of one pair (of all the parts of a split or merge) paired the way provisions are."""
    old_blocks = [b for p in old for b in p.blocks]
    new_blocks = [b for p in new for b in p.blocks]
    if identical:
        return tuple(BlockPair("unchanged", (a.eid,), (b.eid,), similarity=1.0) for a, b in zip(old_blocks, new_blocks))
    units_old = [_block_unit(b, words[id(b)], weights) for b in old_blocks]
    units_new = [_block_unit(b, words[id(b)], weights) for b in new_blocks]
    by_wid = _pair_by_wid([b.wid for b in old_blocks], [b.wid for b in new_blocks], units_old, units_new, weights)
    taken_old = {i for g in by_wid for i in g.old}
    taken_new = {j for g in by_wid for j in g.new}
    olds = [i for i in range(len(old_blocks)) if i not in taken_old]
    news = [j for j in range(len(new_blocks)) if j not in taken_new]

    def candidates(left_old: Sequence[int], left_new: Sequence[int]) -> Iterable[tuple[int, int]]:
        if len(left_old) * len(left_new) <= 2500:
            return [(i, j) for i in left_old for j in left_new]
        found = CandidateIndex().pairs([shingles(words[id(old_blocks[olds[i]])]) for i in left_old],
                                       [shingles(words[id(new_blocks[news[j]])]) for j in left_new])
        return [(left_old[a], left_new[b]) for a, b in found]

    found = match([units_old[i] for i in olds], [units_new[j] for j in news], weights, candidates,
                  _BLOCK_THRESHOLDS, same_num=None)
    groups = [*by_wid, *(Group(tuple(olds[i] for i in g.old), tuple(news[j] for j in g.new), g.similarity)
                         for g in found)]
    moved_groups = moved(groups, lambda g: _chain_weight(g, units_old, units_new))
    matched_old = {i for g in groups for i in g.old}
    matched_new = {j for g in groups for j in g.new}
    deleted = [i for i in range(len(old_blocks)) if i not in matched_old]
    inserted = [Group((), (j,), 0.0) for j in range(len(new_blocks)) if j not in matched_new]
    index_of = {id(g): n for n, g in enumerate(groups)}
    result: list[BlockPair] = []
    for piece in reading_order([*groups, *inserted], deleted, moved_groups):
        if isinstance(piece, int):
            result.append(BlockPair("deleted", (old_blocks[piece].eid,), ()))
        elif not piece.old:
            result.append(BlockPair("inserted", (), (new_blocks[piece.new[0]].eid,)))
        else:
            kind = _kind(piece, units_old, units_new)
            result.append(BlockPair(
                kind=kind,
                old=tuple(old_blocks[i].eid for i in piece.old),
                new=tuple(new_blocks[j].eid for j in piece.new),
                renumbered=_block_num_changed(old_blocks[piece.old[0]].num, new_blocks[piece.new[0]].num),
                moved=index_of[id(piece)] in moved_groups,
                similarity=1.0 if kind == "unchanged" else piece.similarity,
            ))
    return tuple(result)


def _block_num_changed(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return (a is None) != (b is None)
    return a.strip().casefold() != b.strip().casefold()


# -- definitions ---------------------------------------------------------------------------------


def _term_words(definition: Definition) -> set[str]:
    return {word for term in definition.terms for word in similarity_words(term)}


def _term_similarity(a: Definition, b: Definition) -> float:
    words_a, words_b = _term_words(a), _term_words(b)
    total = len(words_a) + len(words_b)
    return 2 * len(words_a & words_b) / total if total else 0.0


def _align_definitions(old: Draft, new: Draft, pairs: Sequence[ProvisionPair],
                       weights: Weights) -> tuple[DefinitionPair, ...]:
    """Definitions paired by meaning: through their paired blocks first, then by term and text."""
    old_defs, new_defs = old.definitions, new.definitions
    if not old_defs and not new_defs:
        return ()
    units_old = [Unit(d.block_eid, d.text, similarity_words(d.text), weights) for d in old_defs]
    units_new = [Unit(d.block_eid, d.text, similarity_words(d.text), weights) for d in new_defs]

    def scores(i: int, j: int) -> tuple[float, float]:
        a, b = units_old[i], units_new[j]
        return _term_similarity(old_defs[i], new_defs[j]), dice(weights.shared(a.bag, b.bag), a.size, b.size)

    def tie(i: int, j: int) -> tuple[int, int]:
        a, b = units_old[i].checksum, units_new[j].checksum
        return min(a, b), max(a, b)

    partner: dict[int, int] = {}
    partnered_new: set[int] = set()

    def greedy(candidates: list[tuple[int, int]], accept: Any) -> None:
        ranked = []
        for i, j in candidates:
            term, text = scores(i, j)
            if accept(old_defs[i], new_defs[j], term, text):
                ranked.append((-(term + text), tie(i, j), i, j))
        for _, _, i, j in sorted(ranked):
            if i not in partner and j not in partnered_new:
                partner[i] = j
                partnered_new.add(j)

    old_by_block: dict[str, list[int]] = {}
    for i, d in enumerate(old_defs):
        old_by_block.setdefault(d.block_eid, []).append(i)
    new_by_block: dict[str, list[int]] = {}
    for j, d in enumerate(new_defs):
        new_by_block.setdefault(d.block_eid, []).append(j)
    through_blocks: list[tuple[int, int]] = []
    for pair in pairs:
        for block_pair in pair.blocks:
            olds = [i for eid in block_pair.old for i in old_by_block.get(eid, [])]
            news = [j for eid in block_pair.new for j in new_by_block.get(eid, [])]
            through_blocks.extend((i, j) for i in olds for j in news)
    greedy(through_blocks, lambda a, b, term, text: term >= 0.5 or text >= 0.2)
    rest = [(i, j) for i in range(len(old_defs)) if i not in partner
            for j in range(len(new_defs)) if j not in partnered_new]
    greedy(rest, lambda a, b, term, text: _same_terms(a, b) or text >= 0.5 or (term >= 0.5 and text >= 0.25))

    groups = [Group((i,), (j,), scores(i, j)[1]) for i, j in sorted(partner.items(), key=lambda p: p[1])]
    deleted = [i for i in range(len(old_defs)) if i not in partner]
    inserted = [Group((), (j,), 0.0) for j in range(len(new_defs)) if j not in partnered_new]
    result: list[DefinitionPair] = []
    for piece in reading_order([*groups, *inserted], deleted, set()):
        if isinstance(piece, int):
            result.append(DefinitionPair("deleted", old_defs[piece], None))
        elif not piece.old:
            result.append(DefinitionPair("inserted", None, new_defs[piece.new[0]]))
        else:
            a, b = old_defs[piece.old[0]], new_defs[piece.new[0]]
            same = a.text == b.text and a.terms == b.terms
            result.append(DefinitionPair(
                "unchanged" if same else "modified", a, b,
                renamed=not _same_terms(a, b),
                similarity=1.0 if same else piece.similarity,
            ))
    return tuple(result)


def _same_terms(a: Definition, b: Definition) -> bool:
    return [t.casefold() for t in a.terms] == [t.casefold() for t in b.terms]
