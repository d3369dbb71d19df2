"""A plain (non-editable) install ships the drafts and the schema, and works from any directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

from treaty_diff.read.corpus import CORPUS_IDS

pytestmark = pytest.mark.slow

_NOT_SOURCE = shutil.ignore_patterns("__pycache__", "*.pyc", "build", "*.egg-info")


@pytest.fixture(scope="module")
def wheel_install(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel from a clean copy of the sources (a stale build/ folder in the checkout could otherwise
    slip files into it) and install it (without dependencies) into a folder of its own."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    for name in ("treaty_diff", "drafts"):
        shutil.copytree(REPO / name, source / name, ignore=_NOT_SOURCE)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work), str(source)],
                   check=True, capture_output=True)
    wheels = list(work.glob("treaty_diff-*.whl"))
    assert len(wheels) == 1
    target = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheels[0])], check=True, capture_output=True)
    return wheels[0]


def test_the_wheel_contains_every_draft_and_the_schema(wheel_install: Path) -> None:
    names = set(zipfile.ZipFile(wheel_install).namelist())
    for draft_id in CORPUS_IDS:
        assert f"treaty_diff/drafts/{draft_id}.xml" in names
    assert "treaty_diff/read/akn/schema/treaty-akn.rng" in names


def test_the_wheel_contains_every_module_of_the_source_tree(wheel_install: Path) -> None:
    names = set(zipfile.ZipFile(wheel_install).namelist())
    modules = {path.relative_to(REPO).as_posix() for path in (REPO / "treaty_diff").rglob("*.py")}
    assert modules, "no module found: the test would pass on anything"
    assert sorted(modules - names) == [], "add the missing subpackages to [tool.setuptools] packages"


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
