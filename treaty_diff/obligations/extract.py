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

Then, for each sentence (:mod:`.sentences`) of each block:

1. *Deontic marker* (:mod:`.vocabulary`). A clause is listed only if it
   carries a marker ("shall", "shall not", "may", "undertakes to", "have the
   right to", "should", ...); the marker decides the modality.
2. *Main clauses* (:mod:`.clauses`). Only markers in a main clause count, each
   with its subject and conditions; *constitutive* clauses, which set the
   instrument's own status or effect ("This Treaty shall be of unlimited
   duration") rather than directing conduct, are left out.
3. *Bearer* (:mod:`.bearers`). The agent of the clause, as a short canonical
   name ("States Parties", "each State Party", "the Depositary") with the words
   as written; ``"unspecified"`` where the clause names none.
4. *One entry per undertaking* (:mod:`.undertakings`). A clause is split where
   verb phrases are coordinated with their own marker, and the points of a list
   whose chapeau ends in the marker ("shall:") each give an entry (here: a
   point starting with "not" is a prohibition); each entry has its action,
   verb, object and conditions.

*Citation.* ``quote`` is ``provision.text[start:end]``: the clause from the
start of its sentence (leading conditions included) or of its own conjunct,
to the end of the clause. ``context`` is the whole sentence (with the points
of a list for a chapeau), for matching against checklists.

An article worded as one already read (in this draft or another, given the
same :data:`ExtractionMemo`) is not read again: its clauses are put in place.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from treaty_diff.model.draft import Block, Draft, Provision
from treaty_diff.model.eids import provision_eid
from treaty_diff.model.obligations import UNSPECIFIED, Obligation
from treaty_diff.obligations.bearers import bearer_of
from treaty_diff.obligations.clauses import Clause, constitutive, main_clauses
from treaty_diff.obligations.sentences import Sentence, clean, sentences, trim_span
from treaty_diff.obligations.undertakings import Undertaking, action_of, undertakings, verb_object

#: What an article's obligations depend on (:func:`_wording`), and what was found in it, apart from where it is.
ExtractionMemo = dict[tuple[object, ...], tuple[tuple[Obligation, str, int, int], ...]]

#: What became of a main clause: its undertakings emitted, a chapeau for the points that follow, or nothing.
_Outcome = Literal["emitted", "chapeau", "empty", "constitutive"]


def extract_obligations(draft: Draft, memo: ExtractionMemo | None = None) -> tuple[Obligation, ...]:
    """Every deontic clause of the draft's articles, one entry per undertaking, in document order.

    Give the same (initially empty) ``memo`` when extracting from several
    drafts: an article worded as one already read is then not read again.
    """
    found = _Extractor(draft, memo).run()
    order = {p.eid: i for i, p in enumerate(draft.provisions)}
    return tuple(sorted(found, key=lambda o: (order[o.eid], o.start, o.end)))


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
        distribute: tuple[Clause, str] | None = None  # a chapeau whose marker applies to each point
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
            for sentence in sentences(block, body_offset, context_extra):
                chapeau = self._sentence(provision, sentence)
                if chapeau is not None and block.kind == "intro":
                    distribute = (chapeau, sentence.text)

    def _point(self, provision: Provision, block: Block, body_offset: int, chapeau: Clause, head: str) -> None:
        """A point of a list whose chapeau ends in the marker: one undertaking, borne by the chapeau's bearer."""
        body = block.body
        start, end = trim_span(body, 0, len(body))
        action = body[start:end]
        modality = chapeau.modality
        marker = chapeau.marker
        negated = re.match(r"not\s+", action)
        if negated:
            modality = "prohibition"
            marker = f"{chapeau.marker} not"
            action = action[negated.end():]
        verb, obj = verb_object(action)
        found = Undertaking(modality, marker, action, verb, obj, tuple(chapeau.conditions), start, end)
        self._emit(provision, block, chapeau.bearer or UNSPECIFIED, chapeau.bearer_text, found, body_offset,
                   f"{head} {body}")

    def _sentence(self, provision: Provision, sentence: Sentence) -> Clause | None:
        """Find the main clauses of a sentence and emit their undertakings.

        Returns the last clause when it is a chapeau that distributes over the points that follow.
        """
        chapeau: Clause | None = None
        for clause in main_clauses(sentence.text):
            if self._clause(provision, sentence, clause) == "chapeau":
                chapeau = clause
        return chapeau

    def _clause(self, provision: Provision, sentence: Sentence, clause: Clause) -> _Outcome:
        text = sentence.text
        action_start, action_text, conditions = action_of(text, clause)
        if not clean(action_text) and clause.kind != "impersonal":
            if text.rstrip().endswith(":"):
                clause.conditions = conditions
                clause.bearer, clause.bearer_text = bearer_of(text, clause, "", self.last_bearer)
                return "chapeau"
            return "empty"
        action = action_text.strip()
        if constitutive(clause, action):
            return "constitutive"
        bearer, bearer_text = bearer_of(text[: clause.end], clause, action, self.last_bearer)
        clause.bearer, clause.bearer_text = bearer, bearer_text
        if bearer != UNSPECIFIED:
            self.last_bearer = (bearer, bearer_text)
        for found in undertakings(text, clause, action_start, conditions):
            self._emit(provision, sentence.block, bearer, bearer_text, found, sentence.offset, sentence.context)
        return "emitted"

    def _emit(self, provision: Provision, block: Block, bearer: str, bearer_text: str, found: Undertaking,
              offset: int, context: str) -> None:
        """Add an undertaking whose quote starts ``offset`` characters later in the provision's text."""
        start, end = offset + found.start, offset + found.end
        self.out.append(Obligation(
            draft=self.draft.id, eid=provision.eid, num=provision.num, block=_block_at(provision, start).eid,
            modality=found.modality, bearer=bearer, bearer_text=bearer_text, action=found.action, verb=found.verb,
            object=found.object, conditions=found.conditions, marker=found.marker, quote=provision.text[start:end],
            start=start, end=end, context=clean(context),
            reconstructed=not _block_at(provision, start).provenance.is_verbatim,
        ))


def _block_at(provision: Provision, position: int) -> Block:
    offsets = provision.block_offsets
    found = provision.blocks[0]
    for block in provision.blocks:
        if offsets[block.eid] <= position:
            found = block
    return found


# -- the memo ---------------------------------------------------------------------------------------


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
