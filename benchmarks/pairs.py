"""The draft pairs measured: generated ones of N articles (with their truth), and the bundled PPWT pair.

Each pair is written to a directory of its own, the input of every tool:
``old.xml``/``new.xml`` (Akoma Ntoso, ours), ``old.docx``/``new.docx`` (one
paragraph per num, heading and block: python-redlines and LibreOffice) and
``old.txt``/``new.txt`` (``Draft.text``: redlines and difflib).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from draft_docx import draft_docx

from treaty_diff.model.alignment import ProvisionPair
from treaty_diff.model.draft import Draft
from treaty_diff.read.akn import draft_to_xml, parse_bytes
from treaty_diff.read.corpus import load_corpus, load_corpus_draft
from treaty_diff.testing.generate import Rates, generate_pair, scale_draft

#: The seed of every generated pair (the scaled draft and the edits made to it).
SEED = 9
#: The edit rates of every generated pair: the generator's defaults.
RATES = Rates()


@dataclass(frozen=True)
class Pair:
    """One pair on disk, with the drafts as read back from its XML and, for a generated pair, its truth."""

    name: str
    articles: int
    directory: Path
    old: Draft
    new: Draft
    truth: tuple[ProvisionPair, ...] | None

    @property
    def words(self) -> int:
        return len(self.old.text.split()) + len(self.new.text.split())

    @property
    def true_moves(self) -> int | None:
        return None if self.truth is None else sum(1 for p in self.truth if p.moved)


def _write(name: str, old: Draft, new: Draft, truth: tuple[ProvisionPair, ...] | None, root: Path) -> Pair:
    directory = root / name
    directory.mkdir(parents=True, exist_ok=True)
    old_xml, new_xml = draft_to_xml(old), draft_to_xml(new)
    (directory / "old.xml").write_bytes(old_xml)
    (directory / "new.xml").write_bytes(new_xml)
    # The reference texts are those of the drafts as read back, which is what every tool is given.
    old_read, new_read = parse_bytes(old_xml, "old.xml"), parse_bytes(new_xml, "new.xml")
    (directory / "old.txt").write_text(old_read.text, encoding="utf-8")
    (directory / "new.txt").write_text(new_read.text, encoding="utf-8")
    (directory / "old.docx").write_bytes(draft_docx(old_read))
    (directory / "new.docx").write_bytes(draft_docx(new_read))
    return Pair(name, len(old_read.articles), directory, old_read, new_read, truth)


def generated_pairs(sizes: Sequence[int], root: Path) -> list[Pair]:
    """For each size, a draft of that many articles (scaled from the bundled ones) and a generated new version."""
    corpus = load_corpus()
    pairs = []
    for size in sizes:
        generated = generate_pair(scale_draft(corpus, size, seed=SEED), SEED, RATES)
        pairs.append(_write(f"gen-{size}", generated.old, generated.new, generated.truth, root))
    return pairs


def ppwt_pair(root: Path) -> Pair:
    """The bundled PPWT drafts of 2008 and 2014 (no truth: it is a real pair)."""
    return _write("ppwt", load_corpus_draft("ppwt-2008"), load_corpus_draft("ppwt-2014"), None, root)
