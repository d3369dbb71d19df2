"""How to diff two texts: :class:`DiffOptions` (granularity and what to ignore)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["DiffOptions", "Granularity"]

Granularity = Literal["word", "char"]


@dataclass(frozen=True)
class DiffOptions:
    """How to diff two texts.

    ``granularity``: ``"word"`` (tokens, see :mod:`treaty_diff.diff.units`) or
    ``"char"`` (a character diff with semantic cleanup; changes may split
    words). ``ignore_case`` compares tokens case-folded;
    ``ignore_whitespace`` ignores whitespace entirely (its amount, its kind,
    and whether there is any); ``ignore_punctuation`` ignores punctuation
    marks (Unicode category P, except the marks that stand for a word:
    ``% ‰ ‱ § ¶ & # @``), including the hyphens, apostrophes and digit
    separators inside words; symbols (category S: ``$ + = < >`` ...) are not
    punctuation. What is ignored shows as equal, with the new text.
    """

    granularity: Granularity = "word"
    ignore_case: bool = False
    ignore_whitespace: bool = False
    ignore_punctuation: bool = False

    def __post_init__(self) -> None:
        if self.granularity not in ("word", "char"):
            raise ValueError(f"granularity must be 'word' or 'char', not {self.granularity!r}")

    @property
    def ignores_anything(self) -> bool:
        """True if any difference is ignored (the strict invariant then holds for the new side only)."""
        return self.ignore_case or self.ignore_whitespace or self.ignore_punctuation
