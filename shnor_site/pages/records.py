"""The home page, the search page, index pages of each kind and one page per record."""

from __future__ import annotations

from typing import Any

from shnor_site.core.models import KINDS
from shnor_site.graph.link import Graph
from shnor_site.graph.tracking import Schedule
from shnor_site.layout.split import (
    INDEX_LIMIT,
    SPLIT_KINDS,
    index_context,
    region_context,
    region_pages,
)
from shnor_site.pages.site_lists import roadmap_pages
from shnor_site.pages.spec import PageSpec
from shnor_site.render.urls import index_uri, record_uri


def record_pages(g: Graph) -> list[PageSpec]:
    """One page per municipality, organisation and school (programmes: programme_pages)."""
    pages: list[PageSpec] = []
    for kind in ("municipality", "organisation", "school"):
        for rec in g.cat.all(kind):
            mid = rec.id if kind == "municipality" else getattr(rec, "municipality", None)
            title = getattr(rec, "short_name", None) or rec.name
            pages.append(PageSpec(record_uri(kind, rec.id), f"{kind}.md.j2", title, kind,
                                  {kind: rec}, g.municipality_name(mid)))
    return pages


def _kind_index(g: Graph, kind: Any) -> list[PageSpec]:
    """A kind's index page, plus its region pages when it is too long (split.py)."""
    template = f"{kind.folder}_index.md.j2"
    if kind.name not in SPLIT_KINDS:
        return [PageSpec(index_uri(kind.name), template, kind.label_plural, "index")]
    parts = region_pages(g, kind.name)
    return [PageSpec(index_uri(kind.name), template, kind.label_plural, "index",
                     index_context(g, kind.name, parts))] + [
        PageSpec(p.uri, template, f"{kind.label_plural}: {p.label}", "index",
                 region_context(p)) for p in parts]


def index_pages(g: Graph, sched: Schedule) -> list[PageSpec]:
    """Home page and one index page per record kind."""
    pages = [PageSpec("index.md", "home.md.j2", "Программы поддержки школ", "home",
                      {"home_limit": INDEX_LIMIT["programme"]}),
             PageSpec("search.md", "search.md.j2", "Поиск", "search")]
    for kind in KINDS.values():
        pages += _kind_index(g, kind)
    return pages + [PageSpec(*spec) for spec in roadmap_pages(g, sched)]


