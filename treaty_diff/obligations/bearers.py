"""Who bears a clause: its agent, as a short canonical name with the words as written.

The bearer is a short canonical name ("States Parties", "each State Party",
"the Depositary", "the Technical Secretariat", :func:`canonical_bearer`) with
the words as written in ``bearer_text``. :func:`bearer_of` takes

- the subject, when it names an agent (:func:`.vocabulary.is_agent`: a
  capitalized name that is not a document or a place, or a noun that names who
  can act); its relative or participle qualifier ("which has reason to believe
  ...", "conducting activities in outer space") goes to the conditions
  (:mod:`.clauses`); a subject that denies ("No State Party", "Neither Party")
  names each of those parties;
- for a passive or a subject that is not an agent, the agent of a "by" phrase
  ("shall be used by all States Parties", "both by X and by Y", "by agreement
  (negotiation, decision) between the States concerned"), of "be the subject
  of agreement between X" and of "require the prior authorization of X"; an
  agent after another participle ("the Declaration adopted by the General
  Assembly") is not the clause's. Else the owner in "Activities of States
  Parties ...";
- in a savings clause, the party whose freedom is kept ("shall prevent a Party
  from ...", "without prejudice to the right of the third State");
- "it" / "they" resolved to the party of a leading "If/When/Should ..."
  clause, else to the bearer of the clause before when the number agrees, else
  to the nearest agent that agrees, in the sentence or the one before; "the
  former" / "the latter" to the first / last party of the leading clause;
- a relative "..., who/which shall" is borne by the noun it follows
  (:mod:`.clauses`);
- otherwise (an impersonal "... shall be forbidden", "Due regard shall be
  paid"), ``bearer`` is ``"unspecified"`` and ``bearer_named`` is false.
"""

from __future__ import annotations

import re

from treaty_diff.model.obligations import UNSPECIFIED
from treaty_diff.obligations.sentences import clean
from treaty_diff.obligations.subjects import Clause
from treaty_diff.obligations.vocabulary import (
    AGENT_AT_START,
    AGENT_NOUN,
    AGENT_NP,
    PASSIVE,
    PRONOUNS,
    SUBJECT_ACTS,
    is_agent,
)

_PLURAL_HEADS = re.compile(
    r"^(?:States Parties|Parties|parties|States|States members|member States|Governments|astronauts|representatives)$",
    re.IGNORECASE,
)
#: The agent of a passive: "by all States Parties", "by agreement between the States concerned", "by negotiation
#: between the Parties", "both by the international organization and by the States Parties".
_BY_AGENT = re.compile(
    rf"\b(?:both\s+)?by\s+(?:(?:mutual\s+)?(?:agreement|negotiations?|consultations?|consensus|decision)\s+"
    rf"(?:between|among|of)\s+)?(?:both\s+)?(?P<a>{AGENT_NP.pattern}|them|it)"
    rf"(?:\s+and\s+(?:by\s+)?(?P<b>{AGENT_NP.pattern}))?",
    re.IGNORECASE,
)
#: The owner of the conduct a subject names: "Activities of States Parties ..." (the "of" right after its noun).
_OWNER = re.compile(rf"^(?:the\s+)?(?:[\w-]+\s+)?[\w-]+\s+of\s+(?P<a>{AGENT_NP.pattern})", re.IGNORECASE)
#: "be the subject of agreement between the parties concerned": the parties are to agree.
_AGREEMENT_BETWEEN = re.compile(rf"^be\s+the\s+subject\s+of\s+(?:an?\s+)?(?:mutual\s+)?agreements?\s+"
                                rf"(?:between|among)\s+(?P<a>{AGENT_NP.pattern})", re.IGNORECASE)
#: "require the prior authorization of the High Contracting Party": the party that authorizes.
_REQUIRED_OF = re.compile(rf"^require\s+(?:the\s+)?(?:prior\s+|express\s+)?"
                          rf"(?:authori[sz]ation|approval|consent|permission|licen[cs]e)(?:\s+and\s+[\w\s-]{{1,40}}?)?\s+(?:of|by)\s+(?P<a>{AGENT_NP.pattern})",
                          re.IGNORECASE)
#: In a savings clause, whose freedom is kept: "prevent a Party from ...", "the right(s) (and obligations) of X".
_SAVED = re.compile(
    rf"^(?:prevent(?:ing)?|preclud(?:e|ing)|prohibit(?:ing)?)\s+(?P<a>{AGENT_NP.pattern})"
    rf"|\brights?\s+(?:and\s+obligations\s+|or\s+obligations\s+)?of\s+(?P<b>{AGENT_NP.pattern})",
    re.IGNORECASE,
)
#: The agent of a leading "If/When ..." clause, which "it" / "they" refer to.
_LEADING_AGENT = re.compile(rf"^(?:If|When|Where|Whenever|Once|Should)\s*(?:,\s*(?:however|moreover|therefore)\s*,)?\s+"
                            rf"(?:(?:a|an|the)\s+[\w-]+\s+of\s+)?"
                            rf"(?P<a>{AGENT_NP.pattern})", re.IGNORECASE)
_AGENT_STOP = re.compile(r"[,;]|\b(?:which|who|that|whose|whereby|so\s+that|in\s+order)\b")
_NEGATIVE_DETERMINER = re.compile(r"^(?:(?P<of>none\s+of\s+the)|no|neither)\s+", re.IGNORECASE)


def canonical_bearer(text: str) -> str:
    """The short name of an agent noun phrase: "Each State Party to this Treaty" -> "each State Party".

    Determiners are lowercased ("No State Party" and "Neither Party", which deny, become "each ..."); the plural
    heads lose "the", "all", "such"; "to this Treaty", "of the United Nations" are dropped, and so is the
    complement of a common noun ("the astronauts of one State Party" -> "astronauts"), not that of a name ("the
    Conference of the States Parties").
    """
    phrase = clean(text)
    phrase = _NEGATIVE_DETERMINER.sub(lambda m: "each of the " if m.group("of") else "each ", phrase)
    phrase = re.sub(r"^(?:two\s+or\s+more)\s+", "", phrase, flags=re.IGNORECASE)
    phrase = re.sub(r"\s+(?:to\s+(?:this|the\s+present|the)\s+(?:Treaty|Agreement|Convention|Protocol|Code)"
                    r"|of\s+the\s+United\s+Nations|of\s+(?:this|the)\s+(?:Treaty|Agreement|Convention|Protocol))\b",
                    "", phrase)
    phrase = re.sub(r"^(each|any)\s+of\s+the\s+States\s+Parties\b", r"\1 State Party", phrase, flags=re.IGNORECASE)
    phrase = re.sub(r"^(each|any)\s+of\s+the\s+Parties\b", r"\1 Party", phrase, flags=re.IGNORECASE)
    # The complement of a common noun goes ("the astronauts of one State Party"); a name keeps its own.
    complement = re.search(r"\b(?P<word>[\w-]+)\s+(?:of|to)\s", phrase)
    if complement and (complement.group("word")[:1].islower() or (
            complement.start() == 0 and AGENT_NOUN.fullmatch(complement.group("word")))):
        # "the astronauts of one State Party", and "Operators of space objects" (a common noun opening a sentence)
        phrase = phrase[: complement.end("word")]
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
    if _PLURAL_HEADS.match(head) or (head.endswith("s") and not head.endswith("ss") and head[:1].islower()):
        lead = [w for w in lead if w not in {"the", "all", "such", "both", "those", "these"}]
    return " ".join([*lead, rest]).strip()


def bearer_of(text: str, clause: Clause, action: str, last_bearer: tuple[str, str] | None,
              previous: str = "") -> tuple[str, str]:
    """The bearer of a clause and its words as written; ``last_bearer`` is that of the clause before, if any, and
    ``previous`` the sentence before (of the same provision), where "it" may find what it names."""
    if clause.bearer is not None and clause.bearer != UNSPECIFIED:
        return clause.bearer, clause.bearer_text
    if clause.kind == "savings":
        if re.search(r"(?:\bof|prevent(?:ing)?|preclud(?:e|ing)|affect(?:ing)?|requires?|obliges?|compels?)$",
                     clause.marker):
            # "without prejudice to the right of X", "shall prevent X from": X is at the start of the action
            first = AGENT_AT_START.match(action)
            if first and is_agent(first.group()):
                return canonical_bearer(first.group()), clean(first.group())
        saved = _SAVED.search(action)
        if saved and is_agent(saved.group("a") or saved.group("b")):
            name = saved.group("a") or saved.group("b")
            return canonical_bearer(name), clean(name)
    passive = PASSIVE.match(action)
    subject_acts = passive is None or passive.group("part") in SUBJECT_ACTS
    if clause.kind in {"savings", "existential", "free", "impersonal", "not-subject"}:
        subject_acts = False
    if subject_acts and clause.subject_agent:
        if clause.subject_agent.casefold() in PRONOUNS | {"the former", "the latter"}:
            return _resolve_pronoun(text, clause, last_bearer, previous)
        return canonical_bearer(clause.subject_agent), clause.subject_agent
    agreement = _AGREEMENT_BETWEEN.match(action) or _REQUIRED_OF.match(action)
    if agreement and is_agent(agreement.group("a")):
        return canonical_bearer(agreement.group("a")), clean(agreement.group("a"))
    by = _BY_AGENT.search(action, 0, _agent_reach(action))
    if by:
        names = [by.group("a")] + ([by.group("b")] if by.group("b") else [])
        if names[0].casefold() in PRONOUNS:
            window = max(0, clause.marker_start - 600)
            agents = [m for m in AGENT_NP.finditer(text, window, clause.marker_start)
                      if _is_plural(m.group()) and is_agent(m.group())]
            if agents:
                return canonical_bearer(agents[-1].group()), clean(agents[-1].group())
        elif all(is_agent(name) for name in names):
            return " and ".join(canonical_bearer(n) for n in names), clean(action[by.start("a"): by.end()])
    if clause.subject and not clause.subject_agent:
        owner = _OWNER.match(clause.subject)
        if owner and passive is None and clause.kind == "modal" and is_agent(owner.group("a")):
            return canonical_bearer(owner.group("a")), clean(owner.group("a"))
    return UNSPECIFIED, ""


def _agent_reach(action: str) -> int:
    """How far into an action its agent ("by ...") may stand: up to the first comma, semicolon or relative or
    subordinate word, and not after a participle other than the passive's own ("..., taking into account the
    Declaration adopted by the General Assembly": the Assembly adopted the Declaration, it does not carry out the
    activities)."""
    stop = _AGENT_STOP.search(action)
    end = stop.start() if stop else len(action)
    first_by = re.search(r"\bby\b", action[:end])
    if first_by is None:
        return end
    words = re.findall(r"[\w-]+", action[: first_by.start()])
    if words[:1] == ["be"]:
        words = words[1:]
        while words and words[0].endswith("ly"):
            words = words[1:]
        words = words[1:]  # the passive's own participle
    if any(re.fullmatch(r"[a-z-]+(?:ed|en)", word) and word not in {"been", "often", "when", "then"}
           for word in words):
        return 0
    return end


def patient(text: str, clause: Clause) -> str:
    """What a passive clause acts upon: its subject, with a pronoun resolved."""
    if clause.subject.casefold() in PRONOUNS:
        leading = _LEADING_AGENT.match(text)
        if leading:
            return canonical_bearer(leading.group("a"))
    return clause.subject


def _resolve_pronoun(text: str, clause: Clause, last_bearer: tuple[str, str] | None,
                     previous: str = "") -> tuple[str, str]:
    """Who "it", "they", "the former" or "the latter" names: the party of a leading "If/When/Should ..." clause
    ("the former" its first party, "the latter" its last), else the bearer of the clause before when its number
    agrees, else the nearest agent before the clause that agrees, else the first agent of the sentence before that
    agrees ("A Joint Consultative Group is hereby established. It shall ...")."""
    pronoun = (clause.subject_agent or "").casefold()
    plural = pronoun in {"they", "them"}
    lead_end = clause.quote_start if clause.quote_start > 0 else clause.marker_start
    if pronoun in {"the former", "the latter"}:
        agents = [m for m in AGENT_NP.finditer(text, 0, lead_end) if is_agent(m.group())]
        if agents:
            chosen = agents[0] if pronoun == "the former" else agents[-1]
            return canonical_bearer(chosen.group()), clean(chosen.group())
        return last_bearer if last_bearer is not None else (UNSPECIFIED, "")
    leading = _LEADING_AGENT.match(text)
    if leading and leading.end("a") <= clause.marker_start and is_agent(leading.group("a")) \
            and _is_plural(leading.group("a")) == plural:
        return canonical_bearer(leading.group("a")), clean(leading.group("a"))
    if last_bearer is not None and (last_bearer[0] == UNSPECIFIED or _is_plural(last_bearer[0]) == plural
                                    or pronoun not in {"it", "they"}):
        return last_bearer
    window = max(0, lead_end - 600)
    agreeing = [m for m in AGENT_NP.finditer(text, window, lead_end)
                if is_agent(m.group()) and _is_plural(m.group()) == plural]
    if agreeing:
        return canonical_bearer(agreeing[-1].group()), clean(agreeing[-1].group())
    earlier = next((m for m in AGENT_NP.finditer(previous, 0, min(len(previous), 400))
                    if is_agent(m.group()) and _is_plural(m.group()) == plural), None)
    if earlier is not None:
        return canonical_bearer(earlier.group()), clean(earlier.group())
    if last_bearer is not None:
        return last_bearer
    return UNSPECIFIED, ""


def _is_plural(phrase: str) -> bool:
    name = clean(re.sub(r"\s+(?:to|of)\s+(?:this|the)\s+\w+$", "", clean(phrase)))
    name = re.sub(r"\s+concerned$", "", name)
    last = name.split()[-1] if name.split() else ""
    return bool(re.search(r"(?:Parties|States|Governments|astronauts|representatives|members)$", name)) or (
        last.endswith("s") and not last.endswith("ss") and last.casefold() not in {"its", "this", "us"})
