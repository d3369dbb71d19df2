"""Series of drafts with a known history, for testing and measuring :mod:`treaty_diff.history`.

:func:`generate_series` starts from a draft and makes each next version from
the one before by seeded random steps. Each step amends some articles (words
replaced, deleted, inserted, and short phrases inserted), moves, splits,
merges and deletes some, inserts new ones, and reinstates some deleted in an
earlier step (as they stood, amended now and then); the articles are numbered
again in order, which renumbers whatever follows a change. Every word carries
the version that put it there, and every article the lineage it belongs to,
so the truth is known word by word:

- **lineages**: an article that goes on (amended, moved, renumbered) stays in
  its lineage; a split goes on in its first part and each other part begins a
  lineage split off from it; a merge goes on in the first of the merged
  articles, the others end there; a reinstated article takes up the lineage
  it had when deleted (the conventions of :mod:`treaty_diff.model.history`);
- **words**: a word keeps its version until it is replaced or deleted; a word
  replaced, inserted, or in a new article takes the version of the step. A
  reinstated article's words keep the versions they had.

What a careful reader would say happened is what the generator did, as long as
edits do not make two readings equally good: a replacement word differs from
the word it replaces and from its neighbours, and an inserted word from its
neighbours; split parts and merged articles are at least a fifth of the whole;
new articles are made-up text from :func:`~treaty_diff.testing.generate.generate_pair`
(a word chain over the draft that reads like it but is none of it).

:func:`score_history` scores a :class:`~treaty_diff.model.history.History` against the truth.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

from treaty_diff.model.draft import Draft
from treaty_diff.model.history import History
from treaty_diff.read.corpus import load_draft
from treaty_diff.testing.evaluate import Ratio
from treaty_diff.testing.generate import Rates, draft_from_texts, generate_pair, scale_draft
from treaty_diff.text.tokens import is_word, tokenize

#: A word of the text as the generator edits it (a run between spaces, with its punctuation) and its version.
Word = tuple[str, int]
Paragraph = list[Word]

_LETTERS = re.compile(r"[^\W\d_]+")

#: An inserted or replacing word differs from every word this close to where it goes.
_NEAR = 8


@dataclass(frozen=True)
class SeriesPlan:
    """What each step does, in articles (at most what the draft allows): amended, moved, split, merged, deleted,
    inserted, reinstated (from those deleted in an earlier step); ``edit`` is the share of the words an amendment
    edits (at least one word), ``preamble`` the chance that a step amends the preamble too."""

    amend: int = 4
    edit: float = 0.08
    move: int = 1
    split: int = 1
    merge: int = 1
    delete: int = 1
    insert: int = 1
    reinstate: int = 1
    preamble: float = 0.3


TruthKind = Literal["split-off", "merged-into", "deleted", "reinstated"]


@dataclass(frozen=True)
class TruthEvent:
    """Something the generator did to a lineage in a version: ``other`` is the lineage it was split off from or
    merged into."""

    version: int
    kind: TruthKind
    lineage: str
    other: str | None = None


@dataclass(frozen=True)
class GeneratedSeries:
    """Drafts in order with their true history: per version, the lineage of each provision (by eId) and the
    version of each word of each block's body (by block eId, one entry per word token of the body)."""

    versions: tuple[Draft, ...]
    lineages: tuple[Mapping[str, str], ...]
    words: tuple[Mapping[str, tuple[int, ...]], ...]
    events: tuple[TruthEvent, ...]
    seed: int


@dataclass
class _Article:
    lineage: str
    paragraphs: list[Paragraph]


@dataclass
class _State:
    preamble: list[Paragraph]
    articles: list[_Article]
    graveyard: list[tuple[_Article, int]] = field(default_factory=list)  # deleted articles, and the version


#: The drafts a first version is made from: the bundled drafts of PPWT 2014, the Outer Space Treaty, the Partial
#: Test Ban Treaty and the Moon Agreement. Not ppwt-2008: it is an earlier version of ppwt-2014, and their
#: articles would stand in one draft as near duplicates, which no treaty has and no reader could tell apart.
BASE_SOURCES = ("ppwt-2014", "ost-1967", "ptbt-1963", "moon-1979")


def base_draft(articles: int, seed: int = 0) -> Draft:
    """A first version of ``articles`` articles made from :data:`BASE_SOURCES` by :func:`scale_draft`."""
    return scale_draft([load_draft(draft_id) for draft_id in BASE_SOURCES], articles, seed)


def generate_series(base: Draft, versions: int, seed: int, plan: SeriesPlan | None = None) -> GeneratedSeries:
    """``versions`` drafts: the articles and preamble of ``base`` (as plain paragraphs), then each step's."""
    if versions < 2:
        raise ValueError("a series has at least two versions")
    return _Series(base, versions, seed, plan or SeriesPlan()).run()


def _words(text: str, version: int) -> Paragraph:
    return [(chunk, version) for chunk in text.split(" ")]


def _core(chunk: str) -> str:
    """The letters of a chunk, casefolded: what two words must not share to be told apart."""
    return "".join(_LETTERS.findall(chunk)).casefold()


class _Series:
    def __init__(self, base: Draft, versions: int, seed: int, plan: SeriesPlan) -> None:
        self.base = base
        self.count = versions
        self.seed = seed
        self.plan = plan
        self.rng = random.Random(seed)
        self.vocabulary: list[str] = sorted({w.casefold() for p in base.provisions for b in p.blocks
                                  for w in _LETTERS.findall(b.body)}) or ["word"]
        self.made_up: list[list[str]] = []
        self.lineage_count = 0
        self.events: list[TruthEvent] = []

    def _lineage(self) -> str:
        self.lineage_count += 1
        return f"T{self.lineage_count}"

    def run(self) -> GeneratedSeries:
        preamble = next((p for p in self.base.provisions if p.kind == "preamble"), None)
        state = _State(
            preamble=[_words(b.body, 0) for b in preamble.blocks] if preamble else [],
            articles=[_Article(self._lineage(), [_words(b.body, 0) for b in a.blocks if b.body])
                      for a in self.base.articles],
        )
        state.articles = [a for a in state.articles if a.paragraphs]
        drafts, lineages, words = [], [], []
        for version in range(self.count):
            if version:
                self._step(state, version)
            draft, lineage_of, words_of = self._draft(state, version)
            drafts.append(draft)
            lineages.append(lineage_of)
            words.append(words_of)
        return GeneratedSeries(tuple(drafts), tuple(lineages), tuple(words), tuple(self.events), self.seed)

    # -- one version as a draft ----------------------------------------------------------------------------------

    def _draft(self, state: _State, version: int) -> tuple[Draft, dict[str, str], dict[str, tuple[int, ...]]]:
        texts = [[_text(p) for p in article.paragraphs] for article in state.articles]
        draft = draft_from_texts(f"{self.base.id}-series-{self.seed}-v{version + 1}", texts,
                                 preamble=[_text(p) for p in state.preamble])
        day = date(2000, 1, 1) + timedelta(days=30 * version)
        draft = replace(draft, meta=replace(draft.meta, title=f"{self.base.meta.title} (generated version "
                                            f"{version + 1} of series {self.seed})", date=day.isoformat()))
        lineage_of: dict[str, str] = {}
        words_of: dict[str, tuple[int, ...]] = {}
        provisions = [p for p in draft.provisions if p.kind == "article"]
        for provision, article in zip(provisions, state.articles):
            lineage_of[provision.eid] = article.lineage
            for block, paragraph in zip(provision.blocks, article.paragraphs):
                words_of[block.eid] = _word_versions(paragraph)
        for provision in draft.provisions:
            if provision.kind == "preamble":
                lineage_of[provision.eid] = "preamble"
                for block, paragraph in zip(provision.blocks, state.preamble):
                    words_of[block.eid] = _word_versions(paragraph)
        return draft, lineage_of, words_of

    # -- one step ---------------------------------------------------------------------------------------------------

    def _step(self, state: _State, version: int) -> None:
        rng, plan = self.rng, self.plan
        articles = state.articles
        free = list(range(len(articles)))
        rng.shuffle(free)
        busy: set[int] = set()

        def take(count: int, ok: Callable[[int], bool] | None = None) -> list[int]:
            chosen: list[int] = []
            for index in free:
                if len(chosen) == count:
                    break
                if index in busy or (ok is not None and not ok(index)):
                    continue
                chosen.append(index)
                busy.add(index)
            return chosen

        deleted = take(plan.delete if len(articles) > 4 else 0)
        merged: list[int] = []
        for _ in range(plan.merge):  # one at a time: an article merged into another merges nothing itself
            merged += take(1, lambda i: i + 1 < len(articles) and i + 1 not in busy)
            busy.update(i + 1 for i in merged)
        split = take(plan.split, lambda i: self._cut(articles[i]) is not None)
        moved = [articles[i] for i in take(plan.move)]
        for index in sorted(set(range(len(articles))) - set(deleted), key=lambda _: rng.random())[: plan.amend]:
            articles[index].paragraphs = self._amend(articles[index].paragraphs, version)
        if state.preamble and rng.random() < plan.preamble:
            state.preamble = self._amend(state.preamble, version)

        out: list[_Article] = []
        for index, article in enumerate(articles):
            if index in deleted:
                state.graveyard.append((article, version))
                self.events.append(TruthEvent(version, "deleted", article.lineage))
            elif index in merged:
                other = articles[index + 1]
                article.paragraphs = article.paragraphs + other.paragraphs
                self.events.append(TruthEvent(version, "merged-into", other.lineage, article.lineage))
                out.append(article)
            elif index - 1 in merged:
                continue
            elif index in split:
                parts = self._cut(article)
                assert parts is not None
                article.paragraphs = parts[0]
                out.append(article)
                for part in parts[1:]:
                    offshoot = _Article(self._lineage(), part)
                    self.events.append(TruthEvent(version, "split-off", offshoot.lineage, article.lineage))
                    out.append(offshoot)
            else:
                out.append(article)
        for article in moved:
            if article in out:
                self._move(out, article)
        for _ in range(plan.insert):
            out.insert(rng.randint(0, len(out)), _Article(self._lineage(), self._made_up(version)))
        waiting = [entry for entry in state.graveyard if entry[1] < version]
        for entry in rng.sample(waiting, min(plan.reinstate, len(waiting))):
            article = entry[0]
            state.graveyard.remove(entry)
            if rng.random() < 0.5:
                article.paragraphs = self._amend(article.paragraphs, version)
            out.insert(rng.randint(0, len(out)), article)
            self.events.append(TruthEvent(version, "reinstated", article.lineage))
        state.articles = out

    def _move(self, articles: list[_Article], article: _Article) -> None:
        """Take an article out and put it back at least two places away (when there is room)."""
        origin = articles.index(article)
        articles.pop(origin)
        places = [p for p in range(len(articles) + 1) if abs(p - origin) >= 2]
        articles.insert(self.rng.choice(places) if places else origin, article)

    def _cut(self, article: _Article) -> list[list[Paragraph]] | None:
        """The parts of a split: at a paragraph break, else at the end of a sentence; each a fifth of the words."""
        paragraphs = article.paragraphs
        sizes = [len(p) for p in paragraphs]
        total = sum(sizes)
        if total < 16:
            return None
        cuts = [k for k in range(1, len(paragraphs)) if min(sum(sizes[:k]), sum(sizes[k:])) >= 0.2 * total]
        if cuts:
            cut = cuts[len(cuts) // 2]
            return [paragraphs[:cut], paragraphs[cut:]]
        if len(paragraphs) != 1:
            return None
        words = paragraphs[0]
        ends = [k + 1 for k, (chunk, _) in enumerate(words[:-1])
                if chunk.endswith((".", ";")) and min(k + 1, len(words) - k - 1) >= 0.2 * total]
        if not ends:
            return None
        cut = ends[len(ends) // 2]
        return [[words[:cut]], [words[cut:]]]

    def _made_up(self, version: int) -> list[Paragraph]:
        """The paragraphs of a new article: made-up text, none of any version (see the module's doc)."""
        if not self.made_up:
            pair = generate_pair(self.base, self.rng.randrange(1 << 30),
                                 Rates(modify=0, move=0, split=0, merge=0, delete=0, insert=1.0))
            by_eid = {p.eid: p for p in pair.new.provisions}
            self.made_up = [[b.body for b in by_eid[t.new[0]].blocks]
                            for t in pair.truth if t.kind == "inserted"]
            self.rng.shuffle(self.made_up)
        return [_words(text, version) for text in self.made_up.pop()]

    # -- words ---------------------------------------------------------------------------------------------------

    def _amend(self, paragraphs: list[Paragraph], version: int) -> list[Paragraph]:
        """Edit ``plan.edit`` of the words (at least one): replace, delete, insert a word, or insert a phrase."""
        out = [list(p) for p in paragraphs]
        total = sum(len(p) for p in out)
        for _ in range(max(1, round(self.plan.edit * total))):
            k = self.rng.choices(range(len(out)), weights=[len(p) for p in out])[0]
            self._edit(out[k], version)
        return out

    def _edit(self, words: Paragraph, version: int) -> None:
        rng = self.rng
        action = rng.random()
        at = rng.randrange(len(words))
        if action < 0.45:
            chunk = words[at][0]
            core = _core(chunk)
            if not core:
                return
            match = _LETTERS.search(chunk)
            assert match is not None
            replacement = self._word(words, at, avoid={core}, replacing=True)
            words[at] = (chunk[: match.start()] + replacement + chunk[match.end():], version)
        elif action < 0.65:
            if len(words) > 6:
                del words[at]
        else:
            count = 1 if action < 0.85 else rng.randint(2, 4)
            for offset in range(count):
                words.insert(at + offset, (self._word(words, at + offset, avoid=set()), version))

    def _word(self, words: Paragraph, at: int, avoid: set[str], replacing: bool = False) -> str:
        """A vocabulary word unlike ``avoid`` and unlike every word within :data:`_NEAR` words of position ``at``
        (so that no other reading of the edit is as good)."""
        end = at + 1 if replacing else at
        near = {_core(chunk) for chunk, _ in words[max(0, at - _NEAR):end + _NEAR]} | avoid
        for _ in range(50):
            word = self.rng.choice(self.vocabulary)
            if word not in near:
                return word
        return "amended"


def _text(paragraph: Paragraph) -> str:
    return " ".join(chunk for chunk, _ in paragraph)


def _word_versions(paragraph: Paragraph) -> tuple[int, ...]:
    """The version of each word token of the paragraph's text (every token of a chunk has the chunk's)."""
    return tuple(version for chunk, version in paragraph for token in tokenize(chunk) if is_word(token))


# -- scoring --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesScore:
    """How a history compares with the truth.

    - ``lineages``: true lineages found exactly (the same provisions of the same versions, nothing more);
    - ``links``: provisions after the first version whose place in their lineage is right: the provision
      before them in it (or none) is the true one;
    - ``events``: splits, merges, deletions and reinstatements found (the same lineages, the same version);
      ``events_found`` how many the history reports;
    - ``words``: word tokens of the blocks' bodies, over every version, attributed to the version that put
      them there; ``words_last`` the same in the last version alone. Numbers of articles and paragraphs
      are left out: they change with every renumbering, and the generator does not edit them.
    """

    lineages: Ratio
    links: Ratio
    events: Ratio
    events_found: int
    words: Ratio
    words_last: Ratio


def score_history(history: History, series: GeneratedSeries) -> SeriesScore:
    true_sets: dict[str, set[tuple[int, str]]] = {}
    for version, mapping in enumerate(series.lineages):
        for eid, lineage in mapping.items():
            true_sets.setdefault(lineage, set()).add((version, eid))
    found_sets = {lineage.id: {(o.version, o.provision.eid) for o in lineage.occurrences}
                  for lineage in history.lineages}
    found_frozen = {frozenset(s) for s in found_sets.values()}
    exact = sum(1 for s in true_sets.values() if frozenset(s) in found_frozen)

    def before(sets: Mapping[str, set[tuple[int, str]]]) -> dict[tuple[int, str], tuple[int, str] | None]:
        out: dict[tuple[int, str], tuple[int, str] | None] = {}
        for places in sets.values():
            ordered = sorted(places)
            for index, place in enumerate(ordered):
                out[place] = ordered[index - 1] if index else None
        return out

    true_before, found_before = before(true_sets), before(found_sets)
    places = [place for place in true_before if place[0] > 0]
    links = sum(1 for place in places if found_before.get(place, ()) == true_before[place])

    truth_lineage = {place: lineage for lineage, s in true_sets.items() for place in s}
    found_events = _found_events(history, truth_lineage)
    true_events = {(e.version, e.kind, e.lineage, e.other) for e in series.events}

    words = last = Ratio(0, 0)
    for version, draft in enumerate(series.versions):
        right, total = _words_right(history, version, draft, series.words[version])
        words = Ratio(words.correct + right, words.total + total)
        last = Ratio(right, total)
    return SeriesScore(Ratio(exact, len(true_sets)), Ratio(links, len(places)),
                       Ratio(len(true_events & found_events), len(true_events)), len(found_events), words, last)


def _found_events(history: History, truth_lineage: Mapping[tuple[int, str], str]) -> set[tuple[int, str, str,
                                                                                                str | None]]:
    """The history's splits, merges, deletions and reinstatements, its lineages named by the true lineage of
    their first provision in the event's version (or, when gone, in the version before)."""
    def name(lineage_id: str, version: int) -> str:
        lineage = history.lineage(lineage_id)
        occurrence = lineage.occurrence(version) or lineage.occurrence(version - 1)
        if occurrence is None:
            earlier = [o for o in lineage.occurrences if o.version < version]
            occurrence = earlier[-1] if earlier else lineage.occurrences[0]
        return truth_lineage.get((occurrence.version, occurrence.provision.eid), "?")

    found: set[tuple[int, str, str, str | None]] = set()
    for lineage in history.lineages:
        for event in lineage.events:
            for kind in event.kinds:
                if kind in ("split-off", "merged-into"):
                    found.add((event.version, kind, name(lineage.id, event.version),
                               name(event.related[0], event.version)))
                elif kind in ("deleted", "reinstated"):
                    found.add((event.version, kind, name(lineage.id, event.version), None))
    return found


def _words_right(history: History, version: int, draft: Draft,
                 truth: Mapping[str, tuple[int, ...]]) -> tuple[int, int]:
    """Of the word tokens of the blocks' bodies of one version, how many the history gives their true version."""
    right = total = 0
    for provision in draft.provisions:
        expected_blocks = [(block, truth[block.eid]) for block in provision.blocks if block.eid in truth]
        if not expected_blocks:
            continue
        _, occurrence = history.find(version, provision.eid)
        tags = [run.version for run in occurrence.blame for _ in run.text]
        for block, expected in expected_blocks:
            position = provision.block_offsets[block.eid] + (len(block.num) + 1 if block.num else 0)
            found = []
            for token in tokenize(block.body):
                if is_word(token):
                    found.append(tags[position])
                position += len(token)
            total += len(expected)
            right += sum(1 for a, b in zip(found, expected) if a == b)
    return right, total
