"""Real Word documents nobody here wrote: a sample of the WmlComparer test suite (tests/data/wmlcomparer).

Every pair compares; every document compared with itself reports no change; the pair WmlComparer finds
identical reports no change; no pair reports no change while the text treaty-diff reads differs. Tables,
footnotes, endnotes, text boxes and SmartArt are compared; an image is warned of with a count. The whole suite,
with LibreOffice as the oracle, is ``benchmarks/wmlcomparer_quality.py``.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support.cli import Run

from treaty_diff.compare import compare
from treaty_diff.model.draft import Draft
from treaty_diff.read.importers import import_file

SAMPLE = Path(__file__).resolve().parent / "data" / "wmlcomparer"
PAIRS = list(csv.DictReader((SAMPLE / "pairs.tsv").open(encoding="utf-8"), delimiter="\t"))
DOCUMENTS = sorted({row[side] for row in PAIRS for side in ("old", "new")})


def _import(name: str) -> tuple[Draft, tuple[str, ...]]:
    result = import_file(SAMPLE / name)
    return result.draft, result.warnings


@pytest.mark.parametrize("row", PAIRS, ids=[row["id"] for row in PAIRS])
def test_every_pair_of_the_sample_compares_and_says_no_change_only_when_the_text_is_the_same(row: dict[str, str],
                                                                                          run: Run) -> None:
    result = run("compare", str(SAMPLE / row["old"]), str(SAMPLE / row["new"]), "--exit-code")
    old, new = _import(row["old"])[0], _import(row["new"])[0]
    assert result.code == (1 if old.text != new.text else 0), result.err
    if row["expected_revisions"] == "0":
        assert result.code == 0


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_document_of_the_sample_compared_with_itself_reports_no_change(name: str) -> None:
    draft = _import(name)[0]
    assert not compare(draft, draft).differs


def test_a_document_without_structure_is_compared_paragraph_by_paragraph_and_a_table_row_by_row() -> None:
    draft = _import("WC006-Table.docx")[0]
    assert [(p.kind, p.label, [b.text for b in p.blocks]) for p in draft.provisions] == [
        ("paragraph", f"table 1, row {n}", [f"{2 * n - 1}" * 3, f"{2 * n}" * 3]) for n in (1, 2, 3)]
    changes = compare(draft, _import("WC006-Table-Delete-Row.docx")[0]).changes
    assert [(c.kind, [i.label for i in c.old]) for c in changes if c.kind != "unchanged"] == [
        ("deleted", ["table 1, row 2"])]


def test_digits_only_paragraphs_and_cells_of_a_word_document_are_text_never_page_numbers() -> None:
    draft, warnings = _import("WC026-Long-Table-Before.docx")
    assert [(p.label, p.text) for p in draft.provisions] == [
        ("paragraph 1", "Before"), *[(f"table 1, row {n}", str(n) * 3) for n in range(1, 9)], ("paragraph 10", "After")]
    assert not any("page number" in w for w in warnings)


def test_footnotes_and_endnotes_keep_their_marks_in_the_text_and_their_text_with_the_paragraph_citing_them() -> None:
    footnoted = _import("WC020-FootNote-After-1.docx")[0]
    assert footnoted.provisions[1].text.startswith("¹To make your document look professionally produced")
    assert footnoted.provisions[1].text.endswith("the galleries. ¹ This is a footnote")
    endnoted = _import("WC034-Endnotes-After3.docx")[0]
    assert endnoted.text == ("Viⁱdeo ⁱⁱprovides a powerful way to help you prove your point.ⁱⁱⁱ ⁱ New endnote. ⁱⁱ "
                             "This is an endnote with a change. This endnote has multiple paragraphs. ⁱⁱⁱ Yet another "
                             "endnote.")
    assert compare(_import("WC034-Endnotes-Before.docx")[0], endnoted).differs


def test_text_boxes_and_smartart_are_compared_after_their_paragraph_and_said_so() -> None:
    boxed, warnings = _import("WC037-Textbox-Before.docx")
    assert [p.text for p in boxed.provisions] == ["Out", "In1"]
    assert any("1 text box(es)" in w for w in warnings)
    smart, warnings = _import("WC014-SmartArt-Before.docx")
    assert [p.text for p in smart.provisions] == ["This is a paragraph before.", "1", "2", "3", "This is after."]
    assert any("1 SmartArt diagram(s)" in w for w in warnings)


def test_a_document_of_an_image_alone_is_an_empty_draft_with_the_image_warned_of_by_count(run: Run) -> None:
    draft, warnings = _import("WC013-Image-Before.docx")
    assert draft.provisions == ()
    assert any("1 image(s): not compared" in w for w in warnings)
    assert any("no text to compare" in w for w in warnings)
    result = run("compare", str(SAMPLE / "WC013-Image-Before.docx"), str(SAMPLE / "WC013-Image-After.docx"))
    assert result.code == 0 and "image(s): not compared" in result.err


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_on_the_sample_the_redline_accepted_and_rejected_in_libreoffice_gives_each_documents_text() -> None:
    script = Path(__file__).resolve().parent.parent / "benchmarks" / "wmlcomparer_quality.py"
    result = subprocess.run([sys.executable, str(script), "--suite", str(SAMPLE)], capture_output=True, text=True,
                            timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 unexplained" in result.stdout
    assert "{'equal': 7, 'explained': 5, 'different': 0}" in result.stdout
