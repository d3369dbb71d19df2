"""Shared test helpers: run the CLI in-process and capture what a user would see."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from treaty_diff.cli import main

sys.path.insert(0, str(Path(__file__).parent))

REPO = Path(__file__).resolve().parent.parent
DRAFTS = REPO / "drafts"
SOURCES = Path(__file__).resolve().parent / "data" / "sources"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
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
