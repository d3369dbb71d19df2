"""Read a draft from an Akoma Ntoso file: hardened parsing, schema check, consistency check, model.

Every read goes through :func:`parse_bytes`, which
1. parses with entity expansion, DTD loading and network access off, and
   refuses any document type declaration outright (XXE, billion laughs);
2. validates against the RelaxNG schema of our subset shipped in ``schema/``;
3. checks what a schema cannot: unique eIds that follow the naming convention,
   provenance for every block, references that resolve;
4. builds the frozen :class:`~treaty_diff.model.Draft`.
Problems are :class:`~treaty_diff.errors.InputError` values naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lxml import etree

from treaty_diff.errors import InputError, ValidationFailed
from treaty_diff.model import eids
from treaty_diff.model.draft import Block, BlockKind, Draft, DraftMeta, Provenance, Provision, Source
from treaty_diff.read.akn.hierarchy import HIER, UNIT_KINDS, HierarchyReader
from treaty_diff.read.akn.names import AKN_NS, LANGUAGE_FROM_AKN, TD_NS
from treaty_diff.read.hidden import hidden_character_warnings
from treaty_diff.read.safe import hardened_parser, parse_untrusted, read_limited

#: Largest draft file we read (bytes). The longest real treaty is far below it.
MAX_BYTES = 20 * 1024 * 1024

_A = f"{{{AKN_NS}}}"
_T = f"{{{TD_NS}}}"
_WS = re.compile(r"\s+")


def read_draft(path: Path | str, origin: str | None = None,
               on_warning: Callable[[str], None] | None = None) -> Draft:
    """Read and check one draft file. Raises InputError (ValidationFailed for schema problems).

    ``on_warning`` hears of text that holds hidden characters (bidi overrides and the like,
    :mod:`treaty_diff.read.hidden`), one message per provision naming the file.
    """
    location = origin or str(path)
    data = read_limited(Path(path), location, MAX_BYTES, "a draft file")
    if not data.strip():
        raise InputError(location, "empty file: expected an Akoma Ntoso draft")
    draft = parse_bytes(data, location, on_warning)
    if on_warning is not None:
        for message in hidden_character_warnings(draft):
            on_warning(f"{location}: {message}")
    return draft


def check_file(path: Path | str, on_warning: Callable[[str], None] | None = None) -> list[InputError]:
    """Every problem of one file (empty when it is a valid draft), for ``validate``; warnings as for
    :func:`read_draft`."""
    try:
        read_draft(path, on_warning=on_warning)
    except ValidationFailed as failed:
        return list(failed.problems)
    except InputError as error:
        return [error]
    return []


@lru_cache(maxsize=1)
def _schema() -> etree.RelaxNG:
    data = resources.files("treaty_diff.read.akn").joinpath("schema/treaty-akn.rng").read_bytes()
    return etree.RelaxNG(etree.fromstring(data, hardened_parser()))


def schema_path() -> str:
    """Where the subset's RelaxNG schema is, for documentation and tests."""
    return str(resources.files("treaty_diff.read.akn").joinpath("schema/treaty-akn.rng"))


def parse_bytes(data: bytes, location: str, on_warning: Callable[[str], None] | None = None) -> Draft:
    """Parse, validate and convert a draft held in memory.

    A document without treaty-diff's metadata (written by another tool) is read for its text
    (:mod:`treaty_diff.read.akn.foreign`); ``on_warning`` hears what of it has no place in a draft.
    """
    root = parse_untrusted(data, location, MAX_BYTES, "a draft")
    if root.tag != _A + "akomaNtoso":
        raise InputError(
            location,
            f"not an Akoma Ntoso 3.0 document (root element is <{_display_tag(root.tag)}>, "
            f"expected <akomaNtoso> in {AKN_NS})",
            line_of(root),
        )
    from treaty_diff.read.akn.foreign import has_own_metadata, read_foreign  # the importers' parser: when needed

    if not has_own_metadata(root) and root.find(f"{_A}*/{_A}meta") is not None:
        draft, warnings = read_foreign(root, location)
        for message in warnings:
            if on_warning is not None:
                on_warning(message)
        return draft
    misplaced = _misplaced_elements(root, location)
    if misplaced:
        raise ValidationFailed(location, misplaced)
    schema = _schema()
    # libxml2's RelaxNG is quadratic in a long run of elements with attributes: a draft of 2,000 articles has
    # 2,000 td:provenance entries (2.4 s). All but the first are set aside while the schema is applied, and
    # checked one by one below (_check_provenance_entry), then put back where they were.
    entries = root.findall(f"{_A}*/{_A}meta/{_A}proprietary/{_T}draft/{_T}provenance")
    set_aside = entries[1:]
    anchor = entries[0] if entries else None
    for entry in set_aside:
        entry.getparent().remove(entry)  # type: ignore[union-attr]
    valid = schema.validate(root)
    if anchor is not None:
        for entry in reversed(set_aside):
            anchor.addnext(entry)
    if not valid:
        problems = [
            InputError(location, f"schema: {_clean_schema_message(entry.message)}", entry.line or None)
            for entry in schema.error_log  # type: ignore[attr-defined]
        ]
        raise ValidationFailed(location, problems)
    builder = _Builder(location)
    draft = builder.build(root)
    if builder.problems:
        raise ValidationFailed(location, builder.problems)
    return draft


#: Which elements may stand inside which, in the text of a draft (the schema says the same, with the order;
#: this table gives the precise message "<x> is not allowed inside <y>" that RelaxNG's messages lack).
_ALLOWED_CHILDREN = {
    "preface": {"p"},
    "preamble": {"p", "recitals", "formula"},
    "recitals": {"intro", "recital", "wrapUp"},
    "recital": {"num", "p"},
    "formula": {"p"},
    "body": {"article", *HIER},
    "mainBody": {"p", *HIER},
    "article": {"num", "heading", "content", "paragraph", "subparagraph", "list"},
    "section": {"num", "heading", "content", "subparagraph", "list", *HIER},
    "part": {"num", "heading", *HIER},
    "chapter": {"num", "heading", *HIER},
    "title": {"num", "heading", *HIER},
    "book": {"num", "heading", *HIER},
    "division": {"num", "heading", *HIER},
    "hcontainer": {"num", "heading", "content", *HIER},
    "paragraph": {"num", "content", "list", "subparagraph"},
    "subparagraph": {"num", "content", "list"},
    "list": {"intro", "point", "wrapUp"},
    "point": {"num", "content", "list"},
    "intro": {"p"},
    "wrapUp": {"p"},
    "content": {"p"},
    "conclusions": {"p"},
    "p": {"def", "docTitle", "docStage", "i", "b", "ref"},
}


def _misplaced_elements(root: etree._Element, location: str) -> list[InputError]:
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        parent = element.getparent()
        if parent is None:
            continue
        parent_name = etree.QName(parent).localname
        allowed = _ALLOWED_CHILDREN.get(parent_name)
        if allowed is None or parent.tag.startswith(_T):
            continue
        name = etree.QName(element).localname
        if element.tag != _A + name or name not in allowed:
            shown = _display_tag(element.tag)
            problems.append(InputError(
                location,
                f"element <{shown}> is not allowed inside <{parent_name}> (allowed: {', '.join(sorted(allowed))})",
                line_of(element),
            ))
    return problems


def _display_tag(tag: str) -> str:
    qname = etree.QName(tag)
    if qname.namespace and qname.namespace != AKN_NS:
        return f"{{{qname.namespace}}}{qname.localname}"
    return qname.localname


def _clean_schema_message(message: str) -> str:
    return message.replace(_A, "").replace(_T, "td:")


def line_of(element: etree._Element) -> int | None:
    """The line an element starts on, if the parser knows it."""
    line = element.sourceline
    return line if isinstance(line, int) else None


def _text(element: etree._Element) -> str:
    return _WS.sub(" ", "".join(str(t) for t in element.itertext())).strip()


def _raw_text(element: etree._Element) -> str:
    """Metadata text as written (notes quote their sources, double spaces included)."""
    return "".join(str(t) for t in element.itertext()).strip()


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


@dataclass
class _Builder(HierarchyReader):
    """Walks a schema-valid document and collects blocks and consistency problems."""

    location: str
    problems: list[InputError] = field(default_factory=list)
    provenance: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    seen_eids: dict[str, int] = field(default_factory=dict)
    used_provenance: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)
    positions: dict[etree._Element, int] = field(default_factory=dict)
    unit_counts: dict[str, int] = field(default_factory=dict)

    def problem(self, element: etree._Element | None, message: str) -> None:
        line = line_of(element) if element is not None else None
        self.problems.append(InputError(self.location, message, line))

    # -- the document ---------------------------------------------------------------------------

    def build(self, root: etree._Element) -> Draft:
        doc = root[0]
        meta_el = doc.find(_A + "meta")
        assert meta_el is not None  # the schema requires it
        self._collect_ids(doc)
        meta = self._meta(doc, meta_el)
        provisions: list[Provision] = []
        for child in doc:
            name = _local(child)
            if name == "preface":
                provisions.append(self._container(child, "title"))
            elif name == "preamble":
                provisions.append(self._container(child, "preamble"))
            elif name in ("body", "mainBody"):
                self._hier(child, None, provisions)
            elif name == "conclusions":
                provisions.append(self._container(child, "conclusions"))
        for ref, (_, _, line) in self.provenance.items():
            if ref not in self.seen_eids:
                self.problems.append(
                    InputError(self.location, f"provenance entry refers to unknown eId {ref!r}", line)
                )
        title = meta.title  # a metadata title (td:draft/@title) wins over the text's title paragraph
        if not title:
            for provision in provisions:
                for block in provision.blocks:
                    if block.kind == "title":
                        title = block.body
        meta = DraftMeta(**{**meta.__dict__, "title": title})
        return Draft(meta=meta, provisions=tuple(provisions), origin=self.location)

    def _collect_ids(self, doc: etree._Element) -> None:
        for element in doc.iter():
            if not isinstance(element.tag, str):
                continue
            eid = element.get("eId")
            if eid is None:
                continue
            if eid in self.seen_eids:
                self.problem(element, f"duplicate eId {eid!r} (first used on line {self.seen_eids[eid]})")
            else:
                self.seen_eids[eid] = line_of(element) or 0

    def _check_provenance_entry(self, entry: etree._Element) -> None:
        """What the schema says of a td:provenance entry (most are checked here, see parse_bytes)."""
        if len(entry) or (entry.text or "").strip():
            self.problem(entry, "td:provenance must be empty")
        unknown = sorted(str(name) for name in set(entry.attrib) - {"ref", "status", "source"})
        if unknown:
            self.problem(entry, f"td:provenance has unknown attribute(s): {', '.join(unknown)}")
        for name in ("ref", "status", "source"):
            if not entry.get(name):
                self.problem(entry, f"td:provenance needs a {name} attribute")
        if entry.get("status") and entry.get("status") not in ("verbatim", "reconstructed"):
            self.problem(entry, f"td:provenance status must be verbatim or reconstructed, not {entry.get('status')!r}")

    def _meta(self, doc: etree._Element, meta_el: etree._Element) -> DraftMeta:
        td = meta_el.find(f"{_A}proprietary/{_T}draft")
        assert td is not None
        for source in td.findall(_T + "source"):
            sid = source.get("id", "")
            self.sources[sid] = Source(sid, _raw_text(source))
        for entry in td.findall(_T + "provenance"):
            self._check_provenance_entry(entry)
            ref = entry.get("ref", "")
            if ref in self.provenance:
                self.problem(entry, f"two provenance entries for eId {ref!r}")
            if entry.get("source") not in self.sources:
                self.problem(entry, f"provenance of {ref!r} names unknown source {entry.get('source')!r}")
            self.provenance[ref] = (entry.get("status", ""), entry.get("source", ""), line_of(entry) or 0)
        for term in meta_el.iterfind(f"{_A}references/{_A}TLCTerm"):
            self.terms.add("#" + term.get("eId", ""))
        language_el = meta_el.find(f"{_A}identification/{_A}FRBRExpression/{_A}FRBRlanguage")
        language = td.get("language") or LANGUAGE_FROM_AKN.get(
            language_el.get("language", "") if language_el is not None else "", "en"
        )
        name_el = meta_el.find(f"{_A}identification/{_A}FRBRWork/{_A}FRBRname")
        return DraftMeta(
            id=td.get("id", ""),
            title=td.get("title", ""),
            short_title=td.get("shortTitle") or (name_el.get("value") if name_el is not None else None),
            symbol=td.get("symbol"),
            date=td.get("date"),
            proponents=tuple(_text(p) for p in td.findall(_T + "proponent")),
            language=language,
            status=td.get("status", "draft"),
            document_type=_local(doc),  # type: ignore[arg-type]  # the schema allows these four
            document_name=None if _local(doc) in ("bill", "act") else doc.get("name"),
            sources=tuple(self.sources.values()),
            notes=tuple(_raw_text(n) for n in td.findall(_T + "note")),
        )

    # -- provisions -----------------------------------------------------------------------------

    def _article(self, article: etree._Element, parent: str | None = None) -> Provision:
        num_el = article.find(_A + "num")
        heading_el = article.find(_A + "heading")
        num = _text(num_el) if num_el is not None else None
        eid = article.get("eId", "")
        element = _local(article)
        if not num and element == "article":  # docs/draft-format.md: an article has a num ("Article V")
            self.problem(num_el if num_el is not None else article,
                         f"{eid or 'an article'}: an article needs a <num> with its number (\"Article 5\")")
        self._check_unit_eid(article, parent, eids.component(element, num, self._unit_position(article)))
        blocks: list[Block] = []
        content = article.find(_A + "content")
        if content is not None:
            blocks.append(self._block(content, eid, "paragraph", None, 0, owner=article))
        else:
            self._children(article, eid, 0, blocks)
        return Provision(
            eid=eid,
            kind=UNIT_KINDS[element],  # type: ignore[arg-type]
            num=num,
            heading=_text(heading_el) if heading_el is not None else None,
            blocks=tuple(blocks),
            wid=article.get("wId"),
            name=article.get("title"),
            parent=parent,
        )

    def _container(self, element: etree._Element | None, kind: str,
                   holder: etree._Element | None = None) -> Provision:
        assert element is not None  # the schema requires the content of an hcontainer
        eid = (holder if holder is not None else element).get("eId", "")
        if holder is None:
            self._check_eid(element, None, eids.component(_local(element)))
        blocks: list[Block] = []
        self._children(element, eid, 0, blocks)
        return Provision(eid=eid, kind=kind, num=None, heading=None, blocks=tuple(blocks))  # type: ignore[arg-type]

    def _children(self, parent: etree._Element, parent_eid: str, depth: int, blocks: list[Block],
                  pending_num: str | None = None) -> None:
        """Append the blocks below ``parent``.

        ``pending_num`` is the number of a paragraph whose text starts with an intro (its chapeau).
        """
        for child in parent:
            name = _local(child)
            if name in ("num", "heading", "content"):
                continue
            eid = child.get("eId", "")
            self._check_eid(child, parent_eid, eids.component(name, self._num(child), self._position(child)))
            if name == "p":
                kind: BlockKind = "title" if child.find(_A + "docTitle") is not None else "p"
                blocks.append(self._block(child, eid, kind, None, depth, owner=child, is_p=True))
            elif name in ("intro", "wrapUp", "formula"):
                kind = {"intro": "intro", "wrapUp": "wrapup", "formula": "formula"}[name]  # type: ignore[assignment]
                num = pending_num if name == "intro" else None
                if name == "intro":
                    pending_num = None
                blocks.append(self._block(child, eid, kind, num, depth, owner=child, is_p=False))
            elif name == "recital":
                blocks.append(self._block(child, eid, "recital", self._num(child), depth, owner=child))
            elif name in ("paragraph", "subparagraph", "point"):
                content = child.find(_A + "content")
                block_kind: BlockKind = "point" if name == "point" else "paragraph"
                if content is not None:
                    blocks.append(self._block(content, eid, block_kind, self._num(child), depth, owner=child))
                else:
                    number = self._num(child)
                    before = len(blocks)
                    self._children(child, eid, depth, blocks, pending_num=number)
                    if number and (len(blocks) == before or blocks[before].num != number):
                        self.problem(child, f"{eid}: a numbered {name} without content must start with an intro")
            elif name in ("list", "recitals"):
                self._list(child, eid, depth, blocks, pending_num)
                pending_num = None
            else:  # the schema keeps other elements out; say so rather than drop text silently
                self.problem(child, f"element <{name}> is outside the supported subset")

    def _list(self, element: etree._Element, eid: str, depth: int, blocks: list[Block],
              pending_num: str | None) -> None:
        for child in element:
            name = _local(child)
            child_eid = child.get("eId", "")
            self._check_eid(child, eid, eids.component(name, self._num(child), self._position(child)))
            if name == "intro":
                blocks.append(self._block(child, child_eid, "intro", pending_num, depth, owner=child))
                pending_num = None
            elif name == "wrapUp":
                blocks.append(self._block(child, child_eid, "wrapup", None, depth, owner=child))
            else:
                self._children_of_item(child, child_eid, depth + 1, blocks)

    def _children_of_item(self, item: etree._Element, eid: str, depth: int, blocks: list[Block]) -> None:
        name = _local(item)
        kind: BlockKind = "recital" if name == "recital" else "point"
        content = item.find(_A + "content")
        if name == "recital":
            blocks.append(self._block(item, eid, kind, self._num(item), depth - 1, owner=item))
        elif content is not None:
            blocks.append(self._block(content, eid, kind, self._num(item), depth, owner=item))
        else:
            number = self._num(item)
            self._children(item, eid, depth, blocks, pending_num=number)

    # -- blocks ---------------------------------------------------------------------------------

    def _block(self, holder: etree._Element, eid: str, kind: BlockKind, num: str | None, depth: int,
               owner: etree._Element, is_p: bool = False) -> Block:
        paragraphs = [holder] if is_p else holder.findall(_A + "p")
        if len(paragraphs) != 1:
            self.problem(holder, f"{eid}: expected exactly one <p>, found {len(paragraphs)}")
        body = " ".join(_text(p) for p in paragraphs)
        terms: list[str] = []
        for p in paragraphs:
            for definition in p.iter(_A + "def"):
                terms.append(_text(definition))
                ref = definition.get("refersTo")
                if ref and ref not in self.terms:
                    self.problem(definition, f"{eid}: term refers to {ref!r}, which is not a TLCTerm in the references")
        if not body:
            self.problem(holder, f"{eid}: empty text")
        return Block(
            eid=eid,
            kind=kind,
            num=num,
            body=body,
            provenance=self._provenance_of(eid, owner),
            depth=depth,
            terms=tuple(terms),
            wid=owner.get("wId"),
        )

    def _provenance_of(self, eid: str, element: etree._Element) -> Provenance:
        key = eid
        while True:
            if key in self.provenance:
                status, source_id, _ = self.provenance[key]
                source = self.sources.get(source_id, Source(source_id, ""))
                return Provenance(status, source)  # type: ignore[arg-type]
            if "__" not in key:
                break
            key = key.rsplit("__", 1)[0]
        self.problem(element, f"{eid}: no provenance (verbatim or reconstructed) is given for this text")
        return Provenance("reconstructed", Source("unknown", "no provenance given"))

    def _num(self, element: etree._Element) -> str | None:
        num = element.find(_A + "num")
        return _text(num) if num is not None else None

    def _position(self, element: etree._Element) -> int:
        """1-based position among the siblings of the same element (computed once per parent)."""
        if element not in self.positions:
            parent = element.getparent()
            counts: dict[object, int] = {}
            for sibling in parent if parent is not None else (element,):
                counts[sibling.tag] = counts.get(sibling.tag, 0) + 1
                self.positions[sibling] = counts[sibling.tag]
        return self.positions[element]

    def _check_eid(self, element: etree._Element, parent_eid: str | None, component: str) -> None:
        eid = element.get("eId")
        if eid is None:
            self.problem(element, f"<{_local(element)}> has no eId")
            return
        expected = eids.join(parent_eid, component)
        if eid != expected:
            self.problem(element, f"eId {eid!r} does not follow the naming convention (expected {expected!r})")
