"""The neutral model of a draft: frozen dataclasses, no XML.

A :class:`Draft` is an ordered tuple of :class:`Provision` values (the title,
the preamble, each article, the closing formula). A document without articles
has other units: numbered sections or clauses, a resolution's operative
paragraphs, or (the last resort) its plain paragraphs and table rows; parts,
chapters and annexes are ``division`` provisions that hold the units after them
(each unit names its division in ``parent``). A provision is an ordered
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

from treaty_diff.model.numbers import article_number

ProvenanceStatus = Literal["verbatim", "reconstructed"]
ProvisionKind = Literal[
    "title", "preamble", "article", "conclusions",
    "section",  # a numbered section, clause or rule ("Section 2", "1. DEFINITIONS", "Rule 3")
    "paragraph",  # an operative paragraph of a resolution, or a plain paragraph or table row of a document
    "division",  # a part, chapter, annex...: its num and heading; it holds the provisions whose parent it is
]
#: Provision kinds that are not compared by content with the units (they pair with their namesake).
FRAME_KINDS = ("title", "preamble", "conclusions")
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

#: Separator between the blocks of a provision's text (docs/contracts.md).
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
    """A unit that ``compare`` pairs: the title, the preamble, an article (or section, paragraph), a division, or
    the conclusions.

    ``name`` is how the document names the unit when its num alone does not ("operative paragraph 3", "table 1,
    row 2"); ``parent`` is the eId of the division (part, chapter, annex) that holds it, if any; ``provenance``
    is that of the num and heading of a provision without blocks (a division).
    """

    eid: str
    kind: ProvisionKind
    num: str | None
    heading: str | None
    blocks: tuple[Block, ...]
    wid: str | None = None
    name: str | None = None
    parent: str | None = None
    provenance: Provenance | None = None

    @cached_property
    def text(self) -> str:
        """Num, heading and each block, separated by a blank line (docs/contracts.md)."""
        parts = [p for p in (self.num, self.heading) if p]
        parts.extend(block.text for block in self.blocks)
        return BLOCK_SEPARATOR.join(parts)

    @property
    def head_length(self) -> int:
        """Where the first block starts in :attr:`text` (after the num and heading and their separators)."""
        return sum(len(part) + len(BLOCK_SEPARATOR) for part in (self.num, self.heading) if part)

    @cached_property
    def block_offsets(self) -> dict[str, int]:
        """Where each block's text starts in :attr:`text`, by the block's eId."""
        offset = self.head_length
        offsets: dict[str, int] = {}
        for block in self.blocks:
            offsets[block.eid] = offset
            offset += len(block.text) + len(BLOCK_SEPARATOR)
        return offsets

    @property
    def label(self) -> str:
        """How a legal reader names this provision: "Article V", "the preamble", "operative paragraph 3"."""
        if self.name:
            return self.name
        if self.num:
            return self.num
        return {"title": "the title", "preamble": "the preamble", "conclusions": "the final clause"}.get(
            self.kind, self.eid
        )

    @property
    def provenance_status(self) -> Literal["verbatim", "reconstructed", "mixed"]:
        statuses = {block.provenance.status for block in self.blocks}
        if not statuses and self.provenance is not None:
            return self.provenance.status
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
    document_type: Literal["bill", "act", "doc", "statement"] = "bill"
    """The Akoma Ntoso document: a draft treaty (bill), a concluded one (act), a resolution (statement) or any
    other document (doc)."""
    document_name: str | None = None
    """The Akoma Ntoso ``name`` of the document ("resolution", "code"); None for a treaty."""
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

    @property
    def units(self) -> tuple[Provision, ...]:
        """The provisions of the body that hold text: articles, sections, paragraphs (not the frame, not the
        divisions' headings)."""
        return tuple(p for p in self.provisions if p.kind in ("article", "section", "paragraph"))

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
        from treaty_diff.text.tokens import is_word, tokenize

        return sum(1 for token in tokenize(self.text) if is_word(token))

    def provision(self, key: str) -> Provision:
        """Find a provision by eId, by num ("Article V", "V", "5", "第五条"), by kind ("preamble") or by the name
        reports give it ("operative paragraph 3", "Section 2.1")."""
        wanted = key.strip()
        for provision in self.provisions:
            if provision.eid == wanted or provision.kind == wanted:
                return provision
        lowered = wanted.casefold()
        for provision in self.provisions:
            if provision.num and provision.num.casefold() == lowered:
                return provision
        for provision in self.provisions:
            if provision.name and provision.name.casefold() == lowered:
                return provision
        number = article_number(wanted)
        if number is not None:
            for provision in self.articles or self.units:
                if provision.num and article_number(provision.num.rstrip(".")) == number:
                    return provision
        raise KeyError(key)
