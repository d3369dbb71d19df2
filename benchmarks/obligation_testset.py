"""The extractor scored against clauses labelled by hand: precision, recall, modality and bearer accuracy per text.

    python benchmarks/obligation_testset.py [--labels DIR] [--only NAME ...] [--list] [--json FILE] [--check]

Every ``*.json`` file of the label directory (default ``tests/data/labels``) names one text and lists its normative
clauses, labelled by hand before the extractor was run on the text (the format of the files there):

    {"draft": "launch-protocol", "text": "tests/data/obligations/launch-protocol.txt",
     "clauses": [{"eId": "art_2", "key": "words of the clause as printed", "modality": "obligation",
                  "bearer": "each State Party", "note": "optional"}],
     "left_out": [{"eId": "art_1", "text": "...", "why": "a definition"}]}

``text`` is a draft file (Akoma Ntoso, ``.txt`` or ``.docx``), relative to the label file's directory or to the
repository; without it, ``draft`` is a bundled draft id. Each ``key`` must occur exactly once in its provision's
text (``--check`` checks that alone, without extracting anything).

Matching: an extracted clause can stand for a label when it is in the same provision and its quote covers at least
half of the label's key. Labels and clauses are then paired one to one, as many pairs as possible (augmenting
paths; among equally many, the larger overlaps are preferred). Figures:

- precision: paired clauses / clauses extracted; recall: paired labels / labels;
- modality accuracy: paired labels whose modality the clause has / paired labels;
- bearer accuracy: over the paired labels that name a bearer (a subject, or the agent of a passive), those whose
  bearer the clause names the same, determiners, number and a trailing "to this Treaty" aside
  ("each State Party" = "States Parties" = "any State Party to this Treaty"); ``unspecified`` agreement is the
  share of the paired labels without a named bearer for which the clause names none either.

A clause the label file lists under ``left_out`` still counts against precision (``--list`` marks it).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from treaty_diff.model.draft import Draft
from treaty_diff.model.obligations import MODALITIES, UNSPECIFIED, Obligation
from treaty_diff.obligations.extract import extract_obligations
from treaty_diff.read.corpus import load_draft

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "labels"

_DETERMINERS = frozenset({"each", "any", "every", "a", "an", "the", "that", "this", "those", "these", "such", "all",
                          "either", "neither", "no", "both", "of"})
_TO_INSTRUMENT = re.compile(r"\s+(?:to|of)\s+(?:this|the\s+present|the)\s+"
                            r"(?:Treaty|Agreement|Convention|Protocol|Code)$",
                            re.IGNORECASE)


@dataclass(frozen=True)
class Label:
    eid: str
    key: str
    modality: str
    bearer: str
    start: int
    end: int


@dataclass(frozen=True)
class Scored:
    name: str
    register: str
    labels: tuple[Label, ...]
    found: tuple[Obligation, ...]
    pairs: tuple[tuple[Label, Obligation], ...]
    left_out: tuple[tuple[str, str], ...]

    @property
    def missed(self) -> list[Label]:
        used = {id(label) for label, _ in self.pairs}
        return [label for label in self.labels if id(label) not in used]

    @property
    def extra(self) -> list[Obligation]:
        used = {id(ob) for _, ob in self.pairs}
        return [ob for ob in self.found if id(ob) not in used]


def bearer_key(bearer: str) -> str:
    """A bearer without determiners, a trailing "to this Treaty" and number: "each State Party" -> "state party"."""
    text = _TO_INSTRUMENT.sub("", bearer.strip())
    words = []
    for word in text.casefold().split():
        if word in _DETERMINERS and not words:
            continue
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith(("ss", "us")) and len(word) > 3:
            word = word[:-1]
        words.append(word)
    return " ".join(words)


def _draft(label_file: Path, data: dict[str, Any]) -> Draft:
    text = data.get("text")
    if not text:
        return load_draft(data["draft"])
    for base in (label_file.parent, ROOT):
        if (base / text).exists():
            return load_draft(str(base / text))
    raise SystemExit(f"{label_file}: text {text!r} not found")


def read_labels(label_file: Path) -> tuple[Draft, dict[str, Any], tuple[Label, ...]]:
    """The draft and the labels of a file, each placed in its provision's text (an error names any bad key)."""
    data = json.loads(label_file.read_text(encoding="utf-8"))
    draft = _draft(label_file, data)
    labels = []
    for entry in data["clauses"]:
        if entry["modality"] not in MODALITIES:
            raise SystemExit(f"{label_file}: {entry['eId']}: unknown modality {entry['modality']!r}")
        text = draft.provision(entry["eId"]).text
        start = text.find(entry["key"])
        if start < 0 or text.find(entry["key"], start + 1) >= 0:
            where = "not found" if start < 0 else "found twice"
            raise SystemExit(f"{label_file}: {entry['eId']}: key {where}: {entry['key']!r}")
        labels.append(Label(entry["eId"], entry["key"], entry["modality"], entry["bearer"], start,
                            start + len(entry["key"])))
    return draft, data, tuple(labels)


def _overlap(label: Label, ob: Obligation) -> int:
    if ob.eid != label.eid:
        return 0
    covered = min(label.end, ob.end) - max(label.start, ob.start)
    return covered if covered * 2 >= label.end - label.start else 0


def pair(labels: tuple[Label, ...], found: tuple[Obligation, ...]) -> tuple[tuple[Label, Obligation], ...]:
    """As many (label, clause) pairs as possible, one to one; each label tries its larger overlaps first."""
    options = [sorted((j for j, ob in enumerate(found) if _overlap(label, ob)),
                      key=lambda j, label=label: -_overlap(label, found[j])) for label in labels]  # type: ignore[misc]
    owner: dict[int, int] = {}  # clause index -> label index

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(labels)):
        augment(i, set())
    return tuple(sorted(((labels[i], found[j]) for j, i in owner.items()), key=lambda p: labels.index(p[0])))


def score(label_file: Path) -> Scored:
    draft, data, labels = read_labels(label_file)
    found = extract_obligations(draft)
    left_out = tuple((entry["eId"], entry["text"]) for entry in data.get("left_out", []))
    return Scored(data.get("draft", label_file.stem), data.get("register", ""), labels, found, pair(labels, found),
                  left_out)


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def figures(scores: list[Scored]) -> dict[str, Any]:
    pairs = [p for s in scores for p in s.pairs]
    named = [(label, ob) for label, ob in pairs if label.bearer != UNSPECIFIED]
    unnamed = [(label, ob) for label, ob in pairs if label.bearer == UNSPECIFIED]
    labels = sum(len(s.labels) for s in scores)
    found = sum(len(s.found) for s in scores)
    return {
        "labels": labels,
        "extracted": found,
        "matched": len(pairs),
        "precision": _ratio(len(pairs), found),
        "recall": _ratio(len(pairs), labels),
        "modality_accuracy": _ratio(sum(label.modality == ob.modality for label, ob in pairs), len(pairs)),
        "bearer_accuracy": _ratio(sum(bearer_key(label.bearer) == bearer_key(ob.bearer) for label, ob in named),
                                  len(named)),
        "named_bearers": len(named),
        "unspecified_agreement": _ratio(sum(ob.bearer == UNSPECIFIED for _, ob in unnamed), len(unnamed)),
    }


def details(scored: Scored) -> dict[str, Any]:
    def on_purpose(ob: Obligation) -> bool:
        quote = " ".join(ob.quote.split())
        return any(eid == ob.eid and (" ".join(text.split()) in quote or quote in " ".join(text.split()))
                   for eid, text in scored.left_out)

    return {
        "missed": [{"eId": label.eid, "key": label.key, "modality": label.modality, "bearer": label.bearer}
                   for label in scored.missed],
        "not_labelled": [{"eId": ob.eid, "modality": ob.modality, "bearer": ob.bearer, "quote": ob.quote,
                          "left_out_on_purpose": on_purpose(ob)} for ob in scored.extra],
        "modality_differs": [{"eId": label.eid, "key": label.key, "label": label.modality, "found": ob.modality}
                             for label, ob in scored.pairs if label.modality != ob.modality],
        "bearer_differs": [{"eId": label.eid, "key": label.key, "label": label.bearer, "found": ob.bearer}
                           for label, ob in scored.pairs
                           if label.bearer != UNSPECIFIED and bearer_key(label.bearer) != bearer_key(ob.bearer)],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path, default=LABELS, help="directory of label files")
    parser.add_argument("--only", nargs="+", help="label file names (without .json) to score")
    parser.add_argument("--list", action="store_true", help="list misses, clauses not labelled and disagreements")
    parser.add_argument("--json", type=Path, help="also write the figures and the details as JSON")
    parser.add_argument("--check", action="store_true", help="only check that every key is found once")
    args = parser.parse_args()
    files = sorted(args.labels.glob("*.json"))
    if args.only:
        files = [f for f in files if f.stem in args.only]
    if args.check:
        for file in files:
            _, _, labels = read_labels(file)
            print(f"{file.name}: {len(labels)} labels, every key found once")
        return 0
    scores = [score(file) for file in files]
    rows = [(s.name, figures([s])) for s in scores] + [("all", figures(scores))]
    print(f"{'text':<24}{'labels':>7}{'found':>7}{'pairs':>7}{'precision':>10}{'recall':>8}{'modality':>9}"
          f"{'bearer':>8}{'(named)':>8}")
    for name, f in rows:
        print(f"{name:<24}{f['labels']:>7}{f['extracted']:>7}{f['matched']:>7}{f['precision']!s:>10}"
              f"{f['recall']!s:>8}{f['modality_accuracy']!s:>9}{f['bearer_accuracy']!s:>8}{f['named_bearers']:>8}")
    if args.list:
        for s in scores:
            d = details(s)
            print(f"\n== {s.name}")
            for m in d["missed"]:
                print(f"  missed        {m['eId']:<7} {m['modality']:<14} {m['bearer']}: {m['key']}")
            for x in d["not_labelled"]:
                mark = " (left out on purpose)" if x["left_out_on_purpose"] else ""
                print(f"  not labelled  {x['eId']:<7} {x['modality']:<14} {x['bearer']}: {x['quote'][:100]}{mark}")
            for x in d["modality_differs"]:
                print(f"  modality      {x['eId']:<7} label {x['label']}, found {x['found']}: {x['key']}")
            for x in d["bearer_differs"]:
                print(f"  bearer        {x['eId']:<7} label {x['label']!r}, found {x['found']!r}: {x['key']}")
    if args.json:
        args.json.write_text(json.dumps({"figures": dict(rows), "details": {s.name: details(s) for s in scores}},
                                        indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
