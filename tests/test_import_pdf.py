"""PDF import, end to end: the bundled drafts printed to PDF by two producers import back word for word.

Every fixture PDF is printed once per test session (:func:`printed`), in a temporary directory: the drafts are
written as a DOCX in the layout of a UN document and printed by LibreOffice (Tagged PDF, as the official documents
are; and untagged, its default, for the round trip), and as an HTML page printed by Chromium (:mod:`support.pdf_docx`, :mod:`support.pdf_html`). The layout:
a running header with the symbol and "Page N", a footer with the job number and "- N -", justified text with
hyphenation, footnotes; and, for some, two columns, footnotes on many pages, or two language versions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from support.browser import Browser
from support.cli import Run
from support.pdf_docx import Layout, Para, default_notes, libreoffice_pdfs, paragraphs_of, write_paragraphs
from support.pdf_html import print_pdfs

from treaty_diff.errors import InputError
from treaty_diff.model.draft import Draft
from treaty_diff.read.akn import parse_bytes
from treaty_diff.read.corpus import load_corpus_draft
from treaty_diff.read.importers import ImportOptions, import_file, import_text

#: The five drafts the issue names (the PPWT drafts and the three concluded treaties of the first corpus).
DRAFTS = ("ppwt-2008", "ppwt-2014", "ost-1967", "ptbt-1963", "moon-1979")
PRODUCERS = ("libreoffice", "chromium")

#: A French text to print after the English PTBT (made for this test; French is not an authentic language of the
#: PTBT). "Article 1", not "Article premier": the parser does not read French article headings yet.
FRENCH = """Traité interdisant les essais d'armes nucléaires dans l'atmosphère, dans l'espace extra-atmosphérique et sous l'eau

Les Gouvernements des Parties originelles, ci-après dénommés les « Parties originelles »,

Proclamant que leur objectif principal est de parvenir aussi rapidement que possible à un accord sur le désarmement général et complet sous un contrôle international strict, conformément aux buts des Nations Unies,

Sont convenus de ce qui suit :

Article 1

1. Chacune des Parties au présent Traité s'engage à interdire, à empêcher et à s'abstenir d'effectuer toute explosion expérimentale d'arme nucléaire, ou toute autre explosion nucléaire, en tout lieu relevant de sa juridiction ou de son contrôle :

a) dans l'atmosphère ; au-delà de ses limites, y compris l'espace extra-atmosphérique ; ou sous l'eau, y compris les eaux territoriales ou la haute mer ;

b) dans tout autre milieu, si une telle explosion provoque la présence de débris radioactifs en dehors des limites territoriales de l'État sous la juridiction ou le contrôle duquel elle est effectuée.

Article 2

Toute Partie peut proposer des amendements au présent Traité. Le texte de tout amendement proposé sera soumis aux Gouvernements dépositaires, qui le communiqueront à toutes les Parties au présent Traité.

Article 3

Le présent Traité est de durée illimitée.
"""


@dataclass(frozen=True)
class Printed:
    """The fixture PDFs of one session, by producer and name, and the drafts and notes they were printed from."""

    folder: Path
    notes: dict[tuple[str, str], list[str]]
    french: Draft

    def pdf(self, producer: str, name: str) -> Path:
        return self.folder / producer / f"{name}.pdf"

    def footnotes(self, producer: str, name: str) -> list[str]:
        return self.notes[(producer, name)]


def many_notes(draft: Draft, remarks: int) -> dict[str, str]:
    """A note on the first paragraph of every article; the one on Article IX long (LibreOffice runs it over the foot
    of the page onto the next; the Chromium fixture cannot, so it gets a shorter one)."""
    notes = {}
    for provision in draft.articles:
        text = f"A note on {provision.num}: it comments on the text and is not part of it."
        if provision.num == "Article IX":
            text += " " + " ".join(f"Remark {n} of a long note that runs on and on over the foot of the page, "
                                   "so that its text continues on the next page." for n in range(1, remarks + 1))
        notes[provision.blocks[0].eid] = text
    return notes


def _jobs(french: Draft, producer: str) -> tuple[dict[str, tuple[list[Para], Layout]], dict[str, list[str]]]:
    """What each producer prints (name: paragraphs and layout), and the footnotes of each."""
    jobs: dict[str, tuple[list[Para], Layout]] = {}
    notes: dict[str, list[str]] = {}
    for draft_id in DRAFTS:
        draft = load_corpus_draft(draft_id)
        jobs[draft_id] = (paragraphs_of(draft), Layout())
        notes[draft_id] = list(default_notes(draft).values())
    moon = load_corpus_draft("moon-1979")
    jobs["moon-columns"] = (paragraphs_of(moon), Layout(columns=2, symbol="A/AC.105/L.113/Add.4", job="79-12345 (E)"))
    notes["moon-columns"] = list(default_notes(moon).values())
    ost = load_corpus_draft("ost-1967")
    long_notes = many_notes(ost, 30 if producer == "libreoffice" else 8)
    jobs["ost-notes"] = (paragraphs_of(ost, long_notes), Layout())
    notes["ost-notes"] = list(long_notes.values())
    ptbt = load_corpus_draft("ptbt-1963")
    jobs["ptbt-en-fr"] = ([*paragraphs_of(ptbt, {}), Para("", "break"), *paragraphs_of(french, {})], Layout())
    return jobs, notes


@pytest.fixture(scope="session")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Printed]:
    """Every fixture PDF, printed once per session by LibreOffice and by Chromium."""
    folder = tmp_path_factory.mktemp("pdf-fixtures")
    french = import_text(FRENCH, "traite.txt", ImportOptions(id="ptbt-fr", language="fr")).draft
    notes: dict[tuple[str, str], list[str]] = {}
    office = folder / "libreoffice"
    office.mkdir()
    jobs, office_notes = _jobs(french, "libreoffice")
    notes.update({("libreoffice", name): value for name, value in office_notes.items()})
    for name, (paragraphs, layout) in jobs.items():
        write_paragraphs(paragraphs, office / f"{name}.docx", layout)
    libreoffice_pdfs(sorted(office.glob("*.docx")), office, folder / "lo-profile")
    untagged = folder / "libreoffice-untagged"
    untagged.mkdir()
    for draft_id in DRAFTS:
        (untagged / f"{draft_id}.docx").write_bytes((office / f"{draft_id}.docx").read_bytes())
        notes[("libreoffice-untagged", draft_id)] = notes[("libreoffice", draft_id)]
    libreoffice_pdfs(sorted(untagged.glob("*.docx")), untagged, folder / "lo-profile", tagged=False)
    chromium = folder / "chromium"
    chromium.mkdir()
    jobs, chromium_notes = _jobs(french, "chromium")
    notes.update({("chromium", name): value for name, value in chromium_notes.items()})
    with Browser.start() as browser:
        print_pdfs(browser, [(paragraphs, layout, chromium / f"{name}.pdf") for name, (paragraphs, layout)
                             in jobs.items()])
    yield Printed(folder, notes, french)


def provisions(shown: str) -> list[tuple[str, str | None, str | None, str]]:
    """eId, num, heading and text of each provision of ``show --format json``."""
    return [(p["eId"], p["num"], p["heading"], p["text"]) for p in json.loads(shown)["provisions"]]


def footnotes(draft: Draft) -> list[str]:
    """The footnotes kept in the draft's notes, without "footnote N (page P): "."""
    return [re.sub(r"^footnote \S+ \(page \d+\): ", "", note) for note in draft.meta.notes
            if note.startswith("footnote ")]


# -- the round trip --------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("producer", [*PRODUCERS, "libreoffice-untagged"])
@pytest.mark.parametrize("draft_id", DRAFTS)
def test_a_bundled_draft_printed_to_pdf_imports_back_word_for_word(printed: Printed, producer: str, draft_id: str,
                                                                   run: Run) -> None:
    """Also from LibreOffice's default (untagged) PDF, where nothing says which hyphens the layout added and the
    document's own words decide."""
    path = printed.pdf(producer, draft_id)
    shown = run("show", str(path), "--format", "json")
    assert shown.code == 0, shown.err
    assert provisions(shown.out) == provisions(run("show", draft_id, "--format", "json").out)
    result = import_file(path, ImportOptions(id=draft_id))
    assert footnotes(result.draft) == printed.footnotes(producer, draft_id)
    assert [w.split(": ", 1)[1] for w in result.warnings] == [
        "provenance not given: the text is taken to be verbatim (the official wording); import with --provenance "
        "reconstructed if it is not"]


@pytest.mark.slow
@pytest.mark.parametrize("producer", PRODUCERS)
@pytest.mark.parametrize("draft_id", DRAFTS)
def test_comparing_a_bundled_draft_with_its_printed_pdf_reports_no_change(printed: Printed, producer: str,
                                                                          draft_id: str, run: Run) -> None:
    result = run("compare", draft_id, str(printed.pdf(producer, draft_id)), "--format", "json", "--exit-code")
    assert result.code == 0, result.err
    summary = json.loads(result.out)["summary"]
    assert summary["unchanged"] == len(load_corpus_draft(draft_id).provisions)
    assert {k: v for k, v in summary.items() if k != "unchanged"} == dict.fromkeys(
        ["modified", "inserted", "deleted", "split", "merged", "renumbered", "moved", "words_inserted",
         "words_deleted"], 0)


@pytest.mark.slow
@pytest.mark.parametrize("producer", PRODUCERS)
def test_the_fixtures_really_have_headers_footers_hyphenation_and_footnotes(printed: Printed, producer: str) -> None:
    """The round trip would prove little on PDFs without what it is meant to remove: look at their text layers."""
    for name in DRAFTS:
        document = pdfium.PdfDocument(printed.pdf(producer, name))
        try:
            texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
        finally:
            document.close()
        assert len(texts) >= 2
        for number, text in enumerate(texts, start=1):
            assert "CD/1839" in text and f"Page {number}" in text and "GE.08-60513" in text and f"- {number} -" in text
        split_words = sum(len(re.findall(r"\w[\ufffe\u2010]", text)) for text in texts)
        assert split_words >= 3, f"{name}: only {split_words} words hyphenated at a line end"
        joined = " ".join(texts)
        for note in printed.footnotes(producer, name):
            assert note[:40] in " ".join(joined.split())


@pytest.mark.slow
@pytest.mark.parametrize("producer", PRODUCERS)
def test_a_two_column_layout_imports_back_word_for_word(printed: Printed, producer: str, run: Run) -> None:
    path = printed.pdf(producer, "moon-columns")
    result = import_file(path, ImportOptions(id="moon-1979"))
    assert [(p.eid, p.text) for p in result.draft.provisions] == [
        (p.eid, p.text) for p in load_corpus_draft("moon-1979").provisions]
    assert any(line.startswith("columns: pages 1-") for line in result.info)
    assert footnotes(result.draft) == printed.footnotes(producer, "moon-columns")


@pytest.mark.slow
@pytest.mark.parametrize("producer", PRODUCERS)
def test_footnotes_on_many_pages_are_kept_as_notes_and_never_in_the_text(printed: Printed, producer: str) -> None:
    result = import_file(printed.pdf(producer, "ost-notes"), ImportOptions(id="ost-1967"))
    assert [(p.eid, p.text) for p in result.draft.provisions] == [
        (p.eid, p.text) for p in load_corpus_draft("ost-1967").provisions]
    assert footnotes(result.draft) == printed.footnotes(producer, "ost-notes")
    pages = [int(m.group(1)) for n in result.draft.meta.notes for m in [re.match(r"footnote \S+ \(page (\d+)\)", n)]
             if m]
    assert pages == sorted(pages) and len(set(pages)) >= 4


# -- what is read from a PDF ------------------------------------------------------------------------------


@pytest.mark.slow
def test_each_provision_is_marked_with_the_file_and_the_pages_it_is_on(printed: Printed, tmp_path: Path,
                                                                       run: Run) -> None:
    path = printed.pdf("libreoffice", "ppwt-2008")
    out = tmp_path / "ppwt.xml"
    result = run("import", str(path), "-o", str(out), "--provenance", "reconstructed")
    assert result.code == 0, result.err
    draft = parse_bytes(out.read_bytes(), "ppwt.xml")
    assert {b.provenance.status for p in draft.provisions for b in p.blocks} == {"reconstructed"}
    sources = [p.blocks[0].provenance.source.description for p in draft.provisions]
    assert sources[0].startswith("ppwt-2008.pdf, page 1. Imported by treaty-diff from ppwt-2008.pdf (PDF); "
                                 "reconstructed, as stated by the user")
    pages = [int(m.group(1)) for s in sources for m in [re.match(r"ppwt-2008\.pdf, pages? (\d+)", s)] if m]
    assert len(pages) == len(sources) and pages == sorted(pages) and pages[-1] >= 3
    document = pdfium.PdfDocument(path)
    try:
        count = len(document)
        last_page = document[count - 1].get_textpage().get_text_range()
    finally:
        document.close()
    assert draft.provisions[-1].blocks[-1].body[:30] in " ".join(last_page.split())
    assert sources[-1].startswith(f"ppwt-2008.pdf, page {count}.")


@pytest.mark.slow
def test_the_language_asked_is_imported_from_a_pdf_that_holds_two(printed: Printed, run: Run) -> None:
    path = printed.pdf("libreoffice", "ptbt-en-fr")
    english = import_file(path, ImportOptions(id="ptbt-1963", language="en"))
    assert [(p.eid, p.text) for p in english.draft.provisions] == [
        (p.eid, p.text) for p in load_corpus_draft("ptbt-1963").provisions]
    assert any(line.startswith("language: the English text (pages 1-") for line in english.info)
    french = import_file(path, ImportOptions(id="ptbt-fr", language="fr"))
    assert [p.text for p in french.draft.provisions] == [p.text for p in printed.french.provisions]
    assert french.draft.meta.language == "fr"


@pytest.mark.slow
def test_a_pdf_that_holds_two_languages_is_refused_without_language_with_one_line(printed: Printed, tmp_path: Path,
                                                                                run: Run) -> None:
    path = printed.pdf("chromium", "ptbt-en-fr")
    with pytest.raises(InputError, match=r"several languages: English \(pages 1-\d\), French \(pages? \d"):
        import_file(path)
    out = tmp_path / "out.xml"
    result = run("import", str(path), "-o", str(out))
    assert result.code == 2 and not out.exists()
    assert len(result.err.strip().splitlines()) == 1
    assert "--language en or --language fr" in result.err
    wrong = run("import", str(path), "-o", str(out), "--language", "de")
    assert wrong.code == 2 and "--language de is not among them" in wrong.err and not out.exists()


@pytest.mark.slow
def test_a_pdf_is_taken_wherever_a_draft_is_and_nothing_is_written(printed: Printed, run: Run) -> None:
    path = printed.pdf("chromium", "ost-1967")
    before = sorted(path.parent.iterdir())
    shown = run("show", str(path), "--article", "IV")
    assert shown.code == 0, shown.err
    assert shown.out.strip() == load_corpus_draft("ost-1967").provision("Article IV").text
    obligations = run("obligations", str(path), "--format", "json")
    assert obligations.code == 0, obligations.err
    assert json.loads(obligations.out)["obligations"]
    assert sorted(path.parent.iterdir()) == before
