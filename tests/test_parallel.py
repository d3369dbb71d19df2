"""Word diffs (and the obligations beside them) on several cores: the same Comparison, byte for byte the same reports,
as the serial run; jobs back in order, a failing or dying worker's jobs done by the caller; small work stays serial."""

from __future__ import annotations

import itertools
import os
import signal
import sys
import time
from collections.abc import Callable

import pytest

from treaty_diff.align import align
from treaty_diff.compare import CompareOptions, comparison_from_alignment
from treaty_diff.diff.parallel import WORTH_WORKERS, batches, run_jobs, worth_workers
from treaty_diff.model.draft import Draft
from treaty_diff.read.corpus import load_corpus
from treaty_diff.render.base import RenderOptions, get_renderer
from treaty_diff.testing.families import generate_family_pair
from treaty_diff.testing.generate import generate_pair, scale_draft

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")


def _pairs() -> list[tuple[str, Draft, Draft]]:
    corpus = load_corpus()
    scaled = generate_pair(scale_draft(corpus, 60, seed=3), 3)
    families = generate_family_pair(corpus, 80, 4)
    return [("scaled", scaled.old, scaled.new), ("families", families.old, families.new)]


@linux_only
@pytest.mark.parametrize("obligations", [True, False])
def test_the_comparison_made_with_workers_is_the_serial_one_on_generated_pairs(obligations: bool) -> None:
    for name, old, new in _pairs():
        alignment = align(old, new)
        serial = comparison_from_alignment(alignment, CompareOptions(obligations=obligations, workers=0))
        shared = comparison_from_alignment(alignment, CompareOptions(obligations=obligations, workers=1))
        assert shared == serial, name
        for fmt in ("json", "html", "docx"):
            renderer = get_renderer("comparison", fmt)
            assert renderer.render(shared, RenderOptions()) == renderer.render(serial, RenderOptions()), (name, fmt)


@linux_only
def test_jobs_come_back_in_order_and_the_long_job_runs_in_a_worker() -> None:
    here = os.getpid()

    def job(index: int) -> tuple[int, int]:
        time.sleep(0.005)
        return index, os.getpid()

    jobs = [lambda index=index: job(index) for index in range(40)]  # type: ignore[misc]
    told: list[int] = []
    values, beside = run_jobs(jobs, 1, lambda: os.getpid(), told.append)
    assert [index for index, _ in values] == list(range(40))
    assert beside is not None and beside != here
    assert told[-1] == 40 and told == sorted(told)


@linux_only
def test_a_job_that_fails_in_a_worker_raises_its_error_here() -> None:
    def fails() -> int:
        raise ValueError("no such clause")

    with pytest.raises(ValueError, match="no such clause"):
        run_jobs([lambda: 1, lambda: 2], 1, fails)


@linux_only
def test_the_jobs_of_a_worker_that_dies_are_done_here() -> None:
    here = os.getpid()

    def dies_in_a_worker() -> str:
        if os.getpid() != here:
            os.kill(os.getpid(), signal.SIGKILL)
        return "done here"

    values, beside = run_jobs([lambda: "a", lambda: "b", lambda: "c"], 1, dies_in_a_worker)
    assert values == ["a", "b", "c"] and beside == "done here"


def test_without_workers_every_job_runs_here_in_order_and_the_long_one_last() -> None:
    order: list[str] = []

    def job(name: str, value: int) -> Callable[[], int]:
        def run() -> int:
            order.append(name)
            return value
        return run

    values, beside = run_jobs([job("a", 1), job("b", 2)], 0, job("long", 3))
    assert (values, beside, order) == ([1, 2], 3, ["a", "b", "long"])


def test_small_work_stays_in_this_process_and_a_number_asked_for_is_given() -> None:
    assert worth_workers(WORTH_WORKERS - 1) == 0
    assert worth_workers(10, workers=1) == 1
    assert worth_workers(10 * WORTH_WORKERS, workers=0) == 0


@pytest.mark.parametrize("costs", [[1] * 10, [5, 1, 1, 1, 50, 1, 1], [3], [100, 0, 0, 0]])
def test_batches_cover_every_item_once_in_order(costs: list[int]) -> None:
    cut = batches(costs, 4)
    assert cut[0][0] == 0 and cut[-1][1] == len(costs) and len(cut) <= 4
    assert all(stop == start for (_, stop), (start, _) in itertools.pairwise(cut))
    assert all(start < stop for start, stop in cut)
