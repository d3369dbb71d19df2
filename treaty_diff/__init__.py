"""treaty-diff: compare treaty drafts article by article.

The pipeline (see docs/architecture.md): read a draft (``treaty_diff.akn``)
into the model (``treaty_diff.model``), align two drafts, diff each pair,
build a comparison, render it.
"""

__version__ = "0.1.0"
