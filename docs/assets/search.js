/* shnor-site search: a small UI over Pagefind's JavaScript API (pagefind/pagefind.js).
 *
 * Two kinds of boxes share this code: the header box (data-shnor-search="dropdown"),
 * which shows results in place under the field, and the /search/ page
 * (data-shnor-search="page"), which reads ?q=, ?type= and ?municipality=.
 * The index exists only in a site built with `shnor-site build`; under `mkdocs serve`
 * (or `build --no-search`) the box explains that instead of failing silently.
 * Reacts to `input` events, so pasted text and IME/Cyrillic input work as typed text. */
(() => {
  "use strict";

  const NOT_BUILT = "Поиск работает в собранном сайте: shnor-site build";
  const FILTERS = [["type", "Тип записи"], ["municipality", "Муниципалитет"]];
  const PAGE_SIZE = { dropdown: 8, page: 20 };
  const DELAY_MS = 120;
  let engine = null;

  /* Pagefind, imported once from the site root (works under any sub-path). */
  function loadEngine(root) {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(async (pf) => {
        await pf.options({ excerptLength: 24 });
        await pf.init();
        return pf;
      });
    }
    return engine;
  }

  /* Tokens without letters or digits («№», dashes, quotes) match nothing useful in the index
     and would make every result miss: "СОШ № 83" searches for "СОШ 83". */
  function normalise(query) {
    return query.replace(/№/g, " ").split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).join(" ");
  }

  function plural(n, one, few, many) {
    const d = n % 10, h = n % 100;
    if (d === 1 && h !== 11) return one;
    if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return few;
    return many;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* Pagefind excerpts are HTML with <mark> around matches: keep the text and the marks only. */
  function excerptNode(html) {
    const out = el("p", "shnor-search__excerpt");
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
    for (const node of parsed.body.firstChild.childNodes) {
      if (node.nodeName === "MARK") out.append(el("mark", "", node.textContent));
      else out.append(document.createTextNode(node.textContent));
    }
    return out;
  }

  /* Up to two best-matching sections of a page (its h2–h6 headings with ids), in page order. */
  function bestSections(data) {
    const score = (s) => s.weighted_locations.reduce((sum, w) => sum + w.balanced_score, 0);
    return (data.sub_results || [])
      .filter((s) => s.anchor && !/^h1$/i.test(s.anchor.element) && s.url !== data.url)
      .map((s, i) => ({ s, i, score: score(s) }))
      .sort((a, b) => b.score - a.score).slice(0, 2)
      .sort((a, b) => a.i - b.i).map((x) => x.s);
  }

  /* Event records carry their real address (page#anchor) as `url` meta, root-relative. */
  function resultUrl(data, siteRoot) {
    return data.meta.url ? new URL(data.meta.url.replace(/^\//, ""), siteRoot).href : data.url;
  }

  function resultNode(data, siteRoot) {
    const item = el("li", "shnor-search__result");
    const link = el("a", "shnor-search__link", data.meta.title || data.url);
    link.href = resultUrl(data, siteRoot);
    const meta = el("p", "shnor-search__meta");
    meta.append(el("span", "shnor-search__type", data.meta.type || "страница"));
    if (data.meta.municipality) meta.append(el("span", "shnor-search__place", data.meta.municipality));
    item.append(link, meta, excerptNode(data.excerpt));
    const sections = bestSections(data);
    if (sections.length) {
      const list = el("ul", "shnor-search__subs");
      for (const s of sections) {
        const a = el("a", "shnor-search__sublink", s.title);
        a.href = s.url;
        const li = el("li");
        li.append(a);
        list.append(li);
      }
      item.append(list);
    }
    return item;
  }

  class SearchBox {
    constructor(root) {
      this.root = root;
      this.mode = root.dataset.shnorSearch;
      this.siteRoot = new URL(root.dataset.root || "./", location.href);
      this.form = root.querySelector("form");
      this.input = root.querySelector(".shnor-search__input");
      this.panel = root.querySelector(".shnor-search__panel");
      this.filters = root.querySelector(".shnor-search__filters");
      this.status = root.querySelector(".shnor-search__status");
      this.list = root.querySelector(".shnor-search__results");
      this.more = root.querySelector(".shnor-search__more");
      this.toggle = root.querySelector(".shnor-search__toggle");
      this.run = 0;
      this.shown = 0;
      this.timer = null;
      this.results = [];
    }

    start() {
      this.input.addEventListener("input", () => this.schedule());
      this.input.addEventListener("focus", () => this.prepare());
      this.root.addEventListener("keydown", (e) => this.onKey(e));
      if (this.toggle) this.toggle.addEventListener("click", () => this.setOpen(!this.isOpen()));
      if (this.mode === "dropdown") this.startDropdown();
      else this.startPage();
    }

    startDropdown() {
      this.root.addEventListener("focusout", (e) => {
        if (!this.root.contains(e.relatedTarget)) this.close();
      });
      document.addEventListener("pointerdown", (e) => {
        if (!this.root.contains(e.target)) this.close();
      });
    }

    startPage() {
      const params = new URLSearchParams(location.search);
      this.input.value = params.get("q") || "";
      this.wanted = { type: params.get("type"), municipality: params.get("municipality") };
      this.more.querySelector("button").addEventListener("click", () => this.showMore());
      this.form.addEventListener("submit", (e) => { e.preventDefault(); this.search(); });
      this.prepare().then(() => this.search());
    }

    isOpen() { return this.root.classList.contains("shnor-search--open"); }

    setOpen(open) {
      if (!open) return this.close();
      this.root.classList.add("shnor-search--open");
      if (this.toggle) this.toggle.setAttribute("aria-expanded", "true");
      this.input.focus();
    }

    close() {
      if (this.mode !== "dropdown") return;
      this.panel.hidden = true;
      this.root.classList.remove("shnor-search--open");
      if (this.toggle) this.toggle.setAttribute("aria-expanded", "false");
    }

    say(text) {
      this.status.textContent = text;
      this.panel.hidden = false;
    }

    /* Load the index and the filter lists; explain when there is no index. */
    prepare() {
      if (!this.ready) {
        this.ready = loadEngine(this.siteRoot).then(
          async (pf) => { this.buildFilters(await pf.filters()); return pf; },
          () => { this.broken = true; return null; },
        );
      }
      if (this.mode === "dropdown") {
        this.ready.then(() => { if (this.broken) this.say(NOT_BUILT); });
      }
      return this.ready;
    }

    buildFilters(available) {
      for (const [key, label] of FILTERS) {
        const values = Object.keys(available[key] || {}).sort((a, b) => a.localeCompare(b, "ru"));
        if (!values.length) continue;
        const id = `${this.input.id}-${key}`;
        const wrap = el("span", "shnor-search__filter");
        const name = el("label", "", label);
        name.htmlFor = id;
        const select = el("select");
        select.id = id;
        select.name = key;
        select.append(new Option("все", ""));
        for (const v of values) select.append(new Option(v, v));
        if (this.wanted && values.includes(this.wanted[key])) select.value = this.wanted[key];
        select.addEventListener("change", () => this.search());
        wrap.append(name, select);
        this.filters.append(wrap);
      }
    }

    chosenFilters() {
      const chosen = {};
      for (const select of this.filters.querySelectorAll("select")) {
        if (select.value) chosen[select.name] = select.value;
      }
      return chosen;
    }

    schedule() {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.search(), DELAY_MS);
    }

    async search() {
      const run = ++this.run;
      const query = this.input.value.trim();
      const pf = await this.prepare();
      if (run !== this.run) return;
      if (this.broken) return this.say(NOT_BUILT);
      if (this.mode === "page") this.remember(query);
      if (!normalise(query)) return this.clear();
      this.say(this.list.childElementCount ? this.status.textContent : "Поиск…");
      const found = await pf.search(normalise(query), { filters: this.chosenFilters() });
      if (run !== this.run) return;
      this.results = found.results;
      this.shown = 0;
      this.list.replaceChildren();
      await this.showMore(run);
    }

    async showMore(run = this.run) {
      const batch = this.results.slice(this.shown, this.shown + PAGE_SIZE[this.mode]);
      const data = await Promise.all(batch.map((r) => r.data()));
      if (run !== this.run) return;
      this.list.append(...data.map((d) => resultNode(d, this.siteRoot)));
      this.shown += batch.length;
      this.report();
    }

    report() {
      const n = this.results.length;
      const query = this.input.value.trim();
      this.say(n ? `Найдено: ${n} ${plural(n, "результат", "результата", "результатов")}`
        : `По запросу «${query}» ничего не найдено. Проверьте написание или уберите фильтры.`);
      this.more.hidden = this.shown >= n;
      const link = this.more.querySelector("a");
      if (link) {
        const params = new URLSearchParams({ q: query, ...this.chosenFilters() });
        link.href = new URL(`search/?${params}`, this.siteRoot).href;
        link.textContent = `Все результаты (${n})`;
      }
    }

    clear() {
      this.results = [];
      this.list.replaceChildren();
      this.more.hidden = true;
      this.status.textContent = "";
      if (this.mode === "dropdown") this.panel.hidden = true;
    }

    remember(query) {
      const params = new URLSearchParams(query ? { q: query, ...this.chosenFilters() } : {});
      const search = params.toString() ? `?${params}` : "";
      history.replaceState(null, "", location.pathname + search);
    }

    /* Arrow keys move between the field and the result links; Escape closes the dropdown. */
    onKey(e) {
      if (e.key === "ArrowDown" && e.target === this.input && this.list.childElementCount) {
        this.panel.hidden = false;
      }
      const links = [...this.panel.querySelectorAll("a")].filter((a) => a.offsetParent);
      const at = links.indexOf(document.activeElement);
      if (e.key === "ArrowDown" && (e.target === this.input || at >= 0)) {
        if (at + 1 < links.length) links[at + 1].focus();
      } else if (e.key === "ArrowUp" && at >= 0) {
        (at > 0 ? links[at - 1] : this.input).focus();
      } else if (e.key === "Escape" && this.mode === "dropdown") {
        this.close();
        (this.toggle && getComputedStyle(this.toggle).display !== "none" ? this.toggle
          : this.input).focus();
      } else {
        return;
      }
      e.preventDefault();
    }
  }

  for (const root of document.querySelectorAll("[data-shnor-search]")) new SearchBox(root).start();
})();
