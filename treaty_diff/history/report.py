"""What the ``history`` command shows: versions and provisions named as a reader names them, and the report.

A version is named by its label (``v2``), its place (``2``), its draft's id or
its document symbol. A provision is named by its lineage's id (``L4``), or as
in ``show --article`` (``Article II``, ``II``, ``2``, ``art_2``, ``preamble``):
first in the version whose blame is shown, then in the versions before it,
latest first, then in those after it (so a provision deleted on the way can
still be named as it stood).
"""

from __future__ import annotations

from collections.abc import Sequence

from treaty_diff.compare import CompareOptions, compare
from treaty_diff.errors import UsageError
from treaty_diff.model.draft import Draft
from treaty_diff.model.history import History, Lineage, Occurrence, SeriesReport
from treaty_diff.model.numbers import article_number


def _versions(history: History) -> str:
    return ", ".join(version.name for version in history.versions)


def find_version(history: History, key: str) -> int:
    """The index of the version ``key`` names; UsageError naming the versions when none does."""
    wanted = key.strip()
    lowered = wanted.casefold()
    count = len(history.versions)
    number = lowered[1:] if lowered.startswith("v") else lowered
    if number.isdigit() and 1 <= int(number) <= count:
        return int(number) - 1
    matches = [v.index for v in history.versions if lowered in (v.meta.id.casefold(), (v.meta.symbol or "").casefold())]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UsageError(f"{key!r} names several versions ({', '.join(f'v{i + 1}' for i in matches)}): "
                         f"name one by its label")
    raise UsageError(f"no version {key!r} (versions: {_versions(history)})")


def _names(occurrence: Occurrence, key: str) -> bool:
    info = occurrence.provision
    lowered = key.casefold()
    if key in (info.eid, info.kind) or lowered in ((info.num or "").casefold(), info.label.casefold()):
        return True
    number = article_number(key)
    return number is not None and info.kind == "article" and info.num is not None \
        and article_number(info.num) == number


def find_lineage(history: History, key: str, at: int) -> Lineage:
    """The lineage ``key`` names (see the module's doc); UsageError when none does."""
    wanted = key.strip()
    if wanted in history.lineages_by_id:
        return history.lineage(wanted)
    order = [at, *range(at - 1, -1, -1), *range(at + 1, len(history.versions))]
    for version in order:
        for lineage, occurrence in history.at(version):
            if _names(occurrence, wanted):
                return lineage
    names = ", ".join(occurrence.label for _, occurrence in history.at(at))
    raise UsageError(f"no provision {key!r} in any version (in {history.versions[at].label}: {names})")


def series_report(history: History, drafts: Sequence[Draft], at: str | None = None,
                  provisions: Sequence[str] = (), between: tuple[str, str] | None = None) -> SeriesReport:
    """The report of a history: blame at ``at`` (default the last version), the timelines of ``provisions``,
    and, with ``between``, the comparison of those two versions (for the consolidated DOCX redline).

    ``drafts`` are the history's drafts in series order (needed only with ``between``).
    """
    version = find_version(history, at) if at is not None else len(history.versions) - 1
    focus = tuple(dict.fromkeys(find_lineage(history, key, version).id for key in provisions))
    consolidated = None
    chosen = None
    if between is not None:
        first, second = (find_version(history, key) for key in between)
        if first == second:
            raise UsageError(f"--from and --to name the same version ({history.versions[first].label})")
        chosen = (first, second)
        if second == first + 1:
            consolidated = history.steps[first]
        else:
            consolidated = compare(drafts[first], drafts[second], CompareOptions(obligations=history.obligations))
    return SeriesReport(history, version, focus, consolidated, chosen)
