"""A programme's roadmap cut into pages of at most PAGE_BUDGET bytes (layout/parts.py).

The roadmap is flattened, in document order, into section headings, task headings and
event cards. `pack` fills the pages; a page never ends on a heading (it moves on with its
events), and a page that starts inside a section or a task repeats its heading marked
«(продолжение)». Every event then knows the page it is on: links from school pages, the
timeline, practices, feeds and search go straight to `roadmap/N/#anchor`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from shnor_site.layout.parts import (
    PAGE_BUDGET,
    Part,
    make_parts,
    pack,
    programme_page_uri,
    text_size,
)


@dataclass(frozen=True)
class RoadmapItem:
    """A section heading, a task heading or an event card of a roadmap page."""

    kind: str  # "section", "task" or "event"
    section_index: int
    section: Any
    task: Any = None
    placed: Any = None
    continued: bool = False

    @property
    def titled(self) -> bool:
        """True when the section has a number or a title to show as a heading."""
        return bool(self.section.number or self.section.title)


def roadmap_items(programme: Any, placed_events: list[Any]) -> list[RoadmapItem]:
    """Headings and event cards in document order (events as link.place_events placed them).

    Every section is kept, with or without events: its heading and text are part of the
    document. Within a section, events outside tasks come first, then each task.
    """
    if programme.roadmap is None:
        return []
    by_place: dict[tuple[int, int | None], list[Any]] = {}
    for placed in placed_events:
        key = (placed.section_index, None if placed.task is None else id(placed.task))
        by_place.setdefault(key, []).append(placed)
    items: list[RoadmapItem] = []
    for si, section in enumerate(programme.roadmap.sections, 1):
        items.append(RoadmapItem("section", si, section))
        items += [RoadmapItem("event", si, section, None, p) for p in by_place.get((si, None), [])]
        for task in section.tasks:
            items.append(RoadmapItem("task", si, section, task))
            items += [RoadmapItem("event", si, section, task, p)
                      for p in by_place.get((si, id(task)), [])]
    return items


def item_size(item: RoadmapItem) -> int:
    """Estimated HTML bytes of a heading or an event card."""
    if item.kind == "section":
        return 300 + text_size(item.section.number, item.section.title, item.section.intro)
    if item.kind == "task":
        return 200 + text_size(item.task.number, item.task.title)
    ev = item.placed.event
    links = len(ev.responsible_refs) + len(ev.schools) + 2 * len(ev.evidence)
    return 900 + 200 * links + text_size(ev.number, ev.title, ev.timing, ev.responsible,
                                         ev.result, ev.control, ev.note, ev.status_note)


def _headings_forward(chunks: list[list[RoadmapItem]]) -> None:
    """Move headings that end a page to the start of the next page."""
    for i in range(len(chunks) - 1):
        while chunks[i] and chunks[i][-1].kind != "event" and len(chunks[i]) > 1:
            chunks[i + 1].insert(0, chunks[i].pop())


def _continuations(chunks: list[list[RoadmapItem]]) -> None:
    """Repeat the section (and task) heading at the top of a page that starts inside it."""
    for chunk in chunks[1:]:
        first = chunk[0]
        if first.kind == "section":
            continue
        heads = [RoadmapItem("section", first.section_index, first.section, continued=True)]
        if first.kind == "event" and first.task is not None:
            heads.append(RoadmapItem("task", first.section_index, first.section, first.task,
                                     continued=True))
        chunk[:0] = heads


def print_row_size(item: RoadmapItem) -> int:
    """Estimated HTML bytes of a row of the print table (pages/programme.py): a heading
    row, or an event with the document's columns only."""
    if item.kind != "event":
        return 120 + text_size(item.section.number, item.section.title,
                               item.section.intro if item.kind == "section" else None,
                               item.task and item.task.number, item.task and item.task.title)
    ev = item.placed.event
    return 200 + text_size(ev.number, ev.title, ev.timing, ev.responsible, ev.result,
                           ev.control, ev.note)


def roadmap_parts(programme: Any, placed_events: list[Any], budget: int = PAGE_BUDGET,
                  size: Callable[[RoadmapItem], int] = item_size,
                  page: str = "roadmap") -> list[Part]:
    """The roadmap pages of a programme (one empty part when it has no events): the event
    cards of `roadmap/`, or (with print_row_size) the rows of the print version."""
    intro = programme.roadmap.intro if programme.roadmap else None
    chunks = pack(roadmap_items(programme, placed_events), size, budget,
                  first_budget=budget - text_size(intro))
    _headings_forward(chunks)
    _continuations(chunks)
    return make_parts(programme_page_uri(programme.id, page), chunks)


def event_pages(parts: list[Part]) -> dict[str, str]:
    """Anchor of every event → source URI of the roadmap page it is on."""
    return {item.placed.anchor: part.uri for part in parts for item in part.items
            if item.kind == "event"}

