"""The DOCX writer's two smallest tools: a WordprocessingML element made by lxml, and text checked for XML.

Every part of the DOCX report (the redline, the comments, the cover tables,
the package settings) makes its elements with :func:`element` and passes any
text it writes through :func:`checked`; text outside the redline's runs goes
through :func:`shown`, which also makes hidden characters visible.
"""

from __future__ import annotations

import re
from typing import Any

from docx.oxml.ns import nsmap, qn
from lxml import etree

from treaty_diff.errors import OutputError
from treaty_diff.text.controls import reveal

#: Characters XML 1.0 cannot carry (the draft reader refuses them; this is the last line of defence).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def element(tag: str) -> Any:
    """A new element ``prefix:name``, made by lxml directly.

    python-docx's ``OxmlElement`` does the same through its own parser, which
    makes a Python object of a custom class for each element (13 µs each, a
    second on a 1,000-article redline); the element written here needs none,
    and python-docx gives it its class when it reads it in the document.
    """
    prefix = tag.partition(":")[0]
    return etree.Element(qn(tag), nsmap={prefix: nsmap[prefix]})


def checked(text: str, where: str) -> str:
    """``text`` unchanged, or OutputError if it holds a character that XML forbids."""
    match = _FORBIDDEN.search(text)
    if match:
        raise OutputError(
            "DOCX report",
            f"{where}: the text holds U+{ord(match.group()):04X}, a control character XML cannot carry",
        )
    return text


def shown(text: str, where: str) -> str:
    """``text`` checked, with every hidden character (a bidi override, a zero-width space) shown as its marker,
    ``<U+202E>``: a Word document cannot keep such a character from acting, so it shows what it is instead."""
    return reveal(checked(text, where))
