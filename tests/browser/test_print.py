"""Printing: the print version of a roadmap holds the whole plan on few A4 sheets, and a
printout names its site, address and build date."""

from __future__ import annotations

import re
from pathlib import Path

from tests.browser.site_pages import DESKTOP

SHORT = "seversk-2022"  # 23 events: 13 A4 sheets as event cards before the print version

EVENT_TITLES_JS = """() => [...document.querySelectorAll('.shnor-event')].map(card =>
  card.querySelector('.shnor-event__title').innerText.replace(/\\s+/g, ' ').trim())"""

PRINT_ROWS_JS = """() => [...document.querySelectorAll('.shnor-print-table tbody tr')]
  .filter(tr => tr.cells.length > 1)
  .map(tr => [tr.cells[0].innerText.trim(), tr.cells[1].innerText.replace(/\\s+/g, ' ').trim(),
              tr.getBoundingClientRect().height > 0])"""


def pdf_pages(pdf: bytes) -> int:
    """Number of pages of a PDF that Chromium wrote (its page objects)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def paged_programme(site: Path) -> str:
    """A programme whose roadmap is cut into several pages on screen."""
    found = sorted(p.parents[2].name for p in site.glob("programmes/*/roadmap/2/index.html"))
    assert found, "no paged roadmap in the built site"
    return found[0]


def roadmap_titles(page, base: str, programme: str) -> list[str]:
    """«number title» of every event card on every page of the roadmap, in order."""
    titles, url = [], f"{base}programmes/{programme}/roadmap/"
    while url:
        page.goto(url)
        titles += page.evaluate(EVENT_TITLES_JS)
        nxt = page.locator(".shnor-pager a[rel=next]")
        url = nxt.first.evaluate("a => a.href") if nxt.count() else None
    return titles


def test_print_version_of_a_paged_roadmap_holds_every_event(page, built_site,
                                                            site_url) -> None:
    """All parts of a paged roadmap are in its print version, down to the last event."""
    page.set_viewport_size(DESKTOP)
    programme = paged_programme(built_site)
    titles = roadmap_titles(page, site_url, programme)
    page.goto(f"{site_url}programmes/{programme}/roadmap/")
    page.get_by_role("link", name="Версия для печати").click()
    page.wait_for_url(f"**/programmes/{programme}/print/")
    page.wait_for_load_state("load")
    page.emulate_media(media="print")
    rows = page.evaluate(PRINT_ROWS_JS)
    assert all(visible for *_, visible in rows)
    printed = [f"{no} {title}".strip() for no, title, _ in rows]
    assert len(printed) == len(titles) > 1
    for card, row in zip(titles, printed, strict=True):
        assert row.startswith(card), (card, row)
    assert page.locator(".shnor-print-table").count() == 1, "one table, not one per part"


def test_print_version_fits_on_few_a4_sheets(page, built_site, site_url) -> None:
    """The 23 events of Северск print on at most 4 A4 sheets, a third of the cards' count."""
    page.set_viewport_size(DESKTOP)
    page.goto(f"{site_url}programmes/{SHORT}/roadmap/")
    cards = pdf_pages(page.pdf(format="A4"))
    page.goto(f"{site_url}programmes/{SHORT}/print/")
    printed = pdf_pages(page.pdf(format="A4"))
    assert 1 <= printed <= 4, printed
    assert printed * 3 <= cards, (printed, cards)


def test_printout_names_site_address_and_build_date(page, built_site, site_url) -> None:
    """In print, every page ends with the site's name, the page's address and the build
    date, and the @page margin carries the same line on every sheet."""
    page.set_viewport_size(DESKTOP)
    for path in (f"programmes/{SHORT}/print/", "about/"):
        page.goto(site_url + path)
        footer = page.locator(".shnor-print-footer")
        assert not footer.is_visible(), "the printed footer is not shown on screen"
        page.emulate_media(media="print")
        text = footer.inner_text()
        assert footer.is_visible()
        assert "Программы поддержки ШНОР и ШНСУ" in text and site_url + path in text
        assert re.search(r"\b\d\d\.\d\d\.\d{4}\b", text)
        margin = page.locator("#shnor-print-page").text_content()
        assert "@bottom-left" in margin and site_url + path in margin
        page.emulate_media(media="screen")
