"""Defined terms: which terms a block of treaty text defines.

- 'the term "X" means ...' (also "The term", "the expression", and "includes", "shall refer to") and
  '"X" means ...' (or '"X" or "Y" mean ...') are definitions anywhere;
- 'X means ...' and 'considered as "X"' are definitions only in a definitions
  context: a list introduced by "For the purpose(s) of this ..." (or "In this
  Treaty ...") or an article headed "Definitions" or "Use of terms".
"""

from __future__ import annotations

import re

DEFINITIONS_CHAPEAU = re.compile(
    r"^(?:For the purposes? of this (?:Treaty|Agreement|Convention|Protocol)|In this (?:Treaty|Agreement|Convention"
    r"|Protocol))",
    re.IGNORECASE,
)
DEFINITIONS_HEADING = re.compile(r"\b(?:definitions?|use of terms)\b", re.IGNORECASE)
_Q_OPEN = "[\"“]"
_Q_CLOSE = "[\"”]"
QUOTED_TERM_PATTERNS = (
    re.compile(rf"\b(?:[Tt]he|THE) (?:term|expression),? {_Q_OPEN}(?P<t1>[^\"”]+){_Q_CLOSE},? "
               r"(?:means?|shall mean|includes?|shall include|shall refer to|refers? to)\b"),
    re.compile(
        rf"^(?:the |an? )?{_Q_OPEN}(?P<t1>[^\"”]+){_Q_CLOSE}(?: or (?:the )?{_Q_OPEN}(?P<t2>[^\"”]+){_Q_CLOSE})?"
        r" (?:means?|shall mean)\b"
    ),
)
CONTEXT_TERM_PATTERNS = (
    re.compile(rf"\b(?:considered|regarded|deemed) as {_Q_OPEN}(?P<t1>[^\"”]+){_Q_CLOSE}"),
    re.compile(
        r"^(?:the (?:term|expression|words?) )?(?:the |an? )?(?P<t1>[^\s\"“”,;:()][^\"“”,;:()]{0,80}?)"
        r" (?:means|mean|shall mean)\b"
    ),
)
#: Most words an unquoted defined term ("outer space object means ...") may have.
MAX_TERM_WORDS = 6
TERM_PATTERNS = QUOTED_TERM_PATTERNS + CONTEXT_TERM_PATTERNS[:1]


def find_terms(body: str, definition_context: bool = True) -> tuple[str, ...]:
    """The terms a block defines.

    Anywhere: 'the term "X" means', '"X" or "Y" mean'. In a definitions
    context (a list introduced by "For the purposes of this Treaty", an article
    headed "Definitions"): also 'considered as "X"' and 'X means' (a term of at
    most :data:`MAX_TERM_WORDS` words).
    """
    patterns = QUOTED_TERM_PATTERNS + (CONTEXT_TERM_PATTERNS if definition_context else ())
    for pattern in patterns:
        match = pattern.search(body)
        if match:
            found = [match.group("t1").strip()]
            if "t2" in pattern.groupindex and match.group("t2"):
                found.append(match.group("t2").strip())
            if len(found[0].split()) > MAX_TERM_WORDS or not found[0]:
                continue
            return tuple(found)
    return ()


__all__ = [
    "CONTEXT_TERM_PATTERNS",
    "DEFINITIONS_CHAPEAU",
    "DEFINITIONS_HEADING",
    "MAX_TERM_WORDS",
    "QUOTED_TERM_PATTERNS",
    "TERM_PATTERNS",
    "find_terms",
]
