"""Word-level diff of two texts with diff-match-patch.

The texts are cut into tokens (:func:`tokenize`), each distinct token is given
one code point of its own, diff-match-patch diffs the two encoded strings, its
semantic cleanup runs on the encoded strings (so it weighs tokens, not
letters, and shifts each edit to the best token boundary: a blank line, a line
break, the end of a sentence, a space), and the result is mapped back to text.
A change therefore never splits a word. ``DiffOptions(granularity="char")``
gives a character diff instead (a word pass first, then each run of changed
words diffed character by character, then semantic cleanup on characters).

Tokens
    * a **word**: letters, digits, combining marks and the underscore, with
      internal hyphens and apostrophes (``co-operation``, ``man's``,
      ``State’s``) and, between digits, a full stop or comma (``1.5``,
      ``10,000``, ``1.2.3``) kept inside it;
    * a **whitespace run** (any Unicode whitespace, the ideographic space too);
    * each **CJK character** on its own: Han (all planes), kana, Hangul,
      Bopomofo, CJK symbols and punctuation, full-width and half-width forms;
    * **any other character** on its own (punctuation, symbols), with the
      combining marks that follow it.

    Joining the tokens always gives the text back.

Segments
    :func:`diff_texts` returns :class:`~treaty_diff.model.Segment` values, no
    segment empty, no two neighbours with the same op, and in each run of
    changes between two equal segments the deletion first. Whitespace alone
    between two changes is folded into them where that makes one replacement
    (:func:`absorb_whitespace_gaps`).

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

Limit
    Distinct tokens are mapped to private-use code points (U+E000-U+F8FF, then
    planes 15 and 16) and then to the code points of planes 4-13, unassigned in
    Unicode: 792,828 distinct tokens per pair of texts. Beyond that (only for
    texts of several megabytes) the word diff falls back to a character diff,
    which needs no mapping.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from diff_match_patch import diff_match_patch

from treaty_diff.model.segments import Segment, SegmentOp
from treaty_diff.text.tokens import is_ignorable_mark, is_punctuation, is_word, tokenize

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

Granularity = Literal["word", "char"]

_DELETE, _EQUAL, _INSERT = -1, 0, 1
_DmpDiff = tuple[int, str]


@dataclass(frozen=True)
class DiffOptions:
    """How to diff two texts.

    ``granularity``: ``"word"`` (tokens, see the module docstring) or
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


_DEFAULT_OPTIONS = DiffOptions()

# -- units: what the diff compares ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Units:
    """A text as the diff sees it: a key per unit (compared) and the unit's text (reported).

    With an ignore option, ignored tokens are attached to the unit before them
    (to the first unit, if they lead), so they are never compared. ``floating``
    is the text of a side that has only ignored tokens.
    """

    keys: list[str]
    texts: list[str]
    floating: str = ""


def _char_key(ch: str, options: DiffOptions) -> str:
    """A single-character key for ``ch`` (character granularity needs keys of one character)."""
    if not options.ignore_case:
        return ch
    for candidate in (ch.casefold(), ch.lower()):
        if len(candidate) == 1:
            return candidate
    return ch


def _word_key(token: str, options: DiffOptions) -> str:
    key = token.casefold() if options.ignore_case else token
    if options.ignore_punctuation and len(key) > 1:
        key = "".join(ch for ch in key if not is_ignorable_mark(ch)) or key
    return key


def _units(text: str, options: DiffOptions) -> _Units:
    pieces = tokenize(text) if options.granularity == "word" else list(text)
    if not options.ignores_anything:
        return _Units(pieces, pieces)
    keyer = _word_key if options.granularity == "word" else _char_key
    keys: list[str] = []
    texts: list[str] = []
    leading = ""
    for piece in pieces:
        ignored = (options.ignore_whitespace and piece.isspace()) or (
            options.ignore_punctuation and is_punctuation(piece)
        )
        if not ignored:
            keys.append(keyer(piece, options))
            texts.append(leading + piece)
            leading = ""
        elif texts:
            texts[-1] += piece
        else:
            leading += piece
    return _Units(keys, texts, leading)


# -- encoding tokens as code points --------------------------------------------------------------------

#: Where distinct tokens are mapped: private use areas first, then planes 4-13 (unassigned in Unicode).
#: These code points are neither letters nor spaces, so diff-match-patch's cosmetic boundary scoring treats
#: every token boundary alike.
_CODE_RANGES: tuple[tuple[int, int], ...] = (
    (0xE000, 0xF8FF),
    (0xF0000, 0xFFFFD),
    (0x100000, 0x10FFFD),
    (0x40000, 0xDFFFF),
)

#: How many distinct tokens two texts may have before the word diff falls back to a character diff.
MAX_DISTINCT_TOKENS = sum(end - start + 1 for start, end in _CODE_RANGES)


class _CodeSpaceExhausted(Exception):
    pass


def _code_point(index: int) -> str:
    for start, end in _CODE_RANGES:
        size = end - start + 1
        if index < size:
            return chr(start + index)
        index -= size
    raise _CodeSpaceExhausted


def _encode(keys: Sequence[str], table: dict[str, str]) -> str:
    """One character per key; ``table`` (shared by both texts) grows with each new key."""
    for key in dict.fromkeys(keys):
        if key not in table:
            table[key] = _code_point(len(table))
    return "".join(map(table.__getitem__, keys))


# -- the diff engine -------------------------------------------------------------------------------------

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
        ia = ib = 0
        for op, chunk in coarse:
            n = len(chunk)
            if op == _EQUAL:
                out.extend(self.plain("".join(deleted), "".join(inserted)))
                deleted, inserted = [], []
                out.append((_EQUAL, "".join(tokens_a[ia : ia + n])))
                ia += n
                ib += n
            elif op == _DELETE:
                deleted.extend(tokens_a[ia : ia + n])
                ia += n
            else:
                inserted.extend(tokens_b[ib : ib + n])
                ib += n
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


@dataclass
class _ChangeRun:
    deleted: list[str]
    inserted: list[str]
    deleted_length: int = 0
    inserted_length: int = 0

    @property
    def weight(self) -> int:
        return max(self.deleted_length, self.inserted_length)


def _eliminate_small_equalities(diffs: Iterable[_DmpDiff]) -> list[_DmpDiff]:
    """diff_cleanupSemantic's first phase: an equality no longer than the changes on each side becomes a change.

    ``stack`` alternates change runs and equalities, starting and ending with a
    change run (possibly empty). When a change run is complete, the equality
    before it is tested against the runs on both sides; if it goes, the three
    merge, and the equality before the merged run is tested again, and so on.
    """
    stack: list[_ChangeRun | str] = [_ChangeRun([], [])]

    def settle() -> None:
        while len(stack) >= 3:
            right, equality, left = stack[-1], stack[-2], stack[-3]
            assert isinstance(right, _ChangeRun) and isinstance(left, _ChangeRun) and isinstance(equality, str)
            if not (right.weight and left.weight and len(equality) <= min(left.weight, right.weight)):
                return
            del stack[-2:]
            left.deleted += [equality, *right.deleted]
            left.inserted += [equality, *right.inserted]
            left.deleted_length += len(equality) + right.deleted_length
            left.inserted_length += len(equality) + right.inserted_length

    for op, text in diffs:
        top = stack[-1]
        if op == _EQUAL:
            settle()
            stack.append(text)
            stack.append(_ChangeRun([], []))
            continue
        assert isinstance(top, _ChangeRun)
        if op == _DELETE:
            top.deleted.append(text)
            top.deleted_length += len(text)
        else:
            top.inserted.append(text)
            top.inserted_length += len(text)
    settle()
    out: list[_DmpDiff] = []
    for item in stack:
        if isinstance(item, str):
            out.append((_EQUAL, item))
        else:
            if item.deleted:
                out.append((_DELETE, "".join(item.deleted)))
            if item.inserted:
                out.append((_INSERT, "".join(item.inserted)))
    return out


def _merge_neighbours(diffs: list[_DmpDiff]) -> list[_DmpDiff]:
    """Join neighbouring equalities, and the deletions and insertions of each run of changes (deletion first)."""
    out: list[_DmpDiff] = []
    equal: list[str] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush_changes() -> None:
        if deleted:
            out.append((_DELETE, "".join(deleted)))
            deleted.clear()
        if inserted:
            out.append((_INSERT, "".join(inserted)))
            inserted.clear()

    for op, text in diffs:
        if not text:
            continue
        if op == _EQUAL:
            flush_changes()
            equal.append(text)
            continue
        if equal:
            out.append((_EQUAL, "".join(equal)))
            equal.clear()
        (deleted if op == _DELETE else inserted).append(text)
    flush_changes()
    if equal:
        out.append((_EQUAL, "".join(equal)))
    return out


def _short_diff(a: str, b: str) -> list[_DmpDiff] | None:
    """diff-match-patch's own answer when one side is empty or a single token, without its overhead; else None.

    For two texts with no common prefix or suffix, ``diff_main`` answers these
    cases before any search: the shorter text inside the longer one (an equal
    between two insertions or deletions), or a one-token text not in the other
    (a deletion and an insertion). Most gaps between anchors are such cases (a
    word replaced by a word), so answering here saves a third of the diff time.
    """
    if not a or not b:
        return [(_DELETE, a)] if a else [(_INSERT, b)] if b else []
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) != 1:
        return None
    at = long.find(short)
    if at == -1:
        return [(_DELETE, a), (_INSERT, b)]
    op = _INSERT if long is b else _DELETE
    return [(kind, text) for kind, text in ((op, long[:at]), (_EQUAL, short), (op, long[at + 1:])) if text]


def _anchors(a: str, b: str) -> list[tuple[int, int]]:
    """Positions (i, j) with a[i] == b[j], the character unique in each, longest chain in order (patience)."""
    count_a, count_b = Counter(a), Counter(b)
    where_b = {ch: j for j, ch in enumerate(b) if count_b[ch] == 1 and count_a.get(ch) == 1}
    if not where_b:
        return []
    pairs = [(i, where_b[ch]) for i, ch in enumerate(a) if ch in where_b]
    # Longest increasing subsequence of the j's (pairs are in order of i).
    tails: list[int] = []  # tails[k]: the smallest j ending a chain of length k + 1
    tail_index: list[int] = []  # index into pairs of that chain end
    previous: list[int] = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k:
            previous[index] = tail_index[k - 1]
        if k == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[k] = j
            tail_index[k] = index
    chain: list[tuple[int, int]] = []
    index = tail_index[-1]
    while index >= 0:
        chain.append(pairs[index])
        index = previous[index]
    chain.reverse()
    return chain


# -- from diff-match-patch's output to segments ------------------------------------------------------------


@dataclass
class _Run:
    """A maximal run of equal text, or of changes (the deleted old text and the inserted new text)."""

    equal: bool
    old: str
    new: str
    deletes: bool = False
    inserts: bool = False

    def absorbable(self) -> bool:
        return self.equal and self.old.isspace() and self.new.isspace()


def _runs(pieces: Iterable[tuple[SegmentOp, str, str]]) -> list[_Run]:
    """Group (op, old text, new text) pieces into runs; an equal piece with no new text is dropped."""
    runs: list[_Run] = []
    for op, old, new in pieces:
        if op == "equal":
            if not new:
                continue
            if runs and runs[-1].equal:
                runs[-1].old += old
                runs[-1].new += new
            else:
                runs.append(_Run(True, old, new))
        else:
            if not old and not new:
                continue
            if not runs or runs[-1].equal:
                runs.append(_Run(False, "", ""))
            run = runs[-1]
            run.old += old
            run.new += new
            run.deletes = run.deletes or bool(old)
            run.inserts = run.inserts or bool(new)
    return runs


def _absorb(runs: list[_Run]) -> list[_Run]:
    """Fold whitespace-only equal runs into the changes around them where that leaves no whitespace-only change."""
    changed = True
    while changed:
        changed = False
        out: list[_Run] = []
        index = 0
        while index < len(runs):
            run = runs[index]
            if (
                out
                and index + 1 < len(runs)
                and run.absorbable()
                and not out[-1].equal
                and not runs[index + 1].equal
                and (out[-1].deletes or runs[index + 1].deletes)
                and (out[-1].inserts or runs[index + 1].inserts)
            ):
                left, right = out[-1], runs[index + 1]
                out[-1] = _Run(
                    False,
                    left.old + run.old + right.old,
                    left.new + run.new + right.new,
                    left.deletes or right.deletes,
                    left.inserts or right.inserts,
                )
                index += 2
                changed = True
            else:
                out.append(run)
                index += 1
        runs = out
    return runs


def _segments(runs: Iterable[_Run]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    for run in runs:
        if run.equal:
            segments.append(Segment("equal", run.new))
        else:
            if run.old:
                segments.append(Segment("delete", run.old))
            if run.new:
                segments.append(Segment("insert", run.new))
    return tuple(segments)


def absorb_whitespace_gaps(segments: Iterable[Segment]) -> tuple[Segment, ...]:
    """Present changes readably: fold an equal segment of only whitespace into the changes around it.

    ``[-a-][+x+] [-b-][+y+]`` becomes ``[-a b-][+x y+]``, and
    ``[-a-] [+b+]`` becomes ``[-a -][+ b+]`` (a replacement): the whitespace
    goes into both the deleted and the inserted text, so both sides still
    rebuild exactly.

    A gap is folded only if the folded change then deletes *and* inserts
    something besides the whitespace. ``[-a-] [-b-]`` therefore stays as it
    is: since the new text has that space, the only exact folding is
    ``[-a b-][+ +]``, which would trade the whitespace-only equal for a
    whitespace-only insertion. (Where both texts lack it, diff-match-patch
    already reports ``[-a b-]``.)

    The result is normalised (no empty segment, no two neighbours with the
    same op, deletion before insertion in each run of changes), and folding it
    again changes nothing. :func:`diff_texts` already returns folded
    segments; this is for callers that join the segments of several diffs
    (for example a provision's blocks, separated by an equal blank line).
    """
    pieces = ((s.op, s.text if s.op != "insert" else "", s.text if s.op != "delete" else "") for s in segments)
    return _segments(_absorb(_runs(pieces)))


def _decode(diffs: Iterable[_DmpDiff], old: _Units, new: _Units) -> list[tuple[SegmentOp, str, str]]:
    """Map an encoded diff back to (op, old text, new text) pieces, by position in each side's units."""
    pieces: list[tuple[SegmentOp, str, str]] = []
    if old.floating or new.floating:
        pieces.append(("equal", old.floating, new.floating))
    ia = ib = 0
    for op, chunk in diffs:
        n = len(chunk)
        if op == _EQUAL:
            pieces.append(("equal", "".join(old.texts[ia : ia + n]), "".join(new.texts[ib : ib + n])))
            ia += n
            ib += n
        elif op == _DELETE:
            pieces.append(("delete", "".join(old.texts[ia : ia + n]), ""))
            ia += n
        else:
            pieces.append(("insert", "", "".join(new.texts[ib : ib + n])))
            ib += n
    if ia != len(old.texts) or ib != len(new.texts):  # pragma: no cover - would be a diff-match-patch bug
        raise AssertionError("the diff does not cover both texts")
    return pieces


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
    return _segments(_absorb(_runs(_decode(diffs, old_units, new_units))))


# -- measures ---------------------------------------------------------------------------------------------


def change_runs(segments: Sequence[Segment]) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each maximal run of non-equal segments: ``segments[start:end]``, in order."""
    index = 0
    while index < len(segments):
        if segments[index].op == "equal":
            index += 1
            continue
        start = index
        while index < len(segments) and segments[index].op != "equal":
            index += 1
        yield start, index


def words_changed(segments: Iterable[Segment]) -> tuple[int, int]:
    """(words inserted, words deleted): word tokens (:func:`is_word`) in the insert and the delete segments.

    Whitespace and punctuation do not count; each CJK character counts as a
    word. With character granularity a changed part of a word counts as one.
    """
    inserted = deleted = 0
    for segment in segments:
        if segment.op == "equal":
            continue
        count = sum(1 for token in tokenize(segment.text) if is_word(token))
        if segment.op == "insert":
            inserted += count
        else:
            deleted += count
    return inserted, deleted
