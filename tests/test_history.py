"""The history engine on small purpose-made series: lineages through every kind of change, word-level blame,
the reinstatement rule, the order of the drafts, and naming versions and provisions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from treaty_diff.errors import UsageError
from treaty_diff.history import HistoryOptions, build_history
from treaty_diff.history.blame import carry, fresh, refine
from treaty_diff.history.order import order_series
from treaty_diff.history.reinstate import REINSTATE_THRESHOLD, agreement
from treaty_diff.history.report import find_lineage, find_version, series_report
from treaty_diff.model.draft import Draft
from treaty_diff.model.history import BlameRun, History, Lineage
from treaty_diff.model.segments import Segment
from treaty_diff.testing.generate import draft_from_texts

PLACE = "The States Parties shall not place any weapons in outer space."
FORCE = "The States Parties shall not resort to the threat or use of force against outer space objects."
MEASURES = "Each State Party shall take all necessary measures to prevent activities inconsistent with this Treaty."
CONSULT = "The States Parties shall consult one another on any question concerning the application of this Treaty."
DURATION = "This Treaty shall be of unlimited duration and may be denounced with six months notice."
DEPOSIT = "The Secretary-General of the United Nations shall be the Depositary of this Treaty."
OPTIONS = HistoryOptions(obligations=False)


def draft(draft_id: str, date: str, *articles: str | list[str]) -> Draft:
    made = draft_from_texts(draft_id, [[a] if isinstance(a, str) else a for a in articles])
    return replace(made, meta=replace(made.meta, date=date))


def lineage_of(history: History, version: int, num: str) -> Lineage:
    for lineage, occurrence in history.at(version):
        if occurrence.provision.num == num:
            return lineage
    raise AssertionError(num)


def blame_text(history: History, version: int, num: str) -> list[tuple[str, int]]:
    occurrence = lineage_of(history, version, num).occurrence(version)
    assert occurrence is not None
    return [(run.text, run.version) for run in occurrence.blame]


def test_blame_gives_each_word_the_version_that_introduced_it() -> None:
    history = build_history([
        draft("d1", "2001-01-01", FORCE),
        draft("d2", "2002-01-01", FORCE.replace("objects.", "objects of States Parties.")),
        draft("d3", "2003-01-01", FORCE.replace("shall not", "shall never").replace("objects.",
                                                                                   "objects of States Parties.")),
    ], OPTIONS)
    assert blame_text(history, 2, "Article 1") == [
        ("Article 1\n\nThe States Parties shall ", 0), ("never", 2),
        (" resort to the threat or use of force against outer space objects", 0), (" of States Parties", 1),
        (".", 0),
    ]
    assert blame_text(history, 1, "Article 1")[-2:] == [(" of States Parties", 1), (".", 0)]


def test_blame_follows_words_through_a_renumbering_and_a_move() -> None:
    history = build_history([
        draft("d1", "2001-01-01", PLACE, FORCE, MEASURES, CONSULT, DURATION),
        draft("d2", "2002-01-01", FORCE, MEASURES, CONSULT, PLACE.replace("any weapons", "any kind of weapons"),
              DURATION),
    ], OPTIONS)
    lineage = lineage_of(history, 1, "Article 4")
    assert lineage.occurrences[0].provision.num == "Article 1"
    assert lineage.cell(1).moved and lineage.cell(1).renumbered and lineage.cell(1).state == "amended"
    assert blame_text(history, 1, "Article 4") == [
        ("Article ", 0), ("4", 1), ("\n\nThe States Parties shall not place any ", 0), ("kind of ", 1),
        ("weapons in outer space.", 0)]


def test_a_split_goes_on_in_its_first_part_and_the_other_part_begins_a_lineage_split_off_from_it() -> None:
    history = build_history([
        draft("d1", "2001-01-01", [PLACE, FORCE], MEASURES, CONSULT),
        draft("d2", "2002-01-01", PLACE, FORCE + " Nor shall they threaten to.", MEASURES, CONSULT),
    ], OPTIONS)
    first, second = lineage_of(history, 1, "Article 1"), lineage_of(history, 1, "Article 2")
    assert first.occurrences[0].version == 0 and first.cell(1).split
    assert second.first == 1 and second.origin == first.id and second.cell(1).state == "new"
    event = first.event(1)
    assert second.events[0].kinds == ("split-off",) and event is not None and event.related == (second.id,)
    # the words that came from the old article keep v1; the added sentence is v2
    runs = [(text.strip(), version) for text, version in blame_text(history, 1, "Article 2")]
    assert ("Nor shall they threaten to.", 1) in runs
    assert (FORCE, 0) in runs


def test_a_merge_goes_on_in_the_first_provision_and_ends_the_others() -> None:
    history = build_history([
        draft("d1", "2001-01-01", PLACE, FORCE, MEASURES, CONSULT),
        draft("d2", "2002-01-01", [PLACE, FORCE], MEASURES, CONSULT),
    ], OPTIONS)
    merged = lineage_of(history, 1, "Article 1")
    ended = next(lineage for lineage in history.lineages if lineage.merged_into == merged.id)
    assert ended.occurrences[0].provision.num == "Article 2" and ended.end == 1
    assert ended.cell(1).state == "gone" and merged.cell(1).merged
    assert {v for text, v in blame_text(history, 1, "Article 1") if text.strip() not in ("1.", "2.")} <= {0, 1}
    assert any(v == 0 and "resort to the threat" in text for text, v in blame_text(history, 1, "Article 1"))


def test_a_provision_deleted_and_later_reinstated_is_one_lineage_and_keeps_its_words_versions() -> None:
    history = build_history([
        draft("d1", "2001-01-01", PLACE, FORCE, MEASURES, CONSULT),
        draft("d2", "2002-01-01", PLACE, MEASURES, CONSULT),
        draft("d3", "2003-01-01", PLACE, MEASURES, CONSULT, DEPOSIT),
        draft("d4", "2004-01-01", PLACE, MEASURES, FORCE.replace("objects.", "objects of any State."), CONSULT,
              DEPOSIT),
    ], OPTIONS)
    back = lineage_of(history, 3, "Article 3")
    assert [o.version for o in back.occurrences] == [0, 3]
    assert [e.kinds for e in back.events] == [("introduced",), ("deleted",), ("reinstated",)]
    assert back.cell(1).state == "gone" and back.cell(2).state == "absent" and back.cell(3).state == "reinstated"
    assert blame_text(history, 3, "Article 3")[-2:] == [(" of any State", 3), (".", 0)]
    assert "deleted in v2" in back.occurrences[1].description
    assert lineage_of(history, 3, "Article 5").first == 2  # the Depositary article is new in v3, not a reinstatement


def test_a_new_provision_unlike_the_deleted_one_is_not_taken_for_it() -> None:
    history = build_history([
        draft("d1", "2001-01-01", PLACE, FORCE, MEASURES),
        draft("d2", "2002-01-01", PLACE, MEASURES),
        draft("d3", "2003-01-01", PLACE, MEASURES, DURATION),
    ], OPTIONS)
    assert agreement(FORCE, DURATION) < REINSTATE_THRESHOLD
    assert lineage_of(history, 2, "Article 3").first == 2
    assert len(history.lineages) == 4


def test_the_agreement_counts_the_words_a_word_diff_keeps_in_order() -> None:
    assert agreement("a b c d", "a b c d") == 1.0
    assert agreement("a b c d", "d c b a") <= 0.25  # the same words in another order hardly agree
    assert agreement("the States Parties shall", "the States shall") == pytest.approx(6 / 7)


def test_every_provision_of_every_version_is_in_exactly_one_lineage_and_its_blame_rebuilds_its_text() -> None:
    history = build_history([
        draft("d1", "2001-01-01", PLACE, [FORCE, MEASURES], CONSULT, DURATION),
        draft("d2", "2002-01-01", PLACE, FORCE, MEASURES + " And report.", DURATION),
        draft("d3", "2003-01-01", [PLACE, FORCE], MEASURES + " And report.", CONSULT, DURATION, DEPOSIT),
    ], OPTIONS)
    for version in history.versions:
        placed = [history.find(version.index, eid)[1] for eid in version.eids]
        assert [o.provision.eid for o in placed] == list(version.eids)
        for occurrence in placed:
            assert "".join(run.text for run in occurrence.blame) == occurrence.provision.text
    owners = [(o.version, o.provision.eid) for lineage in history.lineages for o in lineage.occurrences]
    assert len(owners) == len(set(owners)) == sum(len(v.eids) for v in history.versions)


def test_blame_refuses_segments_that_do_not_rebuild_the_old_text() -> None:
    with pytest.raises(ValueError, match="old texts"):
        carry([fresh("one two", 0)], [Segment("equal", "one two three")], 1, ["one two three"])
    with pytest.raises(ValueError, match="stop before"):
        carry([fresh("one two", 0)], [Segment("equal", "one")], 1, ["one"])


def test_blame_reads_a_replacement_again_so_shared_words_keep_their_version() -> None:
    segments = [Segment("delete", "The States Parties to this Treaty,"),
                Segment("insert", "The States Members of this Treaty,")]
    refined = refine(segments)
    assert [s.op for s in refined] == ["equal", "delete", "insert", "equal"]
    blame = carry([(BlameRun("The States Parties to this Treaty,", 0),)], refined, 1,
                  ["The States Members of this Treaty,"])[0]
    assert blame == (BlameRun("The States ", 0), BlameRun("Members of", 1), BlameRun(" this Treaty,", 0))


def test_drafts_are_put_in_order_by_their_dates_and_the_same_date_is_warned() -> None:
    a, b, c = draft("a", "2014-06-12", PLACE), draft("b", "2008-02-29", PLACE), draft("c", "2014-06-12", FORCE)
    ordered, warnings = order_series([a, b, c])
    assert [d.id for d in ordered] == ["b", "a", "c"]
    assert len(warnings) == 1 and "same date (2014-06-12)" in warnings[0]


def test_a_draft_without_a_date_cannot_be_ordered_by_date_but_can_be_kept_as_given() -> None:
    undated = draft_from_texts("undated", [[PLACE]])
    with pytest.raises(UsageError, match=r"undated has no date.*--order given"):
        order_series([draft("a", "2001-01-01", PLACE), undated])
    ordered, warnings = order_series([draft("late", "2010-01-01", PLACE), draft("early", "2001-01-01", PLACE)],
                                     "given")
    assert [d.id for d in ordered] == ["late", "early"]
    assert "early is dated 2001-01-01, before late" in warnings[0]


def test_versions_and_provisions_are_named_as_a_reader_names_them() -> None:
    drafts = [draft("d1", "2001-01-01", PLACE, FORCE, MEASURES), draft("d2", "2002-01-01", PLACE, MEASURES)]
    history = build_history(drafts, OPTIONS)
    assert [find_version(history, key) for key in ("v1", "2", "d1", "V2")] == [0, 1, 0, 1]
    with pytest.raises(UsageError, match=r"no version 'v9' \(versions: v1 \(d1, 2001-01-01\), v2"):
        find_version(history, "v9")
    assert find_lineage(history, "Article 2", 1).occurrences[0].provision.text.endswith(MEASURES)
    deleted = find_lineage(history, "L2", 1)
    assert deleted.end == 1 and find_lineage(history, "art_2", 0) == deleted
    with pytest.raises(UsageError, match="no provision 'Article 9'"):
        find_lineage(history, "Article 9", 1)
    report = series_report(history, drafts, at="v1", provisions=["Article 1", "L1"], between=("v1", "v2"))
    assert (report.at, report.focus, report.between) == (0, ("L1",), (0, 1))
    assert report.consolidated is history.steps[0]


def test_a_history_needs_two_drafts() -> None:
    with pytest.raises(UsageError, match="at least two"):
        build_history([draft("d1", "2001-01-01", PLACE)])


def test_steps_that_do_not_follow_on_are_refused() -> None:
    from treaty_diff.compare import CompareOptions, compare
    from treaty_diff.history import history_of_steps

    one, two, three = (draft(f"d{k}", f"200{k}-01-01", *texts) for k, texts in
                       ((1, (PLACE, FORCE)), (2, (PLACE,)), (3, (PLACE, FORCE, MEASURES))))
    options = CompareOptions(obligations=False)
    with pytest.raises(ValueError, match="do not follow on"):
        history_of_steps([compare(one, two, options), compare(one, three, options)])
