"""The house rules, read from the package's own imports (ast, nothing is imported): no import cycle, no arrow
from a lower layer to a higher one, lxml only where XML is read or built, exit codes only in the CLI.

docs/architecture.md draws the same layers.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "treaty_diff"

#: What each part of the package may import from the package (besides itself and ``treaty_diff.__version__``).
#: Values (model) import no engine; engines import values and the stages below them; render imports values
#: only; the CLI imports anything; nothing but tests and benchmarks import ``testing``.
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "text": set(),
    "model": {"text"},
    "output": {"errors"},
    "read": {"errors", "model", "text"},
    "align": {"model", "text"},
    "diff": {"model", "text"},
    "obligations": {"errors", "model", "text", "align", "diff"},
    "compare": {"model", "text", "align", "diff", "obligations"},
    "render": {"errors", "model", "text"},
    "testing": {"errors", "model", "text", "read", "align", "diff"},
    "history": {"errors", "model", "text", "align", "diff", "compare", "obligations"},
    "cli": {"errors", "model", "text", "output", "read", "align", "diff", "obligations", "compare", "history",
            "render"},
    "__main__": {"cli"},
    "checklists": set(),  # data shipped with the package (the bundled checklists), no code
    "schemas": set(),  # data (the JSON schema of the comparison), no code
}

#: The only modules that may import lxml: the XML readers and writers, and the renderers that build XML/HTML.
LXML_ALLOWED = ("read/safe.py", "read/checklist.py", "read/akn/", "read/importers/docx", "render/html/",
                "render/docx/", "render/page.py", "render/obligations.py", "render/coverage.py")


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


@cache
def _imports() -> dict[str, set[str]]:
    """Module -> the treaty_diff modules it imports (anywhere in the file, at the top or inside a function)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names if alias.name.startswith("treaty_diff"))
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = name.split(".") if is_package else name.split(".")[:-1]
                    anchor = anchor[: len(anchor) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                if not base.startswith("treaty_diff"):
                    continue
                for alias in node.names:  # `from treaty_diff.x import y`: y may be a module or a name in x
                    targets.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def _part(module: str) -> str:
    """The part of the package a module belongs to: its first name below treaty_diff."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _cycles(graph: dict[str, set[str]]) -> Iterator[list[str]]:
    """One cycle through each strongly connected group of modules (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    yield sorted(group)


def test_the_package_has_no_import_cycle() -> None:
    cycles = list(_cycles(_imports()))
    assert cycles == [], "import cycles: " + "; ".join(" <-> ".join(group) for group in cycles)


def test_every_import_goes_down_the_layers() -> None:
    broken = []
    for module, targets in _imports().items():
        part = _part(module)
        if part == "":  # treaty_diff/__init__.py: the version, nothing else
            assert targets == set(), f"treaty_diff/__init__.py imports {targets}"
            continue
        allowed = ALLOWED[part]
        for target in sorted(targets):
            other = _part(target)
            if other not in ("", part) and other not in allowed:
                broken.append(f"{module} imports {target} ({part} may import {sorted(allowed) or 'nothing'})")
    assert broken == []


def test_the_layer_table_names_every_part_of_the_package() -> None:
    assert {_part(module) for module in _modules()} - {""} == set(ALLOWED)


def _imports_lxml(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "lxml" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "lxml":
            return True
    return False


def test_lxml_is_imported_only_where_xml_is_read_or_built() -> None:
    users = [path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py") if _imports_lxml(path)]
    assert users, "no module imports lxml: the test would pass on anything"
    assert [user for user in users if not user.startswith(LXML_ALLOWED)] == []


@pytest.mark.parametrize("word", ["sys.exit", "SystemExit", "import click", "from click"])
def test_only_the_cli_knows_exit_codes_and_click(word: str) -> None:
    users = [path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")
             if word in path.read_text(encoding="utf-8")]
    assert [user for user in users if not user.startswith("cli/")] == []


def test_the_cli_decides_the_exit_status_in_one_place() -> None:
    exits = [path.name for path in (PACKAGE / "cli").glob("*.py") if "sys.exit" in path.read_text(encoding="utf-8")]
    assert exits == ["main.py"]


def test_the_cycle_finder_finds_a_cycle_and_the_layer_check_a_broken_rule() -> None:
    graph = {"treaty_diff.a": {"treaty_diff.b"}, "treaty_diff.b": {"treaty_diff.c"}, "treaty_diff.c": {"treaty_diff.a"},
             "treaty_diff.d": set()}
    assert list(_cycles(graph)) == [["treaty_diff.a", "treaty_diff.b", "treaty_diff.c"]]
    assert _part("treaty_diff.render.html.page") == "render"
    assert "align" not in ALLOWED["render"] and "render" not in ALLOWED["model"]
