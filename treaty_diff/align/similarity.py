"""Token bags and their similarity, for the aligner.

Texts are compared as weighted bags of words: casefolded word tokens (one token
per CJK character), lightly stemmed so that "weapons" and "weapon" agree, each
weighted by its rarity among the provisions of the two drafts (an integer idf,
so that every sum is exact and comparing A with B gives the same number as B
with A). Two measures are read from the shared weight:

- ``dice``: how alike two texts are as wholes (2 * shared / (size a + size b));
- ``containment``: how much of one text is found in the other (shared / size a),
  which is what reveals the parts of a split or a merge.

:class:`CandidateIndex` keeps the aligner from comparing all pairs: an inverted
index of word bigrams ("shingles") that few units share proposes, for each unit,
the few units of the other draft most worth scoring exactly.
"""

from __future__ import annotations

import itertools
import math
import operator
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

Bag = Mapping[str, int]


def bag(words: Iterable[str]) -> dict[str, int]:
    """How many times each word occurs."""
    return dict(Counter(words))


#: A word bigram, as one string (strings keep their hash; tuples would hash again at every look-up).
Shingle = str


def shingles(words: Sequence[str]) -> set[Shingle]:
    """The word bigrams of a text (the word alone for a one-word text): the keys of the candidate index."""
    if len(words) < 2:
        return set(words)
    return set(map(" ".join, itertools.pairwise(words)))


class _Default(dict[str, int]):
    """A dict that answers a default for a missing key (without storing it)."""

    def __init__(self, default: int) -> None:
        super().__init__()
        self.default = default

    def __missing__(self, key: str) -> int:
        return self.default


class Weights:
    """Integer idf weights of words, learnt from the units (usually provisions) of both drafts."""

    SCALE = 1000

    def __init__(self, documents: Iterable[Iterable[str]]) -> None:
        df: Counter[str] = Counter()
        count = 0
        for words in documents:
            df.update(set(words))
            count += 1
        self._count = count
        self._unseen = self._weight(0)
        self._weights = _Default(self._unseen)
        self._weights.update((word, self._weight(n)) for word, n in df.items())

    def _weight(self, document_frequency: int) -> int:
        return max(1, round(self.SCALE * math.log((self._count + 1) / (document_frequency + 0.5))))

    def __getitem__(self, word: str) -> int:
        return self._weights[word]

    def size(self, counts: Bag) -> int:
        """The weighted size of a bag."""
        return sum(map(operator.mul, counts.values(), map(self._weights.__getitem__, counts.keys())))

    def shared(self, a: Bag, b: Bag) -> int:
        """The weighted size of what two bags have in common (the multiset intersection)."""
        weights = self._weights
        total = 0
        for word in a.keys() & b.keys():
            n, m = a[word], b[word]
            total += (n if n < m else m) * weights[word]
        return total


@dataclass(frozen=True)
class Unit:
    """What matching needs to know of a provision or a block.

    ``content`` is the text apart from the number: equal contents make an
    unchanged pair. ``words`` are its comparable words; their bag and weighted
    size (see above) are worked out on first use, since
    most units of two drafts are paired by equal content alone. ``num`` and
    ``heading`` only break ties.
    """

    key: str
    content: str
    words: Sequence[str]
    weights: Weights = field(repr=False, compare=False)
    num: str | None = None
    heading: str | None = None

    @cached_property
    def bag(self) -> dict[str, int]:
        return bag(self.words)

    @cached_property
    def size(self) -> int:
        return self.weights.size(self.bag)

    @cached_property
    def checksum(self) -> int:
        return zlib.crc32(self.content.encode("utf-8"))


def dice(shared: int, size_a: int, size_b: int) -> float:
    """2 * shared / (size a + size b): 1.0 for equal bags, 0.0 for disjoint ones."""
    total = size_a + size_b
    return 2 * shared / total if total else 1.0


def containment(shared: int, size: int) -> float:
    """The share of a text (of weighted ``size``) that the other text also has."""
    return shared / size if size else 0.0


def add_bags(bags: Iterable[Bag]) -> dict[str, int]:
    """The bag of several texts read as one."""
    total: Counter[str] = Counter()
    for counts in bags:
        total.update(counts)
    return dict(total)


class CandidateIndex:
    """Proposes the pairs worth scoring: units of two sides that share rare shingles.

    A shingle held by more than ``max_df`` units (of both sides together) is too
    common to say anything and is not looked up, except for a unit whose
    shingles are all common: that unit uses its ``fallback`` rarest ones. A unit
    looks up at most its ``per_text`` rarest shingles (a sample that two similar
    texts share largely, since rarity is counted over both drafts). Each unit
    keeps its ``per_unit`` best-sharing units of the other side, and the
    candidates are the union over both sides, so the result does not depend on
    which side is called old.
    """

    def __init__(self, max_df: int = 16, per_unit: int = 8, fallback: int = 4, per_text: int = 32) -> None:
        self.max_df = max_df
        self.per_unit = per_unit
        self.fallback = fallback
        self.per_text = per_text

    def pairs(self, old: Sequence[set[Shingle]], new: Sequence[set[Shingle]]) -> set[tuple[int, int]]:
        """Candidate (old index, new index) pairs."""
        df: Counter[Shingle] = Counter(itertools.chain.from_iterable(old))
        df.update(itertools.chain.from_iterable(new))
        keys_old = [self._keys(keys, df) for keys in old]
        keys_new = [self._keys(keys, df) for keys in new]
        postings_old = self._postings(keys_old)
        postings_new = self._postings(keys_new)
        result: set[tuple[int, int]] = set()
        for index, keys in enumerate(keys_old):
            for other in self._best(keys, df, postings_new):
                result.add((index, other))
        for index, keys in enumerate(keys_new):
            for other in self._best(keys, df, postings_old):
                result.add((other, index))
        return result

    def _keys(self, keys: set[Shingle], df: Mapping[Shingle, int]) -> list[Shingle]:
        """The shingles of one unit worth looking up: its ``per_text`` rarest that another unit also has (if rare
        enough), else its few rarest."""
        limit = self.max_df
        rare = sorted(key for key in keys if 1 < df[key] <= limit)
        if not rare:
            return sorted(keys, key=lambda key: (df[key], key))[: self.fallback]
        if len(rare) > self.per_text:
            rare.sort(key=df.__getitem__)  # stable: equally rare keys stay in string order
            del rare[self.per_text:]
        return rare

    @staticmethod
    def _postings(units: Sequence[list[Shingle]]) -> dict[Shingle, list[int]]:
        postings: dict[Shingle, list[int]] = {}
        for index, keys in enumerate(units):
            for key in keys:
                found = postings.get(key)
                if found is None:
                    postings[key] = [index]
                else:
                    found.append(index)
        return postings

    def _best(self, keys: list[Shingle], df: Mapping[Shingle, int],
              postings: Mapping[Shingle, list[int]]) -> list[int]:
        scores: dict[int, int] = {}
        for key in keys:
            found = postings.get(key)
            if found:
                weight = 1000 // df[key]
                for other in found:
                    scores[other] = scores.get(other, 0) + weight
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [other for other, _ in ranked[: self.per_unit]]
