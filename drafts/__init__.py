"""The bundled corpus of drafts (installed as the package ``treaty_diff.drafts``)."""
