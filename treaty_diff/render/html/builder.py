"""The one way every HTML renderer builds its elements: ``h(tag, attrs, *children)``, escaped by construction.

Pages are lxml element trees serialised by lxml, so draft text is escaped by
construction: nothing ever pastes strings into markup. The comparison report
(:mod:`treaty_diff.render.html.page`), the coverage page, the obligation
comparison page and their shared shell (:mod:`treaty_diff.render.page`) all
build with a :class:`Builder`.

Two builders differ in what they do with a character XML cannot hold:
:data:`h` (the comparison report) shows it as U+FFFD rather than failing;
:data:`h_raw` (the small reports) hands text to lxml as it is, so lxml
refuses a control character (ValueError) and keeps U+007F, as those pages
always did.

:data:`h` also makes hidden characters visible (bidi overrides, zero-width
and other invisible format characters: :mod:`treaty_diff.text.controls`):
each one stands in its own ``<span class="hidden-char">`` that holds the
character itself, isolated so that it cannot reorder the text around it
(``unicode-bidi: isolate``), and shows its marker (``<U+202E>``, from the
``data-marker`` attribute, by the stylesheet). The page's text is the draft's,
character for character; what a reader sees is what the text says.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Union

from lxml import etree

from treaty_diff.text.controls import hidden_characters, marker, name, split_hidden

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


#: Elements whose content is text only: a hidden character there is shown by its marker, as text.
_TEXT_ONLY = frozenset({"title", "style", "script", "option", "textarea"})


class Builder:
    """Makes elements: ``attrs`` with None values left out, ``children`` as in :meth:`append`.

    ``clean`` is applied to every text and attribute value before lxml sees it; with ``reveal``, a hidden
    character of a text is put in a span of its own (see the module docstring).
    """

    def __init__(self, clean: Callable[[str], str], reveal: bool = False) -> None:
        self.clean = clean
        self.reveal = reveal

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
                if not self.reveal or not hidden_characters(text):
                    _add_text(node, text)
                    continue
                for piece, hidden in split_hidden(text):
                    if not hidden:
                        _add_text(node, piece)
                    elif node.tag in _TEXT_ONLY:
                        _add_text(node, marker(piece))
                    else:
                        span = etree.SubElement(node, "span")
                        span.set("class", "hidden-char")
                        span.set("data-marker", marker(piece))
                        span.set("title", f"{name(piece)}: a hidden character of the text, shown here")
                        span.text = piece
            elif isinstance(child, etree._Element):
                node.append(child)
            else:
                self.append(node, child)


def _add_text(node: Element, text: str) -> None:
    """Text after ``node``'s last child (or as its text when it has none)."""
    if len(node):
        last = node[-1]
        last.tail = (last.tail or "") + text
    else:
        node.text = (node.text or "") + text


#: The comparison report's builder: a character XML cannot hold is shown as U+FFFD, a hidden one by its marker.
h = Builder(replace_not_xml, reveal=True)
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
