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

from shnor_site.build.abbr import Marker
from shnor_site.build.guard import unsafe_page_html
from shnor_site.build.incremental import text_digest
from shnor_site.build.produce import write_chunks
from shnor_site.build.quickmd import QuickMarkdown
from shnor_site.build.rawhtml import restore, stash
from shnor_site.mkdocs_plugin.anchors import Lookups, about_href, check_anchors, lookup
from shnor_site.mkdocs_plugin.cache import Cache, Entry, code_version, folder_hash, pack, unpack
from shnor_site.mkdocs_plugin.reuse import Reuse
from shnor_site.mkdocs_plugin.theme import ThemeFiller
from shnor_site.render.env import bytecode_cache


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


class FastPages(Reuse):
    """Finishes generated pages in the worker process (made by the plugin, pickled there)."""

    def __init__(self, config_file: str, site_dir: str, marker: str, raw_html: bool,
                 expect: dict[str, str], go: Any, cache_dir: str | None = None,
                 in_process: bool = False) -> None:
        self.config_file, self.site_dir, self.marker = config_file, site_dir, marker
        self.raw_html, self.expect, self.go = raw_html, expect, go
        self.cache_dir = cache_dir
        #: Simple Markdown converted without Python-Markdown (build/quickmd.py).
        self.quick_markdown = True
        self._quick: QuickMarkdown | None = None
        #: Made in the MkDocs process itself (one core): MkDocs' messages about a page are
        #: then logged as they come, not collected for the plugin to repeat.
        self.in_process = in_process
        #: In process, the build's own configuration (never sent to another process).
        self.live_config: Any = None
        self.cache: Cache | None = None
        self.ids: dict[str, frozenset[str]] = {}
        self.links: dict[str, dict[str, dict[str, str]]] = {}
        self.counts = {"skeleton": 0, "theme": 0}
        self._md: Any = None
        self._folders: set[Path] = set()
        #: The site folder of the last build, whose unchanged files are linked (reuse.py).
        self.previous: Path | None = None
        #: MkDocs' messages about the page made last (kept by build/incremental.py).
        self.last_logs: list[tuple[str, int, str]] = []

    # -- setting up, in the worker ----------------------------------------------------

    def setup(self, stage: Path, pages: list[str], files: list[str],
              abbreviations: list[tuple[str, str]] = ()) -> list[str]:
        """Load the configuration, files and navigation as the build sees them; the pages
        to finish here (those not in the navigation), or none when this is not safe.
        `abbreviations` are the glossary's (term, meaning) pairs, marked as the plugin
        marks them on the pages MkDocs renders (build/abbr.py)."""
        import mkdocs
        from mkdocs.config import load_config
        from mkdocs.structure.files import File, get_files, set_exclusions
        from mkdocs.structure.nav import get_navigation

        quiet = logging.getLogger("mkdocs")
        level, quiet.level, quiet.propagate = quiet.level, logging.CRITICAL, False
        try:
            config = self.live_config or load_config(
                config_file=self.config_file, site_dir=self.site_dir,
                strict=self.expect.get("strict") == "True")
            if fingerprint(config) != self.expect or list(config.plugins) != ["shnor"] \
                    or mkdocs.__version__ != "1.6.1":  # _render copies its Page.render
                return []
            config.plugins._current_plugin = "shnor"  # as during on_files (File.generated)
            self.env = config.theme.get_env()
            if self.cache_dir and self.env.bytecode_cache is None:  # compiled theme kept
                self.env.bytecode_cache = bytecode_cache(Path(self.cache_dir) / "theme")
            self.files = get_files(config)
            self.files.add_files_from_theme(self.env, config)
            for uri in pages + files:
                self.files.append(File.generated(config, uri, abs_src_path=str(stage / uri)))
            set_exclusions(self.files, config)
            self.nav = get_navigation(self.files, config)
        finally:
            quiet.level, quiet.propagate = level, True
        self.config = config
        self.abbreviations = list(abbreviations)
        self.abbr = Marker(self.abbreviations)
        self.theme = ThemeFiller(config, self.env, self.nav, self.files)
        self._quick = (QuickMarkdown.for_config(config, self.marker)
                       if self.raw_html and self.quick_markdown else None)
        if self.cache_dir:
            self.cache = Cache(Path(self.cache_dir), self.salt())
        in_nav = {p.file.src_uri for p in self.nav.pages}
        return [uri for uri in pages if uri not in in_nav]

    def salt(self) -> str:
        """What every finished page depends on besides its Markdown and address."""
        settings = {k: v for k, v in self.expect.items() if k != "site_dir"}
        custom = self.config.theme.custom_dir
        return "|".join([code_version(), folder_hash([custom] if custom else []),
                         repr(sorted(settings.items())), repr(self.raw_html),
                         repr(self.abbreviations), repr(self._quick is not None)])

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
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        write_chunks(target, data)

    def take(self) -> tuple[dict, dict, dict, set[str]]:
        """Anchors, links, counts and cache keys of the pages made since the last take
        (a forked helper then reports only its own pages)."""
        if self.cache is not None:
            self.cache.flush()
        out = (self.ids, self.links, self.counts,
               self.cache.used if self.cache is not None else set())
        self.ids, self.links, self.counts = {}, {}, {"skeleton": 0, "theme": 0}
        if self.cache is not None:
            self.cache.used = set()
        return out

    def conclude(self, ids: dict[str, frozenset[str]],
                 links: dict[str, dict[str, dict[str, str]]], used: set[str],
                 ) -> tuple[list[tuple[str, int, str]], dict[str, dict[str, dict[str, str]]]]:
        """MkDocs' messages about anchors missing from finished pages, and the links
        into pages MkDocs renders itself (the plugin checks those); the cache keeps only
        the pages of this build."""
        if self.cache is not None:
            self.cache.prune(used)
        texts, elsewhere = check_anchors(ids, links)
        level = self.config.validation.links.anchors
        return [("mkdocs.structure.pages", level, t) for t in texts], elsewhere

    def page(self, uri: str, text: str, digest: str | None = None
             ) -> list[tuple[str, int, str]]:
        """Convert and theme one page and write it (or take it from the cache); MkDocs'
        messages about it. `digest` is text_digest(text) when the caller has it."""
        from mkdocs.utils import meta

        key = (self.cache.key(uri, digest or text_digest(text)) if self.cache is not None
               else None)
        if key is not None and self._from_cache(uri, key):
            self.last_logs = list(self._hit.logs)
            return list(self._hit.logs)
        handler = _Collect()
        logging.getLogger("mkdocs").addHandler(handler)
        try:
            page = self._page(uri)
            page.markdown, page.meta = meta.get_data(text)
            lookups = self._convert(page)
            html, how = self.theme.html(page)
            self.counts[how] = self.counts.get(how, 0) + 1
            data = html.encode("utf-8", errors="xmlcharrefreplace")
        finally:
            logging.getLogger("mkdocs").removeHandler(handler)
        self.write(page.file.dest_uri, data)
        if key is not None:
            self.cache.put(key, Entry(pack(data), self.ids[uri], self.links.get(uri),
                                      handler.records, lookups.seen))
        self._forget(page)
        self.last_logs = handler.records
        return [] if self.in_process else handler.records  # in process: already logged

    def reuse(self, uri: str, digest: str) -> list[tuple[str, int, str]] | None:
        """Write the page whose Markdown had this hash in the last build from the cache,
        without its Markdown (build/incremental.py); MkDocs' messages about it, or None
        when the cache does not have it."""
        if self.cache is None or not self._from_cache(uri, self.cache.key(uri, digest),
                                                      count=False):
            return None
        return list(self._hit.logs)

    def _from_cache(self, uri: str, key: str, count: bool = True) -> bool:
        """Write the page kept under `key` when its link targets are unchanged."""
        entry = self.cache.get(key)
        if entry is None or any(lookup(self.files, target) != seen
                                for target, seen in entry.targets.items()):
            if count:
                self.counts["cache_miss"] = self.counts.get("cache_miss", 0) + 1
            return False
        self.counts["cache_hit"] = self.counts.get("cache_hit", 0) + 1
        self.write(self.files.get_file_from_path(uri).dest_uri, unpack(entry.html))
        self.ids[uri] = entry.ids
        if entry.links:
            self.links[uri] = entry.links
        self._hit = entry
        return True

    def _page(self, uri: str) -> Any:
        from mkdocs.structure.pages import Page

        file = self.files.get_file_from_path(uri)
        return Page(None, file, self.config)

    def _convert(self, page: Any) -> Lookups:
        """What MkDocs and the plugin do to a page's Markdown (build._populate_page); the
        link targets it looked up."""
        found = None
        if self.raw_html:
            page.markdown, found = stash(page.markdown, self.marker)
        lookups = Lookups(self.files)
        self._render(page, lookups)
        if found is not None:
            page.content = restore(page.content, found)
            page.present_anchor_ids = (page.present_anchor_ids or set()) | found.ids
        page.content = self.abbr.mark(page.content, about_href(page.url))
        unsafe = unsafe_page_html(page.content)
        if unsafe:
            raise UnsafePage(f"Небезопасная разметка на странице {page.file.src_uri}: "
                             f"{'; '.join(unsafe[:5])}. Шаблон вывел значение без "
                             "экранирования — исправьте шаблон (фильтры mdesc, md, mdi).")
        uri = page.file.src_uri
        self.ids[uri] = frozenset(page.present_anchor_ids or ())
        if page.links_to_anchors:
            self.links[uri] = {f.src_uri: dict(a) for f, a in page.links_to_anchors.items()}
        return lookups

    def _render(self, page: Any, files: Any) -> None:
        """MkDocs 1.6.1's Page.render, with one Markdown converter for every page (reset
        between pages, as Python-Markdown allows) instead of a new one each time."""
        from mkdocs.structure import pages as mp
        from mkdocs.structure.toc import get_toc

        links = mp._RelativePathTreeprocessor(page.file, files, self.config)
        quick = (self._quick.convert(page.markdown, links.path_to_url)
                 if self._quick is not None else None)
        if quick is not None:
            page.content, page.toc = quick.html, get_toc(quick.toc_tokens)
            page._title_from_render, page.present_anchor_ids = None, quick.ids
            if mp.log.getEffectiveLevel() > logging.DEBUG:
                page.links_to_anchors = links.links_to_anchors
            self.counts["quick"] = self.counts.get("quick", 0) + 1
            return
        if self._md is None:
            import markdown

            self._md = markdown.Markdown(extensions=self.config["markdown_extensions"],
                                         extension_configs=self.config["mdx_configs"] or {})
        md = self._md.reset()
        raw = mp._RawHTMLPreprocessor()
        raw._register(md)
        anchors = mp._ExtractAnchorsTreeprocessor(page.file, self.files, self.config)
        anchors._register(md)
        links._register(md)
        title = mp._ExtractTitleTreeprocessor()
        title._register(md)
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw.present_anchor_ids
        if mp.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = links.links_to_anchors

    def _forget(self, page: Any) -> None:
        page.markdown = page.content = None
        page.toc = []
        page.file.page = None
