"""The neutral structure every reader produces: paragraphs and tables, in document order.

Each block and row remembers where it came from («строка 57», «стр. 3», «таблица 2, строка 5»),
so the report can send the methodologist back to the original.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from shnor_site.importer.notes import Join


@dataclass
class Cell:
    """One cell of a table row: its text (paragraphs joined by a line break) and layout."""

    text: str
    span: int = 1          # grid columns it covers (a merged section row covers them all)
    merged: bool = False   # continuation of a vertically merged cell: text copied from above


@dataclass
class Row:
    """One table row as it stands in the original."""

    cells: list[Cell]
    where: str
    header: bool = False       # marked in the original as a repeated header row
    after_break: bool = False  # first row after a gap in a text export (may go on the row above)
    joined: list[str] = field(default_factory=list)  # where its rest after a page break was

    @property
    def texts(self) -> list[str]:
        """The text of each grid column (a spanning cell fills its first column)."""
        out: list[str] = []
        for cell in self.cells:
            out += [cell.text] + [""] * (cell.span - 1)
        return out

    @property
    def filled(self) -> list[str]:
        """The non-empty cell texts."""
        return [c.text for c in self.cells if c.text.strip()]


@dataclass
class Table:
    """A table: rows in order (header rows included, repeated ones too)."""

    rows: list[Row]
    where: str

    @property
    def width(self) -> int:
        """The most common number of grid columns."""
        counts: dict[int, int] = {}
        for row in self.rows:
            n = sum(c.span for c in row.cells)
            counts[n] = counts.get(n, 0) + 1
        return max(counts, key=lambda n: (counts[n], n)) if counts else 0


@dataclass
class Para:
    """A paragraph (or a heading, or a line of a list) outside tables."""

    text: str
    where: str
    cont: bool = False  # goes on the previous paragraph's line group (no blank line between)


Block = Para | Table


@dataclass
class Document:
    """What a reader found: the blocks and the debris it skipped (with where and why)."""

    blocks: list[Block]
    fmt: str                     # "docx", "pdf", "text"
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # (where, text, why)
    joins: list[Join] = field(default_factory=list)  # rows and paragraphs joined by the reader
