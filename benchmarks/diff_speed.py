"""Timings of treaty_diff.diff on article-sized texts (not part of the test suite).

Run: /work/venv/bin/python benchmarks/diff_speed.py [--repeat N]

The base text is the first 3,000 words of the Moon Agreement (tests/data/sources);
edited copies replace, insert or delete a given share of its words (a fixed random
seed, so every run diffs the same texts). Also timed: two unrelated texts (the
Moon Agreement against the Outer Space Treaty, ~3,000 words each), a shuffled
copy (worst case for the Myers step, capped by the work budget), the two PPWT
drafts in full. Each figure is the best of N runs, in ms of
CPU time.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from treaty_diff.diff import DiffOptions, diff_texts
from treaty_diff.text.tokens import tokenize

SOURCES = Path(__file__).resolve().parent.parent / "tests" / "data" / "sources"


def _read(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


def _edited(words: list[str], share: float, seed: int = 1) -> str:
    rng = random.Random(seed)
    out = list(words)
    for _ in range(int(len(words) * share)):
        i = rng.randrange(len(out))
        roll = rng.random()
        if roll < 1 / 3:
            del out[i]
        elif roll < 2 / 3:
            out.insert(i, rng.choice(words))
        else:
            out[i] = rng.choice(words)
    return " ".join(out)


def _best_ms(call: Callable[[], object], repeat: int) -> float:
    """The best of ``repeat`` calls, in ms of CPU time of this process (steadier than wall time on a busy machine)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        call()
        best = min(best, time.process_time() - start)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    tokenize("warm up")  # compiles the tokenizer once (~70 ms), as the first call of a run would
    moon, ost = _read("moon-1979-en.txt"), _read("ost-1967-en.txt")
    words = moon.split()[:3000]
    base = " ".join(words)
    shuffled = " ".join(random.Random(2).sample(words, len(words)))
    cases: list[tuple[str, str, str]] = [
        ("3,000 words, identical", base, base),
        ("3,000 words, 1% of words edited", base, _edited(words, 0.01)),
        ("3,000 words, 5% edited", base, _edited(words, 0.05)),
        ("3,000 words, 10% edited", base, _edited(words, 0.10)),
        ("3,000 words, 30% edited", base, _edited(words, 0.30)),
        ("unrelated texts (Moon vs OST)", moon[: len(ost)], ost),
        ("3,000 words vs a shuffled copy", base, shuffled),
        ("PPWT 2008 vs 2014, whole drafts", _read("ppwt-2008-en.txt"), _read("ppwt-2014-en.txt")),
    ]
    print(f"{'case':40} {'word':>9} {'char':>9} {'ign.case+punct':>15}   segments")
    for name, old, new in cases:
        word = _best_ms(partial(diff_texts, old, new), args.repeat)
        char = _best_ms(partial(diff_texts, old, new, DiffOptions("char")), args.repeat)
        ignoring = DiffOptions(ignore_case=True, ignore_punctuation=True)
        ign = _best_ms(partial(diff_texts, old, new, ignoring), args.repeat)
        print(f"{name:40} {word:7.1f}ms {char:7.1f}ms {ign:13.1f}ms   {len(diff_texts(old, new))}")


if __name__ == "__main__":
    main()
