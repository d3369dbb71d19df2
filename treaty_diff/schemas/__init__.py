"""JSON Schemas of the JSON outputs (shipped with the package)."""
