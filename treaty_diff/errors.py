"""Library exceptions. All derive from :class:`TreatyDiffError`; only ``cli.py`` turns them into exit codes."""

from __future__ import annotations


def printable(name: str) -> str:
    """A file name fit for a one-line message: control characters (a newline in a name) escaped."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in name)


class TreatyDiffError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(TreatyDiffError):
    """A draft (or other input) that cannot be read or is not valid.

    ``location`` names the file or corpus id; ``line`` is set when the problem
    has a line. ``str()`` gives the one-line message the CLI prints.
    """

    def __init__(self, location: str, message: str, line: int | None = None) -> None:
        self.location = location
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{printable(self.location)}:{self.line}" if self.line else printable(self.location)
        return f"{where}: {self.message}"


class ValidationFailed(InputError):
    """A draft that parsed but breaks the schema or a consistency rule; carries every problem."""

    def __init__(self, location: str, problems: list[InputError]) -> None:
        self.problems = problems
        first = problems[0]
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        super().__init__(location, first.message + more, first.line)


class OutputError(TreatyDiffError):
    """An output file that cannot be written."""

    def __init__(self, location: str, message: str) -> None:
        self.location = location
        self.message = message
        super().__init__(f"{printable(location)}: {message}")


class UsageError(TreatyDiffError):
    """A request the library cannot satisfy as asked (unknown provision, unknown format)."""
