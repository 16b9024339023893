"""Atom feeds (RFC 4287): upcoming events, and practices by the date they were added.

Links are relative to the feed's own address (feeds/…xml), so the feeds work when the
site is served under a sub-path. Every timestamp comes from SOURCE_DATE_EPOCH or the
content, never from the clock: builds stay byte-identical. When the practices kind
does not exist (or has no records) the practices feed is empty but valid.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.etree import ElementTree as ET

from shnor_site.core.models import KINDS
from shnor_site.core.plaintext import plain_text
from shnor_site.graph.tracking import Occurrence, Schedule, build_datetime
from shnor_site.outputs.ics import content_stamp, event_title

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EVENTS_FEED = "feeds/events.xml"
PRACTICES_FEED = "feeds/practices.xml"
ET.register_namespace("", ATOM)


def _stamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def _feed(feed_id: str, title: str, subtitle: str, self_href: str, alt_href: str,
          updated: dt.datetime) -> ET.Element:
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: "ru"})
    _sub(feed, "id", feed_id)
    _sub(feed, "title", title)
    _sub(feed, "subtitle", subtitle)
    _sub(feed, "updated", _stamp(updated))
    _sub(_sub(feed, "author"), "name", "shnor-site")
    _sub(feed, "link", rel="self", href=self_href, type="application/atom+xml")
    _sub(feed, "link", rel="alternate", href=alt_href, type="text/html")
    return feed


def _entry(feed: ET.Element, entry_id: str, title: str, href: str, updated: dt.datetime,
           summary: str) -> None:
    entry = _sub(feed, "entry")
    _sub(entry, "id", entry_id)
    _sub(entry, "title", title)
    _sub(entry, "link", rel="alternate", href=href, type="text/html")
    _sub(entry, "updated", _stamp(updated))
    _sub(entry, "summary", summary)


def _bytes(feed: ET.Element) -> bytes:
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _occurrence_entry(feed: ET.Element, occ: Occurrence, stamp: dt.datetime,
                      graph: Any) -> None:
    from shnor_site.render.urls import event_url

    plan = occ.plan
    prog = plan.placed.programme
    index = plan.timing.spans.index(occ.span) + 1
    summary = (f"{occ.label} · по документу: {plan.event.timing} · {prog.title} · "
               f"исполнение: {plan.reported}")
    _entry(feed, f"tag:shnor-site,2024:programmes/{prog.id}/{plan.placed.anchor}/{index}",
           f"{occ.label}: {event_title(plan)}",
           f"../{event_url(graph, plan.placed)}", stamp,
           summary)


def events_feed(sched: Schedule, limit: int = 50) -> bytes:
    """Events whose dates are not over yet on the build date, soonest first."""
    stamp = content_stamp(sched.graph.cat.all("programme"))
    feed = _feed("tag:shnor-site,2024:feeds/events", "Ближайшие мероприятия программ ШНОР",
                 f"Мероприятия со сроками не раньше {sched.today_text} (дата сборки сайта)",
                 "events.xml", "../", stamp)
    for occ in sched.upcoming(limit=limit):
        _occurrence_entry(feed, occ, stamp, sched.graph)
    return _bytes(feed)


def practice_records(cat: Any) -> list[Any]:
    """Practices that have an `added` date, newest first; [] without the practices kind."""
    if "practice" not in KINDS:
        return []
    dated = [p for p in cat.all("practice") if getattr(p, "added", None)]
    return sorted(dated, key=lambda p: (p.added, p.id), reverse=True)


def _day(value: dt.date) -> dt.datetime:
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)


def practices_feed(sched: Schedule, limit: int = 50) -> bytes:
    """Practices of the bank by the date they were added."""
    cat = sched.graph.cat
    items = practice_records(cat)[:limit]
    updated = build_datetime() or (_day(items[0].added) if items
                                   else content_stamp(cat.all("programme")))
    feed = _feed("tag:shnor-site,2024:feeds/practices", "Новые практики банка",
                 "Практики по дате добавления", "practices.xml",
                 "../practices/" if "practice" in KINDS else "../", updated)
    for rec in items:
        summary = plain_text(getattr(rec, "summary", None) or getattr(rec, "description", ""))
        _entry(feed, f"tag:shnor-site,2024:practices/{rec.id}", rec.title,
               f"../practices/{rec.id}/", _day(rec.added), summary)
    return _bytes(feed)


def feed_files(sched: Schedule) -> dict[str, bytes]:
    """Both feeds, keyed by their URI in the site."""
    return {EVENTS_FEED: events_feed(sched), PRACTICES_FEED: practices_feed(sched)}

