"""Obligations brought in by reference: the instruments a clause binds its bearer to act in accordance with.

"States Parties to the Treaty shall carry on activities ... in accordance with international law, including the
Charter of the United Nations" binds the Parties to the Charter, and so to its ban on the threat or use of force.
:func:`references_in` finds, after "in accordance with", "in conformity with", "in compliance with" or
"consistent with", the instruments named there:

- "international law";
- a capitalized name with an instrument's noun (Charter, Treaty, Convention, Agreement, Protocol, Guidelines, Code,
  Declaration, Principles, Statute, Regulations, Covenant), with its "of/on/for ..." complement: "the Charter of the
  United Nations", "the Space Debris Mitigation Guidelines of the Committee on the Peaceful Uses of Outer Space".

The instrument itself is no reference ("in accordance with this Treaty", "the present Convention"), nor is a mere
procedure ("pursuant to Article 102 of the Charter": registering a treaty does not bind anyone to the Charter's
rules). Coverage (:mod:`.coverage`) judges an element "partial, by reference" when a binding clause brings in an
instrument the checklist names as carrying the element.
"""

from __future__ import annotations

import re

from treaty_diff.obligations.sentences import clean

_CONNECTOR = re.compile(r"\b(?:in\s+accordance\s+with|in\s+conformity\s+with|in\s+compliance\s+with|consistent\s+with)"
                        r"\s+", re.IGNORECASE)
_INSTRUMENT_NOUNS = (r"(?:Charter|Treaty|Convention|Agreement|Protocol|Guidelines|Code|Declaration|Principles"
                     r"|Statute|Regulations|Covenant)")
_CAPITAL = r"(?:[A-Z][\w'’-]*)"
#: A capitalized name that holds an instrument's noun, with its complement.
_NAME = re.compile(
    rf"(?:(?:the|this|these|its)\s+)?(?:present\s+)?(?:{_CAPITAL}\s+){{0,8}}?{_INSTRUMENT_NOUNS}\b"
    rf"(?:\s+(?:of|on|for|in|to|Governing)\s+(?:the\s+)?{_CAPITAL}(?:\s+(?:{_CAPITAL}|of|on|for|in|to|the|and(?!\s+the\b))){{0,14}}"
    rf"(?<=[A-Za-z]))?"
)
_GENERAL = re.compile(r"\b(?:general\s+)?international\s+law\b", re.IGNORECASE)
_SELF = re.compile(r"^(?:this|these|its|the\s+present)\b", re.IGNORECASE)
#: How far after the connector the instruments are read (characters).
_REACH = 240


def references_in(text: str) -> tuple[str, ...]:
    """The instruments ``text`` binds to by reference, as written, in order (see the module docstring)."""
    found: list[str] = []
    for connector in _CONNECTOR.finditer(text):
        stretch = text[connector.end(): connector.end() + _REACH]
        stop = re.search(r";|\.\s|,\s+(?!including\b|in\s+particular\b)", stretch)
        stretch = stretch[: stop.start()] if stop else stretch
        names = [(m.start(), clean(m.group())) for m in _NAME.finditer(stretch) if not _SELF.match(m.group())]
        names += [(m.start(), clean(m.group())) for m in _GENERAL.finditer(stretch)]
        for _, name in sorted(names):
            if name not in found:
                found.append(name)
    return tuple(found)
