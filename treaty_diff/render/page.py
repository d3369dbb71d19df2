"""What the reports share: one JSON writer and one self-contained HTML page shell.

The JSON writer (:func:`json_text`, :func:`json_chunks`) writes what ``json.dumps(data, ensure_ascii=False,
indent=2)`` writes, byte for byte, two to three times as fast: the standard library encodes indented JSON in pure
Python, through a generator for each level of nesting that every piece of text passes up through; here each
container is one plain loop and every string goes through the standard library's C escaping. A
:class:`StreamedArray` is an array whose items are made only as they are written (:func:`json_chunks` gives the
text an item at a time), so a long report never holds all of its items, nor all of its text, at once.

The page shell is built with the HTML renderers' one builder (:mod:`treaty_diff.render.html.builder`), so it is
escaped by construction; the coverage and obligation comparison pages fill it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring as _string  # the C function where the _json accelerator is (CPython)
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
    """JSON as every command writes it: UTF-8 text, indented, one final newline.

    The same text as ``json.dumps(data, ensure_ascii=False, indent=2) + "\\n"`` (a test holds it to that).
    """
    return "".join(json_chunks(data))


class StreamedArray:
    """A JSON array whose items are made as it is written: ``StreamedArray(change_dict(c) for c in changes)``.

    :func:`json_chunks` writes it as the list of its items would be written; it can be written once.
    """

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


def json_chunks(data: Any) -> Iterator[str]:
    """The text of :func:`json_text` in pieces: a :class:`StreamedArray`'s items one at a time, the rest whole."""
    yield from _chunks(data, 0)
    yield "\n"


def _chunks(value: Any, level: int) -> Iterator[str]:
    if isinstance(value, StreamedArray):
        lead = "[\n" + _INDENT * (level + 1)
        for item in value.items:
            pieces = [lead]
            _value(item, level + 1, pieces)
            yield "".join(pieces)
            lead = ",\n" + _INDENT * (level + 1)
        yield "[]" if lead[0] == "[" else "\n" + _INDENT * level + "]"
    elif isinstance(value, dict) and value and any(isinstance(item, (StreamedArray, dict)) for item in value.values()):
        lead = "{\n" + _INDENT * (level + 1)
        for key, item in value.items():
            head = lead + _key(key) + ": "
            if isinstance(item, (StreamedArray, dict)):
                yield head
                yield from _chunks(item, level + 1)
            else:
                pieces = [head]
                _value(item, level + 1, pieces)
                yield "".join(pieces)
            lead = ",\n" + _INDENT * (level + 1)
        yield "\n" + _INDENT * level + "}"
    else:
        whole: list[str] = []
        _value(value, level, whole)
        yield "".join(whole)


# -- the encoder: json's rules for indent=2, ensure_ascii=False, allow_nan=True -------------------------------------

_INDENT = "  "
_INFINITY = float("inf")
_int = int.__repr__
_float = float.__repr__


def _number(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return _float(value)


def _key(key: Any) -> str:
    if isinstance(key, str):
        return _string(key)
    if key is True or key is False or key is None:
        return '"' + {True: "true", False: "false", None: "null"}[key] + '"'
    if isinstance(key, int):
        return '"' + _int(key) + '"'
    if isinstance(key, float):
        return '"' + _number(key) + '"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _value(value: Any, level: int, out: list[str]) -> None:
    """Append the JSON of any value to ``out``: the general case (the loops below take the common ones inline)."""
    if isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(_int(value))
    elif isinstance(value, float):
        out.append(_number(value))
    elif isinstance(value, dict):
        _object(value, level, out)
    elif isinstance(value, (list, tuple)):
        _array(value, level, out)
    elif isinstance(value, StreamedArray):
        _array(list(value.items), level, out)
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _object(value: dict[Any, Any], level: int, out: list[str]) -> None:
    if not value:
        out.append("{}")
        return
    inner = "\n" + _INDENT * (level + 1)
    lead, separator = "{" + inner, "," + inner
    append = out.append
    for key, item in value.items():
        head = lead + (_string(key) if type(key) is str else _key(key)) + ": "
        kind = type(item)
        if kind is str:
            append(head + _string(item))
        elif kind is dict:
            append(head)
            _object(item, level + 1, out)
        elif kind is list:
            append(head)
            _array(item, level + 1, out)
        elif item is None:
            append(head + "null")
        elif kind is bool:
            append(head + ("true" if item else "false"))
        elif kind is int:
            append(head + _int(item))
        else:
            append(head)
            _value(item, level + 1, out)
        lead = separator
    append("\n" + _INDENT * level + "}")


def _array(value: list[Any] | tuple[Any, ...], level: int, out: list[str]) -> None:
    if not value:
        out.append("[]")
        return
    inner = "\n" + _INDENT * (level + 1)
    lead, separator = "[" + inner, "," + inner
    append = out.append
    for item in value:
        kind = type(item)
        if kind is str:
            append(lead + _string(item))
        elif kind is dict:
            append(lead)
            _object(item, level + 1, out)
        else:
            append(lead)
            _value(item, level + 1, out)
        lead = separator
    append("\n" + _INDENT * level + "]")


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
