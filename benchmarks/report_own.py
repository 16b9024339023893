"""Sections of docs/benchmarks.md on own code against libraries and on `serve` reloads."""

from __future__ import annotations

#: The share of a full build above which an own replacement of a library must go.
LIBRARY_SHARE = 0.02
#: Save → visible targets of `serve`, seconds: bundled content and the 10 % corpus.
RELOAD_TARGETS = {"real": 2.0, 10: 15.0}


def _kb(n: int | float) -> str:
    return f"{n / 1024:.0f} КБ"


def _query(costs: list[dict]) -> str:
    if not costs:
        return "—"
    worst = max(costs, key=lambda q: q["data_bytes"] + q["js_bytes"])
    return (f"{_kb(worst['data_bytes'] + worst['js_bytes'])} ({_kb(worst['gzip_bytes'])} "
            f"gzip, «{worst['query']}»)")


def _run(run: dict | None) -> str:
    return "—" if not run else f"{run['seconds']:.1f} с, {run['peak_mb']:.0f} МБ"


def own_code_section(results: list[dict]) -> list[str]:
    """Tables: calendars, search index, raw-HTML stash and stemmer, ours against the
    library, per measured scale."""
    rows = [r for r in results if r.get("own_code")]
    if not rows:
        return []
    out = ["", "## Свой код вместо библиотек", "",
           "Свой модуль остаётся только там, где библиотека заметно дороже: для календарей "
           f"порог — {LIBRARY_SHARE * 100:.0f} % времени полной сборки. Замер: "
           "`python -m benchmarks.run --own-code`.", "",
           "| масштаб | календари: свои / icalendar | разница от сборки | поиск: свой индекс "
           "(сборка, память) | первый запрос | Pagefind 1.5.2 (индексация, память) "
           "| первый запрос | сборка без HTML-блоков мимо Markdown |", "|" + "---|" * 8]
    for res in rows:
        own, full = res["own_code"], res["runs"]["full"]
        cal = own["calendars"]
        share = (cal["icalendar"] - cal["own"]) / full["seconds"]
        index_seconds = res.get("timings", {}).get("worker", {}).get("search", [0, 0])
        search = res.get("timings", {}).get("worker", {})
        built = (f"{index_seconds[1] - search.get('file', [0, 0])[1]:.1f} с индекс; сборка "
                 f"{_run(full)}")
        raw = own.get("rawhtml_off")
        out.append(" | ".join([
            f"| {res['scale']:g} %", f"{cal['own']:.1f} с / {cal['icalendar']:.1f} с",
            f"{share * 100:+.0f} % "
            f"({'оставлен свой' if share > LIBRARY_SHARE else 'нужна библиотека'})",
            built, _query(res.get("queries", [])), _run(own.get("pagefind")),
            _query(own.get("pagefind_queries", [])),
            "—" if not raw else f"{raw['seconds']:.1f} с против {full['seconds']:.1f} с"])
            + " |")
    stem = next((r["own_code"].get("stemmer") for r in rows if r["own_code"].get("stemmer")),
                None)
    if stem:
        out += ["", f"Стеммер в браузере: свой — {stem['own_raw'] / 1024:.1f} КБ "
                f"({stem['own_gzip'] / 1024:.1f} КБ gzip), русская часть npm-порта "
                f"`snowball-stemmers` 0.6.0 — {stem['npm_raw'] / 1024:.0f} КБ "
                f"({stem['npm_gzip'] / 1024:.0f} КБ gzip) на каждый первый запрос. Оба дают "
                "одинаковые основы на каждом слове сайта (`tests/test_search_engine.py`)."]
    return out


def serve_section(results: list[dict], real: dict | None) -> list[str]:
    """Table: `serve` first build and save → visible times."""
    rows = ([("настоящее содержимое", real["serve"], RELOAD_TARGETS["real"])]
            if real and real.get("serve") else [])
    rows += [(f"{r['scale']:g} %", r["serve"], RELOAD_TARGETS.get(r["scale"]))
             for r in results if r.get("serve")]
    if not rows:
        return []
    out = ["", "## Предпросмотр: от сохранения до страницы", "",
           "`shnor-site serve` на копии проекта: после первой сборки в одну практику и одну "
           "школу дописывается слово; время — от сохранения файла до страницы с этим словом "
           "(опрос каждые 50 мс; наблюдатель файлов, наши страницы и пересборка MkDocs). "
           "«Всё заново» — `serve --full`, как было до частичной пересборки.", "",
           "| содержимое | первая сборка | практика | школа | практика, всё заново "
           "| школа, всё заново | цель |", "|---|---|---|---|---|---|---|"]
    for label, s, target in rows:
        full = s.get("full", {})
        ok = target is not None and max(s["practice"], s["school"]) <= target
        out.append(f"| {label} | {s['first_build']:.1f} с | {s['practice']:.1f} с | "
                   f"{s['school']:.1f} с | "
                   + " | ".join(f"{full[k]:.1f} с" if k in full else "—"
                                for k in ("practice", "school"))
                   + (f" | ≤ {target:g} с: {'да' if ok else '**нет**'} |" if target
                      else " | — |"))
    return out
