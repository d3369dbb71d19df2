"""What keeps a generated truth unambiguous: the :class:`~.generate.Guard` of the family and recital generators.

A truth is what happened; it is only worth scoring against when a careful reader
of the two drafts, who did not see it happen, would say the same. Three cases
would leave that reader in doubt, and the guard refuses each (the generator then
does something else: keeps the provision, leaves it in place, draws another text):

- **a deletion next to a look-alike**: an old provision is deleted while a new one
  reads more like it than like the provision that new one came from (its own
  source edited, a part of its split, the parts of its merge), or, when the two
  stood within ``NEAR`` places of each other, about as much (within
  ``NEAR_MARGIN``): then place cannot tell them apart either ("17 split, 18
  deleted" against "17 and 18 each lost half" when 17 and 18 are near-duplicates).
  The deletion is vetoed: the provision stays, unchanged.
- **a move without a clear origin**: a moved provision has no place to vouch for
  it, so it must read clearly more like its source than like any deleted or
  moved look-alike (by ``MOVE_MARGIN`` of the measure below), the other moved
  look-alikes clearly more like theirs than like its source, and no look-alike
  neighbour (within ``NEAR`` places) that stays may read about as much like its
  source as like its own (within ``NEAR_MARGIN``); else it stays in place.
- **made-up text that copies**: an inserted text may share the drafts' words and
  short phrases (boilerplate), but not a third of its word trigrams with any
  one old provision (``COPY_LIMIT``); else another text is drawn.

In-place changes need no margin: their place is the evidence a reader uses, and
the aligner is expected to use it too. The measure is the generators' own
(:func:`~.words.plain_dice`: every word weighs the same), not the aligner's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence

from treaty_diff.testing.generate import Item
from treaty_diff.testing.words import PhraseIndex, plain_dice, share_in, word_bag

#: How much nearer its source than any deleted provision a moved provision must read.
MOVE_MARGIN = 0.05
#: A deleted provision this close to the source of a new one (in the old order) competes with that source
#: unless the new one reads ``NEAR_MARGIN`` more like its source.
NEAR = 2
NEAR_MARGIN = 0.05
#: The largest share of a made-up text's word trigrams that one old provision may hold.
COPY_LIMIT = 0.3


class TextGuard:
    """The guard over one side's units (articles or recitals): their texts and who may be taken for whom.

    ``related(index)`` lists the old units that could be taken for unit ``index``
    (its family); None: any unit could.
    """

    def __init__(self, texts: Sequence[str], related: Callable[[int], Collection[int]] | None = None) -> None:
        self.bags = [word_bag([text]) for text in texts]
        self.related = related or (lambda _: range(len(texts)))
        self.phrases = PhraseIndex(texts)
        self._item_bags: dict[int, tuple[Item, Counter[str]]] = {}

    def _bag(self, item: Item) -> Counter[str]:
        found = self._item_bags.get(id(item))
        if found is None or found[0] is not item:
            found = self._item_bags[id(item)] = (item, word_bag(b.body for b in item.blocks))
        return found[1]

    def keeps(self, index: int, items: Sequence[Item]) -> bool:
        family = set(self.related(index)) - {index}
        gone = self.bags[index]
        for item in items:
            sources = [s for s in item.sources if s in family]
            if not sources:
                continue
            new = self._bag(item)
            for source in sources:
                if item.split_of is not None:  # a part: how much of it is found in the deleted one, in its source
                    alternative, own = share_in(new, gone), share_in(new, self.bags[source])
                elif len(item.sources) > 1:  # a merge: how much of the deleted one is found in it, of this source
                    alternative, own = share_in(gone, new), share_in(self.bags[source], new)
                else:
                    alternative, own = plain_dice(new, gone), plain_dice(new, self.bags[source])
                if alternative > own or (abs(source - index) <= NEAR and alternative >= own - NEAR_MARGIN):
                    return True
        return False

    def may_move(self, item: Item, deleted: Collection[int], items: Sequence[Item]) -> bool:
        source = item.sources[0]
        family = set(self.related(source)) - {source}
        new = self._bag(item)
        own = plain_dice(new, self.bags[source])
        if any(plain_dice(new, self.bags[d]) >= own - MOVE_MARGIN for d in deleted if d in family):
            return False
        for other in items:
            if other is item or len(other.sources) != 1 or other.split_of is not None or other.sources[0] not in family:
                continue
            origin = other.sources[0]
            theirs = self._bag(other)
            if other.moved:  # two look-alikes moved: each must read clearly like its own source
                their_own = plain_dice(theirs, self.bags[origin])
                if (plain_dice(new, self.bags[origin]) >= own - MOVE_MARGIN
                        or plain_dice(theirs, self.bags[source]) >= their_own - MOVE_MARGIN):
                    return False
            elif abs(origin - source) <= NEAR and (
                    plain_dice(theirs, self.bags[source]) >= plain_dice(theirs, self.bags[origin]) - NEAR_MARGIN):
                return False  # a look-alike neighbour stays: which of the two left would be a guess
        return True

    def may_insert(self, text: str) -> bool:
        return self.phrases.most_copied(text) <= COPY_LIMIT
