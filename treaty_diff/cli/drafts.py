"""The commands that read and write single drafts: ``list``, ``show``, ``validate``, ``import``."""

from __future__ import annotations

import os
import shutil
import sys
from typing import TYPE_CHECKING

import click

from treaty_diff.errors import InputError

if TYPE_CHECKING:  # the rest is imported where it is used: `--version`, `list` and `show` load only what they need
    from treaty_diff.model.draft import Draft, Provision
from treaty_diff.cli.common import (
    _check_provenance,
    _iso_date,
    _load,
    _provenance_option,
    _warn_import,
    cli,
    deliver,
    emit_json,
    fail,
    summarise_warnings,
    warn,
)


def _units(draft: Draft) -> str:
    """ "12 articles", "14 paragraphs", "6 sections": the units of an imported draft, in its own terms."""
    units = draft.units
    kinds = {unit.kind for unit in units}
    word = {"article": "articles", "section": "sections", "paragraph": "paragraphs"}.get(
        kinds.pop() if len(kinds) == 1 else "", "units")
    return f"{len(units)} {word}"


@cli.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_command(fmt: str) -> None:
    """The bundled drafts: id, title, symbol, date, articles, words, provenance."""
    from treaty_diff.read.corpus import load_corpus
    from treaty_diff.render.drafts import draft_listing, listing_lines

    rows = [draft_listing(draft) for draft in load_corpus()]
    if fmt == "json":
        emit_json({"drafts": rows})
        return
    # On a terminal, within its width and at most 100 columns; piped, every word of every title.
    width = min(shutil.get_terminal_size().columns, 100) if sys.stdout.isatty() else None
    for line in listing_lines(rows, width):
        click.echo(line)


@cli.command()
@click.argument("draft")
@click.option("--article", "article", metavar="NUM|EID",
              help="Show one provision: 'Article V', 'V', '5', 'art_5', 'preamble'.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "xml"]), default="text", show_default=True)
@_provenance_option
def show(draft: str, article: str | None, fmt: str, provenance: str | None) -> None:
    """One draft, or one provision of it.

    Text output is the treaty text itself. When any of it is reconstructed
    rather than the official wording, text and XML output are followed by a
    notice on stderr naming those provisions; the JSON says it per provision.
    """
    from treaty_diff.read.akn import draft_to_xml, provision_to_xml
    from treaty_diff.render.drafts import draft_dict, reconstructed_notice

    _check_provenance(provenance, (draft,))
    loaded = _load(draft, provenance)
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
@_provenance_option
def validate(files: tuple[str, ...], provenance: str | None) -> None:
    """Check draft files against the schema and the consistency rules.

    One line per problem, naming the file and line; exit 0 when every file is
    valid, 2 otherwise. A warning repeated for many paragraphs is given once,
    with their number.
    """
    from treaty_diff.read.akn import check_file
    from treaty_diff.read.corpus import CORPUS_IDS, load_draft
    from treaty_diff.read.kinds import is_importable

    _check_provenance(provenance, files)
    invalid = 0
    for name in files:
        if (name.lower() in CORPUS_IDS and not os.path.exists(name)) or is_importable(name):
            warnings: list[str] = []
            try:
                load_draft(name, on_warning=warnings.append, provenance=provenance)  # type: ignore[arg-type]
                problems: list[InputError] = []
            except InputError as error:
                problems = [error]
            for message in summarise_warnings(warnings):
                _warn_import(message)
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


@cli.command("import")
@click.argument("file")
@click.option("-o", "--output", metavar="OUT.xml", required=True, help="The Akoma Ntoso file to write; '-': stdout.")
@click.option("--id", "draft_id", help="Draft id (default: from the file name).")
@click.option("--title", help="Title for the metadata (default: the text's title paragraph, else the file name); "
                              "never replaces the text.")
@click.option("--symbol", help="Document symbol, e.g. CD/1839 (default: guessed from the text).")
@click.option("--date", "date", callback=_iso_date, metavar="YYYY-MM-DD", help="Document date (default: guessed).")
@click.option("--language", help="ISO 639-1 language code (default: guessed); for a PDF that holds several language "
                                 "versions, the one to import.")
@click.option("--status", default="draft", show_default=True, help="draft, in force, ...")
@click.option("--provenance", type=click.Choice(["verbatim", "reconstructed"]),
              help="Whether the text is the official wording (default: from the file's '# ' header, else "
                   "verbatim, with a warning).")
@click.option("--source", help="Where the text comes from, recorded with its provenance.")
@click.option("--strict", is_flag=True, help="Treat every warning as an error.")
def import_command(file: str, output: str, draft_id: str | None, title: str | None, symbol: str | None,
                   date: str | None, language: str | None, status: str, provenance: str | None,
                   source: str | None, strict: bool) -> None:
    """Turn a plain-text, DOCX or PDF draft into a valid Akoma Ntoso draft file."""
    from treaty_diff.read.importers import ImportOptions, import_file

    try:
        options = ImportOptions(id=draft_id, title=title, symbol=symbol, date=date, language=language,
                                status=status, provenance=provenance, source=source,  # type: ignore[arg-type]
                                strict=strict)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    from treaty_diff.read.importers.run import ImportFailed

    try:
        result = import_file(file, options, location=file)
    except ImportFailed as failed:  # the warnings that explain the failure come before it
        for message in failed.warnings:
            warn(f"warning: {message}")
        raise
    for message in result.warnings:
        warn(f"warning: {message}")
    for message in result.info:
        warn(f"note: {message}")
    from treaty_diff.read.akn import draft_to_xml

    deliver(draft_to_xml(result.draft), output, False, (file,))
    if output != "-":
        warn(f"wrote {output}: {_units(result.draft)}")
