"""The documents of tests/data/structure as Word documents: the same text, one Word paragraph a line, and a
line whose cells are separated by tabs a row of a Word table (consecutive such lines one table)."""

from __future__ import annotations

from pathlib import Path

import docx  # python-docx, from the test extra

STRUCTURE = Path(__file__).resolve().parent.parent / "data" / "structure"


def text_to_docx(source: Path, target: Path) -> Path:
    """Write ``source`` (a text fixture, its '# ' header left out) as a DOCX at ``target``."""
    document = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
            for cells, row in zip(table.rows, rows):
                for cell, text in zip(cells.cells, row):
                    cell.text = text
            rows.clear()

    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        flush()
        if line.strip():
            document.add_paragraph(line.strip())
    flush()
    document.save(str(target))
    return target
