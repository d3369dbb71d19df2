"""Words for the generators: editing a share of them, made-up text that reads like a draft, and the generators'
own measure of how alike two texts are (independent of the aligner's, so that the truth does not lean on it).
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from treaty_diff.model.draft import Block, Draft

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def vocabulary(drafts: Iterable[Draft]) -> list[str]:
    """The distinct words of some drafts, sorted (so that the generators are deterministic)."""
    return sorted({w.casefold() for d in drafts for p in d.provisions for b in p.blocks for w in _WORD.findall(b.body)})


def _protected_tokens(body: str, terms: Sequence[str]) -> set[int]:
    """Indices of the space-separated tokens of ``body`` that hold a defined term (edits leave them alone)."""
    spans = []
    for term in terms:
        at = body.find(term)
        if at >= 0:
            spans.append((at, at + len(term)))
    protected: set[int] = set()
    offset = 0
    for index, token in enumerate(body.split(" ")):
        start, end = offset, offset + len(token)
        if any(start < b and a < end for a, b in spans):
            protected.add(index)
        offset = end + 1
    return protected


def edit_blocks(blocks: Sequence[Block], rate: float, rng: random.Random, vocabulary: Sequence[str]) -> list[Block]:
    """Edit ``rate`` of the words of some blocks (at least one word): replace, delete or insert a word.

    Defined terms are never touched, so every definition stays findable.
    """
    words = [body.split(" ") for body in (b.body for b in blocks)]
    protected = [_protected_tokens(b.body, b.terms) for b in blocks]
    total = sum(len(w) for w in words)
    edits = max(1, round(rate * total))
    for _ in range(edits):
        weights = [max(len(w) - len(p), 0) for w, p in zip(words, protected)]
        if not any(weights):
            break
        k = rng.choices(range(len(blocks)), weights=weights)[0]
        free = [i for i in range(len(words[k])) if i not in protected[k]]
        position = rng.choice(free)
        action = rng.random()
        if action < 0.5 or len(free) < 4:
            current = words[k][position].casefold()
            replacement = rng.choice(vocabulary)
            while replacement == current and len(vocabulary) > 1:
                replacement = rng.choice(vocabulary)
            words[k][position] = replacement
        elif action < 0.75:
            del words[k][position]
            protected[k] = {i - 1 if i > position else i for i in protected[k]}
        else:
            words[k].insert(position, rng.choice(vocabulary))
            protected[k] = {i + 1 if i >= position else i for i in protected[k]}
    return [replace(b, body=" ".join(w)) for b, w in zip(blocks, words)]


def vary_words(body: str, share: float, rng: random.Random, vocabulary: Sequence[str]) -> str:
    """``body`` with about ``share`` of its words replaced by words of ``vocabulary`` (the length kept)."""
    return " ".join(rng.choice(vocabulary) if rng.random() < share else token for token in body.split(" "))


class Chain:
    """A word-bigram chain over a draft's text: made-up text that reads like the draft but is none of it."""

    def __init__(self, draft: Draft) -> None:
        self.following: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        for provision in draft.provisions:
            for block in provision.blocks:
                words = block.body.split()
                if words:
                    self.starts.append(words[0])
                for a, b in itertools.pairwise(words):
                    self.following[a].append(b)

    def text(self, rng: random.Random, length: int) -> str:
        word = rng.choice(self.starts)
        out = [word]
        while len(out) < length:
            nexts = self.following.get(word)
            word = rng.choice(nexts) if nexts else rng.choice(self.starts)
            out.append(word)
        return " ".join(out)


# -- the generators' own measure -----------------------------------------------------------------


def word_bag(texts: Iterable[str]) -> Counter[str]:
    """The casefolded words of some texts, counted."""
    return Counter(w.casefold() for text in texts for w in _WORD.findall(text))


def overlap(a: Counter[str], b: Counter[str]) -> int:
    return sum((a & b).values())


def plain_dice(a: Counter[str], b: Counter[str]) -> float:
    """2 * shared words / all words, every word weighing the same (not the aligner's weighted measure)."""
    total = sum(a.values()) + sum(b.values())
    return 2 * overlap(a, b) / total if total else 1.0


def share_in(part: Counter[str], whole: Counter[str]) -> float:
    """The share of the words of ``part`` found in ``whole``."""
    size = sum(part.values())
    return overlap(part, whole) / size if size else 0.0


class PhraseIndex:
    """Which texts hold each word trigram: to check that made-up text copies no text's phrasing at length."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.holders: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for index, text in enumerate(texts):
            for gram in _trigrams(text):
                self.holders[gram].add(index)

    def most_copied(self, text: str) -> float:
        """The largest share of ``text``'s trigrams that one indexed text holds (0.0 for a text of < 3 words)."""
        grams = _trigrams(text)
        if not grams:
            return 0.0
        counts: Counter[int] = Counter()
        for gram in grams:
            counts.update(self.holders.get(gram, ()))
        return max(counts.values(), default=0) / len(grams)


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return set(zip(words, words[1:], words[2:]))
