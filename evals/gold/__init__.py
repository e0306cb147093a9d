"""The gold set, shipped inside the package as ``assistant._gold`` (see evals/METRICS.md)."""
