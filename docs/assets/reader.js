/* shnor-site: wide tables on a phone (reader.css). A simple table — one header row, no
   merged cells — becomes stacked cards below 40em: each cell gets its column's heading as
   data-label, and ARIA roles keep it a table for screen readers once CSS makes it blocks.
   Any other table that is wider than its box gets a visible cue to scroll it sideways. */
(function () {
  "use strict";

  function simple(table) {
    var head = table.tHead && table.tHead.rows.length === 1 ? table.tHead.rows[0] : null;
    if (!head || table.querySelector("[colspan],[rowspan]")) return null;
    var n = head.cells.length, ok = true;
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) { ok = ok && row.cells.length === n; });
    });
    return ok ? head : null;
  }

  function toCards(table, head) {
    var labels = Array.prototype.map.call(head.cells, function (th) { return th.textContent.trim(); });
    table.classList.add("shnor-cards");
    table.setAttribute("role", "table");
    Array.prototype.forEach.call(table.rows, function (row) {
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.cells, function (cell, i) {
        var header = cell.tagName === "TH" && row.parentNode === table.tHead;
        cell.setAttribute("role", header ? "columnheader" : cell.tagName === "TH" ? "rowheader" : "cell");
        if (!header && labels[i]) cell.setAttribute("data-label", labels[i]);
      });
    });
    var wrap = table.parentNode;
    if (wrap && wrap.classList.contains("shnor-table-wrap")) wrap.classList.add("shnor-cards-wrap");
  }

  function cue(box) {
    var hint = box.previousElementSibling;
    if (!hint || !hint.classList.contains("shnor-scroll-hint")) {
      hint = document.createElement("p");
      hint.className = "shnor-scroll-hint";
      hint.textContent = "Таблица шире экрана — листайте её вбок →";
      box.parentNode.insertBefore(hint, box);
    }
    var wide = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle("shnor-overflows", wide);
    hint.classList.toggle("is-shown", wide);
    if (wide && !box.hasAttribute("tabindex")) {
      box.setAttribute("tabindex", "0");  // scrollable by keyboard
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Таблица, прокручивается вбок");
    }
  }

  function init() {
    var tables = document.querySelectorAll(".md-typeset .shnor-table-wrap > table, .md-typeset .md-typeset__table > table");
    var boxes = [];
    Array.prototype.forEach.call(tables, function (table) {
      var head = table.classList.contains("shnor-cards") ? null : simple(table);
      if (head && head.cells.length >= 3) toCards(table, head);
      else boxes.push(table.closest(".md-typeset__scrollwrap") || table.parentNode);
    });
    function update() { boxes.forEach(cue); }
    update();
    window.addEventListener("resize", update);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
