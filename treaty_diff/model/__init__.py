"""The values every stage hands to the next: frozen dataclasses that import nothing above them.

- :mod:`.draft` (with :mod:`.numbers` and :mod:`.eids`): a draft, its provisions and their blocks;
- :mod:`.alignment`: which provisions and paragraphs of two drafts correspond;
- :mod:`.segments`: the word-level diff of two texts;
- :mod:`.comparison`: the one value every comparison report reads;
- :mod:`.obligations` and :mod:`.coverage`: deontic clauses, their comparison, checklists and verdicts.
"""
