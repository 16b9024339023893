"""One PDF page as drawn: ruled tables (cells with their boxes and lines of text) and the
blocks of lines around them, top to bottom.

Tables are found from the drawn cell borders (pdfplumber's lines strategy). A cell's box
tells its place in the grid: a box wider than one column spans to the right (a section row),
a box starting above the row is merged down from the row where it starts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from shnor_site.importer.pdf_lines import Line, blocks_of, lines_of

Box = tuple[float, float, float, float]  # x0, top, x1, bottom

#: Explicit table settings: cells come from drawn borders only (as Word draws a grid).
SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines",
            "snap_tolerance": 2, "join_tolerance": 2, "intersection_tolerance": 2}


@dataclass
class PCell:
    """One grid position of a row: the box covering it and that box's lines."""

    box: Box | None
    lines: list[Line]
    page: int
    span: int = 1
    merged: bool = False  # the box starts in a row above

    @property
    def key(self) -> tuple[int, Box] | None:
        """The box on its page (the same box in every row it covers)."""
        return None if self.box is None else (self.page, self.box)


@dataclass
class PRow:
    """One grid row of a table as drawn on a page."""

    cells: list[PCell]
    top: float
    bottom: float


@dataclass
class PTable:
    """The part of a table drawn on one page."""

    rows: list[PRow]
    lefts: list[float]
    top: float
    bottom: float


@dataclass
class PBlock:
    """Lines outside tables with no wider gap between them (a paragraph or several)."""

    lines: list[Line]
    top: float


@dataclass
class Page:
    """A page's tables and blocks in reading order."""

    number: int
    items: list[PTable | PBlock] = field(default_factory=list)


def read_page(page: object, number: int) -> Page:
    """Tables and text blocks of one pdfplumber page."""
    page = page.dedupe_chars()
    found = sorted(page.find_tables(SETTINGS), key=lambda t: t.bbox[1])
    chars = [c for c in page.chars if c.get("upright", True)]
    tables = [_table(t, chars, number) for t in found if t.cells]
    outside = [c for c in chars if not any(_inside(c, t.bbox) for t in found)]
    items: list[PTable | PBlock] = [t for t in tables if t.rows]
    items += [PBlock(group, group[0].top) for group in blocks_of(lines_of(outside))]
    return Page(number, sorted(items, key=lambda item: item.top))


def _inside(obj: dict, box: Box) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _bands(starts: set[float], ends: set[float]) -> list[tuple[float, float]]:
    """(start, middle) of each grid band between sorted cell edges."""
    out = []
    for start in sorted(starts):
        later = [e for e in ends if e > start + 1]
        if later:
            out.append((start, (start + min(later)) / 2))
    return out


def _table(found: object, chars: list[dict], page: int) -> PTable:
    """The grid of a found table: for each row band and column band, the covering box."""
    boxes: list[Box] = [tuple(b) for b in found.cells]
    cols = _bands({round(b[0], 1) for b in boxes}, {round(b[2], 1) for b in boxes})
    rows_at = _bands({round(b[1], 1) for b in boxes}, {round(b[3], 1) for b in boxes})
    lines = {b: lines_of([c for c in chars if _inside(c, b)]) for b in boxes}
    rows: list[PRow] = []
    for n, (top, y) in enumerate(rows_at):
        bottom = rows_at[n + 1][0] if n + 1 < len(rows_at) else found.bbox[3]
        cells: list[PCell] = []
        for _, x in cols:
            box = next((b for b in boxes if b[0] <= x <= b[2] and b[1] <= y <= b[3]), None)
            if box is not None and cells and cells[-1].box == box:
                cells[-1].span += 1
                continue
            cells.append(PCell(box, lines.get(box, []) if box else [], page,
                               merged=box is not None and box[1] < top - 1))
        rows.append(PRow(cells, top, bottom))
    return PTable(rows, [x0 for x0, _ in cols], found.bbox[1], found.bbox[3])
