"""``history --format docx``: the consolidated redline between two chosen versions of a series (``--from``,
``--to``), as Word tracked changes: the comparison of those two versions, written by the comparison's own DOCX
renderer (docs/docx-report.md), with the same options."""

from __future__ import annotations

from treaty_diff.errors import UsageError
from treaty_diff.model.history import SeriesReport
from treaty_diff.render.base import Renderer, RenderOptions, get_renderer, register


@register
class HistoryDocxRenderer(Renderer[SeriesReport]):
    """Word tracked changes between two versions of the series."""

    name = "docx"
    subject = "history"
    suffixes = (".docx",)
    binary = True
    options = frozenset({"author", "date", "redline_only", "static", "moves"})
    description = "the redline between two chosen versions, as Word tracked changes"

    def render(self, value: SeriesReport, options: RenderOptions) -> bytes:
        if value.consolidated is None:
            raise UsageError("the DOCX report is the redline between two versions: choose them (--from, --to)")
        data = get_renderer("comparison", "docx").render(value.consolidated, options)
        assert isinstance(data, bytes)
        return data
