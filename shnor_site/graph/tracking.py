"""What was promised when, and what is known about it: plan status and execution.

Every event gets its parsed timing (shnor_site.timing), its place against the build
date («запланировано», «идёт», «завершено по плану») and its execution state from the
optional `status`/`done`/`evidence` fields. An event without a reported status is
«нет сведений» — never counted as done.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from shnor_site.core.placement import PlacedEvent
from shnor_site.graph.link import Graph
from shnor_site.graph.timing import Span, Timing, format_span, outside_period, parse_timing

PLAN_LABELS = {"planned": "запланировано", "ongoing": "идёт", "ended": "завершено по плану"}
STATE_LABELS = {
    "done": "выполнено",
    "postponed": "перенесено",
    "cancelled": "отменено",
    "overdue": "срок истёк, выполнение не подтверждено",
    "not_due": "срок ещё не наступил",
    "undated": "срок без дат",
}
NO_REPORT = "нет сведений"


def build_datetime(env: Mapping[str, str] | None = None) -> dt.datetime | None:
    """UTC moment from SOURCE_DATE_EPOCH, or None when it is not set."""
    raw = (os.environ if env is None else env).get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC)


def build_date(env: Mapping[str, str] | None = None) -> dt.date:
    """«Today» for the build: SOURCE_DATE_EPOCH if set (reproducible), else the current date."""
    moment = build_datetime(env)
    return moment.date() if moment else dt.datetime.now(dt.UTC).date()


def span_status(span: Span, today: dt.date) -> str:
    """planned / ongoing / ended for one date range (a deadline is planned until it passes)."""
    if span.end < today:
        return "ended"
    if span.start is None or span.start > today:
        return "planned"
    return "ongoing"


def plan_status(timing: Timing, today: dt.date) -> str | None:
    """Status of the whole timing against today; None when it has no dates."""
    if not timing.spans:
        return None
    found = {span_status(s, today) for s in timing.spans}
    if "ongoing" in found:
        return "ongoing"
    return "planned" if "planned" in found else "ended"


@dataclass(frozen=True)
class EventPlan:
    """An event with its parsed timing, plan status and execution state."""

    placed: PlacedEvent
    timing: Timing
    plan: str | None
    state: str
    outside: bool

    @property
    def event(self) -> Any:
        """The Event record."""
        return self.placed.event

    @property
    def reported(self) -> str:
        """Status as reported in content, or «нет сведений»."""
        return self.placed.event.status or NO_REPORT

    @property
    def plan_label(self) -> str | None:
        """Russian plan status, or None when undated."""
        return PLAN_LABELS[self.plan] if self.plan else None

    @property
    def state_label(self) -> str:
        """Russian execution state."""
        return STATE_LABELS[self.state]

    @property
    def when(self) -> str:
        """Parsed dates in words («май 2024; декабрь 2024»), empty when undated."""
        return "; ".join(format_span(s) for s in self.timing.spans)


def execution_state(status: str | None, timing: Timing, today: dt.date) -> str:
    """done / postponed / cancelled, else overdue / not_due / undated from the parsed end."""
    fixed = {"выполнено": "done", "перенесено": "postponed", "отменено": "cancelled"}
    if status in fixed:
        return fixed[status]
    end = timing.end
    if end is None:
        return "undated"
    return "overdue" if end < today else "not_due"


def plan_of(placed: PlacedEvent, today: dt.date) -> EventPlan:
    """Parse one placed event's timing and judge it against today."""
    period = placed.programme.period
    timing = parse_timing(placed.event.timing or "", period.start, period.end)
    return EventPlan(placed, timing, plan_status(timing, today),
                     execution_state(placed.event.status, timing, today),
                     outside_period(timing, period.start, period.end))


@dataclass(frozen=True)
class Summary:
    """Counts of execution states over a set of events, with their evidence."""

    total: int
    counts: tuple[tuple[str, str, int], ...]
    reported: int
    evidence: tuple[tuple[EventPlan, Any], ...]


def summarise(plans: Iterable[EventPlan]) -> Summary:
    """Counts by state in a fixed order (key, label, n) and every piece of evidence."""
    plans = list(plans)
    counter = Counter(p.state for p in plans)
    counts = tuple((k, v, counter[k]) for k, v in STATE_LABELS.items() if counter[k])
    evidence = tuple((p, ev) for p in plans for ev in p.event.evidence)
    return Summary(len(plans), counts, sum(1 for p in plans if p.event.status), evidence)


@dataclass(frozen=True)
class Occurrence:
    """One date range of one event (an event with several ranges has several)."""

    plan: EventPlan
    span: Span
    status: str

    @property
    def label(self) -> str:
        """The range in words."""
        return format_span(self.span)

    @property
    def status_label(self) -> str:
        """Russian plan status of this range."""
        return PLAN_LABELS[self.status]


def occurrences(plans: Iterable[EventPlan], today: dt.date) -> list[Occurrence]:
    """Every dated range of the given events, ordered by start (deadline: by its end)."""
    out = [Occurrence(p, s, span_status(s, today)) for p in plans for s in p.timing.spans]
    return sorted(out, key=lambda o: (o.span.start or o.span.end, o.span.end))


LONG_SPAN_DAYS = 92


def upcoming(plans: Iterable[EventPlan], today: dt.date, limit: int = 8) -> list[Occurrence]:
    """Ranges not yet over (end ≥ today), soonest first, skipping cancelled events.

    Ranges longer than a quarter («в течение года») are background work: they are left
    out when shorter ones exist, so the list shows what actually happens next.
    """
    live = [o for o in occurrences(plans, today)
            if o.span.end >= today and o.plan.state != "cancelled"]
    short = [o for o in live
             if (o.span.end - (o.span.start or o.span.end)).days <= LONG_SPAN_DAYS]
    return (short or live)[:limit]


def latest(plans: Iterable[EventPlan], today: dt.date, limit: int = 5) -> list[Occurrence]:
    """The ranges that ended last — shown when nothing is upcoming."""
    ended = sorted(occurrences(plans, today),
                   key=lambda o: (o.span.end, o.span.start or o.span.end))
    return ended[-limit:][::-1]


class Schedule:
    """Plans of every event of the site, for templates, calendars and feeds."""

    def __init__(self, graph: Graph, today: dt.date) -> None:
        self.graph = graph
        self.today = today
        self.by_programme: dict[str, list[EventPlan]] = {
            pid: [plan_of(p, today) for p in placed] for pid, placed in graph.events.items()}
        self._index = {(p.placed.programme.id, p.placed.anchor): p
                       for plans in self.by_programme.values() for p in plans}

    def of(self, placed: PlacedEvent) -> EventPlan:
        """The plan of a placed event."""
        return self._index[(placed.programme.id, placed.anchor)]

    def all(self) -> list[EventPlan]:
        """Every event plan, programmes in id order."""
        return [p for pid in sorted(self.by_programme) for p in self.by_programme[pid]]

    def for_school(self, school_id: str) -> list[EventPlan]:
        """Plans of every event that applies to the school (Graph.school_events)."""
        return [self.of(p) for p in self.graph.school_events(school_id)]

    def programme_status(self, programme: Any) -> tuple[str, str]:
        """(key, words) of a programme's own status by its years: («ended», «завершена в
        2023 году»), («ongoing», «идёт: 2022–2024 годы») or («planned», «начнётся в 2027
        году»)."""
        start, end, year = programme.period.start, programme.period.end, self.today.year
        years = f"{start} год" if start == end else f"{start}–{end} годы"
        if end < year:
            return "ended", f"завершена в {end} году"
        if start > year:
            return "planned", f"планируется, начнётся в {start} году"
        return "ongoing", f"идёт: {years}"

    def summary(self, plans: Iterable[EventPlan]) -> Summary:
        """See summarise()."""
        return summarise(plans)

    def upcoming(self, plans: Iterable[EventPlan] | None = None, limit: int = 8
                 ) -> list[Occurrence]:
        """See upcoming(); every event of the site by default."""
        return upcoming(self.all() if plans is None else plans, self.today, limit)

    def latest(self, plans: Iterable[EventPlan] | None = None, limit: int = 5
               ) -> list[Occurrence]:
        """See latest(); every event of the site by default."""
        return latest(self.all() if plans is None else plans, self.today, limit)

    @property
    def today_text(self) -> str:
        """The build date as «23.11.2026»."""
        return f"{self.today:%d.%m.%Y}"
