"""``history --format json`` and ``three-way --format json``: the history of a series, and a base with two
proposals, as plain data for scripts (fields in docs/history.md)."""

from __future__ import annotations

from typing import Any

from treaty_diff.model.history import (
    BlameRun,
    History,
    Lineage,
    ObligationEvent,
    Occurrence,
    SeriesReport,
    ThreeWay,
    ThreeWayRow,
    Version,
    version_label,
)
from treaty_diff.model.obligations import ObligationChange
from treaty_diff.render.base import Renderer, RenderOptions, register
from treaty_diff.render.drafts import meta_dict
from treaty_diff.render.json import change_dict
from treaty_diff.render.obligations import obligation_dict
from treaty_diff.render.page import json_text

SCHEMA_VERSION = "1.0"


def _version(version: Version) -> dict[str, Any]:
    return {"version": version.label, **meta_dict(version.meta)}


def blame_runs(blame: tuple[BlameRun, ...]) -> list[dict[str, str]]:
    return [{"text": run.text, "version": version_label(run.version)} for run in blame]


def _occurrence(occurrence: Occurrence) -> dict[str, Any]:
    info = occurrence.provision
    return {
        "version": version_label(occurrence.version),
        "eId": info.eid,
        "num": info.num,
        "heading": info.heading,
        "label": info.label,
        "state": occurrence.state,
        "renumbered": occurrence.renumbered,
        "moved": occurrence.moved,
        "change": occurrence.change_id,
        "description": occurrence.description,
        "provenance": info.provenance,
        "text": info.text,
        "segments": [{"op": s.op, "text": s.text} for s in occurrence.segments],
        "obligations": [obligation_dict(o) for o in occurrence.obligations],
    }


def obligation_change_dict(change: ObligationChange) -> dict[str, Any]:
    return {
        "status": change.status,
        "headline": change.headline,
        "reasons": list(change.reasons),
        "old": change.old_label,
        "new": change.new_label,
        "old_quote": change.old.quote if change.old else None,
        "new_quote": change.new.quote if change.new else None,
    }


def _obligation_event(event: ObligationEvent) -> dict[str, Any]:
    return {"version": version_label(event.version), **obligation_change_dict(event.change)}


def _lineage(lineage: Lineage, history: History) -> dict[str, Any]:
    return {
        "id": lineage.id,
        "label": lineage.label,
        "first": version_label(lineage.first),
        "end": version_label(lineage.end) if lineage.end is not None else None,
        "origin": lineage.origin,
        "merged_into": lineage.merged_into,
        "cells": [lineage.cell(v.index).state for v in history.versions],
        "events": [{"version": version_label(e.version), "kinds": list(e.kinds), "description": e.description,
                    "related": list(e.related)} for e in lineage.events],
        "obligation_events": [_obligation_event(e) for e in lineage.obligation_events],
        "occurrences": [_occurrence(o) for o in lineage.occurrences],
    }


def history_dict(report: SeriesReport) -> dict[str, Any]:
    """The whole history as plain JSON-able data."""
    history = report.history
    reinstated = [sum(1 for lineage in history.lineages for e in lineage.events
                      if e.version == k and "reinstated" in e.kinds) for k in range(len(history.versions))]
    return {
        "schema_version": SCHEMA_VERSION,
        "versions": [_version(v) for v in history.versions],
        "steps": [{"from": version_label(k), "to": version_label(k + 1),
                   "summary": {**step.summary.as_dict(), "reinstated": reinstated[k + 1]}}
                  for k, step in enumerate(history.steps)],
        "obligations_compared": history.obligations,
        "reinstate_threshold": history.reinstate_threshold,
        "focus": list(report.focus),
        "lineages": [_lineage(lineage, history) for lineage in history.lineages],
        "blame": {
            "version": version_label(report.at),
            "provisions": [{"lineage": lineage.id, "eId": o.provision.eid, "label": o.label,
                            "provenance": o.provision.provenance, "runs": blame_runs(o.blame)}
                           for lineage, o in history.at(report.at)],
        },
    }


@register
class HistoryJsonRenderer(Renderer[SeriesReport]):
    """The history of a series, for scripts."""

    name = "json"
    subject = "history"
    suffixes = (".json",)
    description = "versions, steps, lineages with every occurrence, redline, blame and obligations"

    def render(self, value: SeriesReport, options: RenderOptions) -> str:
        return json_text(history_dict(value))


# -- three-way ----------------------------------------------------------------------------------------------------


def _row(row: ThreeWayRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "status": row.status,
        "overlap": row.overlap,
        "label": row.label,
        "description": row.description,
        "base": [info.eid for info in row.base],
        "base_num": [info.num for info in row.base],
        "a": [change_dict(change) for change in row.a],
        "b": [change_dict(change) for change in row.b],
    }


def three_way_dict(value: ThreeWay) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "base": meta_dict(value.base),
        "a": meta_dict(value.a),
        "b": meta_dict(value.b),
        "counts": dict(value.counts),
        "rows": [_row(row) for row in value.rows],
    }


@register
class ThreeWayJsonRenderer(Renderer[ThreeWay]):
    """A base and two proposals, row by row, for scripts."""

    name = "json"
    subject = "three-way"
    suffixes = (".json",)
    description = "each row's status (unchanged, only-a, only-b, agree, conflict) and both proposals' changes"

    def render(self, value: ThreeWay, options: RenderOptions) -> str:
        return json_text(three_way_dict(value))
