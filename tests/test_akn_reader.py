"""Reading drafts: bad input of every kind gives one clear line naming the file, and exit status 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import DRAFTS
from support.cli import Result, Run

from treaty_diff.errors import InputError
from treaty_diff.read.akn import read_draft
from treaty_diff.read.akn.reader import MAX_BYTES

GOOD = (DRAFTS / "ptbt-1963.xml").read_text(encoding="utf-8")

XXE = """<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><bill name="treaty">&xxe;</bill></akomaNtoso>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lolz>&lol9;</lolz>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def one_error_line(result: Result, path: str) -> str:
    assert result.code == 2
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    assert path in lines[0]
    return lines[0]


def test_malformed_xml_names_the_file_and_the_line(tmp_path: Path, run: Run) -> None:
    path = write(tmp_path, "broken.xml", GOOD.replace("</preamble>", "</preambel>", 1))
    line = one_error_line(run("show", str(path)), str(path))
    assert "malformed XML" in line
    expected_line = GOOD[: GOOD.index("</preamble>")].count("\n") + 1
    assert f"{path}:{expected_line}:" in line


def test_an_empty_file_is_refused(tmp_path: Path, run: Run) -> None:
    path = write(tmp_path, "empty.xml", "")
    assert "empty file" in one_error_line(run("show", str(path)), str(path))


def test_a_directory_is_refused(tmp_path: Path, run: Run) -> None:
    assert "is a directory" in one_error_line(run("show", str(tmp_path)), str(tmp_path))


def test_a_missing_file_is_refused(tmp_path: Path, run: Run) -> None:
    path = str(tmp_path / "nowhere.xml")
    assert "no such file" in one_error_line(run("show", path), path)


def test_an_unknown_corpus_id_lists_the_bundled_drafts(run: Run) -> None:
    line = one_error_line(run("show", "ppwt-2099"), "ppwt-2099")
    assert "ppwt-2008" in line and "moon-1979" in line


def test_an_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Run) -> None:
    path = write(tmp_path, "secret.xml", GOOD)

    real_open = os.open

    def refuse(file: str | Path, flags: int, *args: int, **kwargs: int) -> int:
        if Path(file) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(file, flags, *args, **kwargs)

    # Tests run as root in CI, where chmod cannot make a file unreadable; refuse the opening itself.
    monkeypatch.setattr(os, "open", refuse)
    assert "permission denied" in one_error_line(run("show", str(path)), str(path))


def test_a_file_that_is_not_akoma_ntoso_is_refused(tmp_path: Path, run: Run) -> None:
    path = write(tmp_path, "page.xml", "<html><body><p>Article I</p></body></html>")
    line = one_error_line(run("show", str(path)), str(path))
    assert "not an Akoma Ntoso 3.0 document" in line and "<html>" in line


def test_a_schema_violation_names_the_line(tmp_path: Path, run: Run) -> None:
    text = GOOD.replace("<num>Article II</num>", "<num>Article II</num><subheading>x</subheading>", 1)
    path = write(tmp_path, "invalid.xml", text)
    line = one_error_line(run("show", str(path)), str(path))
    expected_line = text[: text.index("<subheading>")].count("\n") + 1
    assert "schema" in line and f":{expected_line}:" in line


def test_duplicate_eids_are_refused_with_both_lines(tmp_path: Path, run: Run) -> None:
    text = GOOD.replace('eId="art_2"', 'eId="art_1"', 1)
    path = write(tmp_path, "dup.xml", text)
    result = run("validate", str(path))
    assert result.code == 2
    assert "duplicate eId 'art_1'" in result.err
    assert "Traceback" not in result.err


def test_an_eid_off_the_naming_convention_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "naming.xml", GOOD.replace('eId="art_3"', 'eId="article-three"', 1))
    with pytest.raises(InputError, match="naming convention"):
        read_draft(path)


def test_text_without_provenance_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace('<td:provenance ref="art_1" status="verbatim" source="bwbv0004520"/>', "", 1)
    assert text != GOOD
    with pytest.raises(InputError, match="no provenance"):
        read_draft(write(tmp_path, "noprov.xml", text))


def test_an_external_entity_is_never_resolved(tmp_path: Path, run: Run) -> None:
    path = write(tmp_path, "xxe.xml", XXE)
    line = one_error_line(run("show", str(path)), str(path))
    assert "not allowed" in line
    assert "root:" not in line


def test_a_billion_laughs_file_is_refused_at_once(tmp_path: Path, run: Run) -> None:
    path = write(tmp_path, "lol.xml", BILLION_LAUGHS)
    assert "not allowed" in one_error_line(run("show", str(path)), str(path))


def test_a_file_over_the_size_limit_is_refused_without_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.xml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match="too large"):
        read_draft(path)


def test_validate_reports_each_file_and_fails_if_any_is_invalid(tmp_path: Path, run: Run) -> None:
    bad = write(tmp_path, "bad.xml", "<akomaNtoso")
    result = run("validate", str(DRAFTS / "ost-1967.xml"), str(bad))
    assert result.code == 2
    assert f"{DRAFTS / 'ost-1967.xml'}: valid" in result.out
    assert str(bad) in result.err


def test_validate_accepts_every_bundled_draft(run: Run) -> None:
    files = sorted(str(p) for p in DRAFTS.glob("*.xml"))
    assert len(files) == 8
    result = run("validate", *files)
    assert result.code == 0, result.err
    assert result.out.count(": valid") == len(files)


def test_reading_never_modifies_the_input(tmp_path: Path) -> None:
    path = write(tmp_path, "draft.xml", GOOD)
    before = path.read_bytes()
    read_draft(path)
    assert path.read_bytes() == before


def test_every_provenance_entry_is_checked_not_only_the_first(tmp_path: Path) -> None:
    text = GOOD.replace('<td:provenance ref="art_3" status="verbatim"', '<td:provenance ref="art_3" status="official"', 1)
    assert text != GOOD
    with pytest.raises(InputError, match="verbatim or reconstructed, not 'official'"):
        read_draft(write(tmp_path, "status.xml", text))
    text = GOOD.replace('<td:provenance ref="art_3" status="verbatim"', '<td:provenance ref="art_3" colour="red" status="verbatim"', 1)
    with pytest.raises(InputError, match="unknown attribute"):
        read_draft(write(tmp_path, "attr.xml", text))
