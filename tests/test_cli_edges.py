"""Edge cases a demanding user meets: odd output targets, odd names, closed pipes, options that do not apply."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from conftest import DRAFTS
from support.cli import Result


def one_line_error(result: Result) -> str:
    assert result.code == 2, (result.code, result.err)
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    return lines[0]


def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "target.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert run("compare", "ptbt-1963", "ptbt-1963", "--format", "json", "-o", str(link)).code == 0
    assert link.is_symlink()
    assert target.read_text().startswith("{")


def test_output_to_a_device_writes_to_it_and_leaves_it_a_device(run) -> None:  # type: ignore[no-untyped-def]
    assert run("compare", "ptbt-1963", "ptbt-1963", "--format", "json", "-o", os.devnull).code == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_read_only_output_file_is_refused_and_kept(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "locked.txt"
    target.write_text("keep me")
    target.chmod(0o444)
    assert "read-only" in one_line_error(run("compare", "ptbt-1963", "ptbt-1963", "-o", str(target)))
    assert target.read_text() == "keep me"


def test_an_empty_output_name_is_an_error(run) -> None:  # type: ignore[no-untyped-def]
    assert "empty output file name" in one_line_error(run("compare", "ptbt-1963", "ptbt-1963", "-o", ""))


def test_a_file_name_too_long_for_the_system_is_one_error(run) -> None:  # type: ignore[no-untyped-def]
    name = "a" * 300 + ".xml"
    one_line_error(run("show", name))
    one_line_error(run("compare", "ptbt-1963", "ptbt-1963", "-o", name))


def test_a_newline_in_a_file_name_keeps_the_error_on_one_line(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "two\nlines.xml"
    path.write_text("not xml")
    assert "two\\nlines.xml" in one_line_error(run("show", str(path)))


def test_an_article_number_in_other_digits_is_not_a_crash(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    one_line_error(run("show", "ppwt-2014", "--article", "³"))
    text = (DRAFTS / "ptbt-1963.xml").read_text(encoding="utf-8").replace("<num>Article V</num>", "<num>Article ⑤</num>")
    # ⑤ is not a number the naming convention reads, so the article's eId is art_x.
    text = text.replace('eId="art_5"', 'eId="art_x"').replace('ref="art_5"', 'ref="art_x"')
    odd = tmp_path / "odd.xml"
    odd.write_text(text, encoding="utf-8")
    result = run("compare", "ptbt-1963", str(odd), "--format", "json")
    assert result.code == 0, result.err


def test_a_reader_that_closes_the_pipe_early_ends_the_output_quietly() -> None:
    process = subprocess.Popen([sys.executable, "-m", "treaty_diff", "compare", "moon-1979", "ost-1967",
                                "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert "Traceback" not in error and "Exception" not in error


def test_options_that_do_not_apply_to_the_format_are_refused(run) -> None:  # type: ignore[no-untyped-def]
    assert "--static applies to --format docx or html" in one_line_error(
        run("compare", "ptbt-1963", "ptbt-1963", "--format", "json", "--static"))
    assert "--changed-only" in one_line_error(
        run("compare", "ptbt-1963", "ptbt-1963", "--format", "docx", "--changed-only", "-o", "x.docx"))
    assert run("compare", "ptbt-1963", "ptbt-1963", "--format", "text", "--changed-only").code == 0


def test_an_impossible_date_is_refused(run) -> None:  # type: ignore[no-untyped-def]
    assert "2020-13-45" in one_line_error(
        run("compare", "ptbt-1963", "ptbt-1963", "--format", "docx", "--date", "2020-13-45", "-o", "x.docx"))


def test_coverage_refuses_two_drafts_with_one_id(run) -> None:  # type: ignore[no-untyped-def]
    assert "two drafts have the id 'ppwt-2008'" in one_line_error(run("coverage", "ppwt-2008", "ppwt-2008"))


def test_coverage_never_writes_over_its_checklist(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    import treaty_diff.checklists

    checklist = tmp_path / "mine.xml"
    checklist.write_bytes((Path(treaty_diff.checklists.__file__).parent / "paros.xml").read_bytes())
    before = checklist.read_bytes()
    assert "refusing to overwrite" in one_line_error(
        run("coverage", "ppwt-2008", "--checklist", str(checklist), "-o", str(checklist)))
    assert checklist.read_bytes() == before


def test_coverage_options_that_need_against_are_refused_without_it(run) -> None:  # type: ignore[no-untyped-def]
    one_line_error(run("coverage", "ppwt-2008", "--changed-only"))
    one_line_error(run("coverage", "ppwt-2008", "ppwt-2014", "--against", "ppwt-2008", "--checklist", "paros"))


def test_validate_takes_bundled_ids_too(run) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", "ppwt-2008")
    assert result.code == 0 and "ppwt-2008: valid" in result.out


def test_import_to_dash_writes_the_xml_to_stdout(tmp_path: Path, run) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "ptbt.txt"
    source.write_text(run("show", "ptbt-1963").out, encoding="utf-8")
    result = run("import", str(source), "-o", "-", "--provenance", "verbatim", "--date", "1963-08-05")
    assert result.code == 0, result.err
    assert result.out.startswith("<?xml")
    assert not (Path.cwd() / "-").exists()
