"""Read a .docx (python-docx): paragraphs and tables in body order, with merged cells.

A cell merged across columns (a section row) keeps its span; a cell merged down (one task
over several rows) is repeated in every row it covers and marked `merged`; rows marked as a
repeated header (`w:tblHeader`) are flagged.
"""

from __future__ import annotations

from pathlib import Path

from shnor_site.importer.document import Cell, Document, Para, Row, Table

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> Document:
    """The blocks of a Word document."""
    import docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    doc = Document(blocks=[], fmt="docx")
    n_para = n_table = 0
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            n_para += 1
            text = _paragraph_text(Paragraph(element, document))
            if text.strip():
                doc.blocks.append(Para(text.strip(), f"абзац {n_para}"))
        elif element.tag == f"{_W}tbl":
            n_table += 1
            doc.blocks.append(_table(DocxTable(element, document), n_table))
    return doc


def _paragraph_text(paragraph: object) -> str:
    text = paragraph.text.replace("\u00a0", " ")
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    if "list bullet" in style and text.strip():
        return "- " + text.strip()
    return text


def _cell_text(tc: object, table: object) -> str:
    from docx.table import _Cell

    cell = _Cell(tc, table)
    return "\n".join(_paragraph_text(p).strip() for p in cell.paragraphs
                     if p.text.strip()).strip()


def _table(table: object, number: int) -> Table:
    rows: list[Row] = []
    above: dict[int, str] = {}
    for r, tr in enumerate(table._tbl.tr_lst, start=1):
        cells, col = [], 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            if tc.vMerge == "continue":
                cells.append(Cell(above.get(col, ""), span, merged=True))
            else:
                text = _cell_text(tc, table)
                cells.append(Cell(text, span))
                above[col] = text
            col += span
        header = tr.trPr is not None and tr.trPr.find(f"{_W}tblHeader") is not None
        rows.append(Row(cells, f"таблица {number}, строка {r}", header=header))
    return Table(rows, f"таблица {number}")
