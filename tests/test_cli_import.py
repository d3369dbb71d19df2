"""The import command, and drafts given as .txt or .docx to any command."""

from __future__ import annotations

from pathlib import Path

from conftest import SOURCES
from support.cli import Run

from treaty_diff.read.corpus import load_corpus_draft


def body_of(source: str) -> str:
    lines = (SOURCES / source).read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("# "))


def test_import_writes_a_valid_draft_with_the_given_metadata(tmp_path: Path, run: Run) -> None:
    text = tmp_path / "ptbt.txt"
    text.write_text(body_of("ptbt-1963-en.txt"), encoding="utf-8")
    out = tmp_path / "ptbt.xml"
    result = run("import", str(text), "-o", str(out), "--id", "ptbt", "--symbol", "480 UNTS 43",
                 "--provenance", "verbatim")
    assert result.code == 0, result.err
    assert run("validate", str(out)).code == 0
    shown = run("show", str(out), "--format", "json").out
    assert '"symbol": "480 UNTS 43"' in shown
    imported = run("show", str(out)).out
    assert imported == run("show", "ptbt-1963").out


def test_a_text_file_is_read_in_memory_by_show_and_nothing_is_written(tmp_path: Path, run: Run) -> None:
    text = tmp_path / "ost.txt"
    text.write_text(body_of("ost-1967-en.txt"), encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run("show", str(text), "--article", "IV")
    assert result.code == 0, result.err
    assert result.out.strip() == load_corpus_draft("ost-1967").provision("Article IV").text
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_import_refuses_a_binary_file_with_one_line(tmp_path: Path, run: Run) -> None:
    binary = tmp_path / "draft.txt"
    binary.write_bytes(b"Article 1\n\x00\x01\x02 binary")
    out = tmp_path / "out.xml"
    result = run("import", str(binary), "-o", str(out))
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and str(binary) in result.err
    assert not out.exists()


def test_import_refuses_to_overwrite_its_input(tmp_path: Path, run: Run) -> None:
    text = tmp_path / "draft.txt"
    text.write_text(body_of("ptbt-1963-en.txt"), encoding="utf-8")
    before = text.read_bytes()
    result = run("import", str(text), "-o", str(text))
    assert result.code == 2
    assert "refusing to overwrite an input file" in result.err
    assert text.read_bytes() == before


def test_a_bad_date_option_is_a_usage_error(tmp_path: Path, run: Run) -> None:
    text = tmp_path / "draft.txt"
    text.write_text(body_of("ptbt-1963-en.txt"), encoding="utf-8")
    result = run("import", str(text), "-o", str(tmp_path / "x.xml"), "--date", "5 August 1963")
    assert result.code == 2
    assert "YYYY-MM-DD" in result.err
