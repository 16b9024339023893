"""Content: files under `content/` in, a checked catalogue out.

`load.py` reads YAML and front matter with the line of every value; `validate.py` turns each
file into a model and collects every problem (types, ids, references) with a stable code,
file:line, field, Russian message and hint; `practice_check.py` adds the checks of practice
files the model alone cannot make; `sources.py` reports text the HTML sanitiser would drop
and files the build would ignore. Hands a `core.catalogue.Catalogue` on to `graph/`.
"""
