"""Alignment quality over generated draft pairs with a known truth.

    python benchmarks/align_quality.py [--pairs 500] [--edit 0.2] [--seed 0]

Each pair is made from one of the bundled drafts (in turn) by
``treaty_diff.generate.generate_pair`` with 20% of the words edited in each
touched provision (``--edit``), aligned, and scored by ``treaty_diff.evaluate``.
Prints pair precision/recall/F1 and the recall and precision of each kind and
flag, overall and per source draft, and whether the targets are met.
"""

from __future__ import annotations

import argparse
import time

from treaty_diff.align import align
from treaty_diff.read.corpus import CORPUS_IDS, load_corpus_draft
from treaty_diff.testing.evaluate import Tally, evaluate, report, total
from treaty_diff.testing.generate import Rates, generate_pair

TARGETS = {"f1": 0.99, "moved": 0.95, "renumbered": 0.99, "split": 0.90, "merged": 0.90}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=500)
    parser.add_argument("--edit", type=float, default=0.2, help="share of words edited in each touched provision")
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    args = parser.parse_args()

    drafts = [load_corpus_draft(draft_id) for draft_id in CORPUS_IDS]
    by_draft: dict[str, list[Tally]] = {draft_id: [] for draft_id in CORPUS_IDS}
    started = time.perf_counter()
    for n in range(args.pairs):
        draft = drafts[n % len(drafts)]
        generated = generate_pair(draft, args.seed + n, Rates(edit=args.edit))
        by_draft[draft.id].append(evaluate(align(generated.old, generated.new), generated.truth))
    elapsed = time.perf_counter() - started

    overall = total(t for tallies in by_draft.values() for t in tallies)
    print(f"{args.pairs} generated pairs, {args.edit:.0%} of words edited per touched provision, "
          f"seeds {args.seed}..{args.seed + args.pairs - 1}, {elapsed:.1f} s")
    print()
    print(report(overall))
    print()
    print(f"{'source draft':<12} {'pairs':>6} {'F1':>8} {'moved':>8} {'split':>8} {'merged':>8}")
    for draft_id, tallies in by_draft.items():
        t = total(tallies)
        print(f"{draft_id:<12} {t.draft_pairs:>6} {t.f1:>8.4f} {t.label_recall('moved').value:>8.4f}"
              f" {t.label_recall('split').value:>8.4f} {t.label_recall('merged').value:>8.4f}")
    print()
    measured = {"f1": overall.f1, **{k: overall.label_recall(k).value for k in TARGETS if k != "f1"}}
    for name, target in TARGETS.items():
        verdict = "ok" if measured[name] >= target else "BELOW TARGET"
        label = name if name == "f1" else f"{name} recall"
        print(f"target {label:<18} >= {target:.2f}: {measured[name]:.4f}  {verdict}")


if __name__ == "__main__":
    main()
