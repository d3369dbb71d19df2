"""What pairing and judging read from a clause: its content words, its verb, its parties, its place.

Every extracted clause is read once into a :class:`ClauseFeatures`
(:func:`clause_features`):

- its *content words*: the words of the action (with the subject of a passive
  or impersonal clause in front when the action leaves it out), universal
  phrases such as "any kind(s) of" read as "any", function words dropped,
  endings such as "-s", "-ed", "-ing" cut; and the same with the words of its
  conditions. Two clauses' words are compared by the Dice coefficient
  (:func:`dice`);
- its *verb key*: the main verb with its ending cut ("be resolved" and
  "resolve" agree, so do "placed" and "place");
- its *bearer key*: the parties the bearer names, apart from determiners and
  number ("each State Party" and "States Parties" are the same parties);
- its *label*, where it stands ("Article VII(2)"), and its *phrase*, how a
  reason names it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from treaty_diff.model.draft import Draft
from treaty_diff.model.obligations import UNSPECIFIED, Obligation
from treaty_diff.obligations.definitions import DefinedTerm, defined_terms, place_label
from treaty_diff.obligations.extract import ExtractionMemo, extract_obligations
from treaty_diff.obligations.words import lemma
from treaty_diff.text.tokens import obligation_words

_ARTICLES = frozenset({"the", "a", "an"})
#: Words that say nothing of a clause's content.
FUNCTION = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "under", "around",
    "and", "or", "and/or", "nor", "but", "as", "such", "its", "their", "his", "her", "it", "them", "they", "this",
    "that", "these", "those", "which", "who", "whom", "whose", "any", "all", "every", "each", "other", "not", "no",
    "be", "is", "are", "been", "being", "shall", "may", "must", "should", "will", "would", "thereof", "therein",
})
#: Catch-alls that say no more than "any": "any kind of", "in any other manner", "whatsoever".
UNIVERSAL_PHRASES = re.compile(
    r"\b(?:any|all|every)\s+(?:kinds?|types?|sorts?)\s+of\b|\b(?:of\s+)?(?:any|every)\s+(?:kind|type|sort)\b"
    r"|\bin\s+any\s+(?:other\s+)?(?:manner|way|form)\b|\bby\s+any\s+(?:other\s+)?means\b|\bwhatsoever\b",
    re.IGNORECASE,
)


def without_articles(text: str) -> Counter[str]:
    """The words of a text (casefolded, not stemmed) apart from its articles, in any order."""
    return Counter(w for w in obligation_words(text) if w not in _ARTICLES)


def content(text: str) -> Counter[str]:
    """The content words of a text, for similarity: universal phrases folded, function words dropped."""
    folded = UNIVERSAL_PHRASES.sub(" any ", text)
    return Counter(lemma(w) for w in obligation_words(folded) if w not in FUNCTION)


def dice(a: Counter[str], b: Counter[str]) -> float:
    """The Dice coefficient of two bags of words (1 for two empty bags)."""
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 1.0


def verb_key(verb: str) -> str:
    """The main verb with its ending cut: "be resolved" and "resolve" agree, so do "placed" and "place"."""
    words = [w for w in verb.casefold().split() if w not in {"be", "not"}]
    return lemma(words[0]) if words else verb.casefold()


def bearer_key(bearer: str) -> tuple[str, ...]:
    """The parties a bearer names, apart from determiners and number: "each State Party" -> ("party", "state")."""
    if bearer == UNSPECIFIED:
        return ()
    drop = {"each", "any", "every", "all", "the", "a", "an", "of", "both", "either", "one", "such"}
    return tuple(sorted(lemma(word) for word in bearer.casefold().split() if word not in drop))


def short(text: str, limit: int = 70) -> str:
    """A text on one line, cut after a whole word to about ``limit`` characters (with " …")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def same_text(a: str, b: str) -> bool:
    """Whether two texts are the same, white space aside."""
    return " ".join(a.split()) == " ".join(b.split())


@dataclass(frozen=True)
class ClauseFeatures:
    """An obligation with what pairing and judging read from it."""

    ob: Obligation
    index: int
    order: tuple[int, int, int]
    label: str
    words: Counter[str]  # content words of the action (and of the subject of a passive)
    full: Counter[str]  # the same with the conditions' words
    verb: str
    bearer: tuple[str, ...]
    terms: tuple[DefinedTerm, ...] = ()  # the draft's defined terms the clause uses

    @property
    def text(self) -> str:
        return clause_text(self.ob)

    @property
    def phrase(self) -> str:
        """How the clause is named in a reason, always in the draft's own words: from its marker to the end
        ("shall not place any weapons ..."), what follows a long marker ("Nothing in this Treaty ..."), or the quote
        when the action comes first ("The establishment of military bases ... shall be forbidden")."""
        ob = self.ob
        at = ob.quote.find(ob.marker)
        if len(ob.marker) > 24 and ob.action in ob.quote:
            return short(ob.action)
        if at >= 0 and len(ob.marker) > 24:
            return short(ob.quote[at + len(ob.marker):].strip(" ,"))
        if at >= 0 and ob.action in ob.quote[at:]:
            return short(ob.quote[at:])
        return short(ob.quote)


def clause_features(draft: Draft, memo: ExtractionMemo,
                    obligations: tuple[Obligation, ...] | None = None) -> list[ClauseFeatures]:
    """The clauses of a draft (:func:`.extract.extract_obligations`, with ``memo``, unless ``obligations`` are
    given), each read for comparing."""
    order = {p.eid: i for i, p in enumerate(draft.provisions)}
    provisions = {p.eid: p for p in draft.provisions}
    defined = {term.term: term for term in defined_terms(draft)}
    out = []
    found = obligations if obligations is not None else extract_obligations(draft, memo)
    for index, ob in enumerate(found):
        words = content(clause_text(ob))
        out.append(ClauseFeatures(ob, index, (order[ob.eid], ob.start, ob.end),
                                  place_label(provisions[ob.eid], ob.block), words,
                                  words + content(" ".join(ob.conditions)), verb_key(ob.verb), bearer_key(ob.bearer),
                                  tuple(defined[t] for t in ob.terms if t in defined)))
    return out


def clause_text(ob: Obligation) -> str:
    """The action, with the subject of a passive or impersonal clause in front when the action leaves it out."""
    return f"{ob.object} {ob.action}" if ob.object and ob.object not in ob.action else ob.action
