"""Hostile and broken input: each gives a correct result or one clear InputError, quickly, never a traceback.

The hostile files are made here in ``tmp_path``; none is committed.
"""

from __future__ import annotations

import io
import os
import struct
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treaty_diff.errors import InputError
from treaty_diff.read.importers import MAX_TEXT_BYTES, ImportOptions, import_file, import_text
from treaty_diff.read.importers import docx_package as docx_reader  # where the DOCX limits are read

TREATY = (
    "Treaty on Hostile Files\n\nThe Parties,\n\nConsidering that files may be hostile,\n\n"
    "Have agreed as follows:\n\nArticle 1\n\nEach Party shall read files carefully.\n"
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def document_xml(paragraphs: list[str], body_extra: str = "") -> str:
    ps = "".join(f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>' for text in paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{ps}{body_extra}'
            "</w:body></w:document>")


def write_zip(path: Path, parts: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def minimal_docx(path: Path, document: str | None = None, extra: dict[str, str | bytes] | None = None) -> Path:
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/document.xml": document if document is not None else document_xml(
            [p for p in TREATY.split("\n") if p]),
    }
    parts.update(extra or {})
    return write_zip(path, parts)


def test_a_minimal_hand_made_docx_imports(tmp_path: Path) -> None:
    result = import_file(minimal_docx(tmp_path / "ok.docx"), ImportOptions(date="2020-01-01"))
    assert result.draft.articles[0].text == "Article 1\n\nEach Party shall read files carefully."


# -- DOCX ----------------------------------------------------------------------------------------------------


def test_a_docx_that_is_not_a_zip_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text(TREATY, encoding="utf-8")
    with pytest.raises(InputError, match="not a ZIP archive"):
        import_file(path)


def test_a_zip_without_a_word_document_is_a_clear_error(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "other.docx", {"hello.txt": "hi"})
    with pytest.raises(InputError, match="not a Word document"):
        import_file(path)


def test_a_zip_bomb_is_refused_by_its_declared_size_without_inflating_it(tmp_path: Path) -> None:
    bomb = minimal_docx(tmp_path / "bomb.docx",
                        document=document_xml(["x"]) + " " * (docx_reader.MAX_PART_BYTES + 1))
    assert bomb.stat().st_size < 1024 * 1024
    started = time.perf_counter()
    with pytest.raises(InputError, match="zip bomb"):
        import_file(bomb)
    assert time.perf_counter() - started < 2


def _lie_about_size(path: Path, name: str, declared: int) -> None:
    """Rewrite the ZIP headers so that ``name`` declares ``declared`` uncompressed bytes."""
    data = bytearray(path.read_bytes())
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46 : position + 46 + length] == name.encode():
            struct.pack_into("<I", data, position + 24, declared)
            local = struct.unpack_from("<I", data, position + 42)[0]
            struct.pack_into("<I", data, local + 22, declared)
            path.write_bytes(bytes(data))
            return
        position = data.find(b"PK\x01\x02", position + 4)
    raise AssertionError(f"{name} not in {path}")


def test_a_part_that_inflates_to_more_than_it_declares_is_stopped_with_a_clear_error(tmp_path: Path,
                                                                                      monkeypatch: pytest.MonkeyPatch
                                                                                      ) -> None:
    monkeypatch.setattr(docx_reader, "MAX_PART_BYTES", 64 * 1024)
    path = minimal_docx(tmp_path / "liar.docx", document=document_xml(["x"]) + " " * (1024 * 1024))
    _lie_about_size(path, "word/document.xml", 1000)
    with pytest.raises(InputError) as raised:
        import_file(path)
    assert "liar.docx" in str(raised.value)
    assert "zip bomb" in str(raised.value) or "damaged DOCX" in str(raised.value)


def test_the_total_cap_refuses_the_parts_by_their_declared_sizes_before_inflating_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = minimal_docx(tmp_path / "big.docx", document=document_xml(["x"]) + " " * (300 * 1024))
    monkeypatch.setattr(docx_reader, "MAX_TOTAL_BYTES", 200 * 1024)
    with pytest.raises(InputError, match="the parts read declare more than 204800 bytes"):
        import_file(path)


def test_an_external_relationship_is_not_followed_and_is_reported(tmp_path: Path) -> None:
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/attachedTemplate" Target="http://127.0.0.1:9/evil.dotm" TargetMode="External"/>'
        '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>'
    )
    path = minimal_docx(tmp_path / "external.docx", extra={"word/_rels/document.xml.rels": rels})
    result = import_file(path, ImportOptions(date="2020-01-01", provenance="verbatim"))
    assert len(result.warnings) == 1
    assert "external 'attachedTemplate'" in result.warnings[0] and "not followed" in result.warnings[0]
    with pytest.raises(InputError, match="not followed"):
        import_file(path, ImportOptions(date="2020-01-01", strict=True))


@pytest.mark.parametrize("payload", [
    '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
])
def test_a_document_type_declaration_in_a_part_is_refused(tmp_path: Path, payload: str) -> None:
    body = document_xml(["&b;"]).replace('<?xml version="1.0" encoding="UTF-8"?>', payload)
    path = minimal_docx(tmp_path / "dtd.docx", document=body)
    with pytest.raises(InputError, match="document type declaration"):
        import_file(path)


def test_malformed_xml_in_a_docx_is_a_clear_error(tmp_path: Path) -> None:
    path = minimal_docx(tmp_path / "broken.docx", document="<w:document><w:body>")
    with pytest.raises(InputError, match="damaged DOCX"):
        import_file(path)


def test_a_truncated_docx_is_a_clear_error(tmp_path: Path) -> None:
    whole = minimal_docx(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InputError):
        import_file(path)


# -- text ----------------------------------------------------------------------------------------------------


def test_a_100_mb_text_file_is_refused_at_once_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(100 * 1024 * 1024)  # sparse: nothing is written
    started = time.perf_counter()
    with pytest.raises(InputError, match=f"the limit for a text file is {MAX_TEXT_BYTES}"):
        import_file(path)
    assert time.perf_counter() - started < 0.5


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with pytest.raises(InputError, match="not a regular file"):
        import_file(path)


def test_a_binary_file_is_a_clear_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"Article 1\n\nText\n\x00\x01\x02\x89PNG")
    with pytest.raises(InputError, match="NUL bytes") as raised:
        import_file(path)
    assert raised.value.line == 4


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_text_with_a_byte_order_mark_is_read_correctly(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bom.txt"
    text = TREATY.replace("carefully", "carefully — “always”")
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    result = import_file(path, ImportOptions(date="2020-01-01", provenance="verbatim"))
    assert result.draft.articles[0].blocks[0].text == "Each Party shall read files carefully — “always”."
    assert result.warnings == ()


def test_latin_1_text_is_read_as_windows_1252_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(TREATY.replace("carefully", "carefully, à propos").encode("latin-1"))
    result = import_file(path, ImportOptions(date="2020-01-01", provenance="verbatim"))
    assert result.draft.articles[0].blocks[0].body == "Each Party shall read files carefully, à propos."
    assert result.warnings == (f"{path}:11: not valid UTF-8; read as Windows-1252 (Latin-1). Check accented "
                               "letters and quotes, or save the file as UTF-8",)
    with pytest.raises(InputError, match="not valid UTF-8"):
        import_file(path, ImportOptions(date="2020-01-01", strict=True))


def test_bytes_that_are_neither_utf_8_nor_windows_1252_are_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "neither.txt"
    path.write_bytes(TREATY.encode() + b"\x81\x8d\n")
    with pytest.raises(InputError, match="neither UTF-8 nor Windows-1252"):
        import_file(path)


def test_a_control_character_that_xml_forbids_is_an_error_naming_its_line(tmp_path: Path) -> None:
    path = tmp_path / "control.txt"
    path.write_text(TREATY.replace("read files", "read\x1b[31m files"), encoding="utf-8")
    with pytest.raises(InputError, match="control character U\\+001B") as raised:
        import_file(path)
    assert raised.value.line == 11
    assert str(raised.value).startswith(f"{path}:11: ")


def test_form_feeds_from_pdf_page_breaks_and_crlf_line_ends_are_read(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(TREATY.replace("\n\nArticle 1", "\n\n\fArticle 1").replace("\n", "\r\n").encode())
    result = import_file(path, ImportOptions(date="2020-01-01"))
    assert result.draft.articles[0].num == "Article 1"


@pytest.mark.parametrize("name", ["empty.txt", "empty.docx"])
def test_an_empty_file_is_a_clear_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(InputError):
        import_file(path)


def test_a_missing_file_a_directory_and_an_unknown_ending_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        import_file(tmp_path / "missing.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(InputError, match="directory"):
        import_file(tmp_path / "dir.txt")
    with pytest.raises(InputError, match=r"expected \.txt, \.docx"):
        import_file(tmp_path / "draft.rtf")


FRAGMENTS = st.sampled_from([
    "Article 1", "ARTICLE II - Scope", "Art. 3", "1.", "2)", "(a)", "(i)", "(ii)", "a)", "The Parties,",
    "Have agreed as follows:", "For the purposes of this Treaty:", 'the term "x" means y;', "IN WITNESS WHEREOF",
    "DONE at Geneva on 1 May 2001.", "For the Government of X:", "- 3 -", "Preamble", "PART I", "shall", ":", ";",
    ".", ",", "\n", "\n\n", " ", "\t", "é", "“", "第一条", "\u2028", "\x85",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=40))
def test_any_text_gives_a_valid_draft_or_one_input_error(parts: list[str]) -> None:
    text = " ".join(parts)
    try:
        result = import_text(text, "fuzz.txt", ImportOptions(date="2020-01-01"))
    except InputError as error:
        assert str(error).startswith("fuzz.txt")
        assert "not valid" not in error.message or "imported draft" not in error.message
        return
    assert result.draft.provisions  # structure is never required: any text is a draft


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_in_a_docx_give_a_draft_or_one_input_error(data: bytes) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", data)
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"fuzz-{os.getpid()}.docx"
    path.write_bytes(buffer.getvalue())
    try:
        import_file(path)
    except InputError:
        pass
    finally:
        path.unlink()


# -- headers and strict mode ---------------------------------------------------------------------------------


def test_a_file_of_only_header_lines_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "header.txt"
    path.write_text("# title: Article 1\n# reconstructed: Article 1\n# Article 2\n", encoding="utf-8")
    with pytest.raises(InputError, match="no text: the file has only blank lines"):
        import_file(path)


def test_strict_mode_refuses_a_text_whose_provenance_is_only_assumed(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(TREATY, encoding="utf-8")
    with pytest.raises(InputError, match="provenance not given"):
        import_file(path, ImportOptions(date="2020-01-01", strict=True))
    assert import_file(path, ImportOptions(provenance="verbatim", strict=True)).warnings == ()
