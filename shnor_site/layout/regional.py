"""Site-wide lists cut by region when they outgrow one page (partnerships, indicators).

While a list fits on one page (PAGE_BUDGET estimated bytes) it stays whole. Beyond that
the main page lists the regions and each region gets its own page,
`<folder>/regions/<region>.md`, cut into numbered parts if even one region is too long.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from shnor_site.layout.parts import PAGE_BUDGET, Part, pack, part_uri


@dataclass(frozen=True)
class RegionPart(Part):
    """One page of a list cut by region: a Part with its region and the region's first
    page (`base`, for the page links)."""

    region: str = ""
    base: str = ""

    @property
    def label(self) -> str:
        """The region, with «часть N из M» when it has several pages."""
        return self.region + (f", часть {self.number} из {self.of}" if self.of > 1 else "")


def _slug(text: str) -> str:
    from shnor_site.core.practices import slugify

    return slugify(text) or "region"


def regional_parts(folder: str, items: Sequence[Any], region_of: Callable[[Any], str],
                   size: Callable[[Any], int], budget: int = PAGE_BUDGET,
                   ) -> list[RegionPart]:
    """No parts while every item fits on one page; else the region pages, regions in
    alphabetical order and items in their given order within each region."""
    if sum(size(item) for item in items) <= budget:
        return []
    by_region: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        by_region[region_of(item)].append(item)
    parts, used = [], set()
    for region in sorted(by_region):
        slug = _slug(region)
        while slug in used:
            slug += "-x"
        used.add(slug)
        base = f"{folder}/regions/{slug}.md"
        chunks = pack(by_region[region], size, budget)
        parts += [RegionPart(part_uri(base, n), n, len(chunks), tuple(chunk), region, base)
                  for n, chunk in enumerate(chunks, 1)]
    return parts


def region_summary(parts: Sequence[RegionPart]) -> list[tuple[str, str, int]]:
    """(region, URI of its first page, number of items) for the main page."""
    out: dict[str, tuple[str, str, int]] = {}
    for p in parts:
        region, uri, n = out.get(p.region, (p.region, p.uri, 0))
        out[p.region] = (region, uri, n + len(p.items))
    return list(out.values())
