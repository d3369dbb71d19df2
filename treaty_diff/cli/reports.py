"""The commands that compare and judge drafts: ``compare``, ``obligations``, ``coverage`` (and the hidden ``align``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from treaty_diff.errors import InputError, UsageError
from treaty_diff.render.base import RenderOptions, get_renderer, renderer_names

if TYPE_CHECKING:  # the rest is imported where it is used: `--version`, `list` and `show` load only what they need
    from treaty_diff.model.coverage import Overrides
    from treaty_diff.model.draft import Draft
from treaty_diff.cli.common import (
    EXIT_DIFFERENT,
    EXIT_OK,
    MAX_AUTHOR,
    ProgressBar,
    _author,
    _check_provenance,
    _format_option,
    _iso_date,
    _load,
    _output_option,
    _overrides_option,
    _plural,
    _provenance_option,
    _quiet_option,
    _report_format,
    _use_color,
    _warn_if_not_english,
    _warn_import,
    _wrote,
    cli,
    deliver,
    emit_json,
)


def _read_overrides(path: str | None) -> Overrides | None:
    """The overrides file given with --overrides, or None."""
    if path is None:
        return None
    from treaty_diff.read.overrides import read_overrides

    return read_overrides(path)


def _check_overrides(overrides: Overrides | None, drafts: list[Draft], elements: tuple[str, ...] = ()) -> None:
    """Refuse a ruling that names no clause (or several) of a draft given, or an element the checklist lacks."""
    if overrides is None:
        return
    from treaty_diff.obligations.extract import extract_obligations
    from treaty_diff.obligations.overrides import unmatched_overrides

    problems = [p for draft in drafts for p in unmatched_overrides(extract_obligations(draft), overrides, draft.id)]
    ids = {draft.id for draft in drafts}
    if elements:
        problems += [f"{overrides.source}:{v.line}: the checklist has no element {v.element!r}"
                     for v in overrides.verdicts if v.draft in ids and v.element not in elements]
    if problems:
        raise InputError(overrides.source, "; ".join(problems))


@cli.command()
@click.argument("old")
@click.argument("new")
@_format_option("comparison")
@_output_option
@click.option("--exit-code", is_flag=True, help="Exit with status 1 when the drafts differ.")
@click.option("--color/--no-color", default=None,
              help="Colour the text report (default: on a terminal, unless NO_COLOR).")
@click.option("--changed-only", is_flag=True, help="Leave out provisions that did not change.")
@click.option("--granularity", type=click.Choice(["word", "char"]), default="word", show_default=True)
@click.option("--ignore-case", is_flag=True, help="Differences of case show as equal (with the new text).")
@click.option("--ignore-whitespace", is_flag=True, help="Differences of white space show as equal.")
@click.option("--ignore-punctuation", is_flag=True, help="Differences of punctuation show as equal.")
@click.option("--no-obligations", is_flag=True, help="Leave out the comparison of obligations (faster on big drafts).")
@click.option("--author", default="treaty-diff", show_default=True, callback=_author,
              help=f"DOCX: author of the tracked changes (at most {MAX_AUTHOR} characters).")
@click.option("--date", "date", callback=_iso_date, metavar="YYYY-MM-DD",
              help="DOCX: date of the tracked changes (default: the new draft's date).")
@click.option("--redline-only", is_flag=True, help="DOCX: the redline alone, without cover and summary.")
@click.option("--static", is_flag=True,
              help="DOCX: coloured, struck and underlined text instead of tracked changes; HTML: no script.")
@click.option("--no-moves", is_flag=True, help="DOCX: show moves as deletion plus insertion.")
@click.option("--only", type=click.Choice(["obligations"]),
              help="Only the obligations dropped, weakened, strengthened and added (text, JSON or HTML).")
@_provenance_option
@_quiet_option
@_overrides_option
@click.pass_context
def compare(ctx: click.Context, old: str, new: str, fmt: str | None, output: str | None, exit_code: bool,
            color: bool | None, changed_only: bool, granularity: str, ignore_case: bool, ignore_whitespace: bool,
            ignore_punctuation: bool, no_obligations: bool, author: str, date: str | None, redline_only: bool,
            static: bool, no_moves: bool, only: str | None, provenance: str | None, quiet: bool,
            overrides_file: str | None) -> int:
    """Compare two drafts: pair provisions by content, then diff each pair word by word.

    Every report also compares the drafts' obligations (dropped, added,
    weakened, strengthened), unless --no-obligations; --only obligations
    prints just those.
    """
    if only == "obligations" and no_obligations:
        raise click.UsageError("--only obligations needs the obligations: leave out --no-obligations")
    subject = "obligation-comparison" if only == "obligations" else "comparison"
    if fmt is not None and fmt not in renderer_names(subject):
        raise UsageError(f"--only obligations is written as {' or '.join(renderer_names(subject))}, not {fmt}")
    fmt = _report_format(ctx, subject, fmt, output)
    _check_provenance(provenance, (old, new))
    from treaty_diff.compare import CompareOptions
    from treaty_diff.compare import compare as run_compare
    from treaty_diff.diff import DiffOptions

    progress = ProgressBar(quiet)
    try:
        old_draft, new_draft = _load(old, provenance), _load(new, provenance)
        diff_options = DiffOptions(granularity=granularity, ignore_case=ignore_case,  # type: ignore[arg-type]
                                   ignore_whitespace=ignore_whitespace, ignore_punctuation=ignore_punctuation)
        pinned = _read_overrides(overrides_file)
        if pinned is not None and not no_obligations:  # the obligations with the pinned modalities
            _check_overrides(pinned, [old_draft, new_draft])
        # The obligations only for the reports that show them (a DOCX redline alone does not); no diff for --only.
        shown = not no_obligations and not (fmt == "docx" and redline_only)
        if only == "obligations":
            from treaty_diff.obligations.compare import compare_obligations

            found = compare_obligations(old_draft, new_draft, overrides=pinned)
            progress(f"writing {fmt}", progress.done, progress.done)
            _warn_if_not_english([old_draft, new_draft])
            renderer = get_renderer(subject, fmt)
            data = renderer.chunks(found, RenderOptions(changed_only=True))
            listed = sum(change.status != "unchanged" for change in found.changes)
            differs, what = found.differs, _plural(listed, "obligation") + " changed"
        else:
            comparison = run_compare(old_draft, new_draft, CompareOptions(diff=diff_options, obligations=shown,
                                                                          overrides=pinned), progress)
            progress(f"writing {fmt}", progress.done, progress.done)
            renderer = get_renderer("comparison", fmt)
            options = RenderOptions(color=_use_color(color, output) and "color" in renderer.options,
                                    changed_only=changed_only, author=author, date=date, redline_only=redline_only,
                                    static=static, moves=not no_moves)
            data = renderer.chunks(comparison, options)
            differs, what = comparison.differs, _plural(sum(c.changed for c in comparison.changes), "change")
    finally:
        progress.close()
    deliver(data, output, renderer.binary, (old, new))
    _wrote(output, what, quiet)
    return EXIT_DIFFERENT if exit_code and differs else EXIT_OK


@cli.command()
@click.argument("draft")
@_format_option("obligations")
@_output_option
@_provenance_option
@_quiet_option
@_overrides_option
@click.pass_context
def obligations(ctx: click.Context, draft: str, fmt: str | None, output: str | None, provenance: str | None,
                quiet: bool, overrides_file: str | None) -> None:
    """The deontic clauses of a draft: who must, must not and may do what, with citations."""
    fmt = _report_format(ctx, "obligations", fmt, output)
    _check_provenance(provenance, (draft,))
    from treaty_diff.model.obligations import DraftObligations
    from treaty_diff.obligations.extract import extract_obligations

    loaded = _load(draft, provenance)
    _warn_if_not_english([loaded])
    renderer = get_renderer("obligations", fmt)
    found = extract_obligations(loaded)
    pinned = _read_overrides(overrides_file)
    if pinned is not None:
        from treaty_diff.obligations.overrides import apply_modality_overrides

        _check_overrides(pinned, [loaded])
        found = apply_modality_overrides(found, pinned)
    value = DraftObligations(loaded, found)
    deliver(renderer.render(value, RenderOptions()), output, renderer.binary, (draft,))
    _wrote(output, _plural(len(value.obligations), "obligation"), quiet)


@cli.command()
@click.argument("drafts", nargs=-1, required=True)
@click.option("--checklist", metavar="NAME|FILE",
              help="A bundled checklist by name, or a checklist XML file.  [default: paros]")
@click.option("--against", metavar="DRAFT",
              help="Compare the obligations of DRAFT with this one's, DRAFT being the reference: `coverage NEW "
                   "--against OLD` (instead of a checklist).")
@click.option("--changed-only", is_flag=True, help="With --against: leave out unchanged obligations.")
@_format_option("coverage")
@_output_option
@_provenance_option
@_quiet_option
@_overrides_option
@click.pass_context
def coverage(ctx: click.Context, drafts: tuple[str, ...], checklist: str | None, against: str | None,
             changed_only: bool, fmt: str | None, output: str | None, provenance: str | None, quiet: bool,
             overrides_file: str | None) -> None:
    """Which elements of a checklist each draft covers, partly covers or leaves out, with citations.

    With --against: `coverage NEW --against OLD` lists each obligation of OLD
    with its counterpart in NEW, flagging those dropped, added, weakened and
    strengthened (also `coverage OLD NEW --against OLD`).
    """
    from treaty_diff.obligations.compare import compare_obligations
    from treaty_diff.obligations.coverage import check_coverage
    from treaty_diff.read.checklist import load_checklist

    _check_provenance(provenance, (*drafts, *([against] if against else [])))
    loaded = [_load(d, provenance) for d in drafts]
    _warn_if_not_english(loaded)
    ids = [draft.id for draft in loaded]
    duplicates = sorted({draft_id for draft_id in ids if ids.count(draft_id) > 1})
    if duplicates:
        raise UsageError(f"two drafts have the id {duplicates[0]!r}: give one of them another id (import --id)")
    if against is not None:
        if checklist is not None:
            raise click.UsageError("--against compares two drafts; it does not take --checklist")
        if len(drafts) == 1:  # coverage NEW --against OLD
            reference, other = _load(against, provenance), loaded[0]
            _warn_if_not_english([reference])
            if reference.id == other.id:
                raise click.BadParameter(f"{against!r} is the draft given: name the other draft",
                                         param_hint="'--against'")
        elif len(drafts) == 2:
            names = [(spec, draft.id) for spec, draft in zip(drafts, loaded)]
            matches = [i for i, (spec, draft_id) in enumerate(names) if against in (spec, draft_id)]
            if not matches:
                raise click.BadParameter(f"{against!r} is not one of the two drafts", param_hint="'--against'")
            reference, other = loaded[matches[0]], loaded[1 - matches[0]]
        else:
            raise click.BadParameter("give one draft (coverage NEW --against OLD), or the two",
                                     param_hint="'--against'")
        renderer = get_renderer("obligation-comparison", _report_format(ctx, "obligation-comparison", fmt, output))
        pinned = _read_overrides(overrides_file)
        _check_overrides(pinned, [reference, other])
        value = compare_obligations(reference, other, overrides=pinned)
        deliver(renderer.render(value, RenderOptions(changed_only=changed_only)), output, renderer.binary,
                (*drafts, against))
        listed = sum(change.status != "unchanged" for change in value.changes)
        _wrote(output, _plural(listed, "obligation") + " changed", quiet)
        return
    if changed_only:
        raise click.UsageError("--changed-only goes with --against")
    checklist = checklist or "paros"
    chosen = load_checklist(checklist)
    pinned = _read_overrides(overrides_file)
    _check_overrides(pinned, loaded, tuple(element.id for element in chosen.elements))
    report = check_coverage(loaded, chosen, pinned)
    renderer = get_renderer("coverage", _report_format(ctx, "coverage", fmt, output))
    deliver(renderer.render(report, RenderOptions()), output, renderer.binary, (*drafts, checklist))
    _wrote(output, f"{_plural(len(report.rows), 'element')} of {checklist}", quiet)


@cli.command(hidden=True)
@click.argument("old")
@click.argument("new")
def align(old: str, new: str) -> None:
    """Debugging: the raw alignment of two drafts, as JSON."""
    from treaty_diff.align import align as run_align
    from treaty_diff.read.corpus import load_draft
    from treaty_diff.render.alignment import alignment_to_dict

    emit_json(alignment_to_dict(run_align(load_draft(old, _warn_import), load_draft(new, _warn_import))))
