"""Render the linked content to Markdown pages through Jinja2 templates."""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..link import Graph, build_graph
from ..progress import Progress
from ..tracking import build_date
from ..validate import Catalogue
from .env import make_env
from .pages import PageSpec, all_pages
from .urls import source_file_uri


@dataclass
class RenderedSite:
    """Generated Markdown pages and copied files, keyed by source URI."""

    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    specs: dict[str, PageSpec] = field(default_factory=dict)
    graph: Graph | None = None


def _front_matter(spec: PageSpec) -> str:
    # Material prints page.meta.title unescaped (<title>, header): escape it here, once.
    meta = {"title": html.escape(spec.title), "shnor_kind": spec.kind}
    if spec.municipality:
        meta["shnor_municipality"] = spec.municipality
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n"
                             for k, v in meta.items()) + "---\n\n"


def render_site(cat: Catalogue, templates_dir: Path, today: dt.date | None = None
                ) -> RenderedSite:
    """Render every page; the catalogue must be free of errors.

    `today` is the date event statuses are judged against (default: build_date()).
    """
    from ..publish import schedule  # one Schedule per build, shared with roadmap pages

    graph = build_graph(cat)
    sched = schedule(graph, today or build_date())
    env = make_env(templates_dir)
    out = RenderedSite(graph=graph)
    specs = all_pages(graph, sched)
    progress = Progress("Страницы из content/", len(specs), every=500)
    for spec in specs:
        progress.step()
        template = env.get_template(spec.template)
        body = template.render(g=graph, sched=sched, page_uri=spec.uri, page=spec,
                               **spec.context)
        out.pages[spec.uri] = _front_matter(spec) + body
        out.specs[spec.uri] = spec
    progress.done()
    for prog in cat.all("programme"):
        out.files[source_file_uri(prog)] = (cat.root / prog.source.file).read_bytes()
    from ..publish import forget_schedule, roadmap_files  # calendars, open data, feeds

    out.files.update(roadmap_files(sched))
    forget_schedule()
    return out


__all__ = ["Graph", "RenderedSite", "render_site", "source_file_uri"]
