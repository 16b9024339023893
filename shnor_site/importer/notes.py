"""What the importer is not sure of: a place in the draft, what to check, where in the original."""

from __future__ import annotations

from dataclasses import dataclass

Path = tuple[str | int, ...]


@dataclass
class Note:
    """One thing a methodologist must check: at `path` of the draft, `what`, from `where`."""

    path: Path
    what: str
    where: str = ""

    def under(self, *prefix: str | int) -> Note:
        """The same note with its path placed under prefix."""
        return Note((*prefix, *self.path), self.what, self.where)


@dataclass
class Join:
    """A row of the original joined to the row above (broken across a page)."""

    where: str
    into: str
    text: str
