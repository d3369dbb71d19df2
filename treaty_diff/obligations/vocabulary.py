"""The words the extractor reads by: the deontic markers, and the noun phrases that name an agent.

These are the patterns that several steps of :mod:`.extract` share. A pattern
that one step alone uses lives with that step (:mod:`.clauses`,
:mod:`.bearers`, :mod:`.undertakings`, :mod:`.sentences`).

Deontic markers
===============
A clause is listed only if it carries one of these markers; the marker decides
the modality (:data:`MARKERS`, in priority order: at one position the first
that matches wins), and the subject may turn it (:mod:`.clauses`: "No State
Party shall ..." is a prohibition):

- **prohibition**: shall/must/may/will not, (shall/will/must) refrain from,
  undertake(s) not to / to refrain from / never (under any circumstances) to,
  agree(s)/commit(s)/resolve(s) not to, shall be forbidden, is/are (likewise)
  prohibited/banned/forbidden, shall not be permitted, is/are not entitled to,
  shall in no case/event, shall neither, is not subject to, "It shall be
  unlawful for X to";
- **obligation**: shall, must, will, undertake(s) to, agree(s) to, commit(s) to,
  resolve(s) to, intend(s) to, is/are required/obliged/bound to, is/are under an
  obligation to, has/have a/the duty to, is/are (internationally) liable, need
  (be ...);
- **permission**: may, need not, is/are permitted/allowed/free to, is/are not
  obliged to, shall (also) not be prohibited, shall be permitted, "Nothing in
  this Memorandum requires X to";
- **right** (rights and savings clauses): "Nothing in this Treaty shall/may be
  interpreted as impeding ...", "... shall prevent / affect ...", shall be
  without prejudice to the right of, shall not affect the rights of, have/has
  the (inherent) right to, have the opportunity to, shall be / is entitled to,
  shall retain, shall be free for, there shall be freedom of / (full and open)
  access to;
- **recommendation**: should, ought to, is/are encouraged/invited/urged/
  requested/expected/called upon to, agree on / have regard to the desirability
  of, and the operative verbs of a resolution (Calls upon, Urges, Encourages,
  Invites, Requests, Recommends, Appeals to, Exhorts).

Declarative sentences without a marker are not listed ("Ownership ... is not
affected by ...").

Each marker also has a *kind*, which tells the later steps how to read the
clause: ``modal`` (a subject, a marker, an action), ``undertake``, ``savings``
("Nothing in this Treaty ..."), ``existential`` ("There shall be freedom of"),
``impersonal`` ("... shall be forbidden"), ``retain``, ``free``, ``unlawful``
("It shall be unlawful for X to"), ``not-subject`` ("... is not subject to
national appropriation") and ``addressed`` (a resolution's operative verb).

Agents
======
:data:`AGENT_NP` finds a noun phrase that may name who acts: a capitalized name
("the Technical Secretariat", "the Conference on Disarmament", "Subscribing
States") or a noun of :data:`_AGENT_NOUNS` ("operators", "the inspection team",
"the launching authority"), with its determiners and up to two lowercase
modifiers; :func:`is_agent` refuses documents and places (:data:`NOT_AGENTS`)
and a lone capitalized word opening a sentence ("Information shall be ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from treaty_diff.model.obligations import Modality

# -- agents ---------------------------------------------------------------------------------------------

_DET = (r"(?:(?:each|any|every|a|an|the|all|that|this|such|those|these|both|one|other|another|either|neither|no"
        r"|none\s+of\s+the|two\s+or\s+more)\s+(?:of\s+the\s+)?)*")
#: Common nouns that name who can act, in treaty English (a capitalized name, :data:`_NAME`, needs no list).
_AGENT_NOUNS = (
    r"(?:States\s+Parties|State\s+Party|States\s+members|State\s+members?|member\s+States|Parties|Party|States|State"
    r"|Governments|Government|astronauts|representatives|organi[sz]ations?|conference|operators?|entit(?:y|ies)"
    r"|persons|person|nationals|personnel|crews?|inspectors?|team|staff|agenc(?:y|ies)|authorit(?:y|ies)"
    r"|tribunals?|commissions?|committees?|council|secretariat|members|participants|signatories|chairman|chair"
    r"|parties|party|office|board|panel|centre|center|group|unit|bod(?:y|ies))"
)
#: A capitalized name: "the Technical Secretariat", "Subscribing States", "the Conference on Disarmament", "the
#: Central Point of Contact". Words naming documents and places (:data:`NOT_AGENTS`) are refused afterwards.
_CAP = r"(?-i:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*)"
_NAME = (rf"{_CAP}(?:\s+{_CAP})*(?:\s+(?:of|on|for)\s+(?:the\s+)?(?!(?-i:United\s+Nations|Treaty|Agreement)\b){_CAP}"
         rf"(?:\s+{_CAP})*|\s+of\s+(?-i:[a-z]+)\b(?=\s*[,.;]|\s+(?:concerned|shall|may|must|will|should|which|who|that)\b))?")
_HEAD = rf"(?:States\s+members|State\s+members?|member\s+States|{_NAME}|{_AGENT_NOUNS})"
_POST = (r"(?:\s+(?:to\s+(?:this|the\s+present|the)\s+(?:Treaty|Agreement|Convention|Protocol|Code)"
         r"|of\s+the\s+United\s+Nations|of\s+(?:this|the)\s+(?:Treaty|Agreement|Convention|Protocol)|concerned))*")
#: Up to two lowercase modifiers, none ending in -s: "launching", "inspected", "international space".
_NOT_MODIFIER = (r"(?:to|of|in|on|at|by|for|with|from|and|or|nor|the|a|an|as|into|upon|under|shall|may|must|will"
                 r"|should|which|who|whom|that|than|between|among|be|been|not|if|when|where|whether|before|after"
                 r"|through|against|within|without|during|concerning|regarding|is|are|was|were|has|have|had|being"
                 r"|do|does|did|can|could|would|its|their|his|her|also|only|however)\b")
_ADJ = rf"(?:(?!{_NOT_MODIFIER})(?-i:[a-z][a-z-]*[a-rt-z])\s+){{0,2}}"
#: A noun phrase that may name an agent: "Each State Party to this Treaty", "the Depositary", "the inspection team",
#: "the Executive Council". Check a match with :func:`is_agent` (a lone capitalized word may be a common noun that
#: opens a sentence, "Information shall be ...").
AGENT_NP = re.compile(rf"\b{_DET}{_ADJ}{_HEAD}\b{_POST}", re.IGNORECASE)
#: A pattern for the last word of an :data:`AGENT_NP` at the end of the text searched (a quick test before it).
AGENT_LAST_WORD = rf"(?:\b(?-i:[A-Z][\w-]*)|\b{_AGENT_NOUNS}|\bconcerned)$"
#: :data:`AGENT_NP` where it starts the text (no word boundary asked for in front).
AGENT_AT_START = re.compile(rf"{_DET}{_ADJ}{_HEAD}\b{_POST}", re.IGNORECASE)

#: Capitalized words that name documents, places and parts of texts, never an agent.
NOT_AGENTS = frozenset({
    "treaty", "agreement", "convention", "protocol", "code", "charter", "article", "articles", "annex", "moon",
    "earth", "register", "registry", "guidelines", "rules", "regulations", "statute", "part", "section",
    "declaration", "principles", "resolution", "preamble", "paragraph", "chapter", "nothing", "there", "it",
    "outer", "space", "information", "if", "when", "where", "in", "upon", "on", "for", "with", "after", "before",
    "subject", "pending", "within", "under", "having", "such", "this", "that", "these", "those", "any", "each",
    "every", "all", "no", "neither", "nor", "none", "both", "either", "one", "the", "a", "an", "other", "another",
    "following", "present", "amendments", "amendment", "reservations", "instruments", "instrument",
})
_AGENT_NOUN_RE = re.compile(rf"{_AGENT_NOUNS}$", re.IGNORECASE)
#: One of the common nouns that name who can act (:data:`_AGENT_NOUNS`), for ``fullmatch``.
AGENT_NOUN = re.compile(_AGENT_NOUNS, re.IGNORECASE)
_DETERMINER_WORDS = frozenset({"each", "any", "every", "a", "an", "the", "all", "that", "this", "such", "those",
                               "these", "both", "one", "other", "another", "either", "neither", "no", "none", "of",
                               "two", "or", "more"})


def is_agent(phrase: str) -> bool:
    """Whether an :data:`AGENT_NP` match names an agent: its head is an agent noun, or a capitalized name that is
    not a document or place (:data:`NOT_AGENTS`) and is not a lone capitalized word opening the phrase without a
    determiner ("Information", "Reservations": common nouns capitalized because they open a sentence)."""
    words = phrase.split()
    lead = 0
    while lead < len(words) and words[lead].casefold() in _DETERMINER_WORDS:
        lead += 1
    rest = words[lead:]
    if not rest:
        return False
    head = []
    for word in rest:
        if word.casefold() in {"of", "on", "for", "to", "concerned"}:
            break
        head.append(word)
    if not head:
        return False
    if head[-1].casefold() in NOT_AGENTS or head[0].casefold() in NOT_AGENTS:
        return False
    if _AGENT_NOUN_RE.search(" ".join(head)):
        return True
    capitalized = [w for w in head if w[:1].isupper()]
    if not capitalized:
        return False
    return lead > 0 or len(head) > 1


PRONOUNS = {"it", "they", "he", "she", "them"}

#: Participles of a passive "be ..." (regular ones end in -ed).
_PARTICIPLE = (
    r"(?:\w+ed|borne|made|held|given|paid|sent|kept|dealt|found|set|put|done|brought|sought|built|taken|forbidden"
    r"|bound|shown|known|drawn|laid|led|met|told|won|seen)"
)
#: An action in the passive: "be (duly) notified", with the participle as ``part``.
PASSIVE = re.compile(rf"^be\s+(?:(?:\w+ly)\s+(?:and\s+\w+ly\s+)?)?(?P<part>{_PARTICIPLE})\b")
#: Passive-looking forms whose subject is the one who acts ("shall be guided by", "should be prepared to").
SUBJECT_ACTS = {"guided", "prepared", "entitled", "obliged", "required", "bound", "permitted", "allowed",
                "authorized", "authorised", "committed", "determined"}

# -- markers --------------------------------------------------------------------------------------------

_INSTRUMENT = (r"(?:Treaty|Agreement|Convention|Protocol|Code|Article|Part|paragraph|Statute|Declaration|Resolution"
               r"|Memorandum|Arrangement)")
_SAVINGS_VERB = (r"(?:impeding|affecting|prejudicing|limiting|restricting|derogating\s+from|impairing|diminishing"
                 r"|preventing|precluding|affect|prejudice|limit|restrict|derogate\s+from|impair|diminish|prevent"
                 r"|preclude|impede)")

#: Marker patterns, in priority order: at one position the first that matches wins.
MARKERS: tuple[tuple[str, Modality, str], ...] = (
    (rf"(?:Nothing|No\s+provision|None\s+of\s+the\s+provisions)\s+(?:contained\s+)?(?:in|of)\s+(?:this|the\s+present)"
     rf"\s+{_INSTRUMENT}(?:\s+or\s+[^,;.]{{1,60}}?)?\s+(?:shall|may|should|will|is\s+to)\s+"
     rf"(?:be\s+(?:interpreted|construed|deemed|understood)\s+(?:as\s+|so\s+as\s+to\s+)?)?{_SAVINGS_VERB}",
     "right", "savings"),
    (r"(?:shall\s+be|is|are)\s+without\s+prejudice\s+to\s+the\s+rights?\s+of", "right", "savings"),
    (r"(?:shall|may|will)\s+(?:not\s+)?(?:affect|prejudice|impair|derogate\s+from|diminish)\s+(?:in\s+any\s+way\s+)?"
     r"the\s+rights?\s+(?:and\s+obligations\s+|or\s+obligations\s+)?of", "right", "savings"),
    (rf"(?:Nothing|No\s+provision)\s+(?:contained\s+)?(?:in|of)\s+(?:this|the\s+present)\s+{_INSTRUMENT}\s+(?:shall\s+)?"
     r"(?:requires?|obliges?|compels?|oblige|require|compel)", "permission", "savings"),
    (r"[Tt]here\s+shall\s+be(?=\s+(?:full\s+and\s+open\s+|free\s+)?(?:access|freedom)\b)", "right", "existential"),
    (r"[Ii]t\s+(?:shall\s+be|is)\s+(?:unlawful|prohibited|forbidden)\s+for", "prohibition", "unlawful"),
    (r"shall\s*(?:,\s*[^,;.]{1,80},\s*|\s+in\s+exercising\s+[^,;.]{1,60}?\s+)?have\s+the\s+(?:inherent\s+)?right\s+"
     r"(?:to|of)", "right", "modal"),
    (r"(?:have|has)\s+the\s+(?:inherent\s+)?right\s+(?:to|of)", "right", "modal"),
    (r"(?:shall\s+)?(?:have|has)\s+the\s+opportunity\s+to", "right", "modal"),
    (r"(?:shall|will|must)\s+(?:also\s+)?not\s+be\s+(?:entitled|permitted|allowed|authori[sz]ed)\s+to"
     r"|(?:is|are)\s+not\s+(?:entitled|permitted|allowed|authori[sz]ed)\s+to", "prohibition", "modal"),
    (r"(?:shall|will)\s+be\s+entitled\s+to|(?:is|are)\s+(?:also\s+)?entitled\s+to", "right", "modal"),
    (r"shall(?=\s+retain\b)", "right", "retain"),
    (r"shall(?=\s+be\s+free\s+for\b)", "right", "free"),
    (r"shall\s+(?:also\s+)?not\s+be\s+(?:prohibited|forbidden)", "permission", "impersonal"),
    (r"(?:is|are)\s+not\s+(?:obliged|required|bound)\s+to|(?:shall|will)\s+not\s+be\s+(?:obliged|required|bound)\s+to"
     r"|(?:is|are|shall\s+be)\s+under\s+no\s+obligation\s+to|need\s+not", "permission", "modal"),
    (r"(?:is|are|shall\s+be)\s+(?:also\s+)?(?:required|obliged|bound)\s+to"
     r"|(?:is|are|shall\s+be)\s+under\s+(?:an|the)\s+obligation\s+to|(?:has|have)\s+(?:a|the)\s+(?:duty|obligation)\s+to",
     "obligation", "modal"),
    (r"(?:shall|will)\s+be\s+(?:permitted|allowed|authori[sz]ed)\s+to"
     r"|(?:is|are)\s+(?:also\s+)?(?:permitted|allowed|authori[sz]ed|free)\s+to|shall\s+be\s+free\s+to",
     "permission", "modal"),
    (r"(?:is|are)(?=\s+(?:internationally\s+|absolutely\s+|jointly\s+and\s+severally\s+|also\s+)?liable\b)",
     "obligation", "modal"),
    (r"undertakes?\s+(?:(?:furthermore|also|further|therefore)\s+)?never\s*(?:,\s*[^,;.]{1,60},\s*|\s+under\s+any\s+"
     r"circumstances\s+)?(?:to\b)?", "prohibition", "undertake"),
    (r"undertakes?\s+(?:(?:furthermore|also|further|therefore)\s+)?(?:not\s+to|to\s+refrain\s+from)"
     r"|(?:commits?|resolves?|agrees?)\s+(?:(?:itself|themselves|also|further)\s+)?(?:not\s+to|to\s+refrain\s+from)",
     "prohibition", "undertake"),
    (r"undertakes?\s+(?:(?:furthermore|also|further|therefore)\s+)?to"
     r"|(?:commits?|resolves?|intends?)\s+(?:(?:itself|themselves|also|further)\s+)?to", "obligation", "undertake"),
    (r"agrees?\s+on\s+the\s+desirability\s+of", "recommendation", "modal"),
    (r"(?:shall\s+)?have\s+regard\s+to\s+the\s+desirability\s+of", "recommendation", "modal"),
    (r"agrees?\s+to", "obligation", "modal"),
    (r"(?:is|are)\s+not\s+subject\s+to|shall\s+not\s+be\s+subject\s+to", "prohibition", "not-subject"),
    (r"(?:is|are)\s+(?:likewise\s+|also\s+)?(?:prohibited|banned|forbidden)|shall\s+be\s+(?:prohibited|forbidden|banned)"
     r"|(?:shall|will|must)\s+(?:also\s+)?not\s+be\s+(?:permitted|allowed)", "prohibition", "impersonal"),
    (r"(?:shall|will)\s+be\s+(?:permitted|allowed)", "permission", "impersonal"),
    (r"(?:is|are)\s+(?:also\s+)?(?:encouraged|invited|urged|requested|called\s+upon|expected)\s+to", "recommendation",
     "modal"),
    (r"(?:shall|will|must)\s+(?:also\s+)?refrain\s+from|(?:shall|will)\s+in\s+no\s+(?:case|event|circumstances?)"
     r"|(?:shall|will|may)\s+(?:never|neither)", "prohibition", "modal"),
    (r"refrains?\s+from", "prohibition", "modal"),
    (r"(?:shall|must|may|will)\s+(?:also\s+|further\s+|therefore\s+)?not", "prohibition", "modal"),
    (r"ought\s+(?:not\s+)?to", "recommendation", "modal"),
    (r"need(?=\s+(?:only\s+)?be\b)", "obligation", "modal"),
    (r"(?:[Cc]alls\s+(?:up)?on|[Uu]rges|[Ee]ncourages|[Ii]nvites|[Rr]equests|[Rr]ecommends|[Aa]ppeals\s+to|[Ee]xhorts)",
     "recommendation", "addressed"),
    (r"must", "obligation", "modal"),
    (r"should", "recommendation", "modal"),
    (r"may", "permission", "modal"),
    (r"shall|will", "obligation", "modal"),
)
#: Every marker, the pattern of ``MARKERS[i]`` as the group ``m<i>``.
MARKER_RE = re.compile("|".join(f"(?P<m{i}>\\b{p}\\b)" for i, (p, _, _) in enumerate(MARKERS)))
#: Where a marker can begin: every pattern of MARKERS starts with one of these words. :func:`markers` tries
#: MARKER_RE only where one stands, which finds the same markers many times faster than MARKER_RE.finditer, which
#: tries some thirty alternatives at every character of the text.
_MARKER_START = re.compile(
    r"Nothing|No|None|There|there|It|it|shall|should|have|has|will|is|are|undertake|agree|refrain|must|may|commit"
    r"|resolve|intend|need|ought|[Cc]alls|[Uu]rges|[Ee]ncourages|[Ii]nvites|[Rr]equests|[Rr]ecommends|[Aa]ppeals|[Ee]xhorts"
)


def markers(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``MARKER_RE.finditer(text)``, trying the pattern only where a marker's first word stands."""
    position = 0
    while True:
        candidate = _MARKER_START.search(text, position)
        if candidate is None:
            return
        match = MARKER_RE.match(text, candidate.start())
        if match is None:
            position = candidate.start() + 1  # the next candidate may overlap this one ("is" in "ishall")
        else:
            yield match
            position = match.end()


def marker_kind(match: re.Match[str]) -> tuple[Modality, str]:
    """The modality and kind of a :data:`MARKER_RE` match."""
    for name, value in match.groupdict().items():
        if value is not None:
            _, modality, kind = MARKERS[int(name[1:])]
            return modality, kind
    raise AssertionError("a marker match without a group")  # pragma: no cover
