"""Pages of the bank of practices: one per practice, per facet value, and the selector.

The bank's index (`practices/index.md`) is an ordinary kind index (pages/records.py).
Facet pages exist for every value carried by a practice and for every risk profile of
«500+» (the selector links to them), so the lists work without JavaScript.

A small bank shows every card on its index and filters them instantly in the browser. A
bank too large for one page (PracticeLinks.one_page) lists its practices on numbered
pages (`practices/all.md`, `practices/all/2.md`, …), cuts long facet pages the same way
and gives a facet with many values (municipalities) an index of its own.
"""

from __future__ import annotations

from typing import Any

from shnor_site.graph.practices import FORM_VALUES, card_size
from shnor_site.layout.parts import PAGE_BUDGET, paged, text_size
from shnor_site.pages.spec import PageSpec
from shnor_site.render.urls import record_uri

SELECT_URI = "practices/select.md"
ALL_URI = "practices/all.md"


def facet_index_uri(key: str) -> str:
    """Source URI of the list of a facet's values: `practices/<key>/index.md`."""
    return f"practices/{key}/index.md"


def long_groups(links: Any) -> list[Any]:
    """Facet groups with more used values than the filter form shows."""
    return [grp for grp in links.groups if len(grp.used) > FORM_VALUES]


def _facet_pages(links: Any) -> list[PageSpec]:
    pages = []
    for grp in links.groups:
        for value in grp.values:
            if not (value.practices or grp.key == "risk"):
                continue
            for part in paged(value.uri, value.practices, lambda p: card_size(links, p),
                              first_budget=PAGE_BUDGET - 4000):
                pages.append(PageSpec(part.uri, "practices_facet.md.j2",
                                      part.page_title(f"{grp.label}: {value.value}"),
                                      "practices-facet",
                                      {"group": grp, "value": value, "part": part}))
    for grp in long_groups(links):
        for part in paged(facet_index_uri(grp.key), grp.used,
                          lambda v: 160 + 2 * len(v.slug) + text_size(v.value)):
            pages.append(PageSpec(part.uri, "practices_values.md.j2",
                                  part.page_title(f"Банк практик: {grp.title.lower()}"),
                                  "practices-facet", {"group": grp, "part": part}))
    return pages


def practice_pages(g: Any) -> list[PageSpec]:
    """Every practice page, facet page, list page and the selector (none when the bank is
    empty)."""
    links = g.practices
    pages = [PageSpec(record_uri("practice", p.id), "practice.md.j2", p.title, "practice",
                      {"practice": p}, g.municipality_name(p.municipality))
             for p in links.practices]
    if not links.has_pages:
        return pages
    pages += _facet_pages(links)
    if not links.one_page:
        for part in paged(ALL_URI, links.practices, lambda p: card_size(links, p)):
            pages.append(PageSpec(part.uri, "practices_all.md.j2", part.page_title("Все практики"),
                                  "practices-facet", {"part": part}))
    pages.append(PageSpec(SELECT_URI, "practices_select.md.j2", "Подобрать практики",
                          "practices-select"))
    return pages
