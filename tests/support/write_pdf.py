"""Write a programme layout as a PDF with a text layer (fpdf2, DejaVu Sans from Debian's
fonts-dejavu-core), laid out the way Word exports a document to PDF: ruled tables whose
header row repeats on every page, rows broken across pages, section rows across all
columns, merged-down task and timing cells (their text stands once, in the first row; on a
new page the merged cell goes on empty), paragraphs broken across pages.

Lines are wrapped as Word wraps them: at spaces, which stay at the end of the wrapped line
(in the text layer too), and after a hyphen inside a word; a word wider than the line is
broken between letters. Double spaces are written as they are.
"""

from __future__ import annotations

import re
from pathlib import Path

from fpdf import FPDF

from tests.support.programme_doc import Grid, Layout

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LINE = 4.2     # mm per table line
PARA = 5.0     # mm per paragraph line
BOTTOM = 195   # mm: where a page's content ends (A4 landscape)
WIDTH = 267.0  # mm between the margins
PAD = 1.9      # mm: Word's default left and right cell margins (0.19 cm)
_PIECE = re.compile(r" +|[^ ]+ *")
_HYPHEN = re.compile(r"(?<=[^\W\d_]-)(?=[^\W\d_])")


def write_pdf(lay: Layout, path: Path) -> Path:
    """Save the layout as .pdf at path."""
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 15, 15)
    pdf.c_margin = 0
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_page()
    for block in lay.blocks:
        if isinstance(block, Grid):
            _Table(pdf, block).draw()
        else:
            _paragraph(pdf, block)
    pdf.output(str(path))
    return path


def wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """The lines text takes in width (mm), each paragraph (line of text) on new lines."""
    out: list[str] = []
    for para in text.split("\n"):
        if para.strip():
            out += _wrap_paragraph(pdf, para, width)
    return out


def _wrap_paragraph(pdf: FPDF, para: str, width: float) -> list[str]:
    pieces = [p for chunk in _PIECE.findall(para) for p in _HYPHEN.split(chunk)]
    lines, line = [], ""
    for piece in pieces:
        if pdf.get_string_width(line + piece.rstrip(" ")) <= width or not line.strip():
            line += piece
        else:
            lines.append(line)
            line = piece
        while pdf.get_string_width(line.rstrip(" ")) > width:  # a word wider than the line
            cut = max(n for n in range(1, len(line) + 1)
                      if n == 1 or pdf.get_string_width(line[:n]) <= width)
            lines.append(line[:cut])
            line = line[cut:]
    return [*lines, line] if line else lines


def _paragraph(pdf: FPDF, text: str) -> None:
    """A block of lines; broken across pages with at least two lines on each side."""
    pdf.set_font("DejaVu", size=10)
    lines = wrap(pdf, text, WIDTH)
    while lines:
        room = int((BOTTOM - pdf.get_y()) // PARA)
        take = len(lines) if room >= len(lines) else room if 2 <= room <= len(lines) - 2 \
            else 0
        if take == 0:
            pdf.add_page()
            take = min(len(lines), int((BOTTOM - pdf.get_y()) // PARA))
        for line in lines[:take]:
            pdf.set_x(15)
            pdf.cell(WIDTH, PARA, line, new_x="LMARGIN", new_y="NEXT")
        lines = lines[take:]
        if lines:
            pdf.add_page()
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
        self.fresh = False  # the next row is the first under the top of a page
        pdf.set_font("DejaVu", size=8)

    def cells(self, row: list[tuple[str, int, bool]]) -> list[tuple[float, float, list[str], bool]]:
        out, col, x = [], 0, 15.0
        for text, span, merged in row:
            w = sum(self.widths[col:col + span])
            out.append((x, w, [] if merged else wrap(self.pdf, text, w - 2 * PAD), merged))
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

    def close(self) -> None:
        """The table's bottom border under the last row drawn on this page."""
        y = self.pdf.get_y()
        self.pdf.line(15, y, 15 + sum(self.widths), y)

    def draw_row(self, cells: list, head: list) -> list | None:
        """Draw as much of the row as fits; return what is left for the next page."""
        pdf = self.pdf
        need = max([len(c[2]) for c in cells] + [1])
        room = int((BOTTOM - pdf.get_y() - 2) // LINE)
        if room < min(need, 2):
            self.new_page(head)
            room = int((BOTTOM - pdf.get_y() - 2) // LINE)
        take = min(need, room)
        y, h = pdf.get_y(), take * LINE + 2
        for x, w, lines, merged in cells:
            pdf.line(x, y, x, y + h)
            pdf.line(x + w, y, x + w, y + h)
            if not merged or self.fresh:
                pdf.line(x, y, x + w, y)
            for i, line in enumerate(lines[:take]):
                pdf.set_xy(x + PAD, y + 1 + i * LINE)
                pdf.cell(w - 2 * PAD, LINE, line)
        pdf.set_y(y + h)
        self.fresh = False
        if take >= need:
            return None
        self.new_page(head)
        return [(x, w, lines[take:], merged) for x, w, lines, merged in cells]

    def new_page(self, head: list) -> None:
        """Close the table on this page, go on on the next under a repeated header."""
        self.close()
        self.pdf.add_page()
        for row in head:
            self.draw_row(self.cells(row), [])
        self.fresh = True
