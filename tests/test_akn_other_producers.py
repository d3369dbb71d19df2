"""Akoma Ntoso documents written by other tools are read for their text: hierarchy as divisions, units as
provisions, what has no place in a draft kept as text and warned of, nothing dropped."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from support.cli import Run

from treaty_diff.compare import compare
from treaty_diff.read.corpus import load_draft

AKN = Path(__file__).resolve().parent / "data" / "akn"
ACT = AKN / "act-by-another-tool.xml"
RESOLUTION = AKN / "resolution-by-another-tool.xml"


def _words(path: Path) -> list[str]:
    """Every word of the document's text (outside its metadata), as the file holds it."""
    root = etree.parse(str(path)).getroot()
    for meta in root.iter("{*}meta"):
        meta.getparent().remove(meta)  # type: ignore[union-attr]
    return re.findall(r"\w+", " ".join(str(t) for t in root.itertext()))


def test_an_act_of_another_tool_keeps_its_chapters_parts_and_sections_and_every_word() -> None:
    warnings: list[str] = []
    draft = load_draft(str(ACT), on_warning=warnings.append)
    assert [(p.kind, p.label, p.parent) for p in draft.provisions] == [
        ("title", "the title", None), ("preamble", "the preamble", None),
        ("division", "Chapter 1 Interpretation", None), ("section", "Section 1", "chp_1"),
        ("division", "Chapter 2 Licensing", None), ("division", "Part 1 Licences", "chp_2"),
        ("section", "Section 2", "chp_2__part_1"), ("section", "Section 3", "chp_2__part_1"),
        ("division", "Schedule", None), ("paragraph", "paragraph 1", "hcontainer_1"),
        ("paragraph", "paragraph 2", "hcontainer_1")]
    second = draft.provision("sec_2")
    assert [(b.num, b.depth) for b in second.blocks] == [("(1)", 0), ("(2)", 0), ("(a)", 1), ("(b)", 1)]
    assert [b.text for b in draft.provision("sec_3").blocks][1:] == ["Licence Fee", "Launch R 10 000",
                                                                     "Operation R 5 000"]
    assert sorted(re.findall(r"\w+", draft.text)) == sorted(_words(ACT))
    assert (draft.meta.title, draft.meta.date, draft.meta.document_type) == ("Space Activities Act", "2024-03-01",
                                                                               "act")
    assert any("1 <table> element(s) have no place in a draft: kept as text" in w for w in warnings)
    assert any("another tool" in w and "verbatim" in w for w in warnings)


def test_a_resolution_of_another_tool_has_its_preamble_operative_paragraphs_and_notes() -> None:
    draft = load_draft(str(RESOLUTION))
    preamble = draft.provision("preamble")
    assert [b.kind for b in preamble.blocks] == ["intro", "recital", "recital"]
    assert preamble.blocks[-1].text == "Noting with concern the debris in orbit,¹ ¹ See A/78/100."
    assert [(p.label, [b.num for b in p.blocks]) for p in draft.units] == [
        ("operative paragraph 1", [None]), ("operative paragraph 2", [None, "(a)", "(b)"]),
        ("operative paragraph 3", [None])]
    assert (draft.meta.document_type, draft.meta.document_name) == ("statement", "resolution")


def test_a_document_of_another_tool_compares_with_itself_and_with_an_edited_copy(run: Run, tmp_path: Path) -> None:
    draft = load_draft(str(ACT))
    assert not compare(draft, draft).differs
    edited = tmp_path / "edited.xml"
    edited.write_text(ACT.read_text(encoding="utf-8").replace("debris mitigation.", "debris mitigation; and")
                      .replace("<tr><td><p>Operation</p></td><td><p>R 5 000</p></td></tr>", ""), encoding="utf-8")
    result = run("compare", str(ACT), str(edited), "--format", "json")
    assert result.code == 0, result.err
    assert '"modified"' in result.out and "Operation R 5 000" in result.out
