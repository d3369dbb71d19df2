"""Obligation comparison and DOCX redline time against draft size.

    python benchmarks/scale_obligations_docx.py [--sizes 250 500 1000 2000] [--seed 1]

For each size, ``treaty_diff.generate.scale_draft`` builds a draft of that many
articles from the bundled drafts and ``generate_pair`` derives a second draft
from it (default rates). The pair is aligned once; then, each timed on its own
(CPU seconds of this process, best of ``--repeat``: steadier than wall time on
a shared machine; ``wall`` is the wall-clock time of ``compare+json``):

- ``extract``: ``extract_obligations`` on both drafts;
- ``oblig``: ``compare_obligations`` of the pair with the alignment at hand
  (it extracts the clauses of both drafts itself);
- ``self``: ``compare_obligations`` of the old draft with itself;
- ``compare+json``: ``compare`` with obligations (alignment included) and the
  JSON report, what ``treaty-diff compare --format json`` does after reading;
- ``docx``: the DOCX redline of that comparison.

The ``x`` columns are the ratio of a time to the previous size's: when the
size doubles, a linear stage takes twice the time, a quadratic one four times.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from treaty_diff.align import align
from treaty_diff.compare import compare
from treaty_diff.model.draft import Draft
from treaty_diff.obligations.compare import compare_obligations
from treaty_diff.obligations.extract import extract_obligations
from treaty_diff.read.corpus import load_corpus
from treaty_diff.render.base import RenderOptions
from treaty_diff.render.docx.writer import render_docx
from treaty_diff.render.json import JsonRenderer
from treaty_diff.testing.generate import Rates, generate_pair, scale_draft

T = TypeVar("T")


def _best(call: Callable[[], T], repeat: int) -> tuple[float, float, T]:
    """The best CPU and wall-clock times of ``repeat`` calls, in seconds, and the last call's value."""
    cpu = wall = float("inf")
    value: T | None = None
    for _ in range(repeat):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        value = call()
        cpu = min(cpu, time.process_time() - start_cpu)
        wall = min(wall, time.perf_counter() - start_wall)
    assert value is not None
    return cpu, wall, value


def _growth(now: float, before: float | None) -> str:
    return f"{now / before:.2f}" if before else "-"


@dataclass(frozen=True)
class Timings:
    """One size's figures: CPU seconds of each stage (see the module docstring), and the wall time of compare+json."""

    clauses: int
    extract: float
    oblig: float
    self_oblig: float
    compare_json: float
    compare_json_wall: float
    docx: float


def measure(sources: list[Draft], size: int, seed: int, repeat: int) -> Timings:
    """Time every stage on a generated pair of ``size`` articles."""
    pair = generate_pair(scale_draft(sources, size, seed=seed), seed, Rates())
    old, new = pair.old, pair.new
    alignment = align(old, new)
    extract, _, clauses = _best(lambda: len(extract_obligations(old)) + len(extract_obligations(new)), repeat)
    oblig, _, _ = _best(lambda: compare_obligations(old, new, alignment), repeat)
    self_alignment = align(old, old)
    self_oblig, _, _ = _best(lambda: compare_obligations(old, old, self_alignment), repeat)
    options = RenderOptions()
    compare_json, compare_json_wall, _ = _best(lambda: JsonRenderer().render(compare(old, new), options), repeat)
    comparison = compare(old, new)
    docx, _, _ = _best(lambda: render_docx(comparison, options), repeat)
    return Timings(clauses, extract, oblig, self_oblig, compare_json, compare_json_wall, docx)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    sources = load_corpus()
    columns = ("articles", "clauses", "extract", "oblig", "oblig x", "self", "compare+json", "wall", "docx",
               "docx x")
    widths = (8, 8, 8, 8, 7, 8, 12, 8, 8, 7)
    print(" ".join(f"{h:>{w}}" for h, w in zip(columns, widths)))
    previous: Timings | None = None
    for size in args.sizes:
        t = measure(sources, size, args.seed, args.repeat)
        oblig_x = _growth(t.oblig, previous.oblig if previous else None)
        docx_x = _growth(t.docx, previous.docx if previous else None)
        print(f"{size:>8} {t.clauses:>8} {t.extract:>8.3f} {t.oblig:>8.3f} {oblig_x:>7} {t.self_oblig:>8.3f}"
              f" {t.compare_json:>12.3f} {t.compare_json_wall:>8.3f} {t.docx:>8.3f} {docx_x:>7}", flush=True)
        previous = t


if __name__ == "__main__":
    main()
