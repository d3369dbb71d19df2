"""Typed access to values whose library types are loose, checked at run time so a test cannot misread them.

lxml-stubs types ``xpath()`` as a union of everything an XPath expression can return (a bool, a float, a
string, a list of elements, strings and tuples) and ``itertext()`` as yielding ``str | bytes``; ``get()``
may return None; ``json.loads()`` returns Any. These helpers say which of those a test expects, and assert it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from lxml import etree


def text_of(element: etree._Element) -> str:
    """``"".join(element.itertext())``: the text of an element and its descendants (a parsed tree's is str)."""
    texts: list[str] = []
    for text in element.itertext():
        assert isinstance(text, str), text
        texts.append(text)
    return "".join(texts)


def xpath_elements(node: etree._Element, path: str, namespaces: Mapping[str, str] | None = None) -> list[etree._Element]:
    """The elements ``path`` selects (it must select elements only)."""
    found = node.xpath(path, namespaces=namespaces)
    assert isinstance(found, list), (path, found)
    elements: list[etree._Element] = []
    for item in found:
        assert isinstance(item, etree._Element), (path, item)
        elements.append(item)
    return elements


def xpath_strings(node: etree._Element, path: str, namespaces: Mapping[str, str] | None = None) -> list[str]:
    """The attribute values or text nodes ``path`` selects (it must select strings only)."""
    found = node.xpath(path, namespaces=namespaces)
    assert isinstance(found, list), (path, found)
    strings: list[str] = []
    for item in found:
        assert isinstance(item, str), (path, item)
        strings.append(item)
    return strings


def attribute(element: etree._Element, name: str) -> str:
    """The value of an attribute the element must have."""
    value = element.get(name)
    assert value is not None, (element.tag, name)
    return value


def parent(element: etree._Element) -> etree._Element:
    """The parent of an element that must have one."""
    found = element.getparent()
    assert found is not None, element.tag
    return found


def json_object(text: str | bytes) -> dict[str, Any]:
    """``json.loads(text)`` of a document that must be a JSON object."""
    value = json.loads(text)
    assert isinstance(value, dict), type(value)
    return value
