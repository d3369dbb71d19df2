"""The ``treaty-diff`` command line: thin click commands over the library.

This is the only module that knows about exit codes and stderr:

- 0: success;
- 1: only with ``--exit-code``, when the drafts differ;
- 2: any error (usage, unreadable or invalid input, unwritable output), as one
  line on stderr, without a traceback.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from typing import Any, NoReturn

import click

from treaty_diff import __version__
from treaty_diff.errors import InputError, TreatyDiffError, UsageError
from treaty_diff.model.draft import Draft, Provision
from treaty_diff.output import write_atomic
from treaty_diff.read.akn import check_file, draft_to_xml, provision_to_xml
from treaty_diff.read.corpus import load_corpus, load_draft
from treaty_diff.render.base import RenderOptions, check_options, choose_format, get_renderer, renderer_names
from treaty_diff.render.drafts import draft_dict, draft_listing, reconstructed_notice
from treaty_diff.render.page import json_text

EXIT_OK = 0
EXIT_DIFFERENT = 1
EXIT_ERROR = 2


class CommandFailed(Exception):
    """Raised inside a command to stop with exit status 2 after its message was printed."""


def warn(message: str) -> None:
    """Every notice and error goes through here, to stderr, one line each."""
    click.echo(f"treaty-diff: {message}", err=True)


def _warn_if_not_english(drafts: list[Draft]) -> None:
    for draft in drafts:
        if draft.meta.language != "en":
            warn(f"warning: {draft.id}: obligations are found in English text only; this draft's language is "
                 f"{draft.meta.language!r}, so what it obliges is not shown")


def _warn_import(message: str) -> None:
    warn(f"warning: {message}")


def fail(message: str) -> NoReturn:
    warn(f"error: {message}")
    raise CommandFailed


def emit_json(data: Any) -> None:
    click.echo(json_text(data), nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="treaty-diff")
def cli() -> None:
    """Compare treaty drafts article by article, and see what they oblige.

    DRAFT arguments take a bundled draft id (see `treaty-diff list`) or the
    path of an Akoma Ntoso XML file, or of a .txt or .docx draft (imported in
    memory; see `treaty-diff import`).
    """


@cli.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_command(fmt: str) -> None:
    """The bundled drafts: id, title, symbol, date, articles, words, provenance."""
    rows = [draft_listing(draft) for draft in load_corpus()]
    if fmt == "json":
        emit_json({"drafts": rows})
        return
    headers = ("id", "symbol", "date", "articles", "words", "provenance", "title")
    table = [[str(row[h] if row[h] is not None else "-") for h in headers] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(headers[:-1])]
    click.echo("  ".join(h.ljust(w) for h, w in zip(headers, widths)) + "  title")
    for r in table:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(r, widths)) + "  " + r[-1])


@cli.command()
@click.argument("draft")
@click.option("--article", "article", metavar="NUM|EID",
              help="Show one provision: 'Article V', 'V', '5', 'art_5', 'preamble'.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "xml"]), default="text", show_default=True)
def show(draft: str, article: str | None, fmt: str) -> None:
    """One draft, or one provision of it.

    Text output is the treaty text itself. When any of it is reconstructed
    rather than the official wording, text and XML output are followed by a
    notice on stderr naming those provisions; the JSON says it per provision.
    """
    loaded = load_draft(draft, on_warning=_warn_import)
    provisions = _select(loaded, article)
    if fmt == "json":
        emit_json(draft_dict(loaded, provisions))
        return
    if fmt == "xml":
        data = draft_to_xml(loaded) if article is None else provision_to_xml(provisions[0])
        click.echo(data.decode("utf-8"), nl=False)
    else:
        click.echo("\n\n".join(p.text for p in provisions))
    notice = reconstructed_notice(loaded, provisions)
    if notice:
        warn(notice)


def _select(draft: Draft, key: str | None) -> tuple[Provision, ...]:
    if key is None:
        return draft.provisions
    try:
        return (draft.provision(key),)
    except KeyError:
        names = ", ".join(p.num or p.eid for p in draft.provisions)
        fail(f"{draft.origin}: no provision {key!r} (provisions: {names})")


@cli.command()
@click.argument("files", nargs=-1, required=True)
def validate(files: tuple[str, ...]) -> None:
    """Check draft files against the schema and the consistency rules.

    One line per problem, naming the file and line; exit 0 when every file is
    valid, 2 otherwise.
    """
    from treaty_diff.read.corpus import CORPUS_IDS
    from treaty_diff.read.kinds import is_importable

    invalid = 0
    for name in files:
        if name in CORPUS_IDS or is_importable(name):
            try:
                load_draft(name, on_warning=_warn_import)
                problems: list[InputError] = []
            except InputError as error:
                problems = [error]
        else:
            problems = check_file(name)
        if problems:
            invalid += 1
            for problem in problems:
                warn(str(problem))
        else:
            click.echo(f"{name}: valid")
    if invalid:
        fail(f"{invalid} of {len(files)} file(s) invalid")


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


def deliver(data: str | bytes, output: str | None, binary: bool, inputs: tuple[str, ...]) -> None:
    """Write a report to ``-o FILE`` atomically, or to stdout."""
    if output in (None, "-"):
        if binary:
            if sys.stdout.isatty():
                fail("this format is binary: write it to a file with -o FILE")
            sys.stdout.buffer.write(data if isinstance(data, bytes) else data.encode("utf-8"))
            sys.stdout.buffer.flush()
        else:
            click.echo(data, nl=False)
        return
    write_atomic(output, data, inputs)


@cli.command()
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(renderer_names("comparison")),
              help="Output format.  [default: from the -o file name's suffix, else text]")
@click.option("-o", "--output", metavar="FILE", help="Write the report here (atomically); '-' or none: stdout.")
@click.option("--exit-code", is_flag=True, help="Exit with status 1 when the drafts differ.")
@click.option("--color/--no-color", default=None,
              help="Colour the text report (default: on a terminal, unless NO_COLOR).")
@click.option("--changed-only", is_flag=True, help="Leave out provisions that did not change.")
@click.option("--granularity", type=click.Choice(["word", "char"]), default="word", show_default=True)
@click.option("--ignore-case", is_flag=True, help="Differences of case show as equal (with the new text).")
@click.option("--ignore-whitespace", is_flag=True, help="Differences of white space show as equal.")
@click.option("--ignore-punctuation", is_flag=True, help="Differences of punctuation show as equal.")
@click.option("--no-obligations", is_flag=True, help="Leave out the comparison of obligations (faster on big drafts).")
@click.option("--author", default="treaty-diff", show_default=True, help="DOCX: author of the tracked changes.")
@click.option("--date", "date", callback=_iso_date, metavar="YYYY-MM-DD",
              help="DOCX: date of the tracked changes (default: the new draft's date).")
@click.option("--redline-only", is_flag=True, help="DOCX: the redline alone, without cover and summary.")
@click.option("--static", is_flag=True,
              help="DOCX: coloured, struck and underlined text instead of tracked changes; HTML: no script.")
@click.option("--no-moves", is_flag=True, help="DOCX: show moves as deletion plus insertion.")
@click.pass_context
def compare(ctx: click.Context, old: str, new: str, fmt: str | None, output: str | None, exit_code: bool,
            color: bool | None, changed_only: bool, granularity: str, ignore_case: bool, ignore_whitespace: bool,
            ignore_punctuation: bool, no_obligations: bool, author: str, date: str | None, redline_only: bool,
            static: bool, no_moves: bool) -> int:
    """Compare two drafts: pair provisions by content, then diff each pair word by word.

    Every report also compares the drafts' obligations (dropped, added,
    weakened, strengthened), unless --no-obligations.
    """
    fmt = _report_format(ctx, "comparison", fmt, output)
    from treaty_diff.compare import CompareOptions
    from treaty_diff.compare import compare as run_compare
    from treaty_diff.diff import DiffOptions

    old_draft = load_draft(old, on_warning=_warn_import)
    new_draft = load_draft(new, on_warning=_warn_import)
    diff_options = DiffOptions(granularity=granularity, ignore_case=ignore_case,  # type: ignore[arg-type]
                               ignore_whitespace=ignore_whitespace, ignore_punctuation=ignore_punctuation)
    comparison = run_compare(old_draft, new_draft, CompareOptions(diff=diff_options, obligations=not no_obligations))
    renderer = get_renderer("comparison", fmt)
    options = RenderOptions(color=_use_color(color, output) and "color" in renderer.options,
                            changed_only=changed_only,
                            author=author, date=date, redline_only=redline_only, static=static, moves=not no_moves)
    deliver(renderer.render(comparison, options), output, renderer.binary, (old, new))
    return EXIT_DIFFERENT if exit_code and comparison.differs else EXIT_OK


@cli.command()
@click.argument("draft")
@click.option("--format", "fmt", type=click.Choice(renderer_names("obligations")),
              help="Output format.  [default: from the -o file name's suffix, else text]")
@click.option("-o", "--output", metavar="FILE", help="Write the report here (atomically); '-' or none: stdout.")
@click.pass_context
def obligations(ctx: click.Context, draft: str, fmt: str | None, output: str | None) -> None:
    """The deontic clauses of a draft: who must, must not and may do what, with citations."""
    fmt = _report_format(ctx, "obligations", fmt, output)
    from treaty_diff.model.obligations import DraftObligations
    from treaty_diff.obligations.extract import extract_obligations

    loaded = load_draft(draft, on_warning=_warn_import)
    _warn_if_not_english([loaded])
    renderer = get_renderer("obligations", fmt)
    value = DraftObligations(loaded, extract_obligations(loaded))
    deliver(renderer.render(value, RenderOptions()), output, renderer.binary, (draft,))


@cli.command()
@click.argument("drafts", nargs=-1, required=True)
@click.option("--checklist", metavar="NAME|FILE",
              help="A bundled checklist by name, or a checklist XML file.  [default: paros]")
@click.option("--against", metavar="DRAFT",
              help="Compare the obligations of two drafts, this one being the reference (instead of a checklist).")
@click.option("--changed-only", is_flag=True, help="With --against: leave out unchanged obligations.")
@click.option("--format", "fmt", type=click.Choice(renderer_names("coverage")),
              help="Output format.  [default: from the -o file name's suffix, else text]")
@click.option("-o", "--output", metavar="FILE", help="Write the report here (atomically); '-' or none: stdout.")
@click.pass_context
def coverage(ctx: click.Context, drafts: tuple[str, ...], checklist: str | None, against: str | None,
             changed_only: bool, fmt: str | None, output: str | None) -> None:
    """Which elements of a checklist each draft covers, partly covers or leaves out, with citations.

    With --against REF and two drafts: each obligation of REF with its
    counterpart in the other draft, flagging those dropped, added, weakened
    and strengthened.
    """
    from treaty_diff.obligations.compare import compare_obligations
    from treaty_diff.obligations.coverage import check_coverage
    from treaty_diff.read.checklist import load_checklist

    loaded = [load_draft(d, on_warning=_warn_import) for d in drafts]
    _warn_if_not_english(loaded)
    ids = [draft.id for draft in loaded]
    duplicates = sorted({draft_id for draft_id in ids if ids.count(draft_id) > 1})
    if duplicates:
        raise UsageError(f"two drafts have the id {duplicates[0]!r}: give one of them another id (import --id)")
    if against is not None:
        if checklist is not None:
            raise click.UsageError("--against compares two drafts; it does not take --checklist")
        if len(drafts) != 2:
            raise click.BadParameter("give exactly two drafts with --against", param_hint="'--against'")
        names = [(spec, draft.id) for spec, draft in zip(drafts, loaded)]
        matches = [i for i, (spec, draft_id) in enumerate(names) if against in (spec, draft_id)]
        if not matches:
            raise click.BadParameter(f"{against!r} is not one of the two drafts", param_hint="'--against'")
        reference, other = loaded[matches[0]], loaded[1 - matches[0]]
        renderer = get_renderer("obligation-comparison", _report_format(ctx, "obligation-comparison", fmt, output))
        value = compare_obligations(reference, other)
        deliver(renderer.render(value, RenderOptions(changed_only=changed_only)), output, renderer.binary, drafts)
        return
    if changed_only:
        raise click.UsageError("--changed-only goes with --against")
    checklist = checklist or "paros"
    report = check_coverage(loaded, load_checklist(checklist))
    renderer = get_renderer("coverage", _report_format(ctx, "coverage", fmt, output))
    deliver(renderer.render(report, RenderOptions()), output, renderer.binary, (*drafts, checklist))


@cli.command(hidden=True)
@click.argument("old")
@click.argument("new")
def align(old: str, new: str) -> None:
    """Debugging: the raw alignment of two drafts, as JSON."""
    from treaty_diff.align import align as run_align
    from treaty_diff.render.alignment import alignment_to_dict

    emit_json(alignment_to_dict(run_align(load_draft(old, _warn_import), load_draft(new, _warn_import))))


@cli.command("import")
@click.argument("file")
@click.option("-o", "--output", metavar="OUT.xml", required=True, help="The Akoma Ntoso file to write; '-': stdout.")
@click.option("--id", "draft_id", help="Draft id (default: from the file name).")
@click.option("--title", help="Title for the metadata (default: the text's title paragraph, else the file name); "
                              "never replaces the text.")
@click.option("--symbol", help="Document symbol, e.g. CD/1839 (default: guessed from the text).")
@click.option("--date", "date", callback=_iso_date, metavar="YYYY-MM-DD", help="Document date (default: guessed).")
@click.option("--language", help="ISO 639-1 language code (default: guessed).")
@click.option("--status", default="draft", show_default=True, help="draft, in force, ...")
@click.option("--provenance", type=click.Choice(["verbatim", "reconstructed"]),
              help="Whether the text is the official wording (default: from the file's '# ' header, else "
                   "verbatim, with a warning).")
@click.option("--source", help="Where the text comes from, recorded with its provenance.")
@click.option("--strict", is_flag=True, help="Treat every warning as an error.")
def import_command(file: str, output: str, draft_id: str | None, title: str | None, symbol: str | None,
                   date: str | None, language: str | None, status: str, provenance: str | None,
                   source: str | None, strict: bool) -> None:
    """Turn a plain-text or DOCX draft into a valid Akoma Ntoso draft file."""
    from treaty_diff.read.importers import ImportOptions, import_file

    try:
        options = ImportOptions(id=draft_id, title=title, symbol=symbol, date=date, language=language,
                                status=status, provenance=provenance, source=source,  # type: ignore[arg-type]
                                strict=strict)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    result = import_file(file, options, location=file)
    for message in result.warnings:
        warn(f"warning: {message}")
    for message in result.info:
        warn(f"note: {message}")
    deliver(draft_to_xml(result.draft), output, False, (file,))
    if output != "-":
        warn(f"wrote {output}: {len(result.draft.articles)} articles")


def _quiet_stdout() -> None:
    """After the reader closed the pipe: send what is left to /dev/null, so nothing is printed at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and decide the exit status, in this one place.

    0 success; 1 only with ``--exit-code`` when the drafts differ; 2 any error,
    printed as one line on stderr. A reader that closes the pipe early (``| head``)
    ends the output quietly with status 0.
    """
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        with cli.make_context("treaty-diff", args) as ctx:
            code = cli.invoke(ctx)
    except CommandFailed:
        sys.exit(EXIT_ERROR)
    except TreatyDiffError as error:
        warn(f"error: {error}")
        sys.exit(EXIT_ERROR)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.exceptions.Abort:
        warn("aborted")
        sys.exit(EXIT_ERROR)
    except click.UsageError as error:
        if type(error).__name__ == "NoArgsIsHelpError" and error.ctx is not None:
            click.echo(error.ctx.get_help())  # a bare `treaty-diff`: the help, as a usage error
            sys.exit(EXIT_ERROR)
        command = error.ctx.command_path if error.ctx is not None else "treaty-diff"
        message = " ".join(error.format_message().split())
        warn(f"error: {message} (see '{command} --help')")
        sys.exit(EXIT_ERROR)
    except click.ClickException as error:
        warn(f"error: {' '.join(error.format_message().split())}")
        sys.exit(EXIT_ERROR)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(EXIT_OK)
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        warn(f"error: {where}{error.strerror or error}")
        sys.exit(EXIT_ERROR)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
