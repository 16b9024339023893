"""Every page type in Chromium: no third-party requests, phone layout, print.

Screenshots of every page type (desktop, phone, phone in the visually-impaired mode) are
saved to artifacts/screenshots/ on the way.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.site_pages import ARTIFACTS, DESKTOP, KINDS, MOBILE, open_type

SCREENSHOTS = ARTIFACTS / "screenshots"

OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > width + 1 && getComputedStyle(el).position !== 'fixed';
  }).filter(el => !el.closest('.md-sidebar, [hidden]')).slice(0, 5)
    .map(el => el.outerHTML.slice(0, 120));
  return {scroll: document.documentElement.scrollWidth, width: window.innerWidth, wide: wide};
}"""


def screenshot(page, name: str) -> None:
    """Save a full-page screenshot to artifacts/screenshots/ (for people to look at)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=shot, full_page=True)
    assert shot.stat().st_size > 5_000, f"{shot} looks empty"


@pytest.mark.parametrize("kind", KINDS)
def test_no_third_party_requests(page, built_site, site_url, kind: str) -> None:
    """Loading the page (until the network is idle) asks only the local server."""
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.set_viewport_size(DESKTOP)
    url = open_type(page, built_site, site_url, kind)
    page.wait_for_load_state("networkidle")
    local = urlsplit(url).netloc
    assert requests, "no request was recorded"
    foreign = [u for u in requests if urlsplit(u).scheme not in ("data", "blob")
               and urlsplit(u).netloc != local]
    assert not foreign, "\n".join(foreign)
    screenshot(page, f"{kind}-desktop")


@pytest.mark.parametrize("mode", ["normal", "a11y"])
@pytest.mark.parametrize("kind", KINDS)
def test_phone_has_no_horizontal_scroll(page, built_site, site_url, kind: str,
                                        mode: str) -> None:
    """At 360×740 no page scrolls sideways, also in the visually-impaired mode."""
    if mode == "a11y":
        page.add_init_script("localStorage.setItem('shnor-a11y', 'on')")
    page.set_viewport_size(MOBILE)
    open_type(page, built_site, site_url, kind)
    state = page.evaluate(OVERFLOW_JS)
    assert state["width"] == MOBILE["width"]
    assert state["scroll"] <= state["width"], "\n".join(state["wide"])
    screenshot(page, f"{kind}-mobile" + ("-a11y" if mode == "a11y" else ""))


def test_headings_hyphenate_russian_words(page, site_url) -> None:
    """Headings hyphenate at syllables (the page is lang="ru") rather than cut mid-word."""
    page.set_viewport_size(MOBILE)
    page.goto(site_url + "municipalities/")
    assert page.evaluate("document.documentElement.lang") == "ru"
    styles = page.evaluate("""[...document.querySelectorAll('.md-typeset h1, .md-typeset h2')]
        .map(h => getComputedStyle(h).hyphens)""")
    assert styles and set(styles) == {"auto"}


HIDDEN_IN_PRINT = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary",
                   ".md-footer", ".shnor-crumbs", ".shnor-a11y-tools", ".shnor-subnav",
                   ".shnor-pager"]

PRINT_STATE_JS = """(hidden) => ({
  shown: hidden.filter(sel => [...document.querySelectorAll(sel)]
    .some(el => el.getBoundingClientRect().height > 0)),
  search: [...document.querySelectorAll('input, [role=search], .md-search')]
    .filter(el => el.getBoundingClientRect().height > 0).map(el => el.outerHTML.slice(0, 80)),
  tables: [...document.querySelectorAll('.md-typeset table, .shnor-event')]
    .map(el => getComputedStyle(el).breakInside),
  wraps: [...document.querySelectorAll('.shnor-table-wrap, .md-typeset__scrollwrap')]
    .filter(el => el.scrollWidth > el.clientWidth + 1).length,
})"""


def test_programme_prints_cleanly(page, built_site, site_url) -> None:
    """Print media: no header, sidebars, breadcrumbs, page links or search; tables whole."""
    page.set_viewport_size(DESKTOP)
    open_type(page, built_site, site_url, "indicators")
    page.emulate_media(media="print")
    state = page.evaluate(PRINT_STATE_JS, HIDDEN_IN_PRINT)
    assert state["shown"] == [] and state["search"] == []
    assert state["tables"] and set(state["tables"]) == {"avoid"}
    assert state["wraps"] == 0, "a table is cut off by a scrolling box in print"
    assert page.locator("h1").is_visible()
    assert page.pdf(format="A4")[:4] == b"%PDF"
