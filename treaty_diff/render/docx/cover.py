"""The DOCX report around the redline: a one-page summary before it, the tables after it.

The summary (:func:`cover`) is what a reader needs before the text: both
drafts in a line each, how to read the tracked changes, which text is
reconstructed rather than the official wording, the counts, one line per
changed provision and the obligations dropped or weakened. It ends on a page
break and the redline's heading, so the redline starts on page 2. The tables
(:func:`tables`) come after the redline: both drafts' metadata, every change,
the changed defined terms and the obligations that changed. Their columns are
as wide as their longest word needs (:func:`fit_columns`): a table never breaks
a word. Both are left out with ``redline_only``, so that the document is the
redline alone. Nothing here is tracked.

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
from docx.shared import Pt

from treaty_diff.model.comparison import Change, Comparison
from treaty_diff.model.draft import DraftMeta
from treaty_diff.model.obligations import Obligation
from treaty_diff.render.base import RenderOptions
from treaty_diff.render.docx.notes import describe_side, draft_name
from treaty_diff.render.docx.oxml import element, shown
from treaty_diff.render.obligations import STATUS_WORDS

#: A table cell's text splits into runs of text, tabs and single line-break characters (see _cell_text).
_CELL_BREAKS = re.compile(r"(\t|\r|\n)")
_TC_PR = qn("w:tcPr")

#: At most this many changed provisions are listed one by one on the summary page (it must stay one page);
#: the table after the redline lists every one.
SUMMARY_CHANGES = 18
#: At most this many dropped or weakened obligations are listed on the summary page.
SUMMARY_OBLIGATIONS = 4
#: The font size of the tables and of the summary's lists.
_SMALL = Pt(9.5)


def cover(document: Any, comparison: Comparison, options: RenderOptions, stamp: dt.datetime | None) -> None:
    """The one-page summary before the redline, ending on a page break and the redline's heading."""
    old, new = comparison.old, comparison.new
    old_name, new_name = draft_name(old, new), draft_name(new, old)
    where = "the summary page"
    document.add_paragraph(shown(f"Redline: {old_name} to {new_name}", where), style="Title")
    for label, meta in (("Old", old), ("New", new)):
        document.add_paragraph(shown(f"{label}: {_meta_line(meta)}", where))
    if options.static:
        intro = (f"Text added in {new_name} is underlined in blue, text removed is struck through in red; "
                 "a moved provision is struck through twice in green where it stood and underlined twice "
                 "in green where it stands, with the changes made to it marked inside.")
    else:
        date = f", dated {stamp.date().isoformat()}" if stamp else ""
        intro = (f"Changes from {old_name} to {new_name} are tracked changes by {options.author}{date}: "
                 f"accepting all of them gives the text of {new_name}, rejecting all of them the text of "
                 f"{old_name}. A moved provision is a tracked move with the changes made to it tracked inside.")
    document.add_paragraph(shown(intro, where))
    notice = reconstructed_summary(comparison)
    if notice:
        paragraph = document.add_paragraph()
        paragraph.add_run("Reconstructed text. ").bold = True
        paragraph.add_run(shown(notice + " Each such provision carries a comment in the redline.", where))

    document.add_heading("What changed", level=1)
    s = comparison.summary
    counts = [f"{n} {label}" for n, label in (
        (s.modified, "modified"), (s.inserted, "inserted"), (s.deleted, "deleted"), (s.split, "split"),
        (s.merged, "merged"), (s.renumbered, "renumbered"), (s.moved, "moved"), (s.unchanged, "unchanged"),
    ) if n]
    summary = "Provisions: " + (", ".join(counts) if counts else "none") + ". "
    summary += f"Words: {s.words_inserted} added, {s.words_deleted} removed."
    document.add_paragraph(shown(summary, where))
    changed = _changes_once(comparison)
    if not changed:
        document.add_paragraph("The drafts do not differ.")
    for change in changed[:SUMMARY_CHANGES]:
        _small(document.add_paragraph(shown(_change_line(change), where), style="List Bullet"))
    if len(changed) > SUMMARY_CHANGES:
        document.add_paragraph(f"And {len(changed) - SUMMARY_CHANGES} more: the table after the redline lists "
                               "every change.")
    _obligations_summary(document, comparison, where)
    document.add_page_break()
    document.add_heading("Redline", level=1)


def _meta_line(meta: DraftMeta) -> str:
    """A draft in one line: its short title, symbol, date and proponents."""
    details = ", ".join(x for x in (meta.short_title or meta.title, meta.symbol, meta.date) if x)
    return details + (f" ({', '.join(meta.proponents)})" if meta.proponents else "")


def reconstructed_summary(comparison: Comparison) -> str | None:
    """"Of the provisions shown, 15 in CD/1839 and 13 in CD/1985 are not the official wording ...", or None."""
    counts = []
    for side, meta, other in (("old", comparison.old, comparison.new), ("new", comparison.new, comparison.old)):
        found = comparison.reconstructed_provisions(side)  # type: ignore[arg-type]
        if found:
            counts.append(f"{len(found)} in {draft_name(meta, other)}")
    if not counts:
        return None
    verb = "is" if len(counts) == 1 and counts[0].startswith("1 ") else "are"
    return (f"Of the provisions shown, {' and '.join(counts)} {verb} not the official wording but a reconstruction "
            "from secondary sources.")


def _change_line(change: Change) -> str:
    """"Article IV (was Article V): modified, renumbered; 10 words added, 6 removed"."""
    infos = change.new or change.old
    name = describe_side(infos)
    name = name[:1].upper() + name[1:]
    was = describe_side(change.old) if change.old and change.new else None
    line = name + (f" (was {was})" if was and was != describe_side(change.new) else "") + ": "
    line += _kind_label(change, provenance=False)
    if change.kind != "unchanged":
        line += f"; {change.words_inserted} words added, {change.words_deleted} removed"
    return line


def _small(paragraph: Any) -> None:
    """A paragraph of the summary's lists: smaller type, no space after."""
    paragraph.paragraph_format.space_after = Pt(0)
    for run in paragraph.runs:
        run.font.size = _SMALL


def _obligations_summary(document: Any, comparison: Comparison, where: str) -> None:
    """The obligations dropped or weakened, a line each, and the counts of the others."""
    value = comparison.obligations
    if value is None:
        return
    document.add_heading("Obligations dropped or weakened", level=1)
    listed = [change for change in value.changes if change.status in ("dropped", "weakened")]
    if not listed:
        document.add_paragraph("None.")
    for change in listed[:SUMMARY_OBLIGATIONS]:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(shown(change.status.capitalize() + ": ", where)).bold = True
        paragraph.add_run(shown(change.headline, where))
        _small(paragraph)
    others = [f"{n} {STATUS_WORDS[status]}" for status, n in value.counts.items()
              if n and status not in ("dropped", "weakened", "unchanged")]
    more = len(listed) - SUMMARY_OBLIGATIONS
    if others or more > 0:
        also = ([f"{more} more dropped or weakened"] if more > 0 else []) + others
        document.add_paragraph(shown(f"Also {', '.join(also)}: the table after the redline lists them.", where))


def tables(document: Any, comparison: Comparison) -> None:
    """The tables after the redline, from a new page: the drafts, every change, defined terms, obligations."""
    old, new = comparison.old, comparison.new
    where = "the tables after the redline"
    document.add_page_break()
    document.add_heading("The drafts", level=1)
    rows = [
        ("Title", old.title, new.title),
        ("Symbol", old.symbol or "", new.symbol or ""),
        ("Date", old.date or "", new.date or ""),
        ("Proponents", ", ".join(old.proponents), ", ".join(new.proponents)),
        ("Status", old.status, new.status),
        ("Language", old.language, new.language),
    ]
    fit_columns(grid_table(document, ("", "Old draft", "New draft"), rows, where))
    document.add_heading("Every change", level=1)
    changed = _changes_once(comparison)
    if changed:
        fit_columns(grid_table(
            document, ("Change", "Old", "New", "Words added", "Words removed"),
            [(_kind_label(c), describe_side(c.old) if c.old else "—", describe_side(c.new) if c.new else "—",
              str(c.words_inserted), str(c.words_deleted)) for c in changed], where))
    else:
        document.add_paragraph("The drafts do not differ.")
    for side, meta in (("old", old), ("new", new)):
        names = [info.label + (" (in part)" if info.provenance == "mixed" else "")
                 for info in comparison.reconstructed_provisions(side)]  # type: ignore[arg-type]
        if names:
            document.add_paragraph(shown(
                f"Reconstructed text, not the official wording, in {draft_name(meta, new if side == 'old' else old)}: "
                f"{', '.join(names)}. Each carries a comment in the redline.", where))
    definitions = [d for d in comparison.definitions if d.kind != "unchanged" or d.renamed]
    if definitions:
        document.add_heading("Defined terms", level=1)
        fit_columns(grid_table(document, ("Term", "Change", "Description"),
                               [(d.term, d.kind + (", renamed" if d.renamed else ""), d.description)
                                for d in definitions], where))
    _obligations(document, comparison, where)
    document.add_paragraph()  # a document ends on a paragraph, never on a table (Word requires it)


def _obligations(document: Any, comparison: Comparison, where: str) -> None:
    """The obligations that changed between the drafts (dropped, added, weakened, strengthened, changed)."""
    value = comparison.obligations
    if value is None:
        return
    document.add_heading("Obligations", level=1)
    counts = ", ".join(f"{n} {status}" for status, n in value.counts.items())
    document.add_paragraph(shown(
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

    fit_columns(grid_table(document, ("Status", "What changed", value.reference, value.other),
                           [(change.status, "; ".join((change.headline, *change.reasons)),
                             quote(change.old_label, change.old), quote(change.new_label, change.new))
                            for change in listed], where))


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


def _kind_label(change: Change, provenance: bool = True) -> str:
    """"modified, renumbered, moved", and " (reconstructed text)" with ``provenance`` when it is."""
    flags = [flag for flag, on in (("renumbered", change.renumbered), ("moved", change.moved)) if on]
    label = change.kind if not flags or change.kind != "unchanged" else ", ".join(flags)
    if flags and change.kind != "unchanged":
        label += ", " + ", ".join(flags)
    if provenance and change.reconstructed:
        label += " (reconstructed text)"
    return label


def grid_table(document: Any, header: Sequence[str], rows: Sequence[Sequence[str]], where: str) -> Any:
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
            _cell_text(tc, shown(text, where))
    return made


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


#: The width of the text on the page (A4 less two margins of 20 mm, see .package), in twentieths of a point.
TEXT_WIDTH = round((210 - 2 * 20) / 25.4 * 1440)
#: A cell's left and right margins together (Table Grid: 0.08 in each side), in twentieths of a point.
_CELL_PADDING = 2 * 115
#: The widest a character of the table's type (9.5 pt) is taken to be, for a column's longest word, and the
#: average one, for the rest of its text (in twentieths of a point: 0.66 and 0.5 of the type's size).
_WIDE_CHAR, _AVERAGE_CHAR = round(9.5 * 20 * 0.66), round(9.5 * 20 * 0.5)
#: Longer cells wrap: a column asks for at most a line this long.
_LINE = 60
_WORDS = re.compile(r"\S+")


def fit_columns(table: Any, width: int = TEXT_WIDTH) -> None:
    """Give a table fixed column widths that never break a word, and the small type they are measured for.

    Each column is at least as wide as its longest word needs (set wide, as
    the widest letters take), and shares what is left of ``width`` in
    proportion to how much more its text would like (up to a line of
    :data:`_LINE` characters). Only when the longest words of all columns
    cannot stand side by side (a very long unbroken token) does a word break.
    """
    tbl = table._tbl
    rows = list(tbl.tr_lst)
    texts = [["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.tc_lst] for tr in rows]
    columns = len(texts[0]) if texts else 0
    if not columns:
        return
    least = [_CELL_PADDING + _WIDE_CHAR * max((len(w) for row in texts for w in _WORDS.findall(row[i])), default=1)
             for i in range(columns)]
    wanted = [max(least[i], _CELL_PADDING + _AVERAGE_CHAR * max(min(len(row[i]), _LINE) for row in texts))
              for i in range(columns)]
    if sum(wanted) <= width:
        widths = [w * width // sum(wanted) for w in wanted]
    elif sum(least) <= width:
        spare, extra = width - sum(least), sum(wanted) - sum(least)
        widths = [least[i] + spare * (wanted[i] - least[i]) // extra for i in range(columns)]
    else:
        widths = [w * width // sum(least) for w in least]
    tbl_pr = tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(widths)))
    layout = element("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_w.addnext(layout)
    for col, value in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(value))
    for tr in rows:
        for tc, value in zip(tr.tc_lst, widths):
            tc.find(qn("w:tcPr")).find(qn("w:tcW")).set(qn("w:w"), str(value))
            for run in tc.iter(qn("w:r")):
                _small_run(run)


def _small_run(run: Any) -> None:
    """Set a run in the tables' type size (9.5 pt), after its other properties."""
    r_pr = run.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = element("w:rPr")
        run.insert(0, r_pr)
    for tag in ("w:sz", "w:szCs"):
        size = element(tag)
        size.set(qn("w:val"), "19")
        r_pr.append(size)
