"""Deontic clauses of a draft: who shall, shall not, may do what, with an exact citation.

The extractor is rule-based and transparent: regular expressions over the
sentences and list points of each article, in the order below. It never looks
at a draft id or an eId.

What is extracted (the policy)
==============================
*Scope.* Only the operative articles. The title, the preamble (recitals are
not binding) and the closing formula are skipped, and so are blocks that
define terms (``Block.terms``): a definition says what a word means, not what
anybody must do.

*Deontic marker.* A clause is listed only if it carries one of these markers;
the marker decides the modality:

- **prohibition**: shall not, must not, may not, undertake(s) not to,
  undertake(s) (furthermore) to refrain from, refrain from, shall be forbidden,
  is/are (likewise) prohibited;
- **obligation**: shall, must, undertake(s) to, agree(s) to;
- **permission**: may, shall (also) not be prohibited;
- **right** (rights and savings clauses): "Nothing in this Treaty shall/may be
  interpreted as impeding ...", have/has the (inherent) right to, shall (in
  exercising its sovereignty) have the right to, shall be entitled to, shall
  retain (jurisdiction, control), shall be free for, there shall be freedom of /
  free access to;
- **recommendation**: should, is/are encouraged to, agree on / have regard to
  the desirability of.

Declarative sentences without a marker are not listed, even where they have
normative force (OST Article II "is not subject to national appropriation",
Article VII "is internationally liable"). Modal verbs inside a subordinate
clause ("in order that consultations may be held", "resources they may
discover", "Where such interference may occur, ...", "ensure that entities ...
shall engage") are not separate clauses.

*Constitutive clauses are not deontic.* A "shall" clause is left out when it
sets the instrument's own status or effect rather than directing conduct:

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

*Bearer.* The agent of the clause, as a short canonical name ("States
Parties", "each State Party", "the Depositary", "the Executive Organization")
with the words as written in ``bearer_text``:

- the subject, when it names an agent (States, Parties, the Depositary, the
  Secretary-General, an organization, astronauts, representatives, a
  conference); its relative or participle qualifier ("which has reason to
  believe ...", "conducting activities in outer space") goes to the conditions;
- for a passive or a subject that is not an agent, the agent of a "by" phrase
  ("shall be used by all States Parties"), else the owner in "Activities of
  States Parties ...";
- "it" / "they" are resolved to the subject of a leading "If/When ..." clause,
  else to the bearer of the clause before;
- a relative "..., who/which shall" is borne by the noun it follows;
- otherwise (an impersonal "... shall be forbidden", "Due regard shall be
  paid"), ``bearer`` is ``"unspecified"`` and ``bearer_named`` is false.

*One entry per undertaking.* A clause is split into several entries where
verb phrases are coordinated with their own marker: "and shall ...",
"..., who shall ...", "not to ...; not to ...", "to prohibit, to prevent, and
not to carry out" (a bare verb shares the object that follows it), a
weapons-type verb with its own object after a comma or "or" ("..., install
such weapons on celestial bodies, or station such weapons ..."), and the
points of a list whose chapeau ends in the marker ("shall:" / "which shall:" /
"may, in particular:"). A point starting with "not" is a prohibition.
Coordinated nouns ("The establishment of military bases ..., the testing of
any type of weapons and the conduct of military manoeuvres ... shall be
forbidden") and verbs sharing one object ("assist or induce", "facilitate and
encourage") stay one entry.

*Citation.* ``quote`` is ``provision.text[start:end]``: the clause from the
start of its sentence (leading conditions included) or of its own conjunct,
to the end of the clause. ``context`` is the whole sentence (with the points
of a list for a chapeau), for matching against checklists.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from treaty_diff.model.draft import Block, Draft, Provision
from treaty_diff.model.eids import provision_eid
from treaty_diff.model.obligations import UNSPECIFIED, Modality, Obligation

# -- vocabulary -------------------------------------------------------------------------------------

_DET = (r"(?:(?:each|any|every|a|an|the|all|that|this|such|those|these|both|one|other|another|either)\s+"
        r"(?:of\s+the\s+)?)*")
_HEAD = (
    r"(?:States\s+Parties|State\s+Party|States\s+members|member\s+States|Depositary\s+Governments|Depositary"
    r"|Secretary-General|Executive\s+Organization|Parties|Party|States|State|Governments|Government"
    r"|astronauts|representatives|international\s+organization|organization|conference)"
)
_POST = (r"(?:\s+(?:to\s+(?:this|the)\s+(?:Treaty|Agreement)|of\s+the\s+United\s+Nations|of\s+(?:this|the)\s+Treaty"
         r"|concerned))*")
#: A noun phrase naming an agent: "Each State Party to this Treaty", "the Depositary", "Such representatives".
_ADJ = r"(?:(?-i:[a-z][a-z-]*[a-rt-z])\s+)?"  # one lowercase modifier not ending in -s: "launching", "review"
AGENT_NP = re.compile(rf"\b{_DET}{_ADJ}{_HEAD}\b{_POST}", re.IGNORECASE)
_AGENT_AT_START = re.compile(rf"{_DET}{_ADJ}{_HEAD}\b{_POST}", re.IGNORECASE)

_PLURAL_HEADS = re.compile(
    r"^(?:States Parties|Parties|parties|States|States members|member States|Governments|astronauts|representatives)$",
    re.IGNORECASE,
)
_PRONOUNS = {"it", "they", "he", "she", "them"}

#: Marker patterns, in priority order: at one position the first that matches wins.
_MARKERS: tuple[tuple[str, Modality, str], ...] = (
    (r"Nothing\s+in\s+this\s+(?:Treaty|Agreement|Convention|Protocol)\s+(?:shall|may|should)\s+be\s+"
     r"(?:interpreted|construed)\s+as\s+(?:impeding|affecting|prejudicing|limiting|restricting|derogating\s+from)",
     "right", "savings"),
    (r"[Tt]here\s+shall\s+be(?=\s+(?:free\s+access|freedom)\b)", "right", "existential"),
    (r"shall\s*(?:,\s*[^,;.]{1,80},\s*|\s+in\s+exercising\s+[^,;.]{1,60}?\s+)?have\s+the\s+(?:inherent\s+)?right\s+(?:to|of)",
     "right", "modal"),
    (r"(?:have|has)\s+the\s+(?:inherent\s+)?right\s+(?:to|of)", "right", "modal"),
    (r"(?:shall|will)\s+be\s+entitled\s+to|(?:is|are)\s+entitled\s+to", "right", "modal"),
    (r"shall(?=\s+retain\b)", "right", "retain"),
    (r"shall(?=\s+be\s+free\s+for\b)", "right", "free"),
    (r"shall\s+(?:also\s+)?not\s+be\s+(?:prohibited|forbidden)", "permission", "impersonal"),
    (r"undertakes?\s+(?:(?:furthermore|also|further|therefore)\s+)?(?:not\s+to|to\s+refrain\s+from)",
     "prohibition", "undertake"),
    (r"undertakes?\s+(?:(?:furthermore|also|further|therefore)\s+)?to", "obligation", "undertake"),
    (r"agrees?\s+on\s+the\s+desirability\s+of", "recommendation", "modal"),
    (r"(?:shall\s+)?have\s+regard\s+to\s+the\s+desirability\s+of", "recommendation", "modal"),
    (r"agrees?\s+to", "obligation", "modal"),
    (r"(?:is|are)\s+(?:likewise\s+|also\s+)?prohibited|shall\s+be\s+(?:prohibited|forbidden)", "prohibition",
     "impersonal"),
    (r"(?:is|are)\s+(?:also\s+)?encouraged\s+to", "recommendation", "modal"),
    (r"refrains?\s+from", "prohibition", "modal"),
    (r"(?:shall|must|may)\s+not", "prohibition", "modal"),
    (r"must", "obligation", "modal"),
    (r"should", "recommendation", "modal"),
    (r"may", "permission", "modal"),
    (r"shall", "obligation", "modal"),
)
_MARKER_RE = re.compile("|".join(f"(?P<m{i}>\\b{p}\\b)" for i, (p, _, _) in enumerate(_MARKERS)))
#: Where a marker can begin: every pattern of _MARKERS starts with one of these words (two of them without a word
#: boundary in front). :func:`_markers` tries _MARKER_RE only where one stands, which finds the same markers many times
#: faster than _MARKER_RE.finditer, which tries some twenty alternatives at every character of the text.
_MARKER_START = re.compile(r"Nothing|There|there|shall|should|have|has|will|is|are|undertake|agree|refrain|must|may")

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
_PARTICIPLE = (
    r"(?:\w+ed|borne|made|held|given|paid|sent|kept|dealt|found|set|put|done|brought|sought|built|taken|forbidden"
    r"|bound|shown|known|drawn|laid|led|met|told|won|seen)"
)
_PASSIVE = re.compile(rf"^be\s+(?:(?:\w+ly)\s+(?:and\s+\w+ly\s+)?)?(?P<part>{_PARTICIPLE})\b")
#: Passive-looking forms whose subject is the one who acts ("shall be guided by", "should be prepared to").
_SUBJECT_ACTS = {"guided", "prepared", "entitled", "obliged", "required", "bound", "permitted", "allowed",
                 "authorized", "authorised", "committed", "determined"}
_LEADING_ADVERBS = re.compile(
    r"^(?:(?:also|likewise|furthermore|further|hereby|thereafter|first\s+of\s+all)(?:\s+|(?=,)))+")
_PARENTHETICAL = re.compile(r"^\s*,\s*([^,;:]{1,200}?)\s*(?:,\s*|(?=:\s*$))")
_TRAILING_CONDITION = re.compile(
    r"(?:,\s*(?P<last>(?:if|unless|provided\s+that|in\s+the\s+event\s+of|whenever)\b[^,;]*)"
    r"|(?<!,)\s+(?P<cond>(?:if|unless|provided\s+that|in\s+the\s+event\s+of|whenever)\b[^;]*))$"
)
_CONDITION_SEGMENT = re.compile(r"^(?:unless|if|upon|when|where|whenever|provided)\b", re.IGNORECASE)
_BY_AGENT = re.compile(
    rf"\b(?:both\s+)?by\s+(?:both\s+)?(?P<a>{AGENT_NP.pattern}|them|it)(?:\s+and\s+by\s+(?P<b>{AGENT_NP.pattern}))?",
    re.IGNORECASE,
)
_OF_AGENT = re.compile(rf"\bof\s+(?P<a>{AGENT_NP.pattern})", re.IGNORECASE)

#: Verbs that start a new undertaking when coordinated with their own object after a comma or "or"/"and".
_ACTION_VERBS = (r"(?:place|install|station|deploy|test|use|develop|produce|manufacture|acquire|stockpile|transfer"
                 r"|launch|establish|orbit|locate)")
_VERB_CONJUNCT = re.compile(
    rf"(?P<delim>,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){_ACTION_VERBS}(?:\s+or\s+{_ACTION_VERBS})?(?=\s+"
    r"(?:such|any|all|the|their|its|a|an)\b)"
)
_NOT_TO_CONJUNCT = re.compile(r"(?:[,;]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?=not\s+to\s+\w)")
_TO_CONJUNCT = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?=to\s+\w)")
_SENTENCE_BREAK = re.compile(r"(?<=\.)\s+(?=[A-Z“\"(])")
#: What a clause may end with that is not part of it: spaces, punctuation, a dangling "and" or "or" (the tail
#: :func:`_trail_start` finds; this is its definition).
_CLAUSE_TRAIL = re.compile(r"(?:[\s,;:.]|\band\b|\bor\b)+$")
_TRAIL_PUNCTUATION = frozenset(",;:.")
_SPACES = re.compile(r"\s+")


# -- small helpers -----------------------------------------------------------------------------------


def _markers(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_MARKER_RE.finditer(text)``, trying the pattern only where a marker's first word stands."""
    position = 0
    while True:
        candidate = _MARKER_START.search(text, position)
        if candidate is None:
            return
        match = _MARKER_RE.match(text, candidate.start())
        if match is None:
            position = candidate.start() + 1  # the next candidate may overlap this one ("is" in "ishall")
        else:
            yield match
            position = match.end()


def _marker_kind(match: re.Match[str]) -> tuple[Modality, str]:
    for name, value in match.groupdict().items():
        if value is not None:
            _, modality, kind = _MARKERS[int(name[1:])]
            return modality, kind
    raise AssertionError("a marker match without a group")  # pragma: no cover


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to drop surrounding spaces and trailing punctuation or a dangling "and"/"or"."""
    while start < end and text[start] in " ,;:\n":
        start += 1
    return start, _trail_start(text, start, end)


def _is_word_char(char: str) -> bool:
    """A character of a word for the regular expressions' ``\\b``: a letter, a digit or "_"."""
    return char.isalnum() or char == "_"


def _trail_start(text: str, start: int, end: int) -> int:
    """Where ``_CLAUSE_TRAIL.search(text[start:end])`` starts (``end`` when it finds nothing), read from the end.

    The search tries the pattern at every position of a clause, which made it a large share of the extraction's
    time. The tail is a few characters, and read backwards it has one reading: a space or punctuation mark, else
    a whole word "and" or "or" (nothing of a word before it; what follows it is the end or the tail already read).
    """
    position = end
    while position > start:
        char = text[position - 1]
        if char.isspace() or char in _TRAIL_PUNCTUATION:
            position -= 1
            continue
        for word in ("and", "or"):
            begin = position - len(word)
            if (begin >= start and text.startswith(word, begin)
                    and (begin == start or not _is_word_char(text[begin - 1]))):
                position = begin
                break
        else:
            break
    return position


@functools.lru_cache(maxsize=1024)
def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip(" ,;:.")


def canonical_bearer(text: str) -> str:
    """The short name of an agent noun phrase: "Each State Party to this Treaty" -> "each State Party"."""
    phrase = _clean(text)
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


# -- the clause model used while extracting ---------------------------------------------------------


@dataclass
class _Clause:
    """A main clause found in a sentence, before it is split into undertakings."""

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


@dataclass
class _Sentence:
    text: str
    offset: int  # of text[0] in the provision text
    block: Block
    context: str


class _Extractor:
    """Walks one draft's articles and collects :class:`Obligation` values."""

    def __init__(self, draft: Draft, memo: ExtractionMemo | None = None) -> None:
        self.draft = draft
        self.out: list[Obligation] = []
        self.last_bearer: tuple[str, str] | None = None
        self.memo: ExtractionMemo = memo if memo is not None else {}

    def run(self) -> tuple[Obligation, ...]:
        for provision in self.draft.provisions:
            if provision.kind != "article":
                continue
            key = _wording(provision)
            known = self.memo.get(key) if key is not None else None
            if known is not None:
                self.out.extend(_placed(found, provision, self.draft.id) for found in known)
                continue
            first = len(self.out)
            self.last_bearer = None
            self._provision(provision)
            if key is not None:
                self.memo[key] = tuple(_unplaced(ob, provision) for ob in self.out[first:])
        return tuple(self.out)

    # -- blocks and sentences ------------------------------------------------------------------------

    def _provision(self, provision: Provision) -> None:
        offsets = provision.block_offsets
        blocks = provision.blocks
        distribute: tuple[_Clause, str] | None = None  # a chapeau whose marker applies to each point
        list_prefix = ""
        for index, block in enumerate(blocks):
            if block.terms:
                continue
            body_offset = offsets[block.eid] + (len(block.num) + 1 if block.num else 0)
            if distribute is not None and block.kind == "point" and block.eid.startswith(list_prefix):
                self._point(provision, block, body_offset, *distribute)
                continue
            distribute = None
            context_extra = ""
            if block.kind == "intro" and block.body.rstrip().endswith(":"):
                list_prefix = block.eid.rsplit("__", 1)[0] + "__"
                points = [b.body for b in blocks[index + 1:] if b.kind == "point" and b.eid.startswith(list_prefix)]
                context_extra = " " + " ".join(points) if points else ""
            for sentence in _sentences(block, body_offset, context_extra):
                chapeau = self._sentence(provision, sentence)
                if chapeau is not None and block.kind == "intro":
                    distribute = (chapeau, sentence.text)

    def _point(self, provision: Provision, block: Block, body_offset: int, chapeau: _Clause, head: str) -> None:
        body = block.body
        start, end = _trim_span(body, 0, len(body))
        action = body[start:end]
        modality = chapeau.modality
        marker = chapeau.marker
        negated = re.match(r"not\s+", action)
        if negated:
            modality = "prohibition"
            marker = f"{chapeau.marker} not"
            action = action[negated.end():]
        verb, obj = _verb_object(action)
        self._emit(
            provision, block, modality, chapeau.bearer or UNSPECIFIED, chapeau.bearer_text, action, verb, obj,
            tuple(chapeau.conditions), marker, body_offset + start, body_offset + end, f"{head} {body}",
        )

    def _sentence(self, provision: Provision, sentence: _Sentence) -> _Clause | None:
        """Find the main clauses of a sentence and emit their undertakings.

        Returns the last clause when it is a chapeau that distributes over the points that follow.
        """
        text = sentence.text
        clauses = self._clauses(text)
        chapeau: _Clause | None = None
        for position, clause in enumerate(clauses):
            clause.end = clauses[position + 1].quote_start if position + 1 < len(clauses) else len(text)
            if position + 1 < len(clauses):
                # The previous clause stops before the connective of the next one.
                connective = re.search(r"(?:,?\s*(?:and|or|while|whereas|but)?\s*,?\s*(?:who|which)?\s*)$",
                                       text[: clauses[position + 1].quote_start])
                if connective:
                    clause.end = min(clause.end, connective.start())
            result = self._clause(provision, sentence, clause)
            if result == "chapeau":
                chapeau = clause
        return chapeau

    # -- finding the main clauses ------------------------------------------------------------------

    def _clauses(self, text: str) -> list[_Clause]:
        clauses: list[_Clause] = []
        subordinate_end = -1
        if _SUBORDINATORS.match(text):
            comma = text.find(",")
            subordinate_end = comma if comma >= 0 else len(text)
        for match in _markers(text):
            modality, kind = _marker_kind(match)
            if match.start() < subordinate_end:
                continue
            if _INLINE_SUBORDINATORS.search(text[(clauses[-1].marker_end if clauses else 0): match.start()]):
                continue
            clause = _Clause(modality, kind, _clean(match.group()), match.start(), match.end(), match.start())
            before = text[: match.start()]
            if kind in {"savings", "existential"} and not clauses:
                clause.quote_start = 0
                clauses.append(clause)
                continue
            if not clauses:
                if self._main_subject(text, clause):
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
                    clause.conditions.append(_clean(relative.group("paren")))
                clauses.append(clause)
            elif coordinated:
                clause.quote_start = match.start()
                clause.subject = previous.subject
                clause.subject_agent = previous.subject_agent
                clause.bearer_text = previous.bearer_text
                clause.bearer = previous.bearer if previous.subject_agent or previous.bearer else None
                if coordinated.group("paren"):
                    clause.conditions.append(_clean(coordinated.group("paren")))
                clauses.append(clause)
            else:
                boundary = None
                for found in re.finditer(r";\s+|,\s+(?:and|but|while|whereas)\s+", before):
                    if found.start() >= previous.marker_end:
                        boundary = found
                if boundary is not None:
                    clause.quote_start = boundary.end()
                    if self._subject_from(text, clause, boundary.end()):
                        clauses.append(clause)
        return clauses

    def _main_subject(self, text: str, clause: _Clause) -> bool:
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
            lead = _clean(region[:start])
            if lead:
                clause.conditions.append(lead)
        clause.quote_start = 0
        return self._subject_from(text, clause, start)

    def _subject_from(self, text: str, clause: _Clause, start: int) -> bool:
        subject = text[start: clause.marker_start]
        subject = re.sub(r"\s+(?:hereby|also|furthermore|likewise)\s*$", " ", subject)
        clause.subject = _clean(subject)
        if clause.kind in {"savings", "existential"}:
            return True
        if clause.subject.casefold() in _PRONOUNS:
            clause.subject_agent = clause.subject
            return True
        agent = _AGENT_AT_START.match(clause.subject)
        if agent is None:
            return not _looks_finite(clause.subject)
        remainder = clause.subject[agent.end():].strip()
        if remainder and not _ALLOWED_AFTER_AGENT.match(remainder):
            return False
        clause.subject_agent = _clean(agent.group())
        owner = re.match(r"of\s+[^,]*?(?=\s+(?:which|who|that|whose)\b|,|$)", remainder)
        if owner:
            # "the astronauts of one State Party", "States members of any such organization": part of the name.
            clause.subject_agent = f"{clause.subject_agent} {_clean(owner.group())}"
            remainder = remainder[owner.end():].strip()
        if remainder:
            clause.conditions.append(_clean(remainder))
        return True

    # -- one clause -----------------------------------------------------------------------------------

    def _clause(self, provision: Provision, sentence: _Sentence, clause: _Clause) -> str:
        text = sentence.text
        action_start = clause.marker_end
        action_text = text[action_start: clause.end]
        conditions = list(clause.conditions)
        marker_paren = re.search(r",\s*([^,]+?)\s*,|\s(in\s+exercising\s+[^,;.]+?)\s+have\b", clause.marker)
        if marker_paren:
            conditions.append(_clean(marker_paren.group(1) or marker_paren.group(2)))
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
                conditions.append(_clean(paren.group(1)))
                action_start += paren.end()
                action_text = action_text[paren.end():]
                continue
            break
        if not _clean(action_text) and clause.kind != "impersonal":
            if text.rstrip().endswith(":"):
                clause.conditions = conditions
                clause.bearer, clause.bearer_text = self._bearer(text, clause, "")
                return "chapeau"
            return "empty"
        action = action_text.strip()
        if clause.kind not in {"savings", "existential", "impersonal"}:
            if clause.subject and _INSTRUMENT_SUBJECT.match(clause.subject):
                return "constitutive"
            if _CONSTITUTIVE.match(action):
                return "constitutive"
        bearer, bearer_text = self._bearer(text[: clause.end], clause, action)
        clause.bearer, clause.bearer_text = bearer, bearer_text
        if bearer != UNSPECIFIED:
            self.last_bearer = (bearer, bearer_text)
        pieces = list(self._conjuncts(text, clause, action_start))
        parsed: list[tuple[str, str, str, list[str]]] = []
        for conj_start, conj_end, _, _, _ in pieces:
            conj_action = re.sub(r"^(?:not\s+to|not|to)\s+", "", text[conj_start:conj_end].strip())
            conj_conditions = list(conditions)
            trailing = _TRAILING_CONDITION.search(conj_action)
            if trailing and trailing.start() > 0:
                conj_conditions.append(_clean(trailing.group("last") or trailing.group("cond")))
                conj_action = conj_action[: trailing.start()]
            conj_action, extra = _pull_condition_segments(conj_action)
            conj_conditions.extend(extra)
            conj_action = _clean(conj_action)
            if clause.kind == "impersonal":
                conj_action, verb, obj = self._impersonal_action(clause, conj_action)
            elif clause.kind in {"savings", "existential"}:
                verb, obj = _nominal_head(conj_action), conj_action
            else:
                verb, obj = _verb_object(conj_action)
                passive = _PASSIVE.match(conj_action)
                if passive and passive.group("part") not in _SUBJECT_ACTS:
                    obj = self._patient(text, clause)
            parsed.append((conj_action, verb, obj, conj_conditions))
        for index, (conj_start, conj_end, modality, marker, shared_end) in enumerate(pieces):
            conj_action, verb, obj, conj_conditions = parsed[index]
            if shared_end is not None:
                # A bare verb ("to prohibit, to prevent, and not to carry out X") shares the last conjunct's object.
                obj = parsed[-1][2]
                conj_action = f"{conj_action} {obj}"
                conj_conditions = parsed[-1][3]
            quote_start = clause.quote_start if index == 0 else conj_start
            quote_end = shared_end if shared_end is not None else conj_end
            quote_start, quote_end = _trim_span(text, quote_start, quote_end)
            self._emit(
                provision, sentence.block, modality, bearer, bearer_text, conj_action, verb, obj,
                tuple(dict.fromkeys(c for c in conj_conditions if c)), marker,
                sentence.offset + quote_start, sentence.offset + quote_end, sentence.context,
            )
        return "emitted"

    def _conjuncts(self, text: str, clause: _Clause, action_start: int
                   ) -> Iterator[tuple[int, int, Modality, str, int | None]]:
        """Split a clause's action into undertakings: (start, end, modality, marker, end of a shared object)."""
        action = text[action_start: clause.end]
        cuts: set[int] = set()
        cuts.update(m.end("delim") for m in _VERB_CONJUNCT.finditer(action))
        if clause.marker.casefold().startswith("undertake"):
            cuts.update(m.end() for m in _NOT_TO_CONJUNCT.finditer(action))
            for found in _TO_CONJUNCT.finditer(action):
                before = action[: found.start()]
                last_cut = max([0, *(c for c in cuts if c <= found.start())])
                if len(_clean(re.sub(r"^(?:not\s+to|to)\s+", "", before[last_cut:].strip())).split()) == 1:
                    cuts.add(found.end())
        bounds = sorted(cuts)
        starts = [0, *bounds]
        pieces: list[tuple[int, int]] = []
        for index, start in enumerate(starts):
            end = bounds[index] if index < len(bounds) else len(action)
            piece_start, piece_end = _trim_span(action, start, end)
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
            words = _clean(re.sub(r"^(?:not\s+to|to)\s+", "", piece)).split()
            if len(words) == 1 and index + 1 < len(pieces):
                shared_end = action_start + pieces[-1][1]
            yield action_start + start, action_start + end, modality, marker, shared_end

    # -- bearers -------------------------------------------------------------------------------------

    def _bearer(self, text: str, clause: _Clause, action: str) -> tuple[str, str]:
        if clause.bearer is not None and clause.bearer != UNSPECIFIED:
            return clause.bearer, clause.bearer_text
        passive = _PASSIVE.match(action)
        subject_acts = passive is None or passive.group("part") in _SUBJECT_ACTS
        if clause.kind in {"savings", "existential", "free", "impersonal"}:
            subject_acts = False
        if subject_acts and clause.subject_agent:
            if clause.subject_agent.casefold() in _PRONOUNS:
                return self._resolve_pronoun(text, clause)
            return canonical_bearer(clause.subject_agent), clause.subject_agent
        by = _BY_AGENT.search(action)
        if by:
            names = [by.group("a")] + ([by.group("b")] if by.group("b") else [])
            if names[0].casefold() in _PRONOUNS:
                agents = [m for m in AGENT_NP.finditer(text[: clause.marker_start]) if _is_plural(m.group())]
                if agents:
                    return canonical_bearer(agents[-1].group()), _clean(agents[-1].group())
            else:
                return " and ".join(canonical_bearer(n) for n in names), _clean(by.group()[3:])
        if clause.subject and not clause.subject_agent:
            owner = _OF_AGENT.search(clause.subject)
            if owner and passive is None:
                return canonical_bearer(owner.group("a")), _clean(owner.group("a"))
        return UNSPECIFIED, ""

    def _resolve_pronoun(self, text: str, clause: _Clause) -> tuple[str, str]:
        leading = re.match(rf"^(?:If|When|Where|Whenever|Once)\s+(?P<a>{AGENT_NP.pattern})", text, re.IGNORECASE)
        if leading:
            return canonical_bearer(leading.group("a")), _clean(leading.group("a"))
        if self.last_bearer is not None:
            return self.last_bearer
        return UNSPECIFIED, ""

    def _patient(self, text: str, clause: _Clause) -> str:
        """What a passive clause acts upon: its subject, with a pronoun resolved."""
        if clause.subject.casefold() in _PRONOUNS:
            leading = re.match(rf"^(?:If|When|Where|Whenever|Once)\s+(?P<a>{AGENT_NP.pattern})", text, re.IGNORECASE)
            if leading:
                return canonical_bearer(leading.group("a"))
        return clause.subject

    def _impersonal_action(self, clause: _Clause, action: str) -> tuple[str, str, str]:
        """For "X shall be forbidden" the action is X; for "It is prohibited to do X" it is "do X"."""
        if clause.subject.casefold() == "it":
            verb, obj = _verb_object(action)
            return action, verb, obj
        conduct = _clean(clause.subject)
        return conduct, _nominal_head(conduct), conduct

    # -- output ----------------------------------------------------------------------------------------

    def _emit(self, provision: Provision, block: Block, modality: Modality, bearer: str, bearer_text: str,
              action: str, verb: str, obj: str, conditions: tuple[str, ...], marker: str, start: int, end: int,
              context: str) -> None:
        quote = provision.text[start:end]
        self.out.append(Obligation(
            draft=self.draft.id, eid=provision.eid, num=provision.num, block=_block_at(provision, start).eid,
            modality=modality, bearer=bearer, bearer_text=bearer_text, action=action, verb=verb, object=obj,
            conditions=conditions, marker=marker, quote=quote, start=start, end=end, context=_clean(context),
            reconstructed=not _block_at(provision, start).provenance.is_verbatim,
        ))


# -- module helpers ---------------------------------------------------------------------------------


#: What an article's obligations depend on (:func:`_wording`), and what was found in it, apart from where it is.
ExtractionMemo = dict[tuple[object, ...], tuple[tuple[Obligation, str, int, int], ...]]


def _wording(provision: Provision) -> tuple[object, ...] | None:
    """What an article's clauses depend on, apart from its eId and num: its blocks (and, to be safe, its heading).

    Two drafts share most of their articles word for word, often renumbered; an
    article with the same wording gives the same clauses, so the second is not
    read again. A block is keyed by its eId relative to the article's (the
    extraction tells list items by eId prefix). None when a block's eId does
    not follow the article's (Akoma Ntoso naming): then the article is always read.
    """
    blocks = []
    for block in provision.blocks:
        if provision_eid(block.eid, (provision.eid,)) is None:
            return None
        blocks.append((block.eid[len(provision.eid):], block.kind, block.num, block.body, block.terms, block.depth,
                       block.provenance.is_verbatim))
    return (provision.heading, tuple(blocks))


def _unplaced(ob: Obligation, provision: Provision) -> tuple[Obligation, str, int, int]:
    """An obligation with what depends on its article's place: its block's eId suffix and offsets after the head."""
    head = provision.head_length
    return ob, ob.block[len(provision.eid):], ob.start - head, ob.end - head


def _placed(found: tuple[Obligation, str, int, int], provision: Provision, draft_id: str) -> Obligation:
    """An :func:`_unplaced` obligation put back into ``provision`` (same wording, perhaps another eId and num)."""
    ob, block_suffix, start, end = found
    head = provision.head_length
    return replace(ob, draft=draft_id, eid=provision.eid, num=provision.num, block=provision.eid + block_suffix,
                   start=start + head, end=end + head, quote=provision.text[start + head:end + head])


def _block_at(provision: Provision, position: int) -> Block:
    offsets = provision.block_offsets
    found = provision.blocks[0]
    for block in provision.blocks:
        if offsets[block.eid] <= position:
            found = block
    return found


def _sentences(block: Block, body_offset: int, context_extra: str) -> Iterator[_Sentence]:
    body = block.body
    start = 0
    for found in _SENTENCE_BREAK.finditer(body):
        piece = body[start:found.start()]
        yield _Sentence(piece, body_offset + start, block, piece + context_extra)
        start = found.end()
    yield _Sentence(body[start:], body_offset + start, block, body[start:] + context_extra)


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
    return _clean(found.group()) if found else None


def _is_plural(phrase: str) -> bool:
    return bool(re.search(r"(?:Parties|States|Governments|astronauts|representatives)\s*(?:concerned)?$",
                          _clean(re.sub(r"\s+(?:to|of)\s+(?:this|the)\s+\w+$", "", _clean(phrase)))))


def _pull_condition_segments(action: str) -> tuple[str, list[str]]:
    """Move comma-delimited condition segments ("..., unless otherwise agreed, ...") out of an action."""
    parts = [p for p in re.split(r",\s*", action)]
    if len(parts) < 3:
        return action, []
    kept = [parts[0]]
    pulled: list[str] = []
    for part in parts[1:-1]:
        if _CONDITION_SEGMENT.match(part):
            pulled.append(_clean(part))
        else:
            kept.append(part)
    kept.append(parts[-1])
    return ", ".join(kept), pulled


def _verb_object(action: str) -> tuple[str, str]:
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
    passive = _PASSIVE.match(rest_text)
    if passive:
        verb_text = f"be {passive.group('part')}"
        rest = rest_text[passive.end():].split()
        if rest and rest[0] in {"out", "on", "with"}:
            verb_text += f" {rest.pop(0)}"
        return verb_text, _clean(" ".join(rest))
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
    return " ".join(verb), _clean(" ".join(words[index:]))


_PREPOSITIONS = {"in", "at", "on", "for", "with", "under", "during"}
_PARTICLES = {"carry": ("out", "on"), "take": ("part", "place"), "set": ("up",), "put": ("in",), "bear": ("in",)}


def _nominal_head(phrase: str) -> str:
    """The first content word of a noun phrase: "exercise" in "the exercise by the States Parties of ..."."""
    words = [w for w in phrase.split() if w.casefold() not in {"the", "a", "an", "any", "all", "of"}]
    return words[0].strip(",") if words else phrase


# -- public API ---------------------------------------------------------------------------------------


def extract_obligations(draft: Draft, memo: ExtractionMemo | None = None) -> tuple[Obligation, ...]:
    """Every deontic clause of the draft's articles, one entry per undertaking, in document order.

    Give the same (initially empty) ``memo`` when extracting from several
    drafts: an article worded as one already read is then not read again.
    """
    found = _Extractor(draft, memo).run()
    order = {p.eid: i for i, p in enumerate(draft.provisions)}
    return tuple(sorted(found, key=lambda o: (order[o.eid], o.start, o.end)))
