"""Hostile and broken PDFs: each is one clear InputError (one line, exit status 2, nothing written), quickly and in
little memory. The files are written byte by byte here (:mod:`support.pdf_hostile`); none is committed."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from support import pdf_hostile
from support.cli import Run

from treaty_diff.errors import InputError
from treaty_diff.read.importers import import_file, pdf_document  # pdf_document: where the PDF limits are read

HOSTILE: dict[str, tuple[Callable[[], bytes], str]] = {
    "encrypted": (pdf_hostile.encrypted, "encrypted PDF: it needs a password"),
    "truncated": (pdf_hostile.truncated, "damaged or truncated PDF"),
    "looping page tree": (pdf_hostile.looping_page_tree, "the PDF is damaged (its page tree is broken or loops)"),
    "100,000 empty pages": (pdf_hostile.hundred_thousand_pages, "too many pages (100000; the limit for a PDF is "),
    "image only": (pdf_hostile.image_only, "no text layer: the pages are images"),
    "javascript": (pdf_hostile.with_javascript, "the PDF contains JavaScript; it is refused"),
    "not a pdf": (lambda: b"<html>Article 1</html>\n%%EOF\n", "not a PDF file"),
}

#: Runs the CLI in a fresh interpreter and prints its exit status and peak memory (kB) on the last line of stderr.
#: The peak is VmHWM (of this process's own memory), not ru_maxrss, which Linux carries over from the parent.
MEASURED = """
import re, sys
from treaty_diff.cli import main
try:
    main(sys.argv[1:])
    code = 0
except SystemExit as done:
    code = done.code
with open("/proc/self/status") as status:
    peak = re.search(r"VmHWM:\\s+(\\d+)", status.read()).group(1)
print(f"{code} {peak}", file=sys.stderr)
"""


def test_a_sound_hand_made_pdf_imports(tmp_path: Path) -> None:
    path = tmp_path / "treaty.pdf"
    path.write_bytes(pdf_hostile.text_page())
    draft = import_file(path).draft
    assert [p.text for p in draft.provisions] == [
        "Treaty on Hostile Files", "The Parties,\n\nHave agreed as follows:",
        "Article 1\n\nEach Party shall read files carefully."]


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_hostile_pdf_is_one_input_error_within_a_second(kind: str, tmp_path: Path) -> None:
    make, message = HOSTILE[kind]
    path = tmp_path / "hostile.pdf"
    path.write_bytes(make())
    started = time.perf_counter()
    with pytest.raises(InputError) as raised:
        import_file(path, location="hostile.pdf")
    assert time.perf_counter() - started < 1.0
    assert message in str(raised.value)
    assert str(raised.value).startswith("hostile.pdf: ") and "\n" not in str(raised.value)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory from /proc")
@pytest.mark.parametrize("kind", list(HOSTILE))
def test_the_cli_refuses_a_hostile_pdf_with_one_line_exit_2_nothing_written_in_little_memory(
        kind: str, tmp_path: Path) -> None:
    make, message = HOSTILE[kind]
    path = tmp_path / "hostile.pdf"
    path.write_bytes(make())
    out = tmp_path / "out.xml"
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURED, "import", str(path), "-o", str(out)],
                          capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - started
    *lines, last = done.stderr.strip().splitlines()
    code, peak_kb = (int(x) for x in last.split())
    assert code == 2 and not out.exists()
    assert lines == [f"treaty-diff: error: {path}: {lines[0].split(': ', 3)[-1]}"] and message in lines[0]
    assert "Traceback" not in done.stderr
    assert elapsed < 10.0
    assert peak_kb < 300 * 1024, f"{peak_kb // 1024} MB"


def test_a_pdf_larger_than_the_limit_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as stream:
        stream.truncate(pdf_document.MAX_PDF_BYTES + 1)  # sparse: nothing is written
    started = time.perf_counter()
    with pytest.raises(InputError, match=f"file too large .*the limit for a PDF file is {pdf_document.MAX_PDF_BYTES}"):
        import_file(path)
    assert time.perf_counter() - started < 0.5


def test_the_page_and_text_limits_are_read_where_they_are_defined(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "treaty.pdf"
    path.write_bytes(pdf_hostile.text_page())
    monkeypatch.setattr(pdf_document, "MAX_CHARS", 20)
    with pytest.raises(InputError, match="too much text: more than 20 characters by page 1"):
        import_file(path)
    monkeypatch.setattr(pdf_document, "MAX_PAGES", 0)
    with pytest.raises(InputError, match=r"too many pages \(1; the limit for a PDF is 0\)"):
        import_file(path)


def test_a_hostile_pdf_given_to_compare_is_one_line_naming_the_file(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "draft.pdf"
    path.write_bytes(pdf_hostile.encrypted())
    result = run("compare", "ppwt-2008", str(path))
    assert result.code == 2
    assert result.err.strip().splitlines() == [f"treaty-diff: error: {path}: encrypted PDF: it needs a password to "
                                               "be opened; save an unencrypted copy and import that"]
