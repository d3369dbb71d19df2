"""History across a series of drafts: lineages of provisions, word-level blame, and three-way views.

- :mod:`.order`: the drafts of a series in order (by date, or as given), with the checks;
- :mod:`.series`: :func:`build_history`, one comparison per step, lineages and blame carried forward;
- :mod:`.blame`: blame carried through a diff;
- :mod:`.reinstate`: the rule that takes a new provision for a deleted one come back;
- :mod:`.report`: what the ``history`` command shows (the version of the blame, the provisions in focus, the
  consolidated comparison of two chosen versions);
- :mod:`.threeway`: a base draft and two proposals, provision by provision.

The values are in :mod:`treaty_diff.model.history`.
"""

from treaty_diff.history.series import HistoryOptions, build_history, history_of_steps

__all__ = ["HistoryOptions", "build_history", "history_of_steps"]
