"""The pages of a programme: overview, indicators, roadmap, timeline and source document.

A whole programme on one page reached 240 KB of HTML (67 events, 54 indicators with their
chart, a month-by-month timeline). Each part of the document now has its own address, and
each is cut further into numbered pages when long (layout/parts.py):

* `/programmes/<id>/` — the document's parts in its own order (core/docorder.py): order,
  passport, indicator groups (a link each), texts, the plan's table of contents;
* `/programmes/<id>/indicators/` — indicator tables and their chart;
* `/programmes/<id>/roadmap/` (`…/roadmap/2/`, …) — the event cards;
* `/programmes/<id>/print/` — the whole roadmap as one compact table, for printing (cut
  into parts too only when it would outgrow a page — no bundled programme comes near);
* `/programmes/<id>/timeline/` — dates and execution, the calendar;
* `/programmes/<id>/source/` — the original text, verbatim.
"""

from __future__ import annotations

from typing import Any

from shnor_site.core import docorder
from shnor_site.layout.parts import PAGE_BUDGET, Part, make_parts, programme_page_uri
from shnor_site.layout.roadmap import print_row_size, roadmap_parts
from shnor_site.pages.spec import PageSpec
from shnor_site.pages.timeline_parts import timeline_parts
from shnor_site.render.urls import record_uri

#: Source text per page: the `<pre>` block is escaped text, about its UTF-8 size.
SOURCE_BUDGET = 50_000
#: Estimated body bytes of the print version: a table row costs far less markup than an
#: event card, so the whole plan of a programme usually fits (67 events: about 53 000).
PRINT_BUDGET = 56_000
#: Columns of the print table besides the number and the event, in the document's order.
PRINT_COLUMNS = ("timing", "responsible", "result", "control", "note")


def roadmap_toc(g: Any, prog: Any) -> list[tuple[Any, str, int]]:
    """(section heading, page URI, events in the section) for the overview's contents."""
    counts: dict[int, int] = {}
    for placed in g.events[prog.id]:
        counts[placed.section_index] = counts.get(placed.section_index, 0) + 1
    return [(item, part.uri, counts.get(item.section_index, 0))
            for part in g.roadmap.get(prog.id, []) for item in part.items
            if item.kind == "section" and not item.continued]


def split_text(text: str, budget: int) -> list[str]:
    """Text cut at line ends into pieces of about `budget` bytes of UTF-8 (a line longer
    than that is a piece of its own)."""
    pieces, start = [], 0
    chars = budget // 2  # Cyrillic: two bytes a character; measured below
    while start < len(text):
        end = text.find("\n", min(start + chars, len(text)))
        end = len(text) if end < 0 else end + 1
        while (len(text[start:end].encode("utf-8")) > budget
               and (cut := text.rfind("\n", start, end - 1)) > start):
            end = cut + 1
        pieces.append(text[start:end])
        start = end
    return pieces or [""]


def source_parts(prog: Any, text: str) -> list[Part]:
    """The original text cut at line ends into pages of about SOURCE_BUDGET bytes; each
    part holds one piece of the text."""
    return make_parts(programme_page_uri(prog.id, "source"),
                      [[piece] for piece in split_text(text, SOURCE_BUDGET)])


def _spec(prog: Any, mun: str, part: Any, template: str, title: str,
          kind: str = "programme-part", **context: Any) -> PageSpec:
    return PageSpec(part.uri, template, f"{part.page_title(title)} — {prog.title}", kind,
                    {"programme": prog, "part": part, **context}, mun)


def print_columns(prog: Any, placed_events: list[Any]) -> list[tuple[str, str]]:
    """(field, heading) of the print table's columns that some event of the plan fills;
    the headings are the document's own (`roadmap.columns`)."""
    cols = prog.roadmap.columns
    return [(name, getattr(cols, name, "Примечание"))
            for name in PRINT_COLUMNS if any(getattr(p.event, name) for p in placed_events)]


def print_pages(g: Any, prog: Any, mun: str) -> list[PageSpec]:
    """The print version of a programme's roadmap: the whole plan as one table."""
    events = g.events[prog.id]
    parts = roadmap_parts(prog, events, PRINT_BUDGET, print_row_size, "print")
    return [_spec(prog, mun, part, "programme_print.md.j2", "План мероприятий для печати",
                  "programme-print", columns=print_columns(prog, events),
                  screen_parts=len(g.roadmap[prog.id])) for part in parts]


def programme_pages(g: Any, sched: Any) -> list[PageSpec]:
    """Every page of every programme, overview first."""
    pages: list[PageSpec] = []
    for prog in g.cat.all("programme"):
        mun = g.municipality_name(prog.municipality)
        ind_parts = g.indicators[prog.id]
        ind_uris = {gi: part.uri for part in ind_parts for gi, _grp in part.items}
        blocks, rows, _problems = docorder.resolve(prog)
        pages.append(PageSpec(record_uri("programme", prog.id), "programme.md.j2", prog.title,
                              "programme", {"programme": prog, "indicator_uris": ind_uris,
                                            "doc_blocks": blocks, "passport_rows": rows,
                                            "roadmap_toc": roadmap_toc(g, prog)}, mun))
        for part in ind_parts:
            pages.append(_spec(prog, mun, part, "programme_indicators.md.j2", "Показатели"))
        if prog.roadmap is not None:
            for part in g.roadmap[prog.id]:
                pages.append(_spec(prog, mun, part, "programme_roadmap.md.j2",
                                   "План мероприятий"))
            pages += print_pages(g, prog, mun)
        if sched.by_programme.get(prog.id):
            tl = sched.timeline(prog.id)
            for part in timeline_parts(prog.id, tl, PAGE_BUDGET):
                pages.append(_spec(prog, mun, part, "programme_timeline.md.j2",
                                   "Сроки и исполнение", timeline=tl))
        text = (g.cat.root / prog.source.file).read_text(encoding="utf-8")
        for part in source_parts(prog, text):
            pages.append(_spec(prog, mun, part, "source.md.j2", "Исходный документ",
                               "source", source_text="".join(part.items)))
    return pages
