"""Obligations: deontic clauses found in a draft, compared across two drafts, and judged against a checklist.

Extraction (:func:`.extract.extract_obligations`), in the order it reads a sentence:

- :mod:`.vocabulary`: the deontic markers and the noun phrases that name an agent;
- :mod:`.sentences`: a block's sentences, and the spans of text cited from them;
- :mod:`.clauses`: the main clauses of a sentence, their subjects, their modality, and which are constitutive;
- :mod:`.bearers`: who bears a clause;
- :mod:`.undertakings`: a clause's action, split by grammar into one entry per undertaking;
- :mod:`.references`: the instruments a clause brings in by reference;
- :mod:`.definitions`: a draft's defined terms, and which of them a clause uses;
- :mod:`.words`: the stem every comparison of words reads;
- :mod:`.extract`: the policy, the walk over a draft's articles, and the memo of articles already read.

Comparison (:func:`.compare.compare_obligations`):

- :mod:`.features`: what pairing and judging read from a clause (words, verb, parties, place);
- :mod:`.pairing`: which clause became which;
- :mod:`.scope`: the differences within a pair, each narrowing or widening the clause or neither;
- :mod:`.defchanges`: changed definitions judged as changes of the clauses that use them, and clauses carried
  by the other draft's definitions;
- :mod:`.judge`: the status of a pair, from its change of modality and its differences;
- :mod:`.compare`: the comparison, in the reference draft's order, with its reasons.

Coverage of a checklist: :mod:`.coverage` (definitions read in, obligations by reference). Analysts' overrides of
modalities and verdicts: :mod:`.overrides`.
"""
