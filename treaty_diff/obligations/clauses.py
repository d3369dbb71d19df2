"""The main clauses of a sentence: where each deontic marker stands, with its subject and its span.

Main clauses
============
:func:`main_clauses` finds every marker (:func:`.vocabulary.markers`) that
stands in a main clause. Modal verbs inside a subordinate clause ("in order
that consultations may be held", "resources they may discover", "Where such
interference may occur, ...", "ensure that entities ... shall engage") are not
separate clauses. A marker after the first makes a clause of its own when it
is

- coordinated: "and shall ...", "or may ..." (the subject is shared);
- in a relative clause after an agent: "..., who/which shall" (borne by the
  noun it follows, or by the clause before for "which they shall");
- after a clause boundary: a semicolon or ", and / but / while / whereas"
  followed by a subject of its own.

The subject is read up to the marker: a leading adverbial ("If ...",
"In the event of ...", "Upon ...") up to the first comma after which a subject
starts goes to the conditions, and so does the qualifier of an agent ("which
has reason to believe ...", "conducting activities in outer space"). A
reporting verb that introduces the clause ("Declares that", "The Parties agree
that") is not part of the subject. A clause runs from the start of its sentence
(leading conditions included) or of its own conjunct, to the connective of the
next clause or the end of the sentence.

Modality from the whole clause
==============================
The marker gives a modality (:data:`.vocabulary.MARKERS`); the subject can turn
it: a negative subject or quantifier ("No State Party shall", "Neither Party
shall", "None of the Parties may", "..., nor shall any State") makes an
obligation, a permission or a right a **prohibition** (a recommendation stays
one: "no State should" is a recommendation not to).

Operative paragraphs of a resolution open with the verb that addresses someone
("Calls upon all States to ...", "Requests the Secretary-General to ...",
"Recommends that States ..."): such a clause is a recommendation borne by the
addressee, and only where the verb opens the sentence (after "Also",
"Further", ...) or is coordinated with one that does ("..., and invites ...").
"It shall be unlawful for X to ..." is a prohibition borne by X.

Constitutive clauses are not deontic
====================================
A clause is left out (:func:`constitutive`) when it sets the instrument's own
status or effect rather than directing conduct:

- its subject is the instrument itself or one of its instruments: this
  Treaty/Agreement, an amendment, instruments of ratification or accession,
  the original, its provisions (signature, ratification, deposit, entry into
  force, duration, scope, authentic texts), unless its action is a passive
  whose agent is named: "This Treaty shall be registered by the Depositary
  Governments" is a duty of the Depositaries;
- or its predicate is a status or effect: be of (unlimited duration), be
  subject to, be + a name (a designation: "The Depositary ... shall be the
  Secretary-General"), be the province of, be equally authentic, be without
  prejudice, be deemed / regarded / considered, (not) be affected, be composed
  of, consist of, comprise, enter into force, take effect, apply, include,
  remain, become, (not) create.

So "This Treaty shall be of unlimited duration" and "Such notice shall include
a statement ..." give no entry, while "The text of a proposed amendment shall
be submitted to the Depositary" (a passive that directs conduct) does, and so
does "Such measures shall be the subject of a separate protocol" (someone is to
draw up the protocol; "may be the subject of" makes that a permission).
"""

from __future__ import annotations

import bisect
import re

from treaty_diff.model.obligations import Modality
from treaty_diff.obligations.sentences import clean
from treaty_diff.obligations.subjects import (
    SPACES,
    TO_INFINITIVE,
    WINDOW,
    Clause,
    agent_ending_at,
    main_subject,
    subject_from,
)
from treaty_diff.obligations.vocabulary import (
    AGENT_AT_START,
    AGENT_NP,
    is_agent,
    marker_kind,
    markers,
)

#: Sentences opening with these are subordinate up to their first comma.
_SUBORDINATORS = re.compile(
    r"^(?:If|Where|When|Whenever|Unless|Although|While|Whereas|Once|Until|As\s+soon\s+as|In\s+order\s+that|So\s+that"
    r"|Should)\b"
)
_INLINE_SUBORDINATORS = re.compile(r"\b(?:whereby|in\s+order\s+that|so\s+that|provided\s+that)\b", re.IGNORECASE)
_INSTRUMENT_SUBJECT = re.compile(
    r"^(?:(?:this|the|such|any|an?|each|all)\s+)?(?:(?:present|proposed|original)\s+)?"
    r"(?:Treaty|Agreement|Convention|Protocol|Code|Memorandum|amendments?|instruments?\s+of"
    r"|provisions?\b|original\b"
    r"|(?:subscription|signature|ratification|accession|withdrawal|denunciation)\b)",
    re.IGNORECASE,
)
_CONSTITUTIVE = re.compile(
    r"^(?:not\s+)?(?:be\s+(?:of\b|subject\s+to\b|the\s+province\b|equally\s+authentic\b|final\b|binding\b"
    r"|(?:by|in)\s+(?:a\s+)?(?:\w+\s+)?(?:majority|consensus|unanimity|writing)\b"
    r"|taken\s+by\s+(?:a\s+)?(?:\w+\s+)?(?:majority|consensus|unanimity|agreement)\b"
    r"|without\s+prejudice\b|deemed\b|regarded\b|considered\b|construed\b|affected\b|composed\s+of\b"
    r"|(?:the|a|an)\s+[A-Z])|enter\s+into\s+force\b|take\s+effect\b"
    r"|(?:take|adopt|make)\s+(?:its|their)\s+decisions\s+by\b|have\s+(?:international\s+)?legal\s+(?:personality"
    r"|capacity)\b)",
)
#: Predicates of status or effect when the subject is a thing ("Such notice shall include a statement", "The
#: placement of personnel shall not create a right"); an agent that includes or creates acts ("The inspection team
#: must not include in its report ...", "States agree not to create debris").
_CONSTITUTIVE_FOR_THINGS = re.compile(
    r"^(?:not\s+)?(?:apply|include|remain|become|create|constitute|consist\s+of|comprise|specify|contain|indicate"
    r"|set\s+out|extend\s+to)\b")
#: A passive with its agent named: "be registered by the Depositary Governments" (see :func:`constitutive`).
_PASSIVE_BY_AGENT = re.compile(rf"^be\s+(?:\w+ly\s+)?\w+(?:ed|en|ne)\s+by\s+(?P<agent>{AGENT_NP.pattern})",
                               re.IGNORECASE)
#: An addressed clause stands at the start of its sentence, after these words at most.
_ADDRESSED_LEAD = re.compile(r"^\s*(?:(?:[Aa]lso|[Ff]urther|[Aa]gain|[Oo]nce\s+again|[Ss]trongly|[Ff]urthermore"
                             r"|[A-Z]?[a-z]+ly)\s+)*$")
_DEONTIC_MODAL = re.compile(r"(?:shall|must|should|will)\b")
#: How far back from a marker the connective of the next clause is read (characters).
_SHORT_WINDOW = 40
_CONNECTIVE = re.compile(r"(?:,?\s*(?:\b(?:and|or|while|whereas|but)\b)?\s*,?\s*(?:\b(?:who|which)\b)?\s*)$")
_COORDINATED = re.compile(r"(?:,\s*|\s+)(?:and|or|but)\s*(?:,\s*(?P<paren>[^,]{1,80}),\s*)?$")
_RELATIVE = re.compile(rf"(?P<comma>,)?\s*(?:(?P<prep>to|with|in|from|for|by)\s+)?(?:who|which|whom)\s*"
                       rf"(?:(?P<pron>they|it)|(?P<own>{AGENT_NP.pattern}))?\s*(?:,\s*(?P<paren>[^,]{{1,80}}),\s*)?$",
                       re.IGNORECASE)
_BOUNDARY = re.compile(r";\s+|,\s+(?:and|but|while|whereas)\s+")


def main_clauses(text: str, seed: Clause | None = None) -> list[Clause]:
    """The main clauses of a sentence, in order, each ending before the connective of the next.

    ``seed`` is a clause the text continues (a point of a list whose chapeau ends in its marker: "notify the
    Secretary-General, who should disseminate ..."): it comes first, and the markers of the text are read after it.
    """
    clauses = _find(text, seed)
    for position, clause in enumerate(clauses):
        clause.end = clauses[position + 1].quote_start if position + 1 < len(clauses) else len(text)
        if position + 1 < len(clauses):
            # The previous clause stops before the connective of the next one (read in a window: the connective
            # is a few words, and reading the whole text before it would make a long sentence quadratic).
            start = clauses[position + 1].quote_start
            window = max(0, start - _SHORT_WINDOW)
            connective = _CONNECTIVE.search(text, window, start)
            if connective:
                clause.end = min(clause.end, connective.start())
    return clauses


def constitutive(clause: Clause, action: str) -> bool:
    """Whether a clause sets the instrument's own status or effect rather than directing conduct."""
    if clause.kind not in {"modal", "undertake"}:
        return False
    if clause.subject and _INSTRUMENT_SUBJECT.match(clause.subject):
        agent = _PASSIVE_BY_AGENT.match(action)
        return agent is None or not is_agent(agent.group("agent"))
    if _CONSTITUTIVE.match(action):
        return True
    return clause.subject_agent is None and _CONSTITUTIVE_FOR_THINGS.match(action) is not None


def negated(modality: Modality) -> Modality:
    """The modality of a clause whose subject denies: "No State shall" / "No State may" forbid."""
    return modality if modality == "recommendation" else "prohibition"


def _find(text: str, seed: Clause | None = None) -> list[Clause]:
    """The main clauses of a sentence, each read from the markers and a bounded window of text before it.

    Every test is anchored at the marker and looks back a bounded number of characters (:data:`WINDOW`), or
    looks up positions found once for the whole sentence (boundaries, inline subordinators), so a sentence of
    n words is read in time linear in n.
    """
    clauses: list[Clause] = [seed] if seed is not None else []
    subordinate_end = -1
    if seed is None and _SUBORDINATORS.match(text):
        comma = text.find(",")
        subordinate_end = comma if comma >= 0 else len(text)
    boundaries = [(m.start(), m.end()) for m in _BOUNDARY.finditer(text)]
    boundary_starts = [start for start, _ in boundaries]
    inline = [m.start() for m in _INLINE_SUBORDINATORS.finditer(text)]
    for match in markers(text):
        modality, kind = marker_kind(match)
        if match.start() < subordinate_end:
            continue
        last_end = clauses[-1].marker_end if clauses else 0
        if _any_between(inline, last_end, match.start()):
            continue
        clause = Clause(modality, kind, clean(match.group()), match.start(), match.end(), match.start())
        window = max(0, match.start() - WINDOW)
        if kind == "addressed":
            if _addressed(text, clause, clauses, window):
                clauses.append(clause)
            continue
        if kind in {"savings", "existential"} and not clauses:
            clause.quote_start = 0
            clauses.append(clause)
            continue
        if not clauses:
            if main_subject(text, clause):
                clauses.append(_turned(text, clause))
            continue
        previous = clauses[-1]
        coordinated = _COORDINATED.search(text, window, match.start())
        relative = _RELATIVE.search(text, window, match.start())
        antecedent = agent_ending_at(text, relative.start()) if relative else None
        if relative and relative.group("own") and not is_agent(relative.group("own")):
            relative = None
        if relative and antecedent is None and not (relative.group("pron") or relative.group("own")) and \
                not _text_agent_before(text, relative.start()):
            relative = None  # "..., which shall be operational": a thing's status, not a clause of its own
        if relative and not relative.group("comma") and (
                not _DEONTIC_MODAL.match(match.group())
                or (antecedent is None and not (relative.group("pron") or relative.group("own")))):
            # A restrictive relative ("the launching State which is liable", "a registry which it shall maintain")
            # is a clause of its own only with a deontic modal and an agent to bear it.
            relative = None
        if kind == "existential" and coordinated:
            clause.quote_start = match.start()
            clauses.append(clause)
        elif relative:
            whole = relative.group(0)
            clause.quote_start = relative.start() + len(whole) - len(whole.lstrip(", "))
            if relative.group("own"):  # "..., which the parties shall consider": its own subject
                clause.subject_agent = clause.subject = clean(relative.group("own"))
            elif relative.group("pron"):
                clause.bearer, clause.bearer_text = previous.bearer, previous.bearer_text
                clause.subject_agent = previous.subject_agent
            elif antecedent is not None:
                clause.subject_agent = antecedent
                clause.subject = antecedent
            if relative.group("paren"):
                clause.conditions.append(clean(relative.group("paren")))
            clauses.append(clause)
        elif coordinated:
            clause.quote_start = match.start()
            clause.subject = previous.subject
            clause.subject_agent = previous.subject_agent
            clause.bearer_text = previous.bearer_text
            clause.bearer = previous.bearer if previous.subject_agent or previous.bearer else None
            clause.negative = previous.negative or text[window: match.start()].rstrip().endswith("nor")
            if coordinated.group("paren"):
                clause.conditions.append(clean(coordinated.group("paren")))
            clauses.append(_turned(text, clause))
        else:
            # The last boundary before the marker, if it stands after the previous clause's marker.
            index = bisect.bisect_left(boundary_starts, match.start()) - 1
            if index >= 0 and boundaries[index][0] >= previous.marker_end:
                clause.quote_start = boundaries[index][1]
                if subject_from(text, clause, clause.quote_start):
                    clauses.append(_turned(text, clause))
            elif re.search(r"\bnor\s*$", text[window: match.start()]):
                # "..., nor shall any State ...": a clause of its own, which denies; its subject follows the marker.
                clause.quote_start = window + text[window: match.start()].rfind("nor")
                clause.negative = True
                inverted = AGENT_AT_START.match(text, SPACES.match(text, match.end()).end())  # type: ignore[union-attr]
                if inverted is not None and is_agent(inverted.group()):
                    clause.subject = clause.subject_agent = clean(inverted.group())
                    clause.action_from = inverted.end()
                else:
                    clause.subject, clause.subject_agent = previous.subject, previous.subject_agent
                    clause.bearer, clause.bearer_text = previous.bearer, previous.bearer_text
                clauses.append(_turned(text, clause))
    return clauses


def _turned(text: str, clause: Clause) -> Clause:
    """The clause with its modality turned when its subject denies (see the module docstring)."""
    if clause.negative and clause.kind not in {"savings", "existential"}:
        turned = negated(clause.modality)
        if turned != clause.modality:
            clause.modality = turned
            if clause.marker_start - clause.quote_start < 40:  # "No State Party shall": the words as written
                clause.marker = clean(text[clause.quote_start: clause.marker_end])
    return clause


def _addressed(text: str, clause: Clause, clauses: list[Clause], window: int) -> bool:
    """Read an addressed clause ("Calls upon all States to ..."): True when it stands at the start of the sentence
    or is coordinated with one that does; its addressee is its bearer and its action starts after "to"."""
    if clauses:
        if clauses[-1].kind != "addressed" or not _COORDINATED.search(text, window, clause.marker_start):
            return False
        clause.quote_start = clause.marker_start
    elif _ADDRESSED_LEAD.match(text[: clause.marker_start]):
        clause.quote_start = 0
    else:
        return False
    after = clause.marker_end
    skip = re.match(r"\s+(?:that\s+)?", text[after: after + 20])
    start = after + (skip.end() if skip else 0)
    agent = AGENT_AT_START.match(text, start)
    if agent is None or not is_agent(agent.group()):
        return False
    clause.subject_agent = clause.subject = clean(agent.group())
    infinitive = TO_INFINITIVE.search(text, agent.end(), min(len(text), agent.end() + 300))
    if infinitive is not None and not text[agent.end(): infinitive.start()].strip(" ,").startswith("that"):
        between = clean(text[agent.end(): infinitive.start()])
        if between:
            clause.conditions.append(between)
        clause.action_from = infinitive.end()
    else:
        clause.action_from = agent.end()
    return True


def _text_agent_before(text: str, end: int) -> bool:
    """Whether an agent is named right before a relative pronoun, past a parenthetical ("the Executive
    Organization of the Treaty, which")."""
    return agent_ending_at(text, end) is not None


def _any_between(positions: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of positions holds one in [start, end)."""
    index = bisect.bisect_left(positions, start)
    return index < len(positions) and positions[index] < end
