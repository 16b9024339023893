"""The bank of practices in Chromium: instant filter, risk selector, and life without JS."""

from __future__ import annotations

from playwright.sync_api import expect

CARDS = "[data-shnor-plist] [data-shnor-practice]"
PARENTS = "nizkiy-uroven-vovlechennosti-roditeley"
MOTIVATION = "nizkaya-uchebnaya-motivatsiya-obuchayushchikhsya"

CLICK_AND_COUNT = """([name, value]) => {
  const box = document.querySelector(`input[name="${name}"][value="${value}"]`);
  const started = performance.now();
  box.click();
  const elapsed = performance.now() - started;
  const cards = [...document.querySelectorAll('[data-shnor-plist] [data-shnor-practice]')];
  return {ms: elapsed, shown: cards.filter(c => !c.hidden).length, total: cards.length,
          status: document.querySelector('[data-shnor-pfilter-status]').textContent};
}"""

EXPECTED = """(filters) => [...document.querySelectorAll(
  '[data-shnor-plist] [data-shnor-practice]')].filter(card => Object.entries(filters).every(
  ([key, slugs]) => slugs.some(s => (card.getAttribute('data-facet-' + key) || '')
  .split(' ').includes(s)))).length"""


def test_bank_filter_narrows_the_list_instantly(page, site_url: str) -> None:
    page.goto(site_url + "practices/", wait_until="networkidle")
    expect(page.locator("[data-shnor-pfilter]")).to_be_visible()
    total = page.locator(CARDS).count()
    assert total >= 12 and page.locator(f"{CARDS}:not([hidden])").count() == total
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))

    first = page.evaluate(CLICK_AND_COUNT, ["theme", "nastavnichestvo"])
    expected = page.evaluate(EXPECTED, {"theme": ["nastavnichestvo"]})
    assert 0 < expected < total
    assert first["shown"] == expected  # already filtered when click() returns
    assert first["ms"] < 100 and f"из {total}" in first["status"]

    second = page.evaluate(CLICK_AND_COUNT, ["municipality", "norilsk"])
    assert second["shown"] == page.evaluate(
        EXPECTED, {"theme": ["nastavnichestvo"], "municipality": ["norilsk"]})
    assert 0 < second["shown"] < first["shown"]
    # No data is fetched: the cards carry their facets. (Chromium re-requests the favicon
    # after history.replaceState, which keeps the filter in the address.)
    assert [u for u in requests if not u.endswith("/favicon.png")] == []
    assert "theme=nastavnichestvo" in page.url and "municipality=norilsk" in page.url

    page.reload()
    expect(page.locator('input[name="municipality"][value="norilsk"]')).to_be_checked()
    assert page.locator(f"{CARDS}:not([hidden])").count() == second["shown"]
    page.get_by_role("button", name="Сбросить отбор").click()
    assert page.locator(f"{CARDS}:not([hidden])").count() == total
    assert "?" not in page.url


def test_bank_shows_an_empty_message_when_nothing_matches(page, site_url: str) -> None:
    page.goto(site_url + "practices/")
    empty = page.locator("[data-shnor-pfilter-empty]")
    expect(empty).to_be_hidden()
    page.evaluate(CLICK_AND_COUNT, ["municipality", "sosva"])
    result = page.evaluate(CLICK_AND_COUNT, ["audience", "roditeli"])
    assert result["shown"] == page.evaluate(
        EXPECTED, {"municipality": ["sosva"], "audience": ["roditeli"]}) == 0
    expect(empty).to_be_visible()


def test_selector_ranks_practices_by_the_school_risks(page, site_url: str) -> None:
    page.goto(site_url + "practices/select/")
    status = page.locator("[data-shnor-pselect-status]")
    expect(status).to_have_text("Отметьте хотя бы один риск-профиль.")
    expect(page.locator("[data-shnor-plist]")).to_be_hidden()
    page.locator(f'input[name="risk"][value="{PARENTS}"]').check()
    page.locator(f'input[name="risk"][value="{MOTIVATION}"]').check()
    visible = page.locator(f"{CARDS}:not([hidden])")
    expected = page.evaluate(EXPECTED, {"risk": [PARENTS, MOTIVATION]})
    assert expected > 0 and visible.count() == expected
    expect(status).to_have_text(f"Подходящих практик: {expected}.")
    matches = [sum(r in (visible.nth(i).get_attribute("data-facet-risk") or "").split()
                   for r in (PARENTS, MOTIVATION)) for i in range(visible.count())]
    assert matches == sorted(matches, reverse=True) and matches[0] == 2
    expect(visible.first.locator("[data-shnor-match]")).to_have_text(
        "Совпадает с рисками школы: 2 из 2.")
    assert f"risk={PARENTS}" in page.url


def test_without_javascript_the_facet_pages_do_the_job(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "practices/")
    assert page.locator("[data-shnor-pfilter] input").count() == 0
    assert page.locator(f"{CARDS}:visible").count() >= 12
    page.locator(f'[data-shnor-pfilter] a[href="risk/{MOTIVATION}/"]').click()
    cards = page.locator("[data-shnor-practice]")
    assert cards.count() >= 1
    for i in range(cards.count()):
        assert MOTIVATION in (cards.nth(i).get_attribute("data-facet-risk") or "").split()
    page.goto(site_url + "practices/select/")
    expect(page.locator("[data-shnor-pselect]")).to_be_hidden()
    assert page.locator('a[href^="../risk/"]:visible').count() == 10
    context.close()


def test_bank_fits_a_phone(page, site_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + "practices/")
    page.locator("[data-shnor-pfilter-box] > summary").click()  # folded on a phone
    page.locator("details.shnor-pfilter__group summary").nth(2).click()
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1]
