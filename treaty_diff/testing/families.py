"""Long drafts full of near-identical boilerplate, and pairs of them with a known truth.

Compilations, protocols and conventions repeat themselves: each protocol ends
with its own signature, ratification, entry-into-force, depositary and
authentic-texts articles, each annex lists items that differ in a word or two.
:func:`family_draft` builds such a draft from the bundled articles, in parts
(one part reads like one protocol):

- a few **substantive articles**: the bundled articles that are not final or
  procedural clauses, each used as it is the first time and with half of its
  words varied afterwards (as :func:`~.generate.scale_draft` does);
- now and then an **annex** of 3-8 numbered items: one sentence of a bundled
  final or procedural clause, each item with 8-20 % of its words varied;
- the part's **final and procedural clauses**: 3-6 of the bundled ones (signature,
  ratification, entry into force, depositary, authentic texts, amendment,
  withdrawal, duration, disputes, consultations, review), in their order, the
  first use of each as it is (the family's original) and every later one a
  near-duplicate with 3-12 % of its words varied.

Every article belongs to a *family* (the bundled article or sentence it was
made from): the articles that a reader could take for one another.

:func:`generate_family_pair` derives a new draft from such a draft with
:func:`~.generate.generate_pair` (edits, moves, splits and merges whose parts are
edited, deletions, and insertions of made-up text that shares the drafts'
boilerplate words), with the family :class:`~.guard.TextGuard` keeping the
truth unambiguous, and with the preamble's recitals reworded, moved, split,
condensed, deleted and inserted one by one (:mod:`.recitals`), their truth in
:attr:`~.generate.GeneratedPair.block_truth`.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from treaty_diff.align import align
from treaty_diff.model.alignment import Alignment
from treaty_diff.model.draft import BLOCK_SEPARATOR, Block, Draft, Provision
from treaty_diff.testing.evaluate import Tally, evaluate, evaluate_blocks, total
from treaty_diff.testing.generate import (
    GeneratedPair,
    Item,
    Rates,
    distinct_articles,
    generate_pair,
    rebuild_article,
)
from treaty_diff.testing.guard import TextGuard
from treaty_diff.testing.recitals import RecitalChanger, RecitalRates
from treaty_diff.testing.words import Chain, vary_words, vocabulary

#: Words that make a bundled article a final or procedural clause (one of at most ``_CLAUSE_WORDS`` words).
_CLAUSE_MARKS = ("signature", "ratification", "entry into force", "depositary", "authentic", "amendment",
                 "withdraw", "duration", "dispute", "consult", "review")
_CLAUSE_WORDS = 160

#: The article-level rates of the family grid: more in-place rewording than the default, every other operation
#: at 5 %.
FAMILY_RATES = Rates(modify=0.25, move=0.05, split=0.05, merge=0.05, delete=0.05, insert=0.05)
#: The recital-level rates of the family grid.
RECITAL_RATES = RecitalRates()


@dataclass(frozen=True)
class FamilyDraft:
    """A draft made of families, and the family of each of its articles (in order)."""

    draft: Draft
    families: tuple[int, ...]


def _body(article: Provision) -> str:
    return BLOCK_SEPARATOR.join(b.body for b in article.blocks)


def _is_clause(article: Provision) -> bool:
    text = _body(article).casefold()
    return len(text.split()) <= _CLAUSE_WORDS and any(mark in text for mark in _CLAUSE_MARKS)


def _sentences(article: Provision) -> list[tuple[str, Block]]:
    """The sentences of an article of 12 to 40 words, each with its block: what an annex item is made of."""
    found = []
    for block in article.blocks:
        for sentence in re.split(r"(?<=[.;:])\s+", block.body):
            if 12 <= len(sentence.split()) <= 40:
                found.append((sentence, block))
    return found


def family_draft(sources: Sequence[Draft], articles: int, seed: int = 0) -> FamilyDraft:
    """A draft of ``articles`` articles built in parts from families of near-duplicates (see the module docstring),
    with the first source's title and conclusions and a preamble of every distinct recital of the sources."""
    rng = random.Random(seed)
    pool = distinct_articles(sources)
    clauses = [a for a in pool if _is_clause(a)]
    substantive = [a for a in pool if not _is_clause(a)]
    if not clauses or not substantive:
        raise ValueError("the sources need final clauses and substantive articles")
    sentences = [s for a in clauses for s in _sentences(a)]
    words = vocabulary(sources)
    made: list[tuple[list[Block], str | None, str, int]] = []  # blocks, heading, source eId, family
    used: set[int] = set()
    next_substantive = 0

    def copy(article: Provision, family: int, share: float) -> None:
        blocks = [replace(b, wid=None) for b in article.blocks]
        if family in used:
            blocks = [replace(b, terms=(), body=vary_words(b.body, share, rng, words)) for b in blocks]
        used.add(family)
        made.append((blocks, article.heading, article.eid, family))

    while len(made) < articles:
        for _ in range(rng.randint(2, 6)):
            k = next_substantive % len(substantive)
            copy(substantive[k], k, 0.5)
            next_substantive += 1
        if sentences and rng.random() < 0.35:
            s = rng.randrange(len(sentences))
            sentence, block = sentences[s]
            for _ in range(rng.randint(3, 8)):
                body = vary_words(sentence, rng.uniform(0.08, 0.2), rng, words)
                item = replace(block, eid="art_1", kind="paragraph", num=None, depth=0, terms=(), wid=None, body=body)
                made.append(([item], None, "art_1", len(pool) + s))
        for k in sorted(rng.sample(range(len(clauses)), min(len(clauses), rng.randint(3, 6)))):
            copy(clauses[k], len(substantive) + k, rng.uniform(0.03, 0.12))
    made = made[:articles]
    provisions = [rebuild_article(Item(blocks, (), heading, source_eid=eid), n, "arabic")
                  for n, (blocks, heading, eid, _) in enumerate(made, start=1)]
    first = sources[0]
    return FamilyDraft(
        Draft(
            meta=replace(first.meta, id=f"families-x{articles}-{seed}",
                         title=f"{first.meta.title} ({articles} articles in families)",
                         sources=tuple({s.id: s for d in sources for s in d.meta.sources}.values())),
            provisions=(*[p for p in first.provisions if p.kind == "title"], _preamble(sources), *provisions,
                        *[p for p in first.provisions if p.kind == "conclusions"]),
            origin=f"{articles} articles in families from {', '.join(d.id for d in sources)}, seed {seed}",
        ),
        tuple(family for *_, family in made),
    )


def _preamble(sources: Sequence[Draft]) -> Provision:
    """The first source's preamble opening and formula around every distinct recital of the sources, in order."""
    first = next(p for d in sources for p in d.provisions if p.kind == "preamble")
    seen: set[str] = set()
    recitals: list[Block] = []
    for draft in sources:
        for provision in draft.provisions:
            if provision.kind != "preamble":
                continue
            for block in provision.blocks:
                if block.kind == "recital" and block.body not in seen:
                    seen.add(block.body)
                    recitals.append(replace(block, eid=f"preamble__recs__rec_{len(recitals) + 1}", terms=(),
                                            wid=None))
    head = [b for b in first.blocks if b.kind == "intro"][:1]
    tail = [b for b in first.blocks if b.kind == "formula"][:1]
    return replace(first, blocks=(*head, *recitals, *tail), wid=None)


def generate_family_pair(sources: Sequence[Draft], articles: int, seed: int, edit: float = 0.2,
                         rates: Rates = FAMILY_RATES, recitals: RecitalRates = RECITAL_RATES) -> GeneratedPair:
    """A pair made from :func:`family_draft` (same seed), with ``edit`` of the words of each touched provision
    edited; the truth of the articles in ``truth``, that of the recitals in ``block_truth``."""
    made = family_draft(sources, articles, seed)
    draft = made.draft
    members: dict[int, list[int]] = {}
    for index, family in enumerate(made.families):
        members.setdefault(family, []).append(index)
    guard = TextGuard([_body(a) for a in draft.articles], lambda index: members[made.families[index]])
    changer = RecitalChanger(edit, recitals, vocabulary([draft]) or ["word"], Chain(draft))
    return generate_pair(draft, seed, replace(rates, edit=edit), guard=guard, preamble=changer)


@dataclass(frozen=True)
class CellScore:
    """The pooled scores of one cell of the grid: the articles' pairs and the recitals' pairs."""

    size: int
    edit: float
    seeds: tuple[int, ...]
    articles: Tally
    recitals: Tally
    seconds: float  # aligning only


def measure(sources: Sequence[Draft], size: int, edit: float, seeds: Sequence[int],
            aligner: Callable[[Draft, Draft], Alignment] = align) -> CellScore:
    """Align one family pair per seed and pool the scores (see :func:`generate_family_pair`)."""
    articles: list[Tally] = []
    recitals: list[Tally] = []
    seconds = 0.0
    for seed in seeds:
        pair = generate_family_pair(sources, size, seed, edit)
        started = time.perf_counter()
        found = aligner(pair.old, pair.new)
        seconds += time.perf_counter() - started
        articles.append(evaluate(found, pair.truth))
        recitals.append(evaluate_blocks(found, pair.block_truth))
    return CellScore(size, edit, tuple(seeds), total(articles), total(recitals), seconds)
