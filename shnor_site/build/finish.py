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
            finish_files(fast, site_files(plan))
        else:
            logs.extend(finish_pages(fast, plan, [by_uri[uri] for uri in data], render_page))
        times[kind] = time.time()

    def outcome() -> Outcome:
        ids, links, counts, keys = fast.take()
        made = Outcome(ids, links, list(logs), counts, dict(times), keys)
        logs.clear()
        return made

    helper = can_fork() and cores() > 1 and len(specs) > 4 * CHUNK
    first = first_of_each_kind(specs) if helper else []
    logs.extend(finish_pages(fast, plan, first, render_page))  # the helper inherits what
    done = {s.uri for s in first}  # these made: compiled templates, skeletons of the theme
    result = outcome()
    result.merge(share(tasks_for([s.uri for s in specs if s.uri not in done], job.search),
                       run, outcome, describe, helper))
    messages, elsewhere = fast.conclude(result.ids, result.links, result.keys)
    report("finished", {"logs": result.logs + messages, "elsewhere": elsewhere,
                        "counts": result.counts, "times": result.times, "helper": helper})


def finish_files(fast: Any, files: Any) -> None:
    """Write every file (original texts, calendars, open data, feeds) into the site."""
    for uri, chunks in files:
        fast.write(uri, chunks)


def finish_pages(fast: Any, plan: Any, specs: list[Any], render_page: Any,
                 ) -> list[tuple[str, int, str]]:
    """Render, convert, theme and write these pages; MkDocs' messages about them."""
    logs: list[tuple[str, int, str]] = []
    for spec in specs:
        logs.extend(fast.page(spec.uri, render_page(plan, spec)))
    return logs


def first_of_each_kind(specs: list[Any], each: int = 2) -> list[Any]:
    """The first pages of each template, folder and depth (two make a skeleton)."""
    seen: dict[tuple, int] = {}
    out = []
    for spec in specs:
        key = (spec.template, spec.uri.split("/", 1)[0], spec.uri.count("/"))
        if seen.get(key, 0) < each:
            seen[key] = seen.get(key, 0) + 1
            out.append(spec)
    return out
