"""Import a draft from plain text (``.txt``) or a Word document (``.docx``).

The one entry point is :func:`import_file`::

    result = import_file(Path("draft.docx"), ImportOptions(id="ppwt-2008", provenance="verbatim"))
    result.draft        # a valid Draft (written and read back through treaty_diff.akn)
    result.warnings     # what could not be placed, "FILE:LINE: message" (also in draft.meta.notes)
    result.info         # metadata that was guessed rather than given, for the user to check

A text file may begin with a header of ``# `` lines (the format of
``tests/data/sources/``): it is kept out of the text and carried into the
draft's notes. Nothing is added to the text (no title paragraph is made up),
and nothing depends on the day: importing a file twice gives the same draft.

Bad input (too large, binary, not UTF-8/UTF-16/Windows-1252, characters that
XML forbids, a damaged or hostile DOCX, no article at all) raises one
:class:`~treaty_diff.errors.InputError` naming the file and, where there is
one, the line. With ``strict=True`` every warning is an error too. See
``docs/import.md`` for what is recognised and the limits.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from treaty_diff.errors import InputError
from treaty_diff.model.draft import Draft, DraftMeta, Provenance, ProvenanceStatus, Source
from treaty_diff.read.akn import draft_to_xml, parse_bytes
from treaty_diff.read.importers.docx import MAX_DOCX_BYTES, read_docx
from treaty_diff.read.importers.plaintext import (
    Notice,
    Paragraph,
    TextImport,
    find_date,
    parse_paragraphs,
    split_paragraphs,
)
from treaty_diff.read.kinds import IMPORT_SUFFIXES, is_importable

#: Largest text file imported (bytes). The longest treaties (UNCLOS) are about 1.5 MB of text.
MAX_TEXT_BYTES = 10 * 1024 * 1024

_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")
_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*")
#: Characters that XML 1.0 forbids (form feed and vertical tab are read as spaces before this check).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_HEADER_LINE = re.compile(r"#(?:[ \t].*)?")
_HEADER_VERBATIM = re.compile(r"#\s*verbatim\s*:", re.IGNORECASE)
_HEADER_RECONSTRUCTED = re.compile(r"#\s*reconstructed\s*:", re.IGNORECASE)
_SYMBOL = re.compile(r"\b[A-Z]{1,4}(?:/(?:[A-Z]{1,6}|[A-Z]{0,4}\.?\d[\w.()-]*))+")
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)


@dataclass(frozen=True)
class ImportOptions:
    """What the user says about the draft; whatever is None is guessed (and reported in ``info``).

    A given ``title`` is the draft's title in its metadata only: the text's
    title paragraph is treaty text and is never replaced (a warning says when
    the two differ), and a text without one gets no title paragraph.

    ``provenance`` says whether the text is the official wording ("verbatim")
    or not ("reconstructed"). When None, a text file's header decides (a
    ``# reconstructed: ...`` line marks the whole text reconstructed, with a
    warning); without one the text is taken to be verbatim, with a warning.
    ``source`` describes where the text comes from. ``strict`` turns every
    warning into an error. Values are checked here: a bad one raises
    ValueError with a message fit for the user.
    """

    id: str | None = None
    title: str | None = None
    symbol: str | None = None
    date: str | None = None
    language: str | None = None
    status: str = "draft"
    provenance: ProvenanceStatus | None = None
    source: str | None = None
    strict: bool = False

    def __post_init__(self) -> None:
        if self.id is not None and not _ID.fullmatch(self.id):
            raise ValueError(f"invalid id {self.id!r}: use lowercase letters, digits, '.', '_' and '-', "
                             "starting with a letter or digit")
        if self.date is not None:
            try:
                datetime.date.fromisoformat(self.date)
            except ValueError:
                raise ValueError(f"invalid date {self.date!r}: expected YYYY-MM-DD") from None
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", self.date):
                raise ValueError(f"invalid date {self.date!r}: expected YYYY-MM-DD")
        if self.language is not None and not _LANGUAGE.fullmatch(self.language):
            raise ValueError(f"invalid language {self.language!r}: expected a code such as 'en' or 'zh'")
        if self.provenance not in (None, "verbatim", "reconstructed"):
            raise ValueError(f"invalid provenance {self.provenance!r}: expected 'verbatim' or 'reconstructed'")
        for name in ("title", "symbol", "status", "source"):
            value = getattr(self, name)
            if value is not None and (not value.strip() or _FORBIDDEN.search(value)):
                raise ValueError(f"invalid {name} {value!r}: it must be non-empty text")


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
    """Import a ``.txt`` or ``.docx`` file as a draft; ``location`` names it in messages (default: the path)."""
    path = Path(path)
    options = options or ImportOptions()
    where = location or str(path)
    kind = IMPORT_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(where, f"cannot import a {path.suffix or 'file without an ending'}: expected .txt or .docx")
    if kind == "docx":
        docx = read_docx(path, where)
        return _finish(list(docx.paragraphs), list(docx.notices), "paragraph", path.name, "DOCX", options, where)
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


@dataclass(frozen=True)
class Header:
    """The leading ``# `` lines of a text file (the project's source format): notes about the text, not text.

    ``verbatim`` and ``reconstructed`` say whether a ``# verbatim: ...`` or a
    ``# reconstructed: ...`` line is present; which parts such a line covers is
    free-form prose and is not read.
    """

    lines: tuple[str, ...] = ()

    @property
    def verbatim(self) -> bool:
        return any(_HEADER_VERBATIM.match(line) for line in self.lines)

    @property
    def reconstructed(self) -> bool:
        return any(_HEADER_RECONSTRUCTED.match(line) for line in self.lines)


def split_header(text: str) -> tuple[Header, str]:
    """The header (the lines at the very start that are ``#`` or start with ``# ``) and the text without it.

    The header's lines are left blank in the text, so that line numbers in messages stay those of the file.
    """
    lines = text.split("\n")
    count = 0
    while count < len(lines) and _HEADER_LINE.fullmatch(lines[count]):
        count += 1
    if not count:
        return Header(), text
    return Header(tuple(lines[:count])), "\n" * count + "\n".join(lines[count:])


def read_text_file(path: Path, location: str) -> bytes:
    """The bytes of a text file, refused quickly (before reading) when larger than :data:`MAX_TEXT_BYTES`."""
    try:
        if not path.exists():
            raise InputError(location, "no such file")
        if not path.is_file():
            raise InputError(location, "not a regular file" if not path.is_dir() else "is a directory, not a file")
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise InputError(location, f"file too large ({size} bytes; the limit for a text file is "
                                       f"{MAX_TEXT_BYTES})")
        with path.open("rb") as stream:
            data = stream.read(MAX_TEXT_BYTES + 1)
    except PermissionError:
        raise InputError(location, "cannot read the file: permission denied") from None
    except OSError as error:
        raise InputError(location, f"cannot read the file: {error.strerror or error}") from None
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(location, f"file too large (more than {MAX_TEXT_BYTES} bytes)")
    return data


def decode_text(data: bytes, location: str) -> tuple[str, list[Notice]]:
    """Decode a text file: by its byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8, else Windows-1252.

    Windows-1252 (a superset of Latin-1 for printable characters) is used only
    when the bytes are not valid UTF-8, with a warning naming the first line
    that is not; bytes that are neither raise InputError. NUL bytes without a
    byte-order mark mean a binary file (or UTF-16 without a mark): InputError.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), []
            except UnicodeDecodeError as error:
                line = data[: len(bom) + error.start].count(b"\n") + 1 if "8" in codec else None
                raise InputError(location, f"not valid {label} text although it starts with a {label} byte-order "
                                           f"mark ({error.reason} at byte {len(bom) + error.start})", line) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(location, "contains NUL bytes: a binary file, not text (UTF-16 text needs a byte-order "
                                   "mark)", data[:nul].count(b"\n") + 1)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        bad = data[: error.start].count(b"\n") + 1
        raise InputError(location, f"neither UTF-8 nor Windows-1252 (Latin-1) text: byte 0x{data[error.start]:02x} "
                                   "cannot be read; save the file as UTF-8", bad) from None
    return text, [Notice("not valid UTF-8; read as Windows-1252 (Latin-1). Check accented letters and quotes, or "
                         "save the file as UTF-8", line)]


def check_text(text: str, location: str) -> str:
    """Normalise line ends, read form feeds and vertical tabs as spaces, refuse characters that XML forbids."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", " ").replace("\v", " ")
    bad = _FORBIDDEN.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise InputError(location, f"control character U+{ord(bad.group()):04X} is not allowed in a draft "
                                   "(XML forbids it); remove it", line)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def _finish(paragraphs: list[Paragraph], notices: list[Notice], unit: str, name: str, fmt: str,
            options: ImportOptions, where: str, inferred: int = 0, header: Header | None = None) -> ImportResult:
    """Parse, fill in the metadata, turn notices into warnings, and check the draft by writing and reading it.

    Nothing here depends on the day or the machine: importing the same file twice gives the same draft.
    """
    info: list[str] = []
    header = header or Header()
    status, said = _provenance(options, header, info)
    description = options.source or f"Imported by treaty-diff from {name} ({fmt}); {status}, {said}."
    source = Source("import", description)
    meta = DraftMeta(id=options.id or _id_from_name(name), title="", symbol=options.symbol,
                     date=options.date, language=options.language or "en", status=options.status,
                     sources=(source,))
    if options.id is None:
        info.append(f"id: {meta.id!r}, from the file name")
    if header.lines:
        span = "line 1" if len(header.lines) == 1 else f"lines 1-{len(header.lines)}"
        info.append(f"header: {span} ('# ' lines) are the file's header, not treaty text; "
                    "kept out of the text, in the draft's notes")
    parsed: TextImport = parse_paragraphs(paragraphs, meta, Provenance(status, source), where, inferred)
    if inferred:
        info.append(f"paragraph breaks: {inferred} inferred from the line layout (lines without blank lines "
                       "between paragraphs)")
    draft = parsed.draft
    notices.extend(parsed.notices)
    if parsed.errors:
        first = parsed.errors[0]
        raise InputError(where, _message("", first, unit)[2:] if unit != "line" else first.message,
                         first.line if unit == "line" else None)
    if not draft.articles:
        raise InputError(where, "no article found: expected headings such as 'Article 1', 'ARTICLE I' or 'Art. 2' "
                                "on a line of their own")
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
        notices.append(Notice(f"the given title {_quote(options.title)} differs from the text's title paragraph "
                              f"{_quote(title_block.body)}; the paragraph is kept as it is and the given title is "
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
    if options.provenance is None and not header.reconstructed and not header.verbatim:
        notices.append(Notice(ASSUMED_VERBATIM))
    elif options.provenance is None and header.reconstructed:
        notices.append(Notice(HEADER_RECONSTRUCTED))
    warnings = [_message(where, notice, unit) for notice in notices]
    if options.strict and notices:
        first = notices[0]
        more = f" (strict mode; {len(notices)} warnings in all)" if len(notices) > 1 else " (strict mode)"
        line = first.line if unit == "line" else None
        message = first.message if unit == "line" or first.line is None else f"paragraph {first.line}: {first.message}"
        raise InputError(where, message + more, line)
    notes = tuple(f"header: {line[1:].removeprefix(' ').rstrip()}".rstrip() for line in header.lines)
    notes += tuple(f"import warning: {_message(name, notice, unit)}" for notice in notices)
    draft = dataclasses.replace(draft, meta=dataclasses.replace(meta, notes=meta.notes + notes))
    try:
        checked = parse_bytes(draft_to_xml(draft), where)
    except (ValueError, InputError) as error:  # a bug of the importer, not of the input; say so plainly
        raise InputError(where, f"the imported draft is not valid ({error}); please report this with the "
                                "file") from None
    if checked.meta.title != meta.title:
        # The Akoma Ntoso file takes the title from the title paragraph; a metadata-only title is kept here.
        checked = dataclasses.replace(checked, meta=dataclasses.replace(checked.meta, title=meta.title))
    return ImportResult(checked, tuple(warnings), tuple(info))


#: The warning when nothing says whether the text is the official wording.
ASSUMED_VERBATIM = ("provenance not given: the text is taken to be verbatim (the official wording); import with "
                    "--provenance reconstructed if it is not")
#: The warning when the file's header says that parts of the text are reconstructed.
HEADER_RECONSTRUCTED = ("the header says parts are reconstructed; the whole text is marked reconstructed; import "
                        "with --provenance verbatim to override")


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


def _quote(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _message(where: str, notice: Notice, unit: str) -> str:
    if notice.line is None:
        return f"{where}: {notice.message}"
    if unit == "line":
        return f"{where}:{notice.line}: {notice.message}"
    return f"{where}: {unit} {notice.line}: {notice.message}"


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


__all__ = [
    "IMPORT_SUFFIXES",
    "MAX_DOCX_BYTES",
    "MAX_TEXT_BYTES",
    "Header",
    "ImportOptions",
    "ImportResult",
    "check_text",
    "decode_text",
    "import_file",
    "import_text",
    "is_importable",
    "read_text_file",
    "split_header",
]
