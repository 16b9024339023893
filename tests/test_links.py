"""Crawl the served site: every internal href/src resolves, every #anchor exists.

The same crawl runs at the server root and under a sub-path (/shnor-site/, as on a GitHub
Pages project site): no link may leave the sub-path.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest

from tests.conftest import ROOT, serve_dir

LINK_ATTRS = {"href", "src", "action", "poster", "data"}
LISTING = b"<title>Directory listing for"
MISSING = "no/such/page/"  # an address the site does not have: 404.html is served there


class PageParser(HTMLParser):
    """Collects the link targets and the anchor names (id, a[name]) of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in LINK_ATTRS:
                self.links.append(value.strip())
            elif name == "srcset":
                self.links += [part.split()[0] for part in value.split(",") if part.strip()]
            elif name == "id" or (tag == "a" and name == "name"):
                self.anchors.add(value)


@dataclass
class Crawl:
    """Fetched pages and resources of one served copy of the site."""

    base: str
    pages: dict[str, PageParser] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)

    def fetch(self, url: str) -> str:
        """Fetch url once; return "ok" or the reason it is broken. Parses HTML pages."""
        if url not in self.status:
            self.status[url] = self._fetch(url)
        return self.status[url]

    def _fetch(self, url: str) -> str:
        try:
            with urllib.request.urlopen(url, timeout=10) as resp:
                body, ctype = resp.read(), resp.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            return f"HTTP {exc.code}"
        if LISTING in body[:300]:
            return "a folder without index.html"
        if ctype == "text/html":
            parser = PageParser()
            parser.feed(body.decode("utf-8"))
            self.pages[url] = parser
        return "ok"


def internal_target(crawl: Crawl, page: str, link: str) -> tuple[str, str] | None:
    """Absolute target URL and fragment of an internal link; None for external ones."""
    if link.startswith(("mailto:", "tel:", "data:")):
        return None
    url, fragment = urldefrag(urljoin(page, link))
    parts, base = urlsplit(url), urlsplit(crawl.base)
    if parts.scheme in ("http", "https") and parts.netloc != base.netloc:
        return None
    return url, unquote(fragment)


def broken_links(crawl: Crawl, site: Path, with_404: bool = True) -> list[str]:
    """Fetch every built HTML page, then check all links and anchors found on them.

    404.html is served in place of any missing address, so its links are resolved from
    a deep missing address rather than from its own location.
    """
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel != "404.html" or with_404:
            assert crawl.fetch(crawl.base + rel) == "ok", rel
    problems: list[str] = []
    for page, parsed in list(crawl.pages.items()):
        origin = crawl.base + MISSING if page == crawl.base + "404.html" else page
        for link in parsed.links:
            problems += check_link(crawl, origin, link)
    return problems


def check_link(crawl: Crawl, page: str, link: str) -> list[str]:
    """Problems with one link on one page (empty when it is fine)."""
    where = f"{page.removeprefix(crawl.base)} → {link}"
    if link.lower().startswith("javascript:"):
        return [f"{where}: javascript: URL"]
    target = internal_target(crawl, page, link)
    if target is None:
        return []
    url, fragment = target
    if not url.startswith(crawl.base):
        return [f"{where}: leaves the site folder {crawl.base}"]
    state = crawl.fetch(url)
    if state != "ok":
        return [f"{where}: {state}"]
    if fragment and url in crawl.pages and fragment not in crawl.pages[url].anchors:
        return [f"{where}: no element with id {fragment!r}"]
    return []


@pytest.mark.parametrize("where", ["root", "subpath"])
def test_no_broken_internal_links(request, built_site: Path, where: str) -> None:
    """0 broken internal links or anchors, at the server root and under a sub-path.

    The default build is for a domain root: its 404.html links from "/" (MkDocs uses the
    path of site_url), so under a sub-path it is checked by test_404_page_under_subpath.
    """
    base = request.getfixturevalue("site_url" if where == "root" else "subpath_url")
    crawl = Crawl(base)
    problems = broken_links(crawl, built_site, with_404=where == "root")
    assert not problems, "\n".join(problems)
    assert len(crawl.pages) >= len(list(built_site.rglob("*.html"))) - (where != "root")
    assert all(parsed.links for parsed in crawl.pages.values()), "a page without links"


def test_404_page_under_subpath(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Built with SHNOR_SITE_URL=…/shnor-site/, the 404 page works at any missing address."""
    from shnor_site.mkdocs_plugin.atomic import mkdocs_build

    monkeypatch.setenv("SHNOR_SITE_URL", "https://example.org/shnor-site/")
    mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "shnor-site")
    url, server = serve_dir(tmp_path)
    try:
        crawl = Crawl(url + "shnor-site/")
        assert crawl.fetch(crawl.base + "404.html") == "ok"
        links = crawl.pages[crawl.base + "404.html"].links
        problems = [p for link in links for p in check_link(crawl, crawl.base + MISSING, link)]
    finally:
        server.shutdown()
    assert links and not problems, "\n".join(problems)


def test_crawler_reports_broken_links(site_url: str, built_site: Path) -> None:
    """The checker itself finds a missing page, a missing anchor and an escaping link."""
    crawl = Crawl(site_url)
    page = site_url + "about/"
    assert crawl.fetch(page) == "ok"
    assert check_link(crawl, page, "../no-such-page/") != []
    assert check_link(crawl, page, "#no-such-anchor") != []
    assert check_link(crawl, page, "../programmes/#no-such-anchor") != []
    assert check_link(crawl, page, "../assets/") != []
    assert check_link(crawl, page, "../") == []
    assert check_link(crawl, page, "https://example.org/x") == []
    sub = Crawl(site_url + "programmes/")
    assert check_link(sub, sub.base, "../about/") != []
