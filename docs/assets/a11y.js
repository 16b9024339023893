/*
 * shnor-site: «Версия для слабовидящих» (ГОСТ Р 52872-2019) and keyboard access to the
 * theme's controls. The header button turns the mode on and off; the panel above the
 * header (partials/shnor-a11y-panel.html) sets the font size, the colour scheme, the
 * letter spacing and images, and «Обычная версия» leaves the mode and forgets the
 * settings. Everything is remembered in localStorage for every page; the saved settings
 * are applied early by partials/shnor-a11y-head.html (same keys and values as here).
 */
(function () {
  "use strict";

  var PREFIX = "shnor-a11y";
  /* Setting → [allowed values, default]. Stored as localStorage "shnor-a11y-<setting>". */
  var SETTINGS = {
    size: [["1", "2", "3"], "2"],
    scheme: [["bw", "wb", "blue", "brown"], "bw"],
    spacing: [["normal", "wide"], "normal"],
    images: [["on", "off"], "on"]
  };
  var root = document.documentElement;

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function write(key, value) {
    try {
      if (value) window.localStorage.setItem(key, value);
      else window.localStorage.removeItem(key);
    } catch (e) { /* storage disabled: the choice lasts for this page only */ }
  }

  function setting(name) {
    var value = read(PREFIX + "-" + name), spec = SETTINGS[name];
    return spec[0].indexOf(value) < 0 ? spec[1] : value;
  }

  /* Show the alternative text of hidden images in their place. */
  function addAltTexts() {
    document.querySelectorAll(".md-content img[alt]").forEach(function (img) {
      var next = img.nextElementSibling;
      if (!img.alt.trim() || (next && next.classList.contains("shnor-a11y-alt"))) return;
      var alt = document.createElement("span");
      alt.className = "shnor-a11y-alt";
      alt.textContent = "Изображение: " + img.alt;
      img.insertAdjacentElement("afterend", alt);
    });
  }

  /* Apply the saved settings to <html> and to every button. */
  function apply() {
    var on = read(PREFIX) === "on";
    var noImages = on && setting("images") === "off";
    root.classList.toggle("shnor-a11y", on);
    root.classList.toggle("shnor-a11y-noimg", noImages);
    ["size", "scheme", "spacing"].forEach(function (name) {
      if (on) root.setAttribute("data-a11y-" + name, setting(name));
      else root.removeAttribute("data-a11y-" + name);
    });
    document.querySelectorAll("[data-shnor-a11y]").forEach(function (button) {
      var name = button.getAttribute("data-shnor-a11y");
      if (name === "mode") button.setAttribute("aria-pressed", String(on));
      else if (SETTINGS[name]) {
        button.setAttribute("aria-pressed", String(setting(name) === button.dataset.value));
      }
    });
    if (noImages) addAltTexts();
  }

  function reset() {
    write(PREFIX, null);
    Object.keys(SETTINGS).forEach(function (name) { write(PREFIX + "-" + name, null); });
  }

  function onClick(event) {
    var button = event.target.closest("[data-shnor-a11y]");
    if (!button) return;
    var name = button.getAttribute("data-shnor-a11y");
    if (name === "mode") {
      write(PREFIX, button.getAttribute("aria-pressed") === "true" ? null : "on");
    } else if (name === "reset") {
      reset();
    } else if (SETTINGS[name]) {
      write(PREFIX + "-" + name, button.dataset.value);
    }
    apply();
    /* The panel disappears with the mode: keep the keyboard focus on the header button. */
    if (name === "reset") {
      var mode = document.querySelector('[data-shnor-a11y="mode"]');
      if (mode) mode.focus();
    }
  }

  /* Material opens its drawer with a <label>: make it a keyboard-operable button. */
  function enableDrawerKey() {
    var toggle = document.getElementById("__drawer");
    document.querySelectorAll('label.md-header__button[for="__drawer"]').forEach(function (label) {
      if (!toggle || label.hasAttribute("tabindex")) return;
      label.setAttribute("tabindex", "0");
      label.setAttribute("role", "button");
      label.setAttribute("aria-label", "Меню");
      label.setAttribute("aria-expanded", String(toggle.checked));
      toggle.addEventListener("change", function () {
        label.setAttribute("aria-expanded", String(toggle.checked));
      });
      label.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        event.stopPropagation();  // Material's own Enter handling would toggle it back
        toggle.click();
      });
    });
  }

  /* Material wraps wide tables in a scrolling box: let the keyboard reach and scroll it. */
  function labelScrollBoxes() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (box) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Таблица (прокручивается)");
    });
  }

  function mount() {
    apply();
    enableDrawerKey();
    labelScrollBoxes();
  }

  document.addEventListener("click", onClick);
  window.addEventListener("storage", function (event) {
    if (event.key && event.key.indexOf(PREFIX) === 0) apply();
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mount);   // Material: after every page (instant loading too)
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
