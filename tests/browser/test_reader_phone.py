"""A parent on a 360×740 phone: whom to ask, what applies to the school, abbreviations
explained, wide tables that fit, and a practices filter whose result shows."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.site_pages import MOBILE, axe_blocking

SEVERSK = "schools/seversk-soh-83/"

#: Elements whose right edge passes the viewport, except inside a box that scrolls
#: sideways and says so (reader.js: .shnor-overflows with its visible cue).
CLIPPED_JS = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = [...document.querySelectorAll('.md-content *')].filter(el => {
    const r = el.getBoundingClientRect();
    if (!r.width || r.right <= width + 1 || el.closest('[hidden]')) return false;
    const box = el.closest('.shnor-overflows');
    return !(box && box.previousElementSibling &&
             box.previousElementSibling.classList.contains('is-shown'));
  });
  return {scroll: document.documentElement.scrollWidth, width: width,
          clipped: clipped.slice(0, 5).map(el => el.outerHTML.slice(0, 100))};
}"""


@pytest.fixture
def phone(page):
    page.set_viewport_size(MOBILE)
    return page


def test_whom_to_ask_on_a_phone(phone, site_url: str) -> None:
    phone.goto(site_url + "schools/kargasok-sosh-2/")
    block = phone.locator(".shnor-contacts")
    block.scroll_into_view_if_needed()
    expect(phone.get_by_role("heading", name="Куда обратиться")).to_be_visible()
    authority = block.locator(".shnor-contact", has_text="УООиП")
    expect(authority.get_by_role("link", name="(38253)21373")).to_have_attribute(
        "href", "tel:+73825321373")
    expect(authority.get_by_role("link", name="main@edo.kargasok.net")).to_be_visible()
    # Where the documents give no contacts, the page says so and how to add them.
    phone.goto(site_url + SEVERSK)
    school = phone.locator(".shnor-contact").first
    expect(school).to_contain_text("в опубликованных документах не указаны")
    add = phone.locator(".shnor-contacts__add")
    expect(add).to_contain_text("content/schools/seversk-soh-83.yml")
    add.get_by_role("link", name="«Для авторов и методистов»").click()
    expect(phone.locator("#для-авторов-и-методистов")).to_be_visible()


def test_every_applicable_event_on_a_seversk_school_page(phone, site_url: str) -> None:
    phone.goto(site_url + SEVERSK)
    section = phone.locator(".shnor-forschool")
    expect(section.locator(".shnor-progstatus")).to_have_text("Программа завершена в 2023 году")
    expect(section).to_contain_text("целевая школа: школа, которой программа помогает")
    for summary in section.locator("details summary").all():
        if summary.locator("xpath=..").get_attribute("open") is None:
            summary.click()
    links = section.locator("details li a")
    assert links.count() == 23  # the whole plan: 1 naming the school, 22 for all its schools
    hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert len(hrefs) == 23 and all("/programmes/seversk-2022/roadmap/" in h for h in hrefs)
    for i in range(links.count()):
        expect(links.nth(i)).to_be_visible()
    expect(section.locator(".shnor-forschool__named")).to_have_count(1)
    # The rule is on the page.
    rule = phone.locator(".shnor-forschool__rule")
    expect(rule).to_contain_text("не перечислены отдельные школы")
    width = phone.evaluate(CLIPPED_JS)
    assert width["scroll"] <= width["width"] and width["clipped"] == []


@pytest.mark.parametrize("path", ["partnerships/", "indicators/"])
def test_wide_tables_fit_a_phone(phone, site_url: str, path: str) -> None:
    phone.goto(site_url + path)
    found = phone.evaluate(CLIPPED_JS)
    assert found["scroll"] <= found["width"], found
    assert found["clipped"] == [], found
    # Each cell of a card says which column it is.
    table = phone.locator("table.shnor-cards").first
    expect(table).to_be_visible()
    cell = table.locator("tbody td").nth(1)
    label = cell.get_attribute("data-label")
    header = table.locator("thead th").nth(1).text_content()
    assert label and label == header.strip()
    before = phone.evaluate("(el) => getComputedStyle(el, '::before').content",
                            cell.element_handle())
    assert label in before


def test_partner_school_is_visible_on_a_phone(phone, site_url: str) -> None:
    phone.goto(site_url + "partnerships/")
    cards = phone.locator("table.shnor-pairs tbody tr")
    partner = cards.first.locator("td").nth(3)
    expect(partner).to_be_visible()
    box = partner.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= MOBILE["width"]


def test_a_table_too_wide_for_cards_says_it_scrolls(phone, site_url: str) -> None:
    """A table with merged cells stays a table; when it is wider than the screen, its box
    scrolls and a visible line says so."""
    phone.goto(site_url + "partnerships/")
    phone.evaluate("""() => {
      const box = document.createElement('div'); box.className = 'shnor-table-wrap extra';
      box.innerHTML = '<table style="min-width: 900px"><thead><tr><th colspan="2">Широкая' +
        '</th></tr></thead><tbody><tr><td>а</td><td>б</td></tr></tbody></table>';
      document.querySelector('.md-content .md-typeset').appendChild(box);
    }""")
    phone.add_script_tag(url=site_url + "assets/reader.js")  # runs again over the new table
    box = phone.locator(".shnor-table-wrap.extra")
    expect(box).to_have_class("shnor-table-wrap extra shnor-overflows")
    hint = box.locator("xpath=preceding-sibling::p[1]")
    expect(hint).to_be_visible()
    expect(hint).to_have_text("Таблица шире экрана — листайте её вбок →")
    assert box.get_attribute("tabindex") == "0"
    found = phone.evaluate(CLIPPED_JS)
    assert found["scroll"] <= found["width"] and found["clipped"] == [], found


def test_chart_labels_are_whole_and_readable(phone, site_url: str) -> None:
    phone.goto(site_url + "programmes/norilsk-2021/indicators/")
    phone.evaluate("() => document.querySelectorAll('details.shnor-chart-box')"
                   ".forEach(d => d.open = true)")
    found = phone.evaluate("""() => {
      const svg = document.querySelector('svg.shnor-chart');
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const labels = [...svg.querySelectorAll('.shnor-chart__label')];
      const size = parseFloat(getComputedStyle(labels[0]).fontSize) * scale;
      const right = Math.max(...labels.map(t => t.getBBox().x + t.getBBox().width));
      return {size: size, text: labels.map(t => t.textContent).join(' '),
              fits: right <= svg.viewBox.baseVal.width};
    }""")
    assert found["size"] >= 12, found
    assert "…" not in found["text"] and found["fits"], found


def test_practices_filter_folds_and_the_heading_counts(phone, site_url: str) -> None:
    phone.goto(site_url + "practices/")
    box = phone.locator("[data-shnor-pfilter-box]")
    expect(box).not_to_have_attribute("open", "")
    heading = phone.locator("[data-shnor-plist-title]")
    total = phone.locator("[data-shnor-plist] [data-shnor-practice]").count()
    expect(heading).to_have_text(f"Все практики ({total})")
    box.locator("summary").first.click()
    phone.locator("details.shnor-pfilter__group summary", has_text="Тем").first.click()
    phone.locator('input[name="theme"][value="nastavnichestvo"]').check()
    shown = phone.locator("[data-shnor-plist] [data-shnor-practice]:not([hidden])").count()
    assert 0 < shown < total
    expect(heading).to_have_text(f"Отобрано: {shown} из {total}")
    button = phone.locator("[data-shnor-pfilter-show]")
    expect(button).to_be_visible()  # sticky at the bottom of the open filter
    expect(button).to_contain_text(f"Показать {shown}")
    button.click()
    expect(box).not_to_have_attribute("open", "")
    expect(heading).to_be_in_viewport()


def test_abbreviations_are_explained_once_and_linked(phone, site_url: str) -> None:
    phone.goto(site_url + SEVERSK)
    marked = phone.locator("article a.shnor-abbr abbr")
    terms = marked.all_text_contents()
    assert "ОО" in terms and len(terms) == len(set(terms))
    first = phone.locator("article a.shnor-abbr", has_text="ОО").first
    expect(first.locator("abbr")).to_have_attribute("title", "образовательная организация — "
                                                             "здесь обычно школа")
    assert phone.locator("article h1 abbr, article h2 abbr, article h3 abbr").count() == 0
    first.click()
    expect(phone.locator("#сокращения")).to_be_in_viewport()
    expect(phone.locator("article table td", has_text="ЦНППМ").first).to_be_attached()


@pytest.mark.parametrize("path", [SEVERSK, "schools/kargasok-sosh-2/", "partnerships/",
                                  "indicators/", "practices/?theme=nastavnichestvo"])
def test_axe_on_a_phone_with_everything_open(phone, site_url: str, path: str) -> None:
    """The cards (ARIA roles), the open event lists and the open filter pass axe."""
    phone.goto(site_url + path)
    phone.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    assert axe_blocking(phone) == []
