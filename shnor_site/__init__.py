"""shnor-site: publish municipal programmes for schools with low results (ШНОР/ШНСУ).

One sub-package per stage, each importing only the stages before it:
`core` (models, problems, catalogue, text filters) → `content` (load, validate) →
`layout` (page parts) → `graph` (links, timings, schedule) → `render` (Jinja2, addresses,
charts) → `outputs` (calendars, feeds, open data) → `pages` (page specs, the site plan) →
`search` (the index) → `build` (staging, worker, guard) → adapters: `mkdocs_plugin`, `cli`.
tests/test_architecture.py holds the order and proves there are no import cycles.
"""

__version__ = "0.1.0"
