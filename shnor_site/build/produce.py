"""Make the whole generated part of the site in a staging folder, step by step.

`produce` loads and checks the content, plans the pages, then writes every page's
Markdown, every file and the search index into `stage/`, telling `report` after each
step. The MkDocs plugin runs it in a second process during a build (worker.py), so that
MkDocs converts the first pages while the later ones are still being written, and reads
the staged files as they become ready. Nothing here imports MkDocs.

Reports, in order: ("problems", [(severity, text), …]); then, when there is no error,
("plan", {"pages": [uri, …], "files": [uri, …], "abbreviations": [(term, meaning), …],
"glossary": the about page's glossary in Markdown}), ("page", uri) for each page,
("file", uri) for each file, ("search", None) once the index is written, ("done", None).
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


def _write(path: Path, data: bytes | Iterable[bytes], keep_unchanged: bool = False) -> None:
    """Write bytes, or chunks of bytes as they come (large open-data tables); with
    keep_unchanged, a file that already holds exactly these bytes is not touched."""
    if keep_unchanged:
        data = data if isinstance(data, bytes) else b"".join(data)
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        if isinstance(data, bytes):
            out.write(data)
        else:
            for chunk in data:
                out.write(chunk)


def produce(job: Job, report: Report) -> bool:
    """Make everything under job.stage; False when the content has errors."""
    from shnor_site.content.validate import load_catalogue
    from shnor_site.pages.plan import file_uris, plan_site, render_page, site_files
    from shnor_site.render.glossary import abbreviation_pairs, glossary_markdown

    cat = load_catalogue(job.content, keep_sources=False)
    report("problems", [(p.severity, p.format()) for p in cat.problems])
    if cat.errors:
        return False
    plan = plan_site(cat, job.templates, job.today)
    report("plan", {"pages": [s.uri for s in plan.specs], "files": file_uris(plan),
                    "abbreviations": abbreviation_pairs(cat.glossary),
                    "glossary": glossary_markdown(cat.glossary)})
    for spec in plan.specs:
        _write(job.stage / spec.uri, render_page(plan, spec).encode("utf-8"), job.keep_unchanged)
        report("page", spec.uri)
    for uri, data in site_files(plan):
        _write(job.stage / uri, data, job.keep_unchanged)
        report("file", uri)
    if job.search:
        from shnor_site.search.site_index import INDEX_DIR, build_search_index

        build_search_index(plan.graph, job.stage / INDEX_DIR, job.docs)
        report("search", None)
    report("done", None)
    return True
