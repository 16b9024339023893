/*
 * shnor-site: «Версия для слабовидящих» (ГОСТ Р 52872-2019) and keyboard access to the
 * theme's controls. The saved mode is applied early by partials/shnor-a11y.html; this file
 * handles the buttons, keeps open tabs in step and makes scrollable parts keyboard-usable.
 */
(function () {
  "use strict";

  var MODE = "shnor-a11y";          // localStorage: "on" while the mode is on
  var IMAGES = "shnor-a11y-images"; // localStorage: "off" while images are hidden
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

  function buttons(name) {
    return document.querySelectorAll('[data-shnor-a11y="' + name + '"]');
  }

  function setPressed(name, pressed) {
    buttons(name).forEach(function (b) { b.setAttribute("aria-pressed", String(pressed)); });
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

  /* Apply the saved choice to <html> and to the buttons. */
  function apply() {
    var on = read(MODE) === "on";
    var noImages = on && read(IMAGES) === "off";
    root.classList.toggle("shnor-a11y", on);
    root.classList.toggle("shnor-a11y-noimg", noImages);
    setPressed("mode", on);
    setPressed("images", noImages);
    if (noImages) addAltTexts();
  }

  function onClick(event) {
    var button = event.target.closest("[data-shnor-a11y]");
    if (!button) return;
    var pressed = button.getAttribute("aria-pressed") !== "true";
    if (button.dataset.shnorA11y === "mode") write(MODE, pressed ? "on" : null);
    else write(IMAGES, pressed ? "off" : null);
    apply();
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
    if (event.key === MODE || event.key === IMAGES) apply();
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mount);   // Material: after every page (instant loading too)
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
