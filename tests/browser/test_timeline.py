"""Timeline, calendars and the new index pages in Chromium: layout, links, accessibility."""

from __future__ import annotations

import pytest

from tests.browser.site_pages import ARTIFACTS, DESKTOP, MOBILE, axe_blocking

SHOTS = ARTIFACTS / "screenshots"
PROGRAMMES = ["kargasok-2020", "norilsk-2021", "seversk-2022", "sosva-2022", "tula-2024"]
STATUSES = {"запланировано", "идёт", "завершено по плану"}
SECTION = "h1:has-text('Сроки и исполнение')"
SCROLL_TO = "el => { el.scrollIntoView(); window.scrollBy(0, -64); }"  # below the sticky header


@pytest.mark.parametrize("size", [MOBILE, DESKTOP], ids=["360x740", "1280x900"])
def test_timeline_screenshots_and_no_sideways_scroll(page, site_url, size) -> None:
    page.set_viewport_size(size)
    for pid in PROGRAMMES:
        page.goto(f"{site_url}programmes/{pid}/timeline/", wait_until="load")
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= size["width"], f"{pid}: page is {wide}px wide at {size['width']}px"
        assert page.locator(".shnor-tl__groups li").count() > 0, pid
    page.goto(f"{site_url}programmes/seversk-2022/timeline/", wait_until="load")
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = f"timeline-{size['width']}x{size['height']}"
    page.locator(SECTION).evaluate(SCROLL_TO)
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    page.locator(".shnor-tl__year").first.evaluate(SCROLL_TO)
    page.screenshot(path=str(SHOTS / f"{name}-months.png"))


def test_every_status_is_written_in_text(page, site_url) -> None:
    page.goto(f"{site_url}programmes/tula-2024/timeline/", wait_until="load")
    texts = page.locator(".shnor-status").all_inner_texts()
    assert texts and set(texts) <= STATUSES
    page.goto(f"{site_url}programmes/tula-2024/roadmap/", wait_until="load")
    texts = page.locator(".shnor-status").all_inner_texts()
    assert texts and set(texts) <= STATUSES
    cards = page.locator("article.shnor-event").count()
    assert page.locator(".shnor-event__done").count() == cards
    assert set(page.locator(".shnor-event__done .shnor-state").all_inner_texts()) == {
        "нет сведений"}


def test_timeline_links_open_the_event_card(page, site_url) -> None:
    """A timeline entry opens the roadmap page that holds the event, at its card."""
    page.set_viewport_size(MOBILE)
    page.goto(f"{site_url}programmes/kargasok-2020/timeline/", wait_until="load")
    link = page.locator(".shnor-tl__items a").nth(3)
    href = link.get_attribute("href")
    assert href and href.startswith("../roadmap/") and "#" in href
    anchor = "#" + href.split("#", 1)[1]
    link.click()
    page.wait_for_function("h => location.hash === h", arg=anchor)
    assert "/programmes/kargasok-2020/roadmap/" in page.url
    card = page.locator(f"article.shnor-event{anchor}")
    assert card.count() == 1
    assert card.evaluate("el => el.matches(':target')")
    top = card.evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < MOBILE["height"]


def test_overview_svg_is_described(page, site_url) -> None:
    page.goto(f"{site_url}programmes/norilsk-2021/timeline/", wait_until="load")
    svg = page.locator("svg.shnor-tlsvg")
    assert svg.get_attribute("role") == "img"
    title_id, desc_id = svg.get_attribute("aria-labelledby").split()
    assert page.locator(f"#{title_id}").text_content().startswith("Число мероприятий")
    assert "сентябрь — " in page.locator(f"#{desc_id}").text_content()


def test_calendar_link_works_under_a_sub_path(page, subpath_url) -> None:
    for path in ("programmes/tula-2024/timeline/", "schools/tula-co-48/"):
        page.goto(f"{subpath_url}{path}", wait_until="load")
        link = page.get_by_role("link", name="Подписаться на календарь")
        url = link.evaluate("a => a.href")
        assert "/shnor-site/" in url and url.endswith(".ics")
        response = page.request.get(url)
        assert response.ok and response.body().startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize("path", ["indicators/", "partnerships/", "data/"])
def test_new_index_pages_pass_axe(page, site_url, path: str) -> None:
    page.set_viewport_size(DESKTOP)
    response = page.goto(site_url + path, wait_until="load")
    assert response is not None and response.ok
    bad = axe_blocking(page)
    assert not bad, "\n".join(bad)
    page.set_viewport_size(MOBILE)
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]
