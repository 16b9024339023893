"""A programme's indicator groups cut into pages of at most PAGE_BUDGET bytes (layout/parts.py).

Each group keeps its number (`ind-<n>` anchors) whichever page it lands on; the graph holds
the pages (link.py), so the programme's overview, its indicator pages and the search index
agree on where each group is.
"""

from __future__ import annotations

from typing import Any

from shnor_site.layout.parts import Part, paged, programme_page_uri, text_size


def _indicator_size(numbered: tuple[int, Any]) -> int:
    grp = numbered[1]
    rows = sum(1200 + text_size(i.name, i.note, i.value, i.baseline, i.target)
               for i in grp.indicators)
    return 500 + text_size(grp.preface, grp.title, grp.intro) + rows


def indicator_parts(prog: Any) -> list[Part]:
    """Pages of a programme's indicator groups, items `(number, group)`; none without
    indicators."""
    if not prog.indicator_groups:
        return []
    return paged(programme_page_uri(prog.id, "indicators"),
                 list(enumerate(prog.indicator_groups, 1)), _indicator_size)
