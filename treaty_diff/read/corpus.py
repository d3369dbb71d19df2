"""The bundled drafts, and turning what a user typed (a corpus id or a path) into a Draft.

Also the one place that says which files a command reads (:func:`input_files`) and where nothing may ever be
written (:func:`package_folders`), for the output's check that it never overwrites an input.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Literal

from treaty_diff.errors import InputError
from treaty_diff.model.draft import Draft
from treaty_diff.read.akn import parse_bytes, read_draft
from treaty_diff.read.akn.reader import MAX_BYTES
from treaty_diff.read.formats import refuse_unsupported
from treaty_diff.read.kinds import IMPORT_SUFFIXES, is_importable
from treaty_diff.read.safe import read_resource

#: The bundled drafts, in the order ``list`` shows them: the two PPWT drafts, then the concluded treaties.
CORPUS_IDS = (
    "ppwt-2008", "ppwt-2014", "ost-1967", "ptbt-1963", "moon-1979", "rescue-1968", "liability-1972",
    "registration-1975",
)


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
    return parse_bytes(read_resource(corpus_file(draft_id), draft_id, MAX_BYTES, "a draft file"), draft_id)


def load_draft(spec: str, on_warning: Callable[[str], None] | None = None,
               provenance: Literal["verbatim", "reconstructed"] | None = None) -> Draft:
    """A bundled draft by id, or a draft file by path: Akoma Ntoso XML, or plain text / DOCX imported in memory.

    A bare id of the corpus always means the bundled draft; anything else is a
    path, and a path that does not exist is an error (never taken for an id),
    except that an id in other case ("PPWT-2008") means the bundled draft too,
    and a near miss ("ppwt-2009") is answered with the nearest id.
    ``provenance`` is what an imported file's text is (as ``import --provenance``).
    Warnings of an in-memory import go to ``on_warning``, and so do those about hidden characters (bidi
    overrides and the like, :mod:`treaty_diff.read.hidden`) in an Akoma Ntoso file.
    """
    if spec in CORPUS_IDS:
        return load_corpus_draft(spec)
    path = Path(spec)
    try:
        exists = path.exists()
    except OSError as error:
        raise InputError(spec, f"cannot read the file: {error.strerror or error}") from None
    if not exists and spec.lower() in CORPUS_IDS:
        return load_corpus_draft(spec.lower())
    if not exists and "/" not in spec and "." not in spec:
        raise InputError(spec, f"no such file, and not a bundled draft id{_did_you_mean(spec)} "
                               f"(bundled drafts: {', '.join(CORPUS_IDS)})")
    if exists:  # a file of another format (OpenDocument, HTML, an image, ...) is named for what it is
        refuse_unsupported(path, spec, (".xml", *IMPORT_SUFFIXES))
    if is_importable(path):
        from treaty_diff.read.importers import ImportOptions, import_file  # only here: importing costs ~40 ms
        from treaty_diff.read.importers.run import ImportFailed

        try:
            result = import_file(path, ImportOptions(provenance=provenance), location=spec)
        except ImportFailed as failed:  # the warnings that explain the failure come before it
            for message in failed.warnings:
                if on_warning is not None:
                    on_warning(message)
            raise
        for message in result.warnings:
            if on_warning is not None:
                on_warning(message)
        return result.draft
    return read_draft(path, spec, on_warning)


def _did_you_mean(spec: str) -> str:
    """"; did you mean 'ppwt-2008'?" for an id close to a bundled one, else nothing."""
    close = difflib.get_close_matches(spec.lower(), CORPUS_IDS, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def input_files(specs: tuple[str, ...]) -> tuple[Path, ...]:
    """The files that what a user typed (draft ids, checklist names, paths) stands for: a bundled draft's or
    checklist's file for its id or name, and the path itself (an output must not replace any of them)."""
    from treaty_diff.read.checklist import bundled_checklist_file  # here: reading a draft needs no checklist

    files: list[Path] = []
    for spec in specs:
        resource = corpus_file(spec) if spec in CORPUS_IDS else bundled_checklist_file(spec)
        if isinstance(resource, Path):
            files.append(resource)
        files.append(Path(spec))
    return tuple(files)


def package_folders() -> tuple[Path, ...]:
    """The folders of the installed package and of its data (the bundled drafts may live apart from the code):
    nothing is ever written inside them."""
    folders = [Path(__file__).resolve().parent.parent]
    corpus = _corpus_dir()
    if isinstance(corpus, Path):
        folders.append(corpus)
    return tuple(folders)


def load_corpus() -> list[Draft]:
    return [load_corpus_draft(draft_id) for draft_id in CORPUS_IDS]
