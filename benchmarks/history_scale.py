"""History of a series: time against the number of versions, and accuracy against the generator's truth.

    python benchmarks/history_scale.py [--articles 200] [--versions 10 20 30] [--seeds 1 2 3] [--json OUT]

For each seed, ``treaty_diff.testing.series.generate_series`` makes a series of the largest number of
versions from a first version of ``--articles`` articles (``base_draft``: PPWT 2014, the Outer Space
Treaty, the Partial Test Ban Treaty and the Moon Agreement, scaled). Each step amends a tenth of the
articles (8% of their words, at least one), and moves, splits, merges, deletes, inserts and reinstates
one article in a hundred (at least one each); the preamble is amended in about a third of the steps.
The history of its first N versions is built, for each N of ``--versions``, once without and once
with the obligations (the wall-clock and CPU time of ``build_history``: each consecutive pair compared
once, lineages and blame carried forward), and scored against the truth (``score_history``): lineages
found exactly, links (the provision before each one in its lineage), events (splits, merges,
deletions, reinstatements), and word tokens of the bodies given the version that put them there (over
every version, and in the last one alone).
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from typing import Any

from treaty_diff.history import HistoryOptions, build_history
from treaty_diff.testing.series import SeriesPlan, base_draft, generate_series, score_history


def plan_for(articles: int) -> SeriesPlan:
    each = max(1, articles // 100)
    return SeriesPlan(amend=max(1, articles // 10), move=each, split=each, merge=each, delete=each, insert=each,
                      reinstate=each)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--versions", type=int, nargs="+", default=[10, 20, 30])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--json", metavar="OUT", help="also write the rows as JSON")
    args = parser.parse_args()

    base = base_draft(args.articles, seed=1)
    rows: list[dict[str, Any]] = []
    header = ("seed", "versions", "articles", "no obl. s", "cpu s", "cpu s/step", "with obl. s", "cpu s", "lineages",
              "links", "events", "words", "words last")
    print(" ".join(f"{h:>11}" for h in header))
    for seed in args.seeds:
        series = generate_series(base, max(args.versions), seed, plan_for(args.articles))
        for count in sorted(args.versions):
            drafts = series.versions[:count]
            start, cpu = time.perf_counter(), time.process_time()
            history = build_history(drafts, HistoryOptions(obligations=False))
            plain, plain_cpu = time.perf_counter() - start, time.process_time() - cpu
            start, cpu = time.perf_counter(), time.process_time()
            build_history(drafts, HistoryOptions(obligations=True))
            full, full_cpu = time.perf_counter() - start, time.process_time() - cpu
            cut = type(series)(drafts, series.lineages[:count], series.words[:count],
                               tuple(e for e in series.events if e.version < count), seed)
            score = score_history(history, cut)
            row = {"seed": seed, "versions": count, "articles_last": len(drafts[-1].articles),
                   "seconds": round(plain, 3), "cpu_seconds_per_step": round(plain_cpu / (count - 1), 3),
                   "seconds_with_obligations": round(full, 3), "cpu_seconds": round(plain_cpu, 3),
                   "cpu_seconds_with_obligations": round(full_cpu, 3),
                   "lineages": [score.lineages.correct, score.lineages.total],
                   "links": [score.links.correct, score.links.total],
                   "events": [score.events.correct, score.events.total, score.events_found],
                   "words": [score.words.correct, score.words.total],
                   "words_last": [score.words_last.correct, score.words_last.total]}
            rows.append(row)
            print(" ".join(f"{x:>11}" for x in (
                seed, count, row["articles_last"], f"{plain:.2f}", f"{plain_cpu:.2f}", f"{plain_cpu / (count - 1):.3f}",
                f"{full:.2f}", f"{full_cpu:.2f}",
                f"{score.lineages.value:.4f}", f"{score.links.value:.4f}", f"{score.events.value:.4f}",
                f"{score.words.value:.4f}", f"{score.words_last.value:.4f}")))
    total = {key: [sum(r[key][0] for r in rows if r["versions"] == max(args.versions)),
                   sum(r[key][1] for r in rows if r["versions"] == max(args.versions))]
             for key in ("lineages", "links", "events", "words", "words_last")}
    print(f"pooled over the seeds at {max(args.versions)} versions: " + ", ".join(
        f"{key} {c}/{t} = {c / t:.4f}" for key, (c, t) in total.items()))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"machine": platform.platform(), "python": platform.python_version(),
                       "articles": args.articles, "rows": rows, "pooled": total}, out, indent=2)


if __name__ == "__main__":
    main()
