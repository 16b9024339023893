"""«Версия для слабовидящих»: the header toggle, its effect, memory and keyboard use."""

from __future__ import annotations

from tests.browser.site_pages import DESKTOP, MOBILE, axe_blocking, open_type

MODE = '[data-shnor-a11y="mode"]'
IMAGES = '[data-shnor-a11y="images"]'

TEXT_STATE_JS = """() => {
  const p = document.querySelector('.md-typeset h1 ~ p'), s = getComputedStyle(p);
  return {size: parseFloat(s.fontSize), color: s.color,
          on: document.documentElement.classList.contains('shnor-a11y'),
          noimg: document.documentElement.classList.contains('shnor-a11y-noimg'),
          stored: localStorage.getItem('shnor-a11y')};
}"""

# Records whether the mode class was already on <html> when the article was parsed.
EARLY_PROBE_JS = """new MutationObserver((records, observer) => {
  if (document.querySelector('.md-content')) {
    window.__shnorEarly = document.documentElement.classList.contains('shnor-a11y');
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});"""


def test_toggle_enlarges_text_raises_contrast_and_is_remembered(page, built_site,
                                                                 site_url) -> None:
    """Pressing the button turns the mode on here and on the next page, without a flash."""
    page.set_viewport_size(DESKTOP)
    open_type(page, built_site, site_url, "about")
    button = page.get_by_role("button", name="Версия для слабовидящих")
    assert button.get_attribute("aria-pressed") == "false"
    before = page.evaluate(TEXT_STATE_JS)
    button.click()
    after = page.evaluate(TEXT_STATE_JS)
    assert button.get_attribute("aria-pressed") == "true"
    assert after["on"] and after["stored"] == "on" and not before["on"]
    assert after["size"] >= 1.3 * before["size"]
    assert after["color"] == "rgb(0, 0, 0)" != before["color"]
    page.add_init_script(EARLY_PROBE_JS)
    open_type(page, built_site, site_url, "programme")
    assert page.evaluate("window.__shnorEarly") is True, "mode applied after the content"
    assert page.get_by_role("button", name="Версия для слабовидящих").get_attribute(
        "aria-pressed") == "true"
    page.get_by_role("button", name="Версия для слабовидящих").click()
    state = page.evaluate(TEXT_STATE_JS)
    assert not state["on"] and state["stored"] is None


def test_images_can_be_turned_off(page, built_site, site_url) -> None:
    """In the mode a second button hides images and shows their text alternative."""
    page.set_viewport_size(DESKTOP)
    open_type(page, built_site, site_url, "about")
    images = page.locator(IMAGES)
    assert not images.is_visible(), "the images button belongs to the mode only"
    page.evaluate("""() => { const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; img.alt = 'Схема программы';
      img.width = 40; img.height = 40; img.id = 'probe';
      document.querySelector('.md-content p').append(img); }""")
    page.locator(MODE).click()
    images.click()
    assert images.get_attribute("aria-pressed") == "true"
    assert not page.locator("#probe").is_visible()
    assert page.get_by_text("Изображение: Схема программы").is_visible()
    assert page.evaluate(TEXT_STATE_JS)["noimg"]
    page.reload()
    assert page.evaluate(TEXT_STATE_JS)["noimg"], "the choice is remembered"
    page.locator(IMAGES).click()
    assert not page.evaluate(TEXT_STATE_JS)["noimg"]


def test_mode_passes_axe(page, built_site, site_url) -> None:
    """The high-contrast mode itself has no serious WCAG 2.1 A/AA violation."""
    page.add_init_script("localStorage.setItem('shnor-a11y', 'on')")
    for size in (DESKTOP, MOBILE):
        page.set_viewport_size(size)
        open_type(page, built_site, site_url, "programme")
        bad = axe_blocking(page)
        assert not bad, "\n".join(bad)


def focus_by_tab(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching selector has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(sel) => document.activeElement.matches(sel)", selector):
            return
    raise AssertionError(f"{selector} not reached by Tab")


def test_keyboard_operates_toggle_and_menu(page, built_site, site_url) -> None:
    """On a phone, Tab reaches the mode button (Space toggles it) and the menu (Enter opens)."""
    page.set_viewport_size(MOBILE)
    open_type(page, built_site, site_url, "school")
    focus_by_tab(page, MODE)
    page.keyboard.press("Space")
    assert page.locator(MODE).get_attribute("aria-pressed") == "true"
    page.goto(page.url)
    menu = 'label.md-header__button[for="__drawer"]'
    focus_by_tab(page, menu)
    assert page.locator(menu).get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert page.locator("#__drawer").is_checked()
    assert page.locator(menu).get_attribute("aria-expanded") == "true"
