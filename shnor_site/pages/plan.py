"""The site plan: every page and file of the site, and how each is rendered.

Takes a catalogue free of errors (content/validate.py). `plan_site` links it (graph/),
builds the one Schedule of the build and lists every page (records.py, programme.py,
practices.py, site_lists.py); `render_page` renders one page to Markdown with front
matter; `site_files` yields the original texts and the outputs (outputs/files.py). The
build streams them (build/produce.py); `render_site` collects them all in memory for the
exporter and the tests.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shnor_site.content.validate import no_cyclic_gc
from shnor_site.core.catalogue import Catalogue
from shnor_site.graph.link import Graph, build_graph
from shnor_site.graph.tracking import build_date
from shnor_site.outputs.files import roadmap_file_uris, roadmap_files
from shnor_site.pages.practices import practice_pages
from shnor_site.pages.programme import programme_pages
from shnor_site.pages.records import index_pages, record_pages
from shnor_site.pages.spec import PageSpec
from shnor_site.render.env import make_env
from shnor_site.render.schedule import TemplateSchedule
from shnor_site.render.urls import source_file_uri


@dataclass
class SitePlan:
    """Everything needed to render the site: the graph, the schedule and the page list."""

    graph: Graph
    sched: TemplateSchedule
    env: Any
    specs: list[PageSpec]


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


def all_pages(g: Graph, sched: TemplateSchedule) -> list[PageSpec]:
    """Every generated page, in a stable order."""
    return (index_pages(g, sched) + record_pages(g) + programme_pages(g, sched)
            + practice_pages(g))


def link_content(cat: Catalogue) -> Graph:
    """The cross-reference graph of a catalogue free of errors."""
    with no_cyclic_gc():  # the graph grows to the catalogue's size: no scans meanwhile
        return build_graph(cat)


def plan_site(cat: Catalogue, templates_dir: Path, today: dt.date | None = None,
              bytecode_dir: Path | None = None, graph: Graph | None = None) -> SitePlan:
    """Link a catalogue free of errors (unless `graph` is its graph) and list its pages.

    `today` is the date event statuses are judged against (default: build_date()); the
    one Schedule made here serves every page and file of the build. `bytecode_dir` keeps
    the compiled templates between builds (render/env.py).
    """
    graph = graph if graph is not None else link_content(cat)
    with no_cyclic_gc():
        sched = TemplateSchedule(graph, today or build_date())
        return SitePlan(graph, sched, make_env(templates_dir, bytecode_dir),
                        all_pages(graph, sched))


def render_page(plan: SitePlan, spec: PageSpec) -> str:
    """The Markdown of one page, with its front matter."""
    template = plan.env.get_template(spec.template)
    body = template.render(g=plan.graph, sched=plan.sched, page_uri=spec.uri, page=spec,
                           **spec.context)
    return _front_matter(spec) + body


def file_uris(plan: SitePlan) -> list[str]:
    """URIs of every file site_files yields, in the same order."""
    cat = plan.graph.cat
    return [source_file_uri(p) for p in cat.all("programme")] + roadmap_file_uris(plan.sched)


def site_files(plan: SitePlan) -> Iterator[tuple[str, bytes | Iterator[bytes]]]:
    """(URI, bytes or chunks of bytes) of the original texts, calendars, open data and
    feeds; large files come in chunks, made while they are written."""
    cat = plan.graph.cat
    for prog in cat.all("programme"):
        yield source_file_uri(prog), (cat.root / prog.source.file).read_bytes()
    yield from roadmap_files(plan.sched)


def render_site(cat: Catalogue, templates_dir: Path, today: dt.date | None = None
                ) -> RenderedSite:
    """Render every page and file into memory; the catalogue must be free of errors."""
    plan = plan_site(cat, templates_dir, today)
    out = RenderedSite(graph=plan.graph)
    for spec in plan.specs:
        out.pages[spec.uri] = render_page(plan, spec)
        out.specs[spec.uri] = spec
    for uri, data in site_files(plan):
        out.files[uri] = data if isinstance(data, bytes) else b"".join(data)
    return out
