"""A PDF table across pages: its parts joined into one table of the neutral document.

At the top of each further page: the repeated header row is dropped; the first row is
either the rest of the row the page broke, or a new row. It is the rest when a cell above
the break ended on a wrapped line (its last line keeps its hanging space); it is a new row
when the part above stopped more than two lines short of the lowest point pages reach (the
row would have begun there); otherwise it is the rest when it has no number (first cell
empty) and leaves empty a column the row above filled. A cell merged down across the break
is left empty below it by the writer, as Word does: it takes the text from above. Every
join is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

from shnor_site.importer.document import Cell, Row, Table
from shnor_site.importer.notes import Join
from shnor_site.importer.pdf_lines import paragraphs, wrapped
from shnor_site.importer.pdf_page import Box, PCell, PRow, PTable


@dataclass
class Layout:
    """What the whole document tells about its layout."""

    marked: bool   # wrapped lines keep their hanging spaces
    right: float   # right edge of text outside tables
    pitch: float   # line pitch inside table cells
    bottom: float  # lowest point any page's content reaches


def _grid(row: PRow) -> dict[int, tuple[int, PCell]]:
    """{first grid column: (index in row, cell)} of a drawn row."""
    out, col = {}, 0
    for n, cell in enumerate(row.cells):
        out[col] = (n, cell)
        col += cell.span
    return out


class TableReader:
    """Builds one Table from its parts, page by page."""

    def __init__(self, layout: Layout, part: PTable, page: int) -> None:
        self.layout = layout
        self.table = Table([], f"стр. {page}")
        self.lefts = part.lefts
        self.texts: dict[tuple[int, Box], str] = {}
        self.last: PRow | None = None
        self.last_bottom = part.bottom
        self.head_repeated = False
        self._rows(part.rows, page, 0)

    def continues(self, part: PTable) -> bool:
        """True when a part at the top of a page has this table's columns."""
        return len(part.lefts) == len(self.lefts) and all(
            abs(a - b) < 1.5 for a, b in zip(part.lefts, self.lefts, strict=True))

    def add(self, part: PTable, page: int, joins: list[Join]) -> None:
        """The part of the table on the next page."""
        rows, k = part.rows, 0
        head = self.table.rows[0].texts if self.table.rows else None
        if rows and [t for c in rows[0].cells for t in [self.text(c)] + [""] * (c.span - 1)] \
                == head:
            joins.append(Join(f"стр. {page}, строка таблицы 1", "шапка таблицы",
                              "повтор шапки пропущен"))
            k = 1
        self.head_repeated = k == 1
        if k < len(rows) and self.last is not None:
            if self._goes_on(rows[k]):
                self._join(rows[k], f"стр. {page}, строка таблицы {k + 1}", joins)
                k += 1
            else:
                self._merged_from_above(rows[k])
        self._rows(rows[k:], page, k)
        self.last_bottom = part.bottom

    def text(self, cell: PCell) -> str:
        """The text of a cell's box (once per box: merged cells repeat it)."""
        if cell.key is None:
            return ""
        if cell.key not in self.texts:
            self.texts[cell.key] = "\n".join(paragraphs(cell.lines, self._right(cell),
                                                        self.layout.marked))
        return self.texts[cell.key]

    def _right(self, cell: PCell) -> float:
        """Where the cell's text could reach: its border less the padding on the left."""
        pad = min((line.x0 for line in cell.lines), default=cell.box[0]) - cell.box[0]
        return cell.box[2] - max(pad, 0.0)

    def _rows(self, rows: list[PRow], page: int, offset: int) -> None:
        for r, prow in enumerate(rows):
            cells = [Cell(self.text(c), c.span, merged=c.merged) for c in prow.cells]
            self.table.rows.append(Row(cells, f"стр. {page}, строка таблицы {offset + r + 1}"))
            self.last = prow

    def _goes_on(self, row: PRow) -> bool:
        above = _grid(self.last)
        if self.layout.marked and any(c.lines and c.lines[-1].tail for _, c in above.values()):
            return True
        if self.head_repeated and len(self.table.rows) == 1:
            return False  # a repeated header row is never broken
        if self.layout.bottom - self.last_bottom > 2.2 * self.layout.pitch:
            return False
        here = _grid(row)
        deepest = max((c.lines[-1].bottom for _, c in above.values() if c.lines), default=0.0)
        written = [col for col, (_, c) in here.items() if c.lines]
        if not written or any(col not in above or not above[col][1].lines or
                              above[col][1].lines[-1].bottom < deepest - self.layout.pitch / 2
                              for col in written):
            return False  # text under a cell that had ended above the break
        return any(self.text(cell) and not self._filled(here[col][1], row)
                   for col, (_, cell) in above.items() if col in here)

    def _filled(self, cell: PCell, row: PRow) -> bool:
        return bool(cell.lines) or (cell.box is not None and cell.box[3] > row.bottom + 1)

    def _join(self, row: PRow, where: str, joins: list[Join]) -> None:
        above, target, parts = _grid(self.last), self.table.rows[-1], []
        for col, (_, cell) in _grid(row).items():
            if col not in above or cell.box is None or cell.merged:
                continue
            n, up = above[col]
            before = self.text(up)
            if cell.lines:
                sep = self._sep(up, cell) if before else ""
                parts.append(self.text(cell))
                joined = before + sep + self.text(cell)
            else:
                joined = before
            self.texts[cell.key] = joined
            if up.key is not None:
                self.texts[up.key] = joined
            target.cells[n].text = joined
        target.joined.append(where)
        joins.append(Join(where, target.where, "; ".join(parts)))
        self.last = row

    def _sep(self, up: PCell, cell: PCell) -> str:
        prev, nxt = up.lines[-1], cell.lines[0]
        if wrapped(prev, nxt, self._right(up), self.layout.marked):
            return prev.tail or ("" if prev.hyphen else " ")
        return "\n"

    def _merged_from_above(self, row: PRow) -> None:
        """Empty cells of a new row at a page top that go on a cell merged down above."""
        above = _grid(self.last)
        for col, (_, cell) in _grid(row).items():
            if cell.lines or cell.box is None or col not in above:
                continue
            up = above[col][1]
            spans_down = cell.box[3] > row.bottom + 1
            if self.text(up) and (spans_down or up.merged):
                self.texts[cell.key] = self.text(up)
                cell.merged = True
