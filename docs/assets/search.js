/* shnor-site search boxes over the static index (search-engine.js, search-index/).
 *
 * Two kinds of boxes share this code: the header box (data-shnor-search="dropdown"),
 * which shows results in place under the field, and the /search/ page
 * (data-shnor-search="page"), which reads ?q=, ?type= and ?municipality=.
 * The engine loads on first use; without an index (`shnor-site build --no-search`) the box
 * explains that instead of failing silently. Reacts to `input` events, so pasted text and
 * IME/Cyrillic input work as typed text. */
(() => {
  "use strict";

  /* What a reader sees when search cannot run: the site has no index (built with
   * `shnor-site build --no-search`, or `serve` without it), or the connection dropped. */
  const NOT_BUILT = "Поиск на этом сайте не подключён: сайт собран без поискового указателя.";
  const OFFLINE = "Не удалось загрузить поиск: нет связи с сайтом. Проверьте подключение к "
    + "интернету и попробуйте ещё раз.";
  const PAGE_SIZE = { dropdown: 6, page: 10 };
  const DELAY_MS = 120;
  let engine = null;

  /* The engine module and the index, loaded once from the site root (any sub-path); a
   * failed load is forgotten, so the next search tries again. */
  let attempts = 0;
  function loadEngine(root) {
    if (!engine) {
      /* A browser remembers a module that failed to load: a retry asks for a new address. */
      const url = new URL("assets/search-engine.js", root);
      if (attempts++) url.search = `retry=${attempts}`;
      engine = import(url.href)
        .then(async (mod) => ({ mod, index: await mod.openIndex(new URL("search-index/", root)) }));
      engine.catch(() => { engine = null; });
    }
    return engine;
  }

  /* The reader's words for a failure: no index on the site, or no connection. */
  const failure = (err) => (err && err.kind === "missing" ? NOT_BUILT : OFFLINE);

  /* «№» and tokens without letters or digits match nothing: "СОШ № 83" searches "СОШ 83". */
  function normalise(query) {
    return query.replace(/№/g, " ").split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).join(" ")
      + (/\s$/.test(query) ? " " : "");
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

  function excerptNode(pieces) {
    const out = el("p", "shnor-search__excerpt");
    for (const [text, marked] of pieces) {
      out.append(marked ? el("mark", "", text) : document.createTextNode(text));
    }
    return out;
  }

  function resultNode(doc, found, engineMod, siteRoot) {
    const item = el("li", "shnor-search__result");
    const link = el("a", "shnor-search__link", doc.title);
    link.href = new URL(doc.url, siteRoot).href;
    const meta = el("p", "shnor-search__meta");
    meta.append(el("span", "shnor-search__type", doc.type));
    if (doc.place) meta.append(el("span", "shnor-search__place", doc.place));
    item.append(link, meta);
    if (doc.excerpt) item.append(excerptNode(engineMod.highlight(doc.excerpt, found.stems, found.prefixes)));
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
      this.found = { ids: [], total: 0 };
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

    /* Load the engine and build the filters; explain when there is no index or no
     * connection (and try again at the next search). */
    prepare() {
      if (!this.ready) {
        this.ready = loadEngine(this.siteRoot).then(
          async (eng) => { await this.buildFilters(eng.index); this.broken = null; return eng; },
          (err) => { this.broken = failure(err); this.ready = null; return null; },
        );
      }
      const ready = this.ready;
      if (this.mode === "dropdown") {
        ready.then(() => { if (this.broken) this.say(this.broken); });
      }
      return ready;
    }

    addSelect(key, label, fill, lazy = false) {
      const id = `${this.input.id}-${key}`;
      const wrap = el("span", "shnor-search__filter");
      const name = el("label", "", label);
      name.htmlFor = id;
      const select = el("select");
      select.id = id;
      select.name = key;
      select.append(new Option("все", ""));
      const wanted = this.wanted && this.wanted[key];
      const filled = () => {
        if (!select.dataset.filled) {
          select.dataset.filled = "1";
          return Promise.resolve(fill(select)).then(() => { if (wanted) select.value = wanted; });
        }
        return Promise.resolve();
      };
      if (lazy && !wanted) {
        for (const event of ["focus", "pointerdown"]) select.addEventListener(event, filled, { once: true });
      } else {
        this.filling = filled();
      }
      select.addEventListener("change", () => this.search());
      wrap.append(name, select);
      this.filters.append(wrap);
    }

    /* Type of record everywhere; municipality (grouped by region) on the search page, its
       list fetched only when the field is used (a national site has a thousand). */
    async buildFilters(index) {
      this.addSelect("type", "Тип записи", (select) => {
        for (const t of index.types) if (t.first >= 0) select.append(new Option(t.label, t.label));
      });
      if (this.mode !== "page") return;
      this.addSelect("municipality", "Муниципалитет", async (select) => {
        const places = await index.places();
        const groups = new Map();
        for (const [name, , region] of places) {
          if (!groups.has(region)) groups.set(region, []);
          groups.get(region).push(name);
        }
        for (const region of [...groups.keys()].sort((a, b) => a.localeCompare(b, "ru"))) {
          const group = document.createElement("optgroup");
          group.label = region || "Без региона";
          for (const name of groups.get(region)) group.append(new Option(name, name));
          select.append(group);
        }
      }, true);
      await this.filling;
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
      const query = this.input.value;
      const eng = await this.prepare();
      if (run !== this.run) return;
      if (!eng) return this.say(this.broken || OFFLINE);
      if (this.mode === "page") this.remember(query.trim());
      if (!normalise(query).trim()) return this.clear();
      this.say(this.list.childElementCount ? this.status.textContent : "Поиск…");
      const chosen = this.chosenFilters();
      try {
        const found = await eng.index.search(normalise(query),
          { type: chosen.type, place: chosen.municipality });
        if (run !== this.run) return;
        this.found = found;
        this.shown = 0;
        this.list.replaceChildren();
        await this.showMore(run);
      } catch (err) {
        if (run === this.run) this.say(failure(err));
      }
    }

    async showMore(run = this.run) {
      const eng = await this.prepare();
      if (!eng) return this.say(this.broken || OFFLINE);
      const batch = this.found.ids.slice(this.shown, this.shown + PAGE_SIZE[this.mode]);
      let docs;
      try {
        docs = await Promise.all(batch.map((id) => eng.index.doc(id)));
      } catch (err) {
        if (run === this.run) this.say(failure(err));
        return;
      }
      if (run !== this.run) return;
      this.list.append(...docs.map((d) => resultNode(d, this.found, eng.mod, this.siteRoot)));
      this.shown += batch.length;
      this.report();
    }

    report() {
      const { total: n, truncated, partial } = this.found;
      const query = this.input.value.trim();
      const word = plural(n, "результат", "результата", "результатов");
      let text = `По запросу «${query}» ничего не найдено. Проверьте написание или уберите фильтры.`;
      if (n && partial) text = `Со всеми словами запроса ничего не найдено. Найдено с частью слов: ${n} ${word}`;
      else if (n && truncated) text = `Найдено: более ${n} ${plural(n, "результата", "результатов", "результатов")}; показаны лучшие`;
      else if (n) text = `Найдено: ${n} ${word}`;
      this.say(text);
      this.more.hidden = this.shown >= n;
      const link = this.more.querySelector("a");
      if (link) {
        const params = new URLSearchParams({ q: query, ...this.chosenFilters() });
        link.href = new URL(`search/?${params}`, this.siteRoot).href;
        link.textContent = `Все результаты (${n})`;
      }
    }

    clear() {
      this.found = { ids: [], total: 0 };
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
