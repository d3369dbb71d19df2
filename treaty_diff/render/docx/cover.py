"""The DOCX report's cover, before the redline: the drafts, the summary, definitions and obligations.

A title and a sentence saying how to read the redline (tracked changes, or the
colours of static mode), a table of both drafts' metadata, the counts and one
row per change (a moved provision once), the provisions whose text is
reconstructed, the changed defined terms, and the obligations that changed.
Left out with ``redline_only``, so that the document is the redline alone.

Tables are written the way python-docx writes them, without its per-row and
per-character costs (see :func:`grid_table`).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from docx.oxml.ns import qn

from treaty_diff.model.comparison import Change, Comparison
from treaty_diff.model.obligations import Obligation
from treaty_diff.render.base import RenderOptions
from treaty_diff.render.docx.layout import describe_side, draft_name
from treaty_diff.render.docx.oxml import checked, element

#: A table cell's text splits into runs of text, tabs and single line-break characters (see _cell_text).
_CELL_BREAKS = re.compile(r"(\t|\r|\n)")
_TC_PR = qn("w:tcPr")


def cover(document: Any, comparison: Comparison, options: RenderOptions, stamp: dt.datetime | None) -> None:
    """Everything before the redline, ending on a page break and the redline's heading."""
    old, new = comparison.old, comparison.new
    old_name, new_name = draft_name(old, new), draft_name(new, old)
    where = "the cover"
    document.add_paragraph(checked(f"Redline: {old_name} to {new_name}", where), style="Title")
    if options.static:
        intro = (f"Text added in {new_name} is underlined in blue, text removed is struck through in red; "
                 "a moved provision is struck through twice in green where it stood and underlined twice "
                 "in green where it stands.")
    else:
        date = f", dated {stamp.date().isoformat()}" if stamp else ""
        intro = (f"Changes from {old_name} to {new_name} are tracked changes by {options.author}{date}: "
                 f"accepting all of them gives the text of {new_name}, rejecting all of them the text of "
                 f"{old_name}.")
    document.add_paragraph(checked(intro, where))

    document.add_heading("The drafts", level=1)
    rows = [
        ("Title", old.title, new.title),
        ("Symbol", old.symbol or "", new.symbol or ""),
        ("Date", old.date or "", new.date or ""),
        ("Proponents", ", ".join(old.proponents), ", ".join(new.proponents)),
        ("Status", old.status, new.status),
        ("Language", old.language, new.language),
    ]
    grid_table(document, ("", "Old draft", "New draft"), rows, where)

    document.add_heading("Summary", level=1)
    s = comparison.summary
    counts = [f"{n} {label}" for n, label in (
        (s.modified, "modified"), (s.inserted, "inserted"), (s.deleted, "deleted"), (s.split, "split"),
        (s.merged, "merged"), (s.renumbered, "renumbered"), (s.moved, "moved"), (s.unchanged, "unchanged"),
    ) if n]
    summary = "Provisions: " + (", ".join(counts) if counts else "none") + ". "
    summary += f"Words: {s.words_inserted} added, {s.words_deleted} removed."
    document.add_paragraph(checked(summary, where))
    changed = _changes_once(comparison)
    if changed:
        grid_table(document, ("Change", "Old", "New", "Words added", "Words removed"),
                   [(_kind_label(c), describe_side(c.old) if c.old else "—", describe_side(c.new) if c.new else "—",
                     str(c.words_inserted), str(c.words_deleted)) for c in changed], where)
    else:
        document.add_paragraph("The drafts do not differ.")
    for side, meta in (("old", old), ("new", new)):
        names = [info.label + (" (in part)" if info.provenance == "mixed" else "")
                 for info in comparison.reconstructed_provisions(side)]  # type: ignore[arg-type]
        if names:
            document.add_paragraph(checked(
                f"Reconstructed text, not the official wording, in {draft_name(meta, new if side == 'old' else old)}: "
                f"{', '.join(names)}. Each carries a comment in the redline.", where))
    definitions = [d for d in comparison.definitions if d.kind != "unchanged" or d.renamed]
    if definitions:
        document.add_heading("Defined terms", level=1)
        grid_table(document, ("Term", "Change", "Description"),
                   [(d.term, d.kind + (", renamed" if d.renamed else ""), d.description) for d in definitions], where)
    _obligations(document, comparison, where)
    document.add_page_break()
    document.add_heading("Redline", level=1)


def _obligations(document: Any, comparison: Comparison, where: str) -> None:
    """The obligations that changed between the drafts (dropped, added, weakened, strengthened, changed)."""
    value = comparison.obligations
    if value is None:
        return
    document.add_heading("Obligations", level=1)
    counts = ", ".join(f"{n} {status}" for status, n in value.counts.items())
    document.add_paragraph(checked(
        f"{value.reference_total} obligations in {value.reference}, {value.other_total} in {value.other}: {counts}.",
        where))
    listed = [change for change in value.changes if change.status != "unchanged"]
    if not listed:
        return

    def quote(label: str | None, obligation: Obligation | None) -> str:
        if obligation is None:
            return "—"
        note = " [reconstructed, not the official wording]" if obligation.reconstructed else ""
        return f"{label}: “{obligation.quote}”{note}"

    grid_table(document, ("Status", "What changed", value.reference, value.other),
               [(change.status, "; ".join((change.headline, *change.reasons)), quote(change.old_label, change.old),
                 quote(change.new_label, change.new)) for change in listed], where)


def _changes_once(comparison: Comparison) -> list[Change]:
    """The changed provisions in redline order, a moved one once (where it stands now), likewise a split or
    merge shown in parts (at its first new part)."""
    result: list[Change] = []
    seen: set[str] = set()
    by_id = comparison.changes_by_id
    for item in comparison.redline:
        if item.role in ("moved-from", "part-from") or item.change_id in seen:
            continue
        change = by_id[item.change_id]
        seen.add(change.id)
        if change.changed:
            result.append(change)
    return result


def _kind_label(change: Change) -> str:
    flags = [flag for flag, on in (("renumbered", change.renumbered), ("moved", change.moved)) if on]
    label = change.kind if not flags or change.kind != "unchanged" else ", ".join(flags)
    if flags and change.kind != "unchanged":
        label += ", " + ", ".join(flags)
    if change.reconstructed:
        label += " (reconstructed text)"
    return label


def grid_table(document: Any, header: Sequence[str], rows: Sequence[Sequence[str]], where: str) -> None:
    """A grid table with a bold header row; each row's cells as ``table.add_row().cells[i].text = text`` makes them.

    python-docx's ``add_row`` looks the table's grid up among all its rows, and setting a cell's text runs an XPath
    query and a step per character: a table of thousands of changes took most of the redline's time. The first
    row is added by python-docx; the others are copies of it made before its cells are filled.
    """
    made = document.add_table(rows=1, cols=len(header))
    made.style = "Table Grid"
    for cell, text in zip(made.rows[0].cells, header):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    blank: Any = None  # an empty row, as add_row makes it
    for row in rows:
        if blank is None:
            tr = made.add_row()._tr
            blank = copy.deepcopy(tr)
        else:
            tr = copy.deepcopy(blank)
            made._tbl.append(tr)
        for tc, text in zip(tr.tc_lst, row):
            _cell_text(tc, checked(text, where))


def _cell_text(tc: Any, text: str) -> None:
    """Set a table cell's text as python-docx's ``_Cell.text`` does: one paragraph, one run, a ``w:tab`` for each
    tab, a ``w:br`` for each line break, ``w:t`` for the rest (space-preserving when it starts or ends with space).
    """
    for child in list(tc):
        if child.tag != _TC_PR:
            tc.remove(child)
    paragraph = element("w:p")
    run = element("w:r")
    paragraph.append(run)
    tc.append(paragraph)
    for chunk in _CELL_BREAKS.split(text):
        if chunk == "\t":
            run.append(element("w:tab"))
        elif chunk in ("\r", "\n"):
            run.append(element("w:br"))
        elif chunk:
            t = element("w:t")
            t.text = chunk
            if len(chunk.strip()) < len(chunk):
                t.set(qn("xml:space"), "preserve")
            run.append(t)
