"""The ``treaty-diff`` command line: thin click commands over the library (the only part of treaty-diff that knows
exit codes, stderr and click).

- :mod:`.common`: the click group and what every command shares (messages, loading, formats, writing, progress);
- :mod:`.drafts`: ``list``, ``show``, ``validate``, ``import``;
- :mod:`.reports`: ``compare``, ``obligations``, ``coverage``;
- :mod:`.series`: ``history``, ``three-way``;
- :mod:`.main`: the entry point, signals, the exit status.
"""

from treaty_diff.cli import drafts, reports, series  # noqa: F401  (importing a command module registers its commands)
from treaty_diff.cli.common import ProgressBar, cli, summarise_warnings
from treaty_diff.cli.main import main

__all__ = ["ProgressBar", "cli", "main", "summarise_warnings"]
