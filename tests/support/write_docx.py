"""Write a programme layout as a real Word document (python-docx): tables with merged
section rows, a vertically merged task column, header rows marked and repeated."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from tests.support.programme_doc import Grid, Layout

#: A physical copy of the header row every this many rows (as exports of long tables do).
REPEAT_HEADER_EVERY = 20


def write_docx(lay: Layout, path: Path) -> Path:
    """Save the layout as .docx at path."""
    document = docx.Document()
    for block in lay.blocks:
        if isinstance(block, Grid):
            _table(document, block)
        else:
            _paragraphs(document, block)
    document.save(str(path))
    return path


def _paragraphs(container: object, text: str, first: object | None = None) -> None:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    for n, line in enumerate(lines):
        bullet = line.startswith("- ")
        body = line[2:] if bullet else line
        if n == 0 and first is not None:
            first.text = body
            if bullet:
                first.style = "List Bullet"
            continue
        container.add_paragraph(body, style="List Bullet" if bullet else None)


def _rows_with_repeats(grid: Grid) -> list[list[tuple[str, int, bool]]]:
    if not grid.header_rows:
        return grid.rows
    head, body, out = grid.rows[:grid.header_rows], grid.rows[grid.header_rows:], []
    out += head
    for n, row in enumerate(body, start=1):
        out.append(row)
        if n % REPEAT_HEADER_EVERY == 0 and n < len(body) and not any(m for *_, m in
                                                                        body[n] if m):
            out += head
    return out


def _table(document: object, grid: Grid) -> None:
    rows = _rows_with_repeats(grid)
    width = max(sum(span for _, span, _ in row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        col = 0
        for text, span, merged in row:
            cell = table.cell(r, col)
            if span > 1:
                cell = cell.merge(table.cell(r, col + span - 1))
            if merged and r > 0:
                cell = table.cell(r - 1, col).merge(cell)
            else:
                _paragraphs(cell, text, first=cell.paragraphs[0])
            col += span
        if r < grid.header_rows or rows[r] is grid.rows[0]:
            _mark_header(table.rows[r])


def _mark_header(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)
