"""The words the extractor reads by: the deontic markers, and the noun phrases that name an agent.

These are the patterns that several steps of :mod:`.extract` share. A pattern
that one step alone uses lives with that step (:mod:`.clauses`,
:mod:`.bearers`, :mod:`.undertakings`, :mod:`.sentences`).

Deontic markers
===============
A clause is listed only if it carries one of these markers; the marker decides
the modality (:data:`MARKERS`, in priority order: at one position the first
that matches wins):

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
Article VII "is internationally liable").

Each marker also has a *kind*, which tells the later steps how to read the
clause: ``modal`` (a subject, a marker, an action), ``undertake``, ``savings``
("Nothing in this Treaty ..."), ``existential`` ("There shall be freedom of"),
``impersonal`` ("... shall be forbidden"), ``retain`` and ``free``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from treaty_diff.model.obligations import Modality

# -- agents ---------------------------------------------------------------------------------------------

_DET = (r"(?:(?:each|any|every|a|an|the|all|that|this|such|those|these|both|one|other|another|either)\s+"
        r"(?:of\s+the\s+)?)*")
_HEAD = (
    r"(?:States\s+Parties|State\s+Party|States\s+members|member\s+States|Depositary\s+Governments|Depositary"
    r"|Secretary-General|Executive\s+Organization|Parties|Party|States|State|Governments|Government"
    r"|astronauts|representatives|international\s+organization|organization|conference)"
)
_POST = (r"(?:\s+(?:to\s+(?:this|the)\s+(?:Treaty|Agreement)|of\s+the\s+United\s+Nations|of\s+(?:this|the)\s+Treaty"
         r"|concerned))*")
_ADJ = r"(?:(?-i:[a-z][a-z-]*[a-rt-z])\s+)?"  # one lowercase modifier not ending in -s: "launching", "review"
#: A noun phrase naming an agent: "Each State Party to this Treaty", "the Depositary", "Such representatives".
AGENT_NP = re.compile(rf"\b{_DET}{_ADJ}{_HEAD}\b{_POST}", re.IGNORECASE)
#: :data:`AGENT_NP` where it starts the text (no word boundary asked for in front).
AGENT_AT_START = re.compile(rf"{_DET}{_ADJ}{_HEAD}\b{_POST}", re.IGNORECASE)

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

#: Marker patterns, in priority order: at one position the first that matches wins.
MARKERS: tuple[tuple[str, Modality, str], ...] = (
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
#: Every marker, the pattern of ``MARKERS[i]`` as the group ``m<i>``.
MARKER_RE = re.compile("|".join(f"(?P<m{i}>\\b{p}\\b)" for i, (p, _, _) in enumerate(MARKERS)))
#: Where a marker can begin: every pattern of MARKERS starts with one of these words (two of them without a word
#: boundary in front). :func:`markers` tries MARKER_RE only where one stands, which finds the same markers many times
#: faster than MARKER_RE.finditer, which tries some twenty alternatives at every character of the text.
_MARKER_START = re.compile(r"Nothing|There|there|shall|should|have|has|will|is|are|undertake|agree|refrain|must|may")


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
