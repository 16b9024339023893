"""XSS corpus (tests/xss/): payloads in every text field, built, then opened in Chromium.

Two variants: «plain» puts one payload in each text field; «probe» adds a Markdown link,
image, raw HTML and an attribute list after every payload, so a template that prints a
plain-text field into Markdown without escaping is caught wherever that field goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from shnor_site.content.validate import load_catalogue
from shnor_site.mkdocs_plugin.atomic import atomic_build
from tests.conftest import serve_dir
from tests.helpers import make_project
from tests.xss.corpus import PAYLOADS, build_content, load_payloads, placed_slots

MARKERS = ("alert(", "__pwned", "evil.example")
# Active content that must not exist inside the page content after the build.
DOM_JS = """() => {
  const bad = [];
  const root = document.querySelector('.md-content') || document.body;
  const active = ['script', 'iframe', 'frame', 'object', 'embed', 'base', 'meta', 'link',
                  'svg', 'math', 'style', 'applet'];
  for (const el of root.querySelectorAll('*')) {
    if (active.includes(el.localName)) bad.push('<' + el.localName + '>');
    for (const a of el.attributes) {
      const v = a.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (a.name.startsWith('on')) bad.push(a.name + ' on <' + el.localName + '>');
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'poster',
           'srcset', 'background'].includes(a.name) && /^(javascript|vbscript|data):/.test(v))
        bad.push(a.name + '=' + a.value.slice(0, 40));
      if (a.name === 'style' && /url\\(|expression/i.test(a.value)) bad.push('style url');
    }
    if (el.localName === 'a' && el.href && new URL(el.href).origin !== location.origin) {
      const rel = (el.getAttribute('rel') || '').split(/\\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer'))
        bad.push('external link without rel: ' + el.href);
    }
  }
  return bad;
}"""


VARIANTS = ["plain", "probe"]


class _Builds:
    """Each corpus variant built once per module, on first use: (content, site, probe)."""

    def __init__(self, tmp: pytest.TempPathFactory) -> None:
        self.tmp = tmp
        self.done: dict[str, tuple[Path, Path, bool]] = {}
        self.servers: list = []
        self.urls: dict[str, str] = {}

    def get(self, variant: str) -> tuple[Path, Path, bool]:
        if variant not in self.done:
            probe = variant == "probe"
            tmp = self.tmp.mktemp(f"xss-{variant}")
            content = tmp / "corpus" / "content"
            content.mkdir(parents=True)
            build_content(content, probe=probe)
            config = make_project(tmp / "project", content)
            site = atomic_build(config, tmp / "project" / "site")
            self.done[variant] = (tmp / "project" / "content", site, probe)
        return self.done[variant]

    def url(self, variant: str) -> str:
        if variant not in self.urls:
            self.urls[variant], server = serve_dir(self.get(variant)[1])
            self.servers.append(server)
        return self.urls[variant]


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Builds]:
    """The corpus sites (built lazily) and their local servers."""
    out = _Builds(tmp_path_factory)
    yield out
    for server in out.servers:
        server.shutdown()


def test_corpus_has_100_payloads_in_every_family() -> None:
    payloads = load_payloads()
    assert len(payloads) >= 100
    families = re.findall(r"^## (.+)$", PAYLOADS.read_text(encoding="utf-8"), re.M)
    assert len(families) >= 10
    for needle in ("<script", "onerror=", "<svg", "&#", "](javascript:", 'href="javascript:',
                   "https://evil.example", "<math"):
        assert any(needle in p for p in payloads), needle


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_payload_and_every_record_kind_is_used(builds: _Builds, variant: str) -> None:
    content, _, probe = builds.get(variant)
    text = "".join(p.read_text(encoding="utf-8") for p in content.rglob("*.*"))
    slots = placed_slots(content, probe=probe)
    kinds = {path.split("/")[1] for path, fields in slots.items() if fields}
    assert {"municipalities", "organisations", "schools", "programmes", "practices"} <= kinds
    assert sum(len(f) for f in slots.values()) >= 200
    missing = [p for p in load_payloads() if p.split("\n")[0] not in text]
    assert missing == []


# A value that opens with a complete active tag must get an `unsafe-html` warning.
ACTIVE_TAG = re.compile(r"<(script|img|svg|iframe|object|style|details)\b[^<>]*>", re.I)


@pytest.mark.parametrize("variant", VARIANTS)
def test_check_accepts_the_corpus_and_warns(builds: _Builds, variant: str) -> None:
    content, _, probe = builds.get(variant)
    cat = load_catalogue(content)
    assert cat.errors == []
    warned = {(p.path, p.field) for p in cat.problems if p.code == "unsafe-html"}
    assert all(p.severity == "warning" for p in cat.problems)
    expected = 0
    for path, fields in placed_slots(content, probe=probe).items():
        src = next(s for s in cat.sources.values() if s.rel == path)
        for field, value in _values(src.data, fields):
            if ACTIVE_TAG.match(value) or (probe and not value.startswith("http")):
                expected += 1
                assert (path, field) in warned, (path, field, value)
    assert expected >= 30


def _values(data: object, fields: set[str]) -> Iterator[tuple[str, str]]:
    from shnor_site.content.sources import iter_strings
    from shnor_site.core.problems import fmt_loc

    for loc, value in iter_strings(data):
        if fmt_loc(loc) in fields:
            yield fmt_loc(loc), value


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "search-index" not in p.parts)


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_page_runs_a_payload(page, builds: _Builds, variant: str) -> None:
    """No dialog, no marker, no request to another host, no active content in any page."""
    site, xss_url = builds.get(variant)[1], builds.url(variant)
    events: list[str] = []
    page.on("dialog", lambda d: (events.append(f"dialog {d.message}"), d.dismiss()))
    page.on("request", lambda r: None if r.url.startswith((xss_url, "data:"))
            else events.append(f"request {r.url}"))
    page.on("console", lambda m: events.append(f"console {m.text}")
            if any(k in m.text for k in MARKERS) else None)
    failures = []
    pages = _pages(site)
    assert len(pages) >= 15
    for rel in pages:
        events.clear()
        page.goto(xss_url + rel, wait_until="load")
        page.wait_for_timeout(30)
        found = list(events)
        if page.evaluate("() => window.__pwned !== undefined"):
            found.append("window.__pwned set")
        found += page.evaluate(DOM_JS)
        if found:
            failures.append(f"{rel}: {found[:6]}")
    assert failures == []


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("query", ["alert", "клик"])
def test_search_results_show_payloads_as_text(page, builds: _Builds, variant: str,
                                              query: str) -> None:
    xss_url = builds.url(variant)
    events: list[str] = []
    page.on("dialog", lambda d: (events.append(d.message), d.dismiss()))
    page.on("request", lambda r: None if urlsplit(r.url).hostname == "127.0.0.1"
            else events.append(r.url))
    page.goto(f"{xss_url}search/?q={query}", wait_until="load")
    results = page.locator(".shnor-search--page .shnor-search__results li")
    results.first.wait_for(timeout=10_000)
    assert results.count() > 0
    assert page.evaluate("() => window.__pwned") is None
    assert page.evaluate(DOM_JS) == []
    assert events == []
