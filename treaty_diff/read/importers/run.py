"""Running an import: :func:`import_file` and :func:`import_text`, from a file (or text) to an :class:`ImportResult`.

A ``.txt`` file is read and decoded (:mod:`treaty_diff.read.importers.plaintext`),
a ``.docx`` file walked (:mod:`treaty_diff.read.importers.docx`), a ``.pdf`` file's
layout read (:mod:`treaty_diff.read.importers.pdf`, imported only then); all give
paragraphs, which the parser places (:mod:`treaty_diff.read.importers.structure`).
Then the metadata is filled in (:mod:`treaty_diff.read.importers.metadata`),
what could not be placed becomes warnings that name the file and the line (or
DOCX paragraph), and the draft is checked by writing it as Akoma Ntoso and
reading it back.

Every problem with the input is one :class:`~treaty_diff.errors.InputError`
(see the package's doc); with ``strict=True`` the first warning is raised as
one too. Nothing depends on the day: importing a file twice gives the same
draft.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from treaty_diff.errors import InputError
from treaty_diff.model.draft import Draft
from treaty_diff.read.akn import draft_to_xml, parse_bytes
from treaty_diff.read.akn import reader as akn_reader  # its MAX_BYTES, read when used
from treaty_diff.read.formats import refuse_unsupported
from treaty_diff.read.hidden import hidden_character_warnings
from treaty_diff.read.importers import plaintext  # its MAX_TEXT_BYTES, read when used
from treaty_diff.read.importers.docx import read_docx
from treaty_diff.read.importers.metadata import given_meta, guessed_meta, provenance_notice
from treaty_diff.read.importers.options import ImportOptions
from treaty_diff.read.importers.paragraphs import Notice, Paragraph, split_paragraphs
from treaty_diff.read.importers.plaintext import Header, check_text, decode_text, read_text_file, split_header
from treaty_diff.read.importers.structure import TextImport, parse_paragraphs
from treaty_diff.read.kinds import IMPORT_SUFFIXES

if TYPE_CHECKING:
    from treaty_diff.read.importers.pdf import PdfText

#: Most paragraphs an imported text may have (about 1,000 pages of treaty text; the longest treaties have a few
#: thousand): beyond it the text is refused before it is parsed. With the limit of its characters (as many as a
#: text file's bytes, ``plaintext.MAX_TEXT_BYTES``, whatever the format), it keeps an import within seconds; the
#: draft made must also fit a draft file (``reader.MAX_BYTES``, see :func:`_checked`).
MAX_PARAGRAPHS = 50_000


class ImportFailed(InputError):
    """An import that failed after it had warnings to give: they explain the failure, and the CLI prints them
    before the error line."""

    def __init__(self, location: str, message: str, line: int | None, warnings: tuple[str, ...]) -> None:
        self.warnings = warnings
        super().__init__(location, message, line)


@dataclass(frozen=True)
class ImportResult:
    """An imported draft, what could not be placed (``warnings``) and what was guessed (``info``).

    Both are one-line messages that name the file ("draft.txt:12: ...",
    "draft.docx: paragraph 7: ..."). The warnings are also in
    ``draft.meta.notes`` (``td:note`` in the written file). ``info`` says what was guessed or decided
    (id from the file name, date from the text, ...), for the user to check; it is not a warning.
    """

    draft: Draft
    warnings: tuple[str, ...]
    info: tuple[str, ...]


def import_file(path: Path | str, options: ImportOptions | None = None, location: str | None = None) -> ImportResult:
    """Import a ``.txt``, ``.docx`` or ``.pdf`` file as a draft; ``location`` names it in messages (default: the
    path)."""
    path = Path(path)
    options = options or ImportOptions()
    where = location or str(path)
    kind = IMPORT_SUFFIXES.get(path.suffix.lower())
    try:  # a file of another format is named for what it is, by its ending or its first bytes
        refuse_unsupported(path, where, (".xml", *IMPORT_SUFFIXES))
    except InputError as error:
        if kind is None:
            raise InputError(where, f"{error.message} (expected .txt, .docx or .pdf)") from None
        raise
    if kind is None:
        raise InputError(where, f"cannot import a {path.suffix or 'file without an ending'}: expected .txt, .docx "
                                "or .pdf")
    if kind == "pdf":
        from treaty_diff.read.importers.pdf import read_pdf  # only here: PDFium takes ~90 ms to load

        pdf = read_pdf(path, where, options.language)
        if options.language is None and pdf.language is not None:
            options = dataclasses.replace(options, language=pdf.language)
        return _finish(list(pdf.paragraphs), list(pdf.notices), "page", path.name, "PDF", options, where, pdf=pdf)
    if kind == "docx":
        docx = read_docx(path, where)
        return _finish(list(docx.paragraphs), list(docx.notices), "paragraph", path.name, "DOCX", options, where,
                       paginated=False)
    return import_text(decode_text(read_text_file(path, where), where), path.name, options, where)


def import_text(decoded: tuple[str, list[Notice]] | str, name: str, options: ImportOptions | None = None,
                location: str | None = None) -> ImportResult:
    """Import text already in memory (``decoded`` is a str, or what :func:`decode_text` returns).

    ``name`` is the file name the id (and, without a title paragraph, the metadata title) is guessed from;
    ``location`` names the text in messages. A leading block of ``# `` lines is the file's header (see
    :func:`split_header`).
    """
    options = options or ImportOptions()
    text, notices = (decoded, []) if isinstance(decoded, str) else decoded
    where = location or name
    header, text = split_header(check_text(text, where))
    paragraphs = split_paragraphs(text)
    lines = text.split("\n")
    inferred = sum(1 for p in paragraphs if p.line > 1 and lines[p.line - 2].strip())
    return _finish(paragraphs, list(notices), "line", name, "plain text", options, where, inferred, header)


def _finish(paragraphs: list[Paragraph], notices: list[Notice], unit: str, name: str, fmt: str,
            options: ImportOptions, where: str, inferred: int = 0, header: Header | None = None,
            pdf: PdfText | None = None, paginated: bool = True) -> ImportResult:
    """Parse, fill in the metadata, turn notices into warnings, and check the draft by writing and reading it.

    ``pdf`` (for a PDF) adds what its reader decided to ``info``, its footnotes to the notes, and marks every
    provision with the pages it is on. Nothing here depends on the day or the machine: importing the same file
    twice gives the same draft.
    """
    _check_size(paragraphs, where)
    info: list[str] = list(pdf.info) if pdf is not None else []
    header = header or Header()
    meta, provenance = given_meta(options, name, fmt, header, info)
    if header.lines:
        span = "line 1" if len(header.lines) == 1 else f"lines 1-{len(header.lines)}"
        info.append(f"header: {span} ('# ' lines) are the file's header, not treaty text; "
                    "kept out of the text, in the draft's notes")
    parsed: TextImport = parse_paragraphs(paragraphs, meta, provenance, where, inferred, paginated)
    if inferred:
        info.append(f"paragraph breaks: {inferred} inferred from the line layout (lines without blank lines "
                       "between paragraphs)")
    draft = parsed.draft
    notices.extend(parsed.notices)
    if parsed.errors:
        first = parsed.errors[0]
        raise ImportFailed(where, _message("", first, unit)[2:] if unit != "line" else first.message,
                           first.line if unit == "line" else None,
                           tuple(_message(where, notice, unit) for notice in notices))
    if not draft.provisions:
        if unit == "line":
            raise ImportFailed(where, "no text: the file has only blank lines (or '# ' header lines)", None,
                               tuple(_message(where, notice, unit) for notice in notices))
        notices.append(Notice("the document has no text to compare (only what the other warnings name); the "
                              "draft is empty"))
    if pdf is not None:
        draft = pdf.locate(draft)
    meta = guessed_meta(draft, options, name, info, notices)
    notices.extend(Notice(message) for message in hidden_character_warnings(dataclasses.replace(draft, meta=meta)))
    provenance_warning = provenance_notice(options, header)
    if provenance_warning is not None:
        notices.append(provenance_warning)
    warnings = [_message(where, notice, unit) for notice in notices]
    if options.strict and notices:
        first = notices[0]
        more = f" (strict mode; {len(notices)} warnings in all)" if len(notices) > 1 else " (strict mode)"
        line = first.line if unit == "line" else None
        message = first.message if unit == "line" or first.line is None else f"{unit} {first.line}: {first.message}"
        raise InputError(where, message + more, line)
    notes = tuple(f"header: {line[1:].removeprefix(' ').rstrip()}".rstrip() for line in header.lines)
    notes += tuple(f"import warning: {_message(name, notice, unit)}" for notice in notices)
    notes += pdf.notes if pdf is not None else ()
    draft = dataclasses.replace(draft, meta=dataclasses.replace(meta, notes=meta.notes + notes))
    return ImportResult(_checked(draft, where), tuple(warnings), tuple(info))


def _check_size(paragraphs: list[Paragraph], where: str) -> None:
    """Refuse, before parsing, a text of more than :data:`MAX_PARAGRAPHS` paragraphs or more characters than a
    text file may have bytes."""
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise InputError(where, f"too many paragraphs ({len(paragraphs)}; the limit for an imported draft is "
                                f"{MAX_PARAGRAPHS}): split the text into several drafts")
    characters = sum(len(paragraph.text) for paragraph in paragraphs)
    if characters > plaintext.MAX_TEXT_BYTES:
        raise InputError(where, f"too much text ({characters} characters; the limit for an imported draft is "
                                f"{plaintext.MAX_TEXT_BYTES}): split the text into several drafts")


def _checked(draft: Draft, where: str) -> Draft:
    """The draft as written and read back (so that it is surely valid), with its metadata-only title kept.

    A draft too large for a draft file (:data:`treaty_diff.read.akn.reader.MAX_BYTES` of Akoma Ntoso) is refused
    here, before it is read back: what an import accepts, the reader accepts.
    """
    try:
        data = draft_to_xml(draft)
    except ValueError as error:  # a bug of the importer, not of the input; say so plainly
        raise InputError(where, f"the imported draft is not valid ({error}); please report this with the "
                                "file") from None
    if len(data) > akn_reader.MAX_BYTES:
        raise InputError(where, f"the draft made from this file would be {len(data)} bytes of Akoma Ntoso XML "
                                f"(the limit for a draft file is {akn_reader.MAX_BYTES}): split the text into "
                                "several drafts")
    try:
        checked = parse_bytes(data, where)
    except (ValueError, InputError) as error:  # a bug of the importer, not of the input; say so plainly
        raise InputError(where, f"the imported draft is not valid ({error}); please report this with the "
                                "file") from None
    if checked.meta.title != draft.meta.title:
        # The Akoma Ntoso file takes the title from the title paragraph; a metadata-only title is kept here.
        checked = dataclasses.replace(checked, meta=dataclasses.replace(checked.meta, title=draft.meta.title))
    return checked


def _message(where: str, notice: Notice, unit: str) -> str:
    if notice.line is None:
        return f"{where}: {notice.message}"
    if unit == "line":
        return f"{where}:{notice.line}: {notice.message}"
    return f"{where}: {unit} {notice.line}: {notice.message}"


__all__ = ["ImportFailed", "ImportResult", "import_file", "import_text"]
