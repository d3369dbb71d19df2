"""Importing this module registers every built-in renderer."""

from treaty_diff.render import coverage, docx, html, json, obligations, text  # noqa: F401
