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
import functools
from collections.abc import Iterable

from shnor_site.core.markup import headline
from shnor_site.core.plaintext import plain_text
from shnor_site.graph.timing import format_span
from shnor_site.graph.tracking import EventPlan, build_datetime

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


@functools.lru_cache(maxsize=65536)
def _plain_headline(title: str) -> str:
    return plain_text(headline(title))


def event_title(plan: EventPlan) -> str:
    """Number and first line of the event, as plain text."""
    ev = plan.event
    title = _plain_headline(ev.title)
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


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and line breaks
    escaped; a line break is CRLF, LF or a bare CR, each becomes one «\\n»."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """A content line folded at 75 octets, never inside a UTF-8 character (3.1)."""
    if len(line) <= 75 and line.isascii():
        return line  # most lines: one byte per character, nothing to fold
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts, start, limit = [], 0, 75
    while start < len(raw):
        end = min(start + limit, len(raw))
        while end < len(raw) and (raw[end] & 0xC0) == 0x80:  # a continuation byte
            end -= 1
        parts.append(raw[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines start with a space
    return "\r\n ".join(parts)


def _day(day: dt.date) -> str:
    return f"{day:%Y%m%d}"


def _vevent(plan: EventPlan, i: int, span: object, stamp: str) -> list[str]:
    prefix = "Срок: " if span.start is None else ""
    lines = ["BEGIN:VEVENT", f"UID:{escape_text(event_uid(plan, i))}", f"DTSTAMP:{stamp}",
             f"DTSTART;VALUE=DATE:{_day(span.start or span.end)}",
             f"DTEND;VALUE=DATE:{_day(span.end + dt.timedelta(days=1))}",
             f"SUMMARY:{escape_text(prefix + event_title(plan))}",
             f"DESCRIPTION:{escape_text(_description(plan, format_span(span)))}",
             "TRANSP:TRANSPARENT"]
    if plan.event.status == "отменено":
        lines.append("STATUS:CANCELLED")
    return [*lines, "END:VEVENT"]


def calendar_bytes(name: str, plans: Iterable[EventPlan], stamp: dt.datetime) -> bytes:
    """The .ics file for these events (dated ranges only)."""
    when = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", f"PRODID:{escape_text(PRODID)}", "VERSION:2.0",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape_text(' '.join(name.split()))}"]
    for plan in plans:
        for i, span in enumerate(plan.timing.spans, 1):
            lines += _vevent(plan, i, span, when)
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")


