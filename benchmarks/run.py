"""treaty-diff benchmarks: speed, memory and quality against its peers (not part of the test suite).

    python benchmarks/run.py [--quick] [--json OUT] [--sizes 10,100,1000,5000] [--runs 5]

What is measured (every number printed is measured in this run; see docs/performance.md):

1. The bundled PPWT pair end to end, process start included:
   ``treaty-diff compare ppwt-2008 ppwt-2014 --format json|html|docx -o FILE`` as a subprocess.
2. Generated pairs (``treaty_diff.generate``: a draft scaled to N articles, a new version made
   from it at the generator's default edit rates, seed ``pairs.SEED``), and the PPWT pair: the
   time of each stage (read, align, compare, render text/JSON/HTML/DOCX; median of the runs, each
   in a fresh worker process per pair, :mod:`ours_worker`), and peak memory (``ru_maxrss`` of a
   fresh process running the JSON path once, and of the worker that ran every stage).
3. Peers on the same pairs, each skipped with a printed reason when it is not installed:
   python-redlines (Docxodus engine, DOCX in and out), LibreOffice's Compare Document (headless,
   through UNO, :mod:`lo_compare`), redlines (plain texts), and a difflib baseline. Their time is
   given as a ratio to ours on the same pair in the same run (peer / ours: above 1 we are faster),
   ours being read + align + compare + render to the peer's kind of output (DOCX for the DOCX
   tools, JSON for the text tools).
4. Quality (:mod:`quality`): whether each output rebuilds both drafts when its changes are all
   accepted or all rejected (or the text equivalent), and, for the tools that show pairing or
   moves, how many of the generator's true pairs and moves they find.

``--quick``: sizes 10 and 100, 3 runs (about two minutes).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import math
import os
import platform
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pairs import SEED, Pair, generated_pairs, ppwt_pair
from quality import (
    Check,
    docx_rebuild,
    html_rebuild,
    json_invariant,
    libreoffice_rebuild,
    our_recall,
    redlines_rebuild,
    segments_rebuild,
)

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, the one python3-uno is built for
STAGES = ("read", "align", "compare", "text", "json", "html", "docx")
TARGETS = {"ppwt json": 0.5, "ppwt html": 0.5, "ppwt docx": 1.0, "1000 json s": 5.0, "1000 json MB": 1024.0,
           "doubling": 2.3}


# -- running things -------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What a subprocess answered: its JSON, or why there is none."""

    data: dict[str, Any] | None = None
    error: str | None = None
    wall: float = 0.0


def run_json(command: Sequence[str], timeout: float, cwd: Path | None = None) -> Outcome:
    """Run a command that prints one JSON object; kill its whole process group after ``timeout`` seconds."""
    start = time.perf_counter()
    process = subprocess.Popen(list(command), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd,
                               start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        return Outcome(error=f"timed out after {timeout:.0f} s", wall=time.perf_counter() - start)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        return Outcome(error=f"exit {process.returncode}: {err.strip().splitlines()[-1:] or ''}", wall=wall)
    try:
        return Outcome(data=json.loads(out), wall=wall)
    except json.JSONDecodeError:
        return Outcome(error=f"no JSON answer: {out[-300:]!r} {err[-300:]!r}", wall=wall)


def _kill_group(process: subprocess.Popen[str]) -> None:
    """End a process this script started, and its children (it leads its own process group)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


class LibreOffice:
    """One lo_compare.py session (one headless soffice), started when first needed."""

    def __init__(self, timeout: float, scratch: Path) -> None:
        self.timeout = timeout
        self.scratch = scratch
        self.process: subprocess.Popen[str] | None = None
        self.skipped: str | None = None
        self.start_s: float | None = None
        self.version = ""
        if shutil.which("soffice") is None:
            self.skipped = "soffice not found (apt-get install libreoffice-writer-nogui python3-uno)"
        elif not Path(SYSTEM_PYTHON).exists() or subprocess.run(
                [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False).returncode != 0:
            self.skipped = f"{SYSTEM_PYTHON} cannot import uno (apt-get install python3-uno)"
        else:
            with contextlib.suppress(Exception):
                self.version = subprocess.run(["soffice", "--version"], capture_output=True, text=True, timeout=60,
                                              check=False).stdout.strip()

    def _answer(self, timeout: float) -> dict[str, Any]:
        assert self.process is not None and self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        if not ready:
            raise TimeoutError(f"no answer in {timeout:.0f} s")
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("lo_compare.py ended")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def compare(self, old: Path, new: Path, texts: bool) -> dict[str, Any]:
        if self.skipped:
            raise RuntimeError(self.skipped)
        if self.process is None:
            command = [SYSTEM_PYTHON, str(HERE / "lo_compare.py"), str(self.scratch)]
            self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            stderr=subprocess.DEVNULL, text=True, start_new_session=True)
            try:
                self.start_s = self._answer(120)["start_s"]
            except Exception as error:
                self.close()
                self.skipped = f"soffice did not start: {error}"
                raise RuntimeError(self.skipped) from None
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"old": str(old), "new": str(new), "texts": texts}) + "\n")
        self.process.stdin.flush()
        try:
            answer = self._answer(self.timeout)
        except (TimeoutError, RuntimeError):
            self.close()  # a new soffice is started for the next request
            raise
        if not answer.get("ok"):
            raise RuntimeError(answer.get("error", "failed").strip().splitlines()[-1])
        return answer

    def close(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None and self.process.stdin is not None:
            with contextlib.suppress(Exception):
                self.process.stdin.write('{"quit": true}\n')
                self.process.stdin.flush()
                self.process.wait(timeout=30)
        if self.process.poll() is None:
            _kill_group(self.process)
        self.process = None


# -- measuring ------------------------------------------------------------------------------------


@dataclass
class PeerResult:
    name: str
    seconds: float | None = None
    runs: int = 0
    ours: float | None = None  # our time on the same pair, to the same kind of output
    rebuild: Check | None = None
    moves: str = "not exposed"
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        return self.seconds / self.ours if self.seconds and self.ours else None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "seconds": self.seconds, "runs": self.runs, "ours_seconds": self.ours,
                "ratio_to_ours": self.ratio, "rebuild": self.rebuild.to_dict() if self.rebuild else None,
                "moves": self.moves, "note": self.note, **self.extra}


@dataclass
class PairResult:
    pair: Pair
    runs: int = 0
    stages: dict[str, float | None] = field(default_factory=dict)
    rss_json_mb: float | None = None
    rss_all_mb: float | None = None
    errors: dict[str, str] = field(default_factory=dict)
    quality: dict[str, Any] = field(default_factory=dict)
    peers: list[PeerResult] = field(default_factory=list)

    def path(self, fmt: str) -> float | None:
        """Read + align + compare + render to ``fmt`` (medians)."""
        parts = [self.stages.get(s) for s in ("read", "align", "compare", fmt)]
        return None if any(p is None for p in parts) else sum(p for p in parts if p is not None)

    def to_dict(self) -> dict[str, Any]:
        return {"pair": self.pair.name, "articles": self.pair.articles, "words": self.pair.words, "runs": self.runs,
                "stages_median_s": self.stages, "path_s": {f: self.path(f) for f in ("text", "json", "html", "docx")},
                "rss_json_path_mb": self.rss_json_mb, "rss_all_stages_mb": self.rss_all_mb, "errors": self.errors,
                "quality": self.quality, "peers": [p.to_dict() for p in self.peers]}


def measure_ours(pair: Pair, runs: int, budget: float, timeout: float) -> PairResult:
    result = PairResult(pair)
    worker = [PYTHON, str(HERE / "ours_worker.py"), str(pair.directory)]
    timing = run_json([*worker, "--runs", str(runs), "--budget", str(budget)], timeout)
    if timing.data is None:
        result.errors["worker"] = timing.error or "failed"
    else:
        result.runs = timing.data["runs"]
        result.stages = {s: median(timing.data["times"].get(s, [])) for s in STAGES}
        result.rss_all_mb = timing.data["rss_peak_mb"]
        result.errors.update({k: v.strip().splitlines()[-1] for k, v in timing.data["errors"].items()})
    memory = run_json([*worker, "--json-only"], timeout)
    if memory.data is not None and not memory.data["errors"]:
        result.rss_json_mb = memory.data["rss_peak_mb"]
    return result


def check_ours(result: PairResult) -> None:
    """Quality of our outputs on this pair (files written by the worker)."""
    directory, pair = result.pair.directory, result.pair
    comparison_file = directory / "comparison.json"
    if comparison_file.exists():
        comparison = json.loads(comparison_file.read_text(encoding="utf-8"))
        result.quality["json_invariant"] = json_invariant(pair, comparison).to_dict()
        recall = our_recall(pair, comparison)
        if recall is not None:
            result.quality["recall"] = recall.to_dict()
        else:
            result.quality["moves_found"] = sum(1 for c in comparison["changes"] if c.get("moved"))
    if (directory / "report.html").exists():
        result.quality["html_rebuild"] = html_rebuild(pair, (directory / "report.html").read_text("utf-8")).to_dict()
    if (directory / "redline.docx").exists():
        check, moves = docx_rebuild(pair, (directory / "redline.docx").read_bytes())
        result.quality["docx_rebuild"] = check.to_dict()
        result.quality["docx_moves"] = moves


def projected(history: Sequence[tuple[int, float]], articles: int) -> float | None:
    """A peer's time at ``articles``, projected from its times on the smaller pairs of this run.

    The growth per doubling measured between the last two sizes, never taken below 2 (linear), carried
    on to ``articles``. Used only to skip a run that would end in the timeout anyway.
    """
    if not history or articles <= history[-1][0]:
        return None
    n1, t1 = history[-1]
    factor = 2.0
    if len(history) >= 2:
        n0, t0 = history[-2]
        if t0 > 0 and n1 > n0:
            factor = max(2.0, (t1 / t0) ** (1 / math.log2(n1 / n0)))
    return t1 * factor ** math.log2(articles / n1)


def _gave_up(name: str, pair: Pair, given_up: dict[str, tuple[int, str]]) -> str | None:
    """The reason to skip ``name`` on ``pair``: it timed out (or is missing) on a pair no larger than this one."""
    if name not in given_up:
        return None
    articles, reason = given_up[name]
    return reason if pair.articles >= articles else None


def _too_slow(name: str, pair: Pair, history: dict[str, list[tuple[int, float]]], timeout: float) -> str | None:
    if pair.truth is None:
        return None
    guess = projected(history.get(name, []), pair.articles)
    if guess is not None and guess > timeout:
        n, t = history[name][-1]
        return (f"skipped: {_s(t)} at {n:,} articles in this run, growing as measured, projects to about "
                f"{_s(guess)} here, past the {timeout:.0f} s timeout")
    return None


def measure_peer(name: str, result: PairResult, runs: int, budget: float, timeout: float,
                 given_up: dict[str, tuple[int, str]], history: dict[str, list[tuple[int, float]]]) -> PeerResult:
    pair = result.pair
    kind = "docx" if name == "python-redlines" else "json"
    peer = PeerResult(name, ours=result.path(kind))
    skip = _gave_up(name, pair, given_up) or _too_slow(name, pair, history, timeout)
    if skip:
        peer.note = skip
        return peer
    outcome = run_json([PYTHON, str(HERE / "peer_worker.py"), name, str(pair.directory), "--runs", str(runs),
                        "--budget", str(budget)], timeout)
    if outcome.data is None:
        peer.note = outcome.error or "failed"
        if "timed out" in peer.note:
            given_up[name] = (pair.articles, f"skipped: {peer.note} at {pair.articles:,} articles")
        return peer
    if "skipped" in outcome.data:
        peer.note = f"skipped: {outcome.data['skipped']}"
        given_up[name] = (0, peer.note)
        return peer
    peer.seconds, peer.runs = median(outcome.data["times"]), outcome.data["runs"]
    peer.extra["rss_peak_mb"] = outcome.data["rss_peak_mb"]
    if pair.truth is not None and peer.seconds is not None:
        history.setdefault(name, []).append((pair.articles, peer.seconds))
    directory = pair.directory
    if name == "python-redlines":
        peer.rebuild, peer.moves = docx_rebuild(pair, (directory / "python-redlines.docx").read_bytes())
    elif name == "redlines":
        peer.rebuild = redlines_rebuild(pair, (directory / "redlines.md").read_text(encoding="utf-8"))
    else:
        peer.rebuild = segments_rebuild(pair, json.loads((directory / "difflib.json").read_text(encoding="utf-8")))
    return peer


def measure_libreoffice(office: LibreOffice, result: PairResult, runs: int, budget: float,
                        given_up: dict[str, tuple[int, str]], history: dict[str, list[tuple[int, float]]]
                        ) -> PeerResult:
    pair = result.pair
    peer = PeerResult("LibreOffice", ours=result.path("docx"))
    skip = (f"skipped: {office.skipped}" if office.skipped else None) or _gave_up("LibreOffice", pair, given_up) or (
        _too_slow("LibreOffice", pair, history, office.timeout))
    if skip:
        peer.note = skip
        return peer
    old, new = pair.directory / "old.docx", pair.directory / "new.docx"
    times: list[float] = []
    started = time.perf_counter()
    try:
        for run in range(max(1, runs)):
            answer = office.compare(old, new, texts=run == 0)
            times.append(answer["load_s"] + answer["compare_s"])
            if run == 0:
                peer.rebuild = libreoffice_rebuild(pair, answer)
                # A move is shown as two redlines (its deletion and its insertion), both flagged moved.
                moved = answer["moved"] // 2
                peer.moves = f"{moved} marked" + (f" / {pair.true_moves} true" if pair.true_moves is not None else "")
                peer.extra.update(redlines=answer["redlines"], by_type=answer["by_type"],
                                  load_s=answer["load_s"], compare_s=answer["compare_s"])
            if time.perf_counter() - started > budget:
                break
    except Exception as error:
        peer.note = f"{type(error).__name__}: {error}"
        if isinstance(error, TimeoutError):
            reason = f"skipped: timed out ({office.timeout:.0f} s) at {pair.articles:,} articles"
            given_up["LibreOffice"] = (pair.articles, reason)
    peer.seconds, peer.runs = median(times), len(times)
    peer.extra["soffice_start_s"] = office.start_s
    if pair.truth is not None and peer.seconds is not None:
        history.setdefault("LibreOffice", []).append((pair.articles, peer.seconds))
    return peer


def ppwt_end_to_end(runs: int, root: Path) -> dict[str, dict[str, Any]]:
    """``treaty-diff compare ppwt-2008 ppwt-2014 --format F -o FILE`` as a subprocess, process start included.

    Measured twice: as this environment starts Python (with ``PYTHONDONTWRITEBYTECODE`` set, as it is
    here, an editable install compiles every treaty_diff module from source at each start), and with a
    bytecode cache (``PYTHONPYCACHEPREFIX`` in the run's temporary directory, filled by one untimed
    run first), as an installed wheel has (pip compiles the modules when it installs them).
    """
    cli = Path(PYTHON).parent / "treaty-diff"
    command = [str(cli)] if cli.exists() else [PYTHON, "-m", "treaty_diff"]
    cached_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cached_env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
    environments = {"as is": dict(os.environ), "bytecode cached": cached_env}
    results: dict[str, dict[str, Any]] = {}
    for env_name, env in environments.items():
        for fmt in ("json", "html", "docx", "--help"):
            args = ["--help"] if fmt == "--help" else ["compare", "ppwt-2008", "ppwt-2014", "--format", fmt,
                                                        "-o", str(root / f"ppwt-cli.{fmt}")]
            subprocess.run([*command, *args], capture_output=True, timeout=300, check=False, env=env)  # warm-up
            times: list[float] = []
            error = None
            for _ in range(runs):
                start = time.perf_counter()
                done = subprocess.run([*command, *args], capture_output=True, text=True, timeout=300, check=False,
                                      env=env)
                elapsed = time.perf_counter() - start
                if done.returncode != 0:
                    error = f"exit {done.returncode}: {done.stderr.strip()[-300:]}"
                    break
                times.append(elapsed)
            results[f"{fmt} ({env_name})"] = {"seconds": median(times), "runs": len(times),
                                              "target": TARGETS.get(f"ppwt {fmt}"), "error": error}
    return results


# -- the machine ----------------------------------------------------------------------------------


def _package_version(name: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def machine() -> dict[str, Any]:
    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram_gb = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": ram_gb,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_start": os.getloadavg(),
        "treaty_diff": _package_version("treaty-diff"),
        "python-redlines": _package_version("python-redlines"),
        "python-redlines-docxodus": _package_version("python-redlines-docxodus"),
        "redlines": _package_version("redlines"),
    }


# -- printing -------------------------------------------------------------------------------------


def _s(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def _x(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}x"


def _mb(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} MB"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured markdown table (printed as it is, and pasted as it is into docs/performance.md)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def _ok(check: dict[str, Any] | Check | None) -> str:
    if check is None:
        return "—"
    if isinstance(check, Check):
        check = check.to_dict()
    if check["ok"]:
        return "yes"
    return "spacing only" if check.get("spacing_only") else "**no**"


def per_doubling(a: PairResult, b: PairResult, what: str) -> float | None:
    """The time factor per doubling of the size from pair a to pair b: (tb / ta) ** (1 / log2(nb / na)).

    ``what`` is a format (the path read + align + compare + render) or a stage ("read", "align", "compare").
    """
    if what in ("read", "align", "compare"):
        ta, tb = a.stages.get(what), b.stages.get(what)
    else:
        ta, tb = a.path(what), b.path(what)
    steps = math.log2(b.pair.articles / a.pair.articles)
    return (tb / ta) ** (1 / steps) if ta and tb and steps > 0 else None


def doubling(results: Sequence[PairResult], what: str) -> list[tuple[str, float | None]]:
    """The factor per doubling between consecutive sizes, labelled "100→1000"."""
    return [(f"{a.pair.articles}→{b.pair.articles}", per_doubling(a, b, what)) for a, b in itertools.pairwise(results)]


def report(ppwt_cli: dict[str, dict[str, Any]], results: Sequence[PairResult], generated: Sequence[PairResult],
           office: LibreOffice) -> str:
    out: list[str] = []
    verdict = {True: "met", False: "**missed**", None: "—"}

    # Targets.
    rows = []
    for env_name in ("as is", "bytecode cached"):
        for fmt in ("json", "html", "docx", "--help"):
            entry = ppwt_cli[f"{fmt} ({env_name})"]
            measured = _s(entry["seconds"]) + (f" ({entry['error']})" if entry["error"] else "")
            if fmt == "--help":
                rows.append([f"… of which starting the CLI (`treaty-diff --help`), {env_name}", "", measured, ""])
                continue
            met = None if entry["seconds"] is None else entry["seconds"] < entry["target"]
            rows.append([f"PPWT end to end, `compare --format {fmt}`, process start included, {env_name}",
                         f"< {entry['target']} s", measured, verdict[met]])
    thousand = next((r for r in generated if r.pair.articles >= 1000 and r.pair.articles < 2000), None)
    if thousand is not None:
        t = thousand.path("json")
        rows.append([f"{thousand.pair.articles} articles to JSON (read+align+compare+render)", "< 5 s", _s(t),
                     verdict[None if t is None else t < TARGETS["1000 json s"]]])
        m = thousand.rss_json_mb
        rows.append([f"{thousand.pair.articles} articles to JSON, peak RSS of a fresh process", "< 1 GB", _mb(m),
                     verdict[None if m is None else m < TARGETS["1000 json MB"]]])
    for fmt in ("json", "html", "docx"):
        for step, factor in doubling(generated, fmt):
            if step.startswith("10→"):
                continue  # at 10 articles fixed costs dominate: not a measure of growth
            rows.append([f"time per doubling of the size, {fmt} path, {step} articles", "≤ 2.3x", _x(factor),
                         verdict[None if factor is None else factor <= TARGETS["doubling"]]])
    out += ["### Targets", "", _table(["what", "target", "measured", ""], rows), ""]

    # Our stages.
    rows = []
    for r in results:
        row = [r.pair.name, f"{r.pair.articles:,}", f"{r.pair.words:,}", str(r.runs)]
        row += [_s(r.stages.get(s)) for s in STAGES]
        row += [_s(r.path("json")), _mb(r.rss_json_mb), _mb(r.rss_all_mb)]
        rows.append(row)
    out += ["### treaty-diff, median time per stage", "",
            _table(["pair", "articles", "words (both)", "runs", *STAGES, "to JSON", "peak RSS (JSON path)",
                    "peak RSS (all stages)"], rows), ""]
    errors = [(r.pair.name, k, v) for r in results for k, v in r.errors.items()]
    if errors:
        out += ["Errors: " + "; ".join(f"{name} {stage}: {message}" for name, stage, message in errors), ""]

    # Scaling.
    rows = []
    for fmt in ("text", "json", "html", "docx"):
        rows.append([fmt, *(_x(f) for _, f in doubling(generated, fmt))])
    for stage in ("read", "align", "compare"):
        rows.append([f"({stage} alone)", *(_x(f) for _, f in doubling(generated, stage))])
    steps = [s for s, _ in doubling(generated, "json")]
    if steps:
        out += ["### Time factor per doubling of the size (path = read + align + compare + render)", "",
                _table(["path", *steps], rows), ""]

    # Peers and quality.
    rows = []
    for r in results:
        q = r.quality
        recall = q.get("recall")
        ours_moves = (f"{recall['moves_right']} right of {recall['moves_found']} marked / {recall['moves_true']} true"
                      if recall else f"{q.get('moves_found', '—')} marked")
        pairs_recall = f"pairs recall {recall['recall']:.3f}, F1 {recall['f1']:.3f}; " if recall else ""
        rows.append([r.pair.name, "treaty-diff → JSON", _s(r.path("json")), "1.00x", str(r.runs),
                     f"{_ok(q.get('json_invariant'))} (segments); HTML {_ok(q.get('html_rebuild'))}",
                     pairs_recall + "moves " + ours_moves])
        rows.append([r.pair.name, "treaty-diff → DOCX", _s(r.path("docx")), "1.00x", str(r.runs),
                     _ok(q.get("docx_rebuild")), q.get("docx_moves", "—")])
        for p in r.peers:
            if p.seconds is None:
                rows.append([r.pair.name, p.name, "—", "—", "0", "—", p.note or "—"])
                continue
            moves = p.moves + (f" ({p.note})" if p.note else "")
            rows.append([r.pair.name, p.name, _s(p.seconds), _x(p.ratio), str(p.runs), _ok(p.rebuild), moves])
    out += ["### Peers on the same pairs (ratio = peer time / our time to the same kind of output; > 1: we are faster)",
            "", _table(["pair", "tool", "median time", "ratio to ours", "runs", "rebuilds both texts",
                        "pairing / moves"], rows), ""]
    if office.start_s is not None:
        out += [f"LibreOffice's own start (once per run, not in its times): {_s(office.start_s)}.", ""]
    failures = [(r.pair.name, name, (q or {}).get("detail", "")) for r in results
                for name, q in r.quality.items() if isinstance(q, dict) and q.get("ok") is False]
    failures += [(r.pair.name, p.name, p.rebuild.detail) for r in results for p in r.peers
                 if p.rebuild is not None and not p.rebuild.ok]
    if failures:
        out += ["Rebuild failures (first difference):", ""]
        out += [f"- {name}, {tool}: {detail}" for name, tool, detail in failures]
        out += [""]
    return "\n".join(out)


# -- main -----------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes 10 and 100, 3 runs")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every figure to this JSON file")
    parser.add_argument("--sizes", help="comma-separated numbers of articles (default 10,100,1000,5000)")
    parser.add_argument("--runs", type=int, help="runs per measure (default 5, 3 with --quick)")
    parser.add_argument("--budget", type=float, default=120.0,
                        help="stop repeating a measure after this many seconds (default 120): fewer runs when slow")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="give up one peer on one pair after this many seconds (default 300)")
    parser.add_argument("--ours-timeout", type=float, default=3600.0,
                        help="give up treaty-diff's worker on one pair after this many seconds (default 3600)")
    parser.add_argument("--no-peers", action="store_true", help="measure treaty-diff only")
    parser.add_argument("--keep", action="store_true", help="keep the pairs and outputs (the directory is printed)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([10, 100] if args.quick else
                                                                       [10, 100, 1000, 5000])
    runs = args.runs or (3 if args.quick else 5)
    timeout = min(args.timeout, 300.0) if args.quick else args.timeout

    info = machine()
    print(f"machine: {info['nproc']} cores, {info['cpu']}, {info['ram_gb']} GB RAM, Python {info['python']}, "
          f"load average {info['loadavg_start'][0]:.2f}", flush=True)
    root = Path(tempfile.mkdtemp(prefix="treaty-diff-bench-"))
    office = LibreOffice(timeout, root)
    try:
        started = time.perf_counter()
        pairs = [*generated_pairs(sizes, root), ppwt_pair(root)]
        print(f"pairs written to {root} in {time.perf_counter() - started:.1f} s "
              f"(seed {SEED}): " + ", ".join(f"{p.name} {p.articles} articles" for p in pairs), flush=True)
        print("PPWT end to end through the CLI ...", flush=True)
        ppwt_cli = ppwt_end_to_end(runs, root)
        results: list[PairResult] = []
        given_up: dict[str, tuple[int, str]] = {}
        history: dict[str, list[tuple[int, float]]] = {}
        for pair in pairs:
            print(f"{pair.name}: treaty-diff ...", flush=True)
            result = measure_ours(pair, runs, args.budget, args.ours_timeout)
            check_ours(result)
            if not args.no_peers:
                for name in ("python-redlines", "LibreOffice", "redlines", "difflib"):
                    print(f"{pair.name}: {name} ...", flush=True)
                    if name == "LibreOffice":
                        peer = measure_libreoffice(office, result, runs, args.budget, given_up, history)
                    else:
                        peer = measure_peer(name, result, runs, args.budget, timeout, given_up, history)
                    if peer.note:
                        print(f"  {name}: {peer.note}", flush=True)
                    result.peers.append(peer)
            results.append(result)
        generated = [r for r in results if r.pair.truth is not None]
        info["loadavg_end"] = os.getloadavg()
        info["libreoffice"] = office.version
        text = report(ppwt_cli, results, generated, office)
        print()
        print(text)
        command = "python benchmarks/run.py" + (" --quick" if args.quick else "") + (
            f" --sizes {args.sizes}" if args.sizes else "") + (f" --runs {args.runs}" if args.runs else "")
        print(f"\nCommand: {command}; total {time.perf_counter() - started:.0f} s; "
              f"load average {info['loadavg_start'][0]:.2f} at the start, {info['loadavg_end'][0]:.2f} at the end.")
        if args.json:
            args.json.write_text(json.dumps({
                "command": command, "machine": info, "seed": SEED, "sizes": sizes, "runs": runs,
                "targets": TARGETS, "ppwt_cli": ppwt_cli, "pairs": [r.to_dict() for r in results],
                "libreoffice_start_s": office.start_s, "table": text,
            }, indent=2), encoding="utf-8")
            print(f"JSON written to {args.json}")
    finally:
        office.close()
        if args.keep:
            print(f"kept: {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
