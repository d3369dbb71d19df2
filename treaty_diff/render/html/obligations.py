"""The one obligations table of the HTML reports: each obligation of the reference draft with its counterpart.

Two pages show it: the comparison report (``compare --format html``, its
``#obligations`` section after the definitions, outside ``#redline``: the
quotes are draft text shown a second time) and the obligation comparison page
(``coverage --against --format html``). One function builds both; each page
keeps the markup it has always had, and :class:`Look` names the details in
which they differ: :data:`REPORT` and :data:`PAGE` are the two looks.

A row: the status, what changed (the headline and the reasons), then the
quote of each draft with its provision (``—`` when the obligation has no
counterpart), saying when the quote is reconstructed, not the official wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from treaty_diff.model.comparison import Comparison
from treaty_diff.model.obligations import Obligation, ObligationChange, ObligationComparison
from treaty_diff.render.html.builder import Builder, Child, Element, h, h_raw, lines


@dataclass(frozen=True)
class Look:
    """The markup details in which the pages showing the obligations table differ."""

    #: The builder of the page (the report replaces what XML cannot hold, the small page does not).
    h: Builder
    #: The heading's id, which labels the section (``aria-labelledby``); None: neither.
    heading_id: str | None
    #: A newline between the section's blocks.
    separate_lines: bool
    #: The table's caption, if any.
    caption: str | None
    #: The names of the first two columns (the others are the two drafts' ids).
    columns: tuple[str, str]
    #: The column headers' ``scope``, if any.
    scope: str | None
    #: The class of the status span, ``{}`` standing for the status.
    status_class: str
    #: The headline in a paragraph of its own (else as the cell's text).
    headline_paragraph: bool
    #: The class of a quote's cell: its side ("old" or "new"), or "reconstructed" when the quote is.
    quote_class: Literal["side", "reconstructed"]
    #: What to say instead of an empty table; None: the empty table.
    when_none: str | None


#: The comparison report's section: labelled for screen readers, the status as a badge.
REPORT = Look(h=h, heading_id="obligations-h", separate_lines=True, caption="Obligations that changed",
              columns=("Status", "What changed"), scope="col", status_class="badge badge-{}",
              headline_paragraph=True, quote_class="reconstructed", when_none="No obligation changed.")
#: The obligation comparison page's section.
PAGE = Look(h=h_raw, heading_id=None, separate_lines=False, caption=None, columns=("status", "what changed"),
            scope=None, status_class="status {}", headline_paragraph=False, quote_class="side", when_none=None)


def obligations_table(value: ObligationComparison, look: Look, *, changed_only: bool) -> Element:
    """The ``#obligations`` section: the counts, then one row per obligation (not the unchanged with
    ``changed_only``)."""
    make = look.h
    counts = ", ".join(f"{n} {status}" for status, n in value.counts.items())
    listed = [change for change in value.changes if not (changed_only and change.status == "unchanged")]
    children: list[Child] = [
        make("h2", {"id": look.heading_id}, "Obligations"),
        make("p", None, f"{value.reference}: {value.reference_total} obligations; {value.other}: "
                        f"{value.other_total}. {counts}."),
    ]
    if listed or look.when_none is None:
        children.append(make(
            "table", {"class": "obligations"},
            make("caption", None, look.caption) if look.caption else None,
            make("thead", None, make("tr", None, [make("th", {"scope": look.scope}, name)
                                                  for name in (*look.columns, value.reference, value.other)])),
            make("tbody", None, [_row(value, change, look) for change in listed]),
        ))
    else:
        children.append(make("p", None, look.when_none))
    return make("section", {"id": "obligations", "aria-labelledby": look.heading_id},
                *(lines(*children) if look.separate_lines else children))


def _row(value: ObligationComparison, change: ObligationChange, look: Look) -> Element:
    make = look.h
    headline: Child = make("p", None, change.headline) if look.headline_paragraph else change.headline
    return make(
        "tr", None,
        make("td", None, make("span", {"class": look.status_class.format(change.status)}, change.status)),
        make("td", None, headline, make("ul", None, [make("li", None, reason) for reason in change.reasons])),
        _quote(look, "old", value.reference, change.old_label, change.old),
        _quote(look, "new", value.other, change.new_label, change.new),
    )


def _quote(look: Look, side: str, draft_id: str, label: str | None, obligation: Obligation | None) -> Element:
    make = look.h
    if obligation is None:
        return make("td", None, "—")
    note = " (reconstructed, not the official wording)" if obligation.reconstructed else ""
    if look.quote_class == "side":
        cell_class: str | None = side
    else:
        cell_class = "reconstructed" if obligation.reconstructed else None
    return make("td", {"class": cell_class}, make("strong", None, f"{draft_id}, {label}{note}: "),
                make("q", None, obligation.quote))


def obligations_section(comparison: Comparison) -> Element | None:
    """The comparison report's obligations: those of the old draft with their counterparts in the new one,
    dropped, added, weakened, strengthened, changed (unchanged ones are counted, not listed). None when
    obligations were not compared.

    Placed after the definitions, outside ``#redline``: the quotes are draft text shown a second time.
    """
    if comparison.obligations is None:
        return None
    return obligations_table(comparison.obligations, REPORT, changed_only=True)
