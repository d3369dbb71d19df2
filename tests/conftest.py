"""Shared test helpers: run the CLI in-process and capture what a user would see."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings
from support.cli import Golden, Result, Run

from treaty_diff.cli import main

sys.path.insert(0, str(Path(__file__).parent))

# In CI, property tests draw the same examples every run, so a red build is reproducible; locally they explore.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
DRAFTS = REPO / "drafts"
SOURCES = Path(__file__).resolve().parent / "data" / "sources"


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run ``treaty-diff ARGS...`` in-process; returns exit code, stdout and stderr."""

    def _run(*args: str) -> Result:
        capsys.readouterr()
        try:
            main(list(args))
            code = 0
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden files under tests/golden/ from the current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    """Compare an output with tests/golden/NAME; ``pytest --update-golden`` rewrites the file instead."""
    update = request.config.getoption("--update-golden")

    def _check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}; run pytest --update-golden to create it"
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, f"output differs from {path}; if the change is intended, run pytest --update-golden"

    return _check
