"""Which pages the site has, and what each page's template receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..link import Graph
from ..models import KINDS
from .split import INDEX_LIMIT, SPLIT_KINDS, index_context, region_context, region_pages
from .urls import index_uri, record_uri


@dataclass
class PageSpec:
    """A page to render: its source URI, template and typed context."""

    uri: str
    template: str
    title: str
    kind: str
    context: dict[str, Any] = field(default_factory=dict)
    municipality: str | None = None


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


def index_pages(g: Graph) -> list[PageSpec]:
    """Home page and one index page per record kind."""
    pages = [PageSpec("index.md", "home.md.j2", "Программы поддержки школ", "home",
                      {"home_limit": INDEX_LIMIT["programme"]}),
             PageSpec("search.md", "search.md.j2", "Поиск", "search")]
    for kind in KINDS.values():
        pages += _kind_index(g, kind)
    from ..publish import roadmap_pages  # indicators, partnerships, open data

    return pages + [PageSpec(*spec) for spec in roadmap_pages(g)]


def all_pages(g: Graph, sched: Any) -> list[PageSpec]:
    """Every generated page, in a stable order."""
    from ..practices_pages import practice_pages  # it imports PageSpec from this module
    from .programme_pages import programme_pages

    return (index_pages(g) + record_pages(g) + programme_pages(g, sched)
            + practice_pages(g))
