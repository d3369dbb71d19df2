"""PDF import: the time and peak memory of importing a long PDF, and the PDF libraries compared on the same files.

    python benchmarks/pdf_import.py [--pages 300] [--runs 3] [--libraries] [--keep DIR]

1. **A long PDF.** A draft of generated articles (``scale_draft`` over the bundled drafts) is written as a DOCX in
   the UN layout of the tests (``tests/support/pdf_docx.py``: running header and footer, justified and hyphenated
   text, footnotes) and printed by LibreOffice as Tagged PDF, with as many articles as make about ``--pages``
   pages. Then ``treaty-diff import FILE.pdf -o OUT.xml`` runs in a fresh process, ``--runs`` times: wall time
   (median; process start included, and without it: the in-process time of ``import_file``) and peak memory
   (VmHWM of that process). The import is checked: the same provision texts as the generated draft.
2. **Libraries** (``--libraries``, each skipped with the reason when it is not installed): pypdfium2,
   pdfplumber and pdfminer.six on the bundled drafts printed by LibreOffice (one column, and Moon in two
   columns) and on the long PDF. For each: the time to get the text layer (plain text: ``get_text_range``,
   ``extract_text``; and the characters with their boxes, what a layout reader needs), and what is wrong in the
   text compared with the words printed: words that are not words of the draft (a ligature left as U+FB01, a
   word cut by a space, two words run together), and the reading order (the share of the printed words found in
   order, ``difflib``), after joining words hyphenated at line ends.

Needs LibreOffice (``soffice``). Every number printed is measured in this run.
"""

from __future__ import annotations

import argparse
import difflib
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from support.pdf_docx import Layout, Para, libreoffice_pdfs, paragraphs_of, write_paragraphs  # noqa: E402

from treaty_diff.model.draft import Draft  # noqa: E402
from treaty_diff.read.corpus import load_corpus_draft  # noqa: E402
from treaty_diff.testing.generate import scale_draft  # noqa: E402

DRAFTS = ("ppwt-2008", "ppwt-2014", "ost-1967", "ptbt-1963", "moon-1979")
#: Runs the import in a fresh process; prints the seconds import_file took and the peak memory (kB, VmHWM).
WORKER = """
import re, sys, time
from treaty_diff.read.importers import ImportOptions, import_file
started = time.perf_counter()
result = import_file(sys.argv[1], ImportOptions(id="long", provenance="verbatim"))
elapsed = time.perf_counter() - started
texts = [p.text for p in result.draft.provisions]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("\\x00".join(texts))
with open("/proc/self/status") as status:
    peak = re.search(r"VmHWM:\\s+(\\d+)", status.read()).group(1)
print(elapsed, peak)
"""


def long_draft(articles: int) -> Draft:
    return scale_draft([load_corpus_draft(d) for d in DRAFTS], articles, seed=3)


def print_long(folder: Path, pages: int) -> tuple[Path, Draft, int]:
    """The long PDF: about ``pages`` pages (a first try at 3 articles a page, then scaled once)."""
    articles = pages * 3
    for _ in range(2):
        draft = long_draft(articles)
        docx = folder / "long.docx"
        write_paragraphs(paragraphs_of(draft), docx, Layout())
        libreoffice_pdfs([docx], folder, folder / "profile", timeout=900)
        pdf = folder / "long.pdf"
        printed = page_count(pdf)
        if abs(printed - pages) <= 0.05 * pages:
            break
        articles = max(1, round(articles * pages / printed))
    return pdf, draft, printed


def page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def measure_import(pdf: Path, draft: Draft, runs: int, folder: Path) -> dict[str, float]:
    walls, insides, peaks = [], [], []
    for _ in range(runs):
        out = folder / "texts.txt"
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", WORKER, str(pdf), str(out)], capture_output=True, text=True,
                              check=True, cwd=ROOT)
        walls.append(time.perf_counter() - started)
        inside, peak = done.stdout.split()
        insides.append(float(inside))
        peaks.append(int(peak) / 1024)
        texts = out.read_text(encoding="utf-8").split("\x00")
        if texts != [p.text for p in draft.provisions]:
            raise SystemExit("the long PDF did not import to the draft's texts")
    return {"wall": statistics.median(walls), "import_file": statistics.median(insides), "peak_mb": max(peaks)}


# -- the libraries ------------------------------------------------------------------------------------------


def _pypdfium2_text(pdf: Path) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def _pypdfium2_chars(pdf: Path) -> str:
    from treaty_diff.read.importers.pdf_document import open_pdf

    with open_pdf(pdf, str(pdf)) as document:
        return "".join(g.char for page in document.read_pages() for g in page.glyphs)


def _pdfplumber_text(pdf: Path) -> str:
    import pdfplumber  # type: ignore[import-untyped]

    with pdfplumber.open(pdf) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


def _pdfplumber_chars(pdf: Path) -> str:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return "".join(c["text"] for page in document.pages for c in page.chars)


def _pdfminer_text(pdf: Path) -> str:
    from pdfminer.high_level import extract_text  # type: ignore[import-untyped]

    return str(extract_text(str(pdf)))


LIBRARIES: dict[str, tuple[str, Callable[[Path], str], Callable[[Path], str] | None]] = {
    "pypdfium2": ("pypdfium2", _pypdfium2_text, _pypdfium2_chars),
    "pdfplumber": ("pdfplumber", _pdfplumber_text, _pdfplumber_chars),
    "pdfminer.six": ("pdfminer", _pdfminer_text, None),
}


def _words(text: str) -> list[str]:
    text = re.sub(r"(\w)[-\u2010\u00ad\ufffe\x02]\s*\n\s*(\w)", r"\1\2", text)  # hyphenated at a line end
    text = re.sub(r"[\ufffe\x02\u00ad]", "", text)  # PDFium's line-end hyphen, already joined
    return re.findall(r"[^\W\d_]+|\d+|[\ufb00-\ufb06]", text)


def quality(text: str, expected: list[str], vocabulary: set[str]) -> tuple[int, int, float]:
    """Ligatures left, words not of the draft (nor of the header and footer), and words found in order."""
    words = _words(text)
    ligatures = sum(1 for w in words if re.search(r"[\ufb00-\ufb06]", w))
    unknown = sum(1 for w in words if w.casefold() not in vocabulary)
    known = [w.casefold() for w in words if w.casefold() in vocabulary]
    matcher = difflib.SequenceMatcher(None, expected, known, autojunk=False)
    in_order = sum(block.size for block in matcher.get_matching_blocks()) / max(1, len(expected))
    return ligatures, unknown, in_order


def compare_libraries(folder: Path, long_pdf: Path | None, long: Draft | None) -> None:
    docs = folder / "drafts"
    docs.mkdir(exist_ok=True)
    cases: list[tuple[str, Path, Draft]] = []
    jobs: list[tuple[list[Para], Layout, Path]] = []
    for draft_id in DRAFTS:
        draft = load_corpus_draft(draft_id)
        write_paragraphs(paragraphs_of(draft), docs / f"{draft_id}.docx", Layout())
        cases.append((f"LO {draft_id}", docs / f"{draft_id}.pdf", draft))
        jobs.append((paragraphs_of(draft), Layout(), docs / f"chromium-{draft_id}.pdf"))
    moon = load_corpus_draft("moon-1979")
    write_paragraphs(paragraphs_of(moon), docs / "moon-columns.docx", Layout(columns=2))
    cases.append(("LO moon, 2 columns", docs / "moon-columns.pdf", moon))
    jobs.append((paragraphs_of(moon), Layout(columns=2), docs / "chromium-moon-columns.pdf"))
    libreoffice_pdfs(sorted(docs.glob("*.docx")), docs, folder / "profile")
    try:
        from support.browser import Browser
        from support.pdf_html import print_pdfs

        with Browser.start() as browser:
            print_pdfs(browser, jobs)
        cases += [(f"Chromium {path.stem.removeprefix('chromium-')}", path,
                   moon if "moon" in path.stem else load_corpus_draft(path.stem.removeprefix("chromium-")))
                  for _, _, path in jobs]
    except Exception as error:  # the comparison goes on without the second producer
        print(f"Chromium PDFs skipped: {error}")
    if long_pdf is not None and long is not None:
        cases.append((f"LO generated, {page_count(long_pdf)} pp.", long_pdf, long))
    print("\nlibrary        file                        text s   chars s   ligatures  unknown words  in order")
    for name, (module, text_of, chars_of) in LIBRARIES.items():
        try:
            __import__(module)
        except ImportError:
            print(f"{name:<14} skipped: not installed (pip install {name})")
            continue
        for label, pdf, draft in cases:
            paragraphs = paragraphs_of(draft)
            expected = [w.casefold() for p in paragraphs for w in _words(p.text)]
            vocabulary = set(expected) | {w.casefold() for p in paragraphs if p.note for w in _words(p.note)}
            vocabulary |= {"cd", "page", "ge", "reproduced", "footnotes"} | {str(n) for n in range(10000)}
            started = time.perf_counter()
            text = text_of(pdf)
            text_seconds = time.perf_counter() - started
            chars = "-"
            if chars_of is not None:
                started = time.perf_counter()
                chars_of(pdf)
                chars = f"{time.perf_counter() - started:.2f}"
            ligatures, unknown, in_order = quality(text, expected, vocabulary)
            print(f"{name:<14} {label:<26} {text_seconds:7.2f}  {chars:>7}   {ligatures:9}  {unknown:13}  "
                  f"{in_order:8.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--libraries", action="store_true", help="also compare the PDF libraries")
    parser.add_argument("--keep", type=Path, help="keep the files in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="treaty-diff-pdf-") as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        pdf, draft, pages = print_long(folder, args.pages)
        size = pdf.stat().st_size
        print(f"long PDF: {pages} pages, {len(draft.articles)} articles, {len(draft.text.split())} words, "
              f"{size / 1e6:.1f} MB (printed by LibreOffice in {time.perf_counter() - started:.0f} s)")
        result = measure_import(pdf, draft, args.runs, folder)
        print(f"treaty-diff import: {result['wall']:.2f} s end to end (median of {args.runs}, process start "
              f"included), {result['import_file']:.2f} s in import_file, peak memory {result['peak_mb']:.0f} MB; "
              "the provision texts are the draft's")
        if args.libraries:
            compare_libraries(folder, pdf, draft)
    return 0


if __name__ == "__main__":
    sys.exit(main())
