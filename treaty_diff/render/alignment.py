"""The raw alignment as plain JSON-able data (the hidden ``align`` command, for debugging)."""

from __future__ import annotations

from typing import Any

from treaty_diff.model.alignment import Alignment, BlockPair, ProvisionPair


def _pair_dict(pair: ProvisionPair | BlockPair, old_nums: dict[str, str | None],
               new_nums: dict[str, str | None]) -> dict[str, Any]:
    return {
        "kind": pair.kind,
        "old": list(pair.old),
        "new": list(pair.new),
        "old_num": [old_nums[e] for e in pair.old],
        "new_num": [new_nums[e] for e in pair.new],
        "renumbered": pair.renumbered,
        "moved": pair.moved,
        "similarity": round(pair.similarity, 3),
    }


def alignment_to_dict(alignment: Alignment) -> dict[str, Any]:
    """The alignment as plain JSON-able data, for debugging (eIds, nums, kinds, flags, similarities)."""
    old_nums = {p.eid: p.num for p in alignment.old.provisions}
    new_nums = {p.eid: p.num for p in alignment.new.provisions}
    old_blocks = {b.eid: b.num for p in alignment.old.provisions for b in p.blocks}
    new_blocks = {b.eid: b.num for p in alignment.new.provisions for b in p.blocks}
    return {
        "old": {"id": alignment.old.id, "title": alignment.old.meta.title},
        "new": {"id": alignment.new.id, "title": alignment.new.meta.title},
        "pairs": [
            {
                **_pair_dict(pair, old_nums, new_nums),
                "evidence": pair.evidence,
                "blocks": [_pair_dict(block, old_blocks, new_blocks) for block in pair.blocks],
            }
            for pair in alignment.pairs
        ],
        "definitions": [
            {
                "term": d.old.term if d.old else (d.new.term if d.new else None),
                "kind": d.kind,
                "old": d.old.block_eid if d.old else None,
                "new": d.new.block_eid if d.new else None,
                "old_terms": list(d.old.terms) if d.old else [],
                "new_terms": list(d.new.terms) if d.new else [],
                "renamed": d.renamed,
                "similarity": round(d.similarity, 3),
            }
            for d in alignment.definitions
        ],
    }
