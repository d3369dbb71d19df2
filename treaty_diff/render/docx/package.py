"""The DOCX report's package around the body: page, header and footer, styles, properties, settings, the zip.

Every page is A4 and carries a header naming the redline ("Redline: CD/1839 to
CD/1985") and, when any provision shown is reconstructed, saying that it is not
the official wording; the footer gives the page number. So a printed page,
even of ``--redline-only``, says what it is and how far to trust it; the
header and footer are outside the body and hold no tracked change.

The output is reproducible: the same comparison and options give the same
bytes. The revisions and comments carry the options' date (written by
:mod:`.redline`); here, ``docProps/core.xml`` gets that date too (or none at
all rather than the template's), the template's thumbnail is dropped, and the
zip entries get fixed times and attributes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from treaty_diff.model.comparison import Comparison
from treaty_diff.render.base import RenderOptions
from treaty_diff.render.docx.comments import COMMENT_STYLES
from treaty_diff.render.docx.cover import reconstructed_summary
from treaty_diff.render.docx.notes import draft_name
from treaty_diff.render.docx.oxml import checked, element, shown
from treaty_diff.render.docx.redline import hidden_style_xml

#: Zip entry time: the earliest a zip can hold, so two runs give the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

#: Children of w:settings that come after w:trackRevisions in the schema's sequence.
_SETTINGS_AFTER_TRACK = (
    "w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection", "w:autoFormatOverride",
    "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop",
)


def prepare(document: Any, comparison: Comparison, options: RenderOptions, stamp: dt.datetime | None) -> None:
    """The page, header and footer; comment styles, core properties with fixed dates, and no template thumbnail."""
    _page(document, comparison)
    styles = document.styles.element
    for xml in (*COMMENT_STYLES, hidden_style_xml()):
        styles.append(parse_xml(xml))
    document.styles["Normal"].font.size = Pt(11)
    package = document.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[r_id]
    old_name = draft_name(comparison.old, comparison.new)
    new_name = draft_name(comparison.new, comparison.old)
    core = document.core_properties
    core.title = _property(f"Redline: {old_name} to {new_name}")
    core.subject = _property(f"{comparison.old.title} / {comparison.new.title}")
    core.author = _property(options.author)
    core.last_modified_by = options.author
    core.comments = "Written by treaty-diff"
    core.revision = 1
    if stamp is not None:
        core.created = stamp
        core.modified = stamp
    else:
        # No date to give: say none rather than the template's.
        core_element = package.part_related_by(RT.CORE_PROPERTIES).element
        for name in ("created", "modified"):
            for found in core_element.findall("{http://purl.org/dc/terms/}" + name):
                core_element.remove(found)


def _page(document: Any, comparison: Comparison) -> None:
    """A4 with 20 mm side margins; the header (what the document is, and whether its text is reconstructed) and a
    footer with the page number, on every page."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    old_name = draft_name(comparison.old, comparison.new)
    new_name = draft_name(comparison.new, comparison.old)
    paragraph = section.header.paragraphs[0]
    paragraph.add_run(shown(f"Redline: {old_name} to {new_name}", "the page header"))
    notice = reconstructed_summary(comparison)
    if notice:
        paragraph.add_run(" · ")
        paragraph.add_run("Reconstructed text: ").bold = True
        paragraph.add_run(shown(notice[0].lower() + notice[1:], "the page header"))
    for run in paragraph.runs:
        run.font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ").font.size = Pt(8)
    page = element("w:fldSimple")
    page.set(qn("w:instr"), "PAGE")
    run = element("w:r")
    text = element("w:t")
    text.text = "1"
    run.append(text)
    page.append(run)
    footer._p.append(page)


def _property(text: str) -> str:
    """A core property value: at most 255 characters (the OPC limit), shortened with an ellipsis."""
    text = checked(text, "the document properties")
    return text if len(text) <= 255 else text[:254] + "…"


def track_revisions(document: Any) -> None:
    """Turn on w:trackRevisions: edits made to the redline are tracked too. Markup shows by default."""
    settings = document.settings.element
    track = element("w:trackRevisions")
    following = [child for child in settings if child.tag in {qn(t) for t in _SETTINGS_AFTER_TRACK}]
    if following:
        following[0].addprevious(track)
    else:
        settings.append(track)


def deterministic_zip(data: bytes) -> bytes:
    """The same package with fixed entry times and attributes, so equal input gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            target.writestr(entry, source.read(info.filename), compresslevel=6)
    return out.getvalue()
