"""Which pages the site has, and what each page's template receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..link import Graph
from ..models import KINDS
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


def index_pages(g: Graph) -> list[PageSpec]:
    """Home page and one index page per record kind."""
    pages = [PageSpec("index.md", "home.md.j2", "Программы поддержки школ", "home")]
    for kind in KINDS.values():
        pages.append(PageSpec(index_uri(kind.name), f"{kind.folder}_index.md.j2",
                              kind.label_plural, "index"))
    return pages


def all_pages(g: Graph) -> list[PageSpec]:
    """Every generated page, in a stable order."""
    return index_pages(g) + record_pages(g)
