"""Write a programme layout as a PDF with a text layer (fpdf2, DejaVu Sans from Debian's
fonts-dejavu-core): ruled tables whose header row repeats on every page, long rows broken
across pages, section rows across all columns, merged-down task and timing cells."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from tests.support.programme_doc import Grid, Layout

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LINE = 4.2     # mm per table line
PARA = 5.0     # mm per paragraph line
BOTTOM = 195   # mm: where a page's content ends (A4 landscape)
WIDTH = 267.0  # mm between the margins


def write_pdf(lay: Layout, path: Path) -> Path:
    """Save the layout as .pdf at path."""
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 15, 15)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_page()
    for block in lay.blocks:
        if isinstance(block, Grid):
            _Table(pdf, block).draw()
        else:
            _paragraph(pdf, block)
    pdf.output(str(path))
    return path


def _paragraph(pdf: FPDF, text: str) -> None:
    pdf.set_font("DejaVu", size=10)
    pdf.set_x(15)
    for part in [p for p in text.split("\n") if p.strip()]:
        lines = pdf.multi_cell(0, PARA, part, dry_run=True, output="LINES")
        if pdf.get_y() + len(lines) * PARA > BOTTOM:
            pdf.add_page()
        pdf.multi_cell(0, PARA, part, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _widths(headers: list[str], n: int) -> list[float]:
    """Column widths: a narrow number column, a wide title column, the rest alike."""
    weights = []
    for text in (headers + [""] * n)[:n]:
        low = text.lower()
        weights.append(0.35 if len(low) <= 6 and ("№" in low or not low) and n > 1 else
                       2.2 if any(w in low for w in ("мероприят", "содержан", "перечень",
                                                     "показател", "школа")) else
                       1.4 if "задач" in low else 1.0)
    if n == 2:
        weights = [1.0, 2.5]
    total = sum(weights)
    return [WIDTH * w / total for w in weights]


class _Table:
    def __init__(self, pdf: FPDF, grid: Grid) -> None:
        self.pdf, self.grid = pdf, grid
        width = max(sum(s for _, s, _ in row) for row in grid.rows)
        head = [t for t, _, _ in grid.rows[0]] if grid.header_rows else []
        self.widths = _widths(head, width)
        pdf.set_font("DejaVu", size=8)

    def cells(self, row: list[tuple[str, int, bool]]) -> list[tuple[float, float, list[str], bool]]:
        out, col, x = [], 0, 15.0
        for text, span, merged in row:
            w = sum(self.widths[col:col + span])
            lines = [] if not text.strip() else self.pdf.multi_cell(
                w - 2, LINE, text, dry_run=True, output="LINES")
            out.append((x, w, lines, merged))
            x, col = x + w, col + span
        return out

    def draw(self) -> None:
        head = self.grid.rows[:self.grid.header_rows]
        if self.pdf.get_y() + 3 * LINE > BOTTOM:
            self.pdf.add_page()
        for row in self.grid.rows:
            cells = self.cells(row)
            while cells is not None:
                cells = self.draw_row(cells, head)
        self.close()
        self.pdf.set_y(self.pdf.get_y() + 4)

    def page_start(self) -> bool:
        """True right under the header at the top of a page (merged cells show again)."""
        return self.pdf.get_y() <= 15 + 2 * LINE + 3 and self.pdf.page_no() > 1

    def close(self) -> None:
        """The table's bottom border under the last row drawn on this page."""
        y = self.pdf.get_y()
        self.pdf.line(15, y, 15 + sum(self.widths), y)

    def draw_row(self, cells: list, head: list) -> list | None:
        """Draw as much of the row as fits; return what is left for the next page."""
        pdf = self.pdf
        need = max([len(c[2]) for c in cells if not c[3]] + [1])
        room = int((BOTTOM - pdf.get_y() - 2) // LINE)
        if room < min(need, 2):
            self.new_page(head)
            room = int((BOTTOM - pdf.get_y() - 2) // LINE)
        if self.page_start() and head:  # a merged cell shows its text again on a new page
            cells = [(x, w, lines, False) for x, w, lines, _ in cells]
        take = min(need, room)
        y, h = pdf.get_y(), take * LINE + 2
        for x, w, lines, merged in cells:
            pdf.line(x, y, x, y + h)
            pdf.line(x + w, y, x + w, y + h)
            if merged:
                continue
            pdf.line(x, y, x + w, y)
            for i, line in enumerate(lines[:take]):
                pdf.set_xy(x + 1, y + 1 + i * LINE)
                pdf.cell(w - 2, LINE, line)
        pdf.set_y(y + h)
        if take >= need:
            return None
        self.new_page(head)
        return [(x, w, lines[take:], merged) for x, w, lines, merged in cells]

    def new_page(self, head: list) -> None:
        self.close()
        self.pdf.add_page()
        for row in head:
            self.draw_row(self.cells(row), [])
