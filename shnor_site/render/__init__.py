"""Render the linked content to Markdown pages through Jinja2 templates."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..link import Graph, build_graph
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


def _front_matter(spec: PageSpec) -> str:
    meta = {"title": spec.title, "shnor_kind": spec.kind}
    if spec.municipality:
        meta["shnor_municipality"] = spec.municipality
    return "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n"
                             for k, v in meta.items()) + "---\n\n"


def render_site(cat: Catalogue, templates_dir: Path) -> RenderedSite:
    """Render every page; the catalogue must be free of errors."""
    graph = build_graph(cat)
    env = make_env(templates_dir)
    out = RenderedSite()
    for spec in all_pages(graph):
        template = env.get_template(spec.template)
        body = template.render(g=graph, page_uri=spec.uri, page=spec, **spec.context)
        out.pages[spec.uri] = _front_matter(spec) + body
        out.specs[spec.uri] = spec
    for prog in cat.all("programme"):
        out.files[source_file_uri(prog)] = (cat.root / prog.source.file).read_bytes()
    return out


__all__ = ["Graph", "RenderedSite", "render_site", "source_file_uri"]
