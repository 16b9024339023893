"""The site-wide partnership and indicator pages, cut by region at national scale.

`/partnerships/` and `/indicators/` list every programme of the site. While that fits on
one page it stays one page; beyond (layout/regional.py) the main page explains the list
and links a page per region, which shows the same tables for that region's programmes.
"""

from __future__ import annotations

from typing import Any

from shnor_site.graph.indicators import MATCH_RULES, NOT_COMPARABLE, compare
from shnor_site.graph.tracking import Schedule
from shnor_site.layout.parts import text_size
from shnor_site.layout.regional import RegionPart, region_summary, regional_parts
from shnor_site.layout.split import region_of
from shnor_site.outputs.feeds import EVENTS_FEED, PRACTICES_FEED
from shnor_site.outputs.opendata import LICENCE, LICENCE_URL, data_tables

PageTuple = tuple[str, str, str, str, dict[str, Any]]
#: What a feed is and its addresses, in plain words: links to feeds lead here.
FEEDS_PAGE = "feeds/index.md"


def partnership_rows(g: Any, programmes: list[Any]) -> list[dict[str, Any]]:
    """Every pair of schools of the programmes, with both school records."""
    rows = []
    for prog in programmes:
        for pair in prog.pairs:
            first, second = (g.record("school", s) for s in pair.schools)
            rows.append({"programme": prog, "pair": pair, "first": first, "second": second,
                         "municipality": g.record("municipality", prog.municipality)})
    return rows


def role_groups(g: Any, programmes: list[Any]) -> list[dict[str, Any]]:
    """Per programme: its participating schools grouped by role."""
    out = []
    for prog in programmes:
        roles: dict[str, list[Any]] = {}
        for part in prog.schools:
            roles.setdefault(part.role, []).append(g.record("school", part.school))
        out.append({"programme": prog, "roles": roles,
                    "municipality": g.record("municipality", prog.municipality)})
    return out


def _partnership_size(prog: Any) -> int:
    return 500 + text_size(prog.title) + 900 * len(prog.pairs) + 180 * len(prog.schools)


def _partnership_context(g: Any, programmes: list[Any], **extra: Any) -> dict[str, Any]:
    return {"pairs": partnership_rows(g, programmes), "networks": role_groups(g, programmes),
            "regions": [], "region_page": None, **extra}


def _regional(g: Any, folder: str, template: str, title: str, size: Any, context: Any
              ) -> list[PageTuple]:
    """The main page of a site-wide list of programmes, and its region pages when it is too
    long; `context(programmes, region_page, regions)` gives each page's template values."""
    programmes = g.cat.all("programme")
    parts = regional_parts(folder, programmes, lambda p: region_of(g, "programme", p), size)
    main = (context(programmes, None, []) if not parts
            else context([], None, region_summary(parts)))
    return [(f"{folder}/index.md", template, title, "index", main)] + [
        (p.uri, template, f"{title}: {p.label}", "index", context(list(p.items), p, []))
        for p in parts]


def partnership_pages(g: Any) -> list[PageTuple]:
    """The partnerships page, and its region pages when it is too long."""
    return _regional(g, "partnerships", "partnerships.md.j2", "Партнёрства школ",
                     _partnership_size,
                     lambda progs, part, regions: _partnership_context(
                         g, progs, region_page=part, regions=regions))


def _indicator_size(prog: Any) -> int:
    rows = sum(1 for grp in prog.indicator_groups for ind in grp.indicators
               if any(r.matches(ind.name) for r in (*MATCH_RULES, *NOT_COMPARABLE)))
    return 400 + text_size(prog.title) + 900 * rows


def _indicator_context(programmes: list[Any], region_page: RegionPart | None,
                       regions: list[Any]) -> dict[str, Any]:
    return {"matches": compare(programmes), "similar": compare(programmes, NOT_COMPARABLE),
            "rules": MATCH_RULES, "programmes": programmes, "regions": regions,
            "region_page": region_page}


def indicator_pages(g: Any) -> list[PageTuple]:
    """The indicator comparison page, and its region pages when it is too long."""
    return _regional(g, "indicators", "indicators.md.j2", "Показатели программ",
                     _indicator_size, _indicator_context)


def roadmap_pages(g: Any, sched: Schedule) -> list[PageTuple]:
    """(uri, template, title, kind, context) of the indicators, partnerships and data pages."""
    described = [t.dataset for t in data_tables(sched)]
    return indicator_pages(g) + partnership_pages(g) + [
        ("data/index.md", "data.md.j2", "Открытые данные", "index",
         {"datasets": described, "licence": LICENCE, "licence_url": LICENCE_URL}),
        (FEEDS_PAGE, "feeds.md.j2", "Ленты новостей", "index",
         {"feeds": (EVENTS_FEED, PRACTICES_FEED)}),
    ]
