"""A parsed content file: its data, the line of every value and its Markdown body.

`content/load.py` makes it; validation and the catalogue keep what they need of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Where a value stands in a file's data: keys and list positions (0-based).
Loc = tuple[str | int, ...]


@dataclass
class Source:
    """A parsed content file: its data, the line of each value, and any body text."""

    path: Path
    rel: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    body: str | None = None
    body_line: int = 1
    #: Filled by validation, so that data and lines can be dropped early: the references
    #: (location, Ref, target id, line), the id and its line, the programme's source file.
    refs: list[tuple[Any, Any, str, int | None]] = field(default_factory=list)
    rid: str | None = None
    id_line: int | None = None
    source_file: tuple[str, int | None] | None = None

    def line_of(self, loc: Loc) -> int | None:
        """Line of the value at loc, or of its nearest located parent."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), None)
