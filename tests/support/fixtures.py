"""A small, hand-made Comparison covering every kind of change, for renderer tests.

It is built directly from the comparison model (no aligner, no diff), so a
renderer can be tested on its own. The texts obey the segments invariant:
equal + delete rebuild the old side, equal + insert the new side.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, Literal

from support.typed import json_object
from treaty_diff.compare import compare
from treaty_diff.model.comparison import (
    Change,
    Comparison,
    DefinitionChange,
    Line,
    PartChange,
    ProvenanceLabel,
    ProvisionInfo,
    RedlineItem,
    Summary,
)
from treaty_diff.model.draft import Draft, DraftMeta
from treaty_diff.model.segments import Segment, SegmentOp
from treaty_diff.testing.generate import draft_from_texts

LineRole = Literal["num", "heading", "block"]
LineProvenance = Literal["verbatim", "reconstructed"]

HOSTILE = '<script>alert(1)</script> and "><img src=x onerror=alert(1)>'


def _info(eid: str, num: str | None, text: str, provenance: ProvenanceLabel = "verbatim",
          kind: str = "article") -> ProvisionInfo:
    return ProvisionInfo(
        eid=eid,
        wid=None,
        kind=kind,
        num=num,
        heading=None,
        label=num or "the preamble",
        provenance=provenance,
        text=text,
        reconstructed=(eid,) if provenance == "reconstructed" else (),
    )


def _line(eid: str, text: str, role: LineRole = "block", num: str | None = None,
          provenance: LineProvenance = "verbatim") -> Line:
    return Line(eid=eid, role=role, block_kind=None if role != "block" else "paragraph", num=num, depth=0,
                provenance=provenance, text=text)


def _seg(op: SegmentOp, text: str) -> Segment:
    return Segment(op, text)


def sample_comparison() -> Comparison:
    """Preamble unchanged; Article I modified (with hostile text); Article II deleted; new Article II inserted;
    old Article III moved to the end and renumbered; old Article IV split into two."""
    old_meta = DraftMeta(id="old-draft", title="Old Treaty", symbol="CD/1", date="2008-01-01",
                         proponents=("Russian Federation", "China"))
    new_meta = DraftMeta(id="new-draft", title="New Treaty", symbol="CD/2", date="2014-01-01",
                         proponents=("Russian Federation", "China"))
    preamble_text = "The States Parties to this Treaty,"
    c1 = Change(
        id="c1", kind="unchanged", old=(_info("preamble", None, preamble_text, kind="preamble"),),
        new=(_info("preamble", None, preamble_text, kind="preamble"),),
        segments=(_seg("equal", preamble_text),),
        parts=(PartChange("unchanged", "block", (_line("preamble__recs__intro", preamble_text),),
                          (_line("preamble__recs__intro", preamble_text),), (_seg("equal", preamble_text),),
                          similarity=1.0),),
        description="The preamble is unchanged.", similarity=1.0,
    )
    old1 = "Article I\n\nEach State Party shall take measures " + HOSTILE + "."
    new1 = "Article I\n\nEach State Party shall take all necessary measures " + HOSTILE + "."
    c2 = Change(
        id="c2", kind="modified", old=(_info("art_1", "Article I", old1, "reconstructed"),),
        new=(_info("art_1", "Article I", new1, "reconstructed"),),
        segments=(_seg("equal", "Article I\n\nEach State Party shall take "), _seg("insert", "all necessary "),
                  _seg("equal", "measures " + HOSTILE + ".")),
        parts=(
            PartChange("unchanged", "num", (_line("art_1", "Article I", "num"),), (_line("art_1", "Article I", "num"),),
                       (_seg("equal", "Article I"),), similarity=1.0),
            PartChange("modified", "block",
                       (_line("art_1", "Each State Party shall take measures " + HOSTILE + ".", provenance="reconstructed"),),
                       (_line("art_1", "Each State Party shall take all necessary measures " + HOSTILE + ".",
                              provenance="reconstructed"),),
                       (_seg("equal", "Each State Party shall take "), _seg("insert", "all necessary "),
                        _seg("equal", "measures " + HOSTILE + ".")), similarity=0.9),
        ),
        description="Article I is amended.", similarity=0.9, words_inserted=2,
    )
    old2 = "Article II\n\nThe Depositary shall inform all States."
    c3 = Change(
        id="c3", kind="deleted", old=(_info("art_2", "Article II", old2),), new=(),
        segments=(_seg("delete", old2),),
        parts=(PartChange("deleted", "num", (_line("art_2", "Article II", "num"),), (), (_seg("delete", "Article II"),)),
               PartChange("deleted", "block", (_line("art_2", "The Depositary shall inform all States."),), (),
                          (_seg("delete", "The Depositary shall inform all States."),))),
        description="Article II is deleted.", words_deleted=7,
    )
    new2 = "Article II\n\nThe States Parties shall consult one another."
    c4 = Change(
        id="c4", kind="inserted", old=(), new=(_info("art_2", "Article II", new2),),
        segments=(_seg("insert", new2),),
        parts=(PartChange("inserted", "num", (), (_line("art_2", "Article II", "num"),), (_seg("insert", "Article II"),)),
               PartChange("inserted", "block", (), (_line("art_2", "The States Parties shall consult one another."),),
                          (_seg("insert", "The States Parties shall consult one another."),))),
        description="Article II is new.", words_inserted=9,
    )
    old4 = "Article IV\n\n1. This Treaty shall be open for signature.\n\n2. It shall be ratified."
    new3a = "Article III\n\nThis Treaty shall be open for signature."
    new3b = "Article IV\n\nIt shall be ratified."
    c5 = Change(
        id="c5", kind="split", old=(_info("art_4", "Article IV", old4),),
        new=(_info("art_3", "Article III", new3a), _info("art_4", "Article IV", new3b)),
        segments=(_seg("delete", "Article IV\n\n1. "), _seg("insert", "Article III\n\n"),
                  _seg("equal", "This Treaty shall be open for signature.\n\n"), _seg("delete", "2. "),
                  _seg("insert", "Article IV\n\n"), _seg("equal", "It shall be ratified.")),
        parts=(
            PartChange("modified", "num", (_line("art_4", "Article IV", "num"),),
                       (_line("art_3", "Article III", "num"), _line("art_4", "Article IV", "num")),
                       (_seg("delete", "Article IV"), _seg("insert", "Article III\n\nArticle IV"))),
            PartChange("unchanged", "block", (_line("art_4__para_1", "1. This Treaty shall be open for signature.", num="1."),),
                       (_line("art_3", "This Treaty shall be open for signature."),),
                       (_seg("delete", "1. "), _seg("equal", "This Treaty shall be open for signature.")),
                       renumbered=True, similarity=1.0),
            PartChange("unchanged", "block", (_line("art_4__para_2", "2. It shall be ratified.", num="2."),),
                       (_line("art_4", "It shall be ratified."),),
                       (_seg("delete", "2. "), _seg("equal", "It shall be ratified.")), renumbered=True, similarity=1.0),
        ),
        description="Article IV is split into Article III and Article IV.", renumbered=True, similarity=0.95,
        words_deleted=2, words_inserted=4,
    )
    old3 = "Article III\n\nThis Treaty shall be of unlimited duration."
    new5 = "Article V\n\nThis Treaty shall be of unlimited duration."
    c6 = Change(
        id="c6", kind="unchanged", old=(_info("art_3", "Article III", old3),), new=(_info("art_5", "Article V", new5),),
        segments=(_seg("delete", "Article III"), _seg("insert", "Article V"),
                  _seg("equal", "\n\nThis Treaty shall be of unlimited duration.")),
        parts=(
            PartChange("unchanged", "num", (_line("art_3", "Article III", "num"),), (_line("art_5", "Article V", "num"),),
                       (_seg("delete", "Article III"), _seg("insert", "Article V")), renumbered=True),
            PartChange("unchanged", "block", (_line("art_3", "This Treaty shall be of unlimited duration."),),
                       (_line("art_5", "This Treaty shall be of unlimited duration."),),
                       (_seg("equal", "This Treaty shall be of unlimited duration."),), similarity=1.0),
        ),
        description="Article III becomes Article V and moves to the end; text unchanged.", renumbered=True,
        moved=True, similarity=1.0,
    )
    definitions = (
        DefinitionChange(kind="modified", term="weapons in outer space", old_terms=("weapons in outer space",),
                         new_terms=("weapon in outer space",), old_eid="art_1__list_1__point_c",
                         new_eid="art_1__list_1__point_b", renamed=True,
                         segments=(_seg("equal", "weapon"), _seg("delete", "s"), _seg("equal", " in outer space")),
                         description='"weapons in outer space" is renamed "weapon in outer space" and amended.'),
        DefinitionChange(kind="deleted", term="outer space", old_terms=("outer space",), new_terms=(),
                         old_eid="art_1__list_1__point_a", new_eid=None, renamed=False,
                         segments=(_seg("delete", "outer space"),), description='"outer space" is no longer defined.'),
    )
    changes = (c1, c2, c3, c4, c5, c6)
    # Old order: preamble, I, II, III(moved), IV. New order: preamble, I, II(new), III+IV (split), V (was III).
    redline = (
        RedlineItem("c1", "change"), RedlineItem("c2", "change"), RedlineItem("c3", "change"),
        RedlineItem("c4", "change"), RedlineItem("c6", "moved-from"), RedlineItem("c5", "change"),
        RedlineItem("c6", "moved-to"),
    )
    summary = Summary(unchanged=2, modified=1, inserted=1, deleted=1, split=1, renumbered=2, moved=1,
                      words_inserted=15, words_deleted=9)
    options: dict[str, str | bool] = {"granularity": "word", "ignore_case": False, "ignore_whitespace": False,
                                      "ignore_punctuation": False}
    return Comparison(old=old_meta, new=new_meta, changes=changes, definitions=definitions, summary=summary,
                      redline=redline, options=options)


# Eight unrelated sentences of treaty style, one an article each, for alignment tests.
A = "Each State Party shall designate a national authority to serve as the focal point for liaison with the agency."
B = "The agency shall keep a register of launches and make the information available to all interested parties."
C = "Disputes concerning the interpretation of this instrument shall be settled by negotiation or mediation."
D = "This instrument shall remain open for signature at the headquarters of the depositary until its entry into force."
E = "Any party may withdraw by written notification, which takes effect one year after the depositary receives it."
F = "Reservations incompatible with the object and purpose of this instrument shall not be permitted at any time."
G = "The annexes form an integral part of this instrument and a reference to it includes the annexes."
H = "Fishing vessels registered under the flag of a coastal nation enjoy priority access in the adjacent maritime zone."


def comparison_schema() -> dict[str, Any]:
    """The JSON schema of ``compare --format json``, as shipped in the package."""
    return json_object(resources.files("treaty_diff.schemas").joinpath("comparison.schema.json").read_text())


def straddling_comparison() -> Comparison:
    """One article whose diff runs a replacement across a paragraph break: old "1" becomes new "A new first
    paragraph." and "3", so the old "1" ends a paragraph whose mark is inserted and ". The moon" starts the next."""
    def info(text: str) -> ProvisionInfo:
        return ProvisionInfo(eid="art_5", wid=None, kind="article", num="Article 5", heading=None, label="Article 5",
                             provenance="verbatim", text=text)

    change = Change(
        id="c1", kind="modified",
        old=(info("Article 5\n\n1. The moon belongs to all."),),
        new=(info("Article 5\n\nA new first paragraph.\n\n3. The moon belongs to all."),),
        segments=(Segment("equal", "Article 5\n\n"), Segment("delete", "1"),
                  Segment("insert", "A new first paragraph.\n\n3"), Segment("equal", ". The moon belongs to all.")),
        parts=(), description="Article 5 is amended.", similarity=0.8, words_inserted=5, words_deleted=1,
    )
    return Comparison(old=DraftMeta(id="old", title="Old", symbol="CD/1"), new=DraftMeta(id="new", title="New",
                      symbol="CD/2"), changes=(change,), definitions=(), summary=Summary(modified=1),
                      redline=(RedlineItem("c1", "change"),))


#: The provision moved and amended in :func:`moved_and_amended`: old Article 3, new Article 5.
NOTIFY_OLD = ("Each State Party shall notify the Secretary-General of any launch of a space object within 30 days, "
              "giving its orbit and its general function.")
NOTIFY_NEW = ("Each State Party may notify the Secretary-General of any launch of a space object within 10 days, "
              "giving its orbit and its general function.")
NOTIFY_MORE = "The notification shall be made through the channels that the Secretary-General establishes for it."


@cache
def moved_and_amended() -> tuple[Draft, Draft, Comparison]:
    """Old Article 3 ("shall notify ... within 30 days") moved to new Article 5 as "may notify ... within 10 days"."""
    old = draft_from_texts("old", [[A], [B], [NOTIFY_OLD, NOTIFY_MORE], [C], [D], [E]])
    new = draft_from_texts("new", [[A], [B], [C], [D], [NOTIFY_NEW, NOTIFY_MORE], [E]])
    return old, new, compare(old, new)


@cache
def moved_and_rewritten() -> tuple[Draft, Draft, Comparison]:
    """Old Article 3 moved to new Article 5 with its three sentences in the reverse order: the same words (the
    aligner pairs it as a move), but fewer than half of them stay in place (a redline shows it as a deletion and
    an insertion)."""
    old = draft_from_texts("old", [[A], [B], [" ".join([C, D, E])], [F], [G], [H]])
    new = draft_from_texts("new", [[A], [B], [F], [G], [" ".join([E, D, C])], [H]])
    return old, new, compare(old, new)


NESTED_OLD = """Article 1

1. Each State Party shall report its launches within 30 days to the Secretary-General and keep a register.

2. The register shall be public.

Article 2

This Treaty shall be of unlimited duration.
"""
NESTED_NEW = """Article 1

1. Each State Party shall:

(a) report its launches:

(i) within 30 days;

(ii) to the Secretary-General;

(b) keep a register.

2. The register shall be public.

Article 2

This Treaty shall be of unlimited duration.
"""


@cache
def nested_lists() -> tuple[Draft, Draft, Comparison]:
    """Old paragraph 1 of Article 1 becomes an introduction, points (a) and (b), and points (i) and (ii) in (a)."""
    from treaty_diff.read.importers import ImportOptions, import_text

    old, new = (import_text(text, name, ImportOptions(id=name, provenance="verbatim")).draft
                for text, name in ((NESTED_OLD, "old"), (NESTED_NEW, "new")))
    return old, new, compare(old, new)


#: A "Trojan Source" clause: shown by a browser, the new text reads "shall not place", but it says "shall
#: <U+202E>ecalp ton<U+202C>" (the override reverses "ecalp ton" on screen).
TROJAN = "Each State Party shall \u202eecalp ton\u202c weapons in orbit around the Earth."


@cache
def hidden_characters() -> tuple[Draft, Draft, Comparison]:
    """Old Article 1 says "shall not place"; new Article 1 is :data:`TROJAN`, with a zero-width space too."""
    old = draft_from_texts("old", [["Each State Party shall not place weapons in orbit around the Earth."], [A]])
    new = draft_from_texts("new", [[TROJAN], [A.replace("national", "na\u200btional")]])
    return old, new, compare(old, new)


def scattered_drafts() -> tuple[Draft, Draft]:
    """Old Article 1 split into new 1 and 4; old Articles 4 and 6 merged into new 5 (old 5 is new 6)."""
    old = draft_from_texts("old", [[A, B], [C], [D], [E], [F], [G], [H]])
    new = draft_from_texts("new", [[A.replace("national", "single")], [C], [D], [B.replace("register", "record")],
                                   [E, G], [F], [H]])
    return old, new


@cache
def scattered() -> tuple[Draft, Draft, Comparison]:
    old, new = scattered_drafts()
    return old, new, compare(old, new)
