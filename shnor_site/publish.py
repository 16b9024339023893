"""Roadmap features wired into the render stage: extra index pages and generated files.

render/pages.py adds roadmap_pages(); render/__init__.py adds roadmap_files(). Both stay
free of MkDocs: the plugin publishes the files through File.generated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from .feeds import EVENTS_FEED, PRACTICES_FEED, feed_files
from .ics import (
    calendar_bytes,
    content_stamp,
    programme_calendar_uri,
    school_calendar_uri,
)
from .link import Graph
from .opendata import LICENCE, LICENCE_URL, data_tables, open_data_files, open_data_uris
from .site_lists import PageTuple
from .tracking import Schedule, build_date

_shared: dict[str, Any] = {}


def schedule(g: Graph, today: dt.date) -> Schedule:
    """The Schedule of this graph and day, built once per build (pages and files share it)."""
    cached = _shared.get("schedule")
    if cached is None or cached.graph is not g or cached.today != today:
        cached = _shared["schedule"] = Schedule(g, today)
    return cached


def forget_schedule() -> None:
    """Drop the shared Schedule once the render is done."""
    _shared.clear()


def roadmap_pages(g: Graph) -> list[PageTuple]:
    """(uri, template, title, kind, context) of the indicators, partnerships and data pages."""
    from .site_lists import indicator_pages, partnership_pages

    described = [t.dataset for t in data_tables(schedule(g, build_date()))]
    return indicator_pages(g) + partnership_pages(g) + [
        ("data/index.md", "data.md.j2", "Открытые данные", "index",
         {"datasets": described, "licence": LICENCE, "licence_url": LICENCE_URL,
          "feeds": (EVENTS_FEED, PRACTICES_FEED)}),
    ]


def iter_calendars(sched: Schedule) -> Iterator[tuple[str, bytes]]:
    """(URI, bytes) of one .ics per programme and per school."""
    cat = sched.graph.cat
    for prog in cat.all("programme"):
        mun = cat.get("municipality", prog.municipality).name
        name = f"{mun}: {prog.kind} {prog.period.start}–{prog.period.end}"
        yield programme_calendar_uri(prog.id), calendar_bytes(
            name, sched.by_programme.get(prog.id, []), content_stamp([prog]))
    for school in cat.all("school"):
        plans = sched.for_school(school.id)
        progs = list({p.placed.programme.id: p.placed.programme for p in plans}.values())
        name = f"{school.short_name} ({cat.get('municipality', school.municipality).name})"
        yield school_calendar_uri(school.id), calendar_bytes(
            name, plans, content_stamp(progs or cat.all("programme")))


def calendar_files(sched: Schedule) -> dict[str, bytes]:
    """One .ics per programme and per school, keyed by URI."""
    return dict(iter_calendars(sched))


def roadmap_files(sched: Schedule) -> Iterator[tuple[str, Any]]:
    """(URI, bytes or chunks of bytes) of the calendars, open data and feeds, one at a
    time."""
    yield from iter_calendars(sched)
    yield from open_data_files(data_tables(sched))
    yield from feed_files(sched).items()


def roadmap_file_uris(sched: Schedule) -> list[str]:
    """URIs of the files roadmap_files yields, in the same order."""
    cat = sched.graph.cat
    return ([programme_calendar_uri(p.id) for p in cat.all("programme")]
            + [school_calendar_uri(s.id) for s in cat.all("school")]
            + open_data_uris(data_tables(sched)) + [EVENTS_FEED, PRACTICES_FEED])
