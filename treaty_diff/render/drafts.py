"""Plain-data views of a draft, for ``list`` and ``show`` (the shapes are in docs/contracts.md)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from treaty_diff.model.draft import Draft, DraftMeta, Provision


def provenance_counts(draft: Draft) -> dict[str, int]:
    """How many provisions are verbatim, reconstructed, or mixed."""
    counts = Counter(p.provenance_status for p in draft.provisions)
    return {status: counts.get(status, 0) for status in ("verbatim", "mixed", "reconstructed")}


def provenance_summary(draft: Draft) -> str:
    """"verbatim", or e.g. "reconstructed in part: 2 verbatim, 1 mixed, 14 reconstructed" (counted in provisions)."""
    counts = provenance_counts(draft)
    if counts["mixed"] == counts["reconstructed"] == 0:
        return "verbatim"
    if counts["mixed"] == counts["verbatim"] == 0:
        return "reconstructed"
    parts = [f"{n} {status}" for status, n in counts.items() if n]
    return "reconstructed in part: " + ", ".join(parts)


def draft_listing(draft: Draft) -> dict[str, Any]:
    """One row of ``list``."""
    return {
        "id": draft.id,
        "title": draft.meta.title,
        "short_title": draft.meta.short_title,
        "symbol": draft.meta.symbol,
        "date": draft.meta.date,
        "status": draft.meta.status,
        "language": draft.meta.language,
        "articles": len(draft.articles),
        "words": draft.word_count,
        "provenance": provenance_summary(draft),
        "provenance_counts": provenance_counts(draft),
    }


def provision_dict(provision: Provision) -> dict[str, Any]:
    return {
        "eId": provision.eid,
        "wId": provision.wid,
        "kind": provision.kind,
        "num": provision.num,
        "heading": provision.heading,
        "provenance": provision.provenance_status,
        "text": provision.text,
        "blocks": [
            {
                "eId": block.eid,
                "kind": block.kind,
                "num": block.num,
                "text": block.text,
                "provenance": block.provenance.status,
                "source": block.provenance.source.id,
                **({"terms": list(block.terms)} if block.terms else {}),
            }
            for block in provision.blocks
        ],
    }


def meta_dict(meta: DraftMeta) -> dict[str, Any]:
    """A draft's metadata as every JSON output gives it."""
    return {
        "id": meta.id,
        "title": meta.title,
        "short_title": meta.short_title,
        "symbol": meta.symbol,
        "date": meta.date,
        "proponents": list(meta.proponents),
        "language": meta.language,
        "status": meta.status,
    }


def draft_dict(draft: Draft, provisions: tuple[Provision, ...] | None = None) -> dict[str, Any]:
    """``show --format json``: the metadata and the provisions in document order."""
    meta = draft.meta
    return {
        **meta_dict(meta),
        "document_type": meta.document_type,
        "sources": [{"id": s.id, "description": s.description} for s in meta.sources],
        "provisions": [provision_dict(p) for p in (draft.provisions if provisions is None else provisions)],
    }


def reconstructed_notice(draft: Draft, provisions: tuple[Provision, ...]) -> str | None:
    """A one-line warning naming the shown provisions whose text is not the official wording."""
    names = []
    for provision in provisions:
        status = provision.provenance_status
        if status == "reconstructed":
            names.append(provision.label)
        elif status == "mixed":
            names.append(f"{provision.label} (in part)")
    if not names:
        return None
    return f"{draft.id}: reconstructed text, NOT the official wording: {', '.join(names)}"
