"""Files that are not drafts, named as such in one line: OpenDocument, Word 97-2003, RTF, HTML, images, archives.

A file is known by its name's ending and by its first bytes (:func:`sniff`), so that "draft.xml" that holds an
HTML page, or "draft.docx" that is really a Word 97-2003 file, is named for what it is rather than failing
deep in a parser ("malformed XML: Start tag expected", "DTDs are not allowed"). :func:`refuse_unsupported` is
called before a file is read as a draft or imported; what it does not recognise goes on to the readers, whose
own checks stand.
"""

from __future__ import annotations

import re
from pathlib import Path

from treaty_diff.errors import InputError
from treaty_diff.read.safe import open_regular

#: How much of a file is read to tell what it is.
HEAD_BYTES = 8192

_SAVE_AS_DOCX = "save it as .docx (or copy its text into a .txt file)"
_NO_TEXT = "it has no text to compare; import a text, Word or PDF version of the document"

#: What each ending names, and what to do instead.
UNSUPPORTED: dict[str, tuple[str, str]] = {
    ".odt": ("OpenDocument text", _SAVE_AS_DOCX),
    ".ott": ("an OpenDocument text template", _SAVE_AS_DOCX),
    ".fodt": ("flat OpenDocument text", _SAVE_AS_DOCX),
    ".doc": ("a Word 97-2003 document (.doc)", _SAVE_AS_DOCX),
    ".dot": ("a Word 97-2003 template (.dot)", _SAVE_AS_DOCX),
    ".dotx": ("a Word template (.dotx)", _SAVE_AS_DOCX),
    ".docm": ("a macro-enabled Word document (.docm)", _SAVE_AS_DOCX),
    ".rtf": ("Rich Text Format (RTF)", _SAVE_AS_DOCX),
    ".wpd": ("a WordPerfect document", _SAVE_AS_DOCX),
    ".pages": ("a Pages document", _SAVE_AS_DOCX),
    ".html": ("HTML", _SAVE_AS_DOCX),
    ".htm": ("HTML", _SAVE_AS_DOCX),
    ".xhtml": ("XHTML", _SAVE_AS_DOCX),
    ".mht": ("a web archive (MHTML)", _SAVE_AS_DOCX),
    ".epub": ("an EPUB book", _SAVE_AS_DOCX),
    ".xlsx": ("an Excel workbook", _SAVE_AS_DOCX),
    ".xls": ("an Excel 97-2003 workbook", _SAVE_AS_DOCX),
    ".ods": ("an OpenDocument spreadsheet", _SAVE_AS_DOCX),
    ".pptx": ("a PowerPoint presentation", _SAVE_AS_DOCX),
    ".ppt": ("a PowerPoint 97-2003 presentation", _SAVE_AS_DOCX),
    ".odp": ("an OpenDocument presentation", _SAVE_AS_DOCX),
    ".png": ("an image (PNG)", _NO_TEXT),
    ".jpg": ("an image (JPEG)", _NO_TEXT),
    ".jpeg": ("an image (JPEG)", _NO_TEXT),
    ".gif": ("an image (GIF)", _NO_TEXT),
    ".tif": ("an image (TIFF)", _NO_TEXT),
    ".tiff": ("an image (TIFF)", _NO_TEXT),
    ".bmp": ("an image (BMP)", _NO_TEXT),
    ".webp": ("an image (WebP)", _NO_TEXT),
    ".heic": ("an image (HEIC)", _NO_TEXT),
    ".svg": ("an image (SVG)", _NO_TEXT),
    ".zip": ("a ZIP archive", "extract the draft from it"),
    ".gz": ("a gzip archive", "extract the draft from it"),
    ".tgz": ("a gzip archive", "extract the draft from it"),
    ".bz2": ("a bzip2 archive", "extract the draft from it"),
    ".xz": ("an xz archive", "extract the draft from it"),
    ".tar": ("a tar archive", "extract the draft from it"),
    ".7z": ("a 7-Zip archive", "extract the draft from it"),
    ".rar": ("a RAR archive", "extract the draft from it"),
}

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", ".pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc"),  # OLE compound file: Word, Excel, PowerPoint 97-2003
    (b"{\\rtf", ".rtf"),
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
    (b"II*\x00", ".tif"),
    (b"MM\x00*", ".tif"),
    (b"BM", ".bmp"),
    (b"\x1f\x8b", ".gz"),
    (b"BZh", ".bz2"),
    (b"\xfd7zXZ\x00", ".xz"),
    (b"7z\xbc\xaf\x27\x1c", ".7z"),
    (b"Rar!\x1a\x07", ".rar"),
)
#: An HTML page with its document type declaration (one without is well-formed XML, and the reader names its root).
_HTML = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html", re.IGNORECASE | re.DOTALL)
_ZIP_KINDS = (
    (b"mimetypeapplication/vnd.oasis.opendocument.text", ".odt"),
    (b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet", ".ods"),
    (b"mimetypeapplication/vnd.oasis.opendocument.presentation", ".odp"),
    (b"mimetypeapplication/epub+zip", ".epub"),
)
#: What the first bytes alone cannot tell apart: an OLE file is a Word, Excel or PowerPoint 97-2003 file.
_BY_CONTENT = {".doc": ("an Office 97-2003 file (.doc, .xls or .ppt)", _SAVE_AS_DOCX)}


def sniff(path: Path, location: str) -> str | None:
    """The ending that the file's first bytes say it has (".pdf", ".doc", ".odt", ".html", ".png", ".zip",
    ".docx", ...), or None when they say nothing known (text, XML, or bytes of no known kind)."""
    try:
        with open_regular(path, location, 1 << 62, "a file") as stream:
            head = stream.read(HEAD_BYTES)
    except InputError:
        return None  # the reader says what is wrong with it (missing, a directory, unreadable)
    for magic, ending in _MAGIC:
        if head.startswith(magic):
            return ending
    if head.startswith(b"PK\x03\x04"):
        for marker, ending in _ZIP_KINDS:
            if marker in head[:200]:
                return ending
        return _zip_kind(head)
    if head[257:262] == b"ustar":
        return ".tar"
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1") or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return ".heic" if head[4:8] == b"ftyp" else ".webp"
    if _HTML.match(head.lstrip(b"\xef\xbb\xbf")):
        return ".html"
    return None


def _zip_kind(head: bytes) -> str:
    """A ZIP package, from the name of its first entry only (the package's directory is not read here: the DOCX
    reader reads it within its limits): "[Content_Types].xml" first is an Office Open XML package (.docx)."""
    size = int.from_bytes(head[26:28], "little")
    first = head[30 : 30 + size]
    return ".docx" if first == b"[Content_Types].xml" else ".zip"


def refuse_unsupported(path: Path | str, location: str, readable: tuple[str, ...]) -> None:
    """Raise InputError naming a file that is not a draft ("x.odt: OpenDocument text is not supported; save it as
    .docx"), by its ending, else by its content when that is another format than its ending says.

    ``readable`` are the endings read as drafts (".xml" and the importers' endings). A ``.pdf`` is refused only
    when PDF is not among them.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        what, instead = UNSUPPORTED[suffix]
        raise InputError(location, f"{what} is not supported; {instead}")
    if suffix == ".pdf" and suffix in readable:
        return  # the PDF reader checks its input itself
    found = sniff(path, location)
    if found is None or found == suffix or {found, suffix} <= {".jpg", ".jpeg"} or {found, suffix} <= {".tif", ".tiff"}:
        return
    if suffix == ".docx" and found == ".zip":
        return  # a ZIP package without an Office content list: the DOCX reader says what is missing
    if found in readable:
        said = {".pdf": "a PDF document", ".docx": "a Word document (.docx)"}.get(found, found)
        raise InputError(location, f"this file is {said}, although its name ends with {suffix or 'nothing'}; "
                                   f"rename it to end with {found}")
    what, instead = _BY_CONTENT.get(found) or UNSUPPORTED.get(found, ("a PDF document", "PDF import is not available"))
    ending = f", although its name ends with {suffix}" if suffix else ""
    raise InputError(location, f"this file is {what}{ending}, which is not supported; {instead}")


__all__ = ["HEAD_BYTES", "UNSUPPORTED", "refuse_unsupported", "sniff"]
