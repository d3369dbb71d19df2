"""A plain (non-editable) install ships the drafts and the schema, and works from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO


@pytest.fixture(scope="module")
def wheel_install(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel and install it (without dependencies) into a folder of its own."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work), str(REPO)],
                   check=True, capture_output=True)
    wheels = list(work.glob("treaty_diff-*.whl"))
    assert len(wheels) == 1
    target = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheels[0])], check=True, capture_output=True)
    return wheels[0]


def test_the_wheel_contains_every_draft_and_the_schema(wheel_install: Path) -> None:
    names = set(zipfile.ZipFile(wheel_install).namelist())
    for draft_id in ("ppwt-2008", "ppwt-2014", "ost-1967", "ptbt-1963", "moon-1979"):
        assert f"treaty_diff/drafts/{draft_id}.xml" in names
    assert "treaty_diff/akn/schema/treaty-akn.rng" in names


def test_the_installed_wheel_lists_and_shows_drafts_from_another_directory(wheel_install: Path,
                                                                           tmp_path: Path) -> None:
    site = wheel_install.parent / "site"
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run([sys.executable, "-c", "import treaty_diff; print(treaty_diff.__file__)"], cwd=tmp_path,
                           env=env, capture_output=True, text=True, check=True)
    assert where.stdout.startswith(str(site)), "the test must run the installed copy, not the source tree"
    listed = subprocess.run([sys.executable, "-m", "treaty_diff", "list"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, check=False)
    assert listed.returncode == 0, listed.stderr
    assert "CD/1985" in listed.stdout
    shown = subprocess.run([sys.executable, "-m", "treaty_diff", "show", "ppwt-2008", "--format", "json"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert shown.returncode == 0, shown.stderr
    assert '"symbol": "CD/1839"' in shown.stdout
