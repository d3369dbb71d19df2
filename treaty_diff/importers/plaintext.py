"""Plain text to a :class:`~treaty_diff.model.Draft`.

The text is read as paragraphs separated by blank lines (lines inside a
paragraph are joined with a space). Then, in order:

- the preface: every paragraph before the preamble; the last one is the title;
- the preamble: an opening that ends with a comma ("The States Parties to this
  Treaty,"), the recitals, and the formula ("Have agreed as follows:");
- the articles: "Article I", "ARTICLE 1", "Art. 2", "Article 1 - Definitions"
  (a heading may also stand on the next line); inside them numbered paragraphs
  ("1.", "1)"), lettered or roman points ("(a)", "(iv)"), unlettered items
  after a chapeau that ends with a colon, and text after the points (wrap-up);
- definitions in a list introduced by "For the purpose(s) of this ...";
- the conclusions: "IN WITNESS WHEREOF ...", "DONE ...".

What cannot be placed is reported in ``warnings``; the text is never changed
(beyond joining the lines of a paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from treaty_diff import eids
from treaty_diff.model import Block, BlockKind, Draft, DraftMeta, Provenance, Provision

ARTICLE_LINE = re.compile(
    r"^(?P<num>(?:Article|ARTICLE|Art\.|ART\.)\s+(?:[IVXLCDM]+|\d+)(?:\s?(?:bis|ter|quater))?)"
    r"(?:\s*[-–—:.]\s*(?P<heading>\S.*))?$"
)
FORMULA = re.compile(r"^(Have|HAVE|Hereby|HEREBY)\s+(agreed|AGREED|agree|AGREE)\b")
PARAGRAPH_NUM = re.compile(r"^(?P<num>\d+(?:\.|\)))\s+(?P<body>\S.*)$", re.DOTALL)
POINT_NUM = re.compile(r"^(?P<num>\((?:[a-z]{1,2}|[ivxlc]+|\d+)\))\s+(?P<body>\S.*)$", re.DOTALL)
CONCLUSION = re.compile(r"^(IN WITNESS WHEREOF|DONE\b|Done at\b)")
DEFINITIONS_CHAPEAU = re.compile(r"^For the purposes? of this (Treaty|Agreement|Convention|Protocol)", re.IGNORECASE)
_Q_OPEN = "[\"“]"
_Q_CLOSE = "[\"”]"
TERM_PATTERNS = (
    re.compile(rf"\bthe term {_Q_OPEN}(?P<t1>[^\"”]+){_Q_CLOSE} means?\b"),
    re.compile(
        rf"^(?:the |an? )?{_Q_OPEN}(?P<t1>[^\"”]+){_Q_CLOSE}(?: or (?:the )?{_Q_OPEN}(?P<t2>[^\"”]+){_Q_CLOSE})?"
        r" (?:means?|shall mean)\b"
    ),
    re.compile(rf"\b(?:considered|regarded|deemed) as {_Q_OPEN}(?P<t1>[^\"”]+){_Q_CLOSE}"),
)


@dataclass
class _Item:
    """A paragraph of text as the parser places it."""

    kind: BlockKind
    num: str | None
    body: str
    line: int


@dataclass
class _List:
    intro: _Item | None
    points: list[_Item] = field(default_factory=list)
    wrapup: _Item | None = None
    lettered: bool = False


@dataclass
class _Article:
    num: str
    heading: str | None
    line: int
    nodes: list[_Item | _List | tuple[_Item, _List]] = field(default_factory=list)


@dataclass
class TextImport:
    """The result of an import: the draft and what could not be placed."""

    draft: Draft
    warnings: list[str]


def split_paragraphs(text: str) -> list[tuple[str, int]]:
    """Paragraphs separated by blank lines, each with the line it starts on; inner lines joined by a space."""
    paragraphs: list[tuple[str, int]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped:
            if not current:
                start = number
            current.append(stripped)
        elif current:
            paragraphs.append((" ".join(current), start))
            current = []
    if current:
        paragraphs.append((" ".join(current), start))
    return paragraphs


def parse_text(text: str, meta: DraftMeta, provenance: Provenance, origin: str = "") -> TextImport:
    """Parse a treaty's plain text. Every block gets ``provenance``; see the module doc for the rules."""
    warnings: list[str] = []
    paragraphs = split_paragraphs(text)
    index = 0
    preface: list[_Item] = []
    while index < len(paragraphs):
        body, line = paragraphs[index]
        if body.endswith(",") or FORMULA.match(body) or ARTICLE_LINE.match(body):
            break
        preface.append(_Item("p", None, body, line))
        index += 1
    if preface:
        preface[-1].kind = "title"
    preamble: list[_Item] = []
    while index < len(paragraphs):
        body, line = paragraphs[index]
        if ARTICLE_LINE.match(body):
            break
        if FORMULA.match(body):
            preamble.append(_Item("formula", None, body, line))
            index += 1
            break
        preamble.append(_Item("intro" if not preamble else "recital", None, body, line))
        index += 1
    articles: list[_Article] = []
    conclusions: list[_Item] = []
    for body, line in paragraphs[index:]:
        match = ARTICLE_LINE.match(body)
        if conclusions or CONCLUSION.match(body):
            conclusions.append(_Item("p", None, body, line))
        elif match:
            articles.append(_Article(match.group("num"), match.group("heading"), line))
        elif not articles:
            warnings.append(f"line {line}: text before the first article could not be placed; kept as a recital")
            preamble.append(_Item("recital", None, body, line))
        else:
            _place(articles[-1], body, line)
    if not articles:
        warnings.append("no article found (expected lines such as 'Article 1')")
    provisions: list[Provision] = []
    if preface:
        provisions.append(_simple_provision("title", "preface", preface, provenance))
    if preamble:
        provisions.append(_preamble(preamble, provenance))
    positions: dict[str, int] = {}
    for article in articles:
        provisions.append(_article_provision(article, provenance, positions, warnings))
    if conclusions:
        provisions.append(_simple_provision("conclusions", "conclusions", conclusions, provenance))
    draft = Draft(meta=_with_title(meta, preface), provisions=tuple(provisions), origin=origin)
    return TextImport(draft, warnings)


def _with_title(meta: DraftMeta, preface: list[_Item]) -> DraftMeta:
    if meta.title or not preface:
        return meta
    return DraftMeta(**{**meta.__dict__, "title": preface[-1].body})


def _place(article: _Article, body: str, line: int) -> None:
    """Put one paragraph of an article's text where it belongs."""
    nodes = article.nodes
    if article.heading is None and not nodes and _looks_like_heading(body):
        article.heading = body
        return
    open_list = _open_list(nodes)
    para = PARAGRAPH_NUM.match(body)
    point = POINT_NUM.match(body)
    if para and not (open_list and not open_list.lettered and open_list.points):
        nodes.append(_Item("paragraph", para.group("num"), para.group("body"), line))
    elif point:
        target = open_list or _start_list(nodes)
        target.points.append(_Item("point", point.group("num"), point.group("body"), line))
        target.lettered = True
    elif open_list is not None and open_list.lettered and open_list.wrapup is None:
        open_list.wrapup = _Item("wrapup", None, body, line)
    elif open_list is not None and not open_list.lettered and open_list.intro is not None:
        open_list.points.append(_Item("point", None, body, line))
    elif nodes and isinstance(nodes[-1], _Item) and nodes[-1].body.endswith(":"):
        _start_list(nodes).points.append(_Item("point", None, body, line))
    else:
        nodes.append(_Item("paragraph", None, body, line))


def _looks_like_heading(body: str) -> bool:
    return len(body.split()) <= 12 and body[-1] not in ".;:," and not POINT_NUM.match(body) and not PARAGRAPH_NUM.match(body)


def _open_list(nodes: list[_Item | _List | tuple[_Item, _List]]) -> _List | None:
    if not nodes:
        return None
    last = nodes[-1]
    if isinstance(last, _List):
        return None if last.wrapup else last
    if isinstance(last, tuple):
        return None if last[1].wrapup else last[1]
    return None


def _start_list(nodes: list[_Item | _List | tuple[_Item, _List]]) -> _List:
    """Turn the paragraph before the points into the list's chapeau."""
    last = nodes[-1] if nodes else None
    if isinstance(last, _Item) and last.body.endswith(":"):
        intro = _Item("intro", None, last.body, last.line)
        new_list = _List(intro)
        if last.num:
            nodes[-1] = (last, new_list)
        else:
            nodes[-1] = new_list
        return new_list
    new_list = _List(None)
    nodes.append(new_list)
    return new_list


# -- building the model ------------------------------------------------------------------------


def _simple_provision(kind: str, eid: str, items: list[_Item], provenance: Provenance) -> Provision:
    blocks = tuple(
        Block(eids.join(eid, eids.component("p", None, n)), item.kind, None, item.body, provenance)
        for n, item in enumerate(items, start=1)
    )
    return Provision(eid=eid, kind=kind, num=None, heading=None, blocks=blocks)  # type: ignore[arg-type]


def _preamble(items: list[_Item], provenance: Provenance) -> Provision:
    blocks: list[Block] = []
    recs = eids.join("preamble", "recs")
    recital = 0
    for item in items:
        if item.kind == "formula":
            blocks.append(Block(eids.join("preamble", "formula"), "formula", None, item.body, provenance))
        elif item.kind == "intro":
            blocks.append(Block(eids.join(recs, "intro"), "intro", None, item.body, provenance))
        else:
            recital += 1
            blocks.append(Block(eids.join(recs, f"rec_{recital}"), "recital", None, item.body, provenance))
    return Provision(eid="preamble", kind="preamble", num=None, heading=None, blocks=tuple(blocks))


def _article_provision(article: _Article, provenance: Provenance, positions: dict[str, int],
                       warnings: list[str]) -> Provision:
    component = eids.component("article", article.num)
    if component in positions:
        warnings.append(f"line {article.line}: {article.num} appears twice; numbered by position")
        component = f"{component}_{positions[component] + 1}"
    positions[component] = positions.get(component, 0) + 1
    eid = component
    blocks: list[Block] = []
    nodes = article.nodes
    if len(nodes) == 1 and isinstance(nodes[0], _Item) and nodes[0].num is None:
        blocks.append(Block(eid, "paragraph", None, nodes[0].body, provenance))
    elif len(nodes) == 1 and isinstance(nodes[0], _List):
        _list_blocks(nodes[0], eids.join(eid, "list_1"), None, 0, provenance, blocks)
    else:
        unnumbered = 0
        for node in nodes:
            unnumbered += 1
            if isinstance(node, _Item):
                para_eid = eids.join(eid, eids.component("paragraph", node.num, unnumbered))
                blocks.append(Block(para_eid, "paragraph", node.num, node.body, provenance))
            elif isinstance(node, tuple):
                head, sub = node
                para_eid = eids.join(eid, eids.component("paragraph", head.num, unnumbered))
                _list_blocks(sub, eids.join(para_eid, "list_1"), head.num, 0, provenance, blocks)
            else:
                para_eid = eids.join(eid, eids.component("paragraph", None, unnumbered))
                _list_blocks(node, eids.join(para_eid, "list_1"), None, 0, provenance, blocks)
    if not blocks:
        warnings.append(f"line {article.line}: {article.num} has no text")
    return Provision(eid=eid, kind="article", num=article.num, heading=article.heading, blocks=tuple(blocks))


def _list_blocks(node: _List, list_eid: str, num: str | None, depth: int, provenance: Provenance,
                 blocks: list[Block]) -> None:
    """Append the blocks of a list; its points are definitions when its chapeau says so."""
    is_definitions = bool(node.intro and DEFINITIONS_CHAPEAU.match(node.intro.body))
    if node.intro:
        blocks.append(Block(eids.join(list_eid, "intro"), "intro", num, node.intro.body, provenance, depth))
    for position, point in enumerate(node.points, start=1):
        point_eid = eids.join(list_eid, eids.component("point", point.num, position))
        terms = find_terms(point.body) if is_definitions else ()
        blocks.append(Block(point_eid, "point", point.num, point.body, provenance, depth + 1, terms))
    if node.wrapup:
        blocks.append(Block(eids.join(list_eid, "wrapup"), "wrapup", None, node.wrapup.body, provenance, depth))


def find_terms(body: str) -> tuple[str, ...]:
    """The terms a definition defines: 'the term "X" means', '"X" or "Y" mean', 'considered as "X"'."""
    for pattern in TERM_PATTERNS:
        match = pattern.search(body)
        if match:
            found = [match.group("t1")]
            if "t2" in pattern.groupindex and match.group("t2"):
                found.append(match.group("t2"))
            return tuple(found)
    return ()
