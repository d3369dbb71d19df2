"""One renderer interface and one registry (the shape of pygments' formatters).

A renderer declares its ``name``, the ``subject`` it renders ("comparison",
"coverage", "obligations", "obligation-comparison"), the file ``extension`` it
writes and whether its output is ``binary``; ``render`` turns the subject into
text or bytes. The CLI's ``--format`` choices come from :func:`renderer_names`.

Like pygments' lexer mapping, :data:`BUILTIN` names the module of each
built-in renderer, so listing the formats imports nothing and a command loads
only the renderer it uses (python-docx is slow to import). A test checks that
each module registers exactly the renderers the table says.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from treaty_diff.errors import UsageError

Subject = TypeVar("Subject")


@dataclass(frozen=True)
class RenderOptions:
    """Everything a renderer may be asked; each renderer reads the options it understands."""

    color: bool = False
    changed_only: bool = False
    author: str = "treaty-diff"
    date: str | None = None
    redline_only: bool = False
    static: bool = False
    moves: bool = True


class Renderer(ABC, Generic[Subject]):
    """Turns one subject (a Comparison, a CoverageReport, ...) into one output format."""

    name: ClassVar[str]
    subject: ClassVar[str]
    extension: ClassVar[str]
    binary: ClassVar[bool] = False
    description: ClassVar[str] = ""

    @abstractmethod
    def render(self, value: Subject, options: RenderOptions) -> str | bytes:
        """The whole output: ``str`` for text formats, ``bytes`` when ``binary``."""


_REGISTRY: dict[tuple[str, str], type[Renderer[Any]]] = {}

#: (subject, format name) -> the module that registers that renderer.
BUILTIN: dict[tuple[str, str], str] = {
    ("comparison", "text"): "treaty_diff.render.text",
    ("comparison", "json"): "treaty_diff.render.json",
    ("comparison", "html"): "treaty_diff.render.html.page",
    ("comparison", "docx"): "treaty_diff.render.docx.writer",
    ("coverage", "text"): "treaty_diff.render.coverage",
    ("coverage", "json"): "treaty_diff.render.coverage",
    ("coverage", "html"): "treaty_diff.render.coverage",
    ("obligations", "text"): "treaty_diff.render.obligations",
    ("obligations", "json"): "treaty_diff.render.obligations",
    ("obligation-comparison", "text"): "treaty_diff.render.obligations",
    ("obligation-comparison", "json"): "treaty_diff.render.obligations",
    ("obligation-comparison", "html"): "treaty_diff.render.obligations",
}


def register(cls: type[Renderer[Any]]) -> type[Renderer[Any]]:
    """Class decorator: make a renderer available under ``(cls.subject, cls.name)``."""
    key = (cls.subject, cls.name)
    if key in _REGISTRY and _REGISTRY[key] is not cls:
        raise ValueError(f"two renderers for {key}")
    _REGISTRY[key] = cls
    return cls


def renderer_names(subject: str) -> list[str]:
    """The format names available for a subject: the built-in ones, then any registered since."""
    names = [name for (subj, name) in BUILTIN if subj == subject]
    return names + [name for (subj, name) in _REGISTRY if subj == subject and name not in names]


def get_renderer(subject: str, name: str) -> Renderer[Any]:
    """An instance of the renderer for ``subject`` in format ``name``; UsageError if there is none."""
    key = (subject, name)
    if key not in _REGISTRY and key in BUILTIN:
        importlib.import_module(BUILTIN[key])  # importing the module registers its renderers
    try:
        return _REGISTRY[key]()
    except KeyError:
        known = ", ".join(renderer_names(subject)) or "none"
        raise UsageError(f"no {name!r} output for {subject} (available: {known})") from None
