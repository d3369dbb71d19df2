"""Renderers: one interface, one registry (see base.py)."""
