"""Which files the importers read, by their name's ending (apart from the importers, so that reading a
bundled draft or an XML file never imports them)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

ImportKind = Literal["text", "docx", "pdf"]

#: The file name endings that :func:`treaty_diff.read.importers.import_file` reads, and the reader of each.
IMPORT_SUFFIXES: dict[str, ImportKind] = {".txt": "text", ".text": "text", ".docx": "docx", ".pdf": "pdf"}


def is_importable(path: Path | str) -> bool:
    """Whether ``path`` names a file that the importers read (by its ending: .txt, .text, .docx, .pdf)."""
    return Path(path).suffix.lower() in IMPORT_SUFFIXES
