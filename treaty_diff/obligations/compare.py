"""Obligations compared between two drafts: which clause became which, and whether it binds more or less.

:func:`compare_obligations` takes a *reference* draft (``old``) and an *other*
draft (``new``), extracts the deontic clauses of both
(:func:`~treaty_diff.obligations.extract_obligations`) and gives every clause of
the reference draft its counterpart in the other, or none. Everything is
rule-based; nothing looks at a draft id or an eId.

Pairing
=======
*Candidates.* Only clauses of provisions the aligner paired
(:func:`~treaty_diff.align.align`; a split or a merge pairs all its parts) can
be counterparts. A clause of a deleted article is dropped, one of an inserted
article is added.

*Score.* Each candidate pair is scored from the words of the two actions (Dice
coefficient over content words, endings such as "-s", "-ed", "-ing" cut, "any
kind(s) of" read as "any"; 0.6 of it from the actions alone, 0.4 from the
actions with their conditions, so that a condition worded into the clause still
counts), whether the main verbs agree, whether the bearers are the same parties,
whether the two clauses stand in paragraphs the aligner paired, and whether the
modality is the same. Identical quotes with the same modality and bearer score
1. A pair needs some shared wording (Dice >= 0.25, or >= 0.15 with the same
verb) and a score >= 0.35.

*One to one, then merges.* Pairs are taken best first, each clause once. Then a
clause left over may join a clause already paired on the other side when it has
the same modality, the same verb and the same parties, and shares words with it
(Dice >= 0.3): several clauses of one draft *merged* into one of the other
("not to place ... in orbit", "not to place ... in any other manner" ->
"not place any weapons in outer space"), or one *split* into several. A
clause is never the hub of a merge and a leaf of a split at once. Every step
ranks pairs by a key that does not depend on which draft is the reference, so
comparing B against A gives the same pairs as A against B.

Judging a pair
==============
*Force.* A clause's force is how much it binds its bearer. The modalities are
ordered (the scale):

    obligation = prohibition (3)  >  recommendation (2)  >  permission = right (1)

A pair whose modality moves down the scale is **weakened** ("shall" -> "may",
"shall not" -> "should not", a prohibition -> a permission); up the scale,
**strengthened** ("may" -> "shall"). A change of modality decides the status on
its own; the other findings are listed as reasons. A prohibition that becomes an
obligation (or a permission a right) keeps its rank: **changed**, with the
reversal as the reason.

*Scope.* With the same rank, the status comes from whether the clause got
narrower or wider. A duty (obligation, prohibition, recommendation) narrowed
binds less: **weakened**; widened: **strengthened**. A freedom (permission,
right) works the other way: narrowing a permission or a right leaves the
bearer less free, so the clause binds more (**strengthened**), and widening a
savings clause or a permission binds less (**weakened**). What narrows:

- a *condition* added (``if``, ``unless``, ``when``, ``where``, ``upon``,
  ``provided that``, ``in the event of``, ``subject to``, ``only``, ``except``,
  or a relative clause qualifying the bearer: "which has reason to believe");
  a condition removed widens. Conditions of the two clauses are paired by their
  words; a paired condition whose words differ is *reworded* (no direction:
  "the condition 'if the dispute is not settled' becomes 'if the dispute is not
  resolved through consultations and cooperation'"), one with the same words in
  another order is the same. A condition whose words stand in the other
  clause itself ("In the event of a dispute ..., the States Parties shall" ->
  "Disputes ... shall be resolved") is not added or removed, only worded into
  the clause. Stated purposes ("with a view to", "for the purpose of", "in order
  to") and other phrases (the manner, "in exercising its national sovereignty")
  never narrow: their changes are reported without a direction;
- the *bearer* narrowed: the same parties with a qualifier added ("States
  Parties" -> "States Parties concerned", "any State" -> "any State Party").
  Determiners and number do not count: "States Parties", "each State Party",
  "any of the States Parties", "the States Parties to this Treaty" are the
  same parties. An added "and ..." widens the bearer; a different bearer, or a
  bearer named where none was (or the reverse), is reported without a
  direction;
- the *action* narrowed or widened, by these cues, each read in both
  directions (added as said, removed the other way):

  - an intensifier added widens a duty: "all necessary", "all appropriate",
    "every effort", "fully", "strictly", "promptly", "immediately", "without
    delay" ("take measures" -> "take all necessary measures");
  - "including ..." added widens;
  - a hedge added narrows ("as appropriate", "where feasible", "to the extent
    possible", "on a voluntary basis", "endeavour to", "in accordance with its
    national legislation", ...), in the action or as a phrase of its own, and
    so does a limiter ("only", "solely", "exclusively", "merely");
  - when none of these cues is found and the new wording only *adds* words to
    the old (nothing removed, word order aside), each added run of words is a
    qualifier that narrows ("outer space objects" -> "outer space objects of
    States Parties to the Treaty", "any weapons" -> "weapons of mass
    destruction"), unless it adds an alternative: a run beginning or ending
    with "and" / "or" ("confidence-building measures" -> "transparency and
    confidence-building measures") widens. Only removing words is read the
    other way round. Runs of function words alone ("in", "to") do not count.
    Articles, "such"/"these"/"those"/"said", universal words and catch-alls
    ("any", "all", "every", "any kind of", "in any other manner",
    "whatsoever") and "to this Treaty" after "Parties" are left aside: a bare
    plural is general already, so "any weapons" and "weapons" have the same
    scope. Other rewording has no direction: it is quoted ("wording amended:
    'prohibited by' becomes 'inconsistent with ...'").

If the findings pull both ways, the status is **changed** and every finding is
listed. A pair with a difference of any kind (the quote too, to the letter,
white space aside) but no direction is **changed** ("unchanged in force"); a
pair with none is **unchanged**. A clause without a counterpart is **dropped**
(reference draft only) or **added** (other draft only).

Order and reasons
=================
Changes follow the reference draft's clause order. An added clause stands at
the place of its provision: after every reference clause of the provisions the
alignment reads before its own (the other draft's order, a deleted provision at
its old place), and after the counterpart of the clause before it in its own
provision. A reference clause split into several has one change per
counterpart. Each change has a one-line ``headline`` ("Article VII(2):
'may refer it to the executive organization ...' is unchanged in force") and
``reasons``, one line each, in a reader's words; ``summary`` joins them.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from treaty_diff.align import align
from treaty_diff.diff import DiffOptions, change_runs, diff_texts
from treaty_diff.model.alignment import Alignment, BlockPair, ChangeKind, ProvisionPair
from treaty_diff.model.draft import Draft, Provision
from treaty_diff.model.obligations import (
    UNSPECIFIED,
    ConditionKind,
    Modality,
    Obligation,
    ObligationChange,
    ObligationComparison,
    Status,
)
from treaty_diff.obligations.extract import ExtractionMemo, extract_obligations
from treaty_diff.text.tokens import obligation_words, stem, word_matches

#: How much each modality binds its bearer: the scale that decides weakened and strengthened.
FORCE: dict[Modality, int] = {"obligation": 3, "prohibition": 3, "recommendation": 2, "permission": 1, "right": 1}
#: Modalities that grant a freedom: narrowing them binds the bearer more.
FREEDOMS: frozenset[Modality] = frozenset({"permission", "right"})

# Pairing thresholds (see the module docstring).
_MIN_DICE = 0.25
_MIN_DICE_SAME_VERB = 0.15
_MIN_SCORE = 0.35
_MIN_MERGE_DICE = 0.3
_NEAREST_DICE = 0.2
_DIFF_OPTIONS = DiffOptions(ignore_case=True)


# -- words --------------------------------------------------------------------------------------------

_ARTICLES = frozenset({"the", "a", "an"})
_FUNCTION = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "under", "around",
    "and", "or", "and/or", "nor", "but", "as", "such", "its", "their", "his", "her", "it", "them", "they", "this",
    "that", "these", "those", "which", "who", "whom", "whose", "any", "all", "every", "each", "other", "not", "no",
    "be", "is", "are", "been", "being", "shall", "may", "must", "should", "will", "would", "thereof", "therein",
})
_UNIVERSAL_PHRASES = re.compile(
    r"\b(?:any|all|every)\s+(?:kinds?|types?|sorts?)\s+of\b|\b(?:of\s+)?(?:any|every)\s+(?:kind|type|sort)\b"
    r"|\bin\s+any\s+(?:other\s+)?(?:manner|way|form)\b|\bby\s+any\s+(?:other\s+)?means\b|\bwhatsoever\b",
    re.IGNORECASE,
)
#: Words that do not change a clause's scope: articles, anaphors, universal words (a bare plural is general already).
_TRANSPARENT = frozenset({"the", "a", "an", "such", "these", "those", "said", "any", "all", "every"})
#: "States Parties to this Treaty" names the same parties as "States Parties".
_PARTIES_TO = re.compile(
    r"\b(Part(?:y|ies))\s+to\s+(?:this|the\s+present|the)\s+(?:Treaty|Agreement|Convention|Protocol)\b", re.IGNORECASE)
_INTENSIFIERS = re.compile(
    r"\ball\s+(?:necessary|appropriate|possible|feasible|practicable|effective)\b|\bevery\s+(?:effort|possible)\b"
    r"|\bfully\b|\bstrictly\b|\bpromptly\b|\bimmediately\b|\bwithout\s+delay\b",
    re.IGNORECASE,
)
_HEDGES = re.compile(
    r"\b(?:as|where|when|if)\s+appropriate\b|\b(?:as\s+far\s+as|to\s+the\s+(?:extent|degree))\s+"
    r"(?:possible|practicable|feasible)\b|\b(?:where|when|if)\s+(?:possible|feasible|practicable)\b"
    r"|\bin\s+principle\b|\bon\s+a\s+voluntary\s+basis\b|\bvoluntarily\b|\bendeavou?rs?\s+to\b"
    r"|\bmake\s+(?:every|all\s+possible)\s+efforts?\b|\bbest\s+efforts\b|\bstrives?\s+to\b|\bseeks?\s+to\b"
    r"|\bin\s+accordance\s+with\s+(?:its|their)\s+national\s+(?:laws?|legislation)\b",
    re.IGNORECASE,
)
_LIMITERS = re.compile(r"\b(?:only|solely|exclusively|merely)\b", re.IGNORECASE)
_INCLUDING = re.compile(r"\bincluding\b(?:\s+(?!(?:and|or|of|to|in|the)\b)[^\s,;]+){0,3}", re.IGNORECASE)
_COORDINATORS = frozenset({"and", "or", "and/or"})
_CUES = re.compile("|".join(f"(?:{p.pattern})" for p in (_INTENSIFIERS, _HEDGES, _LIMITERS, _INCLUDING)),
                   re.IGNORECASE)

_RESTRICTIVE = re.compile(
    r"^(?:if|unless|when|whenever|where|wherever|upon|on\s+condition|provided|in\s+the\s+event|in\s+case|once"
    r"|until|as\s+soon\s+as|subject\s+to|only|except|save|which|who|whom|whose|that)\b",
    re.IGNORECASE,
)
_PURPOSE = re.compile(
    r"^(?:with\s+a\s+view\s+to|for\s+the\s+purposes?\s+of|in\s+order\s+(?:to|that)|so\s+as\s+to|so\s+that"
    r"|with\s+the\s+aim\s+of|to\s+\w+)\b",
    re.IGNORECASE,
)



@functools.lru_cache(maxsize=1 << 16)
def _lemma(word: str) -> str:
    """The stem of a casefolded word, verbal and plural endings cut (cached: a draft repeats its words, and every
    clause is read several times)."""
    return stem(word, inflections=True)


def _without_articles(text: str) -> Counter[str]:
    return Counter(w for w in obligation_words(text) if w not in _ARTICLES)


def _content(text: str) -> Counter[str]:
    """The content words of a text, for similarity: universal phrases folded, function words dropped."""
    folded = _UNIVERSAL_PHRASES.sub(" any ", text)
    return Counter(_lemma(w) for w in obligation_words(folded) if w not in _FUNCTION)


def _dice(a: Counter[str], b: Counter[str]) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 1.0


def _verb_key(verb: str) -> str:
    """The main verb with its ending cut: "be resolved" and "resolve" agree, so do "placed" and "place"."""
    words = [w for w in verb.casefold().split() if w not in {"be", "not"}]
    return _lemma(words[0]) if words else verb.casefold()


def _bearer_key(bearer: str) -> tuple[str, ...]:
    """The parties a bearer names, apart from determiners and number: "each State Party" -> ("party", "state")."""
    if bearer == UNSPECIFIED:
        return ()
    drop = {"each", "any", "every", "all", "the", "a", "an", "of", "both", "either", "one", "such"}
    return tuple(sorted(_lemma(word) for word in bearer.casefold().split() if word not in drop))


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


# -- clause features ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Clause:
    """An obligation with what pairing and judging read from it."""

    ob: Obligation
    index: int
    order: tuple[int, int, int]
    label: str
    words: Counter[str]  # content words of the action (and of the subject of a passive)
    full: Counter[str]  # the same with the conditions' words
    verb: str
    bearer: tuple[str, ...]

    @property
    def text(self) -> str:
        return _clause_text(self.ob)

    @property
    def phrase(self) -> str:
        """How the clause is named in a reason: from its marker to the end ("shall not place any weapons ..."),
        the action alone after a long marker ("Nothing in this Treaty ..."), or the quote when the action comes first
        ("The establishment of military bases ... shall be forbidden")."""
        ob = self.ob
        at = ob.quote.find(ob.marker)
        if len(ob.marker) > 24:
            return _short(ob.action)
        if at >= 0 and ob.action in ob.quote[at:]:
            return _short(ob.quote[at:])
        return _short(ob.quote)


def _where(provision: Provision, block_eid: str) -> str:
    """"Article VII(2)", "Article VI(1)(a)": the provision and the numbers of the paragraphs leading to a block."""
    nums: list[str | None] = []
    for block in provision.blocks:
        nums = [*nums[: block.depth], *([None] * (block.depth - len(nums))), block.num]
        if block.eid == block_eid:
            break
    parts = "".join(f"({n.strip('.() ')})" for n in nums if n and n.strip(".() "))
    return f"{provision.label}{parts}"


def _clause_text(ob: Obligation) -> str:
    """The action, with the subject of a passive or impersonal clause in front when the action leaves it out."""
    return f"{ob.object} {ob.action}" if ob.object and ob.object not in ob.action else ob.action


def _clauses(draft: Draft, memo: ExtractionMemo) -> list[_Clause]:
    order = {p.eid: i for i, p in enumerate(draft.provisions)}
    provisions = {p.eid: p for p in draft.provisions}
    out = []
    for index, ob in enumerate(extract_obligations(draft, memo)):
        words = _content(_clause_text(ob))
        out.append(_Clause(ob, index, (order[ob.eid], ob.start, ob.end), _where(provisions[ob.eid], ob.block),
                           words, words + _content(" ".join(ob.conditions)), _verb_key(ob.verb),
                           _bearer_key(ob.bearer)))
    return out


# -- pairing ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    a: _Clause  # reference side
    b: _Clause  # other side
    dice: float
    score: float

    @property
    def rank(self) -> tuple[float, str, str, tuple[int, int, int], tuple[int, int, int]]:
        """Best first; ties broken by the two quotes and places, whichever draft is the reference."""
        quotes = sorted((self.a.ob.quote, self.b.ob.quote))
        places = sorted((self.a.order, self.b.order))
        return -self.score, quotes[0], quotes[1], places[0], places[1]


def _bearer_relation(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if a == b:
        return 1.0
    if a and b and (set(a) <= set(b) or set(b) <= set(a)):
        return 0.5
    return 0.0


def _score(a: _Clause, b: _Clause, same_block: bool) -> tuple[float, float]:
    if (_same_text(a.ob.quote, b.ob.quote) and a.ob.modality == b.ob.modality and a.bearer == b.bearer
            and a.ob.conditions == b.ob.conditions):
        return 1.0, 1.0
    dice = 0.6 * _dice(a.words, b.words) + 0.4 * _dice(a.full, b.full)
    score = (0.55 * dice + 0.2 * (a.verb == b.verb) + 0.1 * _bearer_relation(a.bearer, b.bearer)
             + 0.1 * same_block + 0.05 * (a.ob.modality == b.ob.modality))
    return dice, score


def _acceptable(c: _Candidate) -> bool:
    shared = c.dice >= _MIN_DICE or (c.a.verb == c.b.verb and c.dice >= _MIN_DICE_SAME_VERB)
    return shared and c.score >= _MIN_SCORE


def _candidates(alignment: Alignment, ref: list[_Clause], other: list[_Clause]) -> list[_Candidate]:
    by_eid_ref: dict[str, list[_Clause]] = {}
    for clause in ref:
        by_eid_ref.setdefault(clause.ob.eid, []).append(clause)
    by_eid_other: dict[str, list[_Clause]] = {}
    for clause in other:
        by_eid_other.setdefault(clause.ob.eid, []).append(clause)
    out = []
    for pair in alignment.pairs:
        if not pair.old or not pair.new:
            continue
        block_of_ref = {eid: n for n, bp in enumerate(pair.blocks) for eid in bp.old}
        block_of_other = {eid: n for n, bp in enumerate(pair.blocks) for eid in bp.new}
        lefts = [c for eid in pair.old for c in by_eid_ref.get(eid, [])]
        rights = [c for eid in pair.new for c in by_eid_other.get(eid, [])]
        for a in lefts:
            for b in rights:
                same_block = block_of_ref.get(a.ob.block, -1) == block_of_other.get(b.ob.block, -2)
                dice, score = _score(a, b, same_block)
                out.append(_Candidate(a, b, dice, score))
    return out


@dataclass
class _Matching:
    """Edges between reference clauses (by index) and other clauses (by index)."""

    partners_ref: dict[int, list[int]] = field(default_factory=dict)
    partners_other: dict[int, list[int]] = field(default_factory=dict)
    edges: dict[tuple[int, int], _Candidate] = field(default_factory=dict)

    def add(self, c: _Candidate) -> None:
        self.partners_ref.setdefault(c.a.index, []).append(c.b.index)
        self.partners_other.setdefault(c.b.index, []).append(c.a.index)
        self.edges[(c.a.index, c.b.index)] = c


def _match(candidates: list[_Candidate]) -> _Matching:
    matching = _Matching()
    ranked = sorted((c for c in candidates if _acceptable(c)), key=lambda c: c.rank)
    for c in ranked:
        if c.a.index not in matching.partners_ref and c.b.index not in matching.partners_other:
            matching.add(c)
    # Merges and splits: a clause left over joins a paired clause of the other side that says the same thing.
    merges = sorted(
        (c for c in candidates
         if c.a.ob.modality == c.b.ob.modality and c.a.verb == c.b.verb and c.a.bearer == c.b.bearer
         and c.dice >= _MIN_MERGE_DICE
         and ((c.a.index in matching.partners_ref) != (c.b.index in matching.partners_other))),
        key=lambda c: c.rank,
    )
    for c in merges:
        a_taken = c.a.index in matching.partners_ref
        b_taken = c.b.index in matching.partners_other
        if a_taken == b_taken:
            continue
        if b_taken:  # c.a joins c.b: c.b becomes (or is) the hub of a merge; its partner must not be a hub itself
            partners = matching.partners_other[c.b.index]
            if len(partners) == 1 and len(matching.partners_ref[partners[0]]) > 1:
                continue
        else:  # c.b joins c.a: a split
            partners = matching.partners_ref[c.a.index]
            if len(partners) == 1 and len(matching.partners_other[partners[0]]) > 1:
                continue
        matching.add(c)
    return matching


# -- judging a pair ------------------------------------------------------------------------------------

_Direction = Literal[-1, 0, 1]
_WAY = {True: "widens", False: "narrows"}
_SIGN: dict[bool, _Direction] = {True: 1, False: -1}


@dataclass(frozen=True)
class _Finding:
    """One difference: ``scope`` is -1 narrowed, +1 widened, 0 none; ``force`` is set for a change of rank."""

    text: str
    scope: _Direction = 0
    force: _Direction = 0


_MODALITY_WORDS: dict[Modality, str] = {
    "obligation": "an obligation", "prohibition": "a prohibition", "recommendation": "a recommendation",
    "permission": "a permission", "right": "a right",
}


def _modality_finding(a: Obligation, b: Obligation) -> _Finding | None:
    if a.modality == b.modality:
        return None
    what = (f"{_MODALITY_WORDS[a.modality]} ('{_short(a.marker, 40)}') becomes "
            f"{_MODALITY_WORDS[b.modality]} ('{_short(b.marker, 40)}')")
    rank_a, rank_b = FORCE[a.modality], FORCE[b.modality]
    if rank_a == rank_b:
        return _Finding(f"{what}, of the same force")
    direction: _Direction = 1 if rank_b > rank_a else -1
    return _Finding(f"{what}, which binds {'more' if direction > 0 else 'less'}", force=direction)


def _bearer_finding(a: Obligation, b: Obligation) -> _Finding | None:
    if a.bearer == b.bearer:
        return None
    key_a, key_b = _bearer_key(a.bearer), _bearer_key(b.bearer)
    if not key_a or not key_b:
        if not key_b:
            return _Finding(f"the clause no longer names who bears it (it was {a.bearer})")
        return _Finding(f"the clause now names who bears it: {b.bearer}")
    if key_a == key_b:
        return _Finding(f"the bearer '{a.bearer}' becomes '{b.bearer}' (the same parties)")
    added = Counter(key_b) - Counter(key_a)
    removed = Counter(key_a) - Counter(key_b)
    if added and not removed:
        if _COORDINATORS & set(added):
            return _Finding(f"the bearer is widened: '{a.bearer}' becomes '{b.bearer}'", scope=1)
        return _Finding(f"the bearer is narrowed: '{a.bearer}' becomes '{b.bearer}'", scope=-1)
    if removed and not added:
        if _COORDINATORS & set(removed):
            return _Finding(f"the bearer is narrowed: '{a.bearer}' becomes '{b.bearer}'", scope=-1)
        return _Finding(f"the bearer is widened: '{a.bearer}' becomes '{b.bearer}'", scope=1)
    return _Finding(f"now borne by {b.bearer} instead of {a.bearer}")


def condition_kind(condition: str) -> ConditionKind:
    """Whether a condition phrase restricts when the clause applies, states a purpose, or is something else."""
    text = condition.strip()
    if _RESTRICTIVE.match(text):
        return "condition"
    if _HEDGES.search(text):
        return "hedge"
    if _PURPOSE.match(text):
        return "purpose"
    return "other"


_KIND_WORDS: dict[ConditionKind, str] = {"condition": "the condition", "hedge": "the hedge",
                                         "purpose": "the stated purpose", "other": "the phrase"}


def _condition_findings(a: _Clause, b: _Clause) -> list[_Finding]:
    olds = list(a.ob.conditions)
    news = list(b.ob.conditions)
    findings: list[_Finding] = []
    pairs: list[tuple[int, int]] = []
    taken_new: set[int] = set()
    ranked = sorted(
        ((-_dice(_content(x), _content(y)), i, j) for i, x in enumerate(olds) for j, y in enumerate(news)
         if condition_kind(x) == condition_kind(y)),
    )
    taken_old: set[int] = set()
    for negative, i, j in ranked:
        if i in taken_old or j in taken_new:
            continue
        alone = (sum(1 for x in olds if condition_kind(x) == condition_kind(olds[i])) == 1
                 and sum(1 for y in news if condition_kind(y) == condition_kind(news[j])) == 1)
        if -negative >= 0.3 or alone:
            pairs.append((i, j))
            taken_old.add(i)
            taken_new.add(j)
    for i, j in sorted(pairs):
        x, y = olds[i], news[j]
        if _without_articles(x) == _without_articles(y):
            continue
        findings.append(_Finding(f"{_KIND_WORDS[condition_kind(x)]} '{x}' becomes '{y}'"))
    # The words of each whole clause, read only when a condition is left unpaired (most pairs have none).
    in_new = functools.cache(lambda: _content(f"{b.ob.quote} {b.ob.object}"))
    in_old = functools.cache(lambda: _content(f"{a.ob.quote} {a.ob.object}"))
    for i, x in enumerate(olds):
        if i in taken_old:
            continue
        kind = condition_kind(x)
        if kind == "hedge":
            findings.append(_Finding(f"the hedge '{x}' is removed: the scope widens", scope=1))
        elif kind == "condition" and not _absorbed(x, in_new()):
            findings.append(_Finding(f"the condition '{x}' is removed", scope=1))
        else:
            note = " (its words are now part of the clause)" if kind == "condition" else ""
            findings.append(_Finding(f"{_KIND_WORDS[kind]} '{x}' is left out{note}"))
    for j, y in enumerate(news):
        if j in taken_new:
            continue
        kind = condition_kind(y)
        if kind == "hedge":
            findings.append(_Finding(f"the hedge '{y}' is added: the scope narrows", scope=-1))
        elif kind == "condition" and not _absorbed(y, in_old()):
            findings.append(_Finding(f"the condition '{y}' is added", scope=-1))
        else:
            note = " (its words were part of the clause)" if kind == "condition" else ""
            findings.append(_Finding(f"{_KIND_WORDS[kind]} '{y}' is added{note}"))
    return findings


def _absorbed(condition: str, clause_words: Counter[str]) -> bool:
    """Whether most content words of a condition stand in the other clause itself."""
    words = _content(condition)
    if not words:
        return False
    return sum((words & clause_words).values()) >= 2 / 3 * sum(words.values())


def _count(pattern: re.Pattern[str], text: str) -> Counter[str]:
    return Counter(" ".join(m.group().casefold().split()) for m in pattern.finditer(text))


def _action_findings(a: _Clause, b: _Clause) -> list[_Finding]:
    """Findings about the action: the cues of the module docstring, then pure additions or removals."""
    text_a, text_b = a.text, b.text
    if _same_text(text_a.casefold(), text_b.casefold()):
        return []
    findings: list[_Finding] = []
    for pattern, narrows, what in ((_INTENSIFIERS, False, "intensifier"), (_HEDGES, True, "hedge"),
                                   (_LIMITERS, True, "limiter"), (_INCLUDING, False, "inclusion")):
        found_a, found_b = _count(pattern, text_a), _count(pattern, text_b)
        for phrase in sorted((found_b - found_a).keys()):
            widens = not narrows
            findings.append(_Finding(f"the {what} '{phrase}' is added: the scope {_WAY[widens]}", _SIGN[widens]))
        for phrase in sorted((found_a - found_b).keys()):
            findings.append(_Finding(f"the {what} '{phrase}' is removed: the scope {_WAY[narrows]}", _SIGN[narrows]))
    if not findings:
        findings.extend(_pure_findings(text_a, text_b))
        if findings:
            return findings
    recast = text_a != a.ob.action or text_b != b.ob.action  # a passive: show the clauses, not the actions
    before, after = (a.ob.quote, b.ob.quote) if recast else (text_a, text_b)
    if findings:  # the cues are reported already: the rest of the rewording, if any
        before, after = (" ".join(_CUES.sub(" ", t).split()) for t in (before, after))
    amended = _amended(before, after)
    return findings + ([_Finding(amended)] if amended else [])


def _pure_findings(text_a: str, text_b: str) -> list[_Finding]:
    """When one text only adds words to the other (word order aside): each added run qualifies or adds an alternative.

    Runs of function words alone ("in", "to") say nothing about scope and are skipped.
    """
    text_a, text_b = (_PARTIES_TO.sub(r"\1", _UNIVERSAL_PHRASES.sub(" ", t)) for t in (text_a, text_b))
    spans_a = [m for m in word_matches(text_a) if m.group().casefold() not in _TRANSPARENT]
    spans_b = [m for m in word_matches(text_b) if m.group().casefold() not in _TRANSPARENT]
    keys_a = [_lemma(m.group().casefold()) for m in spans_a]
    keys_b = [_lemma(m.group().casefold()) for m in spans_b]
    count_a, count_b = Counter(keys_a), Counter(keys_b)
    if count_a == count_b:
        return []
    if not count_a - count_b:
        shorter, longer, spans, text, grow = keys_a, keys_b, spans_b, text_b, True
    elif not count_b - count_a:
        shorter, longer, spans, text, grow = keys_b, keys_a, spans_a, text_a, False
    else:
        return []
    surplus = Counter(longer) - Counter(shorter)
    blocks = difflib.SequenceMatcher(a=shorter, b=longer, autojunk=False).get_matching_blocks()
    matched = {block.b + k for block in blocks for k in range(block.size)}
    runs: list[list[int]] = []
    current: list[int] = []
    for index, key in enumerate(longer):
        if index not in matched and surplus[key] > 0:
            surplus[key] -= 1
            current.append(index)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    findings = []
    for run in runs:
        words = [longer[i] for i in run]
        if all(w in _FUNCTION for w in words):
            continue
        phrase = text[spans[run[0]].start(): spans[run[-1]].end()]
        if words[0] in _COORDINATORS or words[-1] in _COORDINATORS:
            findings.append(_Finding(
                f"the alternative '{phrase}' is {'added' if grow else 'removed'}: the scope "
                f"{'widens' if grow else 'narrows'}", scope=1 if grow else -1))
        else:
            findings.append(_Finding(
                f"the qualifier '{phrase}' is {'added' if grow else 'removed'}: the scope "
                f"{'narrows' if grow else 'widens'}", scope=-1 if grow else 1))
    return findings


def _amended(text_a: str, text_b: str) -> str | None:
    """"wording amended: 'x' becomes 'y', ..." for the first few differing stretches of two texts (case aside).

    Each stretch is widened to whole words ("'or' becomes 'and/or'", not "'and/' is added").
    """
    segments = list(diff_texts(text_a, text_b, _DIFF_OPTIONS))
    parts: list[str] = []
    for start, index in change_runs(segments):
        before = segments[start - 1].text if start > 0 else ""
        after = segments[index].text if index < len(segments) else ""
        deleted = "".join(s.text for s in segments[start:index] if s.op == "delete")
        inserted = "".join(s.text for s in segments[start:index] if s.op == "insert")
        changed = deleted or inserted
        prefix = before.split()[-1] if before[-1:].strip() and changed[:1].strip() else ""
        suffix = after.split()[0] if after[:1].strip() and changed[-1:].strip() else ""
        old = _short(f"{prefix}{deleted}{suffix}".strip(" ,;:"), 60)
        new = _short(f"{prefix}{inserted}{suffix}".strip(" ,;:"), 60)
        if old and new:
            parts.append(f"'{old}' becomes '{new}'")
        elif deleted:
            parts.append(f"'{old}' is left out")
        elif inserted:
            parts.append(f"'{new}' is added")
    if not parts:
        return None
    more = f" (and {len(parts) - 3} more)" if len(parts) > 3 else ""
    return "wording amended: " + ", ".join(parts[:3]) + more


def _judge(a: _Clause, b: _Clause) -> tuple[Status, list[str], int]:
    """The status of a pair, its reasons (those that decide first), and how many reasons decide."""
    findings: list[_Finding] = []
    modality = _modality_finding(a.ob, b.ob)
    if modality:
        findings.append(modality)
    bearer = _bearer_finding(a.ob, b.ob)
    if bearer:
        findings.append(bearer)
    findings.extend(_condition_findings(a, b))
    findings.extend(_action_findings(a, b))
    if not findings and not _same_text(a.ob.quote, b.ob.quote):
        amended = _amended(a.ob.quote, b.ob.quote)
        findings.append(_Finding(amended or "the wording differs in punctuation or spacing"))
    if not findings:
        return "unchanged", ["the same modality, bearer, conditions and wording"], 0
    findings.sort(key=lambda f: (not f.force, not f.scope))  # stable: the deciding findings first
    deciding = sum(1 for f in findings if f.force or f.scope)
    freedom = b.ob.modality in FREEDOMS
    reasons = [f.text + (_freedom_note(f.scope) if freedom and f.scope else "") for f in findings]
    if modality and modality.force:
        return ("strengthened" if modality.force > 0 else "weakened"), reasons, deciding
    directions = {(-f.scope if freedom else f.scope) for f in findings if f.scope}
    if directions == {1}:
        return "strengthened", reasons, deciding
    if directions == {-1}:
        return "weakened", reasons, deciding
    if directions:
        reasons.insert(deciding, "these changes pull in opposite directions, so the clause is not ranked")
    return "changed", reasons, 0


def _freedom_note(scope: int) -> str:
    return (" (a narrower freedom binds the bearer more)" if scope < 0
            else " (a wider freedom binds the bearer less)")


# -- the comparison ----------------------------------------------------------------------------------


def reverse_alignment(alignment: Alignment) -> Alignment:
    """The same alignment read the other way: old and new swapped, inserted <-> deleted, split <-> merged."""
    flip: dict[ChangeKind, ChangeKind] = {"inserted": "deleted", "deleted": "inserted", "split": "merged",
                                          "merged": "split", "unchanged": "unchanged", "modified": "modified"}
    pairs = tuple(
        ProvisionPair(flip[p.kind], p.new, p.old, p.renumbered, p.moved, p.similarity,
                      tuple(BlockPair(flip[b.kind], b.new, b.old, b.renumbered, b.moved, b.similarity)
                            for b in p.blocks), p.evidence)
        for p in alignment.pairs
    )
    return Alignment(alignment.new, alignment.old, pairs, ())


def compare_obligations(old: Draft, new: Draft, alignment: Alignment | None = None) -> ObligationComparison:
    """Every clause of ``old`` (the reference draft) with its counterpart in ``new``, and the clauses ``new`` adds.

    ``alignment`` must be ``align(old, new)`` (computed when not given); to use
    ``new`` as the reference with an alignment at hand, pass
    ``reverse_alignment(alignment)``.
    """
    if alignment is None:
        alignment = align(old, new)
    elif alignment.old.id != old.id or alignment.new.id != new.id:
        raise ValueError(f"the alignment is of {alignment.old.id} -> {alignment.new.id}, not {old.id} -> {new.id}")
    memo: ExtractionMemo = {}  # the articles the drafts share word for word are read once
    ref = _clauses(old, memo)
    other = ref if new is old else _clauses(new, memo)  # a draft compared with itself is read once
    candidates = _candidates(alignment, ref, other)
    near_of: dict[int, list[_Candidate]] = {}  # each reference clause's candidates that share some wording
    for candidate in candidates:
        if candidate.dice >= _NEAREST_DICE:
            near_of.setdefault(candidate.a.index, []).append(candidate)
    matching = _match(candidates)
    fate_old = _fates(alignment, old, new, side=0)
    fate_new = _fates(alignment, old, new, side=1)

    # Sort keys: (place in the reference draft, 0 for a reference clause / 1 for an added one, place in the other).
    nowhere = (-1, -1, -1)
    keyed: list[tuple[tuple[tuple[int, int, int], int, tuple[int, int, int]], ObligationChange]] = []
    anchor_of: dict[int, tuple[int, int, int]] = {}
    for a in ref:
        partners = matching.partners_ref.get(a.index, [])
        if not partners:
            keyed.append(((a.order, 0, nowhere), _dropped(a, new, near_of.get(a.index, []), fate_old)))
            continue
        for b_index in sorted(partners, key=lambda j: other[j].order):
            b = other[b_index]
            edge = matching.edges[(a.index, b_index)]
            shared = len(partners) > 1 or len(matching.partners_other[b_index]) > 1
            keyed.append(((a.order, 0, b.order), _paired(a, b, edge, shared, matching, ref, other, new)))
            anchor_of[b_index] = max(anchor_of.get(b_index, nowhere), a.order)
    # An added clause comes after every reference clause of the provisions read before its own (the alignment's
    # reading order: the other draft's order, a deleted provision at its old place), and after the counterpart
    # of the clause before it in its own provision.
    pair_of = {eid: k for k, pair in enumerate(alignment.pairs) for eid in pair.new}
    latest: dict[str, tuple[int, int, int]] = {}  # the last reference clause of each provision
    for a in ref:
        latest[a.ob.eid] = max(latest.get(a.ob.eid, nowhere), a.order)
    before: list[tuple[int, int, int]] = []
    last = nowhere
    for pair in alignment.pairs:
        before.append(last)
        last = max([last, *(latest[eid] for eid in pair.old if eid in latest)])
    within: dict[int, tuple[int, int, int]] = {}
    for b in other:
        k = pair_of[b.ob.eid]
        if b.index in anchor_of:
            within[k] = max(within.get(k, nowhere), anchor_of[b.index])
            continue
        anchor = max(before[k], within.get(k, nowhere))
        keyed.append(((anchor, 1, b.order), _added(b, old, new, fate_new)))
    keyed.sort(key=lambda item: item[0])
    return ObligationComparison(
        reference=old.id, other=new.id, changes=tuple(change for _, change in keyed),
        reference_title=old.meta.title, other_title=new.meta.title,
        reference_total=len(ref), other_total=len(other),
    )


def _fates(alignment: Alignment, old: Draft, new: Draft, side: int) -> dict[str, str]:
    """For each block of one side, why a clause in it may have no counterpart: how its provision and block fared."""
    out: dict[str, str] = {}
    labels = {0: {p.eid: p.label for p in old.provisions}, 1: {p.eid: p.label for p in new.provisions}}
    ids = {0: old.id, 1: new.id}
    for pair in alignment.pairs:
        mine = pair.old if side == 0 else pair.new
        theirs = pair.new if side == 0 else pair.old
        own = " and ".join(labels[side][e] for e in mine)
        counterpart = " and ".join(labels[1 - side][e] for e in theirs) + f" of {ids[1 - side]}"
        for bp in pair.blocks:
            for eid in (bp.old if side == 0 else bp.new):
                if not theirs:
                    out[eid] = f"{own} is {'deleted' if side == 0 else 'a new provision'}"
                elif bp.kind in ("deleted", "inserted"):
                    fate = "deleted" if side == 0 else "new"
                    out[eid] = f"the paragraph is {fate}; {counterpart} has nothing like it"
                else:
                    out[eid] = f"no clause of {counterpart} matches it"
    return out


def _dropped(a: _Clause, new: Draft, near: Sequence[_Candidate], fates: dict[str, str]) -> ObligationChange:
    """``near``: the candidates of ``a`` with Dice >= _NEAREST_DICE, in candidate order."""
    reasons = [fates.get(a.ob.block, f"no counterpart in {new.id}")]
    if near:
        best = min(near, key=lambda c: c.rank)
        reasons.append(f"the nearest clause, '{best.b.phrase}' ({best.b.label}), is too different to count as it")
    return ObligationChange("dropped", a.ob, None, tuple(reasons), a.label, None,
                            f"{a.label}: '{a.phrase}' is dropped")


def _added(b: _Clause, old: Draft, new: Draft, fates: dict[str, str]) -> ObligationChange:
    reasons = (fates.get(b.ob.block, f"no counterpart in {old.id}"),)
    return ObligationChange("added", None, b.ob, reasons, None, b.label,
                            f"{b.label} of {new.id}: '{b.phrase}' is added")


def _paired(a: _Clause, b: _Clause, edge: _Candidate, shared: bool, matching: _Matching, ref: list[_Clause],
            other: list[_Clause], new: Draft) -> ObligationChange:
    status, reasons, deciding = _judge(a, b)
    merged_with = [ref[i] for i in matching.partners_other[b.index] if i != a.index]
    split_into = [other[j] for j in matching.partners_ref[a.index] if j != b.index]
    if merged_with:
        names = ", ".join(f"'{c.phrase}' ({c.label})" for c in merged_with)
        reasons.insert(deciding, f"merged in {new.id} with {names} into '{b.phrase}'")
    if split_into:
        names = ", ".join(f"'{c.phrase}' ({c.label})" for c in split_into)
        reasons.insert(deciding, f"split in {new.id}: it also has the counterpart {names}")
    place = a.label if a.label == b.label else f"{a.label} (now {b.label})"
    verdict = {"unchanged": "is unchanged", "changed": "is unchanged in force", "weakened": "is weakened",
               "strengthened": "is strengthened"}[status]
    return ObligationChange(status, a.ob, b.ob, tuple(reasons), a.label, b.label, f"{place}: '{a.phrase}' {verdict}",
                            shared=shared, similarity=round(edge.score, 3))
