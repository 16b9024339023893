"""Practices in the cross-reference graph: by school, programme, facet and risk."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .practices import (
    COST_SCALE,
    EVIDENCE_SCALE,
    FACET_BY_KEY,
    FACETS,
    MUNICIPALITY_KEY,
    SECTIONS,
    Facet,
    body_sections,
    event_label,
    facet_uri,
    facet_values,
    resolve_event,
    slugify,
)


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet with its slug, page URI and the practices that carry it."""

    key: str
    label: str
    value: str
    slug: str
    practices: tuple[Any, ...]

    @property
    def uri(self) -> str:
        """Source URI of the value's page."""
        return facet_uri(self.key, self.slug)


@dataclass
class FacetGroup:
    """A facet with every allowed value (used or not), in the declared order."""

    key: str
    label: str
    title: str
    values: list[FacetValue]

    @property
    def used(self) -> list[FacetValue]:
        """Values carried by at least one practice."""
        return [v for v in self.values if v.practices]


@dataclass
class PracticeLinks:
    """Everything the practice pages and the school and programme pages need."""

    practices: list[Any] = field(default_factory=list)
    groups: list[FacetGroup] = field(default_factory=list)
    sections: dict[str, dict[str, str]] = field(default_factory=dict)
    events: dict[str, list[Any]] = field(default_factory=dict)
    by_school: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    by_programme: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    tag_map: dict[str, list[tuple[FacetGroup, list[FacetValue]]]] = field(default_factory=dict)
    school_risks: bool = False
    section_names: tuple[str, ...] = SECTIONS
    cost_scale: tuple[str, ...] = COST_SCALE
    evidence_scale: tuple[str, ...] = EVIDENCE_SCALE

    @staticmethod
    def slug(value: str) -> str:
        """Stable slug of a facet value (as in its page URL)."""
        return slugify(value)

    @staticmethod
    def event_label(placed: Any) -> str:
        """Where an event sits in its programme («Раздел 1 › Задача 1: › 4.»)."""
        return event_label(placed)

    @property
    def has_pages(self) -> bool:
        """Whether the bank has facet and selector pages (practices or school risks exist)."""
        return bool(self.practices) or self.school_risks

    def group(self, key: str) -> FacetGroup:
        """The facet group with this key (`risk`, `theme`, … `municipality`)."""
        return next(g for g in self.groups if g.key == key)

    def tags(self, practice: Any) -> list[tuple[FacetGroup, list[FacetValue]]]:
        """The practice's values per facet (municipality first), for cards and pages."""
        return self.tag_map[practice.id]

    def data_attrs(self, practice: Any) -> dict[str, str]:
        """`data-<facet>` attribute values (space-separated slugs) for the client filter."""
        return {grp.key: " ".join(v.slug for v in mine) for grp, mine in self.tags(practice)}

    def for_risks(self, risks: list[str]) -> list[tuple[Any, list[str]]]:
        """Practices addressing any of these risks, most matches first, with the matches."""
        scored = [(p, [r for r in risks if r in p.risk_profiles]) for p in self.practices]
        scored = [(p, m) for p, m in scored if m]
        return sorted(scored, key=lambda pm: (-len(pm[1]), pm[0].title))


def _facet_group(facet: Facet, practices: list[Any]) -> FacetGroup:
    values = [FacetValue(facet.key, facet.label, value, slugify(value),
                         tuple(p for p in practices if value in facet_values(p, facet)))
              for value in facet.values]
    return FacetGroup(facet.key, facet.label, facet.title, values)


def _municipality_group(g: Any, practices: list[Any]) -> FacetGroup:
    values = [FacetValue(MUNICIPALITY_KEY, "Муниципалитет", mun.name, mun.id,
                         tuple(p for p in practices if p.municipality == mun.id))
              for mun in sorted(g.cat.all("municipality"), key=lambda m: m.name)]
    return FacetGroup(MUNICIPALITY_KEY, "Муниципалитет", "Муниципалитеты", values)


def _tags_of(p: Any, groups: list[FacetGroup]) -> list[tuple[FacetGroup, list[FacetValue]]]:
    out = []
    for grp in groups:
        if grp.key == MUNICIPALITY_KEY:
            mine = {p.municipality}
            out.append((grp, [v for v in grp.values if v.slug in mine]))
        else:
            mine = set(facet_values(p, FACET_BY_KEY[grp.key]))
            out.append((grp, [v for v in grp.values if v.value in mine]))
    return out


def link_practices(g: Any) -> PracticeLinks:
    """Link every practice to its schools, programme events and facet values."""
    practices = sorted(g.cat.all("practice"), key=lambda p: p.title.lower())
    links = PracticeLinks(practices=practices,
                          school_risks=any(s.risk_profiles for s in g.cat.all("school")))
    links.groups = [_municipality_group(g, practices)]
    links.groups += [_facet_group(f, practices) for f in FACETS]
    for p in practices:
        links.tag_map[p.id] = _tags_of(p, links.groups)
        src = g.cat.sources.get(("practice", p.id))
        links.sections[p.id] = body_sections(src.body if src else None)
        for sid in p.schools:
            links.by_school[sid].append(p)
        links.events[p.id] = []
        if p.source and p.source.programme:
            links.by_programme[p.source.programme].append(p)
            placed = g.events.get(p.source.programme, [])
            links.events[p.id] = [found for ref in p.source.events
                                  if (found := resolve_event(placed, ref)[0]) is not None]
    return links
