"""What happened to a provision, in a legal reader's words: "Article V becomes Article IV; amended."."""

from __future__ import annotations

from treaty_diff.model.alignment import ProvisionPair
from treaty_diff.model.draft import Provision


def _names(provisions: tuple[Provision, ...]) -> str:
    labels = [p.label for p in provisions]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def describe(pair: ProvisionPair, olds: tuple[Provision, ...], news: tuple[Provision, ...],
             previous_new: Provision | None) -> str:
    """One sentence: "Article V becomes Article IV; amended.", "Article VIII is deleted."."""
    old_names, new_names = _names(olds), _names(news)
    if pair.kind == "inserted":
        return f"{capital(new_names)} is new."
    if pair.kind == "deleted":
        return f"{capital(old_names)} is deleted."
    if pair.kind == "split":
        head = f"{capital(old_names)} is split into {new_names}"
    elif pair.kind == "merged":
        head = f"{capital(old_names)} are merged into {new_names}"
    elif pair.renumbered:
        head = f"{capital(old_names)} becomes {new_names}"
    else:
        head = capital(old_names)
    details = []
    if pair.moved:
        where = f"now after {previous_new.label}" if previous_new is not None else "now first"
        details.append(f"moved ({where})")
    if pair.kind in ("split", "merged"):
        details.append("amended" if wording_differs(olds, news) else "text unchanged")
    elif pair.kind == "modified":
        details.append("amended")
    else:
        details.append("text unchanged")
    regrouped = "; ".join(_regrouped_blocks(pair, olds, news)) if len(olds) == len(news) == 1 else ""
    if head == capital(old_names) and not pair.moved:
        head = f"{head} is {'amended' if pair.kind == 'modified' else 'unchanged'}"
        return f"{head}; {regrouped}." if regrouped else f"{head}."
    return f"{head}; {', '.join(details)}" + (f"; {regrouped}." if regrouped else ".")


def _regrouped_blocks(pair: ProvisionPair, olds: tuple[Provision, ...], news: tuple[Provision, ...]) -> list[str]:
    """The paragraph-level splits and merges inside a pair, in a reader's words: "recitals 3 and 4 are merged
    into recital 3", "its text is split into the chapeau and points 1 and 2"."""
    old_names, new_names = _block_names(olds), _block_names(news)
    phrases = []
    for block in pair.blocks:
        if block.kind == "merged":
            into = new_names[block.new[0]] if new_names[block.new[0]] != "its text" else "one paragraph"
            phrases.append(f"{_listed([old_names[e] for e in block.old])} are merged into {into}")
        elif block.kind == "split":
            phrases.append(f"{old_names[block.old[0]]} is split into {_listed([new_names[e] for e in block.new])}")
    return phrases


def _block_names(provisions: tuple[Provision, ...]) -> dict[str, str]:
    """How a reader names each block: "recital 3", "point (a)", "paragraph 2", "the chapeau", "its text"."""
    names = {}
    for provision in provisions:
        counts: dict[str, int] = {}
        for position, block in enumerate(provision.blocks, start=1):
            kind = block.kind if block.kind in ("recital", "point") else "paragraph"
            counts[kind] = counts.get(kind, 0) + 1
            number = (block.num or "").strip().rstrip(".")
            if block.kind == "intro":
                name = "the opening words" if provision.kind == "preamble" else "the chapeau"
                name += f" of paragraph {number}" if number else ""
            elif block.kind in ("formula", "wrapup"):
                name = "the formula" if block.kind == "formula" else "the closing words"
            elif kind != "paragraph":
                name = f"{kind} {number or counts[kind]}"
            elif number or len(provision.blocks) > 1:
                name = f"paragraph {number or position}"
            else:
                name = "its text"
            names[block.eid] = name
    return names


def _listed(names: list[str]) -> str:
    """Names joined for reading, those of one kind under one plural: "the chapeau and points 1 and 2"."""
    groups: list[tuple[str, list[str]]] = []
    for name in names:
        noun, _, number = name.partition(" ")
        if noun in ("recital", "point", "paragraph") and groups and groups[-1][0] == noun:
            groups[-1][1].append(number)
        elif noun in ("recital", "point", "paragraph"):
            groups.append((noun, [number]))
        else:
            groups.append((name, []))
    words = [f"{noun}s {_and(numbers)}" if len(numbers) > 1 else f"{noun} {numbers[0]}" if numbers else noun
             for noun, numbers in groups]
    return _and(words)


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def wording_differs(olds: tuple[Provision, ...], news: tuple[Provision, ...]) -> bool:
    """Whether the paragraphs' wording differs, their numbers and the articles' nums and headings aside.

    Exact text, not the aligner's similarity (which folds case, punctuation and
    word order away): for a legal reader "shall" to "Shall" or "." to ";" is an
    amendment.
    """
    return [b.body for p in olds for b in p.blocks] != [b.body for p in news for b in p.blocks]
