"""The graph: a valid catalogue linked into who-touches-what.

Takes a `Catalogue` free of errors. `link.py` builds the `Graph` (school ↔ programme ↔ event
↔ organisation, pairs, event pages); `practices.py` links the bank (by school, programme,
facet and risk); `timing.py` turns written timings into date ranges; `tracking.py` judges
each event against the build date (`Schedule`); `indicators.py` reads indicator values as
numbers and compares them across municipalities. Hands the `Graph` and the `Schedule` on
to `render/`, `outputs/`, `pages/` and `search/`.
"""
