"""The diff engine: diff-match-patch without a clock, tuned for token strings (:class:`_Differ`).

Determinism and Diff_Timeout
    diff-match-patch bounds its work with a wall-clock deadline
    (``Diff_Timeout``, one second by default), after which it returns a coarser
    diff: the same two texts would diff differently on a slow or busy machine.
    We set ``Diff_Timeout = 0`` (no clock; diff-match-patch then also skips its
    non-optimal "half match" shortcut) and bound the work by a **deterministic
    budget** instead (:data:`WORK_LIMIT` steps of the Myers bisection, counted,
    not timed). Once the budget is spent, each part of the texts still to be
    bisected is reported as deleted and inserted whole: a coarser diff, still
    exact. Before the Myers step, long token strings are
    cut at tokens that occur exactly once in each text and in the same order (a
    patience-diff pass), so that realistic drafts diff in milliseconds and the
    budget only matters for long, unrelated texts. The result depends only on
    the inputs.

Boundaries
    diff-match-patch's semantic cleanup shifts each edit sideways to the best
    boundary (a blank line, a line break, the end of a sentence, a space). On
    encoded strings the boundary is judged by the tokens the code points stand
    for (:func:`_boundary_class`), so a change never splits a word.
"""

from __future__ import annotations

from diff_match_patch import diff_match_patch

from treaty_diff.diff.edits import (
    _EQUAL,
    _anchors,
    _DmpDiff,
    _eliminate_small_equalities,
    _merge_neighbours,
    _short_diff,
    _spans,
)
from treaty_diff.diff.units import _CodeSpaceExhausted, _encode
from treaty_diff.text.tokens import tokenize

__all__ = ["WORK_LIMIT"]

#: The deterministic work budget of one diff: steps of the Myers bisection (each step follows one diagonal).
#: Roughly 0.1-0.2 s of CPU; only long, unrelated texts (thousands of words) reach it.
WORK_LIMIT = 1_500_000

#: Encoded strings shorter than this (both sides together) go straight to the Myers step.
_ANCHOR_MIN = 200
_ANCHOR_MAX_DEPTH = 12


# Boundary classes of tokens, and diff-match-patch's scores for a boundary between two of them.
_WORD, _OTHER, _SPACE, _BREAK, _BLANK = range(5)


def _boundary_score(left: int, right: int) -> int:
    if _BLANK in (left, right):
        return 5  # a blank line
    if _BREAK in (left, right):
        return 4  # a line break
    if left == _OTHER and right == _SPACE:
        return 3  # the end of a sentence
    if _SPACE in (left, right):
        return 2
    if _OTHER in (left, right):
        return 1
    return 0


_BOUNDARY_SCORES = tuple(tuple(_boundary_score(left, right) for right in range(5)) for left in range(5))


def _boundary_class(token: str) -> int:
    if token.isspace():
        breaks = token.count("\n") + token.count("\r") - token.count("\r\n")
        return _BLANK if breaks >= 2 else _BREAK if breaks else _SPACE
    return _WORD if token[0].isalnum() or token[0] == "_" else _OTHER


class _WorkBudget:
    """Stands in for diff-match-patch's deadline, turning its clock check into a step count.

    diff_match_patch.diff_bisect tests ``time.time() > deadline`` once per
    edit distance ``d``; Python evaluates that as ``deadline.__lt__(now)``, so
    this object answers "deadline passed" once the steps counted so far (the
    ``2d + 2`` diagonals of each ``d``) exceed the limit.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.spent = 0
        self._d = 0

    def start_bisect(self) -> None:
        self._d = 0

    @property
    def exhausted(self) -> bool:
        return self.spent > self.limit

    def __lt__(self, now: object) -> bool:
        self.spent += 2 * self._d + 2
        self._d += 1
        return self.exhausted

    __le__ = __lt__  # in case a later diff-match-patch tests ``time.time() >= deadline``


class _Differ(diff_match_patch):  # type: ignore[misc]  # diff_match_patch has no type information
    """diff-match-patch without a clock, tuned for token strings.

    A deterministic work budget replaces Diff_Timeout; :meth:`anchored` adds a
    patience pass before the Myers step; :meth:`semantic_cleanup` makes the
    semantic cleanup linear; boundary shifting weighs tokens, not code points.
    """

    def __init__(self, limit: int | None = None) -> None:
        super().__init__()
        self.Diff_Timeout = 0  # never read the clock; also disables the non-optimal half-match shortcut
        self.budget = _WorkBudget(WORK_LIMIT if limit is None else limit)
        #: For encoded strings: the boundary class of the token each code point stands for.
        self.boundary_classes: dict[str, int] | None = None

    def diff_cleanupSemanticLossless(self, diffs: list[_DmpDiff]) -> None:
        """Shift each single edit sideways to the best boundary, judged by tokens when the strings are encoded.

        diff-match-patch scores a boundary by the characters on either side of
        it (a blank line is best, then a line break, the end of a sentence,
        a space, punctuation). On encoded strings those characters are code
        points that stand for tokens, so the same scale is applied to the
        tokens they stand for (``boundary_classes``). The algorithm is
        diff-match-patch's own: shift the edit fully left, then step right,
        keeping the best score (ties go right, for trailing whitespace).
        """
        classes = self.boundary_classes
        if classes is None:
            super().diff_cleanupSemanticLossless(diffs)
            return

        def score(one: str, two: str) -> int:
            if not one or not two:
                return 6
            return _BOUNDARY_SCORES[classes[one[-1]]][classes[two[0]]]

        pointer = 1
        while pointer < len(diffs) - 1:
            if diffs[pointer - 1][0] == _EQUAL and diffs[pointer + 1][0] == _EQUAL:
                equality1, edit, equality2 = diffs[pointer - 1][1], diffs[pointer][1], diffs[pointer + 1][1]
                common = self.diff_commonSuffix(equality1, edit)
                if common:
                    shared = edit[-common:]
                    equality1, edit, equality2 = equality1[:-common], shared + edit[:-common], shared + equality2
                best = (equality1, edit, equality2)
                best_score = score(equality1, edit) + score(edit, equality2)
                while edit and equality2 and edit[0] == equality2[0]:
                    equality1, edit, equality2 = equality1 + edit[0], edit[1:] + equality2[0], equality2[1:]
                    current = score(equality1, edit) + score(edit, equality2)
                    if current >= best_score:
                        best_score, best = current, (equality1, edit, equality2)
                if diffs[pointer - 1][1] != best[0]:
                    if best[0]:
                        diffs[pointer - 1] = (_EQUAL, best[0])
                    else:
                        del diffs[pointer - 1]
                        pointer -= 1
                    diffs[pointer] = (diffs[pointer][0], best[1])
                    if best[2]:
                        diffs[pointer + 1] = (_EQUAL, best[2])
                    else:
                        del diffs[pointer + 1]
                        pointer -= 1
            pointer += 1

    def diff_bisect(self, text1: str, text2: str, deadline: object) -> list[_DmpDiff]:
        self.budget.start_bisect()
        result: list[_DmpDiff] = super().diff_bisect(text1, text2, deadline)
        return result

    def plain(self, a: str, b: str) -> list[_DmpDiff]:
        """diff_main without the line-mode shortcut, under the budget."""
        result: list[_DmpDiff] = self.diff_main(a, b, False, self.budget)
        return result

    def by_words_then_chars(self, a: str, b: str) -> list[_DmpDiff]:
        """A character diff of ``a`` and ``b``, computed in two passes for speed.

        First a (token-encoded, anchored) word diff; then each run of changed
        words is diffed character by character. The same idea as
        diff-match-patch's line mode, with words for lines: a character diff of
        3,000-word texts is then a matter of milliseconds instead of a second.
        """
        tokens_a, tokens_b = tokenize(a), tokenize(b)
        table: dict[str, str] = {}
        try:
            coarse = self.anchored(_encode(tokens_a, table), _encode(tokens_b, table))
        except _CodeSpaceExhausted:
            return self.plain(a, b)
        out: list[_DmpDiff] = []
        deleted: list[str] = []
        inserted: list[str] = []
        for op, in_a, in_b in _spans(coarse):
            if op == _EQUAL:
                out.extend(self.plain("".join(deleted), "".join(inserted)))
                deleted, inserted = [], []
                out.append((_EQUAL, "".join(tokens_a[in_a])))
            else:
                deleted.extend(tokens_a[in_a])
                inserted.extend(tokens_b[in_b])
        out.extend(self.plain("".join(deleted), "".join(inserted)))
        self.diff_cleanupMerge(out)
        return out

    def anchored(self, a: str, b: str) -> list[_DmpDiff]:
        """A diff that first cuts both strings at characters unique to each and in the same order."""
        out: list[_DmpDiff] = []
        self._anchor(a, b, out, 0)
        out = _merge_neighbours(out)  # linear; diff_cleanupMerge alone is quadratic on long lists of pieces
        self.diff_cleanupMerge(out)
        return out

    def _anchor(self, a: str, b: str, out: list[_DmpDiff], depth: int) -> None:
        prefix = self.diff_commonPrefix(a, b)
        if prefix:
            out.append((_EQUAL, a[:prefix]))
            a, b = a[prefix:], b[prefix:]
        suffix = self.diff_commonSuffix(a, b)
        tail = a[len(a) - suffix :] if suffix else ""
        if suffix:
            a, b = a[:-suffix], b[:-suffix]
        anchors = _anchors(a, b) if len(a) + len(b) >= _ANCHOR_MIN and depth < _ANCHOR_MAX_DEPTH else []
        if not anchors:
            short = _short_diff(a, b)
            out.extend(short if short is not None else self.plain(a, b))
        else:
            pa = pb = 0
            for i, j in anchors:
                if i > pa or j > pb:
                    self._anchor(a[pa:i], b[pb:j], out, depth + 1)
                out.append((_EQUAL, a[i]))
                pa, pb = i + 1, j + 1
            self._anchor(a[pa:], b[pb:], out, depth + 1)
        if tail:
            out.append((_EQUAL, tail))

    def semantic_cleanup(self, diffs: list[_DmpDiff]) -> None:
        """diff_cleanupSemantic, with its elimination of small equalities done first in linear time.

        diff-match-patch rescans the diff after each equality it eliminates,
        which is quadratic on a fragmented diff (hundreds of ms for unrelated
        texts). :func:`_eliminate_small_equalities` applies the same rule with a
        stack; diff-match-patch then finds (almost) nothing left to eliminate and
        does the rest (merging, boundary shifting, overlaps) as usual.
        """
        diffs[:] = _eliminate_small_equalities(diffs)
        self.diff_cleanupMerge(diffs)
        self.diff_cleanupSemantic(diffs)
