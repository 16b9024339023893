"""Index pages that stay small at national scale: split by region, then into parts.

A kind's index lists every record while there are at most INDEX_LIMIT[kind] of them. Above
that the index lists the regions (with counts) and each region gets its own page
`<folder>/regions/<region>.md`; a region with more than the limit is cut into
numbered parts (`<region>-2.md`, …). Every page then stays well under 80 KB of HTML,
whatever the number of schools or programmes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..models import KINDS

#: Records listed on one index page: an entry is about 200 bytes of HTML (a programme's,
#: with its kind, period and event count, about 450; an organisation's about 600), so a
#: page stays under 70 KB.
INDEX_LIMIT = {"municipality": 250, "organisation": 80, "school": 250, "programme": 60}
#: Kinds whose index is split this way (practices have their own facet pages).
SPLIT_KINDS = ("municipality", "organisation", "school", "programme")
OTHER_REGION = "Без региона"


@dataclass(frozen=True)
class RegionPage:
    """One page of a kind's index: a region's records (or one part of them)."""

    kind: str
    region: str
    uri: str
    records: tuple[Any, ...]
    part: int
    parts: int

    @property
    def label(self) -> str:
        """The region, with «часть N из M» when the region is cut into parts."""
        return self.region + (f", часть {self.part} из {self.parts}" if self.parts > 1 else "")


def region_of(g: Any, kind: str, rec: Any) -> str:
    """The region a record belongs to (its municipality's, or its own for bodies)."""
    if kind == "municipality":
        return rec.region
    mid = getattr(rec, "municipality", None)
    if mid:
        return g.record("municipality", mid).region
    return getattr(rec, "region", None) or OTHER_REGION


def _slug(text: str) -> str:
    from ..practices import slugify

    return slugify(text) or "region"


def region_pages(g: Any, kind: str) -> list[RegionPage]:
    """The region pages of a kind's index; empty while the kind fits on one page."""
    records, limit = g.cat.all(kind), INDEX_LIMIT[kind]
    if len(records) <= limit:
        return []
    by_region: dict[str, list[Any]] = defaultdict(list)
    for rec in records:
        by_region[region_of(g, kind, rec)].append(rec)
    folder, pages, used = KINDS[kind].folder, [], set()
    for region in sorted(by_region):
        slug = _slug(region)
        while slug in used:
            slug += "-x"
        used.add(slug)
        recs = by_region[region]
        chunks = [recs[i:i + limit] for i in range(0, len(recs), limit)]
        for n, chunk in enumerate(chunks, 1):
            name = slug if n == 1 else f"{slug}-{n}"
            pages.append(RegionPage(kind, region, f"{folder}/regions/{name}.md", tuple(chunk),
                                    n, len(chunks)))
    return pages


def index_context(g: Any, kind: str, parts: list[RegionPage]) -> dict[str, Any]:
    """What a kind's main index template receives: all records, or only the regions."""
    if not parts:
        return {"records": g.cat.all(kind), "regions": [], "region_page": None}
    return {"records": [], "regions": parts, "region_page": None}


def region_context(page: RegionPage) -> dict[str, Any]:
    """What the same template receives on a region page."""
    return {"records": list(page.records), "regions": [], "region_page": page}
