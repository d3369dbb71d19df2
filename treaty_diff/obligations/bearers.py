"""Who bears a clause: its agent, as a short canonical name with the words as written.

The bearer is a short canonical name ("States Parties", "each State Party",
"the Depositary", "the Executive Organization", :func:`canonical_bearer`) with
the words as written in ``bearer_text``. :func:`bearer_of` takes

- the subject, when it names an agent (States, Parties, the Depositary, the
  Secretary-General, an organization, astronauts, representatives, a
  conference); its relative or participle qualifier ("which has reason to
  believe ...", "conducting activities in outer space") goes to the conditions
  (:mod:`.clauses`);
- for a passive or a subject that is not an agent, the agent of a "by" phrase
  ("shall be used by all States Parties"), else the owner in "Activities of
  States Parties ...";
- "it" / "they" are resolved to the subject of a leading "If/When ..." clause,
  else to the bearer of the clause before;
- a relative "..., who/which shall" is borne by the noun it follows
  (:mod:`.clauses`);
- otherwise (an impersonal "... shall be forbidden", "Due regard shall be
  paid"), ``bearer`` is ``"unspecified"`` and ``bearer_named`` is false.
"""

from __future__ import annotations

import re

from treaty_diff.model.obligations import UNSPECIFIED
from treaty_diff.obligations.clauses import Clause
from treaty_diff.obligations.sentences import clean
from treaty_diff.obligations.vocabulary import AGENT_NP, PASSIVE, PRONOUNS, SUBJECT_ACTS

_PLURAL_HEADS = re.compile(
    r"^(?:States Parties|Parties|parties|States|States members|member States|Governments|astronauts|representatives)$",
    re.IGNORECASE,
)
_BY_AGENT = re.compile(
    rf"\b(?:both\s+)?by\s+(?:both\s+)?(?P<a>{AGENT_NP.pattern}|them|it)(?:\s+and\s+by\s+(?P<b>{AGENT_NP.pattern}))?",
    re.IGNORECASE,
)
_OF_AGENT = re.compile(rf"\bof\s+(?P<a>{AGENT_NP.pattern})", re.IGNORECASE)
#: The agent of a leading "If/When ..." clause, which "it" / "they" refer to.
_LEADING_AGENT = re.compile(rf"^(?:If|When|Where|Whenever|Once)\s+(?P<a>{AGENT_NP.pattern})", re.IGNORECASE)


def canonical_bearer(text: str) -> str:
    """The short name of an agent noun phrase: "Each State Party to this Treaty" -> "each State Party"."""
    phrase = clean(text)
    phrase = re.sub(r"\s+(?:to\s+(?:this|the)\s+(?:Treaty|Agreement)|of\s+the\s+United\s+Nations"
                    r"|of\s+(?:this|the)\s+Treaty)\b", "", phrase)
    phrase = re.sub(r"^(each|any)\s+of\s+the\s+States\s+Parties\b", r"\1 State Party", phrase, flags=re.IGNORECASE)
    phrase = re.sub(r"^(each|any)\s+of\s+the\s+Parties\b", r"\1 Party", phrase, flags=re.IGNORECASE)
    phrase = re.sub(r"(?<=\w)\s+of\s+.*$", "", phrase)  # "the astronauts of one State Party" -> "the astronauts"
    words = phrase.split()
    determiners = {"each", "any", "every", "a", "an", "the", "all", "that", "this", "such", "those", "these",
                   "both", "one", "other", "another", "either"}
    lead: list[str] = []
    while words and words[0].casefold() in determiners:
        lead.append(words.pop(0).casefold())
    rest = " ".join(words)
    if rest.casefold() == "executive organization":
        rest = "Executive Organization"
    head = re.sub(r"\s+concerned$", "", rest)
    if _PLURAL_HEADS.match(head):
        lead = [w for w in lead if w not in {"the", "all", "such", "both", "those", "these"}]
    return " ".join([*lead, rest]).strip()


def bearer_of(text: str, clause: Clause, action: str, last_bearer: tuple[str, str] | None) -> tuple[str, str]:
    """The bearer of a clause and its words as written; ``last_bearer`` is that of the clause before, if any."""
    if clause.bearer is not None and clause.bearer != UNSPECIFIED:
        return clause.bearer, clause.bearer_text
    passive = PASSIVE.match(action)
    subject_acts = passive is None or passive.group("part") in SUBJECT_ACTS
    if clause.kind in {"savings", "existential", "free", "impersonal"}:
        subject_acts = False
    if subject_acts and clause.subject_agent:
        if clause.subject_agent.casefold() in PRONOUNS:
            return _resolve_pronoun(text, last_bearer)
        return canonical_bearer(clause.subject_agent), clause.subject_agent
    by = _BY_AGENT.search(action)
    if by:
        names = [by.group("a")] + ([by.group("b")] if by.group("b") else [])
        if names[0].casefold() in PRONOUNS:
            agents = [m for m in AGENT_NP.finditer(text[: clause.marker_start]) if _is_plural(m.group())]
            if agents:
                return canonical_bearer(agents[-1].group()), clean(agents[-1].group())
        else:
            return " and ".join(canonical_bearer(n) for n in names), clean(by.group()[3:])
    if clause.subject and not clause.subject_agent:
        owner = _OF_AGENT.search(clause.subject)
        if owner and passive is None:
            return canonical_bearer(owner.group("a")), clean(owner.group("a"))
    return UNSPECIFIED, ""


def patient(text: str, clause: Clause) -> str:
    """What a passive clause acts upon: its subject, with a pronoun resolved."""
    if clause.subject.casefold() in PRONOUNS:
        leading = _LEADING_AGENT.match(text)
        if leading:
            return canonical_bearer(leading.group("a"))
    return clause.subject


def _resolve_pronoun(text: str, last_bearer: tuple[str, str] | None) -> tuple[str, str]:
    leading = _LEADING_AGENT.match(text)
    if leading:
        return canonical_bearer(leading.group("a")), clean(leading.group("a"))
    if last_bearer is not None:
        return last_bearer
    return UNSPECIFIED, ""


def _is_plural(phrase: str) -> bool:
    return bool(re.search(r"(?:Parties|States|Governments|astronauts|representatives)\s*(?:concerned)?$",
                          clean(re.sub(r"\s+(?:to|of)\s+(?:this|the)\s+\w+$", "", clean(phrase)))))
