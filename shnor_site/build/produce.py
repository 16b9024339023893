"""Make the whole generated part of the site in a staging folder, step by step.

`produce` loads and checks the content, plans the pages, then writes every page's
Markdown, every file and the search index into `stage/`, telling `report` after each
step. The MkDocs plugin runs it in a second process during a build (worker.py), so that
MkDocs converts the first pages while the later ones are still being written, and reads
the staged files as they become ready. Nothing here imports MkDocs.

Reports, in order: ("problems", [(severity, text), …]); then, when there is no error,
("plan", {"pages": [uri, …], "files": [uri, …], "fast": [uri, …], "finished_files": bool,
"abbreviations": [(term, meaning), …], "glossary": the about page's glossary in Markdown}),
("page", uri) for each page staged (not in "fast"); then either ("file", uri) for each
file and ("search", None) once the index is written, or — when `job.fast` finishes pages
(finish.py) — one ("finished", {…}) for those pages, the files and the index; last
("done", None).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Report = Callable[[str, Any], None]


@dataclass(frozen=True)
class Job:
    """Where the content, templates and hand-written pages are, and where to write."""

    content: Path
    templates: Path
    docs: Path | None
    stage: Path
    search: bool = True
    today: dt.date | None = None
    #: Leave a staged file alone when its bytes did not change (`serve`: MkDocs then
    #: rebuilds only the pages whose source is newer than their HTML).
    keep_unchanged: bool = False
    #: The finisher of pages outside the navigation (mkdocs_plugin/fastpage.py): with it,
    #: those pages and every file are written finished into the site (parallel.py).
    fast: Any = None


def _write(path: Path, data: bytes | Iterable[bytes], keep_unchanged: bool = False) -> None:
    """Write bytes, or chunks of bytes as they come (large open-data tables); with
    keep_unchanged, a file that already holds exactly these bytes is not touched."""
    if keep_unchanged:
        data = data if isinstance(data, bytes) else b"".join(data)
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_chunks(path, data)


def write_chunks(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write bytes, or chunks of bytes as they come, into the file at `path`."""
    with path.open("wb") as out:
        if isinstance(data, bytes):
            out.write(data)
        else:
            for chunk in data:
                out.write(chunk)


def produce(job: Job, report: Report) -> bool:
    """Make everything under job.stage; False when the content has errors."""
    from shnor_site.content.validate import load_catalogue
    from shnor_site.pages.plan import link_content

    cache = getattr(job.fast, "cache_dir", None)
    cat = load_catalogue(job.content, keep_sources=False,
                         cache_dir=Path(cache) if cache else None)
    report("problems", [(p.severity, p.format()) for p in cat.problems])
    if cat.errors:
        return False
    graph = link_content(cat)
    if job.fast is None:
        _produce_staged(job, cat, graph, report)
        return True
    from shnor_site.build.finish import early_search
    from shnor_site.build.incremental import content_state

    content = content_state(cat) if cache else None
    child = early_search(job, graph, content)  # the index, while the pages are planned
    try:
        _produce_finished(job, cat, graph, report, content, child)
    except BaseException:
        if child is not None:
            child.stop()
        raise
    return True


def _plan(job: Job, cat: Any, graph: Any) -> Any:
    from shnor_site.pages.plan import plan_site

    cache = getattr(job.fast, "cache_dir", None)
    return plan_site(cat, job.templates, job.today,
                     Path(cache) / "templates" if cache else None, graph)


def _plan_report(plan: Any, files: list[str], fast: set[str] | tuple) -> dict[str, Any]:
    from shnor_site.render.glossary import abbreviation_pairs, glossary_markdown

    cat = plan.graph.cat
    return {"pages": [s.uri for s in plan.specs], "files": files,
            "fast": [s.uri for s in plan.specs if s.uri in fast],
            "finished_files": bool(fast), "abbreviations": abbreviation_pairs(cat.glossary),
            "glossary": glossary_markdown(cat.glossary)}


def _stage_pages(job: Job, plan: Any, report: Report, fast: set[str] | tuple) -> None:
    from shnor_site.pages.plan import render_page

    for spec in plan.specs:
        if spec.uri not in fast:
            _write(job.stage / spec.uri, render_page(plan, spec).encode("utf-8"),
                   job.keep_unchanged)
            report("page", spec.uri)


def _produce_staged(job: Job, cat: Any, graph: Any, report: Report) -> None:
    """Every page and file staged as Markdown and bytes for MkDocs, then the index."""
    from shnor_site.pages.plan import file_uris

    plan = _plan(job, cat, graph)
    report("plan", _plan_report(plan, file_uris(plan), ()))
    _stage_pages(job, plan, report, ())
    _stage_files_and_index(job, plan, report)


def _produce_finished(job: Job, cat: Any, graph: Any, report: Report,
                      content: tuple[str, dict[str, str]] | None, child: Any) -> None:
    """Pages outside the navigation finished here (finish.py), the others staged."""
    from shnor_site.build.finish import finish
    from shnor_site.pages.plan import file_uris
    from shnor_site.render.glossary import abbreviation_pairs

    plan = _plan(job, cat, graph)
    files = file_uris(plan)
    fast = set(job.fast.setup(job.stage, [s.uri for s in plan.specs], files,
                              abbreviation_pairs(cat.glossary)))
    report("plan", _plan_report(plan, files, fast))
    _stage_pages(job, plan, report, fast)
    if fast:
        finish(job, plan, [s for s in plan.specs if s.uri in fast], report, content, child)
        report("done", None)
        return
    if child is not None:  # the fast path declined: the child's index is not wanted
        child.stop()
    _stage_files_and_index(job, plan, report)


def _stage_files_and_index(job: Job, plan: Any, report: Report) -> None:
    """Stage every file, then the search index; report each and the end."""
    write_files(job, plan, report)
    if job.search:
        from shnor_site.search.site_index import INDEX_DIR, build_search_index

        build_search_index(plan.graph, job.stage / INDEX_DIR, job.docs)
        report("search", None)
    report("done", None)


def write_files(job: Job, plan: Any, report: Report) -> None:
    """Stage the original texts, calendars, open data and feeds, reporting each."""
    from shnor_site.pages.plan import site_files

    for uri, data in site_files(plan):
        _write(job.stage / uri, data, job.keep_unchanged)
        report("file", uri)
