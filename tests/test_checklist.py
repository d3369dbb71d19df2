"""Reading checklists: the bundled one, and one clear InputError for each kind of bad file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from lxml import etree

from treaty_diff.errors import InputError
from treaty_diff.read.checklist import CHECKLIST_NS, bundled_checklists, load_checklist, parse_checklist, schema_path

PAROS_IDS = [
    "no-placement-orbit", "no-celestial-installation", "no-stationing-other", "no-force", "no-assistance",
    "national-measures", "tcbm", "dispute-consultation", "treaty-body-referral", "verification",
    "asat-ground-ban", "wmd-orbit-ban", "celestial-peaceful-use", "self-defence-savings", "withdrawal",
]

GOOD_ELEMENT = """
  <element id="{id}" modality="{modality}">
    <label>A label</label>
    <description>What it asks for.</description>
    <rule level="covered">
      <reason>why it covers</reason>
      <require concept="weapons"><term>weapon*</term></require>
    </rule>
  </element>"""


def _checklist(*elements: str, root: str = f'<checklist xmlns="{CHECKLIST_NS}" id="test">') -> bytes:
    body = "".join(elements) or GOOD_ELEMENT.format(id="one", modality="prohibition")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{root}\n  <title>Test</title>{body}\n</checklist>\n'.encode()


def _error(data: bytes) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_checklist(data, "bad.xml")
    return caught.value


def test_the_bundled_paros_checklist_has_exactly_the_contract_element_ids() -> None:
    checklist = load_checklist("paros")
    assert checklist.id == "paros"
    assert [e.id for e in checklist.elements] == PAROS_IDS
    for element in checklist.elements:
        assert element.label and element.description and element.modalities
        assert any(rule.level == "covered" for rule in element.rules)
        assert all(rule.reason and rule.require for rule in element.rules)


def test_the_bundled_checklists_are_valid_against_the_shipped_schema() -> None:
    schema = etree.RelaxNG(etree.parse(schema_path()))
    assert "paros" in bundled_checklists()
    for name in bundled_checklists():
        data = resources.files("treaty_diff.checklists").joinpath(f"{name}.xml").read_bytes()
        assert schema.validate(etree.fromstring(data)), (name, schema.error_log)


def test_a_checklist_file_is_read_by_path(tmp_path: Path) -> None:
    path = tmp_path / "mine.xml"
    path.write_bytes(_checklist(GOOD_ELEMENT.format(id="only", modality="right permission")))
    checklist = load_checklist(str(path))
    assert [(e.id, e.modalities) for e in checklist.elements] == [("only", ("right", "permission"))]
    assert checklist.source == str(path)


def test_an_unknown_name_is_an_error_not_a_guess() -> None:
    with pytest.raises(InputError, match="not a bundled checklist"):
        load_checklist("nonesuch")
    with pytest.raises(InputError, match="no such file"):
        load_checklist("missing/checklist.xml")


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        load_checklist(str(tmp_path))


def test_malformed_xml_gives_the_line() -> None:
    error = _error(b'<?xml version="1.0"?>\n<checklist xmlns="urn:treaty-diff:checklist:1" id="x">\n<title>T</title>\n'
                   b"<element>\n</checklist>\n")
    assert error.message.startswith("malformed XML:")
    assert error.line == 5
    assert str(error).startswith("bad.xml:5: malformed XML")


def test_an_empty_file_is_refused() -> None:
    assert "empty file" in _error(b"  \n").message


def test_document_type_declarations_and_entities_are_refused() -> None:
    data = (b'<?xml version="1.0"?>\n<!DOCTYPE checklist [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            + _checklist().split(b"\n", 1)[1].replace(b"<title>Test</title>", b"<title>&xxe;</title>"))
    error = _error(data)
    assert "document type declarations" in error.message
    assert error.line == 2


def test_the_wrong_root_element_is_named() -> None:
    error = _error(b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>')
    assert "not a checklist" in error.message and "akomaNtoso" in error.message


def test_a_schema_violation_is_one_error_with_its_line() -> None:
    missing_label = GOOD_ELEMENT.format(id="one", modality="prohibition").replace("<label>A label</label>", "")
    error = _error(_checklist(missing_label))
    assert error.message.startswith("schema:")
    assert "description" in error.message  # libxml2 names the element found where <label> was expected
    assert error.line == 6


def test_a_rule_without_terms_is_a_schema_violation() -> None:
    empty_group = GOOD_ELEMENT.format(id="one", modality="prohibition").replace("<term>weapon*</term>", "")
    assert _error(_checklist(empty_group)).message.startswith("schema:")


def test_an_unknown_modality_is_named() -> None:
    error = _error(_checklist(GOOD_ELEMENT.format(id="one", modality="prohibition forbidden")))
    assert error.message.startswith("unknown modality 'forbidden'")
    assert error.line == 4


def test_duplicate_element_ids_are_refused() -> None:
    error = _error(_checklist(GOOD_ELEMENT.format(id="same", modality="obligation"),
                              GOOD_ELEMENT.format(id="same", modality="obligation")))
    assert error.message == "duplicate element id 'same' (first at line 4)"
    assert error.line == 12


def test_an_element_that_could_never_be_covered_is_refused() -> None:
    partial_only = GOOD_ELEMENT.format(id="one", modality="obligation").replace('level="covered"', 'level="partial"')
    assert "no rule of level \"covered\"" in _error(_checklist(partial_only)).message


def test_a_badly_formed_element_id_is_a_schema_violation() -> None:
    assert _error(_checklist(GOOD_ELEMENT.format(id="Not An Id", modality="obligation"))).message.startswith(
        "schema:")
