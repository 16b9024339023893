"""Where long content goes: pages that stay under 80 KB of HTML at any scale.

A national site has programmes with a hundred events, banks of thousands of practices and
region lists of hundreds of schools; a parent opens them on a phone over a slow line. Long
content is therefore cut into parts: `pack` fills each part up to PAGE_BUDGET estimated
bytes of page body (the theme adds about 20 KB around it). Sizes are estimated from the
text of the records — two bytes per Cyrillic character plus the markup of each entry —
and `tests/test_layout.py` and `tests/test_synth.py` check the real pages against the 80 KB limit.

Part 1 keeps the base address; later parts live under it: `programmes/x/roadmap.md`,
`programmes/x/roadmap/2.md`, … (`/programmes/x/roadmap/`, `/programmes/x/roadmap/2/`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")

#: Estimated bytes of body HTML per page; the real pages are measured in the tests.
PAGE_BUDGET = 44_000


def pack(items: Iterable[T], size: Callable[[T], int], budget: int = PAGE_BUDGET,
         first_budget: int | None = None) -> list[list[T]]:
    """Cut items, in order, into consecutive parts of at most `budget` estimated bytes.

    An item larger than the budget gets a part of its own. `first_budget` leaves room on
    the first part for what comes before the list. There is always at least one part.
    """
    parts: list[list[T]] = [[]]
    used, limit = 0, budget if first_budget is None else first_budget
    for item in items:
        cost = size(item)
        if parts[-1] and used + cost > limit:
            parts.append([])
            used, limit = 0, budget
        parts[-1].append(item)
        used += cost
    return parts


def part_uri(base: str, number: int) -> str:
    """Source URI of part `number` of a page: `x/roadmap.md` → `x/roadmap/2.md`, and
    `x/index.md` → `x/page/2.md`."""
    if number == 1:
        return base
    if base == "index.md" or base.endswith("/index.md"):
        return f"{base[:-len('index.md')]}page/{number}.md"
    return f"{base[:-3]}/{number}.md"


def programme_page_uri(programme_id: str, page: str) -> str:
    """Source URI of the first page of a programme's `page` (indicators, roadmap, timeline,
    source): `programmes/<id>/<page>.md`."""
    return f"programmes/{programme_id}/{page}.md"


def text_size(*texts: Any) -> int:
    """Estimated HTML bytes of some text: UTF-8 length of Cyrillic is about twice."""
    n = 0
    for t in texts:
        if t.__class__ is str:
            n += len(t)
    return 2 * n


@dataclass(frozen=True)
class Part:
    """One part of a page cut by `pack`: its URI, number, count and items."""

    uri: str
    number: int
    of: int
    items: tuple[Any, ...]

    @property
    def label(self) -> str:
        """«часть 2 из 3», or empty for a page in one part."""
        return f"часть {self.number} из {self.of}" if self.of > 1 else ""

    def page_title(self, title: str) -> str:
        """A page title with the part: «Все практики, часть 2 из 3»."""
        return f"{title}, {self.label}" if self.label else title


def make_parts(base: str, chunks: Sequence[Sequence[Any]]) -> list[Part]:
    """Parts of a page from the chunks `pack` returned."""
    return [Part(part_uri(base, n), n, len(chunks), tuple(chunk))
            for n, chunk in enumerate(chunks, 1)]


def paged(base: str, items: Sequence[Any], size: Callable[[Any], int],
          budget: int = PAGE_BUDGET, first_budget: int | None = None) -> list[Part]:
    """`pack` then `make_parts`: the parts of a paged list."""
    return make_parts(base, pack(items, size, budget, first_budget))
