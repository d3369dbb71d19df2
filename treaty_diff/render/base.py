"""One renderer interface and one registry (the shape of pygments' formatters).

A renderer declares its ``name``, the ``subject`` it renders ("comparison",
"coverage", "obligations"), the file ``extension`` it writes and whether its
output is ``binary``; ``render`` turns the subject into text or bytes. The
CLI's ``--format`` choices come from :func:`renderer_names`.
"""

from __future__ import annotations

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


def register(cls: type[Renderer[Any]]) -> type[Renderer[Any]]:
    """Class decorator: make a renderer available under ``(cls.subject, cls.name)``."""
    key = (cls.subject, cls.name)
    if key in _REGISTRY and _REGISTRY[key] is not cls:
        raise ValueError(f"two renderers for {key}")
    _REGISTRY[key] = cls
    return cls


def _load_builtin() -> None:
    # Importing the modules registers their renderers.
    from treaty_diff.render import builtin  # noqa: F401


def renderer_names(subject: str) -> list[str]:
    """The format names available for a subject, in registration order."""
    _load_builtin()
    return [name for (subj, name) in _REGISTRY if subj == subject]


def get_renderer(subject: str, name: str) -> Renderer[Any]:
    """An instance of the renderer for ``subject`` in format ``name``; UsageError if there is none."""
    _load_builtin()
    try:
        return _REGISTRY[(subject, name)]()
    except KeyError:
        known = ", ".join(renderer_names(subject)) or "none"
        raise UsageError(f"no {name!r} output for {subject} (available: {known})") from None
