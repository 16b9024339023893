"""iCalendar (RFC 5545) files: one per programme and one per school.

Every dated range of an event becomes an all-day VEVENT (DTEND is the day after the
last day, as the RFC requires). UIDs are built from the programme id, the event's page
anchor and the range number, so they stay the same from build to build. DTSTAMP comes
from SOURCE_DATE_EPOCH, else from the content (the approval date or the first year of
the programme) — never from the clock, so builds are reproducible. Events without
dates are not in the calendar; the page lists them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import icalendar

from .plaintext import plain_text
from .render.markup import headline
from .timing import format_span
from .tracking import EventPlan, build_datetime

PRODID = "-//shnor-site//Программы поддержки ШНОР и ШНСУ//RU"


def content_stamp(programmes: Iterable[object]) -> dt.datetime:
    """DTSTAMP: SOURCE_DATE_EPOCH, else the latest approval date or first programme year."""
    moment = build_datetime()
    if moment:
        return moment
    days = [_programme_day(p) for p in programmes]
    day = max(days) if days else dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _programme_day(prog: object) -> dt.date:
    approval = getattr(prog, "approval", None)
    if approval is not None and approval.date:
        return approval.date
    return dt.date(prog.period.start, 1, 1)  # type: ignore[attr-defined]


def event_title(plan: EventPlan) -> str:
    """Number and first line of the event, as plain text."""
    ev = plan.event
    title = plain_text(headline(ev.title))
    return f"{ev.number} {title}" if ev.number else title


def event_uid(plan: EventPlan, index: int) -> str:
    """Stable UID of the index-th range of an event."""
    return f"{plan.placed.programme.id}.{plan.placed.anchor}.{index}@shnor-site"


def _description(plan: EventPlan, span_text: str) -> str:
    ev = plan.event
    lines = [f"Программа: {plan.placed.programme.title}",
             f"Сроки по документу: {ev.timing}", f"Даты в календаре: {span_text}"]
    if ev.responsible:
        lines.append(f"Ответственные: {ev.responsible}")
    lines.append(f"Исполнение: {plan.reported}")
    if ev.status_note:
        lines.append(f"Пояснение: {ev.status_note}")
    return "\n".join(lines)


def _vevents(plan: EventPlan, stamp: dt.datetime) -> list[icalendar.Event]:
    out = []
    for i, span in enumerate(plan.timing.spans, 1):
        vevent = icalendar.Event()
        vevent.add("uid", event_uid(plan, i))
        vevent.add("dtstamp", stamp)
        vevent.add("dtstart", span.start or span.end)
        vevent.add("dtend", span.end + dt.timedelta(days=1))
        prefix = "Срок: " if span.start is None else ""
        vevent.add("summary", prefix + event_title(plan))
        vevent.add("description", _description(plan, format_span(span)))
        vevent.add("transp", "TRANSPARENT")
        if plan.event.status == "отменено":
            vevent.add("status", "CANCELLED")
        out.append(vevent)
    return out


def calendar_bytes(name: str, plans: Iterable[EventPlan], stamp: dt.datetime) -> bytes:
    """The .ics file for these events (dated ranges only)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", icalendar.vText(" ".join(name.split())))  # X- is not escaped
    for plan in plans:
        for vevent in _vevents(plan, stamp):
            cal.add_component(vevent)
    return cal.to_ical()


def programme_calendar_uri(programme_id: str) -> str:
    """Where a programme's calendar is published."""
    return f"programmes/{programme_id}/{programme_id}.ics"


def school_calendar_uri(school_id: str) -> str:
    """Where a school's calendar is published."""
    return f"schools/{school_id}/{school_id}.ics"
