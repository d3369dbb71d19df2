"""The undertakings of a clause: its action split into one entry per undertaking, each with a verb and an object.

The action
==========
A clause's action runs from its marker to its end (:func:`action_of`).
Leading adverbs ("also", "furthermore", "hereby") are skipped; a parenthetical
right after the marker ("shall, to the maximum extent feasible, notify") and
one inside the marker ("shall, in exercising its sovereignty, have the right
to") go to the conditions, and so do a trailing "if / unless / provided that /
in the event of / whenever ..." and comma-delimited condition segments
(", unless otherwise agreed,"). The action is then split into its verb (with
the "be" of a passive, a particle, "or"-coordinated verbs) and its object
(:func:`verb_object`); the object of a passive is its subject.

One entry per undertaking
=========================
A clause is split into several entries by grammar, not by a list of verbs:

- verb phrases coordinated with their own marker: "and shall ...", "..., who
  shall ..." (clauses of their own, :mod:`.clauses`);
- verb phrases with objects of their own (:func:`_verb_phrase_cuts`): after
  "and", "or" or a comma, a word shaped like a verb (:func:`verb_like`)
  followed by what opens an object (a determiner, a pronoun) or by verbs that
  share one: "prepare a report and transmit it", "..., install such weapons on
  celestial bodies, or station such weapons ...". Nothing is cut inside a
  subordinate clause or an embedded infinitive ("designed to damage or
  destroy X");
- verbs that share one object (:func:`_verb_group`), one entry each, quoted
  from the verb to the end of the object: "facilitate and encourage
  co-operation", "collect on and remove from the moon samples", "refrain from
  causing, encouraging, or in any way participating in, the carrying out of
  ...";
- after a marker that ends in "to" (undertake to, are required to, Urges
  States to): "to A and to B", "not to A; not to B", and a bare "to prohibit,
  to prevent, and not to carry out X" (the bare verbs share the last object);
- the points of a list whose chapeau ends in the marker or in "to"
  (:mod:`.extract`). A point starting with "not" is a prohibition.

Coordinated nouns ("The establishment of military bases ..., the testing of any
type of weapons and the conduct of military manoeuvres ... shall be
forbidden", "jurisdiction and control over", "exploration and use of") and
adjectives ("legislative and administrative measures") stay one entry.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from treaty_diff.model.obligations import Modality
from treaty_diff.obligations.bearers import patient
from treaty_diff.obligations.sentences import clean, trim_span
from treaty_diff.obligations.subjects import Clause
from treaty_diff.obligations.vocabulary import PASSIVE, SUBJECT_ACTS

_LEADING_ADVERBS = re.compile(
    r"^(?:(?:also|likewise|furthermore|further|hereby|thereafter|first\s+of\s+all)(?:\s+|(?=,)))+")
_PARENTHETICAL = re.compile(r"^\s*,\s*([^,;:]{1,200}?)\s*(?:,\s*|(?=:\s*$))")
_TRAILING_CONDITION = re.compile(
    r"(?:,\s*(?P<last>(?:if|unless|provided\s+that|in\s+the\s+event\s+of|whenever)\b[^,;]*)"
    r"|(?<!,)\s+(?P<cond>(?:if|unless|provided\s+that|in\s+the\s+event\s+of|whenever)\b[^;]*))$"
)
_CONDITION_SEGMENT = re.compile(r"^(?:unless|if|upon|when|where|whenever|provided)\b", re.IGNORECASE)

#: Verbs that start a new undertaking when coordinated with their own object after a comma or "or"/"and".
_ACTION_VERBS = (r"(?:place|install|station|deploy|test|use|develop|produce|manufacture|acquire|stockpile|transfer"
                 r"|launch|establish|orbit|locate)")
_VERB_CONJUNCT = re.compile(
    rf"(?P<delim>,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){_ACTION_VERBS}(?:\s+or\s+{_ACTION_VERBS})?(?=\s+"
    r"(?:such|any|all|the|their|its|a|an)\b)"
)
_NOT_TO_CONJUNCT = re.compile(r"(?:[,;]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?=not\s+to\s+\w)")
_TO_CONJUNCT = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?=to\s+\w)")

_PREPOSITIONS = {"in", "at", "on", "for", "with", "under", "during"}
_PARTICLES = {"carry": ("out", "on"), "take": ("part", "place"), "set": ("up",), "put": ("in",), "bear": ("in",)}


@dataclass(frozen=True)
class Undertaking:
    """One undertaking of a clause; ``start`` and ``end`` delimit its quote in the sentence."""

    modality: Modality
    marker: str
    action: str
    verb: str
    object: str
    conditions: tuple[str, ...]
    start: int
    end: int


def action_of(text: str, clause: Clause) -> tuple[int, str, list[str]]:
    """Where a clause's action starts in the sentence, its text, and the clause's conditions with those found on
    the way (a parenthetical in the marker or after it)."""
    action_start = clause.action_from if clause.action_from >= 0 else clause.marker_end
    action_text = text[action_start: clause.end]
    conditions = list(clause.conditions)
    marker_paren = re.search(r",\s*([^,]+?)\s*,|\s(in\s+exercising\s+[^,;.]+?)\s+have\b", clause.marker)
    if marker_paren:
        conditions.append(clean(marker_paren.group(1) or marker_paren.group(2)))
    # Leading adverbs and parentheticals after the marker: "shall also, to the maximum extent feasible, notify".
    while True:
        stripped = _LEADING_ADVERBS.match(action_text.lstrip())
        if stripped:
            lead = len(action_text) - len(action_text.lstrip()) + stripped.end()
            action_start += lead
            action_text = action_text[lead:]
            continue
        paren = _PARENTHETICAL.match(action_text)
        if paren and not re.match(r"\s*,\s*(?:and|or)\b", action_text):
            conditions.append(clean(paren.group(1)))
            action_start += paren.end()
            action_text = action_text[paren.end():]
            continue
        break
    return action_start, action_text, conditions


def undertakings(text: str, clause: Clause, action_start: int, conditions: list[str]) -> list[Undertaking]:
    """The undertakings of a clause whose action starts at ``action_start``, in order."""
    pieces = _conjuncts(text, clause, action_start)
    parsed: list[tuple[str, str, str, list[str]]] = []
    for piece in pieces:
        if piece.verb_end >= 0:  # a verb that shares the object after it
            own = re.sub(r"^(?:(?:and|or|nor|not\s+to|to|not|neither)\s+)+", "",
                         text[piece.start: piece.verb_end].strip())
            own = re.sub(r"^(?:in\s+any\s+(?:other\s+)?(?:way|manner|form)|(?:either\s+)?directly\s+or\s+indirectly"
                         r"|otherwise|also|jointly|individually|[a-z]+ly)\s*,?\s+", "", own)
            raw = f"{own} {text[piece.object_start: piece.end]}"
        else:
            raw = re.sub(r"^(?:not\s+to|not|to|neither)\s+", "", text[piece.start: piece.end].strip())
        parsed.append(_parse(text, clause, raw, conditions))
    out: list[Undertaking] = []
    for index, piece in enumerate(pieces):
        conj_action, verb, obj, conj_conditions = parsed[index]
        if piece.share_last:
            # A bare verb ("to prohibit, to prevent, and not to carry out X") shares the last conjunct's object.
            obj = parsed[-1][2]
            conj_action = f"{conj_action} {obj}"
            conj_conditions = parsed[-1][3]
        quote_start = clause.quote_start if index == 0 else piece.start
        quote_start, quote_end = trim_span(text, quote_start, piece.quote_end)
        out.append(Undertaking(piece.modality, piece.marker, conj_action, verb, obj,
                               tuple(dict.fromkeys(c for c in conj_conditions if c)), quote_start, quote_end))
    return out


def _parse(text: str, clause: Clause, raw: str, conditions: list[str]) -> tuple[str, str, str, list[str]]:
    """The action, verb, object and conditions of one undertaking's words."""
    conj_action = raw
    conj_conditions = list(conditions)
    # Neither form of a trailing condition holds a semicolon: read only after the last one (linear).
    trailing = _TRAILING_CONDITION.search(conj_action, conj_action.rfind(";") + 1)
    if trailing and trailing.start() > 0:
        conj_conditions.append(clean(trailing.group("last") or trailing.group("cond")))
        conj_action = conj_action[: trailing.start()]
    conj_action, extra = _pull_condition_segments(conj_action)
    conj_conditions.extend(extra)
    conj_action = clean(conj_action)
    if clause.kind == "impersonal":
        conj_action, verb, obj = _impersonal_action(clause, conj_action)
    elif clause.kind in {"savings", "existential"}:
        verb, obj = _nominal_head(conj_action), conj_action
    elif clause.kind == "not-subject":
        verb, obj = _nominal_head(conj_action), clean(clause.subject)
    else:
        verb, obj = verb_object(conj_action)
        passive = PASSIVE.match(conj_action)
        if passive and passive.group("part") not in SUBJECT_ACTS:
            obj = patient(text, clause)
    return conj_action, verb, obj, conj_conditions


#: Words that are never the verb of a conjunct: determiners, pronouns, prepositions, conjunctions, adverbs of degree
#: and the adjectives that open noun phrases in treaty English.
_NOT_VERBS = frozenset({
    "the", "a", "an", "any", "all", "each", "every", "no", "such", "its", "their", "his", "her", "our", "this",
    "that", "these", "those", "other", "another", "both", "either", "neither", "some", "same", "it", "them", "they",
    "him", "itself", "themselves", "one", "in", "on", "at", "by", "for", "with", "from", "to", "of", "into",
    "onto", "upon", "under", "over", "through", "between", "among", "within", "without", "against", "as",
    "and", "or", "nor", "but", "if", "when", "where", "which", "who", "whom", "whose", "whether", "than", "not",
    "also", "only", "even", "very", "more", "most", "less", "least", "further", "thereby", "thereof", "therein",
    "including", "inter", "alia", "be", "been", "being", "is", "are", "was", "were", "shall", "may", "must",
    "will", "should", "would", "could", "can", "so", "then", "there", "here", "well", "international", "national",
    "appropriate", "necessary", "relevant", "non-governmental", "governmental", "public", "private",
    "scientific", "technical", "legal", "mutual", "full", "prior", "new", "special", "general",
    "peaceful", "military", "nuclear", "space", "outer", "celestial", "whatever", "around", "beyond",
    "below", "above", "outside", "inside", "near", "behind", "across", "along", "toward", "towards", "beneath",
    "throughout", "via", "per", "off", "down", "out", "up", "about", "after", "before", "since", "until", "till",
    "despite", "except", "besides", "beside", "like", "unlike", "amid", "during", "concerning", "regarding",
    "pursuant", "subject", "due", "because", "while", "whereas", "although", "unless", "once", "therefore",
    "thus", "hence", "however", "moreover", "furthermore", "wherever", "whenever", "how", "what", "why",
    "individual", "collective", "joint", "separate", "additional", "certain",
})
#: Verbs that end in -ly (other -ly words are adverbs).
_LY_VERBS = frozenset({"apply", "supply", "rely", "comply", "reply", "multiply", "imply", "ally", "fly"})
_NOUN_ENDINGS = ("ness", "ity", "ship", "ism", "ies")
#: Adjectives that coordinate before a noun ("legislative and administrative measures"); no verb ends so.
_ADJECTIVE_ENDINGS = ("tive", "sive", "ical", "ional", "ous", "ful", "less")
#: What opens the object of a verb: a determiner, a pronoun, a number.
_OBJECT_START = re.compile(
    r"(?:the|a|an|any|all|such|its|their|his|her|every|each|no|this|that|these|those|other|them|it|him|itself"
    r"|themselves|one|another|appropriate|necessary|measures|information)\b"
)
#: A separator between conjuncts, with an adverbial that may stand before the next verb ("or in any way").
_SEPARATOR = re.compile(
    r"\s*(?:,\s*(?:(?P<c1>and|or|nor)\s+)?|\s+(?P<c2>and|or|nor)\s+)"
    r"(?:(?:in\s+any\s+(?:other\s+)?(?:way|manner|form)|either\s+directly\s+or\s+indirectly|directly\s+or\s+"
    r"indirectly|otherwise|also|jointly|individually|(?-i:[a-z]+ly))\s*,?\s+)?"
)
_PARTICLE = re.compile(r"\s+(?:on|from|in|to|with|for|out|up|into|against|over|upon|about|by)\b")
_WORD = re.compile(r"[A-Za-z][\w-]*")
_LEAD = re.compile(r"(?:not\s+to|not|to|neither)\s+")
_TO_VERB = re.compile(r"to\s+([\w-]+)")
_SPACES_COMMAS = re.compile(r"[\s,]*")
_WHITE = re.compile(r"\s*")
_CONJUNCTION = re.compile(r"(?:(?:and|or|nor)\s+)?")
#: Where a subordinate clause starts in an action: coordination after it belongs to that clause.
_SUBORDINATE = re.compile(r"\b(?:which|who|whom|whose|where|when|whenever|if|unless|whether|while|because|that"
                          r"|so\s+that|in\s+order|provided|designed\s+to|intended\s+to|capable\s+of)\b")


def verb_like(word: str, form: str) -> bool:
    """Whether a word can be the verb of a conjunct of the ``form`` of the first ("base": "facilitate"; "ing":
    "causing"): lowercase, not a function word or a common adjective (:data:`_NOT_VERBS`), not an adverb, and not
    shaped like a noun or a participle."""
    if not re.fullmatch(r"[a-z][a-z-]*", word) or word in _NOT_VERBS:
        return False
    if word.endswith("ly") and word not in _LY_VERBS:
        return False
    if form == "ing":
        return word.endswith("ing")
    if word.endswith(("ing", "ed", *_NOUN_ENDINGS, *_ADJECTIVE_ENDINGS)):
        return False
    return not (word.endswith("s") and not word.endswith(("ss", "us")))


def _verb_group(action: str, start: int, end: int) -> tuple[list[tuple[int, int]], int] | None:
    """The verbs at ``action[start:end]`` that share the object after them ("V1 [prep] (, V2 [prep])* and Vn [prep]
    OBJECT"), as (where the conjunct's words start, where its verb ends) pairs, and where the object starts; None
    unless at least two verbs do and the last is joined by "and", "or" or "nor"."""
    lead = _LEAD.match(action, start, end)
    first = _WORD.match(action, lead.end() if lead else start, end)
    if first is None or first.group() == "be":
        return None
    form = "ing" if first.group().endswith("ing") else "base"
    if not verb_like(first.group(), form) and form == "base" and first.group() not in _LY_VERBS:
        return None
    group = [(first.start(), _with_particle(action, first.end(), end, needs_separator=True))]
    position = group[0][1]
    joined = False
    while True:
        separator = _SEPARATOR.match(action, position, end)
        if separator is None:
            break
        word = _WORD.match(action, separator.end(), end)
        if word is None or not verb_like(word.group(), form):
            break
        group.append((separator.start() + len(separator.group()) - len(separator.group().lstrip(" ,")),
                      _with_particle(action, word.end(), end, needs_separator=False)))
        joined = bool(separator.group("c1") or separator.group("c2"))
        position = group[-1][1]
    object_start = _SPACES_COMMAS.match(action, position, end).end() if position < end else end  # type: ignore[union-attr]
    if len(group) < 2 or not joined or object_start >= end or re.match(r"of\b", action[object_start:end]):
        return None  # (nouns: "the right to exploration and use of the moon")
    starts = [(_first_word(action, s), e) for s, e in group]
    return starts, object_start


def _first_word(action: str, start: int) -> int:
    """Where the conjunct at ``start`` begins once "and", "or", "nor" are passed ("or in any way participating")."""
    found = _CONJUNCTION.match(action, start)
    return found.end() if found else start


def _with_particle(action: str, end_of_verb: int, end: int, needs_separator: bool) -> int:
    """Where a verb ends with the particle after it ("collect on", "participating in"); for the first verb only
    when a separator follows the particle ("collect on and remove from")."""
    particle = _PARTICLE.match(action, end_of_verb, end)
    if particle is None:
        return end_of_verb
    if needs_separator and _SEPARATOR.match(action, particle.end(), end) is None:
        return end_of_verb
    return particle.end()


def _verb_phrase_cuts(action: str) -> Iterator[int]:
    """Where a verb phrase with an object of its own starts after a separator ("prepare a factual report and
    transmit it", "adopt standards, keep a register and review the standards", ", install such weapons"): the
    word after the separator is shaped like a verb and is followed by what opens an object, or by more verbs that
    share one ("or place or use such weapons")."""
    if _WORD.search(action) is None:
        return
    last_cut = 0
    subordinate = _SUBORDINATE.search(action)
    for separator in _CUT_SEPARATOR.finditer(action, 0, subordinate.start() if subordinate else len(action)):
        word = _WORD.match(action, separator.end())
        if word is None or not verb_like(word.group(), "base"):
            continue
        if _few_words(action, last_cut, separator.start()) and \
                _verb_group(action, _WORD.search(action, last_cut).start(), len(action)) is not None:  # type: ignore[union-attr]
            continue  # "collect on and remove from the moon samples": verbs that share the object, not cut here
        after = _WHITE.match(action, word.end()).end()  # type: ignore[union-attr]
        group = _verb_group(action, word.start(), len(action))
        if _OBJECT_START.match(action, after) or (group is not None and _OBJECT_START.match(action, group[1])):
            last_cut = separator.end()
            yield separator.end()


def _few_words(action: str, start: int, end: int) -> bool:
    """Whether ``action[start:end]`` holds at most two words (read no further than a third)."""
    return sum(1 for _ in itertools.islice(_WORD.finditer(action, start, end), 3)) <= 2


_CUT_SEPARATOR = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:(?:also|further|then)\s+)?")


@dataclass(frozen=True)
class _Piece:
    """One undertaking's words in the action: [start, end) in the sentence; ``quote_end`` where its quote ends
    (the end of the object it shares, if any); ``verb_end`` where its own verb ends when it shares the object at
    ``object_start`` with the verbs coordinated with it ("facilitate and encourage co-operation")."""

    start: int
    end: int
    modality: Modality
    marker: str
    quote_end: int
    share_last: bool = False  # a bare "to prohibit, to prevent, and not to carry out X": the last piece's object
    verb_end: int = -1
    object_start: int = -1


def _conjuncts(text: str, clause: Clause, action_start: int) -> list[_Piece]:
    """Split a clause's action into undertakings, by grammar (the module docstring): verb phrases coordinated with
    objects of their own, infinitives coordinated after a marker that ends in "to", and verbs that share one
    object."""
    action = text[action_start: clause.end]
    cuts: set[int] = set(_verb_phrase_cuts(action))
    infinitival = (clause.marker.endswith((" to", " from")) or clause.kind in {"undertake", "addressed", "unlawful"}
                   or re.match(r"\s*(?:not\s+)?to\s", action) is not None)
    if infinitival:
        cuts.update(m.end() for m in _NOT_TO_CONJUNCT.finditer(action))
        earlier = sorted(cuts)
        taken = 0
        last_cut = 0
        for found in _TO_CONJUNCT.finditer(action):
            while taken < len(earlier) and earlier[taken] <= found.start():
                last_cut = max(last_cut, earlier[taken])
                taken += 1
            # Read at most a bounded stretch back (a long action with many "to the ..." stays linear).
            stretch = action[max(last_cut, found.start() - 300): found.start()]
            piece = re.sub(r"^(?:not\s+to|to)\s+", "", stretch.strip())
            bare = found.start() - last_cut <= 300 and len(clean(piece).split()) == 1
            following = _TO_VERB.match(action, found.end())
            # A bare verb shares the object ("to prohibit, to prevent, and not to carry out X"); an infinitive with
            # its own object is an undertaking of its own when joined by "and" / "or", unless it continues an
            # infinitive of the piece before ("to use the moon in order to commit ... or to engage ...").
            inner = any(verb_like(m.group(1), "base") for m in re.finditer(r"\bto\s+([\w-]+)", piece))
            joined = re.search(r"\b(?:and|or)\s*$", found.group()) is not None
            if bare or (following and verb_like(following.group(1), "base") and joined and not inner):
                cuts.add(found.end())
                last_cut = max(last_cut, found.end())  # the next match starts after this one ends
    bounds = sorted(cuts)
    starts = [0, *bounds]
    spans: list[tuple[int, int]] = []
    for index, start in enumerate(starts):
        end = bounds[index] if index < len(bounds) else len(action)
        piece_start, piece_end = trim_span(action, start, end)
        if piece_end > piece_start:
            spans.append((piece_start, piece_end))
    if not spans:  # "X shall be forbidden": the conduct is the subject, the clause ends with the marker
        return [_Piece(action_start, action_start, clause.modality, clause.marker, action_start)]
    pieces: list[_Piece] = []
    for index, (start, end) in enumerate(spans):
        piece = action[start:end]
        modality = clause.modality
        marker = clause.marker
        if index > 0 and re.match(r"not\s+to\b", piece):
            modality, marker = "prohibition", "not to"
        elif index > 0 and re.match(r"to\s+", piece):
            modality, marker = ("obligation", "to") if clause.modality == "obligation" else (clause.modality, "to")
        words = clean(re.sub(r"^(?:not\s+to|to)\s+", "", piece)).split()
        if len(words) == 1 and index + 1 < len(spans):
            pieces.append(_Piece(action_start + start, action_start + end, modality, marker,
                                 action_start + spans[-1][1], share_last=True))
            continue
        pieces.extend(_shared_object(action, action_start, start, end, modality, marker))
    return pieces


def _shared_object(action: str, offset: int, start: int, end: int, modality: Modality,
                   marker: str) -> list[_Piece]:
    """One piece, or one per verb when its verbs share the object that follows them ("facilitate and encourage
    international co-operation", "collect on and remove from the moon samples", "refrain from causing,
    encouraging, or in any way participating in, the carrying out of ...")."""
    lead = re.match(r"(?:(?:not\s+)?to\s+|not\s+|neither\s+)?", action[start:end])
    verbs = _verb_group(action, start + (lead.end() if lead else 0), end)
    if verbs is None:
        return [_Piece(offset + start, offset + end, modality, marker, offset + end)]
    group, object_start = verbs
    return [_Piece(offset + (start if i == 0 else word_start), offset + end, modality, marker, offset + end,
                   verb_end=offset + verb_end, object_start=offset + object_start)
            for i, (word_start, verb_end) in enumerate(group)]


def _impersonal_action(clause: Clause, action: str) -> tuple[str, str, str]:
    """For "X shall be forbidden" the action is X; for "It is prohibited to do X" it is "do X"."""
    if clause.subject.casefold() == "it":
        verb, obj = verb_object(action)
        return action, verb, obj
    conduct = clean(clause.subject)
    return conduct, _nominal_head(conduct), conduct


def _pull_condition_segments(action: str) -> tuple[str, list[str]]:
    """Move comma-delimited condition segments ("..., unless otherwise agreed, ...") out of an action."""
    parts = [p for p in re.split(r",\s*", action)]
    if len(parts) < 3:
        return action, []
    kept = [parts[0]]
    pulled: list[str] = []
    for part in parts[1:-1]:
        if _CONDITION_SEGMENT.match(part):
            pulled.append(clean(part))
        else:
            kept.append(part)
    kept.append(parts[-1])
    return ", ".join(kept), pulled


def verb_object(action: str) -> tuple[str, str]:
    """Split an action into its verb (with the "be" of a passive, a particle, "or"-coordinated verbs) and the rest."""
    words = action.split()
    index = 0
    if words and words[0].casefold() in _PREPOSITIONS and "also" in words:
        # "may in the course of scientific investigations also use ...": the verb follows "also".
        index = words.index("also") + 1
    while index < len(words) and words[index].casefold().endswith("ly") and words[index].casefold() not in {
            "apply", "supply", "rely", "only"}:
        index += 1
    if index >= len(words):
        return action, ""
    rest_text = " ".join(words[index:])
    passive = PASSIVE.match(rest_text)
    if passive:
        verb_text = f"be {passive.group('part')}"
        rest = rest_text[passive.end():].split()
        if rest and rest[0] in {"out", "on", "with"}:
            verb_text += f" {rest.pop(0)}"
        return verb_text, clean(" ".join(rest))
    verb = [words[index].strip(",")]
    index += 1
    takes_next = index < len(words) and (
        (verb[0] == "be" and words[index] not in {"as", "in", "to", "of"})
        or words[index].casefold() in _PARTICLES.get(verb[0].casefold(), ())
    )
    if takes_next:
        verb.append(words[index].strip(","))
        index += 1
    elif (index + 2 < len(words) and words[index] in {"or", "and"} and words[index + 1].islower()
          and not words[index + 1].endswith(",") and words[index + 1] != "be"):
        verb.extend(words[index: index + 2])  # "assist or induce", "facilitate and encourage"
        index += 2
    return " ".join(verb), clean(" ".join(words[index:]))


def _nominal_head(phrase: str) -> str:
    """The first content word of a noun phrase: "exercise" in "the exercise by the States Parties of ...",
    "appropriation" in "national appropriation by claim of sovereignty"."""
    words = [w for w in phrase.split() if w.casefold() not in _NOT_VERBS or w.casefold() in {"use", "space"}]
    return words[0].strip(",") if words else phrase
