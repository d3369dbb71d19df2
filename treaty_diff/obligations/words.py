"""The obligations' words: a word's stem with its verbal and plural endings cut, cached.

Pairing (:mod:`.features`), judging (:mod:`.scope`) and the reading of defined terms (:mod:`.definitions`) all
compare words by this stem, so that "placed" and "place", "parties" and "party" agree.
"""

from __future__ import annotations

import functools

from treaty_diff.text.tokens import stem


@functools.lru_cache(maxsize=1 << 16)
def lemma(word: str) -> str:
    """The stem of a casefolded word, verbal and plural endings cut (cached: a draft repeats its words, and every
    clause is read several times)."""
    return stem(word, inflections=True)
