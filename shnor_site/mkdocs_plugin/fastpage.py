"""Generated pages made final in the worker, with MkDocs' own Markdown and theme.

MkDocs renders every page twice in one process: Markdown to HTML, then the theme's
`main.html` around it. For a national site that is most of the build. Generated pages
that are not in the navigation are therefore finished in the worker (build/worker.py),
on the second core (and a third process where there are more): `FastPages` loads the same
`mkdocs.yml` there, lists the same files and navigation, converts each page with MkDocs'
own `Page.render` (link rewriting and validation, anchors, table of contents, the raw-HTML
stash of rawhtml.py, the safety check of guard.py) and puts it into the theme through a
skeleton made once per shape of page (skeleton.py); a page the skeleton does not cover is
rendered by the theme in full. The page is written straight into the site folder; the
plugin lists it as a file MkDocs does not render (`FinishedFile`), adds it to the sitemap
and checks links into it. Switch it off with `fast_pages: false` (or `SHNOR_FAST_PAGES=0`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from shnor_site.build.guard import unsafe_page_html
from shnor_site.build.rawhtml import restore, stash
from shnor_site.mkdocs_plugin.skeleton import (
    Shape,
    Skeleton,
    cut,
    probe_markdown,
    probe_uri,
    shape_of,
    slot_values,
)

_TOC = '{% import "partials/language.html" as lang with context %}{% include "partials/toc.html" %}'


class UnsafePage(Exception):
    """A page body with active content (guard.py); the message is for the person."""

    for_person = True


class _Collect(logging.Handler):
    """Keeps MkDocs' messages about the pages made here, to be repeated by the plugin."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def fingerprint(config: Any) -> dict[str, str]:
    """Settings the worker's copy of the configuration must share with the build's."""
    keys = ("site_url", "use_directory_urls", "docs_dir", "site_dir", "nav", "extra_css",
            "extra_javascript", "not_in_nav", "exclude_docs", "strict")
    out = {k: repr(config.get(k)) for k in keys}
    out["theme"] = repr((config.theme.name, config.theme.dirs, config.theme.get("features")))
    out["markdown"] = repr((config.markdown_extensions, sorted(config.mdx_configs)))
    out["plugins"] = repr(list(config.plugins))
    return out


class FastPages:
    """Finishes generated pages in the worker process (made by the plugin, pickled there)."""

    def __init__(self, config_file: str, site_dir: str, marker: str, raw_html: bool,
                 expect: dict[str, str], go: Any) -> None:
        self.config_file, self.site_dir, self.marker = config_file, site_dir, marker
        self.raw_html, self.expect, self.go = raw_html, expect, go
        self.ids: dict[str, frozenset[str]] = {}
        self.links: dict[str, dict[str, dict[str, str]]] = {}
        self.shapes: dict[Shape, Skeleton | None] = {}
        self.counts = {"skeleton": 0, "theme": 0}
        self._ready = False

    # -- setting up, in the worker ----------------------------------------------------

    def setup(self, stage: Path, pages: list[str], files: list[str]) -> list[str]:
        """Load the configuration, files and navigation as the build sees them; the pages
        to finish here (those not in the navigation), or none when this is not safe."""
        from mkdocs.config import load_config
        from mkdocs.structure.files import File, get_files, set_exclusions
        from mkdocs.structure.nav import get_navigation

        quiet = logging.getLogger("mkdocs")
        level, quiet.level, quiet.propagate = quiet.level, logging.CRITICAL, False
        try:
            config = load_config(config_file=self.config_file, site_dir=self.site_dir,
                                 strict=self.expect.get("strict") == "True")
            if fingerprint(config) != self.expect or list(config.plugins) != ["shnor"]:
                return []
            config.plugins._current_plugin = "shnor"  # as during on_files (File.generated)
            self.env = config.theme.get_env()
            self.files = get_files(config)
            self.files.add_files_from_theme(self.env, config)
            for uri in pages + files:
                self.files.append(File.generated(config, uri, abs_src_path=str(stage / uri)))
            set_exclusions(self.files, config)
            self.nav = get_navigation(self.files, config)
        finally:
            quiet.level, quiet.propagate = level, True
        self.config = config
        self.doc_files = self.files.documentation_pages()
        self.toc_template = self.env.from_string(_TOC)
        in_nav = {p.file.src_uri for p in self.nav.pages}
        self._ready = True
        return [uri for uri in pages if uri not in in_nav]

    def _wait_go(self) -> None:
        """Until the build has emptied the site folder (then pages may be written)."""
        parent = os.getppid()
        while not self.go.wait(1.0):
            if os.getppid() != parent:
                raise SystemExit(1)  # the build is gone

    # -- making pages -----------------------------------------------------------------

    def write(self, uri: str, data: bytes | Iterable[bytes]) -> None:
        """Write bytes (or chunks of bytes) at this URI of the site folder."""
        self._wait_go()
        target = Path(self.site_dir) / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as out:
            if isinstance(data, bytes):
                out.write(data)
            else:
                for chunk in data:
                    out.write(chunk)

    def conclude(self, ids: dict[str, frozenset[str]],
                 links: dict[str, dict[str, dict[str, str]]],
                 ) -> tuple[list[tuple[str, int, str]], dict[str, dict[str, dict[str, str]]]]:
        """MkDocs' messages about anchors missing from finished pages, and the links
        into pages MkDocs renders itself (the plugin checks those)."""
        texts, elsewhere = check_anchors(ids, links)
        level = self.config.validation.links.anchors
        return [("mkdocs.structure.pages", level, t) for t in texts], elsewhere

    def page(self, uri: str, text: str) -> list[tuple[str, int, str]]:
        """Convert and theme one page and write it; MkDocs' messages about it."""
        from mkdocs.utils import meta

        handler = _Collect()
        logging.getLogger("mkdocs").addHandler(handler)
        try:
            page = self._page(uri)
            page.markdown, page.meta = meta.get_data(text)
            self._convert(page)
            html = self._theme(page)
        finally:
            logging.getLogger("mkdocs").removeHandler(handler)
        self.write(page.file.dest_uri, html.encode("utf-8", errors="xmlcharrefreplace"))
        self._forget(page)
        return handler.records

    def _page(self, uri: str) -> Any:
        from mkdocs.structure.pages import Page

        file = self.files.get_file_from_path(uri)
        return Page(None, file, self.config)

    def _convert(self, page: Any) -> None:
        """What MkDocs and the plugin do to a page's Markdown (build._populate_page)."""
        found = None
        if self.raw_html:
            page.markdown, found = stash(page.markdown, self.marker)
        page.render(self.config, self.files)
        if found is not None:
            page.content = restore(page.content, found)
            page.present_anchor_ids = (page.present_anchor_ids or set()) | found.ids
        unsafe = unsafe_page_html(page.content)
        if unsafe:
            raise UnsafePage(f"Небезопасная разметка на странице {page.file.src_uri}: "
                             f"{'; '.join(unsafe[:5])}. Шаблон вывел значение без "
                             "экранирования — исправьте шаблон (фильтры mdesc, md, mdi).")
        uri = page.file.src_uri
        self.ids[uri] = frozenset(page.present_anchor_ids or ())
        if page.links_to_anchors:
            self.links[uri] = {f.src_uri: dict(a) for f, a in page.links_to_anchors.items()}

    def _forget(self, page: Any) -> None:
        page.markdown = page.content = None
        page.toc = []
        page.file.page = None

    # -- the theme --------------------------------------------------------------------

    def _context(self, page: Any) -> Any:
        from mkdocs.commands.build import get_context

        return get_context(self.nav, self.doc_files, self.config, page)

    def render_theme(self, page: Any) -> str:
        """The theme's whole output for a page, as MkDocs' `_build_page` makes it."""
        page.active = True
        try:
            template = self.env.get_template(page.meta.get("template", "main.html"))
            return template.render(self._context(page))
        finally:
            page.active = False

    def _values(self, page: Any) -> dict[str, str]:
        toc_html = self.toc_template.render(self._context(page))
        first = next(iter(page.toc), None)
        return slot_values(page.title or "", page.content, toc_html, page.url,
                           first.url if first is not None else "", page.url.count("/"))

    def _theme(self, page: Any) -> str:
        template = page.meta.get("template", "main.html")
        shape = shape_of(template, page.url, bool(page.toc), page.content, page.is_index)
        if shape not in self.shapes:
            self.shapes[shape] = self._skeleton(shape)
        skeleton = self.shapes[shape]
        if skeleton is None:
            self.counts["theme"] += 1
            return self.render_theme(page)
        self.counts["skeleton"] += 1
        return skeleton.fill(self._values(page))

    def _probe(self, shape: Shape, tag: str) -> tuple[Any, str]:
        from mkdocs.structure.files import File
        from mkdocs.structure.pages import Page

        title, text = probe_markdown(shape, tag)
        page = Page(None, File.generated(self.config, probe_uri(shape, tag), content=text),
                    self.config)
        page.markdown, page.meta = text, {"title": title}
        if shape.template != "main.html":
            page.meta["template"] = shape.template
        page.render(self.config, self.files)
        return page, self.render_theme(page)

    def _skeleton(self, shape: Shape) -> Skeleton | None:
        """The skeleton of this shape, checked on a second probe; None when it fails."""
        first, output = self._probe(shape, "A")
        skeleton = cut(output, self._values(first))
        if skeleton is None:
            return None
        second, expected = self._probe(shape, "B")
        return skeleton if skeleton.fill(self._values(second)) == expected else None


def check_anchors(ids: dict[str, frozenset[str]], links: dict[str, dict[str, dict[str, str]]],
                  ) -> tuple[list[str], dict[str, dict[str, dict[str, str]]]]:
    """MkDocs' messages for links into missing anchors of finished pages, and the links
    into other pages (the plugin checks those against the pages MkDocs rendered)."""
    messages: list[str] = []
    elsewhere: dict[str, dict[str, dict[str, str]]] = {}
    for uri, targets in links.items():
        for target, anchors in targets.items():
            if target not in ids:
                elsewhere.setdefault(uri, {})[target] = anchors
                continue
            for anchor, original in anchors.items():
                if anchor not in ids[target]:
                    messages.append(anchor_message(uri, target, anchor, original))
    return messages, elsewhere


def anchor_message(uri: str, target: str, anchor: str, original: str) -> str:
    """MkDocs' words for a link to a missing anchor (Page.validate_anchor_links)."""
    if target == uri:
        problem = "there is no such anchor on this page"
        extra = " This seems to be a footnote that is never referenced." \
            if anchor.startswith("fnref:") else ""
    else:
        problem, extra = f"the doc '{target}' does not contain an anchor '#{anchor}'", ""
    return f"Doc file '{uri}' contains a link '{original}', but {problem}.{extra}"
