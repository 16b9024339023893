"""What MkDocs does for every page, done at the end for the pages the worker finished.

Pages finished in the worker (fastpage.py) never pass through MkDocs' page loop. At the end
of the build the plugin therefore repeats MkDocs' messages about them (broken links are
warnings, which fail a strict build), checks the anchors of links between them and the
pages MkDocs rendered — both ways — and makes the sitemap again with them in it, in the
order MkDocs lists its pages.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from shnor_site.mkdocs_plugin.anchors import anchor_message
from shnor_site.mkdocs_plugin.files import FinishedFile

_ID = re.compile(r"""\s(?:id|name)="([^"]*)\"""")


def conclude(plugin: Any, config: Any, report: dict[str, Any]) -> None:
    """Messages, anchors and the sitemap for the finished pages (see the module)."""
    for name, level, text in report["logs"]:
        logging.getLogger(name).log(level, text)
    level = config.validation.links.anchors
    log = logging.getLogger("mkdocs.structure.pages")
    for text in _into_rendered(plugin.files, report["elsewhere"]):
        log.log(level, text)
    for text in _into_finished(plugin.files, Path(config.site_dir)):
        log.log(level, text)
    if config.site_url and "sitemap.xml" in config.theme.static_templates:
        _sitemap(plugin, config)


def _into_rendered(files: Any, elsewhere: dict[str, dict[str, dict[str, str]]]) -> list[str]:
    """Links from finished pages to missing anchors of pages MkDocs rendered."""
    out = []
    for uri, targets in elsewhere.items():
        for target, anchors in targets.items():
            file = files.get_file_from_path(target)
            page = getattr(file, "page", None)
            if page is None or page.present_anchor_ids is None:
                continue
            out += [anchor_message(uri, target, anchor, original)
                    for anchor, original in anchors.items()
                    if anchor not in page.present_anchor_ids]
    return out


def _into_finished(files: Any, site: Path) -> list[str]:
    """Links from pages MkDocs rendered to missing anchors of finished pages (their ids
    read from the written HTML)."""
    out, ids = [], {}
    for file in files.documentation_pages():
        page = file.page
        for target, anchors in ((page.links_to_anchors or {}) if page else {}).items():
            if not isinstance(target, FinishedFile):
                continue
            if target.src_uri not in ids:
                html = (site / target.dest_uri).read_text(encoding="utf-8")
                ids[target.src_uri] = set(_ID.findall(html))
            out += [anchor_message(file.src_uri, target.src_uri, anchor, original)
                    for anchor, original in anchors.items()
                    if anchor not in ids[target.src_uri]]
    return out


def _sitemap(plugin: Any, config: Any) -> None:
    """The sitemap again, as MkDocs makes it, now listing the finished pages too."""
    from mkdocs.commands.build import _build_theme_template
    from mkdocs.structure.pages import Page

    finished = [f for f in plugin.files if isinstance(f, FinishedFile)
                and f.src_uri.endswith(".md")]
    for file in finished:
        Page(None, file, config)
    FinishedFile.as_page = True
    try:
        _build_theme_template("sitemap.xml", plugin.env, plugin.files, config, plugin.nav)
    finally:
        FinishedFile.as_page = False
        for file in finished:
            file.page = None
