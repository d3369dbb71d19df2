"""Reading untrusted XML files safely: one hardened parser and one size-limited file read for every reader."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from treaty_diff.errors import InputError


def hardened_parser() -> etree.XMLParser:
    """No entity expansion, no DTD loading, no network access, no huge trees; comments and PIs dropped."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def read_limited(path: Path, location: str, max_bytes: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; InputError (naming ``location``) otherwise.

    ``what`` names the expected content in messages ("a draft file", "a checklist file").
    """
    try:
        if path.is_dir():
            raise InputError(location, f"is a directory, not {what}")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(location, f"file too large ({size} bytes; the limit is {max_bytes})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(location, "no such file") from None
    except PermissionError:
        raise InputError(location, "cannot read the file: permission denied") from None
    except OSError as error:
        raise InputError(location, f"cannot read the file: {error.strerror or error}") from None
    return data


def parse_untrusted(data: bytes, location: str, max_bytes: int, what: str) -> etree._Element:
    """Parse XML bytes from outside: size limit, no DTD at all (XXE, billion laughs), hardened parser.

    Every problem is one InputError naming ``location`` and, where there is one, the line.
    ``what`` names the document in messages ("a draft", "a checklist").
    """
    if len(data) > max_bytes:
        raise InputError(location, f"document too large ({len(data)} bytes; the limit is {max_bytes})")
    doctype = re.search(rb"<!DOCTYPE", data[:4096], re.IGNORECASE)
    if doctype:
        raise InputError(location, f"document type declarations (DTDs, entities) are not allowed in {what}",
                         data[: doctype.start()].count(b"\n") + 1)
    try:
        root = etree.fromstring(data, hardened_parser())
    except etree.XMLSyntaxError as error:
        line: int | None = error.lineno if error.lineno and error.lineno > 0 else None
        message = re.sub(r"\s+", " ", str(error.msg or error)).strip()
        message = re.sub(r", line \d+, column \d+$", "", message)
        raise InputError(location, f"malformed XML: {message}", line) from None
    if root.getroottree().docinfo.doctype:  # type: ignore[union-attr]
        raise InputError(location, f"document type declarations (DTDs, entities) are not allowed in {what}", 1)
    return root
