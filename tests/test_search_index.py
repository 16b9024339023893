"""The Pagefind index: what goes in, events as records of their own, clean re-indexing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from shnor_site.search import BUNDLE_DIR, RECORDS_DIR, extract_records, index_site, page_url


def indexed_pages(site: Path) -> list[Path]:
    """Built pages that mark their body for the index."""
    return [p for p in site.rglob("*.html") if BUNDLE_DIR not in p.relative_to(site).parts
            and "data-pagefind-body" in p.read_text(encoding="utf-8")]


def test_page_url() -> None:
    site = Path("/s")
    assert page_url(site, site / "index.html") == "/"
    assert page_url(site, site / "programmes/x/index.html") == "/programmes/x/"
    assert page_url(site, site / "404.html") == "/404.html"


def test_sources_and_search_page_are_not_indexed(built_site: Path) -> None:
    pages = {p.relative_to(built_site).parent.as_posix() for p in indexed_pages(built_site)}
    assert "schools/seversk-soh-83" in pages and "about" in pages
    assert not [p for p in pages if p.endswith("/source") or p == "search"]


def test_every_event_is_a_record_at_its_anchor(built_site: Path) -> None:
    records = list(extract_records(built_site))
    cards = sum(p.read_text(encoding="utf-8").count("<article class=\"shnor-event\"")
                for p in (built_site / "programmes").glob("*/index.html"))
    assert len(records) == cards > 100
    url, html = records[0]
    assert url.startswith("/programmes/") and "#s" in url
    assert 'data-type="мероприятие"' in html and "data-pagefind-ignore" not in html
    entry = json.loads((built_site / BUNDLE_DIR / "pagefind-entry.json").read_text())
    pages = len([p for p in indexed_pages(built_site) if p.name == "index.html"])
    assert entry["languages"]["ru"]["page_count"] == pages + cards


def test_reindexing_replaces_the_bundle(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / BUNDLE_DIR / "stale.pf_index").write_text("old", encoding="utf-8")
    index_site(site)
    assert not (site / BUNDLE_DIR / "stale.pf_index").exists()
    assert (site / BUNDLE_DIR / "pagefind.js").is_file()
    assert not (site / RECORDS_DIR).exists()
