"""Alignment time against draft size.

    python benchmarks/align_scale.py [--sizes 250 500 1000 2000] [--repeat 3] [--families]
                                     [--aligner MODULE:FUNCTION]

For each size, ``treaty_diff.testing.generate.scale_draft`` builds a draft of that many
articles from the bundled drafts (repeated articles have half their words
varied, so that no two read alike), ``generate_pair`` derives a second draft
from it (default rates: about a third of the articles touched, 20% of their
words edited), and the pair is aligned ``--repeat`` times. With ``--families``,
the pair of each size is instead ``treaty_diff.testing.families.generate_family_pair``
(drafts full of near-duplicate final clauses and annex items, 20% edits, recitals
changed one by one). Prints the best wall-clock and CPU times, the time per
article, and the pair F1 as a check. ``--aligner`` times another aligner (a
function of two drafts returning an Alignment), e.g. an older copy.
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections.abc import Callable

from treaty_diff.model.alignment import Alignment
from treaty_diff.model.draft import Draft
from treaty_diff.read.corpus import load_corpus
from treaty_diff.testing.evaluate import evaluate
from treaty_diff.testing.families import generate_family_pair
from treaty_diff.testing.generate import generate_pair, scale_draft


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--families", action="store_true", help="drafts full of near-duplicates instead")
    parser.add_argument("--aligner", default="treaty_diff.align:align", help="MODULE:FUNCTION to time")
    args = parser.parse_args()

    module, _, name = args.aligner.partition(":")
    align: Callable[[Draft, Draft], Alignment] = getattr(importlib.import_module(module), name or "align")
    sources = load_corpus()
    header = ("articles", "words old", "words new", "wall s", "cpu s", "ms/article", "F1")
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, (8, 10, 10, 8, 8, 11, 7))))
    for size in args.sizes:
        if args.families:
            generated = generate_family_pair(sources, size, args.seed, 0.2)
        else:
            generated = generate_pair(scale_draft(sources, size, seed=args.seed), args.seed)
        walls, cpus = [], []
        for _ in range(args.repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            alignment = align(generated.old, generated.new)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        f1 = evaluate(alignment, generated.truth).f1
        print(f"{size:>8} {generated.old.word_count:>10} {generated.new.word_count:>10} {min(walls):>8.3f}"
              f" {min(cpus):>8.3f} {1000 * min(walls) / size:>11.3f} {f1:>7.4f}")


if __name__ == "__main__":
    main()
