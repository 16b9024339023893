"""Build: the generated site made beside MkDocs, safely.

Takes a `Job` (content, templates, staging folder). `produce.py` runs the stages in order
and writes pages, files and the search index into the staging folder, reporting each;
`worker.py` runs it in a spawned second process and tells MkDocs when each file is ready;
`finish.py` and `parallel.py` write finished pages, files and the index there, shared
with a forked helper; `failure.py` words a failure; `profiling.py` profiles the worker;
`progress.py` prints progress on a terminal; `rawhtml.py` keeps HTML blocks away from
Python-Markdown; `guard.py` refuses a page with active content; `atomic.py` swaps a
finished site in; `export.py` writes the rendered Markdown for another generator.
Nothing here imports MkDocs; `mkdocs_plugin/` and `cli/` use it.
"""
