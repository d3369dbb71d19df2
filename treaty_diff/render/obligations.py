"""Renderers of the obligations found in a draft (``treaty-diff obligations``)."""

from __future__ import annotations

import json

from treaty_diff.obligations import DraftObligations, obligations_to_dict, obligations_to_text
from treaty_diff.render.base import Renderer, RenderOptions, register


@register
class ObligationsText(Renderer[DraftObligations]):
    name = "text"
    subject = "obligations"
    extension = "txt"
    description = "the obligations, grouped by provision"

    def render(self, value: DraftObligations, options: RenderOptions) -> str:
        return obligations_to_text(value.draft, value.obligations)


@register
class ObligationsJson(Renderer[DraftObligations]):
    name = "json"
    subject = "obligations"
    extension = "json"
    description = "the obligations as JSON (contracts.md)"

    def render(self, value: DraftObligations, options: RenderOptions) -> str:
        return json.dumps(obligations_to_dict(value.draft, value.obligations), ensure_ascii=False, indent=2) + "\n"
