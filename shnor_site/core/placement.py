"""Where each event of a roadmap stands: section, task, position and its stable anchor.

Needed by validation (practices cite events by number) and by the graph (event pages).
"""

from __future__ import annotations

from dataclasses import dataclass

from shnor_site.core.models.programme import Programme
from shnor_site.core.models.roadmap import Event, RoadmapSection, RoadmapTask


@dataclass(frozen=True)
class PlacedEvent:
    """An event with its place: programme, section, optional task and page anchor."""

    programme: Programme
    section: RoadmapSection
    task: RoadmapTask | None
    event: Event
    anchor: str
    section_index: int


def event_anchor(event: Event, si: int, ti: int | None, ei: int) -> str:
    """Stable anchor of an event: its explicit id, else its position in the roadmap."""
    if event.id:
        return event.id
    return f"s{si}-t{ti}-e{ei}" if ti is not None else f"s{si}-e{ei}"


def place_events(prog: Programme) -> list[PlacedEvent]:
    """Every event of a programme in document order, with anchors."""
    out: list[PlacedEvent] = []
    if prog.roadmap is None:
        return out
    for si, section in enumerate(prog.roadmap.sections, 1):
        for ei, ev in enumerate(section.events, 1):
            out.append(PlacedEvent(prog, section, None, ev, event_anchor(ev, si, None, ei), si))
        for ti, task in enumerate(section.tasks, 1):
            for ei, ev in enumerate(task.events, 1):
                out.append(PlacedEvent(prog, section, task, ev, event_anchor(ev, si, ti, ei), si))
    return out
