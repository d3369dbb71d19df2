"""The WmlComparer test suite (real Word documents nobody here wrote) through treaty-diff, with LibreOffice as
the oracle.

    .venv/bin/python benchmarks/wmlcomparer_quality.py              # the whole suite (../shared/peer-suites/...)
    .venv/bin/python benchmarks/wmlcomparer_quality.py --suite tests/data/wmlcomparer   # the tests' sample
    .venv/bin/python benchmarks/wmlcomparer_quality.py --no-office  # without LibreOffice (counts 1 to 4 only)
    .venv/bin/python benchmarks/wmlcomparer_quality.py --json x.json  # also write every row

It counts, over the rows of ``pairs.tsv`` and every document they name:

1. the pairs that ``treaty-diff compare OLD NEW`` compares with exit status 0;
2. the documents that, compared with themselves, report no change;
3. the pairs WmlComparer expects no revision for that report no change;
4. the pairs that report no change while the text treaty-diff reads differs (must be none);
5. for each document, the text treaty-diff imports against LibreOffice's own text export of it (whitespace,
   list bullets and numbers aside), each difference with its reason;
6. for each pair, the ``--redline-only`` DOCX with every change accepted in LibreOffice against the new
   document's text export, and with every change rejected against the old one's: equal, equal but for the
   differences of 5 (each explained there) and for the characters that would not be seen, which the report
   shows by name ("<U+200B>"), or different.

Reasons are given by rule, from what differs: the text of footnotes, endnotes, text boxes and SmartArt, which
treaty-diff compares and LibreOffice's text export leaves out; a note's reference mark, which treaty-diff
raises ("¹") and the export writes as a plain "1"; anything else is listed as unexplained, with the text.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SUITE = REPO.parent / "shared" / "peer-suites" / "wmlcomparer"
OFFICE = Path(__file__).resolve().parent / "wmlcomparer_office.py"
_BULLET = re.compile(r"^\s*(?:[•◦▪‣●○■□–\-*·]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)])\s+")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
#: How the DOCX report shows a character that would not be seen (a zero-width space is "<U+200B>").
_HIDDEN = re.compile(r"<U\+([0-9A-F]{4,6})>")


def normalise(text: str) -> str:
    """Text as compared: NFKC (a raised mark "¹" is "1"), list bullets and numbers at line starts left out, no
    white space at all, nor zero-width spaces (LibreOffice's export writes one where an object is anchored)."""
    lines = unicodedata.normalize("NFKC", text).replace("\u200b", "").replace("\ufeff", "").split("\n")
    return "".join("".join(_BULLET.sub("", line).split()) for line in lines)


@dataclass
class Found:
    """What a document holds that the two texts treat differently (all normalised)."""

    extras: list[str] = field(default_factory=list)
    """footnotes, endnotes, equations, text boxes, SmartArt nodes: compared by treaty-diff, not exported"""
    deleted: list[str] = field(default_factory=list)
    """tracked deletions: read as accepted (left out) by treaty-diff, kept in the export"""
    fields: set[str] = field(default_factory=set)
    """the names of the document's fields (DATE, PAGE, ...): the export shows LibreOffice's value"""


def found_in(path: Path) -> Found:
    from lxml import etree

    found = Found()

    def texts(root: etree._Element, tag: str) -> str:
        return "".join(t.text or "" for t in root.iter(tag))

    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        for name in ("word/footnotes.xml", "word/endnotes.xml"):
            if name in names:
                for note in etree.fromstring(archive.read(name)):
                    if note.get(f"{_W}type", "normal") == "normal":
                        found.extras.append(texts(note, f"{_W}t"))
        root = etree.fromstring(archive.read("word/document.xml"))
        found.extras.extend(texts(equation, f"{_M}t") for equation in root.iter(f"{_M}oMath"))
        for box in root.iter(f"{_W}txbxContent"):
            found.extras.extend(texts(p, f"{_W}t") for p in box.iter(f"{_W}p"))
        found.deleted.extend(texts(d, f"{_W}delText") for d in root.iter(f"{_W}del"))
        instructions = [t.text or "" for t in root.iter(f"{_W}instrText")]
        instructions += [f.get(f"{_W}instr", "") for f in root.iter(f"{_W}fldSimple")]
        found.fields = {words[0].upper() for words in (i.split() for i in instructions) if words}
        for name in sorted(names):
            if name.startswith("word/diagrams/data"):
                data = etree.fromstring(archive.read(name))
                found.extras.extend(texts(p, f"{_A}t") for p in data.iter(f"{_A}p"))
    found.extras = [normalise(t) for t in found.extras if normalise(t)]
    found.deleted = [normalise(t) for t in found.deleted if normalise(t)]
    return found


_DATES = {"DATE", "TIME", "CREATEDATE", "SAVEDATE", "PRINTDATE", "PAGE", "NUMPAGES", "SECTIONPAGES"}


def without_extras(path: Path) -> str:
    """The text treaty-diff imports from a document, but for what it compares and LibreOffice's export leaves
    out: the text of notes (their marks stay), text boxes, SmartArt and equations (the DOCX reader's walker,
    with those parts turned off for this one reading)."""
    from unittest import mock

    from treaty_diff.read.importers import docx

    def mark_only(walker: Any, reference: Any, out: list[str]) -> None:
        out.append(walker.content.notes.cite(reference)[0])

    with mock.patch.object(docx._Walker, "graphic", lambda walker, element: None), \
            mock.patch.object(docx._Walker, "note", mark_only), mock.patch.object(docx, "MATH_NS", "-"):
        from treaty_diff.read.importers import import_file

        return import_file(path).draft.text


def explain(ours: str, reference: str, plain: str, found: Found) -> list[str]:
    """Why the normalised texts ``ours`` and ``reference`` differ (``plain``: ours without what LibreOffice's
    export leaves out): one reason per kind of difference."""
    reasons: list[str] = []
    if plain != ours:
        reasons.append(f"{len(found.extras)} footnote, endnote, equation, text box or SmartArt text(s): compared by "
                       "treaty-diff, left out of LibreOffice's text export")
    kept = [text for text in found.deleted if text in reference and text not in plain]
    for text in kept:
        reference = reference.replace(text, "", 1)
    if kept:
        reasons.append(f"{len(kept)} tracked deletion(s): treaty-diff reads tracked changes as accepted; "
                       f"LibreOffice's text export keeps the deleted text ({kept[0][:40]!r})")
    matcher = difflib.SequenceMatcher(None, reference, plain, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        added, dropped = plain[b1:b2], reference[a1:a2]
        if found.fields & _DATES and len(added) <= 12 and len(dropped) <= 12:
            reasons.append(f"a {'/'.join(sorted(found.fields & _DATES))} field: LibreOffice's export shows its value "
                           f"today ({dropped!r}), treaty-diff the value stored in the document ({added!r})")
        else:
            reasons.append(f"UNEXPLAINED: LibreOffice {dropped[:60]!r}, treaty-diff {added[:60]!r}")
    return reasons


@dataclass
class Office:
    """The LibreOffice worker (benchmarks/wmlcomparer_office.py) in a subprocess."""

    folder: str
    process: subprocess.Popen[str] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(["/usr/bin/python3", str(OFFICE), self.folder], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, start_new_session=True)
        self._read()

    def _read(self) -> dict[str, Any]:
        assert self.process is not None and self.process.stdout is not None
        answer: dict[str, Any] = json.loads(self.process.stdout.readline())
        if not answer.get("ok"):
            raise RuntimeError(answer.get("error", "the LibreOffice worker failed"))
        return answer

    def text(self, path: Path, changes: str | None = None) -> str:
        assert self.process is not None and self.process.stdin is not None
        self.process.stdin.write(json.dumps({"path": str(path), "changes": changes}) + "\n")
        self.process.stdin.flush()
        return str(self._read()["text"])

    def close(self) -> None:
        if self.process is not None and self.process.stdin is not None:
            self.process.stdin.write(json.dumps({"quit": True}) + "\n")
            self.process.stdin.close()
            self.process.wait(timeout=60)


@dataclass
class Results:
    pairs: int = 0
    compared: int = 0
    documents: int = 0
    self_unchanged: int = 0
    zero_expected: int = 0
    zero_unchanged: int = 0
    silent: list[str] = field(default_factory=list)
    files_equal: int = 0
    files_explained: int = 0
    files_unexplained: list[str] = field(default_factory=list)
    accepted: dict[str, int] = field(default_factory=lambda: {"equal": 0, "explained": 0, "different": 0})
    rejected: dict[str, int] = field(default_factory=lambda: {"equal": 0, "explained": 0, "different": 0})
    rows: list[dict[str, Any]] = field(default_factory=list)


def _cli(*args: str) -> int:
    """``treaty-diff ARGS`` in this process; its exit status."""
    import contextlib
    import io

    from treaty_diff.cli import main

    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            main(list(args))
        except SystemExit as exit_:
            return int(exit_.code or 0)
    return 0


def run(suite: Path, office: Office | None, folder: Path) -> Results:
    from treaty_diff.compare import compare
    from treaty_diff.read.corpus import load_draft
    from treaty_diff.render.base import RenderOptions, get_renderer

    rows = list(csv.DictReader((suite / "pairs.tsv").open(encoding="utf-8"), delimiter="\t"))
    names = sorted({row[side] for row in rows for side in ("old", "new")})
    results = Results(pairs=len(rows), documents=len(names))
    drafts = {name: load_draft(str(suite / name), on_warning=lambda _: None) for name in names}
    reference: dict[str, str] = {}
    explained: dict[str, bool] = {}
    for name in names:
        draft = drafts[name]
        results.self_unchanged += not compare(draft, draft).differs
        if office is None:
            continue
        reference[name] = normalise(office.text(suite / name))
        ours = normalise(draft.text)
        reasons = (explain(ours, reference[name], normalise(without_extras(suite / name)), found_in(suite / name))
                   if ours != reference[name] else [])
        explained[name] = not any(r.startswith("UNEXPLAINED") for r in reasons)
        if not reasons:
            results.files_equal += 1
        elif explained[name]:
            results.files_explained += 1
        else:
            results.files_unexplained.append(name)
        results.rows.append({"document": name, "reasons": reasons})
    docx = get_renderer("comparison", "docx")
    for row in rows:
        old, new = suite / row["old"], suite / row["new"]
        status = _cli("compare", str(old), str(new))
        results.compared += status == 0
        comparison = compare(drafts[row["old"]], drafts[row["new"]])
        if row["expected_revisions"] == "0":
            results.zero_expected += 1
            results.zero_unchanged += not comparison.differs
        if not comparison.differs and drafts[row["old"]].text != drafts[row["new"]].text:
            results.silent.append(row["id"])
        entry: dict[str, Any] = {"id": row["id"], "status": status, "differs": comparison.differs}
        if office is not None:
            redline = folder / f"{row['id']}.docx"
            data = docx.render(comparison, RenderOptions(redline_only=True))
            redline.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
            for side, name, tally in (("accept", row["new"], results.accepted),
                                      ("reject", row["old"], results.rejected)):
                got = normalise(office.text(redline, side))
                shown = normalise(_HIDDEN.sub(lambda m: chr(int(m.group(1), 16)), office.text(redline, side)))
                verdict = ("equal" if got == reference[name] else
                           "explained" if shown in (reference[name], normalise(drafts[name].text)) and explained[name]
                           else "different")
                tally[verdict] += 1
                entry[side] = verdict
        results.rows.append(entry)
    return results


def report(results: Results, suite: Path, seconds: float) -> str:
    lines = [
        f"WmlComparer suite: {suite} ({results.pairs} comparisons, {results.documents} documents; {seconds:.0f} s)",
        f"1. pairs compared with exit 0:                          {results.compared} of {results.pairs}",
        f"2. documents reporting no change against themselves:    {results.self_unchanged} of {results.documents}",
        f"3. pairs WmlComparer finds identical reporting no change: {results.zero_unchanged} of "
        f"{results.zero_expected}",
        f"4. pairs reporting no change while their text differs:  {len(results.silent)} {results.silent or ''}",
    ]
    if results.rows and any("document" in r for r in results.rows):
        lines += [
            f"5. imported text against LibreOffice's export: {results.files_equal} equal, {results.files_explained} "
            f"differ only as explained, {len(results.files_unexplained)} unexplained {results.files_unexplained or ''}",
            f"6. --redline-only accepted in LibreOffice vs the new document: {results.accepted}",
            f"   --redline-only rejected in LibreOffice vs the old document: {results.rejected}",
            "",
            "Differences between the imported text and LibreOffice's text export, by document:",
        ]
        for row in results.rows:
            if row.get("reasons"):
                lines.append(f"  {row['document']}:")
                lines.extend(f"    - {reason}" for reason in row["reasons"])
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--suite", type=Path, default=SUITE, help="a folder with pairs.tsv (default: %(default)s)")
    parser.add_argument("--no-office", action="store_true", help="skip the LibreOffice checks (5 and 6)")
    parser.add_argument("--json", type=Path, help="write every row here")
    arguments = parser.parse_args()
    if not (arguments.suite / "pairs.tsv").exists():
        print(f"no pairs.tsv in {arguments.suite}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="treaty-diff-wmlcomparer-") as folder:
        office = None if arguments.no_office else Office(folder)
        try:
            if office is not None:
                office.start()
            results = run(arguments.suite, office, Path(folder))
        finally:
            if office is not None:
                office.close()
    print(report(results, arguments.suite, time.perf_counter() - started))
    if arguments.json:
        arguments.json.write_text(json.dumps(results.__dict__, indent=1, ensure_ascii=False), encoding="utf-8")
    ok = (results.compared == results.pairs and results.self_unchanged == results.documents
          and results.zero_unchanged == results.zero_expected and not results.silent
          and not results.files_unexplained and not results.accepted["different"]
          and not results.rejected["different"])
    return 0 if ok else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
