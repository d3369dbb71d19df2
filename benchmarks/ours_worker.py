"""Time treaty-diff's stages on one draft pair, in a process of its own (started by ``benchmarks/run.py``).

    python benchmarks/ours_worker.py PAIR_DIR --runs N [--budget SECONDS] [--json-only]

``PAIR_DIR`` holds ``old.xml`` and ``new.xml`` (written by :mod:`pairs`). Each
run times, wall clock: *read* (``parse_bytes`` of both drafts), *align*
(``align``), *compare* (``comparison_from_alignment``: the word diffs and the
Comparison), then each renderer (text, JSON, HTML, DOCX) on that Comparison.
Runs stop early once ``--budget`` seconds have been spent (at least one run is
always made); the number of runs made is reported. The garbage collector is run
outside the timed sections.

``--json-only`` makes one run of read, align, compare and JSON and nothing
else: the honest peak memory of the JSON path (``ru_maxrss`` of this process).

After the timed runs (not with ``--json-only``) it writes, untimed, into
``PAIR_DIR``: ``comparison.json``, ``report.html`` and ``redline.docx`` (the
DOCX with ``redline_only``), read by :mod:`quality`. A stage that raises is
reported with its error, and the stages after it that need its result are
skipped. The result is one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from treaty_diff.align import align
from treaty_diff.compare import CompareOptions, comparison_from_alignment
from treaty_diff.read.akn import parse_bytes
from treaty_diff.render.base import RenderOptions, get_renderer

FORMATS = ("text", "json", "html", "docx")


def _rss_mb() -> float:
    """Peak resident set size of this process so far, in MB.

    ``VmHWM`` from /proc/self/status, not ``ru_maxrss``: Linux keeps ``ru_maxrss`` across
    fork and exec, so a worker started by a parent holding large drafts would report the
    parent's size. ``VmHWM`` belongs to the address space, which exec makes anew.
    """
    return peak_rss_mb()


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (``VmHWM``; ``ru_maxrss`` where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def run_once(old_xml: bytes, new_xml: bytes, formats: tuple[str, ...], times: dict[str, list[float]],
             errors: dict[str, str]) -> Any:
    """One run of every stage; appends each stage's seconds to ``times``; returns the Comparison (or None)."""
    gc.collect()
    try:
        seconds, drafts = _timed(lambda: (parse_bytes(old_xml, "old.xml"), parse_bytes(new_xml, "new.xml")))
        times["read"].append(seconds)
        seconds, alignment = _timed(lambda: align(*drafts))
        times["align"].append(seconds)
        seconds, comparison = _timed(lambda: comparison_from_alignment(alignment, CompareOptions()))
        times["compare"].append(seconds)
    except Exception:
        errors.setdefault("pipeline", traceback.format_exc(limit=6))
        return None
    for name in formats:
        if name in errors:
            continue
        gc.collect()
        try:
            renderer = get_renderer("comparison", name)
            seconds, _ = _timed(lambda renderer=renderer: renderer.render(comparison, RenderOptions()))
            times[name].append(seconds)
        except Exception:
            errors[name] = traceback.format_exc(limit=6)
    return comparison


#: The DOCX redline written for :mod:`quality` only when a timed DOCX rendering took less than this (seconds).
DOCX_CHECK_LIMIT = 60.0


def _write_outputs(comparison: Any, directory: Path, errors: dict[str, str], docx_seconds: float | None) -> None:
    """The outputs that :mod:`quality` checks: the JSON, the HTML, and the DOCX redline alone.

    The DOCX is skipped when rendering it took more than ``DOCX_CHECK_LIMIT`` seconds (it is
    reported as not checked): at 5,000 articles it would double the time of the whole pair.
    """
    outputs = (
        ("json", "comparison.json", RenderOptions()),
        ("html", "report.html", RenderOptions()),
        ("docx", "redline.docx", RenderOptions(redline_only=True)),
    )
    for name, file_name, options in outputs:
        target = directory / file_name
        target.unlink(missing_ok=True)
        if name in errors:
            continue
        if name == "docx" and (docx_seconds is None or docx_seconds > DOCX_CHECK_LIMIT):
            errors["docx check"] = f"not checked: rendering the DOCX took {docx_seconds or 0:.0f} s"
            continue
        try:
            value = get_renderer("comparison", name).render(comparison, options)
        except Exception:
            errors[f"{name} (redline only)" if name == "docx" else name] = traceback.format_exc(limit=6)
            continue
        if isinstance(value, bytes):
            target.write_bytes(value)
        else:
            target.write_text(value, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pair_dir", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=float, default=float("inf"), help="stop repeating after this many seconds")
    parser.add_argument("--json-only", action="store_true", help="one run of the JSON path, for its peak memory")
    args = parser.parse_args()

    old_xml = (args.pair_dir / "old.xml").read_bytes()
    new_xml = (args.pair_dir / "new.xml").read_bytes()
    baseline = _rss_mb()  # the interpreter, the imports and the two XML files
    formats = ("json",) if args.json_only else FORMATS
    runs = 1 if args.json_only else max(1, args.runs)
    times: dict[str, list[float]] = {stage: [] for stage in ("read", "align", "compare", *formats)}
    errors: dict[str, str] = {}
    started = time.perf_counter()
    comparison = None
    for _ in range(runs):
        comparison = run_once(old_xml, new_xml, formats, times, errors)
        if comparison is None or time.perf_counter() - started > args.budget:
            break
    peak = _rss_mb()
    if comparison is not None and not args.json_only:
        docx_times = times.get("docx") or []
        _write_outputs(comparison, args.pair_dir, errors, min(docx_times) if docx_times else None)
    json.dump({"runs": len(times["read"]), "times": times, "errors": errors, "rss_baseline_mb": baseline,
               "rss_peak_mb": peak}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
