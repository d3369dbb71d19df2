"""Stage 3, diff: the word-level diff of two texts with diff-match-patch.

The modules, in the order a diff goes through them:

* :mod:`.options`: :class:`DiffOptions`, how to diff (word or character, what to ignore);
* :mod:`.units`: what is compared (tokens or characters, keyed under the ignore
  options) and the code points that stand for them; :data:`MAX_DISTINCT_TOKENS`;
* :mod:`.engine`: diff-match-patch without a clock (the deterministic
  :data:`WORK_LIMIT`), with a patience pass and a linear semantic cleanup;
* :mod:`.edits`: the plain functions on diff-match-patch's diffs the engine builds on;
* :mod:`.segments`: from the diff to :class:`~treaty_diff.model.Segment` values
  (:func:`absorb_whitespace_gaps`), and measures of segments (:func:`change_runs`,
  :func:`words_changed`);
* :mod:`.words`: :func:`diff_texts`, which puts them together, and the contract of its segments.
"""

from treaty_diff.diff.engine import WORK_LIMIT
from treaty_diff.diff.options import DiffOptions, Granularity
from treaty_diff.diff.segments import absorb_whitespace_gaps, change_runs, words_changed
from treaty_diff.diff.units import MAX_DISTINCT_TOKENS
from treaty_diff.diff.words import diff_texts

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
