"""The cross-reference graph: which events, programmes and pairs touch each record."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from shnor_site.core.catalogue import Catalogue
from shnor_site.core.models.programme import (
    Programme,
    SchoolPair,
)
from shnor_site.core.placement import PlacedEvent, place_events
from shnor_site.graph.practices import link_practices
from shnor_site.layout.indicators import indicator_parts
from shnor_site.layout.parts import Part
from shnor_site.layout.roadmap import event_pages, roadmap_parts

#: The role a plan addresses as a whole. The Северск and Каргасок plans give most events to
#: «ОО» / «руководители ОО» — every school of the programme — and list schools only where an
#: event is for those schools alone (Каргасок's network pairs, Тула's school); a school named
#: as responsible hosts an event for all (Северск's seminars «на базе» СОШ № 83, № 197). So an
#: event whose `schools` list is empty applies to every target school; one that lists
#: schools, to those; and any event applies to a school it names.
TARGET_ROLE = "целевая школа"


@dataclass(frozen=True)
class Role:
    """A school's role in a programme."""

    programme: Programme
    role: str
    note: str | None


@dataclass(frozen=True)
class Partner:
    """Another school linked to this one by a pair in a programme."""

    programme: Programme
    other: Any
    pair: SchoolPair
    is_first: bool

    @property
    def label(self) -> str:
        """How the other school relates to this one, in Russian."""
        if self.pair.relation == "куратор":
            return "подопечная школа" if self.is_first else "школа-куратор"
        return "сетевая пара"


@dataclass
class Graph:
    """Everything each page needs to link its record to the others."""

    cat: Catalogue
    events: dict[str, list[PlacedEvent]] = field(default_factory=dict)
    school_roles: dict[str, list[Role]] = field(default_factory=lambda: defaultdict(list))
    school_partners: dict[str, list[Partner]] = field(default_factory=lambda: defaultdict(list))
    events_by_agent: dict[str, list[PlacedEvent]] = field(default_factory=lambda: defaultdict(list))
    by_municipality: dict[str, dict[str, list[Any]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    practices: Any = None  # PracticeLinks (shnor_site/graph/practices.py)
    roadmap: dict[str, list[Part]] = field(default_factory=dict)
    indicators: dict[str, list[Part]] = field(default_factory=dict)
    event_page: dict[tuple[str, str], str] = field(default_factory=dict)

    def record(self, kind: str, rid: str) -> Any:
        """Shortcut to the catalogue."""
        return self.cat.get(kind, rid)

    def municipality_name(self, mid: str | None) -> str:
        """Name of a municipality by id; empty for a record without one."""
        return self.cat.get("municipality", mid).name if mid else ""

    def school_events(self, school_id: str) -> list[PlacedEvent]:
        """Every event that applies to the school, programme by programme in plan order:
        the events naming it, and — in a programme where it is a target school — the
        events that list no schools (see TARGET_ROLE)."""
        naming = self.events_by_agent.get(school_id, [])
        named = {(p.programme.id, p.anchor) for p in naming}
        targets = {r.programme.id for r in self.school_roles.get(school_id, [])
                   if r.role == TARGET_ROLE}
        # In a stable order (roles, then plans naming the school), never a set's.
        programmes = dict.fromkeys([r.programme.id for r in self.school_roles.get(school_id, [])]
                                   + [p.programme.id for p in naming])
        return [placed for pid in programmes for placed in self.events.get(pid, [])
                if (pid, placed.anchor) in named
                or (pid in targets and not placed.event.schools)]

    def event_uri(self, placed: PlacedEvent) -> str:
        """Source URI of the roadmap page that shows the event."""
        return self.event_page[(placed.programme.id, placed.anchor)]


def _link_programme(g: Graph, prog: Programme) -> None:
    g.events[prog.id] = place_events(prog)
    g.roadmap[prog.id] = parts = roadmap_parts(prog, g.events[prog.id])
    g.event_page.update(((prog.id, anchor), uri) for anchor, uri in event_pages(parts).items())
    g.indicators[prog.id] = indicator_parts(prog)
    for placed in g.events[prog.id]:
        agents = dict.fromkeys([*placed.event.responsible_refs, *placed.event.schools])
        for agent in agents:
            g.events_by_agent[agent].append(placed)
    for part in prog.schools:
        g.school_roles[part.school].append(Role(prog, part.role, part.note))
    for pair in prog.pairs:
        first, second = pair.schools
        g.school_partners[first].append(Partner(prog, g.record("school", second), pair, True))
        g.school_partners[second].append(Partner(prog, g.record("school", first), pair, False))


def build_graph(cat: Catalogue) -> Graph:
    """Link a valid catalogue (call only when it has no errors)."""
    g = Graph(cat)
    for prog in cat.all("programme"):
        _link_programme(g, prog)
        g.by_municipality[prog.municipality]["programme"].append(prog)
    for school in cat.all("school"):
        g.by_municipality[school.municipality]["school"].append(school)
    for org in cat.all("organisation"):
        if org.municipality:
            g.by_municipality[org.municipality]["organisation"].append(org)
    g.practices = link_practices(g)
    return g
