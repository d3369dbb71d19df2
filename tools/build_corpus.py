"""Rebuild ``drafts/*.xml`` from the source texts in ``tests/data/sources/``.

A developer's tool, not part of the package: it runs the plain-text importer
on each source text, applies the provenance that the source's header states
(per provision, and per recital or paragraph where a provision mixes verbatim
and reconstructed text), adds the metadata, and writes the Akoma Ntoso file.
The result is read back through the package's reader (schema and consistency
checks) before it is written. Run from the repository root:

    python tools/build_corpus.py
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from treaty_diff.model.draft import Block, Draft, DraftMeta, Provenance, ProvenanceStatus, Provision, Source
from treaty_diff.read.akn import draft_to_xml, parse_bytes
from treaty_diff.read.importers.plaintext import parse_text

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tests" / "data" / "sources"


def header_and_text(path: Path) -> tuple[list[str], str]:
    """The ``# `` header lines (without the marker) and the text after them."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = []
    index = 0
    while index < len(lines) and lines[index].startswith("#"):
        header.append(lines[index].lstrip("#").strip())
        index += 1
    return header, "\n".join(lines[index:])


PPWT_RECORD = (
    "Reconstructed from the public record: no complete copy of the official English text could be "
    "consulted. The structure follows the record; the wording is NOT the official wording."
)

DRAFTS = {
    "ppwt-2008": {
        "file": "ppwt-2008-en.txt",
        "meta": dict(
            short_title="PPWT", symbol="CD/1839", date="2008-02-29", proponents=("Russian Federation", "China"),
            status="draft", document_type="bill",
        ),
        "sources": {
            "un-cd1839": "UN English text of CD/1839 (a copy of the UN PDF); the end of recital 4, "
            "\"peace and security,\", is completed as in every other copy of the preamble.",
            "record": PPWT_RECORD,
        },
        "default": ("reconstructed", "record"),
        "verbatim": {
            "preface": "un-cd1839",
            "preamble__recs__rec_1": "un-cd1839",
            "preamble__recs__rec_2": "un-cd1839",
            "preamble__recs__rec_3": "un-cd1839",
            "preamble__recs__rec_4": "un-cd1839",
        },
        "other": {},
    },
    "ppwt-2014": {
        "file": "ppwt-2014-en.txt",
        "meta": dict(
            short_title="PPWT", symbol="CD/1985", date="2014-06-12", proponents=("Russian Federation", "China"),
            status="draft", document_type="bill",
        ),
        "sources": {
            "mfa-china-2014": "English text published by the Ministry of Foreign Affairs of China on 2014-06-16 "
            "(the title keeps that page's missing space before \"(Draft)\").",
            "zh-meaning": "Reconstructed: follows the meaning of the Chinese text of the same draft; "
            "NOT the official English wording.",
            "record": PPWT_RECORD,
        },
        "default": ("reconstructed", "record"),
        "verbatim": {
            "preface": "mfa-china-2014",
            "preamble": "mfa-china-2014",
            "art_1__list_1__intro": "mfa-china-2014",
        },
        "other": {"art_1": "zh-meaning"},
    },
    "ost-1967": {
        "file": "ost-1967-en.txt",
        "meta": dict(
            short_title="Outer Space Treaty", symbol="610 UNTS 205", date="1967-01-27", status="in force",
            document_type="act",
        ),
        "sources": {
            "bwbv0004403": "Dutch government treaty database (wetten.overheid.nl), database id BWBV0004403, "
            "English section, as mirrored by the statengeneraal/laws-markdown repository "
            "(commit a0ec3d1b4e1eff81951d3c3ad099de5e357c2727); corrections listed in the notes.",
        },
        "default": ("verbatim", "bwbv0004403"),
        "verbatim": {},
        "other": {},
    },
    "ptbt-1963": {
        "file": "ptbt-1963-en.txt",
        "meta": dict(
            short_title="Partial Test Ban Treaty", symbol="480 UNTS 43", date="1963-08-05", status="in force",
            document_type="act",
        ),
        "sources": {
            "bwbv0004520": "Dutch government treaty database (wetten.overheid.nl), database id BWBV0004520, "
            "English section, as mirrored by the statengeneraal/laws-markdown repository "
            "(commit 45bed390f1200bb2cb5e098d51b9ea6ed44d70b7); corrections listed in the notes.",
        },
        "default": ("verbatim", "bwbv0004520"),
        "verbatim": {},
        "other": {},
    },
    "moon-1979": {
        "file": "moon-1979-en.txt",
        "meta": dict(
            short_title="Moon Agreement", symbol="1363 UNTS 3", date="1979-12-18", status="in force",
            document_type="act",
        ),
        "sources": {
            "bwbv0003946": "Dutch government treaty database (wetten.overheid.nl), database id BWBV0003946, "
            "English section, as mirrored by the statengeneraal/laws-markdown repository "
            "(commit 3554c09137927fb9c0b7edbb3bffa36c344c7daf); corrections listed in the notes.",
        },
        "default": ("verbatim", "bwbv0003946"),
        "verbatim": {},
        "other": {},
    },
}


def _lookup(eid: str, table: dict[str, str]) -> str | None:
    key = eid
    while True:
        if key in table:
            return table[key]
        if "__" not in key:
            return None
        key = key.rsplit("__", 1)[0]


def build(draft_id: str) -> Draft:
    spec = DRAFTS[draft_id]
    header, text = header_and_text(SOURCES / str(spec["file"]))
    sources = {sid: Source(sid, desc) for sid, desc in spec["sources"].items()}  # type: ignore[attr-defined]
    meta = DraftMeta(id=draft_id, title="", sources=tuple(sources.values()), notes=tuple(header),
                     **spec["meta"])  # type: ignore[arg-type]
    default_status: ProvenanceStatus
    default_source: str
    default_status, default_source = spec["default"]  # type: ignore[misc,assignment]
    imported = parse_text(text, meta, Provenance(default_status, sources[default_source]), draft_id)
    if imported.warnings:
        raise SystemExit(f"{draft_id}: {imported.warnings}")

    def provenance(eid: str) -> Provenance:
        verbatim = _lookup(eid, spec["verbatim"])  # type: ignore[arg-type]
        if verbatim:
            return Provenance("verbatim", sources[verbatim])
        other = _lookup(eid, spec["other"])  # type: ignore[arg-type]
        if other:
            return Provenance(default_status, sources[other])
        return Provenance(default_status, sources[default_source])

    provisions = []
    for provision in imported.draft.provisions:
        blocks: list[Block] = [dataclasses.replace(b, provenance=provenance(b.eid)) for b in provision.blocks]
        provisions.append(dataclasses.replace(provision, blocks=tuple(blocks)))
    return dataclasses.replace(imported.draft, provisions=tuple(provisions))


def main() -> int:
    out_dir = ROOT / "drafts"
    for draft_id in DRAFTS:
        draft = build(draft_id)
        data = draft_to_xml(draft)
        parse_bytes(data, draft_id)  # the package's own checks, before anything is written
        (out_dir / f"{draft_id}.xml").write_bytes(data)
        print(f"{draft_id}: {len(draft.articles)} articles, {draft.word_count} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["Provision", "build", "header_and_text"]
