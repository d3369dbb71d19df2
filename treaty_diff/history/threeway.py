"""A base draft and two proposals made from it, provision by provision: who changed what, where they agree,
where they conflict.

Each proposal is compared with the base (``compare``). The base's provisions
are grouped so that a split or merge in either proposal keeps its provisions in
one row. A proposal **touches** a row when one of its changes there is not
"unchanged" or moves a provision (a new number alone is the echo of a change
elsewhere). A row touched by neither is unchanged; by one, ``only-a`` or
``only-b``; by both, ``agree`` when the two give the same result (the same
texts, nums aside, and both moved or neither) and ``conflict`` otherwise. For a
conflict on one provision that both amend, ``overlap`` says whether their edits
touch the same words of the base (an insertion at the edge of the other's
edit counts as touching it). A provision a proposal adds is a row of its own,
after the base provisions that come before it in that proposal; the additions
of the two proposals are paired by the reinstatement rule's agreement
(:mod:`.reinstate`): paired, they agree when their texts are the same, else
they conflict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from treaty_diff.compare import CompareOptions, compare
from treaty_diff.history.reinstate import REINSTATE_THRESHOLD, agreement
from treaty_diff.model.comparison import Change, Comparison, ProvisionInfo
from treaty_diff.model.draft import BLOCK_SEPARATOR, Draft
from treaty_diff.model.history import ThreeWay, ThreeWayRow, ThreeWayStatus


def three_way(base: Draft, a: Draft, b: Draft) -> ThreeWay:
    """What proposals ``a`` and ``b`` each do to ``base``, row by row (see the module's doc)."""
    options = CompareOptions(obligations=False)
    return three_way_of(compare(base, a, options), compare(base, b, options))


def three_way_of(with_a: Comparison, with_b: Comparison) -> ThreeWay:
    """The three-way view from the two comparisons with the base (``with_a.old`` is ``with_b.old``)."""
    groups, group_of = _groups(with_a, with_b)
    names = (with_a.new.id, with_b.new.id)
    per_group_a = _by_group(with_a, group_of, len(groups))
    per_group_b = _by_group(with_b, group_of, len(groups))
    added_a, added_b = _added(with_a, group_of), _added(with_b, group_of)
    rows: list[ThreeWayRow] = []
    pairs = _pair_additions([c for _, c in added_a], [c for _, c in added_b])
    paired_b = {j for _, j in pairs.items()}
    extra: dict[int, list[tuple[Change | None, Change | None]]] = {}
    for i, (anchor, change) in enumerate(added_a):
        j = pairs.get(i)
        extra.setdefault(anchor, []).append((change, added_b[j][1] if j is not None else None))
    for j, (anchor, change) in enumerate(added_b):
        if j not in paired_b:
            extra.setdefault(anchor, []).append((None, change))
    for index in range(-1, len(groups)):
        if index >= 0:
            rows.append(_row(groups[index], per_group_a[index], per_group_b[index], names))
        for change_a, change_b in extra.get(index, ()):
            rows.append(_added_row(change_a, change_b, names))
    numbered = tuple(replace(row, id=f"r{n}") for n, row in enumerate(rows, start=1))
    return ThreeWay(with_a.old, with_a.new, with_b.new, numbered)


def _groups(*comparisons: Comparison) -> tuple[list[tuple[ProvisionInfo, ...]], dict[str, int]]:
    """The base's provisions in its order, grouped by the changes (of either comparison) that take several."""
    infos = comparisons[0].provisions_in_order("old")
    parent = {info.eid: info.eid for info in infos}

    def root(eid: str) -> str:
        while parent[eid] != eid:
            parent[eid] = parent[parent[eid]]
            eid = parent[eid]
        return eid

    for comparison in comparisons:
        for change in comparison.changes:
            for info in change.old[1:]:
                parent[root(info.eid)] = root(change.old[0].eid)
    groups: dict[str, list[ProvisionInfo]] = {}
    for info in infos:
        groups.setdefault(root(info.eid), []).append(info)
    ordered = [tuple(group) for group in groups.values()]
    return ordered, {info.eid: n for n, group in enumerate(ordered) for info in group}


def _by_group(comparison: Comparison, group_of: dict[str, int], count: int) -> list[tuple[Change, ...]]:
    found: list[list[Change]] = [[] for _ in range(count)]
    for change in comparison.changes:
        if change.old:
            found[group_of[change.old[0].eid]].append(change)
    return [tuple(changes) for changes in found]


def _added(comparison: Comparison, group_of: dict[str, int]) -> list[tuple[int, Change]]:
    """The provisions a proposal adds, each with the group of the last base provision read before it (-1: none)."""
    out: list[tuple[int, Change]] = []
    last = -1
    for item in comparison.redline:
        change = comparison.change(item.change_id)
        if change.old:
            last = max(last, group_of[change.old[0].eid]) if item.role != "moved-to" else last
        elif change.kind == "inserted":
            out.append((last, change))
    return out


def _content(info: ProvisionInfo) -> str:
    """A provision's text without its num (a proposal's additions are numbered in its own way)."""
    return info.text[len(info.num) + len(BLOCK_SEPARATOR):] if info.num else info.text


def _pair_additions(a: Sequence[Change], b: Sequence[Change]) -> dict[int, int]:
    """Additions of the two proposals on the same matter: the best agreeing pairs first, one to one."""
    scored = sorted((-agreement(_content(x.new[0]), _content(y.new[0])), i, j)
                    for i, x in enumerate(a) for j, y in enumerate(b))
    out: dict[int, int] = {}
    taken: set[int] = set()
    for negative, i, j in scored:
        if -negative >= REINSTATE_THRESHOLD and i not in out and j not in taken:
            out[i] = j
            taken.add(j)
    return out


def _touched(changes: Sequence[Change]) -> bool:
    return any(change.kind != "unchanged" or change.moved for change in changes)


def _outcome(changes: Sequence[Change]) -> tuple[tuple[str, ...], bool]:
    return tuple(_content(info) for change in changes for info in change.new), any(c.moved for c in changes)


def _said(name: str, changes: Sequence[Change]) -> str:
    return f"{name}: " + " ".join(change.description for change in changes)


def _row(base: tuple[ProvisionInfo, ...], a: tuple[Change, ...], b: tuple[Change, ...],
         names: tuple[str, str]) -> ThreeWayRow:
    label = " and ".join(info.label for info in base)
    touched_a, touched_b = _touched(a), _touched(b)
    overlap = None
    status: ThreeWayStatus
    if not touched_a and not touched_b:
        status, description = "unchanged", f"Neither proposal changes {label}."
    elif touched_a and not touched_b:
        status, description = "only-a", f"Only {names[0]} changes {label}. {_said(names[0], a)}"
    elif touched_b and not touched_a:
        status, description = "only-b", f"Only {names[1]} changes {label}. {_said(names[1], b)}"
    elif _outcome(a) == _outcome(b):
        status, description = "agree", f"Both proposals make the same change to {label}. {_said(names[0], a)}"
    else:
        status = "conflict"
        overlap = _overlap(base, a, b)
        where = {True: " They edit the same words.", False: " They edit different words of it.", None: ""}[overlap]
        description = (f"Both proposals change {label}, differently. {_said(names[0], a)} "
                       f"{_said(names[1], b)}{where}")
    return ThreeWayRow("", status, base, a, b, description, overlap)


def _added_row(a: Change | None, b: Change | None, names: tuple[str, str]) -> ThreeWayRow:
    status: ThreeWayStatus
    if a is not None and b is not None:
        same = _content(a.new[0]) == _content(b.new[0])
        status = "agree" if same else "conflict"
        description = (f"Both proposals add {a.new[0].label}, in the same words." if same else
                       f"Both proposals add a provision on the same matter, worded differently: {a.new[0].label} "
                       f"in {names[0]}, {b.new[0].label} in {names[1]}.")
    elif a is not None:
        status, description = "only-a", f"Only {names[0]} adds {a.new[0].label}."
    else:
        assert b is not None
        status, description = "only-b", f"Only {names[1]} adds {b.new[0].label}."
    return ThreeWayRow("", status, (), (a,) if a else (), (b,) if b else (), description)


def _edits(change: Change, skip: int) -> list[tuple[int, int]]:
    """The places of the base text (from ``skip`` on) a change edits: deleted ranges, and insertions as empty ones."""
    out: list[tuple[int, int]] = []
    position = 0
    for segment in change.segments:
        size = len(segment.text)
        if segment.op == "insert":
            if position >= skip:
                out.append((position, position))
        elif segment.op == "delete":
            if position + size > skip:
                out.append((max(position, skip), position + size))
            position += size
        else:
            position += size
    return out


def _overlap(base: tuple[ProvisionInfo, ...], a: tuple[Change, ...], b: tuple[Change, ...]) -> bool | None:
    """Whether two amendments of one provision touch the same words of it (its num aside); None when either is
    not a plain amendment."""
    if len(base) != 1 or len(a) != 1 or len(b) != 1 or a[0].kind != "modified" or b[0].kind != "modified":
        return None
    skip = len(base[0].num) + len(BLOCK_SEPARATOR) if base[0].num else 0
    for start_a, end_a in _edits(a[0], skip):
        for start_b, end_b in _edits(b[0], skip):
            if start_a <= end_b and start_b <= end_a:
                return True
    return False
