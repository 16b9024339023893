"""Thin MkDocs adapter: load, validate and render content, add pages as generated files.

Nothing is written into the source tree; the core (load/validate/link/render)
never imports MkDocs.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .catalogue_cache import cached_catalogue, forget
from .progress import Progress
from .render import render_site
from .safety import unsafe_page_html

log = logging.getLogger("mkdocs.plugins.shnor")


class ShnorConfig(Config):
    """Plugin options in mkdocs.yml."""

    content_dir = c.Type(str, default="content")
    templates_dir = c.Type(str, default="templates")
    #: Build the search index (shnor_site/search); SHNOR_SEARCH=0 turns it off.
    search = c.Type(bool, default=True)


class ShnorPlugin(BasePlugin[ShnorConfig]):
    """Generates every record and index page from `content/` through `templates/`."""

    def _paths(self, config: MkDocsConfig) -> tuple[Path, Path]:
        root = Path(config.config_file_path or ".").resolve().parent
        return root / self.config.content_dir, root / self.config.templates_dir

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Validate content (abort with every problem listed) and add generated pages."""
        content, templates = self._paths(config)
        cat = cached_catalogue(content)
        for prob in cat.problems:
            if prob.severity != "error":
                log.info(prob.format())
        if cat.errors:
            listing = "\n".join(p.format() for p in cat.errors)
            raise PluginError(f"Ошибки в содержимом ({len(cat.errors)}):\n{listing}")
        try:
            site = render_site(cat, templates)
        except jinja2.TemplateError as exc:
            where = f"{getattr(exc, 'filename', None) or getattr(exc, 'name', '')}"
            line = getattr(exc, "lineno", None)
            raise PluginError(f"Ошибка в шаблоне {where}{':' + str(line) if line else ''}: "
                              f"{exc.message}") from None
        forget()  # the catalogue is not needed once the pages are rendered
        self._index_dir = self._search_index(site, config) if self._searching() else None
        for uri, text in site.pages.items():
            files.append(File.generated(config, uri, content=text))
        for uri, data in site.files.items():
            files.append(File.generated(config, uri, content=data))
        self._progress = Progress("MkDocs: страницы HTML", len(files.documentation_pages()),
                                  every=500)
        return files

    def _searching(self) -> bool:
        return self.config.search and os.environ.get("SHNOR_SEARCH", "1") != "0"

    def _search_index(self, site: object, config: MkDocsConfig) -> Path:
        """Build the search index into a temporary folder (moved into the site at the end)."""
        from .search import INDEX_DIR, build_search_index

        folder = Path(tempfile.mkdtemp(prefix="shnor-search-")) / INDEX_DIR
        build_search_index(site.graph, folder, Path(config.docs_dir))
        return folder

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Refuse a page whose body carries scripts, handlers or javascript: links."""
        found = unsafe_page_html(html)
        if found:
            raise PluginError(f"Небезопасная разметка на странице {page.file.src_uri}: "
                              f"{'; '.join(found[:5])}. Шаблон вывел значение без "
                              "экранирования — исправьте шаблон (фильтры mdesc, md, mdi).")
        return html

    def on_post_page(self, output: str, /, *, page: object, config: MkDocsConfig) -> str:
        """Count pages written (a progress line on a terminal, see progress.py)."""
        if getattr(self, "_progress", None) is not None:
            self._progress.step()
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Put the search index into the site; finish the progress line."""
        folder = getattr(self, "_index_dir", None)
        if folder is not None:
            target = Path(config.site_dir) / folder.name
            shutil.rmtree(target, ignore_errors=True)
            shutil.move(str(folder), target)
            shutil.rmtree(folder.parent, ignore_errors=True)
            self._index_dir = None
        if getattr(self, "_progress", None) is not None:
            self._progress.done()
            self._progress = None
