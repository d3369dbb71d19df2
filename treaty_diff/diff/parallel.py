"""Independent jobs on every core: the calling process and a few forked workers take them from one queue.

:func:`~treaty_diff.compare.comparison_from_alignment` gives it the word diffs of the provision pairs, in batches,
and the obligations comparison beside them, when the work is large enough to pay for starting workers
(:func:`worth_workers`); below that, and wherever :func:`workers_available` finds none, everything runs in the
calling process, as it always did.

How it works, and why the results are those of the serial run:

- A job is a call without arguments (a closure). The workers are *forked* from the calling process, so they have
  every job, and all the data the jobs read, without anything being copied or pickled on the way in; only the
  results come back, pickled, each worker's through a pipe of its own when it runs out of jobs.
- The queue is a pipe that holds one 4-byte job number per job, written before the fork. Every process, the
  caller too, reads the next number until the pipe is empty (a read of 4 bytes from a pipe is atomic), so a long
  job does not hold up the others: whoever is free takes the next one.
- A job computes the same value wherever it runs (the diff and the obligations depend on their inputs alone), and
  the results are put back in the order of the jobs. A job that no worker returned (a worker that raised, was
  killed or could not pickle its results) is run again in the calling process: its error, if it has one, is raised
  there, with its traceback, as in a serial run.
- Workers are started with the ``fork`` of Linux only (elsewhere, forking a process that may hold threads of the
  system's libraries is not safe, and starting fresh interpreters costs more than the work saved). They ignore
  nothing: Ctrl-C ends them with the caller, and the caller, however it stops, kills and reaps any still running.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import struct
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn, TypeVar

T = TypeVar("T")
B = TypeVar("B")

#: The work, in characters (of the provisions to diff, and of both drafts when the obligations are compared
#: beside), from which starting a worker pays: about 0.25 s of work alone. Measured on near-duplicate pairs of
#: 50-200 articles with the machine half busy: a worker loses 10 % at 100,000-175,000 characters (0.07-0.15 s of
#: work: forking and carrying the results back cost more than the half of the work it takes on) and wins a
#: quarter at 335,000 (docs/performance.md, "When workers start").
WORTH_WORKERS = 250_000

#: Jobs the queue pipe holds before it is full (64 KiB, Linux's default, of 4-byte numbers): more jobs are batched.
_QUEUE_JOBS = 65536 // 4

_NUMBER = struct.Struct("<I")


def workers_available() -> int:
    """How many processes may work beside this one: the cores this process may run on, less one; 0 off Linux."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(cores - 1, 0)


def worth_workers(characters: int, workers: int | None = None) -> int:
    """The number of workers to start for this much work (``characters`` of text to diff): none below
    :data:`WORTH_WORKERS`; ``workers`` (None: :func:`workers_available`) asks for a number (0: none)."""
    if workers is not None:
        return max(workers, 0)
    return workers_available() if characters >= WORTH_WORKERS else 0


def batches(costs: Sequence[int], count: int) -> list[tuple[int, int]]:
    """``costs`` cut into at most ``count`` runs of consecutive items of about equal total cost: (start, stop) each."""
    if not costs:
        return []
    total = sum(costs)
    out: list[tuple[int, int]] = []
    start, running = 0, 0
    for index, cost in enumerate(costs):
        running += cost
        if running * count >= total * (len(out) + 1) and index + 1 < len(costs):
            out.append((start, index + 1))
            start = index + 1
    out.append((start, len(costs)))
    return out


def run_jobs(jobs: Sequence[Callable[[], T]], workers: int, beside: Callable[[], B] | None = None,
             on_done: Callable[[int], None] | None = None) -> tuple[list[T], B | None]:
    """The value of every job, in the order of ``jobs``, computed by this process and ``workers`` forked ones;
    and the value of ``beside`` (None without it), a long job that the first worker runs before it takes any
    other (so that this process, which need not pickle what it computes, shares out the many short ones).

    ``on_done(count)`` is told, in this process, how many jobs are done so far. With no workers, every job runs
    here, one after the other, and ``beside`` last.
    """
    done: dict[int, Any] = {}  # 0: beside; 1, 2, ...: the jobs

    def progress() -> None:
        if on_done is not None:
            on_done(len(done) - (0 in done))

    if workers > 0 and (len(jobs) > 1 or beside is not None):
        _share([beside, *jobs] if beside is not None else [None, *jobs], workers, done, progress)
    for index, job in enumerate(jobs, start=1):
        if index not in done:
            done[index] = job()
            progress()
    if beside is not None and 0 not in done:
        done[0] = beside()
    return [done[index] for index in range(1, len(jobs) + 1)], done.get(0)


def _share(jobs: Sequence[Callable[[], Any] | None], workers: int, done: dict[int, Any],
           progress: Callable[[], None]) -> None:
    """Run the jobs here and in ``workers`` forked processes, filling ``done`` (index -> value) with what was
    computed; ``jobs[0]``, when there is one, goes to the first worker alone. A job a worker did not send back is
    left out (the caller runs it)."""
    size = -(-(len(jobs) - 1) // _QUEUE_JOBS)  # jobs per queue entry
    groups = [range(start, min(start + size, len(jobs))) for start in range(1, len(jobs), size)]
    queue, queue_write = os.pipe()
    os.write(queue_write, b"".join(_NUMBER.pack(number) for number in range(len(groups))))
    os.close(queue_write)
    children: dict[int, int] = {}  # pid -> the read end of its results pipe (-1 once read)
    try:
        for worker in range(min(workers, len(groups) - 1 + (jobs[0] is not None))):
            results, results_write = os.pipe()
            pid = os.fork()
            if pid == 0:
                _work(jobs, groups, queue, results_write, worker == 0)  # never returns
            os.close(results_write)  # here: so that the pipe ends when the worker does
            children[pid] = results
        for number in _numbers(queue):
            for index in groups[number]:
                job = jobs[index]
                assert job is not None
                done[index] = job()
            progress()
        for pid in list(children):
            with os.fdopen(children[pid], "rb") as stream:
                children[pid] = -1
                data = stream.read()
            os.waitpid(pid, 0)
            del children[pid]
            with contextlib.suppress(Exception):  # nothing (or not all) came back: the caller runs what is missing
                done.update(pickle.loads(data))
            progress()
    finally:
        os.close(queue)
        for pid, results in children.items():  # stopped early (an error, Ctrl-C): end the workers still running
            with contextlib.suppress(OSError):
                if results >= 0:
                    os.close(results)
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)


def _numbers(queue: int) -> Iterator[int]:
    """The job numbers this process takes from the queue, one at a time, until it is empty."""
    while True:
        data = os.read(queue, _NUMBER.size)
        if len(data) < _NUMBER.size:
            return
        yield _NUMBER.unpack(data)[0]


def _work(jobs: Sequence[Callable[[], Any] | None], groups: Sequence[range], queue: int, results: int,
          first: bool) -> NoReturn:
    """A worker's life: ``jobs[0]`` if it is the ``first`` worker, then jobs from the queue until it is empty; send
    back what was computed, and exit, never returning (none of the caller's clean-up runs twice, nothing it
    buffered is written twice)."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends the worker quietly; the caller reports it
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        gc.freeze()  # the inherited objects are never collected here: their pages stay shared with the caller
        done: dict[int, Any] = {}
        with contextlib.suppress(Exception):  # a job that fails is left to the caller, who raises its error
            beside = jobs[0]
            if first and beside is not None:
                done[0] = beside()
            for number in _numbers(queue):
                for index in groups[number]:
                    job = jobs[index]
                    assert job is not None
                    done[index] = job()
        data = pickle.dumps(done, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(results, "wb") as stream:
            stream.write(data)
        status = 0
    finally:
        os._exit(status)


__all__ = ["WORTH_WORKERS", "batches", "run_jobs", "workers_available", "worth_workers"]
