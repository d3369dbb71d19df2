"""The ``treaty-diff`` command line: thin click commands over the library.

This is the only module that knows about exit codes and stderr:

- 0: success;
- 1: only with ``--exit-code``, when the drafts differ;
- 2: any error (usage, unreadable or invalid input, unwritable output), as one
  line on stderr, without a traceback.
"""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import click

from treaty_diff import __version__
from treaty_diff.akn import check_file, draft_to_xml, provision_to_xml
from treaty_diff.corpus import load_corpus, load_draft
from treaty_diff.errors import InputError, TreatyDiffError
from treaty_diff.model import Draft, Provision
from treaty_diff.views import draft_dict, draft_listing, reconstructed_notice

EXIT_OK = 0
EXIT_DIFFERENT = 1
EXIT_ERROR = 2


class CommandFailed(Exception):
    """Raised inside a command to stop with exit status 2 after its message was printed."""


def warn(message: str) -> None:
    """Every notice and error goes through here, to stderr, one line each."""
    click.echo(f"treaty-diff: {message}", err=True)


def fail(message: str) -> NoReturn:
    warn(f"error: {message}")
    raise CommandFailed


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="treaty-diff")
def cli() -> None:
    """Compare treaty drafts article by article, and see what they oblige.

    DRAFT arguments take a bundled draft id (see `treaty-diff list`) or the
    path of an Akoma Ntoso XML file.
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

    Text output is the treaty text itself; when any of it is reconstructed
    rather than the official wording, a notice naming those provisions goes to
    stderr (and is in the JSON and XML).
    """
    loaded = load_draft(draft)
    provisions = _select(loaded, article)
    if fmt == "json":
        emit_json(draft_dict(loaded, provisions))
    elif fmt == "xml":
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
    invalid = 0
    for name in files:
        problems = check_file(name)
        if problems:
            invalid += 1
            for problem in problems:
                warn(str(problem))
        else:
            click.echo(f"{name}: valid")
    if invalid:
        fail(f"{invalid} of {len(files)} file(s) invalid")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and turn every error into one line and exit status 2."""
    try:
        code = cli.main(args=argv, prog_name="treaty-diff", standalone_mode=False)
    except CommandFailed:
        sys.exit(EXIT_ERROR)
    except InputError as error:
        warn(f"error: {error}")
        sys.exit(EXIT_ERROR)
    except TreatyDiffError as error:
        warn(f"error: {error}")
        sys.exit(EXIT_ERROR)
    except click.exceptions.Abort:
        warn("aborted")
        sys.exit(EXIT_ERROR)
    except click.ClickException as error:
        error.show()
        sys.exit(EXIT_ERROR)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
