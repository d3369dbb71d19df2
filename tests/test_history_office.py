"""The consolidated DOCX redline of a series (``history --format docx --from --to``) opened by LibreOffice:
accepting every change gives the later chosen version, rejecting every change the earlier.

Drives ``tests/support/lo_driver.py`` under Debian's /usr/bin/python3 (python3-uno), one request. Without
LibreOffice the test is skipped, except on CI (``CI`` set), where it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from support.cli import Run
from support.docx import expected_paragraphs
from support.typed import json_object

from treaty_diff.compare import compare
from treaty_diff.read.corpus import load_draft

DRIVER = Path(__file__).parent / "support" / "lo_driver.py"
SYSTEM_PYTHON = "/usr/bin/python3"
LATER = str(Path(__file__).parent / "data" / "made-up" / "ppwt-later.xml")


def _inspect(path: Path) -> dict[str, Any]:
    """LibreOffice's reading of a document: its tracked changes, and its text after accepting and rejecting all."""
    missing = shutil.which("soffice") is None or not os.path.exists(SYSTEM_PYTHON) or subprocess.run(
        [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False).returncode != 0
    if missing:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is missing (apt-get install libreoffice-writer python3-uno)")
        pytest.skip("LibreOffice is missing (apt-get install libreoffice-writer python3-uno)")
    requests = json.dumps({"path": str(path)}) + "\n" + json.dumps({"quit": True}) + "\n"
    done = subprocess.run([SYSTEM_PYTHON, str(DRIVER)], input=requests, capture_output=True, text=True,
                          timeout=240, check=False, start_new_session=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 2 and json_object(lines[0]).get("ready"), (done.stdout, done.stderr)
    report = json_object(lines[1])
    assert report["ok"], report.get("error")
    return report


@pytest.mark.slow
def test_libreoffice_accepts_the_series_redline_to_the_later_version_and_rejects_it_to_the_earlier(
        run: Run, tmp_path: Path) -> None:
    output = tmp_path / "ppwt-v1-v3.docx"
    result = run("history", "ppwt-2008", "ppwt-2014", LATER, "--from", "v1", "--to", "v3", "--redline-only",
                 "--author", "UNIDIR", "-o", str(output))
    assert result.code == 0, result.err
    report = _inspect(output)
    comparison = compare(load_draft("ppwt-2008"), load_draft(LATER))
    assert [p for p in report["accepted"] if p.strip()] == expected_paragraphs(comparison, "new")
    assert [p for p in report["rejected"] if p.strip()] == expected_paragraphs(comparison, "old")
    assert {r["author"] for r in report["redlines"]} == {"UNIDIR"}
    assert {r["date"] for r in report["redlines"]} == {"2020-01-01"}  # the later version's date
