"""Finish the pages outside the navigation, the files and the search index in the worker.

`finish` is produce()'s last step when the MkDocs plugin gave the job a finisher
(`Job.fast`, mkdocs_plugin/fastpage.py, which turns a page's Markdown into the final HTML
file). The work is shared with a forked helper where possible (parallel.py). One report
("finished", {...}) tells the plugin what it must still do: repeat MkDocs' messages about
these pages, check their links into pages MkDocs rendered, and when each step ended.
Nothing here imports MkDocs.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from shnor_site.build.failure import describe
from shnor_site.build.incremental import FilesMemo, Incremental, code_salt, text_digest
from shnor_site.build.parallel import CHUNK, Outcome, can_fork, cores, share, tasks_for
from shnor_site.build.search_child import SearchChild, room_for_a_copy, watching
from shnor_site.core.tracked import reading


def finish(job: Any, plan: Any, specs: list[Any], report: Any,
           content: tuple[str, dict[str, str]] | None = None,
           child: SearchChild | None = None) -> None:
    """Write the finished pages of `specs`, every file and the search index (unless `child`
    makes it); report once. `content` is content_state() when there is a cache."""
    from shnor_site.pages.plan import file_uris

    fast, by_uri = job.fast, {s.uri: s for s in specs}
    logs: list[tuple[str, int, str]] = []
    times: dict[str, float] = {}
    inc = incremental_for(job, plan, content)
    pages = Pages(fast, plan, inc)

    def run(kind: str, data: Any) -> None:
        if kind == "search":
            fast.counts.update(search_index(job, plan.graph, content))
        elif kind == "files":
            pages.files(file_uris(plan))
        else:
            logs.extend(pages.finish([by_uri[uri] for uri in data]))
        times[kind] = time.time()

    def outcome() -> Outcome:
        ids, links, counts, keys = fast.take()
        made = Outcome(ids, links, list(logs), counts, dict(times), keys,
                       inc.take() if inc is not None else {}, pages.take_files())
        logs.clear()
        return made

    helper = can_fork() and cores() > 1 and len(specs) > 4 * CHUNK
    first = first_of_each_kind(specs) if helper else []
    logs.extend(pages.finish(first))  # the helper inherits what these made: compiled
    done = {s.uri for s in first}  # templates, skeletons of the theme
    result = outcome()
    result.merge(share(tasks_for([s.uri for s in specs if s.uri not in done],
                                 job.search and child is None),
                       run, outcome, describe, helper))
    if child is not None:
        counts, times["search"] = child.join()
        result.counts.update(counts)
        result.times["search"] = times["search"]
    messages, elsewhere = fast.conclude(result.ids, result.links, result.keys)
    if inc is not None:
        inc.save(result.memos, result.files)
        result.counts.update({"rendered": len(specs) - pages_reused(result.counts),
                              "why": inc.reason})
    report("finished", {"logs": result.logs + messages, "elsewhere": elsewhere,
                        "counts": result.counts, "times": result.times, "helper": helper})


def incremental_for(job: Any, plan: Any, content: tuple[str, dict[str, str]] | None
                    ) -> Incremental | None:
    """The comparison with the last build, when finished pages are cached."""
    cache_dir = getattr(job.fast, "cache_dir", None)
    if not cache_dir or content is None:
        return None
    config = Path(job.fast.config_file)
    salt = code_salt([job.templates, job.docs], job.fast.salt(), str(plan.sched.today),
                     config.read_text(encoding="utf-8") if config.is_file() else "")
    return Incremental(Path(cache_dir), salt, content)


def pages_reused(counts: dict[str, Any]) -> int:
    """How many pages were taken whole from the last build."""
    return int(counts.get("reused", 0))


class Pages:
    """Renders, converts, themes and writes pages — or takes them from the last build."""

    def __init__(self, fast: Any, plan: Any, inc: Incremental | None) -> None:
        self.fast, self.plan, self.inc = fast, plan, inc
        self.made_files: FilesMemo | None = None

    def take_files(self) -> FilesMemo | None:
        """What the files were made from, when this process made them (once)."""
        out, self.made_files = self.made_files, None
        return out

    def finish(self, specs: list[Any]) -> list[tuple[str, int, str]]:
        """Make these pages; MkDocs' messages about them."""
        from shnor_site.pages.plan import render_page

        logs: list[tuple[str, int, str]] = []
        counts = self.fast.counts
        for spec in specs:
            memo = self.inc.reusable(spec.uri) if self.inc is not None else None
            kept = self.fast.reuse_page(spec.uri, memo) if memo is not None else None
            if kept is not None:
                logs.extend(kept.logs)
                counts["reused"] = counts.get("reused", 0) + 1
                self.inc.remember(spec.uri, kept)
                continue
            text, reads = reading(render_page, self.plan, spec)
            if self.inc is None:
                logs.extend(self.fast.page(spec.uri, text))
                continue
            digest = text_digest(text)  # once: the cache key and the memo share it
            logs.extend(self.fast.page(spec.uri, text, digest))
            self.inc.remember(spec.uri, self.fast.noted(spec.uri, digest, reads))
        return logs

    def files(self, uris: list[str]) -> None:
        """Write every file (original texts, calendars, open data, feeds) into the site, or
        link the last build's when nothing they were made from changed."""
        from shnor_site.pages.plan import site_files

        last = self.inc.files_reusable() if self.inc is not None else None
        if last is not None and set(last) == set(uris) and self.fast.link_files(last):
            self.fast.counts["files_linked"] = len(uris)
            self.made_files = FilesMemo(self.inc.last_files.reads, last)
            return
        _, reads = reading(finish_files, self.fast, site_files(self.plan))
        self.made_files = FilesMemo(reads, self.fast.file_stamps(uris))


def search_index(job: Any, graph: Any, content: tuple[str, dict[str, str]] | None,
                 check: Callable[[], None] | None = None) -> dict[str, int]:
    """Write the search index; what it took from the last build and made anew. Without a
    cache it is staged; with one it is written into the site, its unchanged documents
    and files taken from the last build (search/memo.py). `check` is called before each
    file (a child stops there when its worker is gone)."""
    from shnor_site.search.memo import LinkingSink, SearchMemo
    from shnor_site.search.site_index import INDEX_DIR, build_search_index

    fast = job.fast
    cache_dir = getattr(fast, "cache_dir", None)
    if not cache_dir or content is None:
        build_search_index(graph, job.stage / INDEX_DIR, job.docs)
        return {}
    structure, texts = content
    memo = SearchMemo(Path(cache_dir), code_salt([job.docs]) + structure, texts)

    def write(name: str, data: bytes) -> tuple[int, int] | None:
        if check is not None:
            check()
        return fast.write_stamped(f"{INDEX_DIR}/{name}", data)

    def link(name: str, written: tuple[int, int]) -> bool:
        if check is not None:
            check()
        return fast.link_one(f"{INDEX_DIR}/{name}", written)

    build_search_index(graph, LinkingSink(memo, write, link), job.docs, memo)
    return dict(memo.counts)


def early_search(job: Any, graph: Any, content: tuple[str, dict[str, str]] | None
                 ) -> SearchChild | None:
    """A child building the search index while this process plans the pages (a second
    core, a fork, finished pages, memory for the pages the child copies: at national scale
    about 400 MB); None when the index is made among the other tasks."""
    if not (job.search and job.fast is not None and can_fork() and cores() > 1
            and room_for_a_copy()):
        return None
    parent = os.getpid()
    return SearchChild(lambda: search_index(job, graph, content, watching(parent)),
                       describe)


def finish_files(fast: Any, files: Any) -> None:
    """Write every file (original texts, calendars, open data, feeds) into the site."""
    for uri, chunks in files:
        fast.write(uri, chunks)


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
