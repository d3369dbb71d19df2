"""The commands that compare nothing load nothing that compares: ``--version``, ``list`` and ``show`` import no
diff, alignment, obligation or comparison code and no report renderer (checked in a fresh interpreter)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PROBE = """
import contextlib, io, json, sys
from treaty_diff.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main(sys.argv[1:])
    except SystemExit:
        pass
print(json.dumps(sorted(name for name in sys.modules if name.startswith("treaty_diff"))))
"""

#: What a command that compares nothing must not load (the registry, render.base, is loaded: it names the formats).
COMPARING = ("treaty_diff.diff", "treaty_diff.align", "treaty_diff.obligations", "treaty_diff.compare",
             "treaty_diff.history")
#: The renderers such a command may load: the registry, and the draft listing and its JSON writer.
RENDERERS = {"treaty_diff.render", "treaty_diff.render.base", "treaty_diff.render.drafts", "treaty_diff.render.page",
             "treaty_diff.render.html", "treaty_diff.render.html.builder"}


def _loaded(*args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True)
    loaded: list[str] = json.loads(done.stdout.splitlines()[-1])
    return loaded


@pytest.mark.parametrize("args", [("--version",), ("list",), ("list", "--format", "json"), ("show", "ppwt-2014"),
                                  ("show", "ppwt-2014", "--format", "json"), ("--help",)])
def test_a_command_that_compares_nothing_loads_no_comparing_code(args: tuple[str, ...]) -> None:
    loaded = _loaded(*args)
    assert [name for name in loaded if name.startswith(COMPARING)] == []
    assert [name for name in loaded if name.startswith("treaty_diff.render") and name not in RENDERERS] == []


def test_version_loads_the_command_line_and_the_format_registry_alone() -> None:
    assert _loaded("--version") == ["treaty_diff", "treaty_diff.cli", "treaty_diff.cli.common", "treaty_diff.cli.drafts",
                                    "treaty_diff.cli.main", "treaty_diff.cli.reports", "treaty_diff.cli.series",
                                    "treaty_diff.errors", "treaty_diff.render", "treaty_diff.render.base"]
