"""Plain-data views of a draft, for ``list`` and ``show`` (the shapes are in docs/contracts.md)."""

from __future__ import annotations

import textwrap
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


_PART_NAMES = {"title": "title", "preamble": "preamble", "conclusions": "final clause"}


def provenance_detail(draft: Draft) -> str:
    """How much of a draft is reconstructed, in numbers, for a reader of ``list``.

    "verbatim" or "reconstructed" when the whole draft is one or the other;
    otherwise the reconstructed articles counted ("14 of 14 articles", and
    those reconstructed only in part named), then the other parts that are
    wholly or partly reconstructed, then every part that is verbatim, down to
    the recital or paragraph: "reconstructed: 14 of 14 articles, preamble in
    part; verbatim: title, preamble 1-4". Whatever the verbatim list does not
    name is reconstructed.
    """
    statuses = {p.provenance_status for p in draft.provisions}
    if statuses <= {"verbatim"}:
        return "verbatim"
    if statuses == {"reconstructed"}:
        return "reconstructed"
    articles = draft.articles
    whole = [a for a in articles if a.provenance_status == "reconstructed"]
    mixed = [a for a in articles if a.provenance_status == "mixed"]
    official = [a for a in articles if a.provenance_status == "verbatim"]
    reconstructed = [f"{len(whole)} of {len(articles)} articles"] if whole or mixed else []
    if mixed:
        reconstructed.append(_and(_article_names(mixed)) + " in part")
    verbatim = []
    for provision in draft.provisions:
        status = provision.provenance_status
        if provision.kind == "article":
            if provision is articles[0] and official:
                verbatim.append(f"{len(official)} of {len(articles)} articles")
            if status == "mixed":
                verbatim.append(f"{provision.num or provision.eid} {_verbatim_blocks(provision)}")
            continue
        name = _PART_NAMES.get(provision.kind, provision.eid)
        if status == "verbatim":
            verbatim.append(name)
        elif status == "reconstructed":
            reconstructed.append(name)
        else:
            reconstructed.append(f"{name} in part")
            verbatim.append(f"{name} {_verbatim_blocks(provision)}")
    return f"reconstructed: {', '.join(reconstructed)}; verbatim: {', '.join(verbatim)}"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _article_names(articles: list[Provision]) -> list[str]:
    """ "Article I", or "Articles I and III" as one name when there are several."""
    nums = [a.num or a.eid for a in articles]
    if len(nums) == 1:
        return nums
    bare = [n.split(" ", 1)[1] if n.startswith("Article ") else n for n in nums]
    return ["Articles " + bare[0], *bare[1:]]


def _verbatim_blocks(provision: Provision) -> str:
    """The verbatim blocks of a provision that mixes verbatim and reconstructed text, in order: "opening, 1-4",
    "chapeau", "(1), (a)" (recitals by number, runs of them as ranges)."""
    labels: list[str] = []
    recitals: list[int] = []  # the run of verbatim recitals not yet written
    position = {"recital": 0, "p": 0, "paragraph": 0}
    for block in provision.blocks:
        if block.kind in position:
            position[block.kind] += 1
        if not block.provenance.is_verbatim:
            continue
        if block.kind == "recital":
            recitals.append(position["recital"])
            continue
        labels.extend(_ranges(recitals))
        recitals = []
        if block.kind == "intro":
            label = "opening" if provision.kind == "preamble" else "chapeau"
            if block.num:
                label = f"{_num(block.num)} {label}"
        elif block.kind in ("title", "formula"):
            label = block.kind
        elif block.kind == "wrapup":
            label = "closing words"
        elif block.num:
            label = _num(block.num)
        else:
            label = f"paragraph {position.get(block.kind, 1)}"
        labels.append(label)
    return ", ".join([*labels, *_ranges(recitals)])


def _num(num: str) -> str:
    """A block number as a citation writes it after the article: "1." -> "(1)", "(a)" -> "(a)"."""
    bare = num.strip().strip(".()")
    return f"({bare})"


def _ranges(numbers: list[int]) -> list[str]:
    """[1, 2, 3, 4, 7] -> ["1-4", "7"]."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return [f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs]


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
        "provenance_detail": provenance_detail(draft),
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


#: The columns of ``list``: the figures, then the provenance (how much is reconstructed) and the title.
LISTING_COLUMNS = ("id", "symbol", "date", "articles", "words", "provenance", "title")
#: Where each column's text comes from in :func:`draft_listing`'s row (the provenance column says how much).
_LISTING_FIELDS = {"provenance": "provenance_detail"}


def listing_lines(rows: list[dict[str, Any]], width: int | None = None) -> list[str]:
    """``list`` as text: a line per draft (id, symbol, date, articles, words, provenance, title).

    With ``width`` (on a terminal) no line is longer (unless it is narrower
    than the figures): the provenance wraps in its column (or, on a narrow
    terminal, goes under the symbol), and the title goes on lines of its own
    under the symbol, so a draft takes a few lines.
    """
    table = [[str(row[_LISTING_FIELDS.get(name, name)]) if row[_LISTING_FIELDS.get(name, name)] is not None else "-"
              for name in LISTING_COLUMNS] for row in rows]
    widths = [max(len(name), *(len(cells[i]) for cells in table)) for i, name in enumerate(LISTING_COLUMNS)]
    if width is None:
        return ["  ".join(cell.ljust(w) for cell, w in zip(cells[:-1], widths)) + "  " + cells[-1]
                for cells in [list(LISTING_COLUMNS), *table]]
    figures = sum(widths[:5]) + 2 * 5  # the five figures and the space after each
    under_symbol = " " * (widths[0] + 2)
    lines = ["  ".join(name.ljust(w) for name, w in zip(LISTING_COLUMNS[:5], widths)) + "  provenance"]
    below = max(width - len(under_symbol), 20)
    for cells in table:
        row = "  ".join(cell.ljust(w) for cell, w in zip(cells[:5], widths))
        if width - figures >= 40:  # the provenance wraps in its column
            provenance = textwrap.wrap(cells[5], width - figures) or [""]
            lines.append(row + "  " + provenance[0])
            lines.extend(" " * figures + part for part in provenance[1:])
        else:  # too narrow: under the symbol, as the title
            lines.append(row.rstrip())
            lines.extend(under_symbol + part for part in textwrap.wrap(cells[5], below))
        lines.extend(under_symbol + part for part in textwrap.wrap(cells[6], below))
    return lines
