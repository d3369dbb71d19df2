"""Files that are not drafts are named for what they are, in one line, by their ending or by their content."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from support.cli import Run

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _odt(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), ODT_MIMETYPE)
        archive.writestr("content.xml", "<office:document-content/>")
    return path


CONTENT = {
    "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
    "rtf": b"{\\rtf1\\ansi Article 1}",
    "html": b"<!DOCTYPE html>\n<html><body><p>Article 1<br></body></html>",
    "png": b"\x89PNG\r\n\x1a\n" + bytes(20),
    "gz": b"\x1f\x8b\x08\x00" + bytes(16),
}


def _error(run: Run, *args: str) -> str:
    result = run(*args)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    return lines[0]


@pytest.mark.parametrize("ending, said", [
    ("odt", "OpenDocument text is not supported; save it as .docx"),
    ("doc", "a Word 97-2003 document (.doc) is not supported; save it as .docx"),
    ("rtf", "Rich Text Format (RTF) is not supported; save it as .docx"),
    ("html", "HTML is not supported; save it as .docx"),
    ("png", "an image (PNG) is not supported; it has no text to compare"),
    ("gz", "a gzip archive is not supported; extract the draft from it"),
])
def test_a_file_of_another_format_is_named_by_its_ending_in_one_line(ending: str, said: str, run: Run,
                                                                     tmp_path: Path) -> None:
    path = tmp_path / f"x.{ending}"
    if ending == "odt":
        _odt(path)
    else:
        path.write_bytes(CONTENT[ending])
    assert _error(run, "compare", str(path), "ppwt-2008").startswith(f"treaty-diff: error: {path}: {said}")


@pytest.mark.parametrize("content, said", [
    ("odt", "this file is OpenDocument text, although its name ends with .xml, which is not supported"),
    ("html", "this file is HTML, although its name ends with .xml, which is not supported"),
    ("doc", "this file is an Office 97-2003 file (.doc, .xls or .ppt), although its name ends with .xml"),
    ("png", "this file is an image (PNG), although its name ends with .xml"),
])
def test_a_file_of_another_format_under_a_draft_ending_is_named_by_its_content(content: str, said: str, run: Run,
                                                                               tmp_path: Path) -> None:
    path = tmp_path / "draft.xml"
    if content == "odt":
        _odt(path)
    else:
        path.write_bytes(CONTENT[content])
    line = _error(run, "show", str(path))
    assert line.startswith(f"treaty-diff: error: {path}: {said}")


def test_a_word_97_file_named_docx_and_a_pdf_named_txt_are_named_for_what_they_are(run: Run, tmp_path: Path) -> None:
    doc = tmp_path / "draft.docx"
    doc.write_bytes(CONTENT["doc"])
    assert "this file is an Office 97-2003 file" in _error(run, "show", str(doc))
    pdf = tmp_path / "draft.txt"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    assert _error(run, "import", str(pdf), "-o", str(tmp_path / "out.xml")).endswith(
        "this file is a PDF document, although its name ends with .txt; rename it to end with .pdf")


def test_the_warnings_that_explain_a_failed_import_come_before_its_error_line(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_text("T\n\nThe Parties,\n\nHave agreed as follows:\n\nArticle 1\n\n7\n", encoding="utf-8")
    result = run("show", str(path))
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert lines[0] == f"treaty-diff: warning: {path}:9: '7' looks like a page number; dropped"
    assert lines[-1].startswith(f"treaty-diff: error: {path}:7: Article 1 has no text")
