"""What the small reports share: one JSON writer and one self-contained HTML page shell.

The page shell is built with the HTML renderers' one builder (:mod:`treaty_diff.render.html.builder`), so it is
escaped by construction; the coverage and obligation comparison pages fill it.
"""

from __future__ import annotations

import json
from typing import Any

from treaty_diff.render.html.builder import Element, h_raw, to_html

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


def standalone_page(title: str, content: list[Element], css: str = "") -> str:
    """A whole HTML page that makes no request anywhere (CSP ``default-src 'none'``, inline style only)."""
    page = h_raw(
        "html",
        {"lang": "en"},
        h_raw(
            "head",
            None,
            h_raw("meta", {"charset": "utf-8"}),
            h_raw("meta", {"http-equiv": "Content-Security-Policy",
                           "content": "default-src 'none'; style-src 'unsafe-inline'"}),
            h_raw("title", None, title),
            h_raw("style", None, _CSS + css),
        ),
        h_raw("body", None, h_raw("h1", None, title), content),
    )
    return to_html(page)
