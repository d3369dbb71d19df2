"""Stage 2, align: pair the provisions (and the paragraphs inside them) of two drafts by content.

:func:`align` is the entry point (:mod:`.aligner`); :mod:`.similarity` weighs word bags and proposes candidates,
:mod:`.candidates` adds the candidates that stand at the same place, :mod:`.scores` keeps the scores of the pairs,
:mod:`.match` chooses the pairs (one-to-one, splits, merges) with the help of :mod:`.order` (chains kept in order,
moves, reading order) and :mod:`.assign` (global assignment).
"""

from treaty_diff.align.aligner import align

__all__ = ["align"]
