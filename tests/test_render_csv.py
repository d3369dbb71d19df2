"""CSV exports of obligations, coverage and compared obligations: the columns, quoting that spreadsheets read back,
quotes left as the drafts word them, and the command line choosing CSV from -o's suffix."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from support.cli import Run

from treaty_diff.model.draft import Block, Draft, DraftMeta, Provenance, Provision, Source
from treaty_diff.model.obligations import DraftObligations
from treaty_diff.obligations.compare import compare_obligations
from treaty_diff.obligations.coverage import check_coverage
from treaty_diff.obligations.extract import extract_obligations
from treaty_diff.read.checklist import load_checklist
from treaty_diff.read.corpus import load_corpus_draft
from treaty_diff.render.base import RenderOptions, get_renderer
from treaty_diff.render.csv import COMPARISON_COLUMNS, COVERAGE_COLUMNS, OBLIGATION_COLUMNS


def _rows(data: str | bytes) -> list[dict[str, str]]:
    assert isinstance(data, str)
    return list(csv.DictReader(io.StringIO(data, newline="")))


def test_each_obligation_is_a_row_whose_quote_is_the_provision_text() -> None:
    draft = load_corpus_draft("ppwt-2014")
    found = extract_obligations(draft)
    data = get_renderer("obligations", "csv").render(DraftObligations(draft, found), RenderOptions())
    assert isinstance(data, str) and data.splitlines()[0] == ",".join(OBLIGATION_COLUMNS)
    rows = _rows(data)
    assert len(rows) == len(found)
    for row in rows:
        text = draft.provision(row["eId"]).text
        assert text[int(row["start"]):int(row["end"])] == row["quote"]
    assert rows[0]["terms"] == "weapon in outer space | placed in outer space"
    assert rows[0]["provenance"] == "reconstructed"


def test_fields_with_commas_quotes_and_line_breaks_come_back_whole_and_formulas_are_defused() -> None:
    text = 'States Parties shall publish "data", reports\nand lists.'
    draft = Draft(DraftMeta(id="t", title="t"), (Provision("art_1", "article", "=SUM(A1)", None, (
        Block("art_1", "paragraph", None, text, Provenance("verbatim", Source("s", "s"))),)),))
    found = extract_obligations(draft)
    rows = _rows(get_renderer("obligations", "csv").render(DraftObligations(draft, found), RenderOptions()))
    assert rows[0]["quote"] == found[0].quote and "\n" in rows[0]["quote"] and '"data"' in rows[0]["quote"]
    assert rows[0]["num"] == "'=SUM(A1)"


def test_coverage_is_one_row_per_element_and_draft() -> None:
    drafts = [load_corpus_draft("ost-1967"), load_corpus_draft("ppwt-2014")]
    report = check_coverage(drafts, load_checklist("paros"))
    rows = _rows(get_renderer("coverage", "csv").render(report, RenderOptions()))
    assert list(rows[0]) == list(COVERAGE_COLUMNS)
    assert len(rows) == 2 * len(report.rows)
    force = next(r for r in rows if r["element"] == "no-force" and r["draft"] == "ost-1967")
    assert (force["status"], force["by_reference"]) == ("partial", "the Charter of the United Nations")
    celestial = next(r for r in rows if r["element"] == "no-celestial-installation" and r["draft"] == "ppwt-2014")
    assert "through the definition of 'placed in outer space' (Article I(c))" in celestial["citations"]


def test_compared_obligations_are_one_row_per_change() -> None:
    comparison = compare_obligations(load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014"))
    rows = _rows(get_renderer("obligation-comparison", "csv").render(comparison, RenderOptions()))
    assert list(rows[0]) == list(COMPARISON_COLUMNS) and len(rows) == len(comparison.changes)
    assert [r["status"] for r in rows] == [c.status for c in comparison.changes]


def test_the_command_line_writes_csv_for_a_csv_file_and_refuses_it_for_a_redline(
        run: Run, tmp_path: Path) -> None:
    out = tmp_path / "coverage.csv"
    assert run("coverage", "ost-1967", "ppwt-2014", "-o", str(out)).code == 0
    assert out.read_text(encoding="utf-8").startswith(",".join(COVERAGE_COLUMNS))
    listing = tmp_path / "obligations.csv"
    assert run("obligations", "ptbt-1963", "-o", str(listing)).code == 0
    assert listing.read_text(encoding="utf-8").startswith(",".join(OBLIGATION_COLUMNS))
    against = run("coverage", "ppwt-2014", "--against", "ppwt-2008", "--format", "csv")
    assert against.code == 0 and against.out.startswith(",".join(COMPARISON_COLUMNS))
    refused = run("compare", "ppwt-2008", "ppwt-2014", "-o", str(tmp_path / "x.csv"))
    assert refused.code == 2 and ".csv" in refused.err
