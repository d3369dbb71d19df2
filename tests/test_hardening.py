"""Hostile and careless input, cause by cause (issue 14; docs/hostile-input.md): each case gives the contract's
answer, exit 2 and one line on stderr or success where the input is legitimate, within seconds, with no
traceback, no leftover file and no overwritten input. Every hostile file is made here, in tmp_path."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.cli import Run
from support.hostile import (
    chained_styles_docx,
    cli,
    error_line,
    leftovers,
    numbered_docx,
    slowed_cli_script,
    wait_for,
    zip_with_entries,
)

import treaty_diff
from treaty_diff.errors import InputError
from treaty_diff.read import checklist as checklist_module
from treaty_diff.read import corpus, safe
from treaty_diff.read.akn import reader as akn_reader
from treaty_diff.read.importers import ImportOptions, docx_numbering, docx_package, import_file, import_text
from treaty_diff.read.importers import run as import_run
from treaty_diff.read.importers.paragraphs import Notice
from treaty_diff.read.importers.plaintext import MAX_TEXT_BYTES

REPO = Path(__file__).resolve().parent.parent
DRAFTS = REPO / "drafts"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
needs_devices = pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")


def article_ii_with(text: str) -> str:
    """The PPWT 2008 draft with ``text`` put into Article III's first sentence."""
    source = (DRAFTS / "ppwt-2008.xml").read_text(encoding="utf-8")
    assert source.count("shall take measures") == 1
    return source.replace("shall take measures", text)


# -- 1. named pipes ------------------------------------------------------------------------------------------


@needs_fifo
@pytest.mark.parametrize("args", [("validate", "{f}"), ("show", "{f}"), ("compare", "ppwt-2008", "{f}"),
                                  ("coverage", "ppwt-2008", "--checklist", "{f}")], ids=lambda a: a[0])
def test_a_named_pipe_given_as_a_draft_or_a_checklist_is_refused_without_blocking(tmp_path: Path,
                                                                                   args: tuple[str, ...]) -> None:
    pipe = tmp_path / "f.xml"
    os.mkfifo(pipe)
    started = time.monotonic()
    result = cli(*(arg.format(f=pipe) for arg in args), timeout=30)
    assert time.monotonic() - started < 10
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{pipe}: not a regular file (a named pipe)" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("treaty-diff: error:")


@needs_fifo
def test_a_file_swapped_for_a_named_pipe_after_it_was_looked_at_is_refused_without_blocking(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regular = tmp_path / "regular.xml"
    regular.write_text("<x/>")
    pipe = tmp_path / "pipe.xml"
    os.mkfifo(pipe)
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda path, *a, **k: real_stat(regular if Path(path) == pipe else path))
    with pytest.raises(InputError, match="not a regular file"):
        safe.read_limited(pipe, "pipe.xml", 1000, "a draft file")


# -- 2. devices ----------------------------------------------------------------------------------------------


@needs_devices
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("args", [("validate", "{d}"), ("show", "{d}"),
                                  ("coverage", "ppwt-2008", "--checklist", "{d}")], ids=lambda a: a[0])
def test_a_device_given_as_a_draft_or_a_checklist_is_refused_at_once(device: str, args: tuple[str, ...]) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    started = time.monotonic()
    result = cli(*(arg.format(d=device) for arg in args), timeout=30)
    assert time.monotonic() - started < 10
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{device}: not a regular file (a character device)" in result.stderr


def test_a_file_longer_than_it_says_is_read_no_further_than_the_limit(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # A /proc or FUSE file may say it is empty and hold more: the read itself stops at the limit.
    path = tmp_path / "growing.xml"
    path.write_bytes(b"x" * 5000)
    def says_empty(real: Callable[..., os.stat_result]) -> Callable[..., os.stat_result]:
        def stat_(*args: object, **kwargs: object) -> os.stat_result:
            found = real(*args, **kwargs)
            return os.stat_result((found.st_mode, found.st_ino, found.st_dev, found.st_nlink, found.st_uid,
                                   found.st_gid, 0, 0, 0, 0))
        return stat_

    monkeypatch.setattr(os, "stat", says_empty(os.stat))
    monkeypatch.setattr(os, "fstat", says_empty(os.fstat))
    with pytest.raises(InputError, match="more than 1000 bytes; the limit for a draft file is 1000"):
        safe.read_limited(path, "growing.xml", 1000, "a draft file")


# -- 3. DOCX numbering ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["lowerLetter", "upperRoman", "decimal", "ordinalText"])
def test_a_list_that_starts_at_ten_to_the_eleventh_imports_at_once_with_a_warning(tmp_path: Path, run: Run,
                                                                                   fmt: str) -> None:
    path = numbered_docx(tmp_path / "numbers.docx", fmt=fmt, start="100000000000")
    started = time.monotonic()
    result = run("import", str(path), "-o", str(tmp_path / "out.xml"), "--date", "2000-01-01",
                 "--provenance", "verbatim")
    assert time.monotonic() - started < 5
    assert result.code == 0, result.err
    assert "starts at 100000000000, which no list reaches; read as 32767" in result.err
    assert (tmp_path / "out.xml").stat().st_size < 20_000


def test_a_list_that_starts_at_ten_to_the_eleventh_compares_at_once(tmp_path: Path, run: Run) -> None:
    path = numbered_docx(tmp_path / "numbers.docx", fmt="upperRoman", start="100000000000")
    started = time.monotonic()
    result = run("compare", str(path), str(path), "--format", "json", "-o", str(tmp_path / "c.json"))
    assert time.monotonic() - started < 10
    assert result.code == 0, result.err


def test_a_number_too_large_for_letters_or_roman_numerals_is_shown_in_decimal() -> None:
    notices: list[Notice] = []
    numbering = docx_numbering.Numbering({}, {}, {}, docx_numbering.Styles({}, None), notices)
    assert numbering._format(28, "lowerLetter") == "bb"
    assert numbering._format(780, "upperLetter") == "Z" * 30
    assert numbering._format(781, "lowerLetter") == "781"
    assert numbering._format(3999, "upperRoman") == "MMMCMXCIX"
    assert numbering._format(4000, "lowerRoman") == "4000"
    assert len(notices) == 2


def test_a_level_text_of_a_hundred_thousand_numbers_is_cut_and_read_at_once(tmp_path: Path) -> None:
    path = numbered_docx(tmp_path / "long.docx", level_text="%1." * 100_000)
    started = time.monotonic()
    result = import_file(path, ImportOptions(date="2000-01-01", provenance="verbatim"))
    assert time.monotonic() - started < 5
    assert any("only its first 255 are read" in warning for warning in result.warnings)


def test_a_paragraph_at_list_level_a_billion_is_read_at_the_last_level(tmp_path: Path) -> None:
    path = numbered_docx(tmp_path / "deep.docx", item_level=1_000_000_000)
    result = import_file(path, ImportOptions(date="2000-01-01", provenance="verbatim"))
    assert any("list level 1000000000" in warning for warning in result.warnings)


def test_a_chain_of_a_hundred_thousand_styles_is_followed_no_further_than_a_few(tmp_path: Path) -> None:
    path = chained_styles_docx(tmp_path / "styles.docx", chain=100_000, paragraphs=2_000)
    started = time.monotonic()
    result = import_file(path, ImportOptions(date="2000-01-01", provenance="verbatim"))
    assert time.monotonic() - started < 10
    assert "point 1999;" in result.draft.articles[0].text


# -- 4. --author ---------------------------------------------------------------------------------------------


def test_an_author_longer_than_word_accepts_is_refused_with_one_line(tmp_path: Path, run: Run) -> None:
    target = tmp_path / "r.docx"
    line = error_line(run("compare", "ppwt-2008", "ppwt-2014", "--author", "A" * 256, "-o", str(target)))
    assert "at most 255 characters" in line
    assert not target.exists()
    assert run("compare", "ppwt-2008", "ppwt-2014", "--author", "A" * 255, "-o", str(target)).code == 0


@pytest.mark.parametrize("author", ["Eve\u202e", "a\x01b", "a\x85b"])
def test_an_author_with_an_invisible_or_control_character_is_refused(tmp_path: Path, run: Run, author: str) -> None:
    assert "--author" in error_line(run("compare", "ppwt-2008", "ppwt-2014", "--author", author,
                                        "-o", str(tmp_path / "r.docx")))


# -- 5. never over an input, never inside the package --------------------------------------------------------


@pytest.fixture
def bundled_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled drafts and checklists served from a copy in tmp_path, as an installed package would."""
    drafts = tmp_path / "installed" / "drafts"
    shutil.copytree(DRAFTS, drafts)
    checklists = tmp_path / "installed" / "checklists"
    shutil.copytree(Path(checklist_module.__file__).resolve().parent.parent / "checklists", checklists)
    monkeypatch.setattr(corpus, "_corpus_dir", lambda: drafts)
    monkeypatch.setattr(checklist_module, "_package", lambda: checklists)
    return tmp_path / "installed"


def test_a_report_is_never_written_over_a_bundled_draft_or_checklist(bundled_copy: Path, run: Run) -> None:
    draft = bundled_copy / "drafts" / "ppwt-2008.xml"
    paros = bundled_copy / "checklists" / "paros.xml"
    before = draft.read_bytes(), paros.read_bytes()
    assert "refusing to overwrite an input file" in error_line(
        run("compare", "ppwt-2008", "ppwt-2014", "-o", str(draft)))
    assert "refusing to overwrite an input file" in error_line(run("coverage", "ppwt-2008", "-o", str(paros)))
    assert "refusing to write inside the treaty-diff package" in error_line(
        run("compare", "ost-1967", "ptbt-1963", "-o", str(draft)))
    assert (draft.read_bytes(), paros.read_bytes()) == before
    assert run("list").code == 0


def test_a_link_to_an_input_is_not_written_through(bundled_copy: Path, tmp_path: Path, run: Run) -> None:
    draft = bundled_copy / "drafts" / "ppwt-2014.xml"
    before = draft.read_bytes()
    (tmp_path / "soft.xml").symlink_to(draft)
    os.link(draft, tmp_path / "hard.xml")
    for name in ("soft.xml", "hard.xml"):
        assert "refusing to overwrite" in error_line(run("compare", "ppwt-2008", "ppwt-2014",
                                                         "-o", str(tmp_path / name)))
    assert draft.read_bytes() == before


def test_nothing_is_written_inside_the_installed_package(run: Run) -> None:
    target = Path(treaty_diff.__file__).resolve().parent / "hardening-probe.json"
    try:
        assert "refusing to write inside the treaty-diff package" in error_line(
            run("compare", "ptbt-1963", "ptbt-1963", "--format", "json", "-o", str(target)))
        assert not target.exists()
    finally:
        target.unlink(missing_ok=True)


def test_standard_output_appended_to_an_input_is_refused(tmp_path: Path) -> None:
    draft = tmp_path / "mine.xml"
    shutil.copy(DRAFTS / "ptbt-1963.xml", draft)
    before = draft.read_bytes()
    with draft.open("ab") as appended:
        result = cli("compare", str(draft), "ost-1967", stdout=appended, stderr=subprocess.PIPE)
    assert "standard output is the input file" in error_line(result)
    assert draft.read_bytes() == before


# -- 6. signals ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["INT", "TERM"])
def test_a_signal_during_the_write_ends_with_one_line_and_leaves_no_temporary_file(tmp_path: Path, signum: int,
                                                                                    code: int) -> None:
    script, marker = slowed_cli_script(tmp_path, "os", "fsync")
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.Popen([sys.executable, str(script), "compare", "ppwt-2008", "ppwt-2014", "--format", "json",
                                "-o", str(out / "report.json")], stderr=subprocess.PIPE, text=True)
    wait_for(marker.exists)
    assert leftovers(out) != []  # the write is under way
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode == code
    assert err == "treaty-diff: interrupted\n"
    assert os.listdir(out) == []


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["INT", "TERM"])
def test_a_signal_while_comparing_ends_with_one_line(tmp_path: Path, signum: int, code: int) -> None:
    script, marker = slowed_cli_script(tmp_path, "treaty_diff.compare", "compare")
    process = subprocess.Popen([sys.executable, str(script), "compare", "ppwt-2008", "ppwt-2014"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(marker.exists)
    process.send_signal(signum)
    out, err = process.communicate(timeout=60)
    assert (process.returncode, out, err) == (code, "", "treaty-diff: interrupted\n")


# -- 7. closed and full standard output ----------------------------------------------------------------------


def _closed_stdout() -> None:
    os.close(1)


@pytest.mark.parametrize("args", [("compare", "ppwt-2008", "ppwt-2014"), ("list",),
                                  ("compare", "ppwt-2008", "ppwt-2014", "--format", "docx")], ids=" ".join)
def test_a_closed_standard_output_is_one_error(args: tuple[str, ...]) -> None:
    result = cli(*args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_closed_stdout)
    assert error_line(result) == "treaty-diff: error: standard output is closed"


def test_a_report_to_a_file_needs_no_standard_output(tmp_path: Path) -> None:
    result = cli("compare", "ppwt-2008", "ppwt-2014", "--format", "json", "-o", str(tmp_path / "r.json"),
                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_closed_stdout)
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr
    assert (tmp_path / "r.json").read_text().startswith("{")


def _closed_standard_streams() -> None:
    for descriptor in (0, 1, 2):
        os.close(descriptor)


def test_closed_standard_streams_change_nothing_but_what_can_be_said(tmp_path: Path) -> None:
    options: dict[str, Any] = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL,
                               "stderr": subprocess.DEVNULL, "preexec_fn": _closed_standard_streams}
    assert cli("compare", "ppwt-2008", "ppwt-2014", "-o", str(tmp_path / "r.json"), **options).returncode == 0
    assert (tmp_path / "r.json").read_text().startswith("{")
    assert cli("compare", "ppwt-2008", str(tmp_path / "missing.xml"), **options).returncode == 2


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_standard_output_is_one_error() -> None:
    with open("/dev/full", "w") as full:
        result = cli("compare", "ppwt-2008", "ppwt-2014", stdout=full, stderr=subprocess.PIPE)
    assert error_line(result) == "treaty-diff: error: cannot write the output: No space left on device"


# -- 8. limits that agree --------------------------------------------------------------------------------------


def test_a_text_over_the_text_limit_is_refused_at_once(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as stream:
        stream.truncate(10_483_857)  # the audit's file size, over the text limit
    started = time.monotonic()
    line = error_line(run("import", str(path), "-o", str(tmp_path / "big.xml")))
    assert time.monotonic() - started < 1
    assert f"file too large (10483857 bytes; the limit for a text file is {MAX_TEXT_BYTES})" in line


def test_a_text_whose_draft_would_not_fit_a_draft_file_is_refused_plainly(tmp_path: Path, run: Run,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(akn_reader, "MAX_BYTES", 40_000)
    articles = "".join(f"Article {n}\n\n1. Each Party shall:\n\n(a) act;\n\n(b) rest.\n\n" for n in range(1, 120))
    path = tmp_path / "dense.txt"
    path.write_text("Treaty\n\nThe Parties,\n\nHave agreed as follows:\n\n" + articles, encoding="utf-8")
    assert path.stat().st_size < 40_000
    line = error_line(run("import", str(path), "-o", str(tmp_path / "dense.xml"), "--provenance", "verbatim"))
    assert "would be" in line and "the limit for a draft file is 40000" in line
    assert "please report" not in line


def test_what_import_writes_the_reader_reads(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(akn_reader, "MAX_BYTES", 40_000)
    articles = "".join(f"Article {n}\n\nEach Party shall act.\n\n" for n in range(1, 60))
    path = tmp_path / "small.txt"
    path.write_text("Treaty\n\nThe Parties,\n\nHave agreed as follows:\n\n" + articles, encoding="utf-8")
    assert run("import", str(path), "-o", str(tmp_path / "small.xml"), "--provenance", "verbatim").code == 0
    assert run("validate", str(tmp_path / "small.xml")).code == 0


def test_a_text_of_too_many_paragraphs_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    text = "Treaty\n\nThe Parties,\n\nHave agreed as follows:\n\nArticle 1\n\n" + "(a) x;\n\n" * 60_000
    started = time.monotonic()
    with pytest.raises(InputError, match=f"too many paragraphs .*limit for an imported draft is "
                                         f"{import_run.MAX_PARAGRAPHS}"):
        import_text(text, "many.txt", ImportOptions(provenance="verbatim"))
    assert time.monotonic() - started < 3


# -- 9. the error line last --------------------------------------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_on_an_error_a_few_warnings_come_first_and_the_error_line_last(tmp_path: Path, run: Run) -> None:
    source = tmp_path / "x.txt"
    warnings = "".join(f"\n\n{n}" for n in range(2, 12))  # lone page numbers: one warning each
    source.write_text("Treaty\n\nThe Parties,\n\nHave agreed as follows:\n\nArticle 1\n\nEach Party shall act."
                      + warnings + "\n", encoding="utf-8")
    result = run("import", str(source), "-o", "/dev/full")
    lines = result.err.strip().splitlines()
    assert result.code == 2
    assert lines[-1] == "treaty-diff: error: /dev/full: cannot write: No space left on device"
    assert sum(line.startswith("treaty-diff: error:") for line in lines) == 1
    assert sum(line.startswith("treaty-diff: warning:") for line in lines) == 3
    assert "more warning(s) and note(s) not shown" in lines[-2]


def test_on_success_every_warning_and_note_is_printed(tmp_path: Path, run: Run) -> None:
    source = tmp_path / "x.txt"
    source.write_text("Treaty\n\nThe Parties,\n\nHave agreed as follows:\n\nArticle 1\n\nEach Party shall act."
                      + "".join(f"\n\n{n}" for n in range(2, 12)) + "\n", encoding="utf-8")
    result = run("import", str(source), "-o", str(tmp_path / "x.xml"))
    assert result.code == 0
    assert result.err.count("warning:") >= 10 and "note:" in result.err


# -- 10. bare treaty-diff ------------------------------------------------------------------------------------------


def test_bare_treaty_diff_writes_usage_to_stderr_and_exits_2(run: Run) -> None:
    result = run()
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("Usage: treaty-diff")
    assert result.err.strip().splitlines()[-1] == "treaty-diff: error: missing command (see 'treaty-diff --help')"


# -- bidi and invisible characters ---------------------------------------------------------------------------------


def test_a_right_to_left_override_in_a_draft_is_a_warning_naming_the_provision(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "trojan.xml"
    path.write_text(article_ii_with("shall \u202eecalp ton\u202c take measures"), encoding="utf-8")
    result = run("show", str(path), "--article", "III")
    assert result.code == 0
    assert "warning: " + str(path) + ": Article III holds U+202C POP DIRECTIONAL FORMATTING, U+202E RIGHT-TO-LEFT" \
           " OVERRIDE" in result.err
    assert "\u202e" in result.out  # a pipe gets the text as it is


def test_on_a_terminal_hidden_characters_are_shown_as_markers(tmp_path: Path, run: Run,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "trojan.xml"
    path.write_text(article_ii_with("shall \u202eecalp ton\u202c take \u009b measures"), encoding="utf-8")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    result = run("show", str(path), "--article", "III")
    assert "shall <U+202E>ecalp ton<U+202C> take <U+009B> measures" in result.out
    assert "\u202e" not in result.out and "\u009b" not in result.out


def test_an_imported_text_with_a_bidi_override_warns_and_strict_refuses_it(tmp_path: Path) -> None:
    text = "Treaty\n\nThe Parties,\n\nHave agreed as follows:\n\nArticle 1\n\nEach Party shall \u2066not\u2069 act.\n"
    result = import_text(text, "t.txt", ImportOptions(provenance="verbatim"))
    assert any("Article 1 holds U+2066 LEFT-TO-RIGHT ISOLATE" in warning for warning in result.warnings)
    with pytest.raises(InputError, match=r"U\+2066"):
        import_text(text, "t.txt", ImportOptions(provenance="verbatim", strict=True))


def test_obligations_read_the_characters_as_they_are(tmp_path: Path, run: Run) -> None:
    path = tmp_path / "trojan.xml"
    path.write_text(article_ii_with("shall \u202eecalp ton\u202c take measures"), encoding="utf-8")
    result = run("obligations", str(path), "--format", "json")
    assert result.code == 0, result.err
    assert "\\u202e" in result.out.lower() or "\u202e" in result.out


# -- an article without a num --------------------------------------------------------------------------------------


def test_an_article_without_a_num_is_refused_naming_the_file_and_line(tmp_path: Path, run: Run) -> None:
    source = (DRAFTS / "ptbt-1963.xml").read_text(encoding="utf-8")
    line_no = source[: source.index("<num>Article II</num>")].count("\n") + 1
    path = tmp_path / "nonum.xml"
    path.write_text(source.replace("<num>Article II</num>", "", 1), encoding="utf-8")
    line = error_line(run("show", str(path)))
    assert line.startswith(f"treaty-diff: error: {path}:")
    assert "an article needs a <num>" in line
    assert f":{line_no - 1}:" in line or f":{line_no}:" in line


def test_every_bundled_draft_and_every_source_text_gives_each_article_a_num() -> None:
    for draft in corpus.load_corpus():
        assert all(article.num for article in draft.articles), draft.id
    for source in sorted((REPO / "tests" / "data" / "sources").glob("*-en.txt")):
        imported = import_file(source).draft
        assert all(article.num for article in imported.articles), source.name


# -- zip entries -------------------------------------------------------------------------------------------------------


def test_a_docx_of_400003_entries_is_refused_before_any_entry_is_parsed(tmp_path: Path, run: Run) -> None:
    path = zip_with_entries(tmp_path / "many.docx", 400_003)
    started = time.monotonic()
    line = error_line(run("import", str(path), "-o", str(tmp_path / "many.xml")))
    assert time.monotonic() - started < 1
    assert "400003 entries in the package (the limit is 10000)" in line


def test_the_entry_count_is_read_from_a_plain_end_record_too(tmp_path: Path) -> None:
    path = zip_with_entries(tmp_path / "some.docx", docx_package.MAX_ENTRIES + 1)
    with pytest.raises(InputError, match=f"{docx_package.MAX_ENTRIES + 1} entries"):
        import_file(path)


def test_the_zip_maker_makes_real_archives(tmp_path: Path) -> None:
    # What the two tests above refuse must be genuine archives, with or without ZIP64 end records.
    for count in (3, 70_000):
        with zipfile.ZipFile(zip_with_entries(tmp_path / f"z{count}.zip", count)) as archive:
            assert len(archive.infolist()) == count


def test_a_readable_docx_under_the_limits_still_imports(tmp_path: Path) -> None:
    path = numbered_docx(tmp_path / "ok.docx")
    result = import_file(path, ImportOptions(date="2000-01-01", provenance="verbatim"))
    assert "(a) apples;" in result.draft.articles[0].text


def test_a_directory_and_a_missing_file_keep_their_messages(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory, not a draft file"):
        akn_reader.read_draft(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        akn_reader.read_draft(tmp_path / "missing.xml")
