"""Stage 3, diff: the word-level diff of two texts with diff-match-patch (see :mod:`.words`)."""

from treaty_diff.diff.words import (
    MAX_DISTINCT_TOKENS,
    WORK_LIMIT,
    DiffOptions,
    Granularity,
    absorb_whitespace_gaps,
    change_runs,
    diff_texts,
    words_changed,
)

__all__ = [
    "MAX_DISTINCT_TOKENS",
    "WORK_LIMIT",
    "DiffOptions",
    "Granularity",
    "absorb_whitespace_gaps",
    "change_runs",
    "diff_texts",
    "words_changed",
]
