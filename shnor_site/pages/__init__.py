"""Pages: which pages the site has, and what each template receives.

Takes the graph, the schedule and the layout. `spec.py` declares a page (`PageSpec`);
`records.py` (home, indexes, records), `programme.py`, `practices.py`, `site_lists.py`
and `timeline_parts.py` produce the specs; `plan.py` gathers them with the files into a
`SitePlan` and renders one page at a time to Markdown. Hands pages and files to `build/`.
"""
