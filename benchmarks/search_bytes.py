"""Bytes a browser fetches for a first search on a built site.

Chromium (Debian's, through Playwright) opens `/search/?q=…` of the site served on
127.0.0.1 in an empty browser context, as a person following a search link: the search
page loads the engine (assets/search-engine.js), the index metadata, the term files of the
query's words and the document blocks of the first results shown. Every response of the
search (search-index/ and the engine) is counted, as sent (`raw`) and as a static host
that compresses JSON and JavaScript would send it (`gzip`, level 6).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from tests.support.localserve import CHROMIUM, CHROMIUM_ARGS, serve_dir

DONE = re.compile(r"Найдено|ничего не найдено")


@dataclass
class QueryCost:
    """What one first query fetched."""

    query: str
    results: int
    data_bytes: int
    js_bytes: int
    requests: int
    gzip_bytes: int = 0


def _one_query(browser: object, base: str, query: str) -> QueryCost:
    context = browser.new_context()
    page = context.new_page()
    seen: list[tuple[str, bytes]] = []

    def done(response: object) -> None:
        if "/search-index/" in response.url or response.url.endswith("search-engine.js"):
            seen.append((response.url, response.body()))

    page.on("response", done)
    page.goto(f"{base}search/?q={quote(query)}")
    status = page.locator(".shnor-search--page .shnor-search__status")
    status.filter(has_text=DONE).wait_for()
    page.wait_for_load_state("networkidle")
    found = re.search(r"(\d+)", status.inner_text())
    context.close()
    js = sum(len(body) for url, body in seen if url.endswith(".js"))
    data = sum(len(body) for url, body in seen if not url.endswith(".js"))
    packed = sum(len(gzip.compress(body, 6)) for _, body in seen)
    return QueryCost(query, int(found[1]) if found else 0, data, js, len(seen), packed)


def first_query_costs(site: Path, queries: list[str]) -> list[QueryCost]:
    """Cost of each query run first in an empty browser (the site must have its index)."""
    from playwright.sync_api import sync_playwright

    base, server = serve_dir(site)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return [_one_query(browser, base, q) for q in queries]
            finally:
                browser.close()
    finally:
        server.shutdown()
