"""Pages of the bank of practices: one per practice, per facet value, and the selector.

The bank's index (`practices/index.md`) is an ordinary kind index (render/pages.py).
Facet pages exist for every value carried by a practice and for every risk profile of
«500+» (the selector links to them), so the lists work without JavaScript.
"""

from __future__ import annotations

from typing import Any

from .render.pages import PageSpec
from .render.urls import record_uri

SELECT_URI = "practices/select.md"


def _municipality_name(g: Any, mid: str) -> str:
    return g.record("municipality", mid).name


def practice_pages(g: Any) -> list[PageSpec]:
    """Every practice page, facet page and the selector (none when the bank is empty)."""
    links = g.practices
    pages = [PageSpec(record_uri("practice", p.id), "practice.md.j2", p.title, "practice",
                      {"practice": p}, _municipality_name(g, p.municipality))
             for p in links.practices]
    if not links.has_pages:
        return pages
    for grp in links.groups:
        for value in grp.values:
            if value.practices or grp.key == "risk":
                pages.append(PageSpec(value.uri, "practices_facet.md.j2",
                                      f"{grp.label}: {value.value}", "practices-facet",
                                      {"group": grp, "value": value}))
    pages.append(PageSpec(SELECT_URI, "practices_select.md.j2", "Подобрать практики",
                          "practices-select"))
    return pages
