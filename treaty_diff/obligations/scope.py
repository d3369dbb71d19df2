"""Whether a paired clause got narrower or wider: the findings about its bearer, conditions and action.

Each difference between two paired clauses is a :class:`Finding`, with a
direction of scope where the rules give one (-1 narrower, +1 wider, 0 none);
:mod:`.judge` turns the findings into a status. What narrows:

- a *condition* added (``if``, ``unless``, ``when``, ``where``, ``upon``,
  ``provided that``, ``in the event of``, ``subject to``, ``only``, ``except``,
  or a relative clause qualifying the bearer: "which has reason to believe");
  a condition removed widens. Conditions of the two clauses are paired by their
  words; a paired condition whose words differ is *reworded* (no direction:
  "the condition 'if the dispute is not settled' becomes 'if the dispute is not
  resolved through consultations and cooperation'"), one with the same words in
  another order is the same. A condition whose words stand in the other
  clause itself ("In the event of a dispute ..., the States Parties shall" ->
  "Disputes ... shall be resolved") is not added or removed, only worded into
  the clause. Stated purposes ("with a view to", "for the purpose of", "in order
  to") and other phrases (the manner, "in exercising its national sovereignty")
  never narrow: their changes are reported without a direction;
- the *bearer* narrowed: the same parties with a qualifier added ("States
  Parties" -> "States Parties concerned", "any State" -> "any State Party").
  Determiners and number do not count: "States Parties", "each State Party",
  "any of the States Parties", "the States Parties to this Treaty" are the
  same parties. An added "and ..." widens the bearer; a different bearer, or a
  bearer named where none was (or the reverse), is reported without a
  direction;
- the *action* narrowed or widened, by these cues, each read in both
  directions (added as said, removed the other way):

  - an intensifier added widens a duty: "all necessary", "all appropriate",
    "every effort", "fully", "strictly", "promptly", "immediately", "without
    delay" ("take measures" -> "take all necessary measures");
  - "including ..." added widens;
  - a hedge added narrows ("as appropriate", "where feasible", "to the extent
    possible", "on a voluntary basis", "endeavour to", "in accordance with its
    national legislation", ...), in the action or as a phrase of its own, and
    so does a limiter ("only", "solely", "exclusively", "merely");
  - when none of these cues is found and the new wording only *adds* words to
    the old (nothing removed, word order aside), each added run of words is a
    qualifier that narrows ("outer space objects" -> "outer space objects of
    States Parties to the Treaty", "any weapons" -> "weapons of mass
    destruction"), unless it adds an alternative: a run beginning or ending
    with "and" / "or" ("confidence-building measures" -> "transparency and
    confidence-building measures") widens. Only removing words is read the
    other way round. Runs of function words alone ("in", "to") do not count.
    Articles, "such"/"these"/"those"/"said", universal words and catch-alls
    ("any", "all", "every", "any kind of", "in any other manner",
    "whatsoever") and "to this Treaty" after "Parties" are left aside: a bare
    plural is general already, so "any weapons" and "weapons" have the same
    scope. Other rewording has no direction: it is quoted ("wording amended:
    'prohibited by' becomes 'inconsistent with ...'").
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from treaty_diff.diff import DiffOptions, change_runs, diff_texts
from treaty_diff.model.obligations import ConditionKind, Obligation
from treaty_diff.obligations.features import (
    FUNCTION,
    UNIVERSAL_PHRASES,
    ClauseFeatures,
    bearer_key,
    content,
    dice,
    same_text,
    short,
    without_articles,
)
from treaty_diff.obligations.words import lemma
from treaty_diff.text.tokens import word_matches

_DIFF_OPTIONS = DiffOptions(ignore_case=True)

#: Words that do not change a clause's scope: articles, anaphors, universal words (a bare plural is general already).
_TRANSPARENT = frozenset({"the", "a", "an", "such", "these", "those", "said", "any", "all", "every"})
#: "States Parties to this Treaty" names the same parties as "States Parties".
_PARTIES_TO = re.compile(
    r"\b(Part(?:y|ies))\s+to\s+(?:this|the\s+present|the)\s+(?:Treaty|Agreement|Convention|Protocol)\b", re.IGNORECASE)
#: The instrument naming itself ("a protocol to this Treaty", "the Executive Organization of the Treaty"): it
#: narrows nothing, as a bare plural is general already.
_SELF_REFERENCE = re.compile(
    r"\b(?:to|of)\s+(?:this|the\s+present|the)\s+(?:Treaty|Agreement|Convention|Protocol)\b", re.IGNORECASE)
_INTENSIFIERS = re.compile(
    r"\ball\s+(?:necessary|appropriate|possible|feasible|practicable|effective)\b|\bevery\s+(?:effort|possible)\b"
    r"|\bfully\b|\bstrictly\b|\bpromptly\b|\bimmediately\b|\bwithout\s+delay\b",
    re.IGNORECASE,
)
_HEDGES = re.compile(
    r"\b(?:as|where|when|if)\s+appropriate\b|\b(?:as\s+far\s+as|to\s+the\s+(?:extent|degree))\s+"
    r"(?:possible|practicable|feasible)\b|\b(?:where|when|if)\s+(?:possible|feasible|practicable)\b"
    r"|\bin\s+principle\b|\bon\s+a\s+voluntary\s+basis\b|\bvoluntarily\b|\bendeavou?rs?\s+to\b"
    r"|\bmake\s+(?:every|all\s+possible)\s+efforts?\b|\bbest\s+efforts\b|\bstrives?\s+to\b|\bseeks?\s+to\b"
    r"|\bin\s+accordance\s+with\s+(?:its|their)\s+national\s+(?:laws?|legislation)\b",
    re.IGNORECASE,
)
_LIMITERS = re.compile(r"\b(?:only|solely|exclusively|merely)\b", re.IGNORECASE)
_INCLUDING = re.compile(r"\bincluding\b(?:\s+(?!(?:and|or|of|to|in|the)\b)[^\s,;]+){0,3}", re.IGNORECASE)
_COORDINATORS = frozenset({"and", "or", "and/or"})
_CUES = re.compile("|".join(f"(?:{p.pattern})" for p in (_INTENSIFIERS, _HEDGES, _LIMITERS, _INCLUDING)),
                   re.IGNORECASE)

_RESTRICTIVE = re.compile(
    r"^(?:if|unless|when|whenever|where|wherever|upon|on\s+condition|provided|in\s+the\s+event|in\s+case|once"
    r"|until|as\s+soon\s+as|subject\s+to|only|except|save|which|who|whom|whose|that)\b",
    re.IGNORECASE,
)
_PURPOSE = re.compile(
    r"^(?:with\s+a\s+view\s+to|for\s+the\s+purposes?\s+of|in\s+order\s+(?:to|that)|so\s+as\s+to|so\s+that"
    r"|with\s+the\s+aim\s+of|to\s+\w+)\b",
    re.IGNORECASE,
)


Direction = Literal[-1, 0, 1]
_WAY = {True: "widens", False: "narrows"}
_SIGN: dict[bool, Direction] = {True: 1, False: -1}


@dataclass(frozen=True)
class Finding:
    """One difference: ``scope`` is -1 narrowed, +1 widened, 0 none; ``force`` is set for a change of rank."""

    text: str
    scope: Direction = 0
    force: Direction = 0


def _as_written(ob: Obligation) -> str:
    """How a reason quotes a clause's bearer: its words as written (a true substring of the draft), else its name."""
    return ob.bearer_text or ob.bearer


def bearer_finding(a: Obligation, b: Obligation) -> Finding | None:
    """How the bearer changed: the same parties, narrowed, widened, or others (None when it did not). The bearers are
    quoted as the drafts word them ("'the States Parties concerned' becomes 'any of the States Parties
    concerned'")."""
    if a.bearer == b.bearer:
        return None
    key_a, key_b = bearer_key(a.bearer), bearer_key(b.bearer)
    old, new = _as_written(a), _as_written(b)
    if not key_a or not key_b:
        if not key_b:
            return Finding(f"the clause no longer names who bears it (it was '{old}')")
        return Finding(f"the clause now names who bears it: '{new}'")
    if key_a == key_b:
        return Finding(f"the bearer '{old}' becomes '{new}' (the same parties)")
    added = Counter(key_b) - Counter(key_a)
    removed = Counter(key_a) - Counter(key_b)
    if added and not removed:
        if _COORDINATORS & set(added):
            return Finding(f"the bearer is widened: '{old}' becomes '{new}'", scope=1)
        return Finding(f"the bearer is narrowed: '{old}' becomes '{new}'", scope=-1)
    if removed and not added:
        if _COORDINATORS & set(removed):
            return Finding(f"the bearer is narrowed: '{old}' becomes '{new}'", scope=-1)
        return Finding(f"the bearer is widened: '{old}' becomes '{new}'", scope=1)
    return Finding(f"now borne by '{new}' instead of '{old}'")


def condition_kind(condition: str) -> ConditionKind:
    """Whether a condition phrase restricts when the clause applies, states a purpose, or is something else."""
    text = condition.strip()
    if _RESTRICTIVE.match(text):
        return "condition"
    if _HEDGES.search(text):
        return "hedge"
    if _PURPOSE.match(text):
        return "purpose"
    return "other"


_KIND_WORDS: dict[ConditionKind, str] = {"condition": "the condition", "hedge": "the hedge",
                                         "purpose": "the stated purpose", "other": "the phrase"}


def condition_findings(a: ClauseFeatures, b: ClauseFeatures) -> list[Finding]:
    """The conditions paired by their words (reworded or the same), then those removed and those added."""
    olds = list(a.ob.conditions)
    news = list(b.ob.conditions)
    findings: list[Finding] = []
    pairs: list[tuple[int, int]] = []
    taken_new: set[int] = set()
    ranked = sorted(
        ((-dice(content(x), content(y)), i, j) for i, x in enumerate(olds) for j, y in enumerate(news)
         if condition_kind(x) == condition_kind(y)),
    )
    taken_old: set[int] = set()
    for negative, i, j in ranked:
        if i in taken_old or j in taken_new:
            continue
        alone = (sum(1 for x in olds if condition_kind(x) == condition_kind(olds[i])) == 1
                 and sum(1 for y in news if condition_kind(y) == condition_kind(news[j])) == 1)
        if -negative >= 0.3 or alone:
            pairs.append((i, j))
            taken_old.add(i)
            taken_new.add(j)
    for i, j in sorted(pairs):
        x, y = olds[i], news[j]
        if without_articles(x) == without_articles(y):
            continue
        findings.append(Finding(f"{_KIND_WORDS[condition_kind(x)]} '{x}' becomes '{y}'"))
    # The words of each whole clause, read only when a condition is left unpaired (most pairs have none).
    in_new = functools.cache(lambda: content(f"{b.ob.quote} {b.ob.object}"))
    in_old = functools.cache(lambda: content(f"{a.ob.quote} {a.ob.object}"))
    for i, x in enumerate(olds):
        if i in taken_old:
            continue
        kind = condition_kind(x)
        if kind == "hedge":
            findings.append(Finding(f"the hedge '{x}' is removed: the scope widens", scope=1))
        elif kind == "condition" and not _absorbed(x, in_new()):
            findings.append(Finding(f"the condition '{x}' is removed", scope=1))
        else:
            note = " (its words are now part of the clause)" if kind == "condition" else ""
            findings.append(Finding(f"{_KIND_WORDS[kind]} '{x}' is left out{note}"))
    for j, y in enumerate(news):
        if j in taken_new:
            continue
        kind = condition_kind(y)
        if kind == "hedge":
            findings.append(Finding(f"the hedge '{y}' is added: the scope narrows", scope=-1))
        elif kind == "condition" and not _absorbed(y, in_old()):
            findings.append(Finding(f"the condition '{y}' is added", scope=-1))
        else:
            note = " (its words were part of the clause)" if kind == "condition" else ""
            findings.append(Finding(f"{_KIND_WORDS[kind]} '{y}' is added{note}"))
    return findings


def _absorbed(condition: str, clause_words: Counter[str]) -> bool:
    """Whether most content words of a condition stand in the other clause itself."""
    words = content(condition)
    if not words:
        return False
    return sum((words & clause_words).values()) >= 2 / 3 * sum(words.values())


def _count(pattern: re.Pattern[str], text: str) -> Counter[str]:
    return Counter(" ".join(m.group().casefold().split()) for m in pattern.finditer(text))


def action_findings(a: ClauseFeatures, b: ClauseFeatures) -> list[Finding]:
    """Findings about the action: the cues of the module docstring, then pure additions or removals."""
    text_a, text_b = a.text, b.text
    if same_text(text_a.casefold(), text_b.casefold()):
        return []
    findings = cue_findings(text_a, text_b)
    if not findings:
        findings.extend(pure_findings(text_a, text_b))
        if findings:
            return findings
    recast = text_a != a.ob.action or text_b != b.ob.action  # a passive: show the clauses, not the actions
    before, after = (a.ob.quote, b.ob.quote) if recast else (text_a, text_b)
    if findings:  # the cues are reported already: the rest of the rewording, if any
        before, after = (" ".join(_CUES.sub(" ", t).split()) for t in (before, after))
    rest = amended(before, after, (a.ob.quote, b.ob.quote))
    return findings + ([Finding(rest)] if rest else [])


def cue_findings(text_a: str, text_b: str) -> list[Finding]:
    """The cues of the module docstring (intensifiers, hedges, limiters, "including ...") added or removed."""
    findings: list[Finding] = []
    for pattern, narrows, what in ((_INTENSIFIERS, False, "intensifier"), (_HEDGES, True, "hedge"),
                                   (_LIMITERS, True, "limiter"), (_INCLUDING, False, "inclusion")):
        found_a, found_b = _count(pattern, text_a), _count(pattern, text_b)
        for phrase in sorted((found_b - found_a).keys()):
            widens = not narrows
            findings.append(Finding(f"the {what} '{phrase}' is added: the scope {_WAY[widens]}", _SIGN[widens]))
        for phrase in sorted((found_a - found_b).keys()):
            findings.append(Finding(f"the {what} '{phrase}' is removed: the scope {_WAY[narrows]}", _SIGN[narrows]))
    return findings


def text_findings(text_a: str, text_b: str) -> list[Finding]:
    """How a text's scope changed, read as an action is (cues first, then words only added or only removed): for
    the wording of a definition."""
    return cue_findings(text_a, text_b) or pure_findings(text_a, text_b)


def pure_findings(text_a: str, text_b: str) -> list[Finding]:
    """When one text only adds words to the other (word order aside): each added run qualifies or adds an alternative.

    Runs of function words alone ("in", "to") say nothing about scope and are skipped.
    """
    text_a, text_b = (_SELF_REFERENCE.sub(" ", _PARTIES_TO.sub(r"\1", UNIVERSAL_PHRASES.sub(" ", t)))
                      for t in (text_a, text_b))
    spans_a = [m for m in word_matches(text_a) if m.group().casefold() not in _TRANSPARENT]
    spans_b = [m for m in word_matches(text_b) if m.group().casefold() not in _TRANSPARENT]
    keys_a = [lemma(m.group().casefold()) for m in spans_a]
    keys_b = [lemma(m.group().casefold()) for m in spans_b]
    count_a, count_b = Counter(keys_a), Counter(keys_b)
    if count_a == count_b:
        return []
    if not count_a - count_b:
        shorter, longer, spans, text, grow = keys_a, keys_b, spans_b, text_b, True
    elif not count_b - count_a:
        shorter, longer, spans, text, grow = keys_b, keys_a, spans_a, text_a, False
    else:
        return []
    surplus = Counter(longer) - Counter(shorter)
    blocks = difflib.SequenceMatcher(a=shorter, b=longer, autojunk=False).get_matching_blocks()
    matched = {block.b + k for block in blocks for k in range(block.size)}
    runs: list[list[int]] = []
    current: list[int] = []
    for index, key in enumerate(longer):
        if index not in matched and surplus[key] > 0:
            surplus[key] -= 1
            current.append(index)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    findings = []
    for run in runs:
        words = [longer[i] for i in run]
        if all(w in FUNCTION for w in words):
            continue
        phrase = text[spans[run[0]].start(): spans[run[-1]].end()]
        if words[0] in _COORDINATORS or words[-1] in _COORDINATORS:
            findings.append(Finding(
                f"the alternative '{phrase}' is {'added' if grow else 'removed'}: the scope "
                f"{'widens' if grow else 'narrows'}", scope=1 if grow else -1))
        else:
            findings.append(Finding(
                f"the qualifier '{phrase}' is {'added' if grow else 'removed'}: the scope "
                f"{'narrows' if grow else 'widens'}", scope=-1 if grow else 1))
    return findings


def amended(text_a: str, text_b: str, within: tuple[str, str] | None = None) -> str | None:
    """"wording amended: 'x' becomes 'y', ..." for the first few differing stretches of two texts (case aside).

    Each stretch is widened to whole words ("'or' becomes 'and/or'", not "'and/' is added"). With ``within`` (the
    two clauses' quotes), a stretch of ``text_a`` or ``text_b`` that is not in its quote (the texts were put
    together from the clause, as an action with a shared object is) makes the quotes themselves compared instead,
    so that every stretch shown is the drafts' own text.
    """
    stretches = _stretches(text_a, text_b)
    if within is not None and any(
            (old and old.removesuffix(" …") not in " ".join(within[0].split()))
            or (new and new.removesuffix(" …") not in " ".join(within[1].split())) for old, new in stretches):
        stretches = _stretches(*within)
    parts = []
    for old, new in stretches:
        if old and new:
            parts.append(f"'{old}' becomes '{new}'")
        elif old:
            parts.append(f"'{old}' is left out")
        else:
            parts.append(f"'{new}' is added")
    if not parts:
        return None
    more = f" (and {len(parts) - 3} more)" if len(parts) > 3 else ""
    return "wording amended: " + ", ".join(parts[:3]) + more


def _stretches(text_a: str, text_b: str) -> list[tuple[str, str]]:
    """The differing stretches of two texts, as (old words, new words), each widened to whole words and shortened
    to about 60 characters; one side is empty for a pure deletion or insertion."""
    segments = list(diff_texts(text_a, text_b, _DIFF_OPTIONS))
    out: list[tuple[str, str]] = []
    for start, index in change_runs(segments):
        before = segments[start - 1].text if start > 0 else ""
        after = segments[index].text if index < len(segments) else ""
        deleted = "".join(s.text for s in segments[start:index] if s.op == "delete")
        inserted = "".join(s.text for s in segments[start:index] if s.op == "insert")
        changed = deleted or inserted
        # Widen a change glued to a word to the whole word ("'or' becomes 'and/or'"); punctuation is not glued.
        prefix = before.split()[-1] if before[-1:].strip() and changed[:1].strip(" ,;:.") else ""
        suffix = after.split()[0] if after[:1].strip() and changed[-1:].strip(" ,;:.") else ""
        old = short(f"{prefix}{deleted}{suffix}".strip(" ,;:"), 60)
        new = short(f"{prefix}{inserted}{suffix}".strip(" ,;:"), 60)
        if old or new:
            out.append((old, new))
    return out
