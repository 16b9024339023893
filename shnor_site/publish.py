"""Roadmap features wired into the render stage: extra index pages and generated files.

render/pages.py adds roadmap_pages(); render/__init__.py adds roadmap_files(). Both stay
free of MkDocs: the plugin publishes the files through File.generated.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .feeds import EVENTS_FEED, PRACTICES_FEED, feed_files
from .ics import (
    calendar_bytes,
    content_stamp,
    programme_calendar_uri,
    school_calendar_uri,
)
from .indicators import MATCH_RULES, NOT_COMPARABLE, compare
from .link import Graph
from .opendata import LICENCE, LICENCE_URL, open_data
from .tracking import Schedule, build_date

PageTuple = tuple[str, str, str, str, dict[str, Any]]


def partnership_rows(g: Graph) -> list[dict[str, Any]]:
    """Every pair of schools of every programme, with both school records."""
    rows = []
    for prog in g.cat.all("programme"):
        for pair in prog.pairs:
            first, second = (g.record("school", s) for s in pair.schools)
            rows.append({"programme": prog, "pair": pair, "first": first, "second": second,
                         "municipality": g.record("municipality", prog.municipality)})
    return rows


def role_groups(g: Graph) -> list[dict[str, Any]]:
    """Per programme: its participating schools grouped by role."""
    out = []
    for prog in g.cat.all("programme"):
        roles: dict[str, list[Any]] = {}
        for part in prog.schools:
            roles.setdefault(part.role, []).append(g.record("school", part.school))
        out.append({"programme": prog, "roles": roles,
                    "municipality": g.record("municipality", prog.municipality)})
    return out


_shared: dict[str, Any] = {}


def schedule(g: Graph, today: dt.date) -> Schedule:
    """The Schedule of this graph and day, built once per build (pages and files share it)."""
    cached = _shared.get("schedule")
    if cached is None or cached.graph is not g or cached.today != today:
        cached = _shared["schedule"] = Schedule(g, today)
        _shared["open_data"] = None
    return cached


def forget_schedule() -> None:
    """Drop the shared Schedule and open data once the render is done (frees memory)."""
    _shared.clear()


def _open_data(sched: Schedule) -> Any:
    """open_data(sched), computed once for the shared schedule (it is the costliest step)."""
    if _shared.get("schedule") is not sched:
        return open_data(sched)
    if _shared.get("open_data") is None:
        _shared["open_data"] = open_data(sched)
    return _shared["open_data"]


def roadmap_pages(g: Graph) -> list[PageTuple]:
    """(uri, template, title, kind, context) of the indicators, partnerships and data pages."""
    programmes = g.cat.all("programme")
    _, described = _open_data(schedule(g, build_date()))
    return [
        ("indicators/index.md", "indicators.md.j2", "Показатели программ", "index",
         {"matches": compare(programmes), "similar": compare(programmes, NOT_COMPARABLE),
          "rules": MATCH_RULES}),
        ("partnerships/index.md", "partnerships.md.j2", "Партнёрства школ", "index",
         {"pairs": partnership_rows(g), "networks": role_groups(g)}),
        ("data/index.md", "data.md.j2", "Открытые данные", "index",
         {"datasets": described, "licence": LICENCE, "licence_url": LICENCE_URL,
          "feeds": (EVENTS_FEED, PRACTICES_FEED)}),
    ]


def calendar_files(sched: Schedule) -> dict[str, bytes]:
    """One .ics per programme and per school."""
    cat, files = sched.graph.cat, {}
    for prog in cat.all("programme"):
        mun = cat.get("municipality", prog.municipality).name
        name = f"{mun}: {prog.kind} {prog.period.start}–{prog.period.end}"
        files[programme_calendar_uri(prog.id)] = calendar_bytes(
            name, sched.by_programme.get(prog.id, []), content_stamp([prog]))
    for school in cat.all("school"):
        plans = sched.for_school(school.id)
        progs = list({p.placed.programme.id: p.placed.programme for p in plans}.values())
        name = f"{school.short_name} ({cat.get('municipality', school.municipality).name})"
        files[school_calendar_uri(school.id)] = calendar_bytes(
            name, plans, content_stamp(progs or cat.all("programme")))
    return files


def roadmap_files(sched: Schedule) -> dict[str, bytes]:
    """Calendars, open data and feeds, keyed by their URI in the site."""
    files = calendar_files(sched)
    files.update(_open_data(sched)[0])
    files.update(feed_files(sched))
    return files
