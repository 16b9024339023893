"""Synthetic national-scale content and the build benchmark (run by hand, not in CI)."""
