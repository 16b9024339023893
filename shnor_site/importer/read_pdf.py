"""Read a PDF with a text layer (pdfplumber): ruled tables and the text around them.

Lines inside a cell or a paragraph are joined back where the writer only wrapped them (the
next line's first word would not have fitted on the line before) and kept apart where a
new line was meant. A table that goes on at the top of the next page continues the same
table; its first row there is marked `after_break`. Scanned PDFs (no text layer) are refused.
"""

from __future__ import annotations

from pathlib import Path

from shnor_site.importer.document import Cell, Document, Para, Row, Table
from shnor_site.importer.errors import ImportFailed

_PAD = 5.7   # pt between a cell's border and its text (1 mm border gap + 1 mm margin)
_SPACE = 2.6  # pt: the width of a space in 8 pt text (scaled by the text's height)


def read_pdf(path: Path) -> Document:
    """The blocks of a PDF, page by page."""
    import pdfplumber

    doc = Document(blocks=[], fmt="pdf")
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            _page(doc, page, number)
    if not doc.blocks:
        raise ImportFailed("В PDF нет текстового слоя (это скан): сначала распознайте текст "
                           "(OCR) или возьмите DOCX.")
    return doc


def _page(doc: Document, page: object, number: int) -> None:
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    items: list[tuple[float, object]] = [(t.bbox[1], t) for t in tables]
    outside = [w for w in words if not any(_inside(w, t.bbox) for t in tables)]
    items += [(top, para) for top, para in _paragraphs(outside, page.width, number)]
    first = True
    for _, item in sorted(items, key=lambda x: x[0]):
        if isinstance(item, Para):
            doc.blocks.append(item)
        else:
            _table(doc, item, words, number, first)
        first = False


def _inside(word: dict, bbox: tuple) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _lines(words: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def join_wrapped(lines: list[list[dict]], right: float) -> str:
    """Lines of one cell or paragraph: a wrapped line joins the next with a space."""
    out = ""
    for n, line in enumerate(lines):
        text = " ".join(w["text"] for w in line)
        if n == 0:
            out = text
            continue
        prev, first = lines[n - 1], line[0]
        space = _SPACE * (prev[-1]["bottom"] - prev[-1]["top"]) / 8.0
        wrapped = prev[-1]["x1"] + space + (first["x1"] - first["x0"]) > right - 0.5
        out += (" " if wrapped else "\n") + text
    return out


def _paragraphs(words: list[dict], width: float, page: int) -> list[tuple[float, Para]]:
    out: list[tuple[float, Para]] = []
    group: list[list[dict]] = []
    for line in _lines(words):
        if group and line[0]["top"] - group[-1][0]["bottom"] > 4:
            out.append(_para(group, width, page))
            group = []
        group.append(line)
    if group:
        out.append(_para(group, width, page))
    return out


def _para(group: list[list[dict]], width: float, page: int) -> tuple[float, Para]:
    right = width - 15 * 72 / 25.4 - 1
    return group[0][0]["top"], Para(join_wrapped(group, right), f"стр. {page}")


def _table(doc: Document, found: object, words: list[dict], page: int, first: bool) -> None:
    prev = doc.blocks[-1] if doc.blocks else None
    rows = [Row(cells, f"стр. {page}, строка таблицы {r + 1}",
                after_break=first and r > 0 and isinstance(prev, Table))
            for r, cells in enumerate(_grid(found, words))]
    if first and isinstance(prev, Table) and _same_width(prev, rows):
        prev.rows += rows
    else:
        doc.blocks.append(Table(rows, f"стр. {page}"))


def _grid(found: object, words: list[dict]) -> list[list[Cell]]:
    """Cells row by row: the drawn cell covering each grid position; one spanning to the
    right widens its cell, one coming from a row above repeats its text (merged down)."""
    boxes = [b for row in found.rows for b in row.cells if b is not None]
    lefts = sorted({round(b[0], 1) for b in boxes})
    rights = sorted({round(b[2], 1) for b in boxes})
    xs = [(left + min(r for r in rights if r > left)) / 2 for left in lefts]
    texts: dict[tuple, str] = {}
    out: list[list[Cell]] = []
    for row in found.rows:
        y = (row.bbox[1] + row.bbox[3]) / 2
        cells: list[Cell] = []
        last = None
        for x in xs:
            box = next((b for b in boxes if b[0] <= x <= b[2] and b[1] <= y <= b[3]), None)
            if box is not None and box == last:
                cells[-1].span += 1
                continue
            last = box
            if box is None:
                cells.append(Cell(""))
                continue
            if box not in texts:
                inside = [w for w in words if _inside(w, box)]
                texts[box] = join_wrapped(_lines(inside), box[2] - _PAD)
            cells.append(Cell(texts[box], merged=box[1] < row.bbox[1] - 1))
        out.append(cells)
    return out


def _same_width(table: Table, rows: list[Row]) -> bool:
    return bool(rows) and sum(c.span for c in rows[0].cells) == table.width
