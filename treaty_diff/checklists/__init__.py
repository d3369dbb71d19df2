"""Bundled coverage checklists (XML) and their RelaxNG schema; data only, read through importlib.resources."""
