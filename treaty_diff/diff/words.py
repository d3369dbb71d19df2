"""Word-level diff of two texts with diff-match-patch: :func:`diff_texts`.

The texts are cut into tokens (:func:`~treaty_diff.text.tokens.tokenize`; see
:mod:`.units`), each distinct token is given one code point of its own,
diff-match-patch diffs the two encoded strings (:mod:`.engine`), its semantic
cleanup runs on the encoded strings (so it weighs tokens, not letters, and
shifts each edit to the best token boundary: a blank line, a line break, the
end of a sentence, a space), and the result is mapped back to text
(:mod:`.segments`). A change therefore never splits a word.
``DiffOptions(granularity="char")`` gives a character diff instead (a word
pass first, then each run of changed words diffed character by character, then
semantic cleanup on characters).

Segments
    :func:`diff_texts` returns :class:`~treaty_diff.model.Segment` values, no
    segment empty, no two neighbours with the same op, and in each run of
    changes between two equal segments the deletion first. Whitespace alone
    between two changes is folded into them where that makes one replacement
    (:func:`~treaty_diff.diff.segments.absorb_whitespace_gaps`).

    *With default options* the segments satisfy the strict invariant of
    ``compare --format json``: joining the equal and delete segments gives the
    old text exactly, joining the equal and insert segments gives the new text
    exactly.

    *With an ignore option* (case, whitespace, punctuation), tokens are compared
    by a normalised key, and a difference that is ignored shows as equal,
    carrying the **new** draft's text. Joining the equal and insert segments
    still gives the new text exactly; joining the equal and delete segments
    gives the old text only *up to the ignored differences* (the same sequence
    of words in the same order after normalising, but with the new text's case,
    whitespace or punctuation where those were ignored; with
    ``ignore_whitespace`` or ``ignore_punctuation``, whitespace or punctuation
    that only the old text has may be missing).

Determinism and limit
    The result depends only on the inputs (no clock; see :mod:`.engine`). Past
    :data:`~treaty_diff.diff.units.MAX_DISTINCT_TOKENS` distinct tokens (only
    for texts of several megabytes) the word diff falls back to a character
    diff (see :mod:`.units`).
"""

from __future__ import annotations

from treaty_diff.diff.engine import _boundary_class, _Differ
from treaty_diff.diff.options import DiffOptions
from treaty_diff.diff.segments import _build_segments
from treaty_diff.diff.units import _CodeSpaceExhausted, _decode, _encode, _units
from treaty_diff.model.segments import Segment

__all__ = ["diff_texts"]

_DEFAULT_OPTIONS = DiffOptions()


def diff_texts(old: str, new: str, options: DiffOptions = _DEFAULT_OPTIONS) -> tuple[Segment, ...]:
    """The segments that turn ``old`` into ``new``.

    Deterministic (no clock involved). No segment is empty, no two neighbours
    share an op, each run of changes has its deletion first, and whitespace
    alone between changes is folded into them where that makes one
    replacement (:func:`absorb_whitespace_gaps`). With default options equal+delete
    rebuilds ``old`` and equal+insert rebuilds ``new`` exactly; with an ignore
    option only the new side is exact (see the module docstring).
    """
    if old == new:
        return (Segment("equal", new),) if new else ()
    try:
        return _diff(old, new, options)
    except _CodeSpaceExhausted:
        fallback = DiffOptions("char", options.ignore_case, options.ignore_whitespace, options.ignore_punctuation)
        return _diff(old, new, fallback)


def _diff(old: str, new: str, options: DiffOptions) -> tuple[Segment, ...]:
    old_units, new_units = _units(old, options), _units(new, options)
    differ = _Differ()
    if options.granularity == "word":
        table: dict[str, str] = {}
        a, b = _encode(old_units.keys, table), _encode(new_units.keys, table)
        differ.boundary_classes = {code: _boundary_class(key) for key, code in table.items()}
        diffs = differ.anchored(a, b)
    else:
        a, b = "".join(old_units.keys), "".join(new_units.keys)
        diffs = differ.by_words_then_chars(a, b)
    differ.semantic_cleanup(diffs)
    return _build_segments(_decode(diffs, old_units, new_units))
