"""Recitals (and paragraphs) that are condensed into one or cut in two: one merged or split block pair, and every
report says so (issue 17).

The preambles are modelled on two successive General Assembly resolutions on the prevention of an arms race in
outer space (reworded for the test: not the official texts).
"""

from __future__ import annotations

import json
from pathlib import Path

from support.cli import Result, Run

from treaty_diff.align import align
from treaty_diff.model.alignment import BlockPair
from treaty_diff.model.draft import Draft
from treaty_diff.read.akn import draft_to_xml
from treaty_diff.testing.generate import draft_from_texts

EARLIER = [
    "Recognizing the common interest of all mankind in the exploration and use of outer space for peaceful purposes,",
    "Reaffirming the will of all States that the exploration and use of outer space, including the Moon and other "
    "celestial bodies, shall be for peaceful purposes and shall be carried out for the benefit and in the interest "
    "of all countries, irrespective of their degree of economic or scientific development,",
    "Recalling the obligation of all States to observe the provisions of the Charter of the United Nations regarding "
    "the use or threat of use of force in their international relations, including in their space activities,",
    "Recalling its resolution 68/29 of 5 December 2013 on the prevention of an arms race in outer space,",
    "Recalling also its resolution 69/31 of 2 December 2014 on no first placement of weapons in outer space,",
    "Recognizing that prevention of an arms race in outer space would avert a grave danger for international peace "
    "and security,",
    "Emphasizing the paramount importance of strict compliance with existing arms limitation and disarmament "
    "agreements relevant to outer space, including bilateral agreements, and with the existing legal regime "
    "concerning the use of outer space,",
    "Noting the contributions of Member States to the work of the Conference on Disarmament on the prevention of an "
    "arms race in outer space,",
]
CONDENSED = ("Recalling its resolutions 68/29 of 5 December 2013 and 69/31 of 2 December 2014 on the prevention of an "
             "arms race in outer space and on no first placement of weapons in outer space,")
LATER = [
    EARLIER[0],
    EARLIER[1].replace("irrespective of their degree", "whatever their degree"),
    EARLIER[2],
    CONDENSED,
    EARLIER[5],
    EARLIER[6],
    "Noting with appreciation the contributions of Member States to the work of the Conference on Disarmament in "
    "2015 on the prevention of an arms race in outer space,",
]
OPERATIVE = [["Requests the Conference on Disarmament to establish a working group on the prevention of an arms race "
              "in outer space."]]


def _resolution(name: str, recitals: list[str]) -> Draft:
    return draft_from_texts(name, OPERATIVE, preamble=recitals)


def _recital_pairs(old: Draft, new: Draft) -> list[BlockPair]:
    return list(next(p for p in align(old, new).pairs if p.old == ("preamble",)).blocks)


def _rec(*numbers: int) -> tuple[str, ...]:
    return tuple(f"preamble__recs__rec_{n}" for n in numbers)


def test_two_recitals_condensed_into_one_are_one_merged_pair_and_the_others_keep_their_partners() -> None:
    pairs = {(b.old, b.new): b for b in _recital_pairs(_resolution("a", EARLIER), _resolution("b", LATER))}
    assert pairs[(_rec(4, 5), _rec(4))].kind == "merged"
    assert [pairs[(_rec(n), _rec(m))].kind for n, m in ((1, 1), (2, 2), (3, 3), (6, 5), (7, 6), (8, 7))] == [
        "unchanged", "modified", "unchanged", "unchanged", "unchanged", "modified"]
    assert not any(b.moved for b in pairs.values())


def test_a_recital_cut_in_two_is_one_split_pair() -> None:
    first, second = EARLIER[1].split(", shall be for peaceful purposes")
    later = [EARLIER[0], first + ",", "Reaffirming also that it shall be for peaceful purposes" + second,
             *EARLIER[2:]]
    pairs = {(b.old, b.new): b for b in _recital_pairs(_resolution("a", EARLIER), _resolution("b", later))}
    assert pairs[(_rec(2), _rec(2, 3))].kind == "split"


def _compare(run: Run, tmp_path: Path, *args: str) -> Result:
    old, new = tmp_path / "res-2014.xml", tmp_path / "res-2015.xml"
    old.write_bytes(draft_to_xml(_resolution("res-2014", EARLIER)))
    new.write_bytes(draft_to_xml(_resolution("res-2015", LATER)))
    result = run("compare", str(old), str(new), *args)
    assert result.code == 0, result.err
    return result


def test_the_text_report_says_that_two_recitals_were_merged(run: Run, tmp_path: Path) -> None:
    out = _compare(run, tmp_path, "--no-color").out
    assert "The preamble is amended; recitals 4 and 5 are merged into recital 4." in out


def test_the_json_report_says_that_two_recitals_were_merged(run: Run, tmp_path: Path) -> None:
    data = json.loads(_compare(run, tmp_path, "--format", "json").out)
    preamble = next(c for c in data["changes"] if c["old"] == ["preamble"])
    assert "recitals 4 and 5 are merged into recital 4" in preamble["description"]
    merged = [p for p in preamble["parts"] if p["kind"] == "merged"]
    assert [([line["eId"] for line in p["old"]], [line["eId"] for line in p["new"]]) for p in merged] == [
        (list(_rec(4, 5)), list(_rec(4)))]
