"""Plain text to a :class:`~treaty_diff.model.Draft`.

The text is read as paragraphs separated by blank lines (lines inside a
paragraph are joined with a space, runs of white space become one space).
Text copied out of a PDF often has no blank line between paragraphs; inside a
group of lines a new paragraph is also started at a line that is an article
heading, at a numbered line after a line that ends a clause, and (for
hard-wrapped text) after a short line that ends a clause (see
:func:`split_paragraphs`). Then, in order:

- the preface: every paragraph before the preamble; the last one (or the one a
  DOCX styles as Title) is the title;
- the preamble: an opening that ends with a comma ("The States Parties to this
  Treaty,"), the recitals, and the formula ("Have agreed as follows:", "Have
  agreed on the following:", "Hereby agree ...");
- the articles: "Article I", "ARTICLE 1", "Art. 2", "Article 1 - Definitions"
  (a heading may also stand on the next line); inside them numbered paragraphs
  ("1.", "1)"), lettered, roman or numbered points ("(a)", "a)", "(iv)",
  "(1)"), roman points nested under lettered ones (and any other nesting that
  the numbers show), unlettered items after a chapeau that ends with a colon,
  and text after the points (wrap-up);
- definitions: 'the term "X" means ...', '"X" means ...' anywhere; 'X means
  ...' and 'considered as "X"' in a list introduced by "For the purpose(s) of
  this ..." or in an article headed "Definitions" or "Use of terms";
- the conclusions: "IN WITNESS WHEREOF ...", "DONE ...", "Done at ...", and
  signature lines ("For the Government of ...").

What cannot be placed is reported as a :class:`Notice`; the words of the text
are never changed.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from treaty_diff.model import eids
from treaty_diff.model.draft import Block, BlockKind, Draft, DraftMeta, Provenance, Provision, ProvisionKind
from treaty_diff.model.numbers import int_to_roman, roman_to_int

ARTICLE_LINE = re.compile(
    r"^(?P<num>(?:Article|ARTICLE|Art\.?|ART\.?)\s+(?:[IVXLCDM]+|\d+)(?:\s?(?:bis|ter|quater|BIS|TER|QUATER))?)"
    r"(?:(?P<sep>\s*[-–—]\s*|\s*[:.]\s*|\s+(?=[A-Z(\[]))(?P<rest>\S.*))?(?P<dot>[.:])?$"
)
FORMULA = re.compile(
    r"^(?:(?:have|hereby|do hereby|have hereby)\s+)?(?:agreed?|agrees)\s+"
    r"(?:as follows|on the following|upon the following|to the following|the following)\b",
    re.IGNORECASE,
)
PARAGRAPH_NUM = re.compile(r"^(?P<num>\d+(?:\.|\)))\s+(?P<body>\S.*)$", re.DOTALL)
POINT_NUM = re.compile(
    r"^(?P<num>\((?P<t1>[a-z]{1,2}|[ivxlc]+|\d+|[A-Z]|[IVXLC]+)\)|(?P<t2>[a-z]|[ivxlc]+)\))\s+(?P<body>\S.*)$",
    re.DOTALL,
)
CONCLUSION = re.compile(
    r"^(?:IN WITNESS WHEREOF|In witness whereof|DONE\b|Done (?:at|in|on|this)\b|SIGNED at\b|Signed at\b)"
)
SIGNATURE = re.compile(
    r"^For (?:the )?(?:Government|Governments|Republic|Kingdom|State|States|People'?s|United|Union|Federal|"
    r"Russian|Democratic|Islamic|Commonwealth|Confederation|Grand Duchy|Principality)\b"
)
PREAMBLE_WORD = re.compile(r"^preamble\s*:?$", re.IGNORECASE)
PART_HEADING = re.compile(r"^(?:PART|Part|CHAPTER|Chapter|SECTION|Section|TITLE)\s+(?:[IVXLC]+|\d+|[A-Z])\b")
PAGE_NUMBER = re.compile(r"^(?:-\s*\d{1,4}\s*-|\d{1,4}|(?:Page|page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$")
DEFINITIONS_CHAPEAU = re.compile(
    r"^(?:For the purposes? of this (?:Treaty|Agreement|Convention|Protocol)|In this (?:Treaty|Agreement|Convention"
    r"|Protocol))",
    re.IGNORECASE,
)
DEFINITIONS_HEADING = re.compile(r"\b(?:definitions?|use of terms)\b", re.IGNORECASE)
_Q_OPEN = "[\"“]"
_Q_CLOSE = "[\"”]"
QUOTED_TERM_PATTERNS = (
    re.compile(rf"\bthe term {_Q_OPEN}(?P<t1>[^\"”]+){_Q_CLOSE} means?\b"),
    re.compile(
        rf"^(?:the |an? )?{_Q_OPEN}(?P<t1>[^\"”]+){_Q_CLOSE}(?: or (?:the )?{_Q_OPEN}(?P<t2>[^\"”]+){_Q_CLOSE})?"
        r" (?:means?|shall mean)\b"
    ),
)
CONTEXT_TERM_PATTERNS = (
    re.compile(rf"\b(?:considered|regarded|deemed) as {_Q_OPEN}(?P<t1>[^\"”]+){_Q_CLOSE}"),
    re.compile(
        r"^(?:the (?:term|expression|words?) )?(?:the |an? )?(?P<t1>[^\s\"“”,;:()][^\"“”,;:()]{0,80}?)"
        r" (?:means|mean|shall mean)\b"
    ),
)
#: Most words an unquoted defined term ("outer space object means ...") may have.
MAX_TERM_WORDS = 6
TERM_PATTERNS = QUOTED_TERM_PATTERNS + CONTEXT_TERM_PATTERNS[:1]

_WS = re.compile(r"\s+")
_ALL_CAPS = re.compile(r"^(?=.*[A-Z].*[A-Z])[^a-z]+$")
_CLAUSE_END = re.compile(r"(?:[.;:,!?]|[.;:,]\s*(?:and|or)|[.;:,][\"”’)\]])$")

ParagraphStyle = Literal["title", "heading"]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the input before it is placed: its text, where it starts, and hints from a DOCX.

    ``line`` is the line of a text file, or the paragraph of a DOCX (see
    :attr:`TextImport.unit`). ``style`` is set from a DOCX paragraph style;
    ``listed`` marks an item of a bulleted list (a point without a number).
    """

    text: str
    line: int
    style: ParagraphStyle | None = None
    listed: bool = False


@dataclass(frozen=True)
class Notice:
    """Something the importer could not place as it stands, at a line (or DOCX paragraph) of the input."""

    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class _Item:
    """A paragraph or point as the parser places it; ``sub`` is the list it introduces, if any."""

    kind: BlockKind
    num: str | None
    body: str
    line: int
    sub: _List | None = None


@dataclass
class _List:
    """A list: its points (each an :class:`_Item`), the text after them, and the numbering style seen."""

    points: list[_Item] = field(default_factory=list)
    wrapup: _Item | None = None
    style: str = "plain"
    intro: _Item | None = None
    """Only for a list that has no paragraph of its own (the article's only content); else the owner is the intro."""


@dataclass
class _Article:
    num: str
    heading: str | None
    line: int
    nodes: list[_Item | _List] = field(default_factory=list)
    stack: list[_List] = field(default_factory=list)
    """The open lists, outermost first."""


@dataclass(frozen=True)
class TextImport:
    """The result of parsing: the draft and what could not be placed (and what was inferred)."""

    draft: Draft
    notices: tuple[Notice, ...]
    inferred_breaks: int = 0
    """How many paragraph breaks were inferred from the line layout (text with no blank lines)."""
    errors: tuple[Notice, ...] = ()
    """What makes the text impossible to import as a valid draft (an article without any text)."""

    @property
    def warnings(self) -> list[str]:
        return [str(notice) for notice in self.notices]


# -- paragraphs --------------------------------------------------------------------------------


def split_paragraphs(text: str, layout: bool = True) -> list[Paragraph]:
    """Paragraphs separated by blank lines, each with the line it starts on; inner lines joined by a space.

    Inside a group of lines, a new paragraph also starts (see the module doc) at
    an article heading line, at the line after one, at a line that starts with
    a paragraph or point number after a line that ends a clause, and, when
    ``layout`` is true and the text is hard-wrapped, after a short line that
    ends a clause. Lines are split at ``\\n`` only (``\\r\\n`` and ``\\r``
    should be normalised first).
    """
    paragraphs: list[Paragraph] = []
    group: list[tuple[str, int]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if stripped:
            group.append((stripped, number))
        elif group:
            paragraphs.extend(split_group(group, layout))
            group = []
    if group:
        paragraphs.extend(split_group(group, layout))
    return paragraphs


#: A group of lines whose longest line is longer than this is not hard-wrapped: each line is a paragraph.
UNWRAPPED_WIDTH = 160


def split_group(lines: Sequence[tuple[str, int]], layout: bool = True) -> list[Paragraph]:
    """Split one group of non-blank lines (text, line number) into paragraphs; see :func:`split_paragraphs`."""
    if len(lines) == 1:
        return [Paragraph(_WS.sub(" ", lines[0][0]), lines[0][1])]
    width = max(len(text) for text, _ in lines)
    unwrapped = layout and width > UNWRAPPED_WIDTH
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    start = lines[0][1]
    previous = ""
    for text, number in lines:
        if current and (unwrapped or _breaks_before(previous, text, width, layout, len(current))):
            paragraphs.append(Paragraph(_join_lines(current), start))
            current = []
        if not current:
            start = number
        current.append(text)
        previous = text
    paragraphs.append(Paragraph(_join_lines(current), start))
    return paragraphs


def _breaks_before(previous: str, line: str, width: int, layout: bool, lines_so_far: int) -> bool:
    if ARTICLE_LINE.match(line) or ARTICLE_LINE.match(previous):
        return True
    if PAGE_NUMBER.match(line) or PAGE_NUMBER.match(previous):
        return True
    if _ALL_CAPS.match(previous) and not _ALL_CAPS.match(line):
        return True
    if CONCLUSION.match(line) or FORMULA.match(line):
        return _CLAUSE_END.search(previous) is not None or not layout
    if (PARAGRAPH_NUM.match(line) or POINT_NUM.match(line)) and _CLAUSE_END.search(previous):
        return True
    if not layout:
        return False
    return bool(
        _CLAUSE_END.search(previous)
        and len(previous) < 0.7 * width
        and (line[0].isupper() or line[0].isdigit() or line[0] in "(\"“[")
    )


def _join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph: a space between them, none after a hyphen that ends a word."""
    out = lines[0]
    for line in lines[1:]:
        if len(out) > 1 and out.endswith("-") and out[-2].isalpha() and line[:1].islower():
            out += line
        else:
            out += " " + line
    return _WS.sub(" ", out).strip()


# -- parsing ---------------------------------------------------------------------------------------


def parse_text(text: str, meta: DraftMeta, provenance: Provenance, origin: str = "") -> TextImport:
    """Parse a treaty's plain text. Every block gets ``provenance``; see the module doc for the rules."""
    paragraphs = split_paragraphs(text.replace("\r\n", "\n").replace("\r", "\n"))
    return parse_paragraphs(paragraphs, meta, provenance, origin)


def parse_paragraphs(paragraphs: Sequence[Paragraph], meta: DraftMeta, provenance: Provenance,
                     origin: str = "", inferred_breaks: int = 0) -> TextImport:
    """Place paragraphs (from a text file or a DOCX) into a draft. A draft needs an article: without one,
    the result has no article provision and a notice says so (the caller decides whether that is an error)."""
    notices: list[Notice] = []
    errors: list[Notice] = []
    paragraphs = _drop_page_numbers(paragraphs, notices)
    index = 0
    preface: list[Paragraph] = []
    while index < len(paragraphs):
        para = paragraphs[index]
        body = para.text
        if body.endswith(",") or FORMULA.match(body) or ARTICLE_LINE.match(body):
            break
        preface.append(para)
        index += 1
        if PREAMBLE_WORD.match(body):
            break
    preamble: list[_Item] = []
    while index < len(paragraphs):
        body, line = paragraphs[index].text, paragraphs[index].line
        if ARTICLE_LINE.match(body) or (preamble and CONCLUSION.match(body)):
            break
        if FORMULA.match(body):
            preamble.append(_Item("formula", None, body, line))
            index += 1
            break
        preamble.append(_Item("intro" if not preamble else "recital", None, body, line))
        index += 1
    articles: list[_Article] = []
    seen: dict[str, _Article] = {}
    conclusions: list[_Item] = []
    for para in paragraphs[index:]:
        body, line = para.text, para.line
        match = ARTICLE_LINE.match(body)
        if conclusions or CONCLUSION.match(body) or (articles and SIGNATURE.match(body) and len(body.split()) <= 15):
            conclusions.append(_Item("p", None, body, line))
        elif match:
            _start_article(match, para, articles, seen, notices)
        elif not articles:
            notices.append(Notice(_before_first_article(body, preamble), line))
            preamble.append(_Item("recital" if preamble else "intro", None, body, line))
        else:
            if PART_HEADING.match(body):
                notices.append(Notice(f"part or chapter heading {_quote(body)} kept as a paragraph of "
                                      f"{articles[-1].num} (drafts have no parts)", line))
            _place(articles[-1], para, notices)
    if not articles:
        notices.append(Notice("no article found (expected lines such as 'Article 1')"))
    provisions: list[Provision] = []
    title_index = _title_index(preface)
    if preface:
        items = [_Item("title" if n == title_index else "p", None, p.text, p.line) for n, p in enumerate(preface)]
        provisions.append(_simple_provision("title", "preface", items, provenance))
    if preamble:
        provisions.append(_preamble(preamble, provenance))
    positions: set[str] = set()
    for article in articles:
        provisions.append(_article_provision(article, provenance, positions, notices, errors))
    if conclusions:
        provisions.append(_simple_provision("conclusions", "conclusions", conclusions, provenance))
    title = preface[title_index].text if title_index is not None else ""
    if not meta.title and title:
        meta = replace(meta, title=title)
    draft = Draft(meta=meta, provisions=tuple(provisions), origin=origin)
    return TextImport(draft, tuple(notices), inferred_breaks, tuple(errors))


def _quote(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _before_first_article(body: str, preamble: list[_Item]) -> str:
    """What happens to a paragraph between the preamble and the first article, said precisely.

    A draft has nothing between the formula and the first article, and the
    formula ends the preamble: such a paragraph goes to the end of the
    preamble's recitals, which puts it before the formula, out of reading
    order, and the message says so.
    """
    what = (f"part or chapter heading {_quote(body)} (drafts have no parts)" if PART_HEADING.match(body)
            else f"text {_quote(body, 40)} before the first article")
    formula = next((item for item in preamble if item.kind == "formula"), None)
    if formula is None:
        return f"{what} kept at the end of the preamble's recitals"
    return (f"{what} stands after the formula {_quote(formula.body, 40)}; moved before the formula, to the end of "
            "the preamble's recitals (a draft has nothing between the formula and the first article)")


def _drop_page_numbers(paragraphs: Sequence[Paragraph], notices: list[Notice]) -> list[Paragraph]:
    """Paragraphs that are only a page number ("3", "- 3 -", "Page 3 of 9") are artefacts of a PDF: dropped."""
    kept: list[Paragraph] = []
    for para in paragraphs:
        if PAGE_NUMBER.match(para.text):
            notices.append(Notice(f"{_quote(para.text)} looks like a page number; dropped", para.line))
        else:
            kept.append(para)
    return kept


def _title_index(preface: list[Paragraph]) -> int | None:
    """The paragraph of the preface that is the title: the one styled Title, else the last (not "Preamble")."""
    styled = [n for n, p in enumerate(preface) if p.style == "title"]
    if styled:
        return styled[-1]
    candidates = [n for n, p in enumerate(preface) if not PREAMBLE_WORD.match(p.text)]
    return candidates[-1] if candidates else None


def _start_article(match: re.Match[str], para: Paragraph, articles: list[_Article], seen: dict[str, _Article],
                   notices: list[Notice]) -> None:
    num = match.group("num")
    rest = match.group("rest")
    sep = (match.group("sep") or "").strip()
    dot = match.group("dot")
    heading: str | None = None
    first: str | None = None
    if rest is not None:
        if dot:
            rest += dot
        if sep in ("-", "–", "—") or _looks_like_heading(rest):
            heading = rest
        else:
            first = rest
            if sep:
                num += sep
    elif dot:
        num += dot
    component = eids.component("article", num)
    if component in seen:
        previous = seen[component]
        notices.append(Notice(f"{num} appears a second time (first on line {previous.line}); its text is kept "
                              f"as a paragraph of {articles[-1].num}", para.line))
        _place(articles[-1], replace(para, style=None), notices)
        return
    article = _Article(num, heading, para.line)
    articles.append(article)
    seen[component] = article
    if first is not None:
        _place(article, Paragraph(first, para.line), notices)


def _looks_like_heading(body: str) -> bool:
    return (len(body.split()) <= 12 and body[-1] not in ".;:,"
            and not POINT_NUM.match(body) and not PARAGRAPH_NUM.match(body))


def _place(article: _Article, para: Paragraph, notices: list[Notice]) -> None:
    """Put one paragraph of an article's text where it belongs."""
    body, line = para.text, para.line
    nodes = article.nodes
    if article.heading is None and not nodes and not para.listed and (
        para.style == "heading" or _looks_like_heading(body)
    ):
        article.heading = body
        return
    point = POINT_NUM.match(body)
    number = PARAGRAPH_NUM.match(body)
    if point:
        token = point.group("t1") or point.group("t2")
        _place_point(article, _Item("point", point.group("num"), point.group("body"), line), token)
    elif number:
        article.stack.clear()
        nodes.append(_Item("paragraph", number.group("num"), number.group("body"), line))
    elif para.listed:
        item = _Item("point", None, body, line)
        top = article.stack[-1] if article.stack else None
        if top is not None and top.style == "plain":
            top.points.append(item)
        else:
            _new_list(article, item, "plain", owner=_chapeau(nodes, any_item=True))
    else:
        _place_unnumbered(article, _Item("paragraph", None, body, line))


def _place_unnumbered(article: _Article, item: _Item) -> None:
    nodes, stack = article.nodes, article.stack
    outer = stack[0] if stack else None
    if outer is not None and outer.style != "plain" and outer.wrapup is None:
        outer.wrapup = _Item("wrapup", None, item.body, item.line)
        stack.clear()
        return
    top = stack[-1] if stack else None
    if top is not None and top.style == "plain" and not top.points[-1].body.endswith("."):
        top.points.append(_Item("point", None, item.body, item.line))
        return
    stack.clear()
    owner = _chapeau(nodes, any_item=False)
    if owner is not None:
        _new_list(article, _Item("point", None, item.body, item.line), "plain", owner=owner)
        return
    nodes.append(item)


def _chapeau(nodes: list[_Item | _List], any_item: bool) -> _Item | None:
    """The last paragraph, if it can introduce a list: it ends with a colon (or ``any_item``), and has none yet."""
    last = nodes[-1] if nodes else None
    if isinstance(last, _Item) and last.sub is None and (any_item or last.body.endswith(":")):
        return last
    return None


def _new_list(article: _Article, first: _Item, style: str, owner: _Item | None) -> None:
    """Open a list at article level, owned by ``owner`` (the chapeau) or standing on its own."""
    new = _List([first], style=style)
    article.stack.clear()
    if owner is not None:
        owner.sub = new
    else:
        article.nodes.append(new)
    article.stack.append(new)


def _token_styles(token: str) -> list[str]:
    styles = []
    if token.isdigit():
        styles.append("numeric")
    if token.islower() and roman_to_int(token) is not None:
        styles.append("roman")
    if token.isupper() and roman_to_int(token) is not None:
        styles.append("ROMAN")
    if token.islower() and (len(token) == 1 or (len(token) == 2 and token[0] == token[1])):
        styles.append("lettered")
    if token.isupper() and len(token) == 1:
        styles.append("LETTERED")
    return styles


def _first_style(token: str) -> str | None:
    return {"a": "lettered", "i": "roman", "1": "numeric", "A": "LETTERED", "I": "ROMAN"}.get(token)


def _next_token(style: str, token: str) -> str | None:
    """The number that follows ``token`` in a list of ``style`` ("h" -> "i", "iv" -> "v", "z" -> "aa")."""
    if style == "numeric" and token.isdigit():
        return str(int(token) + 1)
    if style in ("roman", "ROMAN"):
        value = roman_to_int(token)
        if value is None:
            return None
        following = int_to_roman(value + 1)
        return following.lower() if style == "roman" else following
    if style in ("lettered", "LETTERED"):
        letter = token[0]
        if letter in "zZ":
            return "aa" if style == "lettered" else None
        return chr(ord(letter) + 1) * len(token)
    return None


def _token_of(item: _Item) -> str:
    return (item.num or "").strip("()").rstrip(")")


def _place_point(article: _Article, item: _Item, token: str) -> None:
    """Place a numbered point: continue the open list that expects it, else nest or start a list."""
    stack = article.stack
    for depth in range(len(stack) - 1, -1, -1):
        candidate = stack[depth]
        if _next_token(candidate.style, _token_of(candidate.points[-1])) == token:
            del stack[depth + 1 :]
            candidate.points.append(item)
            return
    styles = _token_styles(token)
    first = _first_style(token)
    if first is not None:
        top = stack[-1] if stack else None
        if top is not None and top.style not in (first, "plain") and top.points[-1].sub is None:
            new = _List([item], style=first)
            top.points[-1].sub = new
            stack.append(new)
            return
        owner = _chapeau(article.nodes, any_item=False) or _numbered_owner(article.nodes)
        _new_list(article, item, first, owner)
        return
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].style in styles:
            del stack[depth + 1 :]
            stack[depth].points.append(item)
            return
    if stack:
        stack[-1].points.append(item)
        return
    owner = _chapeau(article.nodes, any_item=False) or _numbered_owner(article.nodes)
    _new_list(article, item, styles[0] if styles else "plain", owner)


def _numbered_owner(nodes: list[_Item | _List]) -> _Item | None:
    """A numbered paragraph owns the points that follow it, even when it does not end with a colon."""
    last = nodes[-1] if nodes else None
    if isinstance(last, _Item) and last.sub is None and last.num is not None:
        return last
    return None


# -- building the model ------------------------------------------------------------------------


def _simple_provision(kind: ProvisionKind, eid: str, items: list[_Item], provenance: Provenance) -> Provision:
    blocks = tuple(
        Block(eids.join(eid, eids.component("p", None, n)), item.kind, None, item.body, provenance)
        for n, item in enumerate(items, start=1)
    )
    return Provision(eid=eid, kind=kind, num=None, heading=None, blocks=blocks)


def _preamble(items: list[_Item], provenance: Provenance) -> Provision:
    blocks: list[Block] = []
    recs = eids.join("preamble", "recs")
    recital = 0
    formula = [item for item in items if item.kind == "formula"]
    others = [item for item in items if item.kind != "formula"]
    if others and len(others) == 1:
        # A preamble of one paragraph has no recitals: the opening words stand as a recital.
        others[0].kind = "recital"
    for item in others:
        if item.kind == "intro":
            blocks.append(Block(eids.join(recs, "intro"), "intro", None, item.body, provenance))
        else:
            recital += 1
            blocks.append(Block(eids.join(recs, f"rec_{recital}"), "recital", None, item.body, provenance))
    for item in formula:
        blocks.append(Block(eids.join("preamble", "formula"), "formula", None, item.body, provenance))
    return Provision(eid="preamble", kind="preamble", num=None, heading=None, blocks=tuple(blocks))


@dataclass
class _Builder:
    """Turns an article's nodes into blocks, naming each by the eId convention."""

    provenance: Provenance
    definitions: bool
    notices: list[Notice]
    label: str
    blocks: list[Block] = field(default_factory=list)

    def block(self, eid: str, kind: BlockKind, item: _Item, num: str | None, depth: int,
              definition_context: bool) -> None:
        terms = find_terms(item.body, definition_context or self.definitions) if kind != "wrapup" else ()
        self.blocks.append(Block(eid, kind, num, item.body, self.provenance, depth, terms))

    def siblings(self, element: str, items: Sequence[_Item | _List]) -> list[tuple[str, _Item | _List]]:
        """Each sibling with its eId component; a sibling whose component is taken joins the one before it."""
        named: list[tuple[str, _Item | _List]] = []
        taken: set[str] = set()
        claimed = {eids.component(element, n.num) for n in items if isinstance(n, _Item) and n.num}
        for node in items:
            num = node.num if isinstance(node, _Item) else None
            # The position among the siblings that are written (a joined one is not).
            component = eids.component(element, num, len(named) + 1)
            if named and (component in taken or (num is None and component in claimed)):
                self._join(named[-1][1], node, component)
                continue
            taken.add(component)
            named.append((component, node))
        return named

    def _join(self, target: _Item | _List, node: _Item | _List, component: str) -> None:
        item = node if isinstance(node, _Item) else (node.points[0] if node.points else None)
        if item is None:
            return
        text = " ".join(t for t in (item.num, _all_text(node)) if t)
        what = "an unnumbered paragraph" if item.num is None else f"a second {item.num}"
        self.notices.append(Notice(f"in {self.label}, {what} cannot be told apart from {component.replace('_', ' ')}"
                                   " (drafts name paragraphs by number or position); its text is joined to the "
                                   "paragraph before it", item.line))
        holder = _last_list(target)
        if holder is not None:
            if holder.wrapup is None:
                holder.wrapup = _Item("wrapup", None, text, item.line)
            else:
                holder.wrapup.body += " " + text
        elif isinstance(target, _Item):
            target.body += " " + text

    def item_blocks(self, eid: str, kind: BlockKind, item: _Item, depth: int, definition_context: bool) -> None:
        """A paragraph or point: its own block, or (when it introduces a list) the list's intro and points."""
        if item.sub is None:
            self.block(eid, kind, item, item.num, depth, definition_context)
            return
        self.list_blocks(item.sub, eids.join(eid, "list_1"), item, depth, definition_context)

    def list_blocks(self, node: _List, list_eid: str, intro: _Item | None, depth: int,
                    definition_context: bool) -> None:
        """The blocks of a list; its points are definitions when its chapeau says so."""
        if intro is not None:
            self.block(eids.join(list_eid, "intro"), "intro", intro, intro.num, depth, definition_context)
            definition_context = definition_context or bool(DEFINITIONS_CHAPEAU.match(intro.body))
        for component, point in self.siblings("point", node.points):
            assert isinstance(point, _Item)
            self.item_blocks(eids.join(list_eid, component), "point", point, depth + 1, definition_context)
        if node.wrapup:
            self.block(eids.join(list_eid, "wrapup"), "wrapup", node.wrapup, None, depth, False)


def _all_text(node: _Item | _List) -> str:
    """Every word below a node, in order, for joining it to another."""
    if isinstance(node, _Item):
        parts = [node.body]
        if node.sub is not None:
            parts.append(_all_text(node.sub))
        return " ".join(parts)
    parts = []
    for point in node.points:
        parts.append(" ".join(t for t in (point.num, _all_text(point)) if t))
    if node.wrapup:
        parts.append(node.wrapup.body)
    return " ".join(parts)


def _last_list(node: _Item | _List) -> _List | None:
    if isinstance(node, _List):
        return node
    return node.sub


def _article_provision(article: _Article, provenance: Provenance, taken: set[str],
                       notices: list[Notice], errors: list[Notice]) -> Provision:
    eid = eids.component("article", article.num)
    taken.add(eid)
    nodes = _as_list_if_needed(article.nodes)
    heading = article.heading
    if not nodes and heading:
        notices.append(Notice(f"{article.num} has a heading but no text; the heading is kept as its text",
                              article.line))
        nodes = [_Item("paragraph", None, heading, article.line)]
        heading = None
    definitions = bool(heading and DEFINITIONS_HEADING.search(heading))
    builder = _Builder(provenance, definitions, notices, article.num)
    if len(nodes) == 1 and isinstance(nodes[0], _Item) and nodes[0].num is None:
        only = nodes[0]
        if only.sub is None:
            builder.block(eid, "paragraph", only, None, 0, False)
        else:
            builder.list_blocks(only.sub, eids.join(eid, "list_1"), only, 0, False)
    elif len(nodes) == 1 and isinstance(nodes[0], _List):
        builder.list_blocks(nodes[0], eids.join(eid, "list_1"), None, 0, False)
    else:
        for component, node in builder.siblings("paragraph", nodes):
            para_eid = eids.join(eid, component)
            if isinstance(node, _Item):
                builder.item_blocks(para_eid, "paragraph", node, 0, False)
            else:
                builder.list_blocks(node, eids.join(para_eid, "list_1"), None, 0, False)
    if not builder.blocks:
        errors.append(Notice(f"{article.num} has no text (a draft's articles cannot be empty)", article.line))
    return Provision(eid=eid, kind="article", num=article.num, heading=heading, blocks=tuple(builder.blocks))


def _as_list_if_needed(nodes: list[_Item | _List]) -> list[_Item | _List]:
    """An unnumbered opening paragraph followed by numbered ones ("1.", "2.") is a chapeau and its points:
    as paragraphs, the opening one would take the eId of paragraph 1."""
    if len(nodes) < 2:
        return nodes
    first, rest = nodes[0], nodes[1:]
    if not (isinstance(first, _Item) and first.num is None and first.sub is None):
        return nodes
    if not all(isinstance(n, _Item) and n.num is not None for n in rest):
        return nodes
    if not any(isinstance(n, _Item) and n.num is not None and eids.num_value("paragraph", n.num) == "1"
               for n in rest):
        return nodes
    points = [replace(n, kind="point") for n in rest if isinstance(n, _Item)]
    return [_Item(first.kind, None, first.body, first.line, _List(points, style="numeric"))]


def find_terms(body: str, definition_context: bool = True) -> tuple[str, ...]:
    """The terms a block defines.

    Anywhere: 'the term "X" means', '"X" or "Y" mean'. In a definitions
    context (a list introduced by "For the purposes of this Treaty", an article
    headed "Definitions"): also 'considered as "X"' and 'X means' (a term of at
    most :data:`MAX_TERM_WORDS` words).
    """
    patterns = QUOTED_TERM_PATTERNS + (CONTEXT_TERM_PATTERNS if definition_context else ())
    for pattern in patterns:
        match = pattern.search(body)
        if match:
            found = [match.group("t1").strip()]
            if "t2" in pattern.groupindex and match.group("t2"):
                found.append(match.group("t2").strip())
            if len(found[0].split()) > MAX_TERM_WORDS or not found[0]:
                continue
            return tuple(found)
    return ()


# -- dates ----------------------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    return text.split()


_MONTHS = {name: n for n, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_UNITS = {w: n for n, w in enumerate(_words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"))}
_TENS = {w: 10 * n for n, w in enumerate(_words("_ _ twenty thirty forty fifty sixty seventy eighty ninety")) if n >= 2}
_ORDINALS = {w: n for n, w in enumerate(_words(
    "_ first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth")) if n >= 1}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY_WORD = r"(?P<dayword>(?:twenty|thirty)?-?\s?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)" \
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth" \
    r"|twentieth|thirtieth)"
_YEAR_WORDS = r"(?P<yearwords>(?:one thousand|two thousand|nineteen hundred)[a-z\s-]*)"
DATE_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b",
               re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)\s+day\s+of\s+{_MONTH},?\s+{_YEAR_WORDS}", re.IGNORECASE),
    re.compile(rf"\b{_DAY_WORD}\s+day\s+of\s+{_MONTH},?\s+(?:(?P<year>\d{{4}})|{_YEAR_WORDS})", re.IGNORECASE),
)


def _number_words(text: str) -> int | None:
    """1963 for "one thousand nine hundred and sixty-three"; None when the words are not a number."""
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[\s-]+", text.casefold()):
        if word in ("", "and"):
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            break
        seen = True
    return total + current if seen else None


def _ordinal_words(text: str) -> int | None:
    words = [w for w in re.split(r"[\s-]+", text.casefold()) if w]
    if not words:
        return None
    value = 0
    for word in words:
        if word in _TENS:
            value += _TENS[word]
        elif word in _ORDINALS:
            value += _ORDINALS[word]
        elif word == "thirtieth":
            value += 30
        else:
            return None
    return value


def find_date(texts: Iterable[str]) -> str | None:
    """The first date written in ``texts`` (ISO, "12 June 2014", "June 12, 2014", "the fifth day of August,
    one thousand nine hundred and sixty-three"), as YYYY-MM-DD, or None."""
    for text in texts:
        found: list[tuple[int, str]] = []
        for pattern in DATE_PATTERNS:
            for match in pattern.finditer(text):
                value = _date_of(match)
                if value:
                    found.append((match.start(), value))
        if found:
            return min(found)[1]
    return None


def _date_of(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS.get((groups.get("month") or "").casefold())
    if groups.get("day"):
        day: int | None = int(groups["day"])
    else:
        day = _ordinal_words(groups.get("dayword") or "")
    if groups.get("year"):
        year: int | None = int(groups["year"])
    else:
        year = _number_words(groups.get("yearwords") or "")
    if not (month and day and year):
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


__all__ = [
    "Notice",
    "Paragraph",
    "TextImport",
    "find_date",
    "find_terms",
    "parse_paragraphs",
    "parse_text",
    "split_group",
    "split_paragraphs",
]
