"""The drafts of a series in order: by their dates (the default), or as given, with the checks a reader expects.

By date, every draft must carry one (else the order would be a guess); drafts of
the same date keep the order they were given in, with a warning. As given, a
draft dated before the one given ahead of it is taken as given, with a warning.
Warnings are values returned beside the drafts (the CLI prints them).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Literal

from treaty_diff.errors import UsageError
from treaty_diff.model.draft import Draft

Order = Literal["date", "given"]


def _name(draft: Draft) -> str:
    return f"{draft.id} ({draft.origin})" if draft.origin and draft.origin != draft.id else draft.id


def order_series(drafts: Sequence[Draft], order: Order = "date") -> tuple[tuple[Draft, ...], tuple[str, ...]]:
    """The drafts in series order, and the warnings about that order."""
    warnings: list[str] = []
    if order == "given":
        for before, after in itertools.pairwise(drafts):
            if before.meta.date and after.meta.date and after.meta.date < before.meta.date:
                warnings.append(f"{_name(after)} is dated {after.meta.date}, before {_name(before)} "
                                f"({before.meta.date}), which is given ahead of it; the order given is kept")
        return tuple(drafts), tuple(warnings)
    undated = [draft for draft in drafts if not draft.meta.date]
    if undated:
        raise UsageError(f"{_name(undated[0])} has no date, so the drafts cannot be put in order by date: "
                         f"give them in order with --order given")
    ordered = sorted(drafts, key=lambda draft: draft.meta.date or "")  # stable: same dates keep the given order
    for before, after in itertools.pairwise(ordered):
        if before.meta.date == after.meta.date:
            warnings.append(f"{_name(before)} and {_name(after)} have the same date ({after.meta.date}); "
                            f"they are kept in the order given")
    return tuple(ordered), tuple(warnings)
