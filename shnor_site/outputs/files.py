"""The generated files of a site: calendars, open data and feeds, one at a time.

Takes the Schedule of the build (graph/tracking.py) and hands (URI, bytes or chunks)
to pages/plan.py, which lists them beside the pages; nothing here knows MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from shnor_site.graph.tracking import Schedule
from shnor_site.outputs.feeds import EVENTS_FEED, PRACTICES_FEED, feed_files
from shnor_site.outputs.ics import calendar_bytes, content_stamp
from shnor_site.outputs.opendata import (
    data_tables,
    open_data_files,
    open_data_uris,
)
from shnor_site.render.urls import programme_calendar_uri, school_calendar_uri


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
