"""Outputs: the files of a site that are not pages.

Takes the `Schedule` (and through it the graph). `ics.py` writes iCalendar files,
`feeds.py` Atom feeds, `opendata.py` the JSON/CSV tables and their schema; `files.py`
yields them all, one at a time, with their addresses. Hands (URI, bytes) to `pages/plan.py`.
"""
