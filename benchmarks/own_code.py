"""Why own code instead of a kept library: the numbers, measured on the same content.

- Calendars: our iCalendar writer (shnor_site/outputs/ics.py) against the `icalendar`
  package writing the same events, as a share of the full build.
- Search: our index (shnor_site/search) against Pagefind 1.5.2 (PyPI `pagefind[bin]`)
  indexing the built pages: indexing time, peak memory, bytes of a first query in Chromium.
- Raw HTML blocks kept away from Python-Markdown (shnor_site/build/rawhtml.py): the full
  build with it on and off.
- Stemmer: the bytes a browser loads for our Snowball Russian stemmer against the Russian
  part of the npm port `snowball-stemmers` (node_modules), and whether they agree.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from .measure import ROOT, VENV_BIN, Run, timed
from .search_bytes import QueryCost

PAGEFIND_PAGE = """<!doctype html><html lang="ru"><meta charset="utf-8"><title>…</title>
<script type="module">
const pf = await import("./pagefind/pagefind.js");
const q = new URLSearchParams(location.search).get("q");
const found = await pf.search(q);
await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
document.title = "Найдено: " + found.results.length;
</script></html>
"""


def calendar_seconds(content: Path) -> dict[str, float]:
    """Seconds to write every calendar of the site: ours and with `icalendar`."""
    import icalendar

    from shnor_site.content.validate import load_catalogue
    from shnor_site.graph.link import build_graph
    from shnor_site.graph.tracking import Schedule
    from shnor_site.outputs import files, ics

    sched = Schedule(build_graph(load_catalogue(content, keep_sources=False)),
                     dt.date(2030, 1, 1))

    def with_icalendar(name: str, plans: list, stamp: dt.datetime) -> bytes:
        cal = icalendar.Calendar()
        for key, value in (("prodid", ics.PRODID), ("version", "2.0"),
                           ("calscale", "GREGORIAN"), ("method", "PUBLISH"),
                           ("x-wr-calname", " ".join(name.split()))):
            cal.add(key, value)
        for plan in plans:
            for i, span in enumerate(plan.timing.spans, 1):
                cal.add_component(_icalendar_event(icalendar, plan, i, span, stamp))
        return cal.to_ical()

    out: dict[str, float] = {}
    for label, writer in (("own", ics.calendar_bytes), ("icalendar", with_icalendar)):
        files.calendar_bytes = writer
        began = time.perf_counter()
        for _uri, _data in files.iter_calendars(sched):
            pass
        out[label] = round(time.perf_counter() - began, 2)
    files.calendar_bytes = ics.calendar_bytes
    return out


def _icalendar_event(icalendar: object, plan: object, i: int, span: object,
                     stamp: dt.datetime) -> object:
    from shnor_site.graph.timing import format_span
    from shnor_site.outputs import ics

    ev = icalendar.Event()
    prefix = "Срок: " if span.start is None else ""
    for key, value in (("uid", ics.event_uid(plan, i)), ("dtstamp", stamp.astimezone(dt.UTC)),
                       ("dtstart", span.start or span.end),
                       ("dtend", span.end + dt.timedelta(days=1)),
                       ("summary", prefix + ics.event_title(plan)),
                       ("description", ics._description(plan, format_span(span))),
                       ("transp", "TRANSPARENT")):
        ev.add(key, value)
    if plan.event.status == "отменено":
        ev.add("status", "CANCELLED")
    return ev


def pagefind_index(site: Path) -> Run | None:
    """Pagefind over the built pages (article text only, Russian); None without Pagefind."""
    try:
        import pagefind  # noqa: F401
    except ImportError:
        return None
    return timed([str(VENV_BIN / "python"), "-m", "pagefind", "--site", str(site),
                  "--root-selector", "article", "--force-language", "ru",
                  "--output-subdir", "pagefind"], site)


def pagefind_query_costs(site: Path, queries: list[str]) -> list[QueryCost]:
    """Bytes Pagefind fetches for each query, first in an empty browser (10 results)."""
    from playwright.sync_api import sync_playwright

    from tests.support.localserve import CHROMIUM, CHROMIUM_ARGS, serve_dir

    (site / "pagefind-query.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    costs = []
    base, server = serve_dir(site)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in queries:
            context = browser.new_context()
            page = context.new_page()
            seen: list[tuple[str, bytes]] = []
            page.on("response", lambda r, seen=seen: seen.append((r.url, r.body()))
                    if "/pagefind/" in r.url else None)
            page.goto(f"{base}pagefind-query.html?q={quote(query)}")
            page.wait_for_function("document.title.startsWith('Найдено')", timeout=120_000)
            page.wait_for_load_state("networkidle")
            found = int(re.search(r"\d+", page.title())[0])
            context.close()
            js = sum(len(b) for u, b in seen if u.endswith((".js", ".wasm")))
            data = sum(len(b) for u, b in seen if not u.endswith((".js", ".wasm")))
            packed = sum(len(gzip.compress(b, 6)) for _, b in seen)
            costs.append(QueryCost(query, found, data, js, len(seen), packed))
        browser.close()
    server.shutdown()
    return costs


def rawhtml_off(project: Path) -> Run:
    """Our full build with the raw-HTML stash turned off (SHNOR_RAW_HTML=0)."""
    with tempfile.TemporaryDirectory() as out:
        return timed([str(VENV_BIN / "shnor-site"), "build", "-d", out], project,
                     env={"SHNOR_RAW_HTML": "0"})


def stemmer_bytes() -> dict[str, int] | None:
    """Raw and gzip bytes of our stemmer and of the npm port's Russian part."""
    engine = (ROOT / "docs" / "assets" / "search-engine.js").read_text(encoding="utf-8")
    ours = engine[engine.index("const VOWELS"):engine.index("const WORD =")].encode()
    port = ROOT / "node_modules" / "snowball-stemmers" / "snowball-stemmers.js"
    if not port.exists():
        return None
    text = port.read_text(encoding="utf-8")
    start, end = text.index("function _possibleConstructorReturn"), text.index(
        "var arabicStemmer")
    russian = text.index("var russianStemmer")
    part = (text[start:end] + text[russian:text.index("var sloveneStemmer")]).encode()
    return {"own_raw": len(ours), "own_gzip": len(gzip.compress(ours, 6)),
            "npm_raw": len(part), "npm_gzip": len(gzip.compress(part, 6))}
