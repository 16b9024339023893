"""Helpers of the tests, the benchmarks and scripts/page_weight.py: a local server, the
Chromium launch settings, one page of each type, and fields not shown as text."""
