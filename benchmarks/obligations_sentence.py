"""Obligation extraction time on one very long sentence (docs/performance.md, "Extraction on long sentences").

    python benchmarks/obligations_sentence.py [--words 10000 20000 40000] [--repeat 3] [--patterns NAME ...]

Each *pattern* is one sentence of about N words, one article of one paragraph (no full stop inside), made by
repeating a short treaty-style phrase after a head; each stresses a different step of the extractor:

- ``coordinated``: "Each State Party shall inform ... and shall notify ... and shall notify ..." (a main clause
  per "and shall", each borne by the subject of the first);
- ``relative``: "... to the Depositary, who shall circulate it ... and inform the Depositary, who shall ..."
  (relative clauses);
- ``semicolons``: "States Parties shall report; States Parties shall notify ...; ..." (clauses after boundaries);
- ``undertakings``: "The States Parties undertake not to place ..., not to place ..., ..." (conjuncts of one
  marker);
- ``joined-verbs``: "States Parties shall facilitate, encourage and promote the co-operation in area 1, ..." (verbs
  that share an object, and verb phrases coordinated with their own objects);
- ``points``: "Each State Party shall:" followed by N/10 points of a list (the points of a chapeau);
- ``conditions``: a clause with a comma-separated condition after every few words ("if ..., unless ...");
- ``corpus``: the operative paragraphs of the bundled drafts, their full stops made semicolons.

Times are the best wall-clock of ``--repeat`` runs of ``extract_obligations`` on the draft, in this process.
The ``x`` column is the ratio to the previous size: when the size doubles, a linear step takes twice the time.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable

from treaty_diff.model.draft import Block, Draft, DraftMeta, Provenance, Provision, Source
from treaty_diff.obligations.extract import extract_obligations
from treaty_diff.read.corpus import CORPUS_IDS, load_corpus_draft

_SOURCE = Provenance("reconstructed", Source("benchmark", "made up by benchmarks/obligations_sentence.py"))


def _repeat(head: str, phrase: Callable[[int], str], words: int, tail: str = ".") -> str:
    parts = [head]
    count = len(head.split())
    index = 0
    while count < words:
        piece = phrase(index)
        parts.append(piece)
        count += len(piece.split())
        index += 1
    return "".join(parts) + tail


def _corpus(words: int) -> str:
    pieces = [re.sub(r"\.\s*$", "", block.body).replace(". ", "; ")
              for draft_id in CORPUS_IDS for provision in load_corpus_draft(draft_id).articles
              for block in provision.blocks]
    return _repeat("", lambda i: ("; " if i else "") + pieces[i % len(pieces)], words)


PATTERNS: dict[str, Callable[[int], str]] = {
    "coordinated": lambda n: _repeat("Each State Party shall inform the Secretary-General",
                                     lambda i: f" and shall notify the Depositary of launch {i} promptly", n),
    "relative": lambda n: _repeat("The proposal shall be sent to the Depositary",
                                  lambda i: f", who shall circulate it to all States Parties with notice {i} and "
                                            f"inform the Depositary", n),
    "semicolons": lambda n: _repeat("States Parties shall report",
                                    lambda i: f"; States Parties shall notify the Depositary of object {i}", n),
    "undertakings": lambda n: _repeat("The States Parties undertake",
                                      lambda i: f" not to place weapons of kind {i} in orbit around the Earth,", n),
    "joined-verbs": lambda n: _repeat("States Parties shall",
                                      lambda i: f" facilitate, encourage and promote the co-operation in area {i},", n),
    "conditions": lambda n: _repeat("Each State Party shall notify the Depositary",
                                    lambda i: f", if a launch {i} is planned, unless agreed otherwise", n),
    "corpus": _corpus,
}


def _draft(pattern: str, words: int) -> Draft:
    if pattern == "points":
        blocks = [Block("art_1__list_1__intro", "intro", None, "Each State Party shall:", _SOURCE)]
        for i in range(max(1, words // 10)):
            blocks.append(Block(f"art_1__list_1__point_{i + 1}", "point", f"({i + 1})",
                                f"notify the Depositary of launch {i} without delay;", _SOURCE, depth=1))
    else:
        blocks = [Block("art_1", "paragraph", None, PATTERNS[pattern](words), _SOURCE)]
    article = Provision("art_1", "article", "Article 1", None, tuple(blocks))
    return Draft(DraftMeta(id=f"long-{pattern}", title="One long sentence"), (article,))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, nargs="+", default=[10_000, 20_000, 40_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--patterns", nargs="+", default=[*PATTERNS, "points"])
    args = parser.parse_args()
    print(f"{'pattern':<14}{'words':>8}{'clauses':>9}{'seconds':>10}{'x':>7}")
    for pattern in args.patterns:
        before: float | None = None
        for words in args.words:
            draft = _draft(pattern, words)
            counted = sum(len(block.body.split()) for p in draft.provisions for block in p.blocks)
            best = float("inf")
            found = 0
            for _ in range(args.repeat):
                start = time.perf_counter()
                found = len(extract_obligations(draft))
                best = min(best, time.perf_counter() - start)
            growth = f"{best / before:.2f}" if before else "-"
            print(f"{pattern:<14}{counted:>8}{found:>9}{best:>10.3f}{growth:>7}", flush=True)
            before = best


if __name__ == "__main__":
    main()
