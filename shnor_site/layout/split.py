"""Index pages that stay small at national scale: split by region, then into parts.

A kind's index lists every record while there are at most INDEX_LIMIT[kind] of them. Above
that the index lists the regions (with counts) and each region gets its own page
`<folder>/regions/<region>.md`; a region with more than the limit is cut into
numbered parts (`<region>/2.md`, …; layout/regional.py). Every page then stays well under
80 KB of HTML, whatever the number of schools or programmes.
"""

from __future__ import annotations

from typing import Any

from shnor_site.core.models import KINDS
from shnor_site.layout.regional import RegionPart, regional_parts

#: Records listed on one index page: an entry is about 200 bytes of HTML (a programme's,
#: with its kind, period and event count, about 450; an organisation's about 600), so a
#: page stays under 70 KB. Schools are listed under their municipalities, whose headings
#: also fill the page's table of contents: at national scale 250 schools made 90 KB.
INDEX_LIMIT = {"municipality": 250, "organisation": 80, "school": 180, "programme": 60}
#: Kinds whose index is split this way (practices have their own facet pages).
SPLIT_KINDS = ("municipality", "organisation", "school", "programme")
OTHER_REGION = "Без региона"


def region_of(g: Any, kind: str, rec: Any) -> str:
    """The region a record belongs to (its municipality's, or its own for bodies)."""
    if kind == "municipality":
        return rec.region
    mid = getattr(rec, "municipality", None)
    if mid:
        return g.record("municipality", mid).region
    return getattr(rec, "region", None) or OTHER_REGION


def region_pages(g: Any, kind: str) -> list[RegionPart]:
    """The region pages of a kind's index (regional.py: a record counts as one, a page holds
    INDEX_LIMIT[kind]); empty while the kind fits on one page."""
    return regional_parts(KINDS[kind].folder, g.cat.all(kind),
                          lambda rec: region_of(g, kind, rec), lambda _rec: 1,
                          INDEX_LIMIT[kind])


def index_context(g: Any, kind: str, parts: list[RegionPart]) -> dict[str, Any]:
    """What a kind's main index template receives: all records, or only the regions."""
    if not parts:
        return {"records": g.cat.all(kind), "regions": [], "region_page": None}
    return {"records": [], "regions": parts, "region_page": None}


def region_context(page: RegionPart) -> dict[str, Any]:
    """What the same template receives on a region page."""
    return {"records": list(page.items), "regions": [], "region_page": page}
