"""The bundled drafts, and turning what a user typed (a corpus id or a path) into a Draft."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from treaty_diff.errors import InputError
from treaty_diff.model.draft import Draft
from treaty_diff.read.akn import parse_bytes, read_draft
from treaty_diff.read.kinds import is_importable

#: The bundled drafts, in the order ``list`` shows them.
CORPUS_IDS = ("ppwt-2008", "ppwt-2014", "ost-1967", "ptbt-1963", "moon-1979")

def _corpus_dir() -> Traversable:
    try:
        return resources.files("treaty_diff.drafts")
    except ModuleNotFoundError:
        # Running from a source checkout that was not installed: drafts/ sits beside the package.
        return Path(__file__).resolve().parent.parent.parent / "drafts"


def corpus_file(draft_id: str) -> Traversable:
    return _corpus_dir().joinpath(f"{draft_id}.xml")


def load_corpus_draft(draft_id: str) -> Draft:
    if draft_id not in CORPUS_IDS:
        raise InputError(draft_id, f"unknown draft id (bundled drafts: {', '.join(CORPUS_IDS)})")
    return parse_bytes(corpus_file(draft_id).read_bytes(), draft_id)


def load_draft(spec: str, on_warning: Callable[[str], None] | None = None) -> Draft:
    """A bundled draft by id, or a draft file by path: Akoma Ntoso XML, or plain text / DOCX imported in memory.

    A bare id of the corpus always means the bundled draft; anything else is a
    path, and a path that does not exist is an error (never taken for an id).
    Warnings of an in-memory import go to ``on_warning``.
    """
    if spec in CORPUS_IDS:
        return load_corpus_draft(spec)
    path = Path(spec)
    try:
        exists = path.exists()
    except OSError as error:
        raise InputError(spec, f"cannot read the file: {error.strerror or error}") from None
    if not exists and "/" not in spec and "." not in spec:
        raise InputError(
            spec, f"no such file, and not a bundled draft id (bundled drafts: {', '.join(CORPUS_IDS)})"
        )
    if is_importable(path):
        from treaty_diff.read.importers import ImportOptions, import_file  # only here: importing costs ~40 ms

        result = import_file(path, ImportOptions(), location=spec)
        for message in result.warnings:
            if on_warning is not None:
                on_warning(message)
        return result.draft
    return read_draft(path, spec)


def load_corpus() -> list[Draft]:
    return [load_corpus_draft(draft_id) for draft_id in CORPUS_IDS]
