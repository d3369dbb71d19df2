"""The types of the CLI fixtures of tests/conftest.py: ``run`` runs the CLI in-process, ``golden`` compares an
output with its golden file. A test annotates its parameters with them (``run: Run``, ``golden: Golden``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass
class Result:
    """What a user would see of one run of ``treaty-diff``: its exit code, stdout and stderr."""

    code: int
    out: str
    err: str


class Run(Protocol):
    """``run(*args)``: run ``treaty-diff ARGS...`` in-process."""

    def __call__(self, *args: str) -> Result: ...


class Golden(Protocol):
    """``golden(name, actual)``: assert ``actual`` equals tests/golden/NAME (``--update-golden`` rewrites it)."""

    def __call__(self, name: str, actual: str) -> None: ...
