"""The articles: placing each paragraph of an article's text in the tree of its paragraphs, points and lists.

An article starts at a heading line: "Article I", "ARTICLE 1", "Art. 2",
"Article 1 - Definitions" (a heading may also stand on the next line, or run
on into the first sentence: "Article 2. The Parties shall ..."). Inside it:

- numbered paragraphs ("1.", "1)");
- lettered, roman or numbered points ("(a)", "a)", "(iv)", "(1)"), roman
  points nested under lettered ones, and any other nesting that the numbers
  show (a point continues the open list whose next number it is);
- unlettered items after a chapeau that ends with a colon (and the items of a
  DOCX bulleted list);
- text after the points (wrap-up).

The result is a tree of :class:`Item` and :class:`PointList` nodes per
:class:`ArticleNode`, which :mod:`treaty_diff.read.importers.blocks` turns into
blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from treaty_diff.model import eids
from treaty_diff.model.draft import BlockKind
from treaty_diff.model.numbers import int_to_roman, roman_to_int
from treaty_diff.read.importers.headings import unmarked
from treaty_diff.read.importers.paragraphs import PARAGRAPH_NUM, POINT_NUM, Notice, Paragraph


@dataclass
class Item:
    """A paragraph or point as the parser places it; ``sub`` is the list it introduces, if any."""

    kind: BlockKind
    num: str | None
    body: str
    line: int
    sub: PointList | None = None


@dataclass
class PointList:
    """A list: its points (each an :class:`Item`), the text after them, and the numbering style seen."""

    points: list[Item] = field(default_factory=list)
    wrapup: Item | None = None
    style: str = "plain"
    intro: Item | None = None
    """Only for a list that has no paragraph of its own (the article's only content); else the owner is the intro."""


@dataclass
class ArticleNode:
    """A unit of the body as the parser fills it: an article, and also a section or a paragraph unit
    (``kind``) of a document without articles (see :mod:`.sections`)."""

    num: str
    heading: str | None
    line: int
    nodes: list[Item | PointList] = field(default_factory=list)
    stack: list[PointList] = field(default_factory=list)
    """The open lists, outermost first."""
    kind: str = "article"
    """article, section or paragraph."""
    cell: tuple[int, int] | None = None
    """For a table row of a document without structure: (table, row)."""
    depth: int = 1
    """For a section: how deep its number is ("2.1" is 2)."""


def start_article(match: re.Match[str], para: Paragraph, seen: dict[str, ArticleNode], previous: ArticleNode | None,
                  notices: list[Notice]) -> ArticleNode | None:
    """The article a heading line starts; None when its number was seen already (in the same division): its
    text then goes on the article before it (``previous``), with a notice."""
    num = match.group("num")
    rest = match.group("rest")
    sep = (match.group("sep") or "").strip()
    dot = match.group("dot")
    marks = match.groupdict().get("marks") or ""
    heading: str | None = None
    first: str | None = None
    if rest is not None:
        if dot:
            rest += dot
        rest += marks
        if sep in ("-", "–", "—") or _looks_like_heading(rest):
            heading = rest + para.notes
        else:
            first = rest
            if sep:
                num += sep
    else:
        num += (dot or "") + marks
    component = eids.component("article", num)
    if component in seen and previous is not None:
        notices.append(Notice(f"{num} appears a second time (first on line {seen[component].line}); its text is "
                              f"kept as a paragraph of {previous.num}", para.line))
        place_paragraph(previous, replace(para, style=None), notices)
        return None
    article = ArticleNode(num, heading, para.line)
    seen[component] = article
    if first is not None:
        place_paragraph(article, Paragraph(first, para.line, notes=para.notes), notices)
    elif heading is None and para.notes:
        article.heading = para.notes.strip()  # the notes a bare heading line cites: kept, as its heading
    return article


def _looks_like_heading(body: str) -> bool:
    body = unmarked(body) or body
    if re.search("[\u3400-\u9fff]", body):  # Chinese: short, no final punctuation
        return len(body) <= 20 and body[-1] not in ".;:,。；：，" and not POINT_NUM.match(body)
    return (len(body.split()) <= 12 and body[-1] not in ".;:,"
            and not POINT_NUM.match(body) and not PARAGRAPH_NUM.match(body))


def place_paragraph(article: ArticleNode, para: Paragraph, notices: list[Notice]) -> None:
    """Put one paragraph of an article's text where it belongs; the notes it cites go with it."""
    _place(article, para, notices)
    if para.notes:
        last = last_item(article)
        if last is not None:
            last.body += para.notes
        elif article.heading is not None:
            article.heading += para.notes


def last_item(article: ArticleNode) -> Item | None:
    """The item placed last in a unit (the last point of its last list, or its wrap-up)."""
    node: Item | PointList | None = article.nodes[-1] if article.nodes else None
    while node is not None:
        if isinstance(node, PointList):
            if node.wrapup is not None:
                return node.wrapup
            node = node.points[-1] if node.points else None
        elif node.sub is not None and (node.sub.points or node.sub.wrapup):
            node = node.sub
        else:
            return node
    return None


def _place(article: ArticleNode, para: Paragraph, notices: list[Notice]) -> None:
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
        token = point.group("t1") or point.group("t2") or point.group("t3")
        num = point.group("num") or point.group("cjk")
        _place_point(article, Item("point", num, point.group("body"), line), token)
    elif number:
        article.stack.clear()
        nodes.append(Item("paragraph", number.group("num"), number.group("body"), line))
    elif para.listed:
        item = Item("point", None, body, line)
        top = article.stack[-1] if article.stack else None
        if top is not None and top.style == "plain":
            top.points.append(item)
        else:
            _new_list(article, item, "plain", owner=_chapeau(nodes, any_item=True))
    else:
        _place_unnumbered(article, Item("paragraph", None, body, line))


def _place_unnumbered(article: ArticleNode, item: Item) -> None:
    nodes, stack = article.nodes, article.stack
    outer = stack[0] if stack else None
    if outer is not None and outer.style != "plain" and outer.wrapup is None:
        outer.wrapup = Item("wrapup", None, item.body, item.line)
        stack.clear()
        return
    top = stack[-1] if stack else None
    if top is not None and top.style == "plain" and not unmarked(top.points[-1].body).endswith((".", "。")):
        top.points.append(Item("point", None, item.body, item.line))
        return
    stack.clear()
    owner = _chapeau(nodes, any_item=False)
    if owner is not None:
        _new_list(article, Item("point", None, item.body, item.line), "plain", owner=owner)
        return
    nodes.append(item)


def _chapeau(nodes: list[Item | PointList], any_item: bool) -> Item | None:
    """The last paragraph, if it can introduce a list: it ends with a colon (or ``any_item``), and has none yet."""
    last = nodes[-1] if nodes else None
    if isinstance(last, Item) and last.sub is None and (any_item or unmarked(last.body).endswith((":", "："))):
        return last
    return None


def _new_list(article: ArticleNode, first: Item, style: str, owner: Item | None) -> None:
    """Open a list at article level, owned by ``owner`` (the chapeau) or standing on its own."""
    new = PointList([first], style=style)
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


def _token_of(item: Item) -> str:
    return (item.num or "").strip("()").rstrip(")")


def _place_point(article: ArticleNode, item: Item, token: str) -> None:
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
            new = PointList([item], style=first)
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


def _numbered_owner(nodes: list[Item | PointList]) -> Item | None:
    """A numbered paragraph owns the points that follow it, even when it does not end with a colon."""
    last = nodes[-1] if nodes else None
    if isinstance(last, Item) and last.sub is None and last.num is not None:
        return last
    return None


__all__ = ["ArticleNode", "Item", "PointList", "last_item", "place_paragraph", "start_article"]
