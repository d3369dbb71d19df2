"""The one way every HTML renderer builds its elements: ``h(tag, attrs, *children)``, escaped by construction.

Pages are lxml element trees serialised by lxml, so draft text is escaped by
construction: nothing ever pastes strings into markup. The comparison report
(:mod:`treaty_diff.render.html.page`), the coverage page, the obligation
comparison page and their shared shell (:mod:`treaty_diff.render.page`) all
build with a :class:`Builder`.

Two builders differ only in what they do with a character XML cannot hold:
:data:`h` (the comparison report) shows it as U+FFFD rather than failing;
:data:`h_raw` (the small reports) hands text to lxml as it is, so lxml
refuses a control character (ValueError) and keeps U+007F, as those pages
always did.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Union

from lxml import etree

Element = etree._Element
Child = Union[Element, str, None, Iterable["Child"]]  # noqa: UP007 (a recursive alias needs Union)
Attrs = Mapping[str, str | None]

#: Characters XML (and so lxml) cannot hold; shown as U+FFFD rather than failing.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def replace_not_xml(text: str) -> str:
    """``text`` with every character XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _as_is(text: str) -> str:
    return text


class Builder:
    """Makes elements: ``attrs`` with None values left out, ``children`` as in :meth:`append`.

    ``clean`` is applied to every text and attribute value before lxml sees it.
    """

    def __init__(self, clean: Callable[[str], str]) -> None:
        self.clean = clean

    def __call__(self, tag: str, attrs: Attrs | None = None, *children: Child) -> Element:
        node = etree.Element(tag)
        for key, value in (attrs or {}).items():
            if value is not None:
                node.set(key, self.clean(value))
        self.append(node, children)
        return node

    def append(self, node: Element, children: Iterable[Child]) -> None:
        """Append children to ``node``: strings become text (or the previous child's tail), None is skipped."""
        for child in children:
            if child is None:
                continue
            if isinstance(child, str):
                if not child:
                    continue
                text = self.clean(child)
                if len(node):
                    last = node[-1]
                    last.tail = (last.tail or "") + text
                else:
                    node.text = (node.text or "") + text
            elif isinstance(child, etree._Element):
                node.append(child)
            else:
                self.append(node, child)


#: The comparison report's builder: a character XML cannot hold is shown as U+FFFD.
h = Builder(replace_not_xml)
#: The small reports' builder: text goes to lxml as it is.
h_raw = Builder(_as_is)


def lines(*nodes: Child) -> list[Child]:
    """Children separated by newlines, so block elements never glue their texts together."""
    out: list[Child] = []
    for node in nodes:
        if node is None:
            continue
        out.extend(("\n", node))
    out.append("\n")
    return out


def spaced(children: Iterable[Child]) -> list[Child]:
    """Children with a space between each two, so copied text and screen readers keep words apart."""
    out: list[Child] = []
    for child in children:
        if out:
            out.append(" ")
        out.append(child)
    return out


def classes(*names: str | None) -> str | None:
    """A ``class`` value of the names given (None ones left out), or None when there is none."""
    joined = " ".join(n for n in names if n)
    return joined or None


def to_html(root: Element) -> str:
    """A whole document: the doctype, the serialised tree, a final newline."""
    return etree.tostring(root, method="html", encoding="unicode", doctype="<!DOCTYPE html>") + "\n"
