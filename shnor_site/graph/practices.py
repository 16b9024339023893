"""Practices in the cross-reference graph: by school, programme, facet and risk."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from shnor_site.core.practices import (
    COST_SCALE,
    EVIDENCE_SCALE,
    FACET_BY_KEY,
    FACETS,
    MUNICIPALITY_KEY,
    SECTIONS,
    EventIndex,
    Facet,
    body_sections,
    event_label,
    facet_uri,
    facet_values,
    slugify,
)
from shnor_site.core.tracked import TrackedText
from shnor_site.layout.parts import text_size


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
    #: Each practice's body sections, noting the pages that read them (core/tracked.py).
    sections: dict[str, TrackedText] = field(default_factory=dict)
    events: dict[str, list[Any]] = field(default_factory=dict)
    by_school: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    by_programme: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    tag_map: dict[str, list[tuple[FacetGroup, list[FacetValue]]]] = field(default_factory=dict)
    school_risks: bool = False
    section_names: tuple[str, ...] = SECTIONS
    cost_scale: tuple[str, ...] = COST_SCALE
    evidence_scale: tuple[str, ...] = EVIDENCE_SCALE
    _one_page: bool | None = None
    card_sizes: dict[str, int] = field(default_factory=dict)

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
        carriers = {v.value: v.practices for v in self.group("risk").values}
        matched: dict[str, tuple[Any, list[str]]] = {}
        for risk in risks:
            for p in carriers.get(risk, ()):
                matched.setdefault(p.id, (p, []))[1].append(risk)
        return sorted(matched.values(), key=lambda pm: (-len(pm[1]), pm[0].title))

    def newest(self, limit: int) -> list[Any]:
        """The practices added last (newest first)."""
        return sorted(self.practices, key=lambda p: (p.added, p.id), reverse=True)[:limit]

    def form_values(self, grp: FacetGroup) -> list[FacetValue]:
        """Values of a facet shown in the filter form: all used ones while there are at
        most FORM_VALUES, else the FORM_VALUES carried by most practices."""
        if len(grp.used) <= FORM_VALUES:
            return grp.used
        return sorted(grp.used, key=lambda v: (-len(v.practices), v.value))[:FORM_VALUES]

    @property
    def one_page(self) -> bool:
        """Whether every card and the filter form fit on the bank's index (then it filters
        the cards instantly); a larger bank lists its practices on numbered pages."""
        if self._one_page is None:
            total = sum(card_size(self, p) for p in self.practices) + form_size(self)
            self._one_page = total <= BANK_BUDGET
        return self._one_page


#: Values of a facet listed in the filter of a large bank before «все значения».
FORM_VALUES = 30
#: Estimated body bytes of the bank's index with every card on it: the estimates below are
#: within about 5 % of the real cards, and the theme adds about 20 KB to the 80 KB page.
BANK_BUDGET = 56_000


def _value_size(value: FacetValue) -> int:
    return 40 + text_size(value.value) + len(value.slug)


def card_size(links: PracticeLinks, practice: Any) -> int:
    """Estimated HTML bytes of a practice card (practice_macros.md.j2, `card`)."""
    size = links.card_sizes.get(practice.id)
    if size is None:
        values = sum(_value_size(v) for _, mine in links.tags(practice) for v in mine)
        size = links.card_sizes[practice.id] = (
            700 + values + text_size(practice.title, practice.summary))
    return size


def form_size(links: PracticeLinks) -> int:
    """Estimated HTML bytes of the index's text and filter form (`filter_form`)."""
    return 5000 + sum(60 + _value_size(v) + len(v.slug) for grp in links.groups
                      for v in grp.used)


def _facet_group(facet: Facet, practices: list[Any]) -> FacetGroup:
    carriers: dict[str, list[Any]] = defaultdict(list)
    for p in practices:
        for value in dict.fromkeys(facet_values(p, facet)):
            carriers[value].append(p)
    values = [FacetValue(facet.key, facet.label, value, slugify(value),
                         tuple(carriers.get(value, ()))) for value in facet.values]
    return FacetGroup(facet.key, facet.label, facet.title, values)


def _municipality_group(g: Any, practices: list[Any]) -> FacetGroup:
    carriers: dict[str, list[Any]] = defaultdict(list)
    for p in practices:
        carriers[p.municipality].append(p)
    values = [FacetValue(MUNICIPALITY_KEY, "Муниципалитет", mun.name, mun.id,
                         tuple(carriers.get(mun.id, ())))
              for mun in sorted(g.cat.all("municipality"), key=lambda m: m.name)]
    return FacetGroup(MUNICIPALITY_KEY, "Муниципалитет", "Муниципалитеты", values)


def _tags_of(p: Any, groups: list[FacetGroup], lookup: dict[str, dict[str, tuple]]
             ) -> list[tuple[FacetGroup, list[FacetValue]]]:
    """The practice's values per facet, in each facet's declared order."""
    out = []
    for grp in groups:
        known = lookup[grp.key]
        if grp.key == MUNICIPALITY_KEY:
            found = [known[p.municipality]] if p.municipality in known else []
        else:
            found = sorted(known[v] for v in dict.fromkeys(
                facet_values(p, FACET_BY_KEY[grp.key])) if v in known)
        out.append((grp, [value for _, value in found]))
    return out


def _lookup(groups: list[FacetGroup]) -> dict[str, dict[str, tuple[int, FacetValue]]]:
    """Per facet: value (municipality id for municipalities) → (position, FacetValue)."""
    return {grp.key: {(v.slug if grp.key == MUNICIPALITY_KEY else v.value): (i, v)
                      for i, v in enumerate(grp.values)} for grp in groups}


def _event_resolver(g: Any) -> Any:
    """EventIndex.resolve with each programme's events indexed once (a national bank asks
    thousands of times)."""
    indexes: dict[str, EventIndex] = {}

    def resolve(programme: str, ref: Any) -> Any:
        if programme not in indexes:
            indexes[programme] = EventIndex(g.events.get(programme, []))
        return indexes[programme].resolve(ref)[0]

    return resolve


def link_practices(g: Any) -> PracticeLinks:
    """Link every practice to its schools, programme events and facet values."""
    practices = sorted(g.cat.all("practice"), key=lambda p: p.title.lower())
    links = PracticeLinks(practices=practices,
                          school_risks=any(s.risk_profiles for s in g.cat.all("school")))
    links.groups = [_municipality_group(g, practices)]
    links.groups += [_facet_group(f, practices) for f in FACETS]
    lookup, resolve = _lookup(links.groups), _event_resolver(g)
    for p in practices:
        links.tag_map[p.id] = _tags_of(p, links.groups, lookup)
        src = g.cat.sources.get(("practice", p.id))
        links.sections[p.id] = TrackedText(p.id, body_sections(src.body if src else None))
        for sid in p.schools:
            links.by_school[sid].append(p)
        links.events[p.id] = []
        if p.source and p.source.programme:
            links.by_programme[p.source.programme].append(p)
            links.events[p.id] = [found for ref in p.source.events
                                  if (found := resolve(p.source.programme, ref)) is not None]
    return links
