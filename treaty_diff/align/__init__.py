"""Stage 2, align: pair the provisions (and the paragraphs inside them) of two drafts by content.

:func:`align` is the entry point; :mod:`.similarity` weighs word bags and proposes candidates,
:mod:`.match` chooses the pairs (one-to-one, splits, merges) and finds the moves.
"""

from treaty_diff.align.aligner import align

__all__ = ["align"]
