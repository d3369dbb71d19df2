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
has reason to believe ...", "conducting activities in outer space"). A clause
runs from the start of its sentence (leading conditions included) or of its
own conjunct, to the connective of the next clause or the end of the sentence.

Constitutive clauses are not deontic
====================================
A "shall" clause is left out (:func:`constitutive`) when it sets the
instrument's own status or effect rather than directing conduct:

- its subject is the instrument itself or one of its instruments: this
  Treaty/Agreement, an amendment, instruments of ratification or accession,
  the original, its provisions (signature, ratification, deposit,
  registration, entry into force, duration, scope, authentic texts);
- or its predicate is a status or effect: be of (unlimited duration), be the
  subject of, be subject to, be + a name (a designation: "The Depositary ...
  shall be the Secretary-General"), be the province of, be equally authentic,
  be without prejudice, be deemed / regarded / considered, (not) be affected,
  enter into force, take effect, apply, include, remain, become, (not) create.

So "This Treaty shall be of unlimited duration" and "Such notice shall include
a statement ..." give no entry, while "The text of a proposed amendment shall
be submitted to the Depositary" (a passive that directs conduct) does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from treaty_diff.model.obligations import Modality
from treaty_diff.obligations.sentences import clean
from treaty_diff.obligations.vocabulary import AGENT_AT_START, AGENT_NP, PRONOUNS, marker_kind, markers

#: Sentences opening with these are subordinate up to their first comma.
_SUBORDINATORS = re.compile(
    r"^(?:If|Where|When|Whenever|Unless|Although|While|Whereas|Once|Until|As\s+soon\s+as|In\s+order\s+that|So\s+that)\b"
)
#: Words that open an adverbial phrase before the subject.
_OPENERS = re.compile(
    r"^(?:If|Where|When|Whenever|Unless|Although|While|Whereas|Once|Until|In|For|With|Upon|On|At|After|Before|During"
    r"|Subject|Without|Thereafter|Subsequently|However|Moreover|Furthermore|To|Notwithstanding|Pending|Within|Under"
    r"|Having|\d+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twelve|Twenty|Thirty)\b"
)
_NON_SUBJECT_FIRST = {
    "including", "in", "on", "at", "by", "for", "with", "from", "to", "as", "upon", "within", "under", "without",
    "and", "or", "but", "if", "when", "where", "while", "which", "who", "that", "whose", "after", "before",
    "during", "would", "could", "should", "is", "are", "was", "were", "has", "have", "be", "been", "being",
    "unless", "whether", "inter", "not", "also", "thereafter", "subsequently", "however", "respectively",
}
_INLINE_SUBORDINATORS = re.compile(r"\b(?:whereby|in\s+order\s+that|so\s+that|provided\s+that)\b", re.IGNORECASE)
_ALLOWED_AFTER_AGENT = re.compile(
    r"^(?:,|which\b|who\b|whom\b|whose\b|that\b|(?:on|in|from|for)\s+whose\b|of\b|to\b|in\b|on\b|at\b|from\b"
    r"|with\b|under\b|for\b|as\b|\w+ing\b|concerned\b|hereby\b|also\b|furthermore\b|\w+ly\b)",
    re.IGNORECASE,
)
_INSTRUMENT_SUBJECT = re.compile(
    r"^(?:(?:this|the|such|any|an?|each|all)\s+)?(?:(?:present|proposed|original)\s+)?"
    r"(?:Treaty|Agreement|Convention|Protocol|amendments?|instruments?\s+of|provisions?\b|original\b)",
    re.IGNORECASE,
)
_CONSTITUTIVE = re.compile(
    r"^(?:not\s+)?(?:be\s+(?:of\b|the\s+subject\b|subject\s+to\b|the\s+province\b|equally\s+authentic\b"
    r"|without\s+prejudice\b|deemed\b|regarded\b|considered\b|construed\b|affected\b|(?:the|a|an)\s+[A-Z])"
    r"|enter\s+into\s+force\b|take\s+effect\b|apply\b|include\b|remain\b|become\b|create\b|constitute\b)",
)


@dataclass
class Clause:
    """A main clause found in a sentence, before it is split into undertakings (offsets in the sentence)."""

    modality: Modality
    kind: str
    marker: str
    marker_start: int
    marker_end: int
    quote_start: int
    end: int = -1
    subject: str = ""
    subject_agent: str | None = None
    bearer: str | None = None
    bearer_text: str = ""
    conditions: list[str] = field(default_factory=list)


def main_clauses(text: str) -> list[Clause]:
    """The main clauses of a sentence, in order, each ending before the connective of the next."""
    clauses = _find(text)
    for position, clause in enumerate(clauses):
        clause.end = clauses[position + 1].quote_start if position + 1 < len(clauses) else len(text)
        if position + 1 < len(clauses):
            # The previous clause stops before the connective of the next one.
            connective = re.search(r"(?:,?\s*(?:and|or|while|whereas|but)?\s*,?\s*(?:who|which)?\s*)$",
                                   text[: clauses[position + 1].quote_start])
            if connective:
                clause.end = min(clause.end, connective.start())
    return clauses


def constitutive(clause: Clause, action: str) -> bool:
    """Whether a clause sets the instrument's own status or effect rather than directing conduct."""
    if clause.kind in {"savings", "existential", "impersonal"}:
        return False
    if clause.subject and _INSTRUMENT_SUBJECT.match(clause.subject):
        return True
    return bool(_CONSTITUTIVE.match(action))


def _find(text: str) -> list[Clause]:
    clauses: list[Clause] = []
    subordinate_end = -1
    if _SUBORDINATORS.match(text):
        comma = text.find(",")
        subordinate_end = comma if comma >= 0 else len(text)
    for match in markers(text):
        modality, kind = marker_kind(match)
        if match.start() < subordinate_end:
            continue
        if _INLINE_SUBORDINATORS.search(text[(clauses[-1].marker_end if clauses else 0): match.start()]):
            continue
        clause = Clause(modality, kind, clean(match.group()), match.start(), match.end(), match.start())
        before = text[: match.start()]
        if kind in {"savings", "existential"} and not clauses:
            clause.quote_start = 0
            clauses.append(clause)
            continue
        if not clauses:
            if _main_subject(text, clause):
                clauses.append(clause)
            continue
        previous = clauses[-1]
        coordinated = re.search(r"(?:,\s*|\s+)(?:and|or)\s*(?:,\s*(?P<paren>[^,]{1,80}),\s*)?$", before)
        relative = re.search(r"(?P<comma>,)?\s*(?:(?P<prep>to|with|in|from|for|by)\s+)?(?:who|which|whom)\s*"
                             r"(?P<pron>they|it)?\s*(?:,\s*(?P<paren>[^,]{1,80}),\s*)?$", before)
        if relative and not relative.group("comma") and _agent_ending_at(before[: relative.start()]) is None:
            relative = None  # a restrictive "which" after a non-agent: not a clause of its own
        if kind == "existential" and coordinated:
            clause.quote_start = match.start()
            clauses.append(clause)
        elif relative:
            clause.quote_start = relative.start() + len(relative.group(0)) - len(relative.group(0).lstrip(", "))
            if relative.group("pron"):
                clause.bearer, clause.bearer_text = previous.bearer, previous.bearer_text
                clause.subject_agent = previous.subject_agent
            else:
                agent = _agent_ending_at(before[: relative.start()])
                if agent is not None:
                    clause.subject_agent = agent
                    clause.subject = agent
            if relative.group("paren"):
                clause.conditions.append(clean(relative.group("paren")))
            clauses.append(clause)
        elif coordinated:
            clause.quote_start = match.start()
            clause.subject = previous.subject
            clause.subject_agent = previous.subject_agent
            clause.bearer_text = previous.bearer_text
            clause.bearer = previous.bearer if previous.subject_agent or previous.bearer else None
            if coordinated.group("paren"):
                clause.conditions.append(clean(coordinated.group("paren")))
            clauses.append(clause)
        else:
            boundary = None
            for found in re.finditer(r";\s+|,\s+(?:and|but|while|whereas)\s+", before):
                if found.start() >= previous.marker_end:
                    boundary = found
            if boundary is not None:
                clause.quote_start = boundary.end()
                if _subject_from(text, clause, boundary.end()):
                    clauses.append(clause)
    return clauses


def _main_subject(text: str, clause: Clause) -> bool:
    """Find the subject of the first main clause; False if the marker is not in a main clause."""
    region = text[: clause.marker_start]
    start = 0
    if _OPENERS.match(region):
        start = -1
        for comma in re.finditer(r",", region):
            segment = region[comma.end():].lstrip()
            if segment and _looks_like_subject(segment):
                start = comma.end() + (len(region[comma.end():]) - len(segment))
                break
        if start < 0:
            tail = re.search(rf"(?:\b(?:they|it)|{AGENT_NP.pattern})\s*$", region, re.IGNORECASE)
            start = tail.start() if tail else len(region)
        lead = clean(region[:start])
        if lead:
            clause.conditions.append(lead)
    clause.quote_start = 0
    return _subject_from(text, clause, start)


def _subject_from(text: str, clause: Clause, start: int) -> bool:
    """Read the subject from ``start`` to the marker; False if it is not one a main clause can have."""
    subject = text[start: clause.marker_start]
    subject = re.sub(r"\s+(?:hereby|also|furthermore|likewise)\s*$", " ", subject)
    clause.subject = clean(subject)
    if clause.kind in {"savings", "existential"}:
        return True
    if clause.subject.casefold() in PRONOUNS:
        clause.subject_agent = clause.subject
        return True
    agent = AGENT_AT_START.match(clause.subject)
    if agent is None:
        return not _looks_finite(clause.subject)
    remainder = clause.subject[agent.end():].strip()
    if remainder and not _ALLOWED_AFTER_AGENT.match(remainder):
        return False
    clause.subject_agent = clean(agent.group())
    owner = re.match(r"of\s+[^,]*?(?=\s+(?:which|who|that|whose)\b|,|$)", remainder)
    if owner:
        # "the astronauts of one State Party", "States members of any such organization": part of the name.
        clause.subject_agent = f"{clause.subject_agent} {clean(owner.group())}"
        remainder = remainder[owner.end():].strip()
    if remainder:
        clause.conditions.append(clean(remainder))
    return True


def _looks_like_subject(segment: str) -> bool:
    first = re.match(r"[\w'-]+", segment)
    if first is None:
        return False
    word = first.group().casefold()
    if word in _NON_SUBJECT_FIRST:
        return False
    if word.endswith("ing") or (word.endswith("ly") and word not in {"only"}):
        return False
    return not (_OPENERS.match(segment) and word not in {"one", "two", "ten"})


def _looks_finite(subject: str) -> bool:
    """A non-agent "subject" that is really a clause with its own verb ("States Parties recognize that ...")."""
    return bool(re.search(r"\b(?:recognize|recognizes|agree|agrees|note|notes|consider|considers)\s+that\b", subject))


def _agent_ending_at(text: str) -> str | None:
    stripped = text.rstrip(" ,")
    found = None
    for match in AGENT_NP.finditer(stripped):
        if match.end() == len(stripped):
            found = match
            break
    return clean(found.group()) if found else None
