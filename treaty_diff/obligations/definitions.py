"""A draft's defined terms, and where its clauses use them.

A draft defines terms in blocks that say what a word means (``Draft.definitions``; the reader marks them:
'the term "weapon in outer space" means ...', '... is considered as "placed in outer space" when ...'). The
obligations are read *with the definitions substituted*:

- :func:`defined_terms` lists the terms of a draft, each with its definition's text and where it stands
  ("Article I(c)");
- :func:`terms_used` says which of them a clause uses. A term is used where its words stand in the clause in
  order, inflections aside and with at most three other words between two of them, so that "not place any weapons
  in outer space" uses "placed in outer space", and "weapons in outer space" uses "weapon in outer space";
- checklist coverage (:mod:`.coverage`) matches a clause's terms in the definitions of the terms it uses too, and
  says when a match comes from a definition;
- the comparison of two drafts (:mod:`.compare`, :mod:`.carried`) judges a changed definition as a change of
  every clause that uses the term, and finds a clause whose content the other draft's definitions carry.
"""

from __future__ import annotations

from dataclasses import dataclass

from treaty_diff.model.draft import Definition, Draft, Provision
from treaty_diff.obligations.sentences import clean
from treaty_diff.obligations.words import lemma
from treaty_diff.text.tokens import obligation_words

#: At most this many words may stand between two words of a term where a clause uses it.
MAX_GAP = 3


@dataclass(frozen=True)
class DefinedTerm:
    """A defined term of a draft: its words as defined, its definition, and where the definition stands."""

    term: str
    definition: Definition
    label: str
    keys: tuple[tuple[str, ...], ...]  # the stems of each form of the term ("use of force", "threat of force")
    verbal: bool = False  # a participle alone ("placed"): a word after a determiner ("any other place") is a noun

    @property
    def text(self) -> str:
        """The definition's text, as the draft words it (its number included)."""
        return self.definition.text

    @property
    def body(self) -> str:
        """The definition's text without its number."""
        return clean(self.definition.text.split(" ", 1)[1]) if self.definition.text.startswith("(") \
            else clean(self.definition.text)


def place_label(provision: Provision, block_eid: str) -> str:
    """"Article VII(2)", "Article VI(1)(a)": the provision and the numbers of the paragraphs leading to a block."""
    nums: list[str | None] = []
    for block in provision.blocks:
        nums = [*nums[: block.depth], *([None] * (block.depth - len(nums))), block.num]
        if block.eid == block_eid:
            break
    parts = "".join(f"({n.strip('.() ')})" for n in nums if n and n.strip(".() "))
    return f"{provision.label}{parts}"


def _stems(text: str) -> tuple[str, ...]:
    return tuple(lemma(word) for word in obligation_words(text))


def defined_terms(draft: Draft) -> tuple[DefinedTerm, ...]:
    """The draft's defined terms, in document order."""
    provisions = {p.eid: p for p in draft.provisions}
    out = []
    for definition in draft.definitions:
        keys = tuple(key for key in (_stems(term) for term in definition.terms) if key)
        if keys:
            label = place_label(provisions[definition.provision_eid], definition.block_eid)
            verbal = all(len(term.split()) == 1 and term.casefold().endswith("ed") for term in definition.terms)
            out.append(DefinedTerm(definition.term, definition, label, keys, verbal))
    return tuple(out)


_DETERMINERS = frozenset({"the", "a", "an", "any", "other", "such", "this", "that", "each", "every", "no", "its",
                          "their", "some"})


def _uses(words: tuple[str, ...], key: tuple[str, ...], verbal: bool = False) -> bool:
    """Whether ``key`` stands in ``words`` in order, with at most :data:`MAX_GAP` other words between two of its
    words (for a ``verbal`` term, not as a noun after a determiner)."""
    for start, word in enumerate(words):
        if word != key[0] or (verbal and start > 0 and words[start - 1] in _DETERMINERS):
            continue
        at = start
        for part in key[1:]:
            window = words[at + 1: at + 2 + MAX_GAP]
            if part not in window:
                break
            at = at + 1 + window.index(part)
        else:
            return True
    return False


def terms_used(text: str, terms: tuple[DefinedTerm, ...]) -> tuple[DefinedTerm, ...]:
    """The terms of ``terms`` that ``text`` uses (see the module docstring)."""
    if not terms:
        return ()
    words = _stems(text)
    present = set(words)
    return tuple(term for term in terms
                 if any(set(key) <= present and _uses(words, key, term.verbal) for key in term.keys))
