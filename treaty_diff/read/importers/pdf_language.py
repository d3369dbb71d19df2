"""Which language each paragraph of a PDF is in, for documents that hold several language versions in sequence.

UN documents are issued in six languages, and a PDF sometimes holds two of them
one after the other (the English text, then the French). A paragraph's language
is told from its script (Arabic, Chinese, Cyrillic) or, for Latin script, from
its most frequent short words (English, French, Spanish); a paragraph too short
to tell ("Article 3") takes the language of the paragraph before it. A language
is *present* when it has at least :data:`SHARE` of the words told and
:data:`MIN_WORDS` words (a quotation in another language is not a version).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

NAMES = {"en": "English", "fr": "French", "es": "Spanish", "ru": "Russian", "zh": "Chinese", "ar": "Arabic"}
_STOPWORDS = {
    "en": frozenset({"the", "of", "and", "to", "in", "shall", "be", "this", "that", "with", "for", "any", "by", "on",
                     "or", "is", "which", "its", "are", "as", "such", "not", "have", "has", "from", "other"}),
    "fr": frozenset({"le", "la", "les", "des", "du", "et", "à", "au", "aux", "une", "un", "qui", "que", "dans", "sur",
                     "par", "pour", "est", "sont", "ne", "pas", "leur", "leurs", "ou", "ces", "cette", "il", "elle",
                     "être", "doit"}),
    "es": frozenset({"el", "los", "las", "del", "y", "en", "que", "por", "para", "con", "una", "un", "se", "su", "sus",
                     "al", "es", "son", "no", "lo", "como", "esta", "este", "deberá", "ser"}),
}
_SCRIPTS = {"ru": re.compile(r"[\u0400-\u04ff]"), "zh": re.compile(r"[\u4e00-\u9fff]"),
            "ar": re.compile(r"[\u0600-\u06ff]")}
_OTHER_SCRIPT = re.compile(r"[\u0400-\u04ff\u4e00-\u9fff\u0600-\u06ff]")
_WORD = re.compile(r"[^\W\d_]+")
#: A language is present with at least this share of the words whose language was told ...
SHARE = 0.15
#: ... and at least this many words.
MIN_WORDS = 40


def language_of(text: str) -> str | None:
    """The language of one paragraph, or None when it is too short to tell."""
    sample = text[:2000]
    if _OTHER_SCRIPT.search(sample):
        letters = sum(1 for ch in sample if ch.isalpha())
        for code, script in _SCRIPTS.items():
            if letters and len(script.findall(sample)) > 0.5 * letters:
                return code
    words = [w.casefold() for w in _WORD.findall(sample)]
    if len(words) < 4:
        return None
    scores = {code: sum(1 for w in words if w in stop) for code, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda c: scores[c])
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] >= 2 and ranked[0] >= 0.1 * len(words) and ranked[0] > 1.5 * ranked[1]:
        return best
    return None


def languages_of(texts: Sequence[str]) -> list[str | None]:
    """The language of each paragraph; one too short to tell takes the language of the one before (the first ones,
    of the first told)."""
    told = [language_of(text) for text in texts]
    first = next((code for code in told if code), None)
    out: list[str | None] = []
    current = first
    for code in told:
        if code is not None:
            current = code
        out.append(current)
    return out


def present(texts: Sequence[str], codes: Sequence[str | None]) -> list[str]:
    """The languages present (see the module doc), in order of first appearance."""
    counts: Counter[str] = Counter()
    order: list[str] = []
    for text, code in zip(texts, codes):
        if code is None or language_of(text) != code:  # counted where it was told, not where it was inherited
            continue
        if code not in counts:
            order.append(code)
        counts[code] += len(_WORD.findall(text))
    total = sum(counts.values())
    return [code for code in order if counts[code] >= MIN_WORDS and counts[code] >= SHARE * total]


def name(code: str) -> str:
    return NAMES.get(code, code)


__all__ = ["MIN_WORDS", "NAMES", "SHARE", "language_of", "languages_of", "name", "present"]
