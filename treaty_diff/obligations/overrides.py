"""Analysts' overrides: a clause's modality or an element's verdict pinned by hand, with the tool's own answer kept.

An overrides file (read by :mod:`treaty_diff.read.overrides`) pins

- the **modality** of a clause: the clause of a draft's provision whose quote contains the given words
  (:func:`apply_modality_overrides`; the clause keeps the modality the tool found in ``tool_modality``, and the
  reason in ``override``). Everything downstream (coverage, the comparison of two drafts) reads the pinned one;
- the **verdict** of a checklist element for a draft (:func:`pin_verdict`): the report shows the pinned status and
  reason, with the tool's own verdict beside it (``Verdict.tool``).

An override that names no clause, or several, is an input error of the file, never silently ignored: see
:func:`unmatched_overrides`.
"""

from __future__ import annotations

from dataclasses import replace

from treaty_diff.model.coverage import Overrides, Verdict
from treaty_diff.model.obligations import ModalityOverride, Obligation


def _matches(override: ModalityOverride, obligation: Obligation) -> bool:
    return (override.draft == obligation.draft and override.eid == obligation.eid
            and " ".join(override.quote.split()) in " ".join(obligation.quote.split()))


def apply_modality_overrides(obligations: tuple[Obligation, ...], overrides: Overrides) -> tuple[Obligation, ...]:
    """The obligations with the modalities the overrides pin (the tool's own in ``tool_modality``)."""
    if not overrides.modalities:
        return obligations
    out = []
    for obligation in obligations:
        pinned = next((o for o in overrides.modalities if _matches(o, obligation)), None)
        if pinned is None:
            out.append(obligation)
        else:
            out.append(replace(obligation, modality=pinned.modality, tool_modality=obligation.modality,
                               override=pinned.reason))
    return tuple(out)


def unmatched_overrides(obligations: tuple[Obligation, ...], overrides: Overrides, draft_id: str) -> list[str]:
    """One message per modality override of ``draft_id`` that names no clause or more than one."""
    problems = []
    for override in overrides.modalities:
        if override.draft != draft_id:
            continue
        found = [o for o in obligations if _matches(override, o)]
        where = f"{overrides.source}:{override.line}" if overrides.source else f"line {override.line}"
        if not found:
            problems.append(f"{where}: no clause of {draft_id} {override.eid} contains {override.quote!r}")
        elif len(found) > 1:
            problems.append(f"{where}: {len(found)} clauses of {draft_id} {override.eid} contain {override.quote!r}; "
                            f"quote more of the clause")
    return problems


def pin_verdict(verdict: Verdict, element_id: str, draft_id: str, overrides: Overrides | None) -> Verdict:
    """The verdict an analyst pinned for this element and draft (with the tool's own beside it), else ``verdict``."""
    if overrides is None:
        return verdict
    pinned = next((v for v in overrides.verdicts if v.element == element_id and v.draft == draft_id), None)
    if pinned is None:
        return verdict
    return Verdict(pinned.status, verdict.citations if pinned.status != "absent" else (), pinned.reason,
                   override=pinned.reason, tool=verdict)
