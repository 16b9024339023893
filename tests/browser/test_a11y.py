"""Accessibility in Chromium: axe-core (WCAG 2.1 A/AA) and keyboard focus on every page type."""

from __future__ import annotations

import pytest

from tests.browser.site_pages import DESKTOP, KINDS, MOBILE, axe_blocking, open_type

# Candidates for keyboard focus: real controls plus <label>s that Material uses as buttons.
INTERACTIVE = (
    "a[href], button, input:not([type=hidden]), select, textarea, summary, "
    "[tabindex]:not([tabindex='-1']), label.md-header__button, label.md-search__icon"
)

# Numbers every visible control (data-qa-i) and returns their markup.
VISIBLE_CONTROLS_JS = """(sel) => [...document.querySelectorAll(sel)].filter(el => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0
    && el.checkVisibility({opacityProperty: true, visibilityProperty: true})
    && el.closest('[hidden], [inert], [aria-hidden=true]') === null;
}).map((el, i) => { el.dataset.qaI = i; return el.outerHTML.slice(0, 160); })"""

# The focused element (as data-qa-i or markup), its :focus-visible state and whether it has
# a visible outline or a box-shadow; null when the focus is on the body (left the page).
FOCUS_STATE_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
    && !/rgba\\([^)]*,\\s*0\\)|transparent/.test(s.outlineColor);
  return {i: el.dataset.qaI ?? el.outerHTML.slice(0, 160), html: el.outerHTML.slice(0, 160),
          visible: el.matches(':focus-visible'), marked: outline || s.boxShadow !== 'none'};
}"""


@pytest.mark.parametrize("kind", KINDS)
def test_axe_wcag21_aa(page, built_site, site_url, kind: str) -> None:
    """No serious or critical axe-core violation of WCAG 2.1 A/AA rules."""
    page.set_viewport_size(DESKTOP)
    open_type(page, built_site, site_url, kind)
    bad = axe_blocking(page)
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("kind", ["home", "programme", "school"])
def test_axe_wcag21_aa_mobile(page, built_site, site_url, kind: str) -> None:
    """The phone layout (Material hides and moves parts of the page) passes axe too."""
    page.set_viewport_size(MOBILE)
    open_type(page, built_site, site_url, kind)
    bad = axe_blocking(page)
    assert not bad, "\n".join(bad)


def tab_through(page, limit: int) -> list[dict]:
    """Press Tab until focus leaves the page or returns to the first control."""
    seen: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE_JS)
        if state is None or (seen and state["i"] == seen[0]["i"]):
            break
        seen.append(state)
    return seen


# Phones differ from desktops in the header and the navigation drawer, not in the content.
CASES = [(kind, DESKTOP) for kind in KINDS] + [
    (kind, MOBILE) for kind in ("home", "school", "practices", "search")]


@pytest.mark.parametrize(("kind", "size"), CASES,
                         ids=[f"{k}-{'desktop' if s is DESKTOP else 'mobile'}" for k, s in CASES])
def test_keyboard_reaches_every_control(page, built_site, site_url, kind: str,
                                        size: dict) -> None:
    """Tab reaches every visible control, and each one shows a focus indicator."""
    page.set_viewport_size(size)
    open_type(page, built_site, site_url, kind)
    controls = page.evaluate(VISIBLE_CONTROLS_JS, INTERACTIVE)
    everything = page.evaluate("(sel) => document.querySelectorAll(sel).length", INTERACTIVE)
    focused = tab_through(page, limit=everything + 20)  # hidden ¶ links take focus too
    reached = {f["i"] for f in focused}
    missed = [html for i, html in enumerate(controls) if str(i) not in reached]
    assert not missed, "not reachable by Tab:\n" + "\n".join(missed)
    unmarked = [f["html"] for f in focused if not (f["visible"] and f["marked"])]
    assert not unmarked, "no visible focus indicator:\n" + "\n".join(unmarked)
