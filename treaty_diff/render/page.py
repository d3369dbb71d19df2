"""What the small reports share: one JSON writer and one self-contained HTML page shell (escaped by construction)."""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

_CSS = """
body { font: 15px/1.45 Georgia, 'Times New Roman', serif; margin: 1.5rem auto; max-width: 75rem; color: #111;
       padding: 0 1rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #777; padding: .3rem .45rem; vertical-align: top; text-align: left; }
th { background: #eee; }
.status { font-weight: bold; text-transform: uppercase; font-size: .8rem; letter-spacing: .03em; }
.reason { font-size: .85rem; color: #333; }
q { font-style: italic; }
.note { border: 2px solid #8a4b00; padding: .5rem .75rem; background: #fff8ee; }
@media print { @page { size: A4; margin: 15mm; } body { max-width: none; font-size: 10pt; } th { background: none; } }
"""


def json_text(data: Any) -> str:
    """JSON as every command writes it: UTF-8 text, indented, one final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def standalone_page(title: str, content: list[etree._Element], css: str = "") -> str:
    """A whole HTML page that makes no request anywhere (CSP ``default-src 'none'``, inline style only)."""
    from lxml.html import builder as E  # here, not at the top: the JSON reports never load lxml.html

    page = E.HTML(
        E.HEAD(
            E.META(charset="utf-8"),
            E.META(**{"http-equiv": "Content-Security-Policy",
                      "content": "default-src 'none'; style-src 'unsafe-inline'"}),
            E.TITLE(title),
            E.STYLE(_CSS + css),
        ),
        E.BODY(E.H1(title), *content),
        lang="en",
    )
    return "<!DOCTYPE html>\n" + etree.tostring(page, encoding="unicode", method="html") + "\n"
