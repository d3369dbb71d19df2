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
   carries a marker ("shall", "shall not", "may", "undertakes to", "are
   required to", "have the right to", "should", "Calls upon ...", ...); the
   marker decides the modality, and a negative subject turns it ("No State
   Party shall" is a prohibition).
2. *Main clauses* (:mod:`.clauses`). Only markers in a main clause count, each
   with its subject and conditions; *constitutive* clauses, which set the
   instrument's own status or effect ("This Treaty shall be of unlimited
   duration") rather than directing conduct, are left out.
3. *Bearer* (:mod:`.bearers`). The agent of the clause, as a short canonical
   name ("States Parties", "each State Party", "the Depositary", "the Technical
   Secretariat") with the words as written, the agent of a passive ("by
   agreement between the States concerned"), a pronoun resolved;
   ``"unspecified"`` where the clause names none.
4. *One entry per undertaking* (:mod:`.undertakings`), by grammar: joined
   verbs and verb phrases, and the points of a list whose chapeau ends in the
   marker ("shall:") or in "to"; the points of a complete chapeau are its
   scope (its conditions, and their eIds in ``scope``).
5. *References and terms*: the instruments the clause binds its bearer to by
   reference (:mod:`.references`) and the draft's defined terms it uses
   (:mod:`.definitions`).

*Citation.* ``quote`` is ``provision.text[start:end]``: the clause from the
start of its sentence (leading conditions included) or of its own conjunct,
to the end of the clause. ``context`` is the sentence (with the points of a
list for a chapeau), cut to the stretch around the clause in a sentence over
4,000 characters, for matching against checklists.

*Time.* Every step reads a bounded window before its marker or positions found
once per sentence: a sentence of n words is read in time linear in n.

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
from treaty_diff.obligations.clauses import constitutive, main_clauses
from treaty_diff.obligations.definitions import defined_terms, terms_used
from treaty_diff.obligations.references import references_in
from treaty_diff.obligations.sentences import Sentence, clean, sentences, trim_span
from treaty_diff.obligations.subjects import Clause
from treaty_diff.obligations.undertakings import Undertaking, action_of, undertakings

#: What an article's obligations depend on (:func:`_wording`), and what was found in it, apart from where it is.
ExtractionMemo = dict[tuple[object, ...], tuple[tuple[Obligation, str, int, int], ...]]

#: An action that the points of a list continue: "take all necessary measures to:", "ensure that:".
_OPEN_ENDED = re.compile(r"(?:^|\s)to\s*:?\s*$")
#: An action of adverbs alone before the points: "shall immediately:".
_ADVERBS_ONLY = re.compile(r"^\s*(?:[a-z]+ly\s*,?\s*)+:\s*$")

#: What became of a main clause: its undertakings emitted, a chapeau for the points that follow, or nothing.
_Outcome = Literal["emitted", "chapeau", "empty", "constitutive"]


def extract_obligations(draft: Draft, memo: ExtractionMemo | None = None) -> tuple[Obligation, ...]:
    """Every deontic clause of the draft's articles, one entry per undertaking, in document order.

    Give the same (initially empty) ``memo`` when extracting from several
    drafts: an article worded as one already read is then not read again.
    """
    found = _Extractor(draft, memo).run()
    order = {p.eid: i for i, p in enumerate(draft.provisions)}
    ordered = sorted(found, key=lambda o: (order[o.eid], o.start, o.end))
    terms = defined_terms(draft)
    if terms:  # the defined terms each clause uses (not memoized: they depend on the draft, not the article)
        ordered = [replace(o, terms=tuple(t.term for t in terms_used(o.quote, terms))) for o in ordered]
    return tuple(ordered)


class _Extractor:
    """Walks one draft's articles and collects :class:`Obligation` values."""

    def __init__(self, draft: Draft, memo: ExtractionMemo | None = None) -> None:
        self.draft = draft
        self.out: list[Obligation] = []
        self._last_clause_emitted: list[int] = []
        self.previous_sentence = ""  # the sentence before, in the same provision
        self._prefix = ""
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
            self.previous_sentence = ""
            self._provision(provision)
            if key is not None:
                self.memo[key] = tuple(_unplaced(ob, provision) for ob in self.out[first:])
        return tuple(self.out)

    # -- blocks and sentences ------------------------------------------------------------------------

    def _provision(self, provision: Provision) -> None:
        offsets = provision.block_offsets
        blocks = provision.blocks
        distribute: tuple[Clause, str, str] | None = None  # a chapeau whose marker applies to each point
        scoped: list[int] = []  # the obligations of a chapeau whose points limit them (indices in self.out)
        limits: list[tuple[str, str]] = []  # those points: their words and eIds, applied once the list ends
        list_prefix = ""
        for index, block in enumerate(blocks):
            in_list = block.kind == "point" and bool(list_prefix) and block.eid.startswith(list_prefix)
            if not in_list:
                self._limit(scoped, limits)
                distribute, scoped, limits = None, [], []
            if block.terms:
                continue
            body_offset = offsets[block.eid] + (len(block.num) + 1 if block.num else 0)
            if distribute is not None and in_list:
                self._point(provision, block, body_offset, *distribute)
                continue
            if scoped and in_list:
                limits.append((_point_words(block), block.eid))
            context_extra = ""
            if block.kind == "intro" and block.body.rstrip().endswith(":"):
                list_prefix = block.eid.rsplit("__", 1)[0] + "__"
                points = _list_points(blocks, index + 1, list_prefix)
                context_extra = " " + " ".join(points) if points else ""
            for sentence in sentences(block, body_offset, context_extra):
                first = len(self.out)
                chapeau = self._sentence(provision, sentence)
                self.previous_sentence = sentence.text
                if block.kind != "intro" or not sentence.text.rstrip().endswith(":"):
                    continue
                if chapeau is not None:
                    distribute = chapeau
                elif self._last_clause_emitted:
                    scoped = list(range(max(first, self._last_clause_emitted[0]), len(self.out)))
        self._limit(scoped, limits)

    def _limit(self, scoped: list[int], limits: list[tuple[str, str]]) -> None:
        """The points that limit the obligations of their chapeau ("... any nuclear weapon test explosion ...: (a) in
        the atmosphere; ..."): their words become conditions of each, and their eIds its scope (once per list)."""
        if not scoped or not limits:
            return
        words = tuple(condition for condition, _ in limits)
        eids = tuple(eid for _, eid in limits)
        for index in scoped:
            ob = self.out[index]
            self.out[index] = replace(ob, conditions=(*ob.conditions, *words), scope=(*ob.scope, *eids))

    def _point(self, provision: Provision, block: Block, body_offset: int, chapeau: Clause, head: str,
               prefix: str) -> None:
        """A point of a list whose chapeau ends in the marker (or in "to"): its undertakings, borne by the chapeau's
        bearer; a point starting with "not" is a prohibition."""
        body = block.body
        start, end = trim_span(body, 0, len(body))
        seed = Clause(chapeau.modality, chapeau.kind if chapeau.kind in {"modal", "undertake"} else "modal",
                      chapeau.marker, start, start, start, subject=chapeau.subject,
                      subject_agent=chapeau.subject_agent, bearer=chapeau.bearer, bearer_text=chapeau.bearer_text,
                      conditions=list(chapeau.conditions))
        if re.match(r"not\s+", body[start:end]):
            seed.modality, seed.marker = "prohibition", f"{chapeau.marker} not"
        clauses = main_clauses(body[:end], seed)  # a relative or coordinated clause of its own in the point
        context = f"{head} {body}"
        for found in undertakings(body, seed, start, list(chapeau.conditions)):
            if prefix:
                found = replace(found, action=f"{prefix} {found.action}")
            self._emit(provision, block, chapeau.bearer or UNSPECIFIED, chapeau.bearer_text, found, body_offset,
                       context, len(head) + 1)
        if chapeau.bearer and chapeau.bearer != UNSPECIFIED:
            self.last_bearer = (chapeau.bearer, chapeau.bearer_text)
        for clause in clauses[1:]:
            self._clause(provision, Sentence(body[:end], body_offset, block, context, len(head) + 1), clause)

    def _sentence(self, provision: Provision, sentence: Sentence) -> tuple[Clause, str, str] | None:
        """Find the main clauses of a sentence and emit their undertakings.

        Returns the last clause, the sentence and the words the points continue ("take all necessary measures
        to") when the last clause is a chapeau that distributes over the points that follow. Sets
        ``_last_clause_emitted`` to the indices (in ``out``) of the obligations of the sentence's last clause.
        """
        chapeau: tuple[Clause, str, str] | None = None
        self._last_clause_emitted = []
        for clause in main_clauses(sentence.text):
            first = len(self.out)
            outcome = self._clause(provision, sentence, clause)
            chapeau = None
            if outcome == "chapeau":
                chapeau = (clause, sentence.text, self._prefix)
            self._last_clause_emitted = list(range(first, len(self.out)))
        return chapeau

    def _clause(self, provision: Provision, sentence: Sentence, clause: Clause) -> _Outcome:
        text = sentence.text
        action_start, action_text, conditions = action_of(text, clause)
        self._prefix = ""
        open_ended = _OPEN_ENDED.search(action_text)
        adverbs = _ADVERBS_ONLY.match(action_text)
        if (not clean(action_text) or open_ended or adverbs) and clause.kind != "impersonal" and not (
                clause.subject and constitutive(clause, action_text.strip())):
            if adverbs and not open_ended:
                open_ended = adverbs
            if text.rstrip().endswith(":"):
                clause.conditions = conditions
                clause.bearer, clause.bearer_text = bearer_of(text, clause, "", self.last_bearer)
                self._prefix = clean(action_text[: open_ended.end()]) if open_ended else ""
                return "chapeau"
            if not clean(action_text):
                return "empty"
        action = action_text.strip()
        if constitutive(clause, action):
            return "constitutive"
        bearer, bearer_text = bearer_of(text, clause, action, self.last_bearer, self.previous_sentence)
        clause.bearer, clause.bearer_text = bearer, bearer_text
        if bearer != UNSPECIFIED:
            self.last_bearer = (bearer, bearer_text)
        for found in undertakings(text, clause, action_start, conditions):
            self._emit(provision, sentence.block, bearer, bearer_text, found, sentence.offset, sentence.context,
                       sentence.context_offset)
        return "emitted"

    def _emit(self, provision: Provision, block: Block, bearer: str, bearer_text: str, found: Undertaking,
              offset: int, context: str, context_offset: int = 0) -> None:
        """Add an undertaking of ``block`` whose quote starts ``offset`` characters later in the provision's text;
        in ``context`` it starts ``context_offset`` characters later."""
        start, end = offset + found.start, offset + found.end
        in_context = context_offset + found.start, context_offset + found.end
        self.out.append(Obligation(
            draft=self.draft.id, eid=provision.eid, num=provision.num, block=block.eid,
            modality=found.modality, bearer=bearer, bearer_text=bearer_text, action=found.action, verb=found.verb,
            object=found.object, conditions=found.conditions, marker=found.marker, quote=provision.text[start:end],
            start=start, end=end, context=clean(bounded_context(context, *in_context)),
            reconstructed=not block.provenance.is_verbatim, references=references_in(provision.text[start:end]),
        ))


def _point_words(block: Block) -> str:
    """A point that limits its chapeau, as a condition: its number and first sentence, without a trailing "; or"."""
    text = block.text
    first = re.search(r"\.\s+(?=[A-Z])", text)
    start, end = trim_span(text, 0, first.start() if first else len(text))
    return clean(text[start:end])


def _list_points(blocks: tuple[Block, ...], first: int, prefix: str) -> list[str]:
    """The bodies of the points of the list that starts at ``blocks[first]`` (eIds under ``prefix``).

    Only the blocks under the list's eId are read: the walk stops at the first block outside it, so a provision
    with many lists is read once, not once per list.
    """
    out = []
    for block in blocks[first:]:
        if not block.eid.startswith(prefix):
            break
        if block.kind == "point":
            out.append(block.body)
    return out


def bounded_context(context: str, start: int, end: int, limit: int = 2000) -> str:
    """The context of a clause at [start, end) of ``context``: all of it when it is short, else the stretch
    around the clause, out to the nearest semicolon before and after it and at most ``limit`` characters each
    way (a sentence of thousands of words would otherwise be copied into each of its clauses)."""
    if len(context) <= 2 * limit:
        return context
    lo = max(0, start - limit)
    hi = min(len(context), end + limit)
    before = context.rfind(";", lo, start)
    after = context.find(";", end, hi)
    return context[before + 1 if before >= 0 else lo: after if after >= 0 else hi]


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
    """An obligation with what depends on its article's place: its block's eId suffix and offsets after the head
    (the eIds of its scope are kept as suffixes too)."""
    head = provision.head_length
    if ob.scope:
        ob = replace(ob, scope=tuple(eid[len(provision.eid):] for eid in ob.scope))
    return ob, ob.block[len(provision.eid):], ob.start - head, ob.end - head


def _placed(found: tuple[Obligation, str, int, int], provision: Provision, draft_id: str) -> Obligation:
    """An :func:`_unplaced` obligation put back into ``provision`` (same wording, perhaps another eId and num)."""
    ob, block_suffix, start, end = found
    head = provision.head_length
    return replace(ob, draft=draft_id, eid=provision.eid, num=provision.num, block=provision.eid + block_suffix,
                   start=start + head, end=end + head, quote=provision.text[start + head:end + head],
                   scope=tuple(provision.eid + suffix for suffix in ob.scope))
