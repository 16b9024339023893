"""The site-wide partnership and indicator pages, cut by region at national scale.

`/partnerships/` and `/indicators/` list every programme of the site. While that fits on
one page it stays one page; beyond (render/regional.py) the main page explains the list
and links a page per region, which shows the same tables for that region's programmes.
"""

from __future__ import annotations

from typing import Any

from .indicators import MATCH_RULES, NOT_COMPARABLE, compare
from .layout import text_size
from .render.regional import RegionPart, region_summary, regional_parts

PageTuple = tuple[str, str, str, str, dict[str, Any]]


def _region(g: Any, prog: Any) -> str:
    return g.record("municipality", prog.municipality).region


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


def partnership_pages(g: Any) -> list[PageTuple]:
    """The partnerships page, and its region pages when it is too long."""
    programmes = g.cat.all("programme")
    parts = regional_parts("partnerships", programmes, lambda p: _region(g, p),
                           _partnership_size)
    title = "Партнёрства школ"
    if not parts:
        return [("partnerships/index.md", "partnerships.md.j2", title, "index",
                 _partnership_context(g, programmes))]
    main = _partnership_context(g, [], regions=region_summary(parts))
    return [("partnerships/index.md", "partnerships.md.j2", title, "index", main)] + [
        (p.uri, "partnerships.md.j2", f"{title}: {p.label}", "index",
         _partnership_context(g, list(p.items), region_page=p)) for p in parts]


def _indicator_size(prog: Any) -> int:
    rows = sum(1 for grp in prog.indicator_groups for ind in grp.indicators
               if any(r.matches(ind.name) for r in (*MATCH_RULES, *NOT_COMPARABLE)))
    return 400 + text_size(prog.title) + 900 * rows


def _indicator_context(programmes: list[Any], region_page: RegionPart | None = None,
                       regions: list[Any] | None = None) -> dict[str, Any]:
    return {"matches": compare(programmes), "similar": compare(programmes, NOT_COMPARABLE),
            "rules": MATCH_RULES, "programmes": programmes, "regions": regions or [],
            "region_page": region_page}


def indicator_pages(g: Any) -> list[PageTuple]:
    """The indicator comparison page, and its region pages when it is too long."""
    programmes = g.cat.all("programme")
    parts = regional_parts("indicators", programmes, lambda p: _region(g, p),
                           _indicator_size)
    title = "Показатели программ"
    if not parts:
        return [("indicators/index.md", "indicators.md.j2", title, "index",
                 _indicator_context(programmes))]
    main = _indicator_context([], regions=region_summary(parts))
    return [("indicators/index.md", "indicators.md.j2", title, "index", main)] + [
        (p.uri, "indicators.md.j2", f"{title}: {p.label}", "index",
         _indicator_context(list(p.items), region_page=p)) for p in parts]
