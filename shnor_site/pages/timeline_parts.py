"""A programme's timeline («Сроки и исполнение») cut into pages (layout/parts.py).

A recurring event appears once per month it runs, so a long programme's timeline can hold
hundreds of entries. The entries (dated ones by year and range, then undated ones by
kind) are packed into pages; each page regroups its own entries, and a page that starts
inside a year or a range repeats its label (timeline.YearBlock and Group, one page's share).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shnor_site.layout.parts import PAGE_BUDGET, Part, pack, part_uri, programme_page_uri, text_size
from shnor_site.render.timeline import Group, YearBlock

#: Room on the first page for the execution summary, the calendar link and the chart.
HEAD_BYTES = 9_000


@dataclass(frozen=True)
class TimelinePart(Part):
    """One page of a timeline: a Part whose entries are regrouped by year and range
    (`years`) and by kind (`undated`)."""

    years: list[YearBlock] = field(default_factory=list)
    undated: list[tuple[str, list[Any]]] = field(default_factory=list)


def _entries(tl: Any) -> list[tuple[str, Any, Any, Any]]:
    dated = [("dated", block.year, grp, occ)
             for block in tl.years for grp in block.groups for occ in grp.items]
    return dated + [("undated", None, label, plan) for label, plans in tl.undated
                    for plan in plans]


def _size(entry: tuple[str, Any, Any, Any]) -> int:
    event = entry[3].plan.event if entry[0] == "dated" else entry[3].event
    return 320 + text_size(event.number, event.title[:400], event.timing, event.status)


def _regroup(uri: str, number: int, of: int, chunk: list[tuple[str, Any, Any, Any]]
             ) -> TimelinePart:
    years: list[YearBlock] = []
    undated: list[tuple[str, list[Any]]] = []
    for kind, year, group, item in chunk:
        if kind == "undated":
            if not undated or undated[-1][0] != group:
                undated.append((group, []))
            undated[-1][1].append(item)
            continue
        if not years or years[-1].year != year:
            years.append(YearBlock(year))
        if not years[-1].groups or years[-1].groups[-1].span != group.span:
            years[-1].groups.append(Group(group.label, group.span))
        years[-1].groups[-1].items.append(item)
    return TimelinePart(uri, number, of, tuple(chunk), years, undated)


def timeline_parts(programme_id: str, tl: Any, budget: int = PAGE_BUDGET
                   ) -> list[TimelinePart]:
    """The pages of a programme's timeline (one page when everything fits)."""
    chunks = pack(_entries(tl), _size, budget, first_budget=budget - HEAD_BYTES)
    base = programme_page_uri(programme_id, "timeline")
    return [_regroup(part_uri(base, n), n, len(chunks), chunk)
            for n, chunk in enumerate(chunks, 1)]
