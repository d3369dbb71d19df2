"""One renderer interface and one registry (the shape of pygments' formatters).

A renderer declares, as class attributes, its ``name``, the ``subject`` it
renders ("comparison", "coverage", "obligations", "obligation-comparison"),
the file ``suffixes`` it writes (the first is its usual one), whether its
output is ``binary``, and the ``options`` it reads: the names of the
:class:`RenderOptions` fields it honours. ``render`` turns the subject into
text or bytes.

Like pygments' lexer mapping, :data:`BUILTIN` names the module, suffixes and
options of each built-in renderer, so that choosing a format (by name or by an
output file's suffix) and checking its options import nothing, and a command
loads only the renderer it uses (python-docx is slow to import). A test checks
that each module registers exactly the renderers the table says, declaring
what the table says.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import PurePath
from typing import Any, ClassVar, Generic, TypeVar

from treaty_diff.errors import UsageError

Subject = TypeVar("Subject")


@dataclass(frozen=True)
class RenderOptions:
    """Every option a renderer may be asked for. Each renderer declares, in its ``options``, which of these
    fields it reads; the CLI refuses an option that the chosen renderer does not read."""

    color: bool = False
    changed_only: bool = False
    author: str = "treaty-diff"
    date: str | None = None
    redline_only: bool = False
    static: bool = False
    moves: bool = True


#: The names of the fields of :class:`RenderOptions`.
OPTION_NAMES = frozenset(f.name for f in fields(RenderOptions))


class Renderer(ABC, Generic[Subject]):
    """Turns one subject (a Comparison, a CoverageReport, ...) into one output format."""

    name: ClassVar[str]
    subject: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]]
    binary: ClassVar[bool] = False
    options: ClassVar[frozenset[str]] = frozenset()
    description: ClassVar[str] = ""

    @property
    def extension(self) -> str:
        """The usual file name ending, without the dot ("html")."""
        return self.suffixes[0].lstrip(".")

    @abstractmethod
    def render(self, value: Subject, options: RenderOptions) -> str | bytes:
        """The whole output: ``str`` for text formats, ``bytes`` when ``binary``."""

    def chunks(self, value: Subject, options: RenderOptions) -> Iterator[str | bytes]:
        """The same output in pieces, to be written as they come: what :meth:`render` returns, in one piece, unless
        the renderer streams (the comparison JSON does: a large report is never whole in memory)."""
        yield self.render(value, options)


_REGISTRY: dict[tuple[str, str], type[Renderer[Any]]] = {}


@dataclass(frozen=True)
class Builtin:
    """Where a built-in renderer lives and what it declares (checked against the class by a test)."""

    module: str
    suffixes: tuple[str, ...]
    options: frozenset[str] = frozenset()


_TEXT, _JSON, _HTML, _DOCX = (".txt", ".text"), (".json",), (".html", ".htm"), (".docx",)

#: (subject, format name) -> the module that registers that renderer, its suffixes and its options.
BUILTIN: dict[tuple[str, str], Builtin] = {
    ("comparison", "text"): Builtin("treaty_diff.render.text", _TEXT, frozenset({"color", "changed_only"})),
    ("comparison", "json"): Builtin("treaty_diff.render.json", _JSON),
    ("comparison", "html"): Builtin("treaty_diff.render.html.page", _HTML, frozenset({"changed_only", "static"})),
    ("comparison", "docx"): Builtin("treaty_diff.render.docx.writer", _DOCX,
                                    frozenset({"author", "date", "redline_only", "static", "moves"})),
    ("coverage", "text"): Builtin("treaty_diff.render.coverage", _TEXT),
    ("coverage", "json"): Builtin("treaty_diff.render.coverage", _JSON),
    ("coverage", "html"): Builtin("treaty_diff.render.coverage", _HTML),
    ("obligations", "text"): Builtin("treaty_diff.render.obligations", _TEXT),
    ("obligations", "json"): Builtin("treaty_diff.render.obligations", _JSON),
    ("obligation-comparison", "text"): Builtin("treaty_diff.render.obligations", _TEXT, frozenset({"changed_only"})),
    ("obligation-comparison", "json"): Builtin("treaty_diff.render.obligations", _JSON),
    ("obligation-comparison", "html"): Builtin("treaty_diff.render.obligations", _HTML, frozenset({"changed_only"})),
    ("obligations", "csv"): Builtin("treaty_diff.render.csv", (".csv",)),
    ("coverage", "csv"): Builtin("treaty_diff.render.csv", (".csv",)),
    ("obligation-comparison", "csv"): Builtin("treaty_diff.render.csv", (".csv",)),
    ("history", "text"): Builtin("treaty_diff.render.history_text", _TEXT, frozenset({"color"})),
    ("history", "json"): Builtin("treaty_diff.render.history_json", _JSON),
    ("history", "html"): Builtin("treaty_diff.render.history_html", _HTML),
    ("history", "docx"): Builtin("treaty_diff.render.history_docx", _DOCX,
                                 frozenset({"author", "date", "redline_only", "static", "moves"})),
    ("three-way", "text"): Builtin("treaty_diff.render.history_threeway", _TEXT, frozenset({"color"})),
    ("three-way", "json"): Builtin("treaty_diff.render.history_json", _JSON),
    ("three-way", "html"): Builtin("treaty_diff.render.history_threeway_html", _HTML),
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


def _declared(subject: str, name: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The suffixes and options of a format, from the table (or from the class of a renderer registered since)."""
    if (subject, name) in BUILTIN:
        entry = BUILTIN[(subject, name)]
        return entry.suffixes, entry.options
    cls = _REGISTRY[(subject, name)]
    return cls.suffixes, cls.options


def format_for_suffix(subject: str, path: str) -> str | None:
    """The format whose suffixes include ``path``'s ending, for this subject; None when no format claims it."""
    suffix = PurePath(path).suffix.lower()
    for name in renderer_names(subject):
        if suffix in _declared(subject, name)[0]:
            return name
    return None


def choose_format(subject: str, name: str | None, output: str | None, default: str = "text") -> str:
    """The format to write: ``name`` when given, else the one ``output``'s suffix names, else ``default``.

    A name that contradicts the output's suffix (``--format json -o x.html``) is refused, and so is an output
    whose suffix is a report format that this subject cannot be written in (a coverage report to ``.docx``).
    """
    by_suffix = format_for_suffix(subject, output) if output not in (None, "-") else None
    suffix = PurePath(output).suffix.lower() if output not in (None, "-") else ""
    claimed_elsewhere = by_suffix is None and any(suffix in entry.suffixes for entry in BUILTIN.values())
    if name is not None:
        if (by_suffix is not None and by_suffix != name) or claimed_elsewhere:
            raise UsageError(f"--format {name} contradicts the output file's suffix {suffix!r}: "
                             f"give a file name ending in {_declared(subject, name)[0][0]}, or leave out --format")
        return name
    if by_suffix is not None:
        return by_suffix
    if claimed_elsewhere:
        known = ", ".join(renderer_names(subject))
        raise UsageError(f"this report cannot be written as {suffix!r} (formats: {known}); "
                         f"give a file name with the suffix of one of them, or --format")
    return default


def check_options(subject: str, name: str, given: Iterable[tuple[str, str]]) -> None:
    """Refuse options the renderer does not read. ``given``: (option name, the flag the user typed)."""
    for option, flag in given:
        if option not in _declared(subject, name)[1]:
            takers = sorted(n for n in renderer_names(subject) if option in _declared(subject, n)[1])
            where = f"--format {' or '.join(takers)}" if takers else "no format of this report"
            raise UsageError(f"{flag} applies to {where}, not {name}")


def get_renderer(subject: str, name: str) -> Renderer[Any]:
    """An instance of the renderer for ``subject`` in format ``name``; UsageError if there is none."""
    key = (subject, name)
    if key not in _REGISTRY and key in BUILTIN:
        importlib.import_module(BUILTIN[key].module)  # importing the module registers its renderers
    try:
        return _REGISTRY[key]()
    except KeyError:
        known = ", ".join(renderer_names(subject)) or "none"
        raise UsageError(f"no {name!r} output for {subject} (available: {known})") from None
