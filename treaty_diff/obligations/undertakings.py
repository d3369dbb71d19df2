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
A clause is split into several entries where verb phrases are coordinated
with their own marker: "and shall ...", "..., who shall ..." (both found as
clauses of their own, :mod:`.clauses`), "not to ...; not to ...", "to
prohibit, to prevent, and not to carry out" (a bare verb shares the object
that follows it), a weapons-type verb with its own object after a comma or
"or" ("..., install such weapons on celestial bodies, or station such weapons
..."), and the points of a list whose chapeau ends in the marker ("shall:" /
"which shall:" / "may, in particular:", :mod:`.extract`). A point starting
with "not" is a prohibition. Coordinated nouns ("The establishment of military
bases ..., the testing of any type of weapons and the conduct of military
manoeuvres ... shall be forbidden") and verbs sharing one object ("assist or
induce", "facilitate and encourage") stay one entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from treaty_diff.model.obligations import Modality
from treaty_diff.obligations.bearers import patient
from treaty_diff.obligations.clauses import Clause
from treaty_diff.obligations.sentences import clean, trim_span
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
    action_start = clause.marker_end
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
    pieces = list(_conjuncts(text, clause, action_start))
    parsed: list[tuple[str, str, str, list[str]]] = []
    for conj_start, conj_end, _, _, _ in pieces:
        conj_action = re.sub(r"^(?:not\s+to|not|to)\s+", "", text[conj_start:conj_end].strip())
        conj_conditions = list(conditions)
        trailing = _TRAILING_CONDITION.search(conj_action)
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
        else:
            verb, obj = verb_object(conj_action)
            passive = PASSIVE.match(conj_action)
            if passive and passive.group("part") not in SUBJECT_ACTS:
                obj = patient(text, clause)
        parsed.append((conj_action, verb, obj, conj_conditions))
    out: list[Undertaking] = []
    for index, (conj_start, conj_end, modality, marker, shared_end) in enumerate(pieces):
        conj_action, verb, obj, conj_conditions = parsed[index]
        if shared_end is not None:
            # A bare verb ("to prohibit, to prevent, and not to carry out X") shares the last conjunct's object.
            obj = parsed[-1][2]
            conj_action = f"{conj_action} {obj}"
            conj_conditions = parsed[-1][3]
        quote_start = clause.quote_start if index == 0 else conj_start
        quote_end = shared_end if shared_end is not None else conj_end
        quote_start, quote_end = trim_span(text, quote_start, quote_end)
        out.append(Undertaking(modality, marker, conj_action, verb, obj,
                               tuple(dict.fromkeys(c for c in conj_conditions if c)), quote_start, quote_end))
    return out


def _conjuncts(text: str, clause: Clause, action_start: int) -> Iterator[tuple[int, int, Modality, str, int | None]]:
    """Split a clause's action into undertakings: (start, end, modality, marker, end of a shared object)."""
    action = text[action_start: clause.end]
    cuts: set[int] = set()
    cuts.update(m.end("delim") for m in _VERB_CONJUNCT.finditer(action))
    if clause.marker.casefold().startswith("undertake"):
        cuts.update(m.end() for m in _NOT_TO_CONJUNCT.finditer(action))
        for found in _TO_CONJUNCT.finditer(action):
            before = action[: found.start()]
            last_cut = max([0, *(c for c in cuts if c <= found.start())])
            if len(clean(re.sub(r"^(?:not\s+to|to)\s+", "", before[last_cut:].strip())).split()) == 1:
                cuts.add(found.end())
    bounds = sorted(cuts)
    starts = [0, *bounds]
    pieces: list[tuple[int, int]] = []
    for index, start in enumerate(starts):
        end = bounds[index] if index < len(bounds) else len(action)
        piece_start, piece_end = trim_span(action, start, end)
        if piece_end > piece_start:
            pieces.append((piece_start, piece_end))
    if not pieces:  # "X shall be forbidden": the conduct is the subject, the clause ends with the marker
        yield action_start, action_start, clause.modality, clause.marker, None
        return
    for index, (start, end) in enumerate(pieces):
        piece = action[start:end]
        modality = clause.modality
        marker = clause.marker
        if index > 0 and re.match(r"not\s+to\b", piece):
            modality, marker = "prohibition", "not to"
        elif index > 0 and re.match(r"to\s+", piece):
            modality, marker = ("obligation", "to") if clause.modality == "obligation" else (clause.modality, "to")
        elif index > 0:
            marker = clause.marker
        shared_end = None
        words = clean(re.sub(r"^(?:not\s+to|to)\s+", "", piece)).split()
        if len(words) == 1 and index + 1 < len(pieces):
            shared_end = action_start + pieces[-1][1]
        yield action_start + start, action_start + end, modality, marker, shared_end


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
    """The first content word of a noun phrase: "exercise" in "the exercise by the States Parties of ..."."""
    words = [w for w in phrase.split() if w.casefold() not in {"the", "a", "an", "any", "all", "of"}]
    return words[0].strip(",") if words else phrase
