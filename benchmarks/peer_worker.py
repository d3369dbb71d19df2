"""Run one peer on one draft pair, in a process of its own (started by ``benchmarks/run.py`` with a timeout).

    python benchmarks/peer_worker.py PEER PAIR_DIR --runs N [--budget SECONDS]

Peers:

- ``python-redlines``: the PyPI package with its Docxodus engine (``python-redlines-docxodus``),
  ``old.docx`` and ``new.docx`` in, a redline DOCX out (moves detected: ``detect_moves=True``).
  Each run includes the start of the engine's own process, as every use of it does.
- ``redlines``: the PyPI package on ``old.txt`` and ``new.txt``: ``Redlines(old, new).output_markdown``.
- ``difflib``: the baseline: ``difflib.SequenceMatcher`` over the words of the whole texts (each
  word with the whitespace after it, so that the segments rebuild the texts exactly),
  ``autojunk=False`` (with difflib's default heuristic, words in more than 1% of places, such as
  "the", could not anchor a match and the diff of a long draft falls apart), and the
  equal/delete/insert segments from its opcodes. (Whitespace as tokens of their own makes
  SequenceMatcher quadratic: a minute at 100 articles.)

The output of the last run is written into ``PAIR_DIR`` (``python-redlines.docx``,
``redlines.md``, ``difflib.json``) for :mod:`quality`. The result is one JSON
object on stdout: ``{"runs", "times", "rss_peak_mb"}`` or ``{"skipped": reason}``.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ours_worker import peak_rss_mb

_TOKEN = re.compile(r"\S+\s*|\s+")


def difflib_segments(old: str, new: str) -> list[tuple[str, str]]:
    """Word-level SequenceMatcher over the whole texts: (op, text) segments, op equal, delete or insert."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    segments: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append(("equal", "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            segments.append(("delete", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            segments.append(("insert", "".join(b[j1:j2])))
    return segments


def _peer(name: str, directory: Path) -> Callable[[], None]:
    """A call that runs the peer once and writes its output; ImportError when the peer is not installed."""
    if name == "python-redlines":
        from python_redlines import DocxodusEngine  # type: ignore[import-not-found,import-untyped]

        engine = DocxodusEngine()  # unpacks the engine's binary once, outside the timed runs
        old, new = str(directory / "old.docx"), str(directory / "new.docx")

        def python_redlines() -> None:
            output, _, _ = engine.run_redline("treaty-diff-bench", old, new, detect_moves=True)
            (directory / "python-redlines.docx").write_bytes(output)

        return python_redlines
    old_text = (directory / "old.txt").read_text(encoding="utf-8")
    new_text = (directory / "new.txt").read_text(encoding="utf-8")
    if name == "redlines":
        from redlines import Redlines  # type: ignore[import-not-found,import-untyped]

        def redlines() -> None:
            (directory / "redlines.md").write_text(Redlines(old_text, new_text).output_markdown, encoding="utf-8")

        return redlines
    if name == "difflib":

        def baseline() -> None:
            segments = difflib_segments(old_text, new_text)
            (directory / "difflib.json").write_text(json.dumps(segments), encoding="utf-8")

        return baseline
    raise SystemExit(f"unknown peer {name!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("peer", choices=("python-redlines", "redlines", "difflib"))
    parser.add_argument("pair_dir", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=float, default=float("inf"), help="stop repeating after this many seconds")
    args = parser.parse_args()
    try:
        call = _peer(args.peer, args.pair_dir)
    except ImportError as error:
        json.dump({"skipped": f"not installed ({error})"}, sys.stdout)
        return 0
    except Exception as error:  # e.g. the engine package holds no binary for this platform
        json.dump({"skipped": f"{type(error).__name__}: {error}"}, sys.stdout)
        return 0
    times: list[float] = []
    started = time.perf_counter()
    for _ in range(max(1, args.runs)):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
        if time.perf_counter() - started > args.budget:
            break
    peak = peak_rss_mb()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the engine's own process
    json.dump({"runs": len(times), "times": times, "rss_peak_mb": max(peak, children)}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
