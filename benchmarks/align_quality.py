"""Alignment quality over generated draft pairs with a known truth.

    python benchmarks/align_quality.py [--pairs 500] [--edit 0.2] [--seed 0]
    python benchmarks/align_quality.py --grid [--sizes 200 1000 5000] [--edits 0.05 0.2 0.4] [--seeds 5]
                                       [--jobs 2] [--aligner MODULE:FUNCTION] [--json FILE]

Without ``--grid``: each pair is made from one of the bundled drafts (in turn) by
``treaty_diff.testing.generate.generate_pair`` with 20% of the words edited in each
touched provision (``--edit``), aligned, and scored by ``treaty_diff.testing.evaluate``.
Prints pair precision/recall/F1 and the recall and precision of each kind and
flag, overall and per source draft, and whether the targets are met.

With ``--grid``: long drafts made of families of near-duplicate articles
(``treaty_diff.testing.families``: final clauses, procedural articles, annex
items) from all the bundled drafts, one pair per seed (seeds 0..N-1) in each cell
of sizes x edit rates, with recitals reworded, moved, split, condensed into one,
deleted and inserted. Prints, pooled over the seeds of each cell: pair P/R/F1,
deletion and insertion recall, move precision and recall, renumbering recall,
split/merge recall, and the recitals' pair F1 and split/merge recall; then
whether issue 17's figures are met. ``--aligner`` scores another aligner
(a function of two drafts returning an Alignment), e.g. an older copy.
"""

from __future__ import annotations

import argparse
import importlib
import json
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from treaty_diff.align import align
from treaty_diff.model.alignment import Alignment
from treaty_diff.model.draft import Draft
from treaty_diff.read.corpus import CORPUS_IDS, load_corpus, load_corpus_draft
from treaty_diff.testing.evaluate import Tally, evaluate, report, total
from treaty_diff.testing.families import CellScore, measure
from treaty_diff.testing.generate import Rates, generate_pair

TARGETS = {"f1": 0.99, "moved": 0.95, "renumbered": 0.99, "split": 0.90, "merged": 0.90}


def bundled(args: argparse.Namespace) -> None:
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
    print(f"{'source draft':<18} {'pairs':>6} {'F1':>8} {'moved':>8} {'split':>8} {'merged':>8}")
    for draft_id, tallies in by_draft.items():
        t = total(tallies)
        print(f"{draft_id:<18} {t.draft_pairs:>6} {t.f1:>8.4f} {t.label_recall('moved').value:>8.4f}"
              f" {t.label_recall('split').value:>8.4f} {t.label_recall('merged').value:>8.4f}")
    print()
    measured = {"f1": overall.f1, **{k: overall.label_recall(k).value for k in TARGETS if k != "f1"}}
    for name, target in TARGETS.items():
        verdict = "ok" if measured[name] >= target else "BELOW TARGET"
        label = name if name == "f1" else f"{name} recall"
        print(f"target {label:<18} >= {target:.2f}: {measured[name]:.4f}  {verdict}")


# -- the family grid ---------------------------------------------------------------------------------

COLUMNS = ("articles", "edit", "seeds", "pair P", "pair R", "pair F1", "del R", "ins R", "move P", "move R",
           "renum R", "split/merge R", "recital F1", "recital s/m R", "align s")


def row(cell: CellScore) -> dict[str, Any]:
    a, r = cell.articles, cell.recitals
    split_merge, recital_split_merge = a.labels_recall("split", "merged"), r.labels_recall("split", "merged")
    return {
        "articles": cell.size, "edit": cell.edit, "seeds": len(cell.seeds),
        "pair P": a.precision, "pair R": a.recall, "pair F1": a.f1,
        "del R": a.label_recall("deleted").value, "ins R": a.label_recall("inserted").value,
        "move P": a.label_precision("moved").value, "move R": a.label_recall("moved").value,
        "renum R": a.label_recall("renumbered").value,
        "split/merge R": split_merge.value, "recital F1": r.f1, "recital s/m R": recital_split_merge.value,
        "align s": cell.seconds / len(cell.seeds),
        "counts": {label: [a.label_correct[label], a.label_true[label], a.label_found[label]]
                   for label in ("deleted", "inserted", "moved", "split", "merged", "renumbered")},
        "recital counts": {label: [r.label_correct[label], r.label_true[label], r.label_found[label]]
                           for label in ("split", "merged", "moved", "deleted", "inserted")},
    }


def markdown(rows: Sequence[dict[str, Any]]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for r in rows:
        cells = [f"{r['articles']:,}", f"{r['edit']:.0%}", str(r["seeds"])]
        cells += [f"{r[c]:.3f}" for c in COLUMNS[3:-1]]
        cells.append(f"{r['align s']:.2f}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def verdicts(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Issue 17's figures, cell by cell (200 and 1,000 articles)."""
    out = []
    for r in rows:
        if r["articles"] not in (200, 1000):
            continue
        checks = [("pair F1", 0.99 if r["edit"] >= 0.4 else 0.995)]
        if abs(r["edit"] - 0.2) < 1e-9:
            checks += [("move P", 0.95), ("move R", 0.95), ("split/merge R", 0.9), ("del R", 0.98)]
        for name, target in checks:
            verdict = "met" if r[name] >= target else "NOT MET"
            out.append(f"{r['articles']:>5} articles, {r['edit']:.0%} edits: {name:<14} {r[name]:.4f} >= {target}"
                       f"  {verdict}")
    return out


def _load(spec: str) -> Callable[[Draft, Draft], Alignment]:
    module, _, name = spec.partition(":")
    function: Callable[[Draft, Draft], Alignment] = getattr(importlib.import_module(module), name or "align")
    return function


def _cell(job: tuple[int, float, tuple[int, ...], str]) -> CellScore:
    size, edit, seeds, aligner = job
    return measure(load_corpus(), size, edit, seeds, _load(aligner))


def grid(args: argparse.Namespace) -> None:
    seeds = tuple(range(args.first_seed, args.first_seed + args.seeds))
    jobs = [(size, edit, seeds, args.aligner) for size in args.sizes for edit in args.edits]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        cells = list(pool.map(_cell, jobs))
    rows = [row(cell) for cell in cells]
    print(f"family grid: sizes {args.sizes}, edit rates {args.edits}, seeds {seeds[0]}..{seeds[-1]}, "
          f"aligner {args.aligner}, corpus {', '.join(CORPUS_IDS)}; {time.perf_counter() - started:.0f} s")
    print()
    print(markdown(rows))
    print()
    print("\n".join(verdicts(rows)))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"aligner": args.aligner, "corpus": list(CORPUS_IDS), "rows": rows}, out, indent=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=500)
    parser.add_argument("--edit", type=float, default=0.2, help="share of words edited in each touched provision")
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    parser.add_argument("--grid", action="store_true", help="the family grid instead of the bundled drafts")
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--edits", type=float, nargs="+", default=[0.05, 0.2, 0.4])
    parser.add_argument("--seeds", type=int, default=5, help="seeds per cell")
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2, help="cells scored in parallel")
    parser.add_argument("--aligner", default="treaty_diff.align:align", help="MODULE:FUNCTION to score")
    parser.add_argument("--json", help="write the grid's rows to this file")
    args = parser.parse_args()
    if args.grid:
        grid(args)
    else:
        bundled(args)


if __name__ == "__main__":
    main()
