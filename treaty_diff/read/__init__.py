"""Stage 1, read: a corpus id or a file (Akoma Ntoso XML, plain text, DOCX) to a
:class:`~treaty_diff.model.draft.Draft`.

- :mod:`.corpus`: what a user typed (a bundled id or a path) to a Draft;
- :mod:`.akn`: the Akoma Ntoso subset, read and written (the only place that parses draft XML);
- :mod:`.importers`: plain text and DOCX to a Draft;
- :mod:`.checklist`: the checklists that ``coverage`` reads;
- :mod:`.safe`: the one hardened XML parser and size-limited file read of every reader.
"""
