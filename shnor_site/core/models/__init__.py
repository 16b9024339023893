"""The typed content model, declared once; JSON Schema and docs derive from it."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from shnor_site.core.models.base import ID_PATTERN, Record, Ref
from shnor_site.core.models.places import (
    Director,
    Municipality,
    Organisation,
    School,
    SchoolDocument,
)
from shnor_site.core.models.practice import Outcome, Practice, PracticeSource
from shnor_site.core.models.programme import Indicator, IndicatorGroup, Programme
from shnor_site.core.models.roadmap import Event, RoadmapSection


@dataclass(frozen=True)
class Kind:
    """A record type: its model, the folder it lives in and its URL prefix."""

    name: str
    model: type[BaseModel]
    folder: str
    label: str
    label_plural: str


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("municipality", Municipality, "municipalities", "Муниципалитет", "Муниципалитеты"),
        Kind("organisation", Organisation, "organisations", "Организация", "Организации"),
        Kind("school", School, "schools", "Школа", "Школы"),
        Kind("programme", Programme, "programmes", "Программа", "Программы"),
        Kind("practice", Practice, "practices", "Практика", "Банк практик"),
    )
}

__all__ = [
    "ID_PATTERN", "KINDS", "Director", "Event", "Indicator", "IndicatorGroup", "Kind",
    "Municipality", "Organisation", "Outcome", "Practice", "PracticeSource", "Programme",
    "Record", "Ref", "RoadmapSection", "School", "SchoolDocument",
]
