"""Thin MkDocs adapter: generated pages and files, made beside MkDocs (worker.py).

The core (load/validate/link/render, produce.py) never imports MkDocs. The plugin starts
the work when the configuration is read, lists the pages and files once their plan is
known, lets MkDocs read each staged page as soon as it is written, keeps HTML blocks away
from Python-Markdown (rawhtml.py), checks each page for active content, and moves the
search index into the site at the end. Nothing is written into the source tree.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import secrets
import shutil
import sys
import tempfile
import zlib
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from shnor_site.build.guard import unsafe_page_html
from shnor_site.build.produce import Job
from shnor_site.build.progress import Progress, stage, stage_done
from shnor_site.build.rawhtml import restore, stash
from shnor_site.build.worker import Worker, WorkerError

log = logging.getLogger("mkdocs.plugins.shnor")


class ShnorConfig(Config):
    """Plugin options in mkdocs.yml."""

    content_dir = c.Type(str, default="content")
    templates_dir = c.Type(str, default="templates")
    #: Build the search index (shnor_site/search); SHNOR_SEARCH=0 turns it off.
    search = c.Type(bool, default=True)


class Packed:
    """A page's HTML kept compressed (zlib, level 1: about 8× smaller than the str)."""

    __slots__ = ("data",)

    def __init__(self, html: str) -> None:
        self.data = zlib.compress(html.encode("utf-8"), 1)

    def unpack(self) -> str:
        """The HTML again."""
        return zlib.decompress(self.data).decode("utf-8")


class StagedFile(File):
    """A generated page or file read from the staging folder once the worker wrote it."""

    worker: Worker

    @property
    def content_bytes(self) -> bytes:
        """The staged bytes (waits until they are written)."""
        self._wait()
        return File.content_bytes.fget(self)

    @property
    def content_string(self) -> str:
        """The staged text (waits until it is written)."""
        self._wait()
        return File.content_string.fget(self)

    def copy_file(self, dirty: bool = False) -> None:
        """Copy the staged file into the site (waits until it is written)."""
        self._wait()
        super().copy_file(dirty)

    def _wait(self) -> None:
        try:
            self.worker.wait_ready(self.src_uri)
        except WorkerError as exc:
            raise PluginError(str(exc)) from None


class ShnorPlugin(BasePlugin[ShnorConfig]):
    """Generates every record and index page from `content/` through `templates/`."""

    _marker = f"SHNORRAW{secrets.token_hex(4)}N"
    _command = "build"
    worker: Worker | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is a build (the work may then run in a second process)."""
        self._command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Start making the pages while MkDocs reads the theme and docs/."""
        root = Path(config.config_file_path or ".").resolve().parent
        self.stage = Path(tempfile.mkdtemp(prefix="shnor-stage-"))
        searching = self.config.search and os.environ.get("SHNOR_SEARCH", "1") != "0"
        job = Job(root / self.config.content_dir, root / self.config.templates_dir,
                  Path(config.docs_dir), self.stage, searching)
        self.worker = Worker(job)
        if (self._command == "build" and hasattr(os, "fork")
                and os.environ.get("SHNOR_WORKER", "1") != "0"):
            self.worker.start()
        else:
            self.worker.run_here()
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Report content problems (abort on errors) and list the generated pages."""
        started = stage("Проверка содержимого и план страниц")
        try:
            problems, plan = self.worker.wait_plan()
        except WorkerError as exc:
            raise PluginError(str(exc)) from None
        stage_done("Проверка содержимого и план страниц", started)
        errors = [text for severity, text in problems if severity == "error"]
        for severity, text in problems:
            if severity != "error":
                log.info(text)
                print(text, file=sys.stderr)
        if errors or plan is None:
            raise PluginError(f"Ошибки в содержимом ({len(errors)}):\n" + "\n".join(errors)
                              + f"\nНайдено ошибок: {len(errors)}. Сайт не собран.")
        for uri in plan["pages"] + plan["files"]:
            staged = StagedFile.generated(config, uri, abs_src_path=str(self.stage / uri))
            staged.worker = self.worker
            files.append(staged)
        self._progress = Progress("MkDocs: страницы HTML", len(files.documentation_pages()),
                                  every=500)
        if self._command == "build":
            # A build process ends after one build: what exists now (configuration, theme,
            # the list of files) lives to the end, so the cycle collector stops scanning it.
            gc.freeze()
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """Keep top-level HTML blocks away from Python-Markdown (rawhtml.py)."""
        if os.environ.get("SHNOR_RAW_HTML", "1") == "0":
            return markdown
        text, page.shnor_stash = stash(markdown, self._marker)
        return text

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Put the HTML blocks back; refuse a page whose body carries scripts, handlers or
        javascript: links."""
        blocks = getattr(page, "shnor_stash", None)
        if blocks is not None:
            html = restore(html, blocks)
            page.present_anchor_ids = (page.present_anchor_ids or set()) | blocks.ids
            page.shnor_stash = None
        found = unsafe_page_html(html)
        if found:
            raise PluginError(f"Небезопасная разметка на странице {page.file.src_uri}: "
                              f"{'; '.join(found[:5])}. Шаблон вывел значение без "
                              "экранирования — исправьте шаблон (фильтры mdesc, md, mdi).")
        page.markdown = ""  # converted: keep only the HTML until the page is built (memory)
        return Packed(html)

    def on_page_context(self, context: dict, /, *, page: Page, config: MkDocsConfig,
                        nav: object) -> dict:
        """Unpack the page's HTML for its template (Packed)."""
        if isinstance(page.content, Packed):
            page.content = page.content.unpack()
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Drop the written page's HTML; count pages (a progress line on a terminal)."""
        page.content = ""
        if getattr(self, "_progress", None) is not None:
            self._progress.step()
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Wait for the search index, put it into the site, clean up."""
        from shnor_site.search.site_index import INDEX_DIR

        if getattr(self, "_progress", None) is not None:
            self._progress.done()
            self._progress = None
        started = stage("Поисковый индекс и файлы") if not self.worker.finished else None
        try:
            self.worker.wait_done()
        except WorkerError as exc:
            raise PluginError(str(exc)) from None
        if started is not None:
            stage_done("Поисковый индекс и файлы", started)
        if os.environ.get("SHNOR_TIMINGS"):
            Path(os.environ["SHNOR_TIMINGS"]).write_text(
                json.dumps(self.worker.timings(), ensure_ascii=False), encoding="utf-8")
        index = self.stage / INDEX_DIR
        if index.is_dir():
            target = Path(config.site_dir) / INDEX_DIR
            shutil.rmtree(target, ignore_errors=True)
            shutil.move(str(index), target)
        self._clean()

    def on_build_error(self, *, error: Exception) -> None:
        """Stop the worker and remove the staging folder."""
        self._clean()

    def _clean(self) -> None:
        if self.worker is not None:
            self.worker.stop()
        if getattr(self, "stage", None) is not None:
            shutil.rmtree(self.stage, ignore_errors=True)
            self.stage = None
