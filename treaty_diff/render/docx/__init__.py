"""The DOCX report with Word tracked changes: :mod:`.layout` plans the paragraphs (:mod:`.notes` words the
comments), :mod:`.writer` writes them.

The writer puts together :mod:`.package` (styles, properties, settings, zip), :mod:`.cover` (the tables before the
redline), :mod:`.redline` (tracked changes, moves) and :mod:`.comments` (Word comments), all making their elements
with :mod:`.oxml`.
"""
