"""A programme's events by month: groups for the HTML list and a small SVG overview."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from shnor_site.graph.timing import MONTHS_NOM, Span
from shnor_site.graph.tracking import LONG_SPAN_DAYS, EventPlan, Occurrence, occurrences

MONTHS_SHORT = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")


@dataclass
class Group:
    """Events sharing one date range («февраль 2024», «2024 год»)."""

    label: str
    span: Span
    items: list[Occurrence] = field(default_factory=list)


@dataclass
class YearBlock:
    """The groups that start in one calendar year."""

    year: int
    groups: list[Group] = field(default_factory=list)


@dataclass
class Timeline:
    """Dated events by year and range, undated ones by class, and the SVG overview."""

    years: list[YearBlock]
    undated: list[tuple[str, list[EventPlan]]]
    svg: Markup
    dated_count: int
    long_count: int


def _years(occ: list[Occurrence]) -> list[YearBlock]:
    blocks: dict[int, YearBlock] = {}
    groups: dict[Span, Group] = {}
    for o in occ:
        year = (o.span.start or o.span.end).year
        block = blocks.setdefault(year, YearBlock(year))
        if o.span not in groups:
            groups[o.span] = Group(o.label, o.span)
            block.groups.append(groups[o.span])
        groups[o.span].items.append(o)
    return [blocks[y] for y in sorted(blocks)]


def _undated(plans: Iterable[EventPlan]) -> list[tuple[str, list[EventPlan]]]:
    by_kind: dict[str, list[EventPlan]] = defaultdict(list)
    for p in plans:
        if not p.timing.spans:
            label = p.timing.label if p.event.timing else "срок не указан"
            by_kind[label].append(p)
    return sorted(by_kind.items())


def is_long(span: Span) -> bool:
    """Longer than a quarter («в течение года», «2020-2021»): background, not a date."""
    return (span.end - (span.start or span.end)).days > LONG_SPAN_DAYS


def month_counts(plans: Iterable[EventPlan]) -> dict[tuple[int, int], int]:
    """How many events run in each (year, month), long ranges left out; a deadline counts
    in its own month."""
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for p in plans:
        months: set[tuple[int, int]] = set()
        for s in (s for s in p.timing.spans if not is_long(s)):
            y, m = (s.start or s.end).year, (s.start or s.end).month
            while (y, m) <= (s.end.year, s.end.month):
                months.add((y, m))
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        for key in months:
            counts[key] += 1
    return dict(counts)


def _svg_row(year: int, counts: dict[tuple[int, int], int], top: int, peak: int,
             today: dt.date) -> list[str]:
    parts = [f'<text x="0" y="{top + 12}" class="shnor-tlsvg__year">{year}</text>']
    for m in range(1, 13):
        n = counts.get((year, m), 0)
        x = 6 + (m - 1) * 29
        h = round(44 * n / peak) if n else 0
        base = top + 68
        if n:
            parts.append(f'<rect x="{x}" y="{base - h}" width="22" height="{h}" '
                         'class="shnor-tlsvg__bar"/>')
            parts.append(f'<text x="{x + 11}" y="{base - h - 3}" text-anchor="middle" '
                         f'class="shnor-tlsvg__n">{n}</text>')
        if (year, m) == (today.year, today.month):
            parts.append(f'<rect x="{x - 2}" y="{top + 18}" width="26" height="66" '
                         'class="shnor-tlsvg__now"/>')
        parts.append(f'<text x="{x + 11}" y="{base + 13}" text-anchor="middle" '
                     f'class="shnor-tlsvg__m">{MONTHS_SHORT[m - 1]}</text>')
    return parts


def overview_svg(plans: list[EventPlan], uid: str, today: dt.date) -> Markup:
    """Bars of events per month, one row per year; title and desc carry the numbers."""
    counts = month_counts(plans)
    if not counts:
        return Markup("")
    years = list(range(min(counts)[0], max(counts)[0] + 1))
    peak = max(counts.values())
    rows: list[str] = []
    for i, year in enumerate(years):
        rows += _svg_row(year, counts, i * 92, peak, today)
    desc = "; ".join(f"{y}: " + ", ".join(f"{MONTHS_NOM[m - 1]} — {counts[(y, m)]}"
                                           for m in range(1, 13) if (y, m) in counts)
                     for y in years if any((y, m) in counts for m in range(1, 13)))
    height = len(years) * 92
    head = (f'<svg class="shnor-tlsvg" viewBox="-4 0 356 {height}" role="img" '
            f'aria-labelledby="{uid}-t {uid}-d" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{uid}-t">Число мероприятий по месяцам (без идущих весь год)</title>'
            f'<desc id="{uid}-d">{escape(desc)}</desc>')
    return Markup(head + "".join(rows) + "</svg>")


def build_timeline(plans: list[EventPlan], today: dt.date, uid: str) -> Timeline:
    """Everything the timeline partial shows for these events."""
    occ = occurrences(plans, today)
    return Timeline(_years(occ), _undated(plans), overview_svg(plans, uid, today),
                    sum(1 for p in plans if p.timing.spans),
                    sum(1 for p in plans if any(is_long(s) for s in p.timing.spans)))
