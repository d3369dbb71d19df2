"""Stage 4, compare: an Alignment and the word diffs of its pairs become the
:class:`~treaty_diff.model.comparison.Comparison` that every comparison report reads.

- :mod:`.build`: :func:`compare` and :func:`comparison_from_alignment` (the changes, their segments and parts, the
  definitions, the obligations, the summary);
- :mod:`.describe`: what happened to each provision, in a legal reader's words;
- :mod:`.redline`: the order in which a redline shows the changes.
"""

from treaty_diff.compare.build import CompareOptions, Progress, compare, comparison_from_alignment
from treaty_diff.compare.describe import describe

__all__ = ["CompareOptions", "Progress", "compare", "comparison_from_alignment", "describe"]
