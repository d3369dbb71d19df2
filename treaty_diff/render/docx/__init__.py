"""The DOCX report with Word tracked changes: :mod:`.layout` plans the paragraphs, :mod:`.writer` writes them."""
