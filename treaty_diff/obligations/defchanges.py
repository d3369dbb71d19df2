"""Definitions in the comparison of two drafts: a changed definition changes every clause that uses the term, and a
clause whose content the other draft's definitions carry is not dropped.

Definitions are paired across the drafts by the aligner (``Alignment.definitions``: "placed" in the 2008 PPWT is
"placed in outer space" in the 2014 one). For a pair of clauses (:mod:`.pairing`):

- each defined term the reference clause uses (:mod:`.definitions`) whose paired definition the other clause uses
  too is compared: the same wording gives nothing; otherwise a finding names the term, where each definition
  stands and the changed wording ("'destroyed or damaged by kinetic or non-kinetic means' becomes 'destroyed by
  kinetic means'"), and says whether the definition *narrows* or *widens*, read as an action is
  (:func:`.scope.text_findings`: alternatives dropped or qualifiers added narrow). A narrower definition narrows
  every clause that uses the term (a duty binds less: weakened; a freedom binds more), so the finding carries that
  direction of scope into :mod:`.judge`. A rewording with no direction is reported without one. A definition the
  other draft deletes is reported too.

A clause left without a counterpart may still be **carried** (:func:`carried`) by a clause of the other draft
through that draft's definitions: the 2008 PPWT's "not to install such weapons on celestial bodies" is carried by
the 2014 "not place any weapons in outer space", because the 2014 definition of "placed in outer space" includes
being located "on any celestial bodies". A clause is carried when a clause of the other draft, in a provision the
aligner paired with its own, has the same force, the same parties, and uses a defined term whose definition
supplies words of the clause that the other clause's own wording lacks, so that together they hold at least
:data:`_CARRIED_SHARE` of the clause's content words. Both directions are read the same way, so swapping the drafts
keeps the pair.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from treaty_diff.model.alignment import Alignment
from treaty_diff.model.draft import Definition
from treaty_diff.obligations.definitions import DefinedTerm
from treaty_diff.obligations.features import ClauseFeatures, content, same_text, short
from treaty_diff.obligations.scope import Direction, Finding, amended, text_findings

#: A clause is carried when the other clause and its definitions hold this share of its content words.
_CARRIED_SHARE = 0.6
#: The force of each modality (as in :mod:`.judge`): a carried clause keeps its force.
_RANK = {"obligation": 3, "prohibition": 3, "recommendation": 2, "permission": 1, "right": 1}
_WAY: dict[int, str] = {1: "widens", -1: "narrows", 0: "is reworded"}
#: Definitions up to this length are shown whole, both wordings; longer ones by their changed stretches.
_WHOLE = 200


@dataclass(frozen=True)
class DefinitionMap:
    """Which definition of the other draft each definition of the reference draft became (by block eId), and the
    reverse; a definition deleted or added maps to None."""

    forward: dict[str, Definition | None]
    backward: dict[str, Definition | None]
    other: str  # the other draft's id, for the reasons


def definition_map(alignment: Alignment) -> DefinitionMap:
    """The definitions the aligner paired, both ways."""
    forward: dict[str, Definition | None] = {}
    backward: dict[str, Definition | None] = {}
    for pair in alignment.definitions:
        if pair.old is not None:
            forward[pair.old.block_eid] = pair.new
        if pair.new is not None:
            backward[pair.new.block_eid] = pair.old
    return DefinitionMap(forward, backward, alignment.new.id)


_QUOTED = re.compile(r"[\"“”'‘’]")


def _meaning(term: DefinedTerm) -> str:
    """What a definition says, without the quoted term itself ('the term "X" means ...' -> 'the term means ...'),
    so that renaming the term is not read as a change of its meaning."""
    body = term.body
    for name in term.definition.terms:
        body = re.sub(rf"[\"“‘']\s*{re.escape(name)}\s*[\"”’']", " ", body)
    return " ".join(_QUOTED.sub("", body).split())


def definition_findings(a: ClauseFeatures, b: ClauseFeatures, definitions: DefinitionMap) -> list[Finding]:
    """What the change of the definitions the two clauses use does to the pair (see the module docstring)."""
    findings: list[Finding] = []
    for term in a.terms:
        block = term.definition.block_eid
        if block not in definitions.forward:
            continue
        paired = definitions.forward[block]
        if paired is None:
            findings.append(Finding(f"the definition of '{term.term}' ({term.label}) is deleted in "
                                    f"{definitions.other}"))
            continue
        counterpart = next((t for t in b.terms if t.definition.block_eid == paired.block_eid), None)
        if counterpart is None:
            continue
        if same_text(_meaning(term).casefold(), _meaning(counterpart).casefold()):
            continue
        findings.append(_changed(term, counterpart, definitions.other))
    return findings


def _changed(term: DefinedTerm, counterpart: DefinedTerm, other: str) -> Finding:
    """A finding for a changed definition, with its direction (read without the quoted term) and both wordings of
    what changed (read in the definitions as written, so that every quoted stretch is in the draft)."""
    directions = {f.scope for f in text_findings(_meaning(term), _meaning(counterpart)) if f.scope}
    direction: Direction = directions.pop() if len(directions) == 1 else 0  # type: ignore[assignment]
    if max(len(term.body), len(counterpart.body)) <= _WHOLE:  # short enough to show both wordings whole
        wording = f"'{term.body}' becomes '{counterpart.body}'"
    else:
        wording = amended(term.body, counterpart.body) or "the wording differs in punctuation or spacing"
        wording = wording.removeprefix("wording amended: ")
    name = f"'{term.term}' ({term.label})"
    if (term.term, term.label) != (counterpart.term, counterpart.label):
        name += f", in {other} '{counterpart.term}' ({counterpart.label}),"
    effect = {1: ", so the clause covers more", -1: ", so the clause covers less", 0: ""}[direction]
    return Finding(f"the definition of {name} {_WAY[direction]}{effect}: {wording}", scope=direction)


@dataclass(frozen=True)
class Carried:
    """A clause (``clause``) carried by a clause of the other draft (``carrier``) through the carrier's
    definitions: ``reason`` says which definition, with its words."""

    clause: ClauseFeatures
    carrier: ClauseFeatures
    reason: str
    share: float


def carried(clause: ClauseFeatures, candidates: list[ClauseFeatures], other_id: str) -> Carried | None:
    """The best clause of ``candidates`` (of the other draft, in provisions the aligner paired with the clause's)
    whose definitions carry ``clause``, or None (see the module docstring)."""
    wanted = clause.words
    total = sum(wanted.values())
    if not total:
        return None
    best: Carried | None = None
    for carrier in candidates:
        if not carrier.terms or _RANK[carrier.ob.modality] != _RANK[clause.ob.modality]:
            continue
        if carrier.ob.modality != clause.ob.modality or carrier.bearer != clause.bearer:
            continue
        own = carrier.words
        supplied: Counter[str] = Counter()
        through: list[DefinedTerm] = []
        for term in carrier.terms:
            words = (content(_meaning(term)) & wanted) - own
            if words:
                supplied |= words
                through.append(term)
        if not through:
            continue
        share = sum(((own | supplied) & wanted).values()) / total
        if share < _CARRIED_SHARE or (best is not None and share <= best.share):
            continue
        term = through[0]
        excerpt = _excerpt(term.body, supplied)  # the definition as written: the quote is in the draft
        reason = (f"carried in {other_id} by '{carrier.phrase}' ({carrier.label}), through the definition of "
                  f"'{term.term}' ({term.label}): '{excerpt}'")
        best = Carried(clause, carrier, reason, share)
    return best


def _excerpt(text: str, words: Counter[str]) -> str:
    """The comma-delimited stretch of a definition that holds the first of the given content words ("or is located
    at any location in outer space or on any celestial bodies other than the Earth"): a true substring of the
    definition, shortened with " …" only at its end."""
    for piece in re.split(r"[,;]\s*", text):
        if content(piece) & words:
            return short(piece.strip(" ."), 110)
    return short(text, 110)
