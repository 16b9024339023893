"""The 1 % national corpus in Chromium: a bank too large for one page, search at scale.

The synthetic corpus (benchmarks/synth.py, 100 practices, 1,000 events) puts the bank of
practices in its paged mode: the filter and the risk selector ask the search index instead
of filtering cards on the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from benchmarks import synth
from shnor_site.content.validate import load_catalogue
from shnor_site.graph.link import build_graph
from shnor_site.mkdocs_plugin.atomic import atomic_build
from tests.helpers import make_project
from tests.support.localserve import serve_dir

FIRST_QUERY_BUDGET = 200 * 1024


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, object]]:
    """(URL of the built 1 % site, its graph)."""
    tmp = tmp_path_factory.mktemp("national")
    synth.generate(tmp / "content", 1, seed=1)
    site = atomic_build(make_project(tmp / "project", tmp / "content"), tmp / "site")
    url, server = serve_dir(site)
    yield url, build_graph(load_catalogue(tmp / "content"))
    server.shutdown()


def found_urls(page: Page) -> set[str]:
    """Site paths of the practices listed by the index query."""
    hrefs = page.locator("[data-shnor-found] a").evaluate_all("els => els.map(a => a.href)")
    return {re.sub(r"^https?://[^/]+/", "", h) for h in hrefs}


def show_all(page: Page, total: int) -> None:
    """Wait for the first 20 results, then press «Показать ещё» until all `total` show."""
    items = page.locator("[data-shnor-found] li")
    expect(items).to_have_count(min(20, total))
    while items.count() < total:
        page.locator("[data-shnor-found-more] button").click()
        expect(items).to_have_count(min(items.count() + 20, total))


def test_large_bank_filters_through_the_index(page: Page, national) -> None:
    url, g = national
    assert not g.practices.one_page
    theme = max(g.practices.group("theme").used, key=lambda v: len(v.practices))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url + "practices/")
    page.locator("details.shnor-pfilter__group", has=page.locator(
        'input[name="theme"]')).locator("summary").click()
    page.locator(f'input[name="theme"][value="{theme.slug}"]').check()
    status = page.locator("[data-shnor-found-status]")
    expect(status).to_have_text(f"Подходящих практик: {len(theme.practices)}.")
    show_all(page, len(theme.practices))
    assert found_urls(page) == {f"practices/{p.id}/" for p in theme.practices}
    assert all("/search-index/" in r or "/assets/" in r or r.startswith(url)
               for r in requests)
    assert f"theme={theme.slug}" in page.url


def test_large_bank_selector_ranks_by_risks(page: Page, national) -> None:
    url, g = national
    risks = [v for v in g.practices.group("risk").values if v.practices][:2]
    page.goto(url + "practices/select/")
    for v in risks:
        page.locator(f'input[name="risk"][value="{v.slug}"]').check()
    wanted = {p.id for v in risks for p in v.practices}
    expect(page.locator("[data-shnor-found-status]")).to_have_text(
        f"Подходящих практик: {len(wanted)}.")
    show_all(page, len(wanted))
    notes = page.locator("[data-shnor-found] .shnor-practice-card__match").all_inner_texts()
    counts = [int(re.search(r"(\d) из 2", n)[1]) for n in notes]
    both = {p.id for p in risks[0].practices} & {p.id for p in risks[1].practices}
    assert counts == sorted(counts, reverse=True) and counts.count(2) == len(both)
    assert found_urls(page) == {f"practices/{p}/" for p in wanted}


def test_event_of_a_paged_roadmap_opens_at_its_card(page: Page, national) -> None:
    url, g = national
    prog = next(p for p in g.cat.all("programme") if len(g.roadmap[p.id]) > 1)
    placed = next(item.placed for item in g.roadmap[prog.id][1].items if item.kind == "event")
    query = placed.event.title.split("\n")[0][:60]
    page.goto(url + "search/?q=" + query)
    expect(page.locator(".shnor-search--page .shnor-search__status")).to_have_text(
        re.compile("Найдено"))
    hrefs = page.locator(".shnor-search--page .shnor-search__link").evaluate_all(
        "els => els.map(a => a.href)")
    target = f"{url}programmes/{prog.id}/roadmap/2/#{placed.anchor}"
    assert target in hrefs[:10]
    page.goto(target)
    assert page.evaluate("() => document.querySelector(':target')?.id") == placed.anchor


@pytest.mark.parametrize("query", ["мониторинг", "методическое сопровождение педагогов"])
def test_first_query_fetches_little(page: Page, national, query: str) -> None:
    url, _ = national
    sizes: dict[str, int] = {}
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if (
        "/search-index/" in r.url or "search-engine" in r.url) else None)
    page.goto(url + "search/?q=" + query)
    expect(page.locator(".shnor-search--page .shnor-search__status")).to_have_text(
        re.compile("Найдено"))
    page.wait_for_load_state("networkidle")
    assert 0 < sum(sizes.values()) <= FIRST_QUERY_BUDGET, sizes


def test_paged_pages_pass_axe(page: Page, national) -> None:
    """The bank's paged lists, a later roadmap page and the index results pass axe."""
    from tests.browser.site_pages import DESKTOP, MOBILE, axe_blocking

    url, g = national
    prog = next(p for p in g.cat.all("programme") if len(g.roadmap[p.id]) > 1)
    for path in ("practices/", "practices/all/2/", "practices/select/",
                 f"programmes/{prog.id}/roadmap/2/"):
        for size in (DESKTOP, MOBILE):
            page.set_viewport_size(size)
            page.goto(url + path, wait_until="load")
            if path == "practices/select/":
                page.locator('input[name="risk"]').first.check()
                expect(page.locator("[data-shnor-found] li").first).to_be_visible()
            bad = axe_blocking(page)
            assert not bad, f"{path} {size}: " + "\n".join(bad)
            assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
