"""The catalogue: every valid record by kind and id, and every problem found on the way.

`content.validate.load_catalogue` fills it; the graph, the pages and the search index read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from shnor_site.core.problems import Problem
from shnor_site.core.source import Source


@dataclass
class Catalogue:
    """Every valid record by kind and id, with its source, plus all problems."""

    root: Path
    records: dict[str, dict[str, BaseModel]] = field(default_factory=dict)
    ids: dict[str, tuple[str, Source]] = field(default_factory=dict)
    sources: dict[tuple[str, str], Source] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: content/glossary.yml (content/glossary.py), None when the site has none.
    glossary: Any = None

    def get(self, kind: str, rid: str) -> Any:
        """The record of this kind and id (KeyError if absent)."""
        return self.records[kind][rid]

    def all(self, kind: str) -> list[Any]:
        """Records of a kind, sorted by id for stable output."""
        return [self.records[kind][k] for k in sorted(self.records.get(kind, {}))]

    @property
    def errors(self) -> list[Problem]:
        """Problems of severity «error» (warnings excluded)."""
        return [p for p in self.problems if p.severity == "error"]
