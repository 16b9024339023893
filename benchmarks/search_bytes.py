"""Bytes a browser fetches for a first Pagefind query on a built site.

Chromium (Debian's, through Playwright) opens a page of the site served on 127.0.0.1,
loads `pagefind/pagefind.js`, runs the query and loads the data of the first results, as
the search page does. Every response under /pagefind/ is counted: index chunks, filter
and metadata files, fragments, the WASM module — and, separately, the JavaScript.
A fresh browser context per query keeps the cache empty (a first query).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from shnor_site.localserve import CHROMIUM, CHROMIUM_ARGS, serve_dir

RESULTS_LOADED = 10

_QUERY_JS = """async ([q, n]) => {
  const pf = await import(new URL('pagefind/pagefind.js', location.href).href);
  await pf.options({});
  const found = await pf.search(q);
  await Promise.all(found.results.slice(0, n).map(r => r.data()));
  return found.results.length;
}"""


@dataclass
class QueryCost:
    """What one first query fetched."""

    query: str
    results: int
    data_bytes: int
    js_bytes: int
    requests: int


def _one_query(browser: object, base: str, query: str) -> QueryCost:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base)
    seen: list[tuple[str, int]] = []

    def done(request: object) -> None:
        if "/pagefind/" in request.url:
            seen.append((request.url, request.sizes()["responseBodySize"]))

    page.on("requestfinished", done)
    results = page.evaluate(_QUERY_JS, [query, RESULTS_LOADED])
    page.wait_for_timeout(200)
    context.close()
    js = sum(size for url, size in seen if url.endswith(".js"))
    data = sum(size for url, size in seen if not url.endswith(".js"))
    return QueryCost(query, results, data, js, len(seen))


def first_query_costs(site: Path, queries: list[str]) -> list[QueryCost]:
    """Cost of each query run first in an empty browser (site must have pagefind/)."""
    from playwright.sync_api import sync_playwright

    base, server = serve_dir(site)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM,
                                         args=CHROMIUM_ARGS)
            try:
                return [_one_query(browser, base, q) for q in queries]
            finally:
                browser.close()
    finally:
        server.shutdown()
