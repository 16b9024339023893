"""Render: what templates see, and the pieces they draw with.

Takes the graph and the schedule. `env.py` is the Jinja2 environment (StrictUndefined,
autoescape, project filters); `urls.py` knows every page and file address and the
relative links between them; `schedule.py` adds timelines, calendar addresses and charts
to the `Schedule` for templates; `charts.py` and `timeline.py` draw small static SVGs.
Hands the environment to `pages/`, and addresses to `outputs/` and `search/`.
"""
