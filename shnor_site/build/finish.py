"""Finish the pages outside the navigation, the files and the search index in the worker.

`finish` is produce()'s last step when the MkDocs plugin gave the job a finisher
(`Job.fast`, mkdocs_plugin/fastpage.py, which turns a page's Markdown into the final HTML
file). The work is shared with a forked helper where possible (parallel.py). One report
("finished", {...}) tells the plugin what it must still do: repeat MkDocs' messages about
these pages, check their links into pages MkDocs rendered, and when each step ended.
Nothing here imports MkDocs.
"""

from __future__ import annotations

import time
from typing import Any

from shnor_site.build.failure import describe
from shnor_site.build.parallel import CHUNK, Outcome, can_fork, cores, share, tasks_for


def finish(job: Any, plan: Any, specs: list[Any], report: Any) -> None:
    """Write the finished pages of `specs`, every file and the search index; report once."""
    from shnor_site.pages.plan import render_page, site_files
    from shnor_site.search.site_index import INDEX_DIR, build_search_index

    fast, by_uri = job.fast, {s.uri: s for s in specs}
    logs: list[tuple[str, int, str]] = []
    times: dict[str, float] = {}

    def run(kind: str, data: Any) -> None:
        if kind == "search":
            build_search_index(plan.graph, job.stage / INDEX_DIR, job.docs)
        elif kind == "files":
            for uri, chunks in site_files(plan):
                fast.write(uri, chunks)
        else:
            for uri in data:
                logs.extend(fast.page(uri, render_page(plan, by_uri[uri])))
        times[kind] = time.time()

    def outcome() -> Outcome:
        return Outcome(dict(fast.ids), dict(fast.links), list(logs), dict(fast.counts),
                       dict(times), fast.used_keys())

    helper = can_fork() and cores() > 1 and len(specs) > 4 * CHUNK
    result = share(tasks_for([s.uri for s in specs], job.search), run, outcome, describe,
                   helper)
    messages, elsewhere = fast.conclude(result.ids, result.links, result.keys)
    report("finished", {"logs": result.logs + messages, "elsewhere": elsewhere,
                        "counts": result.counts, "times": result.times, "helper": helper})
