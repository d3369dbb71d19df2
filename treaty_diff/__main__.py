"""``python -m treaty_diff``."""

from treaty_diff.cli import main

main()
