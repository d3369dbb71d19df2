"""The neutral model of a draft: frozen dataclasses, no XML.

A :class:`Draft` is an ordered tuple of :class:`Provision` values (the title,
the preamble, each article, the closing formula). A provision is an ordered
tuple of :class:`Block` values: the paragraphs, chapeaux, points and recitals
that the aligner pairs one level down. Every block carries its own
:class:`Provenance`, because one provision may mix verbatim and reconstructed
text.

The plain text of a block and of a provision is defined here, once, and every
later stage (alignment, diff, reports, obligations) reads it from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

ProvenanceStatus = Literal["verbatim", "reconstructed"]
ProvisionKind = Literal["title", "preamble", "article", "conclusions"]
BlockKind = Literal[
    "p",  # a plain paragraph of the preface or the conclusions
    "title",  # the draft's title, in the preface
    "intro",  # the opening words of the preamble, of a list (a chapeau)
    "recital",
    "formula",
    "paragraph",  # a paragraph of an article (numbered or not)
    "point",  # a lettered, numbered or unlettered item of a list
    "wrapup",  # text after the points of a list
]

#: Separator between the blocks of a provision's text (contracts.md).
BLOCK_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Source:
    """Where a part of a draft's text comes from."""

    id: str
    description: str


@dataclass(frozen=True)
class Provenance:
    """Whether a piece of text is the official wording, and where it is from."""

    status: ProvenanceStatus
    source: Source

    @property
    def is_verbatim(self) -> bool:
        return self.status == "verbatim"


@dataclass(frozen=True)
class Block:
    """One paragraph-level unit of a provision.

    ``num`` is the block's own number as printed ("1.", "(a)"), or None;
    ``body`` is its text without the number. ``terms`` are the terms this
    block defines, if it is a definition. ``depth`` is its nesting level inside
    the provision (0 for a paragraph of an article, 1 for a point of a list in
    it, ...), for reports that indent.
    """

    eid: str
    kind: BlockKind
    num: str | None
    body: str
    provenance: Provenance
    depth: int = 0
    terms: tuple[str, ...] = ()
    wid: str | None = None

    @property
    def text(self) -> str:
        """The block's plain text: its number, a space, its body."""
        return f"{self.num} {self.body}" if self.num else self.body


@dataclass(frozen=True)
class Provision:
    """A unit that ``compare`` pairs: the title, the preamble, an article, or the conclusions."""

    eid: str
    kind: ProvisionKind
    num: str | None
    heading: str | None
    blocks: tuple[Block, ...]
    wid: str | None = None

    @cached_property
    def text(self) -> str:
        """Num, heading and each block, separated by a blank line (contracts.md)."""
        parts = [p for p in (self.num, self.heading) if p]
        parts.extend(block.text for block in self.blocks)
        return BLOCK_SEPARATOR.join(parts)

    @property
    def label(self) -> str:
        """How a legal reader names this provision: "Article V", "the preamble"."""
        if self.num:
            return self.num
        return {"title": "the title", "preamble": "the preamble", "conclusions": "the final clause"}.get(
            self.kind, self.eid
        )

    @property
    def provenance_status(self) -> Literal["verbatim", "reconstructed", "mixed"]:
        statuses = {block.provenance.status for block in self.blocks}
        if len(statuses) == 1:
            return next(iter(statuses))  # type: ignore[return-value]
        return "mixed"

    @property
    def reconstructed_blocks(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if not b.provenance.is_verbatim)

    def block(self, eid: str) -> Block:
        for candidate in self.blocks:
            if candidate.eid == eid:
                return candidate
        raise KeyError(eid)


@dataclass(frozen=True)
class Definition:
    """A defined term, as it stands in one draft."""

    terms: tuple[str, ...]
    provision_eid: str
    block_eid: str
    text: str

    @property
    def term(self) -> str:
        return self.terms[0]


@dataclass(frozen=True)
class DraftMeta:
    """What an analyst needs to know about a draft besides its text."""

    id: str
    title: str
    short_title: str | None = None
    symbol: str | None = None
    date: str | None = None
    proponents: tuple[str, ...] = ()
    language: str = "en"
    status: str = "draft"
    document_type: Literal["bill", "act"] = "bill"
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Draft:
    """A whole draft: metadata and provisions in document order."""

    meta: DraftMeta
    provisions: tuple[Provision, ...]
    origin: str = field(default="", compare=False)
    """The file or corpus id the draft was read from, for messages."""

    @property
    def id(self) -> str:
        return self.meta.id

    @cached_property
    def text(self) -> str:
        """The whole draft as plain text, provisions separated by a blank line."""
        return BLOCK_SEPARATOR.join(p.text for p in self.provisions)

    @property
    def articles(self) -> tuple[Provision, ...]:
        return tuple(p for p in self.provisions if p.kind == "article")

    @cached_property
    def definitions(self) -> tuple[Definition, ...]:
        return tuple(
            Definition(block.terms, provision.eid, block.eid, block.text)
            for provision in self.provisions
            for block in provision.blocks
            if block.terms
        )

    @cached_property
    def word_count(self) -> int:
        """Words as the diff counts them (each CJK character one word), so every figure agrees."""
        from treaty_diff.diff import is_word, tokenize  # the diff stage owns the definition of a word

        return sum(1 for token in tokenize(self.text) if is_word(token))

    def provision(self, key: str) -> Provision:
        """Find a provision by eId, by num ("Article V", "V", "5") or by kind ("preamble")."""
        wanted = key.strip()
        for provision in self.provisions:
            if provision.eid == wanted or provision.kind == wanted:
                return provision
        lowered = wanted.casefold()
        for provision in self.provisions:
            if provision.num and provision.num.casefold() == lowered:
                return provision
        number = _article_number(wanted)
        if number is not None:
            for provision in self.articles:
                if provision.num and _article_number(provision.num) == number:
                    return provision
        raise KeyError(key)


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_to_int(text: str) -> int | None:
    """The value of a Roman numeral, or None if ``text`` is not one."""
    letters = text.casefold()
    if not letters or any(ch not in _ROMAN for ch in letters):
        return None
    total = 0
    for index, ch in enumerate(letters):
        value = _ROMAN[ch]
        if index + 1 < len(letters) and _ROMAN[letters[index + 1]] > value:
            total -= value
        else:
            total += value
    return total if int_to_roman(total).casefold() == letters else None


def int_to_roman(value: int) -> str:
    pairs = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for amount, letters in pairs:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


def _article_number(text: str) -> int | None:
    """3 for "Article III", "ARTICLE 3", "Art. 3", "III" or "3"."""
    words = text.replace(".", " ").split()
    if words and words[0].casefold() in {"article", "art"}:
        words = words[1:]
    if len(words) != 1:
        return None
    token = words[0]
    if token.isascii() and token.isdigit():
        return int(token)
    return roman_to_int(token)


def nums_differ(a: str | None, b: str | None) -> bool:
    """Whether a number changed: "Article V" and "Article 5" are the same number; None differs from any."""
    if a is None or b is None:
        return (a is None) != (b is None)
    value_a, value_b = _article_number(a), _article_number(b)
    if value_a is not None and value_b is not None:
        return value_a != value_b
    return a.strip().casefold() != b.strip().casefold()


def article_number(num: str) -> int | None:
    """Public form of the article-number parser, for eIds and importers."""
    return _article_number(num)


# -- alignment: what happened to each provision between two drafts ----------------------------------

ChangeKind = Literal["unchanged", "modified", "inserted", "deleted", "split", "merged"]
CHANGE_KINDS: tuple[ChangeKind, ...] = ("unchanged", "modified", "inserted", "deleted", "split", "merged")


@dataclass(frozen=True)
class BlockPair:
    """Paragraph-level pairing inside a provision pair: block eIds of the old and the new draft.

    ``kind`` describes the content apart from the number; ``renumbered`` (the
    num changed) and ``moved`` (the relative order changed) are independent
    flags. ``similarity`` is in [0, 1] (1.0 for identical text, 0.0 for an
    insertion or deletion).
    """

    kind: ChangeKind
    old: tuple[str, ...]
    new: tuple[str, ...]
    renumbered: bool = False
    moved: bool = False
    similarity: float = 0.0


@dataclass(frozen=True)
class ProvisionPair:
    """Provision-level pairing: one old and one new provision, or one-to-many (split), many-to-one (merged),
    or one side empty (inserted, deleted). ``evidence`` says what decided it: "wId" (both drafts carry the
    same wId), "kind" (the title, the preamble and the conclusions pair with their namesakes) or "content"."""

    kind: ChangeKind
    old: tuple[str, ...]
    new: tuple[str, ...]
    renumbered: bool = False
    moved: bool = False
    similarity: float = 0.0
    blocks: tuple[BlockPair, ...] = ()
    evidence: str = "content"


@dataclass(frozen=True)
class DefinitionPair:
    """A defined term in both drafts (paired by meaning), or only in one."""

    kind: ChangeKind
    old: Definition | None
    new: Definition | None
    renamed: bool = False
    similarity: float = 0.0


@dataclass(frozen=True)
class Alignment:
    """How two drafts correspond. ``pairs`` are in reading order: the new draft's order,
    each deleted provision at its old place. Every provision of each draft is in exactly one pair."""

    old: Draft
    new: Draft
    pairs: tuple[ProvisionPair, ...]
    definitions: tuple[DefinitionPair, ...] = ()


# -- word-level diff ----------------------------------------------------------------------------------

SegmentOp = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class Segment:
    """A run of text that both sides share (equal), or that only the new (insert) or old (delete) side has."""

    op: SegmentOp
    text: str
