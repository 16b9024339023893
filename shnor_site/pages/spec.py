"""A page to render: its source URI, template, title, kind and typed context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PageSpec:
    """A page to render: its source URI, template and typed context."""

    uri: str
    template: str
    title: str
    kind: str
    context: dict[str, Any] = field(default_factory=dict)
    municipality: str | None = None
