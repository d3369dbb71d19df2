"""The commands over several versions: ``history`` and ``three-way``."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any

import click

from treaty_diff.errors import UsageError
from treaty_diff.render.base import RenderOptions, get_renderer

if TYPE_CHECKING:  # the rest is imported where it is used: `--version`, `list` and `show` load only what they need
    pass
from treaty_diff.cli.common import (
    EXIT_DIFFERENT,
    EXIT_OK,
    MAX_AUTHOR,
    _author,
    _format_option,
    _iso_date,
    _output_option,
    _report_format,
    _use_color,
    _warn_import,
    cli,
    deliver,
    warn,
)


def _series_specs(specs: tuple[str, ...]) -> list[str]:
    """Each DRAFT argument as the drafts it names: a folder, its draft files (.xml, .txt, .text, .docx) by name; a
    glob pattern the shell left alone (quoted), the files it matches, by name; anything else, itself."""
    import glob
    from pathlib import Path

    from treaty_diff.read.corpus import CORPUS_IDS
    from treaty_diff.read.kinds import IMPORT_SUFFIXES

    out: list[str] = []
    for spec in specs:
        path = Path(spec)
        if spec in CORPUS_IDS or path.is_file():
            out.append(spec)
        elif path.is_dir():
            suffixes = {".xml", *IMPORT_SUFFIXES}
            found = sorted(str(p) for p in path.iterdir() if p.is_file() and p.suffix.lower() in suffixes)
            if not found:
                raise UsageError(f"{spec}: no draft file in this folder (.xml, .txt, .text, .docx)")
            out.extend(found)
        elif re.search(r"[*?[]", spec):
            matched = sorted(name for name in glob.glob(spec) if Path(name).is_file())
            if not matched:
                raise UsageError(f"{spec}: no file matches this pattern")
            out.extend(matched)
        else:
            out.append(spec)
    return out


def _progress(enabled: bool | None) -> Any:
    """A callback that shows ``compared step i of n`` on stderr (on a terminal, unless --no-progress)."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None

    def show(done: int, total: int) -> None:
        click.echo(f"\rtreaty-diff: compared v{done} with v{done + 1} ({done} of {total})", err=True,
                   nl=done == total)

    return show


@cli.command()
@click.argument("drafts", nargs=-1, required=True)
@click.option("--order", type=click.Choice(["date", "given"]), default="date", show_default=True,
              help="Put the drafts in order by their dates, or keep the order given.")
@click.option("--at", "at", metavar="VERSION",
              help="The version whose blame is shown: v2, 2, a draft id or symbol.  [default: the last]")
@click.option("--provision", "provisions", multiple=True, metavar="NUM|EID|LINEAGE",
              help="Show this provision's timeline (repeat for more): 'Article II', 'II', 'art_2', 'L4'.")
@click.option("--from", "from_version", metavar="VERSION",
              help="DOCX: the older version of the redline.  [default: v1]")
@click.option("--to", "to_version", metavar="VERSION",
              help="DOCX: the newer version of the redline.  [default: the last]")
@_format_option("history")
@_output_option
@click.option("--no-obligations", is_flag=True, help="Leave out the obligations of each version (faster).")
@click.option("--color/--no-color", default=None,
              help="Colour the text report (default: on a terminal, unless NO_COLOR).")
@click.option("--progress/--no-progress", default=None, help="Show progress on stderr (default: on a terminal).")
@click.option("--author", default="treaty-diff", show_default=True, callback=_author,
              help=f"DOCX: author of the tracked changes (at most {MAX_AUTHOR} characters).")
@click.option("--date", "date", callback=_iso_date, metavar="YYYY-MM-DD",
              help="DOCX: date of the tracked changes (default: the newer version's date).")
@click.option("--redline-only", is_flag=True, help="DOCX: the redline alone, without cover and summary.")
@click.option("--static", is_flag=True, help="DOCX: coloured, struck and underlined text instead of tracked changes.")
@click.option("--no-moves", is_flag=True, help="DOCX: show moves as deletion plus insertion.")
@click.pass_context
def history(ctx: click.Context, drafts: tuple[str, ...], order: str, at: str | None, provisions: tuple[str, ...],
            from_version: str | None, to_version: str | None, fmt: str | None, output: str | None,
            no_obligations: bool, color: bool | None, progress: bool | None, author: str, date: str | None,
            redline_only: bool, static: bool, no_moves: bool) -> None:
    """The history of a series of drafts: each provision's lineage, word-level blame, timelines.

    DRAFTS are the versions: ids, files, folders of draft files, or quoted glob
    patterns; put in order by their dates (--order given keeps the order given).
    The DOCX report is the redline between two versions (--from, --to).
    """
    fmt = _report_format(ctx, "history", fmt, output)
    if fmt != "docx" and (from_version or to_version):
        raise click.UsageError("--from and --to choose the versions of the DOCX redline: give --format docx")
    from treaty_diff.history import HistoryOptions, build_history
    from treaty_diff.history.order import order_series
    from treaty_diff.history.report import series_report
    from treaty_diff.read.corpus import load_draft

    specs = _series_specs(drafts)
    loaded, notes = order_series([load_draft(spec, on_warning=_warn_import) for spec in specs],
                                 "given" if order == "given" else "date")
    for note in notes:
        warn(f"warning: {note}")
    value = build_history(loaded, HistoryOptions(obligations=not no_obligations), on_step=_progress(progress))
    between = (from_version or "v1", to_version or f"v{len(loaded)}") if fmt == "docx" else None
    report = series_report(value, loaded, at, provisions, between)
    renderer = get_renderer("history", fmt)
    options = RenderOptions(color=_use_color(color, output) and "color" in renderer.options, author=author,
                            date=date, redline_only=redline_only, static=static, moves=not no_moves)
    deliver(renderer.render(report, options), output, renderer.binary, tuple(specs))


@cli.command("three-way")
@click.argument("base")
@click.argument("a")
@click.argument("b")
@_format_option("three-way")
@_output_option
@click.option("--exit-code", is_flag=True, help="Exit with status 1 when the proposals conflict.")
@click.option("--color/--no-color", default=None,
              help="Colour the text report (default: on a terminal, unless NO_COLOR).")
@click.pass_context
def three_way(ctx: click.Context, base: str, a: str, b: str, fmt: str | None, output: str | None, exit_code: bool,
              color: bool | None) -> int:
    """Two proposals made from one base: what each changed, where they agree, where they conflict."""
    fmt = _report_format(ctx, "three-way", fmt, output)
    from treaty_diff.history.threeway import three_way as run_three_way
    from treaty_diff.read.corpus import load_draft

    value = run_three_way(*(load_draft(spec, on_warning=_warn_import) for spec in (base, a, b)))
    renderer = get_renderer("three-way", fmt)
    options = RenderOptions(color=_use_color(color, output) and "color" in renderer.options)
    deliver(renderer.render(value, options), output, renderer.binary, (base, a, b))
    return EXIT_DIFFERENT if exit_code and value.counts["conflict"] else EXIT_OK
