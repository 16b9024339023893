"""«Версия для слабовидящих» (ГОСТ Р 52872-2019): the header button and the settings panel —
font size, colour schemes, letter spacing, images, «Обычная версия» — their effect on the
whole theme, their memory across pages, keyboard and phone use, and axe in every scheme."""

from __future__ import annotations

import pytest

from tests.browser.site_pages import DESKTOP, MOBILE, axe_blocking, open_type

MODE = '[data-shnor-a11y="mode"]'
PANEL = ".shnor-a11y-panel"
#: The schemes: (text, background) as computed colours.
SCHEMES = {"bw": ("rgb(0, 0, 0)", "rgb(255, 255, 255)"),
           "wb": ("rgb(255, 255, 255)", "rgb(0, 0, 0)"),
           "blue": ("rgb(6, 52, 98)", "rgb(157, 209, 255)"),
           "brown": ("rgb(77, 75, 67)", "rgb(247, 243, 214)")}
SCHEME_NAMES = {"bw": "чёрным по белому", "wb": "белым по чёрному",
                "blue": "тёмно-синим по голубому", "brown": "коричневым по бежевому"}

STATE_JS = """() => {
  const root = document.documentElement, p = document.querySelector('.md-typeset h1 ~ p');
  const style = el => getComputedStyle(el);
  const bg = el => { for (; el; el = el.parentElement) { const c = style(el).backgroundColor;
    if (c !== 'rgba(0, 0, 0, 0)') return c; } return 'none'; };
  const link = document.querySelector('.md-content a');
  return {on: root.classList.contains('shnor-a11y'),
          noimg: root.classList.contains('shnor-a11y-noimg'),
          size: root.dataset.a11ySize || null, scheme: root.dataset.a11yScheme || null,
          spacing: root.dataset.a11ySpacing || null,
          font: parseFloat(style(p).fontSize), letters: style(p).letterSpacing,
          text: style(p).color, page: bg(p), link: style(link).color,
          header: style(document.querySelector('.md-header')).backgroundColor,
          headerText: style(document.querySelector('.md-header__topic')).color,
          footer: bg(document.querySelector('.md-copyright')),
          nav: style(document.querySelector('.md-nav__link')).color,
          stored: Object.fromEntries(Object.keys(localStorage)
            .filter(k => k.startsWith('shnor-a11y')).map(k => [k, localStorage.getItem(k)]))};
}"""

# Records whether the mode was already on <html> when the article was parsed.
EARLY_PROBE_JS = """new MutationObserver((records, observer) => {
  if (document.querySelector('.md-content')) {
    const root = document.documentElement;
    window.__shnorEarly = [root.classList.contains('shnor-a11y'), root.dataset.a11yScheme || null,
                           root.dataset.a11ySize || null];
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});"""

OVERFLOW_JS = """() => document.documentElement.scrollWidth - window.innerWidth"""


def choose(page, group: str, name: str) -> None:
    """Press a setting's button in the panel by its group and accessible name."""
    page.get_by_role("group", name=group).get_by_role("button", name=name).click()


def pressed(page, group: str) -> list[str]:
    """Values of the pressed buttons of a group."""
    buttons = page.get_by_role("group", name=group).get_by_role("button", pressed=True)
    return [b.get_attribute("data-value") for b in buttons.all()]


def test_panel_appears_only_in_the_mode(page, built_site, site_url) -> None:
    """Off: no panel; the header button turns the mode on with the default settings."""
    page.set_viewport_size(DESKTOP)
    open_type(page, built_site, site_url, "about")
    before = page.evaluate(STATE_JS)
    assert not page.locator(PANEL).is_visible() and not before["on"]
    page.get_by_role("button", name="Версия для слабовидящих").click()
    after = page.evaluate(STATE_JS)
    assert page.locator(PANEL).is_visible()
    assert page.locator(MODE).get_attribute("aria-pressed") == "true"
    assert (after["size"], after["scheme"], after["spacing"]) == ("2", "bw", "normal")
    assert after["font"] >= 1.3 * before["font"]
    assert (after["text"], after["page"]) == SCHEMES["bw"] and after["text"] != before["text"]
    assert after["stored"] == {"shnor-a11y": "on"}


def test_font_steps_grow_and_spacing_widens(page, built_site, site_url) -> None:
    """Three font sizes, each larger than the last; increased letter spacing."""
    page.set_viewport_size(DESKTOP)
    page.add_init_script("localStorage.setItem('shnor-a11y', 'on')")
    open_type(page, built_site, site_url, "about")
    sizes = []
    for step in ("обычный", "крупный", "очень крупный"):
        choose(page, "Размер шрифта", f"А — {step}")
        sizes.append(page.evaluate(STATE_JS)["font"])
        assert pressed(page, "Размер шрифта") == [str(len(sizes))]
    assert sizes == sorted(sizes) and sizes[0] < sizes[1] < sizes[2]
    assert sizes[2] >= 1.4 * sizes[0]
    assert page.evaluate(STATE_JS)["letters"] == "normal"
    choose(page, "Интервал между буквами", "Увеличенный")
    letters = page.evaluate(STATE_JS)["letters"]
    assert letters.endswith("px") and float(letters[:-2]) >= 0.1 * sizes[2]


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_scheme_colours_the_whole_theme(page, built_site, site_url, scheme: str) -> None:
    """Text, links, navigation, page, header and footer all follow the chosen scheme."""
    page.set_viewport_size(DESKTOP)
    page.add_init_script("localStorage.setItem('shnor-a11y', 'on')")
    open_type(page, built_site, site_url, "programme")
    choose(page, "Цвета", f"Ц — {SCHEME_NAMES[scheme]}")
    state = page.evaluate(STATE_JS)
    fg, bg = SCHEMES[scheme]
    assert state["scheme"] == scheme and state["stored"]["shnor-a11y-scheme"] == scheme
    assert (state["text"], state["link"], state["nav"], state["page"]) == (fg, fg, fg, bg)
    assert (state["header"], state["headerText"], state["footer"]) == (fg, bg, fg)


def test_settings_persist_across_a_navigation(page, built_site, site_url) -> None:
    """Chosen settings hold on the next page, applied before its content is drawn."""
    page.set_viewport_size(DESKTOP)
    open_type(page, built_site, site_url, "home")
    page.locator(MODE).click()
    choose(page, "Размер шрифта", "А — очень крупный")
    choose(page, "Цвета", "Ц — тёмно-синим по голубому")
    choose(page, "Интервал между буквами", "Увеличенный")
    choose(page, "Изображения", "Скрыть")
    page.add_init_script(EARLY_PROBE_JS)
    page.locator(".md-content a[href*='programmes/']").first.click()
    page.wait_for_load_state("load")
    assert "/programmes/" in page.url
    state = page.evaluate(STATE_JS)
    assert (state["size"], state["scheme"], state["spacing"], state["noimg"]) == (
        "3", "blue", "wide", True)
    assert page.evaluate("window.__shnorEarly") == [True, "blue", "3"], "applied too late"
    assert pressed(page, "Цвета") == ["blue"] and pressed(page, "Изображения") == ["off"]
    assert (state["text"], state["page"]) == SCHEMES["blue"]


def test_normal_version_resets_everything(page, built_site, site_url) -> None:
    """«Обычная версия» leaves the mode, forgets every setting and keeps keyboard focus."""
    page.set_viewport_size(DESKTOP)
    page.add_init_script("""if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1'); localStorage.setItem('shnor-a11y', 'on');
      localStorage.setItem('shnor-a11y-scheme', 'wb'); localStorage.setItem('shnor-a11y-size', '3');
    }""")
    open_type(page, built_site, site_url, "school")
    assert page.evaluate(STATE_JS)["scheme"] == "wb"
    page.get_by_role("button", name="Обычная версия").click()
    state = page.evaluate(STATE_JS)
    assert not state["on"] and state["stored"] == {} and state["scheme"] is None
    assert not page.locator(PANEL).is_visible()
    assert page.evaluate("document.activeElement.dataset.shnorA11y") == "mode"
    page.reload()
    assert not page.evaluate(STATE_JS)["on"]


def test_images_can_be_turned_off(page, built_site, site_url) -> None:
    """Images hide and their text alternative shows; the choice is remembered."""
    page.set_viewport_size(DESKTOP)
    page.add_init_script("localStorage.setItem('shnor-a11y', 'on')")
    open_type(page, built_site, site_url, "about")
    page.evaluate("""() => { const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; img.alt = 'Схема программы';
      img.width = 40; img.height = 40; img.id = 'probe';
      document.querySelector('.md-content p').append(img); }""")
    assert page.locator("#probe").is_visible()
    choose(page, "Изображения", "Скрыть")
    assert not page.locator("#probe").is_visible()
    assert page.get_by_text("Изображение: Схема программы").is_visible()
    page.reload()
    assert page.evaluate(STATE_JS)["noimg"], "the choice is remembered"
    choose(page, "Изображения", "Показывать")
    assert not page.evaluate(STATE_JS)["noimg"]


A11Y_KINDS = ["home", "roadmap", "school", "practices"]


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_scheme_passes_axe(page, built_site, site_url, scheme: str) -> None:
    """No serious or critical WCAG 2.1 A/AA violation in the scheme, on a phone and a
    desktop, on the home page, a roadmap, a school page and the practices."""
    page.add_init_script(f"localStorage.setItem('shnor-a11y', 'on');"
                         f"localStorage.setItem('shnor-a11y-scheme', '{scheme}')")
    bad = []
    for kind in A11Y_KINDS:
        for size in (DESKTOP, MOBILE):
            page.set_viewport_size(size)
            open_type(page, built_site, site_url, kind)
            assert page.evaluate(STATE_JS)["scheme"] == scheme
            bad += [f"{kind} {size['width']}: {line}" for line in axe_blocking(page)]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("kind", ["school", "roadmap", "indicators", "practices"])
def test_largest_settings_fit_a_phone(page, built_site, site_url, kind: str) -> None:
    """At 360 px, the largest font with increased spacing scrolls no page sideways."""
    page.add_init_script("localStorage.setItem('shnor-a11y', 'on');"
                         "localStorage.setItem('shnor-a11y-size', '3');"
                         "localStorage.setItem('shnor-a11y-spacing', 'wide')")
    page.set_viewport_size(MOBILE)
    open_type(page, built_site, site_url, kind)
    assert page.evaluate(OVERFLOW_JS) <= 0
    assert page.locator(PANEL).is_visible()


def focus_by_tab(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching selector has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(sel) => document.activeElement.matches(sel)", selector):
            return
    raise AssertionError(f"{selector} not reached by Tab")


def test_keyboard_operates_mode_panel_and_menu(page, built_site, site_url) -> None:
    """On a phone, Tab reaches the mode button (Space turns it on), the panel's buttons
    come first on the next page (Enter presses one), and Enter opens the menu."""
    page.set_viewport_size(MOBILE)
    open_type(page, built_site, site_url, "school")
    focus_by_tab(page, MODE)
    page.keyboard.press("Space")
    assert page.locator(MODE).get_attribute("aria-pressed") == "true"
    page.goto(page.url)
    focus_by_tab(page, '[data-shnor-a11y="scheme"][data-value="wb"]', limit=10)
    page.keyboard.press("Enter")
    assert page.evaluate(STATE_JS)["scheme"] == "wb"
    focus_by_tab(page, '[data-shnor-a11y="reset"]', limit=10)
    menu = 'label.md-header__button[for="__drawer"]'
    focus_by_tab(page, menu)
    assert page.locator(menu).get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert page.locator("#__drawer").is_checked()
    assert page.locator(menu).get_attribute("aria-expanded") == "true"
