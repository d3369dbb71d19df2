"""Reading untrusted XML files safely: one hardened parser and one size-limited file read for every reader."""

from __future__ import annotations

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
