"""Thin MkDocs adapter: generated pages and files, made beside MkDocs (build/worker.py).

The core (core → content → graph → render → pages, build/produce.py) never imports
MkDocs. The plugin starts the work when the configuration is read, lists the pages and
files once their plan is known, lets MkDocs read each staged page as soon as it is written
(files.py), keeps HTML blocks away from Python-Markdown (build/rawhtml.py), checks each
page for active content (build/guard.py), and moves the search index into the site at the
end. Pages outside the navigation come finished from the worker (fastpage.py: MkDocs'
own conversion, the theme by skeleton); the plugin lists them (`FinishedFile`), repeats
MkDocs' messages about them and puts them into the sitemap (finished.py). Only the page
cache (`.cache/shnor/`, cache.py) is written beside the sources; the staging folder and
the worker are gone after every build, also a failed or interrupted one.
"""

from __future__ import annotations

import gc
import json
import logging
import multiprocessing
import secrets
import shutil
import sys
import tempfile
import threading
import weakref
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from shnor_site.build.abbr import Marker
from shnor_site.build.guard import unsafe_page_html
from shnor_site.build.parallel import can_fork, cores
from shnor_site.build.produce import Job
from shnor_site.build.progress import Progress, stage, stage_done
from shnor_site.build.rawhtml import restore, stash
from shnor_site.build.worker import Worker, WorkerError
from shnor_site.mkdocs_plugin.anchors import about_href
from shnor_site.mkdocs_plugin.config import ShnorConfig, setting
from shnor_site.mkdocs_plugin.fastpage import FastPages, fingerprint
from shnor_site.mkdocs_plugin.files import FinishedFile, PackedPages, StagedFile
from shnor_site.mkdocs_plugin.finished import conclude
from shnor_site.render.env import bytecode_cache
from shnor_site.render.glossary import GLOSSARY_MARKER, GLOSSARY_PAGE
from shnor_site.search.site_index import INDEX_DIR

log = logging.getLogger("mkdocs.plugins.shnor")


class ShnorPlugin(BasePlugin[ShnorConfig]):
    """Generates every record and index page from `content/` through `templates/`."""

    _marker = f"SHNORRAW{secrets.token_hex(4)}N"
    _command = "build"
    _keep_stage = False
    worker: Worker | None = None
    stage: Path | None = None
    _later = False
    #: The last build's site folder (atomic.py sets it), whose unchanged files are linked.
    previous_site: Path | None = None
    _marker_abbr = Marker([])
    _glossary_md = ""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is a build (the work may then run in a second process) or
        a dirty `serve` (the staging folder then lives from one rebuild to the next)."""
        self._command = command
        self._keep_stage = command == "serve" and dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Start making the pages while MkDocs reads the theme and docs/."""
        self._clean(keep_stage=self._keep_stage)  # a previous `serve` build that failed
        root = Path(config.config_file_path or ".").resolve().parent
        if self.stage is None:
            self.stage = Path(tempfile.mkdtemp(prefix="shnor-stage-"))
            # The last resort, should no hook run (the interpreter ends): remove the folder.
            self._finalizer = weakref.finalize(self, shutil.rmtree, str(self.stage), True)
        self.packed = PackedPages()
        build = self._command == "build"
        # On one core a second process only adds its start: the work is then done here,
        # once MkDocs has emptied the site folder (on_files), pages finished all the same
        # (also with `worker: false`).
        alone = build and (cores() == 1 or not setting(self.config, "worker"))
        forked = build and not alone
        self.fast = None
        if (forked or alone) and setting(self.config, "fast_pages"):
            cache = setting(self.config, "cache_dir")
            go = threading.Event() if alone else multiprocessing.get_context("spawn").Event()
            self.fast = FastPages(str(config.config_file_path), str(config.site_dir),
                                  self._marker, setting(self.config, "raw_html"),
                                  fingerprint(config), go, str(root / cache) if cache else None,
                                  in_process=alone)
            self.fast.previous = self.previous_site
            self.fast.quick_markdown = setting(self.config, "quick_markdown")
            if alone or can_fork():  # a forked worker has a copy of this configuration
                self.fast.live_config = config
            if alone:
                _one_theme_environment(config.theme)
        job = Job(root / self.config.content_dir, root / self.config.templates_dir,
                  Path(config.docs_dir), self.stage, setting(self.config, "search"),
                  keep_unchanged=self._keep_stage, fast=self.fast)
        self.worker = Worker(job, setting(self.config, "stall_seconds"))
        self._later = alone
        if forked:
            self.worker.start(fork=can_fork())
        elif not alone:
            self.worker.run_here()
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Report content problems (abort on errors) and list the generated pages."""
        started = stage("Проверка содержимого и план страниц")
        if self._later:
            if self.fast is not None:
                self.fast.go.set()  # MkDocs has emptied the site folder
            self.worker.run_here()
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
        self._marker_abbr = Marker(plan.get("abbreviations", []))
        self._glossary_md = plan.get("glossary", "")
        finished = set(plan.get("fast", ()))
        if plan.get("finished_files"):
            finished.update(plan["files"])
        for uri in plan["pages"] + plan["files"]:
            if uri in finished:
                files.append(FinishedFile.make(config, uri))
                continue
            staged = StagedFile.generated(config, uri, abs_src_path=str(self.stage / uri))
            staged.worker = self.worker
            files.append(staged)
        self.files = files
        if self.fast is not None:
            self.fast.go.set()  # MkDocs has emptied the site folder: the worker may write
        self._progress = Progress("MkDocs: страницы HTML", len(files.documentation_pages()),
                                  every=500)
        if self._command == "build":
            # A build process ends after one build: what exists now (configuration, theme,
            # the list of files) lives to the end, so the cycle collector stops scanning it.
            gc.freeze()
        return files

    def on_nav(self, nav: object, /, *, config: MkDocsConfig, files: Files) -> object:
        """Keep the navigation (the sitemap is made again with the finished pages)."""
        self.nav = nav
        return nav

    def on_env(self, env: object, /, *, config: MkDocsConfig, files: Files) -> object:
        """Keep the theme's environment (the sitemap); keep its compiled templates in the
        cache folder between builds."""
        self.env = env
        cache = setting(self.config, "cache_dir")
        if cache and getattr(env, "bytecode_cache", True) is None:
            root = Path(config.config_file_path or ".").resolve().parent
            env.bytecode_cache = bytecode_cache(root / cache / "theme")  # type: ignore[attr-defined]
        return env

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """Put the glossary into the about page (render/glossary.py); keep top-level HTML
        blocks away from Python-Markdown (rawhtml.py)."""
        if page.file.src_uri == GLOSSARY_PAGE:
            markdown = markdown.replace(GLOSSARY_MARKER, self._glossary_md.rstrip("\n"))
        if not setting(self.config, "raw_html"):
            return markdown
        text, page.shnor_stash = stash(markdown, self._marker)
        return text

    @event_priority(-100)  # after other plugins: they see the page's whole HTML
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Put the HTML blocks back; mark the first use of each abbreviation (build/abbr.py);
        refuse a page whose body carries scripts, handlers or javascript: links; keep the
        HTML packed until the page's template needs it."""
        blocks = getattr(page, "shnor_stash", None)
        if blocks is not None:
            html = restore(html, blocks)
            page.present_anchor_ids = (page.present_anchor_ids or set()) | blocks.ids
            page.shnor_stash = None
        html = self._marker_abbr.mark(html, about_href(page.url))
        found = unsafe_page_html(html)
        if found:
            raise PluginError(f"Небезопасная разметка на странице {page.file.src_uri}: "
                              f"{'; '.join(found[:5])}. Шаблон вывел значение без "
                              "экранирования — исправьте шаблон (фильтры mdesc, md, mdi).")
        page.markdown = ""  # converted: keep only the HTML until the page is built (memory)
        self.packed.put(page.file.src_uri, html)
        return ""

    @event_priority(100)  # before other plugins read page.content
    def on_page_context(self, context: dict, /, *, page: Page, config: MkDocsConfig,
                        nav: object) -> dict:
        """Give the page its HTML back for the templates."""
        html = self.packed.take(page.file.src_uri)
        if html is not None:
            page.content = html
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Drop the written page's HTML; count pages (a progress line on a terminal)."""
        page.content = ""
        if getattr(self, "_progress", None) is not None:
            self._progress.step()
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Wait for the search index, put it into the site, clean up."""
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
        if self.worker.finished_report is not None:
            conclude(self, config, self.worker.finished_report)
        if setting(self.config, "timings"):
            Path(setting(self.config, "timings")).write_text(
                json.dumps(self.worker.timings(), ensure_ascii=False), encoding="utf-8")
        index = self.stage / INDEX_DIR
        if index.is_dir():
            target = Path(config.site_dir) / INDEX_DIR
            shutil.rmtree(target, ignore_errors=True)
            shutil.move(str(index), target)
        self._clean(keep_stage=self._keep_stage)

    def on_build_error(self, *, error: Exception) -> None:
        """Stop the worker and remove the staging folder."""
        self._clean(keep_stage=self._keep_stage)

    def on_shutdown(self) -> None:
        """Also after Ctrl-C, which MkDocs does not report as a build error."""
        self._clean()

    def _clean(self, keep_stage: bool = False) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
        if self.stage is not None and not keep_stage:
            shutil.rmtree(self.stage, ignore_errors=True)
            self._finalizer.detach()
            self.stage = None


def _one_theme_environment(theme: object) -> None:
    """Make the theme hand out one Jinja environment for the whole build (pages finished
    in this process then share MkDocs' compiled templates instead of compiling them
    again)."""
    made = theme.get_env  # type: ignore[attr-defined]
    env: list[object] = []

    def get_env() -> object:
        if not env:
            env.append(made())
        return env[0]

    theme.get_env = get_env  # type: ignore[attr-defined]
