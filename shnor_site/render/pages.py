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


def _municipality_name(g: Graph, mid: str | None) -> str | None:
    return g.record("municipality", mid).name if mid else None


def _source_text(g: Graph, prog: Any) -> str:
    return (g.cat.root / prog.source.file).read_text(encoding="utf-8")


def record_pages(g: Graph) -> list[PageSpec]:
    """One page per municipality, organisation, school and programme."""
    pages: list[PageSpec] = []
    for kind in ("municipality", "organisation", "school", "programme"):
        for rec in g.cat.all(kind):
            mid = rec.id if kind == "municipality" else getattr(rec, "municipality", None)
            title = rec.title if kind == "programme" else (
                getattr(rec, "short_name", None) or rec.name)
            pages.append(PageSpec(record_uri(kind, rec.id), f"{kind}.md.j2", title, kind,
                                  {kind: rec}, _municipality_name(g, mid)))
    for prog in g.cat.all("programme"):
        pages.append(PageSpec(f"programmes/{prog.id}/source.md", "source.md.j2",
                              f"Исходный документ: {prog.title}", "source",
                              {"programme": prog, "source_text": _source_text(g, prog)},
                              _municipality_name(g, prog.municipality)))
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


def all_pages(g: Graph) -> list[PageSpec]:
    """Every generated page, in a stable order."""
    from ..practices_pages import practice_pages  # it imports PageSpec from this module

    return index_pages(g) + record_pages(g) + practice_pages(g)
