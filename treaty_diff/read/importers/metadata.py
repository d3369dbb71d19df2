"""The metadata of an imported draft: what the user gave, what is guessed, and the text's provenance.

Whatever :class:`~treaty_diff.read.importers.options.ImportOptions` leaves as
None is guessed, and each guess is said in the result's ``info`` for the user
to check:

- the id, from the file name;
- the title, from the text's title paragraph (else the file name); a given
  title is the draft's title in its metadata only, and the title paragraph is
  treaty text, never replaced (a warning says when the two differ);
- the date, from the title paragraphs, else the final clause
  (:func:`treaty_diff.read.importers.dates.find_date`);
- the document symbol ("A/AC.105/C.2/L.1"), from the title paragraphs;
- the language, from the script of the text.

The provenance of every block (verbatim, or reconstructed) is as the user
says; else as a text file's header says; else the text is taken to be
verbatim, with a warning. Nothing here depends on the day or the machine.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from treaty_diff.model.draft import Draft, DraftMeta, Provenance, ProvenanceStatus, Source
from treaty_diff.read.importers.dates import find_date
from treaty_diff.read.importers.options import ImportOptions
from treaty_diff.read.importers.paragraphs import Notice, quote
from treaty_diff.read.importers.plaintext import Header

_SYMBOL = re.compile(r"\b[A-Z]{1,4}(?:/(?:[A-Z]{1,6}|[A-Z]{0,4}\.?\d[\w.()-]*))+")

#: The warning when nothing says whether the text is the official wording.
ASSUMED_VERBATIM = ("provenance not given: the text is taken to be verbatim (the official wording); import with "
                    "--provenance reconstructed if it is not")
#: The warning when the file's header says that parts of the text are reconstructed.
HEADER_RECONSTRUCTED = ("the header says parts are reconstructed; the whole text is marked reconstructed; import "
                        "with --provenance verbatim to override")


def given_meta(options: ImportOptions, name: str, fmt: str, header: Header,
               info: list[str]) -> tuple[DraftMeta, Provenance]:
    """The metadata before parsing (as given; the id from the file name ``name`` if not) and every block's
    provenance, with its source described; what was decided goes to ``info``."""
    status, said = _provenance(options, header, info)
    description = options.source or f"Imported by treaty-diff from {name} ({fmt}); {status}, {said}."
    source = Source("import", description)
    meta = DraftMeta(id=options.id or _id_from_name(name), title="", symbol=options.symbol,
                     date=options.date, language=options.language or "en", status=options.status,
                     sources=(source,))
    if options.id is None:
        info.append(f"id: {meta.id!r}, from the file name")
    return meta, Provenance(status, source)


def guessed_meta(draft: Draft, options: ImportOptions, name: str, info: list[str],
                 notices: list[Notice]) -> DraftMeta:
    """The parsed draft's metadata with the title decided and the date, symbol and language guessed where
    they were not given; each guess goes to ``info``, a given title that differs from the text's to ``notices``."""
    meta = draft.meta
    preface = [b for p in draft.provisions if p.kind == "title" for b in p.blocks]
    closing = [b for p in draft.provisions if p.kind == "conclusions" for b in p.blocks]
    title_block = next((b for b in preface if b.kind == "title"), None)
    # The title paragraph is treaty text: it is never replaced, and none is ever added. A given --title (or,
    # without a title paragraph, the file name) is the draft's title in its metadata only.
    if title_block is None:
        title = options.title or Path(name).stem
        origin = "as given" if options.title is not None else "from the file name; give --title"
        info.append(f"title: the text has no title paragraph, so the draft has no title provision; its title "
                    f"(metadata only, not treaty text) is {title!r}, {origin}")
    elif options.title is not None and options.title != title_block.body:
        title = options.title
        notices.append(Notice(f"the given title {quote(options.title)} differs from the text's title paragraph "
                              f"{quote(title_block.body)}; the paragraph is kept as it is and the given title is "
                              "the draft's title in its metadata only"))
    else:
        title = title_block.body
        if options.title is None:
            info.append(f"title: {title!r}, from the text")
    meta = dataclasses.replace(meta, title=title)
    if options.date is None:
        found = find_date(b.body for b in preface) or find_date(b.body for b in closing)
        if found:
            meta = dataclasses.replace(meta, date=found)
            info.append(f"date: {found}, from the text")
        else:
            info.append("date: no date found in the title or the final clause; give --date")
    if options.symbol is None:
        symbol = next((m.group() for b in preface for m in [_SYMBOL.search(b.body)] if m), None)
        if symbol:
            meta = dataclasses.replace(meta, symbol=symbol)
            info.append(f"document symbol: {symbol}, from the text")
    if options.language is None:
        language = _guess_language(draft.text)
        meta = dataclasses.replace(meta, language=language)
        info.append(f"language: {language}, from the script of the text")
    return meta


def provenance_notice(options: ImportOptions, header: Header) -> Notice | None:
    """The warning about the provenance, when the user did not give it and the header says nothing or
    says that parts are reconstructed."""
    if options.provenance is None and not header.reconstructed and not header.verbatim:
        return Notice(ASSUMED_VERBATIM)
    if options.provenance is None and header.reconstructed:
        return Notice(HEADER_RECONSTRUCTED)
    return None


def _provenance(options: ImportOptions, header: Header, info: list[str]) -> tuple[ProvenanceStatus, str]:
    """The provenance of every block, and how it was decided (for the source description)."""
    if options.provenance is not None:
        if header.reconstructed and options.provenance == "verbatim":
            info.append("provenance: verbatim, as given, although the header says parts are reconstructed")
        return options.provenance, "as stated by the user"
    if header.reconstructed:
        return "reconstructed", ("because the file's header says parts are reconstructed (the header, in the "
                                 "draft's notes, says which); no part is marked verbatim")
    if header.verbatim:
        info.append("provenance: verbatim, as the header says")
        return "verbatim", "as the file's header says"
    return "verbatim", "assumed (no provenance was given)"


def _id_from_name(name: str) -> str:
    stem = Path(name).stem.casefold()
    slug = re.sub(r"[^a-z0-9._-]+", "-", stem).strip("-._")
    return slug or "imported"


def _guess_language(text: str) -> str:
    counts = {
        "zh": len(re.findall(r"[\u4e00-\u9fff]", text)),
        "ru": len(re.findall(r"[\u0400-\u04ff]", text)),
        "ar": len(re.findall(r"[\u0600-\u06ff]", text)),
        "en": len(re.findall(r"[A-Za-z]", text)),
    }
    return max(counts, key=lambda k: counts[k]) if any(counts.values()) else "en"


__all__ = ["ASSUMED_VERBATIM", "HEADER_RECONSTRUCTED", "given_meta", "guessed_meta", "provenance_notice"]
