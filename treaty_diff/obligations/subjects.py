"""The subject of a main clause: where it starts, whether it names an agent, and what qualifies it.

:mod:`.clauses` finds the markers of a sentence; this module reads what stands before each (:class:`Clause` holds
what is found):

- the first clause's subject starts after a leading adverbial ("If ...", "In the event of ...", "Upon ...", "Not
  later than ...", "Should ... ,"), at the last comma after which an agent or "it"/"they" stands, else at the first
  after which a subject may start; the adverbial goes to the conditions (:func:`main_subject`);
- a subject (:func:`subject_from`) names an agent when it starts with one (:func:`.vocabulary.is_agent`); its
  qualifier ("which has reason to believe ...", "conducting activities in outer space", "so joined") goes to the
  conditions, the owner in "the astronauts of one State Party" is part of the name, a reporting verb ("Declares that",
  "The Parties agree that") and a leading connective ("otherwise", "however") are not part of it, and a subject that
  denies ("No State Party", "Neither Party") turns the modality (:mod:`.clauses`);
- a marker is not a main clause's when its subject ends in a relative pronoun ("Any vacancy which [may arise]") or
  inside a relative clause with its own subject ("Arrangements under which such assistance [shall be rendered]"), or
  when the subject is itself a clause with a finite verb ("States Parties recognize that ...");
- "It shall be unlawful for X to ...": X (:func:`_unlawful`).

Every test reads a bounded window (:data:`WINDOW`) or the subject itself, which the sentence's clauses do not share,
so a sentence is read in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from treaty_diff.model.obligations import Modality
from treaty_diff.obligations.sentences import clean
from treaty_diff.obligations.vocabulary import AGENT_AT_START, AGENT_LAST_WORD, AGENT_NP, PRONOUNS, is_agent

#: Words that open an adverbial phrase before the subject.
_OPENERS = re.compile(
    r"^(?:Only\s+(?:where|when|if|after|upon)|If|Where|When|Whenever|Unless|Although|While|Whereas|Once|Until|In|For"
    r"|With|Upon|On|At|After|Before|During"
    r"|Subject|Without|Thereafter|Subsequently|However|Moreover|Furthermore|To|Notwithstanding|Pending|Within|Under"
    r"|Having|Should|Not\s+later|No\s+later|Not\s+less|No\s+less|Not\s+more|No\s+more|As\s+soon|As\s+from|From"
    r"|Following|Prior|Except|Save|Where|Without|Otherwise|Accordingly|Consequently|Therefore|Thus|Then"
    r"|\d+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twelve|Twenty|Thirty)\b",
    re.IGNORECASE,
)
_NON_SUBJECT_FIRST = {
    "including", "in", "on", "at", "by", "for", "with", "from", "to", "as", "upon", "within", "under", "without",
    "and", "or", "but", "if", "when", "where", "while", "which", "who", "that", "whose", "after", "before",
    "during", "would", "could", "should", "is", "are", "was", "were", "has", "have", "be", "been", "being",
    "unless", "whether", "inter", "not", "also", "thereafter", "subsequently", "however", "respectively",
}
_ALLOWED_AFTER_AGENT = re.compile(
    r"^(?:,|which\b|who\b|whom\b|whose\b|that\b|(?:on|in|from|for)\s+whose\b|of\b|to\b|in\b|on\b|at\b|from\b"
    r"|with\b|under\b|for\b|as\b|\w+ing\b|concerned\b|hereby\b|also\b|furthermore\b|\w+ly\b)",
    re.IGNORECASE,
)
#: A reporting verb that introduces the clause, with the agent that reports: "Declares that", "The Parties agree
#: that". (Not "recognize that" or "note that", whose clause states a fact: see :func:`_looks_finite`.)
_REPORTING = re.compile(
    rf"^(?:{AGENT_NP.pattern}\s+)?(?:(?:also|further|furthermore|hereby|solemnly|strongly|once\s+again)\s+)*"
    r"(?:declares?|stresses?|affirms?|reaffirms?|emphasi[sz]es?|underlines?|underscores?|decides?|agrees?"
    r"|determines?|resolves?)\s+that\s+",
    re.IGNORECASE,
)
#: A subject that denies: "No State Party", "Neither Party", "None of the Parties", "Neither the launch ... nor ...".
_NEGATIVE_SUBJECT = re.compile(r"^(?:no|neither|none|nor)\b", re.IGNORECASE)
#: What the addressee of an addressed clause is followed by: the infinitive that starts the action.
TO_INFINITIVE = re.compile(r"\bto\s+(?=\w)")
SPACES = re.compile(r"\s*")
_RELATIVE_WITH_SUBJECT = re.compile(r"\b(?:which|whom)\s+(?P<rest>(?:[\w-]+\s+){0,5}[\w-]+)$", re.IGNORECASE)
_FINITE_WORDS = frozenset({"is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "not", "can",
                           "could", "would", "being", "been", "be", "may", "shall", "must", "will", "should"})
#: Words that open a noun phrase: after "which", they start the relative clause's own subject.
_NP_OPENERS = frozenset({"the", "a", "an", "such", "any", "its", "their", "this", "that", "these", "those", "it",
                         "they", "each", "every", "all", "no"})
_RELATIVE_END = re.compile(r"\b(?:which|who|whom|whose|that)$", re.IGNORECASE)
_LEADING_CONNECTIVE = re.compile(
    r"^(?:otherwise|however|moreover|furthermore|in\s+addition|in\s+that\s+case|in\s+such\s+a\s+case|thereafter"
    r"|subsequently|then|likewise|similarly|accordingly|consequently|therefore|thus|in\s+particular)\s*,?\s+",
    re.IGNORECASE)
#: An agent coordinated with nouns that are not agents: "Personnel, space vehicles, equipment ...".
_COORDINATED_SUBJECT = re.compile(
    r"^,\s*(?!(?:which|who|whom|whose|that|including|in\s+particular|as\s+well|acting|in\b|on\b|at\b|under\b"
    r"|with\b|for\b|to\b|of\b|from\b)\b)(?-i:[a-z][\w-]*)\b(?:[^,;]*)(?:,|\s+(?:and|or)\s+)")
_FINITE_REMAINDER = re.compile(r"^(?:[a-z]+\s+){0,2}(?:that|whether)\b")
#: How far back from a marker the tests of a clause read (characters): a connective, a relative pronoun with its
#: parenthetical (at most 80 characters), an agent noun phrase are shorter. A bounded window keeps a long
#: sentence linear.
WINDOW = 200
#: The last words an agent noun phrase (:data:`.vocabulary.AGENT_NP`) can end with.
_AGENT_LAST_WORD = re.compile(AGENT_LAST_WORD, re.IGNORECASE)
_TAIL_AGENT = re.compile(rf"(?:\b(?:they|it)|{AGENT_NP.pattern})\s*$", re.IGNORECASE)


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
    #: Where the action starts when it does not follow the marker (an addressed clause: after its addressee).
    action_from: int = -1
    #: Whether the subject denies ("No State Party", "Neither Party"): the marker's modality is turned.
    negative: bool = False



def main_subject(text: str, clause: Clause) -> bool:
    """Find the subject of the first main clause; False if the marker is not in a main clause."""
    region_end = clause.marker_start
    start = 0
    if _OPENERS.match(text, 0, region_end):
        start = -1
        fallback = -1
        commas = [comma.end() for comma in re.finditer(r",", text[:region_end])]
        for end in commas:  # the first comma after which a subject may start
            after = text[end: min(region_end, end + WINDOW)]
            segment = after.lstrip()
            if segment and _looks_like_subject(segment):
                fallback = end + len(after) - len(segment)
                break
        # The last comma after which an agent or a pronoun stands: "..., or both, the State of registry shall",
        # "..., a Contracting Party, it shall".
        for end in reversed(commas):
            after = text[end: min(region_end, end + WINDOW)]
            segment = after.lstrip()
            agent = AGENT_AT_START.match(segment)
            if (agent is not None and is_agent(agent.group())) or re.match(r"(?:it|they)\b", segment):
                start = end + len(after) - len(segment)
                break
        if start < 0:
            start = fallback
        if start < 0 and _RELATIVE_END.search(text[max(0, region_end - 20): region_end].rstrip()):
            return False  # "Where ..., or which may be ...": the marker is in a relative clause
        if start < 0:
            window = max(0, region_end - WINDOW)
            tail = _TAIL_AGENT.search(text, window, region_end)
            start = tail.start() if tail else region_end
        lead = clean(text[:start])
        if lead:
            clause.conditions.append(lead)
    clause.quote_start = 0
    return subject_from(text, clause, start)


def subject_from(text: str, clause: Clause, start: int) -> bool:
    """Read the subject from ``start`` to the marker; False if it is not one a main clause can have."""
    subject = text[start: clause.marker_start]
    subject = re.sub(r"\s+(?:hereby|also|furthermore|likewise)\s*$", " ", subject)
    clause.subject = clean(subject)
    reporting = _REPORTING.match(clause.subject)
    if reporting:  # "Declares that no State ...", "The Parties agree that each Party ...": the clause reported
        clause.subject = clause.subject[reporting.end():]
    if _RELATIVE_END.search(clause.subject) or _in_relative(clause.subject):
        return False  # "Any vacancy which may arise ...": the marker is in a relative clause of the subject
    connective = _LEADING_CONNECTIVE.match(clause.subject)
    if connective:  # "otherwise the Commission shall ...": the connective is a condition
        clause.conditions.append(clean(connective.group()))
        clause.subject = clause.subject[connective.end():]
    clause.negative = bool(_NEGATIVE_SUBJECT.match(clause.subject))
    if clause.kind in {"savings", "existential"}:
        return True
    if clause.kind == "unlawful":
        return _unlawful(text, clause)
    if clause.subject.casefold() in PRONOUNS or clause.subject.casefold() in {"the former", "the latter"}:
        clause.subject_agent = clause.subject
        return True
    agent = AGENT_AT_START.match(clause.subject)
    if agent is None or not is_agent(agent.group()):
        return not _looks_finite(clause.subject)
    remainder = clause.subject[agent.end():].strip()
    if _COORDINATED_SUBJECT.match(remainder):
        return True  # "Personnel, space vehicles, equipment ... may move": not all of it can act
    if remainder and not _ALLOWED_AFTER_AGENT.match(remainder) and (
            _FINITE_REMAINDER.match(remainder) or _looks_finite(remainder)):
        return False  # "States Parties recognize that ...": the marker is not in a main clause
    clause.subject_agent = clean(agent.group())
    owner = re.match(r"of\s+[^,]*?(?=\s+(?:which|who|that|whose)\b|,|$)", remainder)
    if owner:
        # "the astronauts of one State Party", "States members of any such organization": part of the name.
        clause.subject_agent = f"{clause.subject_agent} {clean(owner.group())}"
        remainder = remainder[owner.end():].strip()
    if remainder:
        clause.conditions.append(clean(remainder))
    return True


def _unlawful(text: str, clause: Clause) -> bool:
    """"It shall be unlawful for X to ...": X bears the prohibition; the action starts after "to"."""
    agent = AGENT_AT_START.match(text, SPACES.match(text, clause.marker_end).end())  # type: ignore[union-attr]
    if agent is not None and is_agent(agent.group()):
        clause.subject_agent = clean(agent.group())
        infinitive = TO_INFINITIVE.search(text, agent.end(), min(len(text), agent.end() + 300))
        clause.action_from = infinitive.end() if infinitive else agent.end()
    else:
        infinitive = TO_INFINITIVE.search(text, clause.marker_end, min(len(text), clause.marker_end + 300))
        clause.action_from = infinitive.end() if infinitive else clause.marker_end
    return True


def _in_relative(subject: str) -> bool:
    """Whether the subject ends inside a relative clause with a subject of its own and no verb yet: "Arrangements
    under which such assistance [shall be rendered]"."""
    found = _RELATIVE_WITH_SUBJECT.search(subject)
    if found is None:
        return False
    words = found.group("rest").casefold().split()
    if words[0] not in _NP_OPENERS:
        return False  # "which learns of an accident": the relative clause has its verb, the marker is the main one
    return not any(word in _FINITE_WORDS or word.endswith("ed") for word in words)


def _looks_like_subject(segment: str) -> bool:
    agent = AGENT_AT_START.match(segment)
    if agent is not None and is_agent(agent.group()):
        return True  # "that organisation and ...": a determiner, not a conjunction
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


def agent_ending_at(text: str, end: int) -> str | None:
    """The agent noun phrase that ends ``text[:end]`` (spaces and commas aside), read in a bounded window."""
    stripped_end = len(text[max(0, end - WINDOW): end].rstrip(" ,")) + max(0, end - WINDOW)
    if not _AGENT_LAST_WORD.search(text, max(0, stripped_end - 40), stripped_end):
        return None  # the last word cannot end an agent noun phrase: no need to read the window
    window = max(0, stripped_end - WINDOW)
    for match in AGENT_NP.finditer(text, window, stripped_end):
        if match.end() == stripped_end:
            return clean(match.group())
    return None
