/* shnor-site: the bank of practices — instant filter (/practices/) and the risk selector
   (/practices/select/). A bank that fits on one page makes no requests: every card carries
   its facets as `data-facet-<key>` attributes (space-separated slugs). A larger bank asks
   the search index for the practices carrying the chosen facet values. Without JavaScript
   the per-facet pages (/practices/risk/<slug>/ …) offer the same lists. */
(function () {
  "use strict";

  function plural(n, one, few, many) {
    var a = Math.abs(n) % 100, b = a % 10;
    if (b === 1 && a !== 11) return one;
    if (b >= 2 && b <= 4 && (a < 12 || a > 14)) return few;
    return many;
  }

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function slugsOf(card, key) {
    var value = card.getAttribute("data-facet-" + key) || "";
    return value ? value.split(" ") : [];
  }

  /* {facet key: [slugs]} of the checked boxes of a form. */
  function selection(form) {
    var chosen = {};
    all(form, "input[type=checkbox]:checked").forEach(function (box) {
      (chosen[box.name] = chosen[box.name] || []).push(box.value);
    });
    return chosen;
  }

  /* Any checked value within a facet, every facet with a check. */
  function matches(card, chosen) {
    return Object.keys(chosen).every(function (key) {
      var mine = slugsOf(card, key);
      return chosen[key].some(function (slug) { return mine.indexOf(slug) !== -1; });
    });
  }

  function saveQuery(chosen) {
    if (!window.history || !window.history.replaceState || !window.URLSearchParams) return;
    var params = new URLSearchParams();
    Object.keys(chosen).forEach(function (key) {
      chosen[key].forEach(function (slug) { params.append(key, slug); });
    });
    var query = params.toString();
    window.history.replaceState(null, "", location.pathname + (query ? "?" + query : "") +
      location.hash);
  }

  function restoreQuery(form) {
    if (!window.URLSearchParams) return;
    var params = new URLSearchParams(location.search);
    all(form, "input[type=checkbox]").forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
    });
  }

  /* «· отмечено: N» next to each facet with checked values. */
  function markCounts(form, chosen) {
    all(form, "[data-shnor-pfilter-n]").forEach(function (label) {
      var n = (chosen[label.getAttribute("data-shnor-pfilter-n")] || []).length;
      label.textContent = n ? "· отмечено: " + n : "";
    });
  }

  /* Apply on every change and on reset, show the form, restore the choice from the address. */
  function wire(form, apply) {
    form.addEventListener("change", apply);
    onReset(form, apply);
    form.hidden = false;
    restoreQuery(form);
    apply();
  }

  /* Reset synchronously (the native reset happens after the event), then re-apply. */
  function onReset(form, apply) {
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      all(form, "input[type=checkbox]").forEach(function (box) { box.checked = false; });
      apply();
    });
  }

  /* Without JS the filter is a list of links to facet pages; make each link a checkbox. */
  function linksToCheckboxes(form) {
    all(form, "a[data-facet]").forEach(function (link) {
      var label = document.createElement("label");
      var box = document.createElement("input");
      var text = document.createElement("span");
      label.className = "shnor-pfilter__option";
      box.type = "checkbox";
      box.name = link.getAttribute("data-facet");
      box.value = link.getAttribute("data-slug");
      text.textContent = link.textContent;
      label.appendChild(box);
      label.appendChild(text);
      link.parentNode.replaceChild(label, link);
      var count = label.nextElementSibling;
      if (count) label.appendChild(count);
    });
    var intro = form.querySelector("[data-shnor-pfilter-intro]");
    if (intro) intro.textContent = intro.getAttribute("data-js-text");
    all(form, ".shnor-pfilter__actions").forEach(function (el) { el.hidden = false; });
  }

  function initFilter(form) {
    linksToCheckboxes(form);
    var cards = all(document, "[data-shnor-plist] [data-shnor-practice]");
    var status = document.querySelector("[data-shnor-pfilter-status]");
    var empty = document.querySelector("[data-shnor-pfilter-empty]");
    function apply() {
      var chosen = selection(form), shown = 0;
      cards.forEach(function (card) {
        card.hidden = !matches(card, chosen);
        if (!card.hidden) shown += 1;
      });
      markCounts(form, chosen);
      if (status) {
        status.textContent = Object.keys(chosen).length === 0
          ? "Показаны все практики: " + cards.length + "."
          : "Показано " + shown + " " + plural(shown, "практика", "практики", "практик") +
            " из " + cards.length + ".";
      }
      if (empty) empty.hidden = shown !== 0;
      showCount(form, Object.keys(chosen).length, shown, cards.length);
      saveQuery(chosen);
    }
    wire(form, apply);
    foldOnPhone(form);
  }

  /* The count in the list's heading and on the «Показать N практик» button; how many
     facets are ticked in the folded box's summary. */
  function showCount(form, facets, shown, total) {
    var title = document.querySelector("[data-shnor-plist-title]");
    if (title) {
      title.textContent = facets === 0 ? "Все практики (" + total + ")"
        : "Отобрано: " + shown + " из " + total;
    }
    var button = form.querySelector("[data-shnor-pfilter-show]");
    if (button) {
      button.textContent = "Показать " + shown + " " + plural(shown, "практику", "практики", "практик");
    }
    var chosen = document.querySelector("[data-shnor-pfilter-chosen]");
    if (chosen) chosen.textContent = facets === 0 ? "" : "(отмечено признаков: " + facets + ")";
  }

  /* On a phone the open filter would push the list a screen down, so nothing seems to
     change on a tap: the box starts folded, and its button folds it and goes to the list. */
  function foldOnPhone(form) {
    var box = form.closest("[data-shnor-pfilter-box]");
    var button = form.querySelector("[data-shnor-pfilter-show]");
    var narrow = window.matchMedia("(max-width: 59.9375em)");
    if (box && narrow.matches) box.open = false;
    if (!button) return;
    button.addEventListener("click", function () {
      if (box && narrow.matches) box.open = false;
      var title = document.querySelector("[data-shnor-plist-title]");
      var heading = title ? title.parentNode : null;
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.scrollIntoView({block: "start"});
        heading.focus({preventScroll: true});
      }
    });
  }

  function matchNote(card) {
    var note = card.querySelector("[data-shnor-match]");
    if (!note) {
      note = document.createElement("p");
      note.className = "shnor-practice-card__match";
      note.setAttribute("data-shnor-match", "");
      card.insertBefore(note, card.children[1] || null);
    }
    return note;
  }

  function initSelect(form) {
    var list = document.querySelector("[data-shnor-plist]");
    var status = document.querySelector("[data-shnor-pselect-status]");
    if (!list) return;
    var order = all(list, "[data-shnor-practice]");
    function apply() {
      var chosen = selection(form).risk || [];
      var scored = order.map(function (card, index) {
        var mine = slugsOf(card, "risk");
        var n = chosen.filter(function (slug) { return mine.indexOf(slug) !== -1; }).length;
        return { card: card, n: n, index: index };
      });
      scored.sort(function (a, b) { return b.n - a.n || a.index - b.index; });
      var shown = 0;
      scored.forEach(function (item) {
        item.card.hidden = item.n === 0;
        if (item.n) {
          shown += 1;
          matchNote(item.card).textContent = "Совпадает с рисками школы: " + item.n + " из " +
            chosen.length + ".";
        }
        list.appendChild(item.card);
      });
      list.hidden = shown === 0;
      if (status) {
        status.textContent = chosen.length === 0 ? "Отметьте хотя бы один риск-профиль."
          : shown ? "Подходящих практик: " + shown + "."
          : "В банке пока нет практик, направленных на отмеченные риски.";
      }
      saveQuery(chosen.length ? { risk: chosen } : {});
    }
    wire(form, apply);
  }

  /* --- a bank too large for one page: ask the search index (search-engine.js) -------- */

  var engines = {};
  function engineAt(root) {
    if (!engines[root]) {
      engines[root] = import(new URL("assets/search-engine.js", root).href).then(function (mod) {
        return mod.openIndex(new URL("search-index/", root));
      });
    }
    return engines[root];
  }

  function foundItem(doc, root, note) {
    var item = document.createElement("li");
    item.className = "shnor-practice-card";
    var title = document.createElement("h3");
    title.className = "shnor-practice-card__title";
    var link = document.createElement("a");
    link.href = new URL(doc.url, root).href;
    link.textContent = doc.title;
    title.appendChild(link);
    item.appendChild(title);
    [note, doc.place, doc.excerpt].forEach(function (text, i) {
      if (!text) return;
      var p = document.createElement("p");
      p.className = ["shnor-practice-card__match", "shnor-practice-card__facets",
        "shnor-practice-card__summary"][i];
      p.textContent = text;
      item.appendChild(p);
    });
    return item;
  }

  /* Shows what a facet query found, 20 at a time. `describe(found)` words the status,
     `note(found, i)` the line under the title of result i. */
  function foundList(root, describe, note) {
    var list = document.querySelector("[data-shnor-found]");
    var status = document.querySelector("[data-shnor-found-status]");
    var more = document.querySelector("[data-shnor-found-more]");
    var state = { found: null, shown: 0, run: 0 };
    function page() {
      var run = state.run, found = state.found;
      var ids = found.ids.slice(state.shown, state.shown + 20);
      return engineAt(root).then(function (index) {
        return Promise.all(ids.map(function (id) { return index.doc(id); }));
      }).then(function (docs) {
        if (run !== state.run) return;
        docs.forEach(function (doc, i) {
          list.appendChild(foundItem(doc, root, note(found, state.shown + i)));
        });
        state.shown += docs.length;
        more.hidden = state.shown >= found.ids.length;
      });
    }
    more.querySelector("button").addEventListener("click", page);
    return function show(query) {
      var run = ++state.run;
      list.replaceChildren();
      more.hidden = true;
      if (!query) { list.hidden = true; status.textContent = describe(null); return; }
      status.textContent = "Поиск…";
      engineAt(root).then(function (index) { return index.search("", query); }).then(
        function (found) {
          if (run !== state.run) return;
          state.found = found;
          state.shown = 0;
          list.hidden = found.ids.length === 0;
          status.textContent = describe(found);
          return page();
        },
        function () { status.textContent = "Отбор работает в собранном сайте: shnor-site build"; });
    };
  }

  function initFacets(form) {
    var root = new URL(form.getAttribute("data-root") || "./", location.href);
    linksToCheckboxes(form);
    var show = foundList(root, function (found) {
      if (!found) return "";
      return found.ids.length ? "Подходящих практик: " + found.ids.length + "."
        : "Нет практик, подходящих под все отмеченные признаки. Снимите часть отметок.";
    }, function () { return ""; });
    function apply() {
      var chosen = selection(form);
      markCounts(form, chosen);
      show(Object.keys(chosen).length ? { facets: chosen } : null);
      saveQuery(chosen);
    }
    wire(form, apply);
  }

  function initSelectIndex(form) {
    var root = new URL(form.getAttribute("data-root") || "./", location.href);
    var chosen = [];
    var show = foundList(root, function (found) {
      if (!found) return "Отметьте хотя бы один риск-профиль.";
      return found.ids.length ? "Подходящих практик: " + found.ids.length + "."
        : "В банке пока нет практик, направленных на отмеченные риски.";
    }, function (found, i) {
      return "Совпадает с рисками школы: " + found.scores[i] + " из " + chosen.length + ".";
    });
    function apply() {
      chosen = selection(form).risk || [];
      show(chosen.length ? { facets: { risk: chosen }, anyFacets: true } : null);
      saveQuery(chosen.length ? { risk: chosen } : {});
    }
    wire(form, apply);
  }

  function init() {
    all(document, "[data-shnor-pfilter]:not([data-ready])").forEach(function (form) {
      form.setAttribute("data-ready", "");
      initFilter(form);
    });
    all(document, "[data-shnor-pfacets]:not([data-ready])").forEach(function (form) {
      form.setAttribute("data-ready", "");
      initFacets(form);
    });
    all(document, "[data-shnor-pselect-index]:not([data-ready])").forEach(function (form) {
      form.setAttribute("data-ready", "");
      initSelectIndex(form);
    });
    all(document, "[data-shnor-pselect]:not([data-ready])").forEach(function (form) {
      form.setAttribute("data-ready", "");
      initSelect(form);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  /* Material's instant navigation, if ever enabled */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
