"""Site search in Chromium: Russian word forms, events, schools, filters, keyboard, sub-path.

Russian text is entered with `fill()` + `press("End")` (Playwright's `type` sends it as
`insertText`, without key events); the keyboard test types it through `keyboard.type`,
which the UI also handles because it listens to `input` events.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.conftest import serve_dir

HEADER = ".shnor-search--header"
PAGE = ".shnor-search--page"
DONE = re.compile(r"Найдено|ничего не найдено")
NOT_BUILT = "Поиск на этом сайте не подключён: сайт собран без поискового указателя."
OFFLINE = re.compile("Не удалось загрузить поиск: нет связи с сайтом")
EVENT_PAGE = "programmes/seversk-2022/roadmap/"
EVENT_ID = "s1-t1-e3"
EVENT_WORDS = "подходы к формированию"  # middle of «Практико-ориентированные подходы к …»


def search_header(page: Page, url: str, query: str) -> Locator:
    """Open url, type query into the header box, wait for the results; return their items."""
    page.goto(url)
    box = page.locator("#shnor-search-input")
    box.fill(query)
    box.press("End")
    expect(page.locator(f"{HEADER} .shnor-search__status")).to_have_text(DONE)
    return page.locator(f"{HEADER} .shnor-search__result")


def marked_words(results: Locator) -> list[str]:
    """Highlighted words of the shown excerpts, lower-case, without punctuation."""
    return [re.sub(r"[^\w-]", "", w.lower()) for w in results.locator("mark").all_inner_texts()]


def result_hrefs(results: Locator) -> list[str]:
    """Absolute URLs of the shown results' main links."""
    return results.locator(".shnor-search__link").evaluate_all("els => els.map(a => a.href)")


def test_other_word_form_is_found(page: Page, site_url: str) -> None:
    """"школами" finds and marks other forms of the word («школ», «школы», «школах»…)."""
    page.goto(site_url + "search/?q=школами")
    expect(page.locator(f"{PAGE} .shnor-search__status")).to_have_text(DONE)
    words = marked_words(page.locator(f"{PAGE} .shnor-search__result"))
    assert set(words) - {"школами"} and all(w.startswith("школ") for w in words), words


def test_mentor_forms(page: Page, site_url: str) -> None:
    """"наставников" also finds «наставник», «наставника», «наставником»… (all results)."""
    page.goto(site_url + "search/?q=наставников")
    status = page.locator(f"{PAGE} .shnor-search__status")
    expect(status).to_have_text(DONE)
    more = page.get_by_role("button", name="Показать ещё")
    while more.is_visible():
        shown = page.locator(f"{PAGE} .shnor-search__result").count()
        more.click()
        expect(page.locator(f"{PAGE} .shnor-search__result")).not_to_have_count(shown)
    words = marked_words(page.locator(f"{PAGE} .shnor-search__result"))
    others = {w for w in words if re.search(r"наставник", w) and w != "наставников"}
    assert others, words


def test_event_lands_on_its_anchor(page: Page, site_url: str, built_site: Path) -> None:
    """Middle words of an event title open the programme page at that event."""
    html = (built_site / EVENT_PAGE / "index.html").read_text(encoding="utf-8")
    card = html[html.index(f'id="{EVENT_ID}"'):]
    assert EVENT_WORDS in card[: card.index("</h")], "the test's event title changed"
    results = search_header(page, site_url, EVENT_WORDS)
    first = results.first
    expect(first.locator(".shnor-search__type")).to_have_text("мероприятие")
    expect(first.locator(".shnor-search__place")).to_have_text("ЗАТО Северск")
    first.locator(".shnor-search__link").click()
    page.wait_for_url(f"{site_url}{EVENT_PAGE}#{EVENT_ID}")
    target = page.locator(f"#{EVENT_ID}")
    expect(target).to_be_in_viewport()
    assert page.evaluate("() => document.querySelector(':target')?.id") == EVENT_ID


@pytest.mark.parametrize(("query", "school", "within"), [
    ("СОШ № 83", "schools/seversk-soh-83/", 1),
    ("Нововасюганская", "schools/kargasok-novovasyuganskaya-sosh/", 3),
])
def test_school_short_name(page: Page, site_url: str, query: str, school: str,
                           within: int) -> None:
    """A school's short name finds its page among the first results."""
    hrefs = result_hrefs(search_header(page, site_url, query))
    assert site_url + school in hrefs[:within], hrefs


def test_result_shows_title_type_place_and_highlight(page: Page, site_url: str) -> None:
    """A school result: its name, «школа», its municipality and a highlighted excerpt."""
    results = search_header(page, site_url, "СОШ № 83")
    first = results.first
    expect(first.locator(".shnor-search__link")).to_have_text("МБОУ «СОШ № 83»")
    expect(first.locator(".shnor-search__type")).to_have_text("школа")
    expect(first.locator(".shnor-search__place")).to_have_text("ЗАТО Северск")
    expect(first.locator(".shnor-search__excerpt mark").first).to_be_visible()


def count_found(status: Locator) -> int:
    """The number in «Найдено: N результатов»."""
    expect(status).to_have_text(re.compile(r"Найдено: \d+"))
    return int(re.search(r"\d+", status.inner_text())[0])


def test_filter_narrows_results(page: Page, site_url: str) -> None:
    """Choosing «школа» leaves fewer results, all of them schools."""
    results = search_header(page, site_url, "школы")
    status = page.locator(f"{HEADER} .shnor-search__status")
    before = count_found(status)
    page.select_option("#shnor-search-input-type", "школа")
    expect(status).not_to_have_text(re.compile(rf"Найдено: {before}\b"))
    after = count_found(status)
    assert 0 < after < before
    assert set(results.locator(".shnor-search__type").all_inner_texts()) == {"школа"}


def test_keyboard_only(page: Page, site_url: str) -> None:
    """Tab to the box, type, arrow down to a result, Enter opens it; Escape closes."""
    page.goto(site_url)
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "shnor-search-input":
            break
    else:
        pytest.fail("Tab never reached the search box")
    page.keyboard.type("наставников")
    status = page.locator(f"{HEADER} .shnor-search__status")
    expect(status).to_have_text(DONE)
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("() => document.activeElement.className")
    assert "shnor-search__link" in focused
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    href = page.evaluate("() => document.activeElement.href")
    page.keyboard.press("Escape")
    expect(page.locator("#shnor-search-panel")).to_be_hidden()
    assert page.evaluate("() => document.activeElement.id") == "shnor-search-input"
    page.keyboard.press("ArrowDown")  # reopens the results and enters them
    assert page.evaluate("() => document.activeElement.href") == href
    page.keyboard.press("Enter")
    page.wait_for_url(href)


def test_search_page_reads_query_and_filters(page: Page, site_url: str) -> None:
    """/search/?q=…&type=… shows the results, keeps the query and the filter."""
    page.goto(site_url + "search/?q=образования&type=организация")
    expect(page.locator(f"{PAGE} .shnor-search__status")).to_have_text(DONE)
    expect(page.locator("#shnor-search-page-input")).to_have_value("образования")
    expect(page.locator("#shnor-search-page-input-type")).to_have_value("организация")
    types = page.locator(f"{PAGE} .shnor-search__type").all_inner_texts()
    assert types and set(types) == {"организация"}


def test_dropdown_links_to_all_results(page: Page, site_url: str) -> None:
    """«Все результаты (N)» opens the search page with the same query and count."""
    search_header(page, site_url, "школы")
    total = count_found(page.locator(f"{HEADER} .shnor-search__status"))
    page.locator(f"{HEADER} .shnor-search__more a").click()
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert count_found(page.locator(f"{PAGE} .shnor-search__status")) == total
    shown = page.locator(f"{PAGE} .shnor-search__result")
    before = shown.count()
    page.get_by_role("button", name="Показать ещё").click()
    expect(shown).not_to_have_count(before)


def test_under_sub_path(page: Page, subpath_url: str) -> None:
    """Under /shnor-site/ the index loads and results point inside the sub-path."""
    hrefs = result_hrefs(search_header(page, subpath_url + "schools/", EVENT_WORDS))
    assert hrefs[0] == f"{subpath_url}{EVENT_PAGE}#{EVENT_ID}"
    assert all(h.startswith(subpath_url) for h in hrefs), hrefs
    page.goto(subpath_url + "search/?q=" + "СОШ № 83")
    expect(page.locator(f"{PAGE} .shnor-search__status")).to_have_text(DONE)
    hrefs = result_hrefs(page.locator(f"{PAGE} .shnor-search__result"))
    assert hrefs[0] == f"{subpath_url}schools/seversk-soh-83/"


@pytest.fixture(scope="module")
def unindexed_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The built site without its search index, as `mkdocs serve` shows it."""
    copy = tmp_path_factory.mktemp("unindexed") / "site"
    shutil.copytree(built_site, copy, ignore=shutil.ignore_patterns("search-index"))
    url, server = serve_dir(copy)
    yield url
    server.shutdown()


def test_without_index_says_so(page: Page, unindexed_url: str) -> None:
    """No index: a clear Russian note in the header box and on the search page."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(unindexed_url)
    page.locator("#shnor-search-input").fill("школы")
    expect(page.locator(f"{HEADER} .shnor-search__status")).to_have_text(NOT_BUILT)
    page.goto(unindexed_url + "search/?q=школы")
    expect(page.locator(f"{PAGE} .shnor-search__status")).to_have_text(NOT_BUILT)
    assert errors == []


def test_a_dropped_request_is_retried(page: Page, site_url: str) -> None:
    """The first request for a term file fails at the network: the results still come."""
    dropped: list[str] = []

    def drop_once(route: object) -> None:
        if not dropped:
            dropped.append(route.request.url)
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route("**/search-index/t/*.bin", drop_once)
    results = search_header(page, site_url, "наставничество")
    assert dropped and results.count() > 0


def test_a_lost_connection_says_so_and_recovers(page: Page, site_url: str) -> None:
    """While every index request fails, the box says there is no connection (never a
    stuck «Поиск…», never a developer's command); once it is back, the next search works."""
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route("**/search-index/**", lambda route: route.abort("internetdisconnected"))
    page.goto(site_url)
    box = page.locator("#shnor-search-input")
    box.fill("мониторинг")
    box.press("End")
    status = page.locator(f"{HEADER} .shnor-search__status")
    expect(status).to_have_text(OFFLINE, timeout=15_000)
    page.unroute("**/search-index/**")
    box.fill("мониторинг дефицитов")
    box.press("End")
    expect(status).to_have_text(DONE, timeout=15_000)
    assert page.locator(f"{HEADER} .shnor-search__result").count() > 0
    assert errors == []
