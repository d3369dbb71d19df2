"""What every command shares: the click group, messages to stderr, loading drafts, choosing a report's format and
options, writing it, progress. Exit codes are decided in :mod:`treaty_diff.cli.main`."""

from __future__ import annotations

import datetime
import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from treaty_diff import __version__
from treaty_diff.render.base import check_options, choose_format, renderer_names

if TYPE_CHECKING:  # the rest is imported where it is used: `--version`, `list` and `show` load only what they need
    from treaty_diff.model.draft import Draft


EXIT_OK = 0

EXIT_DIFFERENT = 1

EXIT_ERROR = 2

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports it

EXIT_TERMINATED = 143  # 128 + SIGTERM

#: Warnings shown before an error line; the others are counted.
WARNINGS_ON_ERROR = 3

_pending: list[str] = []


class CommandFailed(Exception):
    """Raised inside a command to stop with exit status 2; its text is the error line, printed last by main."""


def warn(message: str) -> None:
    """Every notice goes through here: kept, and printed to stderr, one line each, when the command ends
    (:func:`_print_messages`); hidden characters quoted from a draft are shown as markers (<U+202E>)."""
    _pending.append(message)


def _warn_if_not_english(drafts: list[Draft]) -> None:
    for draft in drafts:
        if draft.meta.language != "en":
            warn(f"warning: {draft.id}: obligations are found in English text only; this draft's language is "
                 f"{draft.meta.language!r}, so what it obliges is not shown")


def _warn_import(message: str) -> None:
    warn(f"warning: {message}")


def fail(message: str) -> NoReturn:
    raise CommandFailed(message)


def emit_json(data: Any) -> None:
    from treaty_diff.render.page import json_text

    click.echo(json_text(data), nl=False)

@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="treaty-diff")
def cli() -> None:
    """Compare treaty drafts article by article, and see what they oblige.

    DRAFT arguments take a bundled draft id (see `treaty-diff list`) or the
    path of an Akoma Ntoso XML file, or of a .txt or .docx draft (imported in
    memory; see `treaty-diff import`).
    """


class ProgressBar:
    """click's progress bar on stderr, for work that runs over a second: only on a terminal, never with --quiet.

    Called as :data:`treaty_diff.compare.Progress` is ("comparing", 12, 40). Nothing shows until a second has
    passed, so a quick run prints nothing; from then on the bar is drawn at each step, and a thread redraws it
    while a long step (aligning, the obligations, writing the report) gives none. :meth:`close` ends its line.
    """

    DELAY = 1.0
    REDRAW = 0.25

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.started = time.monotonic()
        self.stage, self.done, self.total = "reading the drafts", 0, 0
        self.bar: Any = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        if self.enabled:
            threading.Thread(target=self._redraw, name="progress", daemon=True).start()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        with self._lock:
            self.stage, self.done = stage, max(done, 0)
            self.total = total or self.total
            if time.monotonic() - self.started >= self.DELAY:
                self._draw()

    def _redraw(self) -> None:
        if self._stop.wait(self.DELAY):
            return
        while True:
            with self._lock:
                if self._stop.is_set():
                    return
                self._draw()
            if self._stop.wait(self.REDRAW):
                return

    def _draw(self) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=max(self.total, 1), file=sys.stderr, show_eta=False)
        self.bar.length = max(self.total, 1)
        self.bar.label = f"treaty-diff: {self.stage}"
        self.bar.pos = min(self.done, self.bar.length)
        self.bar.render_progress()

    def close(self) -> None:
        with self._lock:
            self._stop.set()
            if self.bar is not None:
                self.bar.render_finish()
                self.bar = None


def _wrote(output: str | None, what: str, quiet: bool) -> None:
    """The one line that confirms a report written to a file: "wrote report.html (16 changes)"."""
    if output not in (None, "-") and not quiet:
        warn(f"wrote {output} ({what})")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"

_quiet_option = click.option("-q", "--quiet", is_flag=True,
                             help="No progress bar and no 'wrote FILE' line (warnings still come).")

_provenance_option = click.option(
    "--provenance", type=click.Choice(["verbatim", "reconstructed"]),
    help="For a .txt or .docx draft: whether its text is the official wording (as `import --provenance`; "
         "default: from the file's '# ' header, else verbatim, with a warning).")


def _check_provenance(provenance: str | None, specs: tuple[str, ...]) -> None:
    """--provenance applies to drafts imported from text or Word files: refused when none is given, never ignored."""
    from treaty_diff.read.kinds import is_importable

    if provenance is not None and not any(is_importable(spec) for spec in specs):
        raise click.UsageError("--provenance applies to drafts imported from .txt or .docx files; none is given")


def _load(spec: str, provenance: str | None) -> Draft:
    """A draft, its warnings given as :func:`summarise_warnings` gives them (one line for one kind at many places)."""
    from treaty_diff.read.corpus import load_draft

    warnings: list[str] = []
    try:
        return load_draft(spec, on_warning=warnings.append, provenance=provenance)  # type: ignore[arg-type]
    finally:
        for message in summarise_warnings(warnings):
            _warn_import(message)

#: Where a warning stands in its file: "x.docx: paragraph 12: ...", "x.txt:40: ...", "x.pdf: page 3: ...".
_PLACE = re.compile(r"^(?P<file>.*?)(?::(?P<line>\d+)|: (?P<unit>paragraph|line|page) (?P<number>\d+)): (?P<text>.*)$")

#: Warnings of one kind, at more places than this, are given once with a count.
REPEATED = 3


def summarise_warnings(messages: list[str]) -> list[str]:
    """The warnings of one file with those that repeat at many places given once: "x.docx: 123 paragraphs: the
    numbering is typed, not Word's (paragraphs 4, 5, 6, … 140)". The text of the first is kept; the others
    count when their text is the same but for numbers and quotes."""
    groups: dict[tuple[str, str, str], list[tuple[str, str, str]]] = {}
    order: list[tuple[str, str, str] | str] = []
    for message in messages:
        found = _PLACE.match(message)
        if found is None:
            order.append(message)
            continue
        unit = found["unit"] or "line"
        key = (found["file"], unit, re.sub(r"\d+", "N", re.sub(r"'[^']*'|“[^”]*”|\"[^\"]*\"", "Q", found["text"])))
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((found["line"] or found["number"], found["text"], message))
    out = []
    for entry in order:
        if isinstance(entry, str):
            out.append(entry)
            continue
        places = groups[entry]
        if len(places) <= REPEATED:
            out.extend(message for _, _, message in places)
            continue
        numbers = [number for number, _, _ in places]
        shown = ", ".join(numbers[:3]) + ", … " + numbers[-1] if len(numbers) > 4 else ", ".join(numbers)
        file, unit, _ = entry
        out.append(f"{file}: {len(places)} {unit}s: {places[0][1]} ({unit}s {shown})")
    return out


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date as YYYY-MM-DD") from None
    return value

#: Longest --author accepted: Word's limit for an author's name (and the DOCX "last modified by" property's).
MAX_AUTHOR = 255


def _author(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if len(value) > MAX_AUTHOR:
        raise click.BadParameter(f"at most {MAX_AUTHOR} characters (Word's limit); this one has {len(value)}")
    from treaty_diff.text import controls

    hidden = [char for char in value if char < " "] + [char for _, char in controls.hidden_characters(value)]
    if hidden:
        raise click.BadParameter(f"it holds {controls.name(hidden[0])}, an invisible or control character; give the "
                                 "name as plain text")
    return value

#: Command-line parameters that are renderer options: parameter name -> (RenderOptions field, flag as typed).
_RENDER_PARAMS = {
    "color": ("color", "--color/--no-color"),
    "changed_only": ("changed_only", "--changed-only"),
    "static": ("static", "--static"),
    "redline_only": ("redline_only", "--redline-only"),
    "no_moves": ("moves", "--no-moves"),
    "author": ("author", "--author"),
    "date": ("date", "--date"),
}


def _report_format(ctx: click.Context, subject: str, fmt: str | None, output: str | None) -> str:
    """The format to write (from --format, else from -o's suffix, else text), with its options checked: an
    option given on the command line that this format does not read is refused, never silently ignored."""
    chosen = choose_format(subject, fmt, output)
    given = [_RENDER_PARAMS[name] for name in ctx.params
             if name in _RENDER_PARAMS and ctx.get_parameter_source(name) == click.core.ParameterSource.COMMANDLINE]
    check_options(subject, chosen, given)
    return chosen


def _use_color(choice: bool | None, output: str | None) -> bool:
    """--color/--no-color when given; otherwise colour only on a terminal, and never with NO_COLOR set."""
    if choice is not None:
        return choice
    if output not in (None, "-") or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def deliver(data: str | bytes | Iterable[str | bytes], output: str | None, binary: bool,
            inputs: tuple[str, ...]) -> None:
    """Write a report to ``-o FILE`` atomically, or to stdout; never over one of ``inputs`` (what the user typed:
    draft ids, checklist names, paths) nor inside the installed package. ``data`` may come in pieces
    (:meth:`~treaty_diff.render.base.Renderer.chunks`), written as they come."""
    from treaty_diff.output import pieces, stream_is_input, write_atomic
    from treaty_diff.read.corpus import input_files, package_folders

    files = input_files(inputs)
    if output in (None, "-"):
        try:
            appended = stream_is_input(sys.stdout.fileno(), files)
        except (OSError, ValueError):  # no descriptor (captured, or closed): not a file
            appended = None
        if appended is not None:
            fail(f"standard output is the input file {appended}: refusing to write over it")
        if binary:
            if sys.stdout.isatty():
                fail("this format is binary: write it to a file with -o FILE")
            for piece in pieces(data):
                sys.stdout.buffer.write(piece)
            sys.stdout.buffer.flush()
        else:
            for text in (data,) if isinstance(data, (str, bytes)) else data:
                click.echo(text, nl=False)
        return
    write_atomic(output, data, files, package_folders())

_overrides_option = click.option(
    "--overrides", "overrides_file", metavar="FILE",
    help="An analyst's overrides file (XML): pinned modalities and verdicts, shown beside the tool's own answers.")


F = TypeVar("F", bound=Callable[..., Any])


def _format_option(subject: str) -> Callable[[F], F]:
    """``--format`` with the formats the registry has for ``subject`` (default: from ``-o``'s suffix, else text)."""
    return click.option("--format", "fmt", type=click.Choice(renderer_names(subject)),
                        help="Output format.  [default: from the -o file name's suffix, else text]")


_output_option = click.option("-o", "--output", metavar="FILE",
                              help="Write the report here (atomically); '-' or none: stdout.")
