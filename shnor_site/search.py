"""Search index: Pagefind over the built site, with roadmap events as records of their own.

Pages mark what to index with `data-pagefind-body` (set in overrides/main.html through
partials/shnor-search-attrs.html); filters and result metadata travel as
`data-pagefind-filter` / `data-pagefind-meta` attributes. An element marked
`data-shnor-record` (an event card) is left out of its page (`data-pagefind-ignore="all"`)
and indexed as a separate record whose URL is the page URL plus the element's `#id`, so a
search for an event lands on that event.
"""

from __future__ import annotations

import asyncio
import re
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BUNDLE_DIR = "pagefind"
EXCLUDE_SELECTORS = [".headerlink", ".shnor-crumbs", "nav", "footer", ".md-source-file"]

_RECORD = re.compile(
    r"<(?P<tag>article|section)\b(?P<attrs>[^>]*\bdata-shnor-record\b[^>]*)>"
    r"(?P<inner>.*?)</(?P=tag)>",
    re.S,
)
_ID = re.compile(r'\bid="([^"]+)"')
_IGNORE = re.compile(r'\s*data-pagefind-ignore="all"')
_RECORD_PAGE = '<!doctype html>\n<html lang="ru"><head><meta charset="utf-8"></head>' \
               "<body><div data-pagefind-body>{}</div></body></html>"


def page_url(site_dir: Path, html_file: Path) -> str:
    """Root-relative URL of a built page: `programmes/x/index.html` → `/programmes/x/`."""
    rel = html_file.relative_to(site_dir).as_posix()
    if rel == "index.html" or rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return "/" + rel


def extract_records(site_dir: Path) -> Iterator[tuple[str, str]]:
    """(URL with #anchor, standalone HTML) for every `data-shnor-record` element."""
    for html_file in sorted(site_dir.rglob("*.html")):
        if BUNDLE_DIR in html_file.relative_to(site_dir).parts:
            continue
        text = html_file.read_text(encoding="utf-8")
        if "data-shnor-record" not in text:
            continue
        base = page_url(site_dir, html_file)
        for m in _RECORD.finditer(text):
            anchor = _ID.search(m["attrs"])
            if not anchor:
                raise ValueError(f"{html_file}: data-shnor-record without an id")
            element = f"<{m['tag']}{_IGNORE.sub('', m['attrs'])}>{m['inner']}</{m['tag']}>"
            yield f"{base}#{anchor[1]}", _RECORD_PAGE.format(element)


async def _build_index(site_dir: Path) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(exclude_selectors=EXCLUDE_SELECTORS, force_language="ru",
                         output_path=str(site_dir / BUNDLE_DIR))
    records = 0
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(site_dir), glob="**/*.html")
        for url, html in extract_records(site_dir):
            await index.add_html_file(content=html, url=url)
            records += 1
    return records


def index_site(site_dir: Path) -> None:
    """Rebuild `site_dir/pagefind/`: page bodies plus one record per event card.

    Runs in a worker thread with its own event loop, so it also works when the caller
    already runs one (Playwright's sync API does).
    """
    site_dir = Path(site_dir).resolve()
    shutil.rmtree(site_dir / BUNDLE_DIR, ignore_errors=True)
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, _build_index(site_dir)).result()
