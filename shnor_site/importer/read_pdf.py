"""Read a PDF with a text layer (pdfplumber): ruled tables and the text around them.

Each page is read as drawn (`pdf_page`), its lines as written (`pdf_lines`: spaces kept,
soft wraps joined). Then the pages are put together: a paragraph whose last line on a page
was only wrapped goes on at the top of the next page; a table that goes on at the top of
the next page continues the same table, its repeated header row is dropped and the row
broken by the page is joined back (`pdf_joins`). Every such join is recorded. Scanned PDFs
(no text layer) are refused.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from shnor_site.importer.document import Document, Para
from shnor_site.importer.errors import ImportFailed
from shnor_site.importer.notes import Join
from shnor_site.importer.pdf_joins import Layout, TableReader
from shnor_site.importer.pdf_lines import marks_wraps, paragraphs
from shnor_site.importer.pdf_page import Page, PBlock, PTable, read_page


def read_pdf(path: Path) -> Document:
    """The blocks of a PDF, page by page."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        pages = [read_page(page, n) for n, page in enumerate(pdf.pages, start=1)]
    doc = Document(blocks=[], fmt="pdf")
    _Assembler(doc, _layout(pages)).run(pages)
    if not doc.blocks:
        raise ImportFailed("В PDF нет текстового слоя (это скан): сначала распознайте текст "
                           "(OCR) или возьмите DOCX.")
    return doc


def _layout(pages: list[Page]) -> Layout:
    """What the whole document tells about its layout: wrap marks, the text's right edge,
    the line pitch in tables and the lowest point any page reaches."""
    blocks = [item.lines for page in pages for item in page.items if isinstance(item, PBlock)]
    cells = [cell.lines for page in pages for item in page.items if isinstance(item, PTable)
             for row in item.rows for cell in row.cells if cell.lines and not cell.merged]
    steps = sorted(b.top - a.top for group in cells for a, b in pairwise(group))
    bottoms = [item.bottom if isinstance(item, PTable) else item.lines[-1].bottom
               for page in pages for item in page.items]
    right = max((line.x1 for group in blocks for line in group), default=0.0)
    return Layout(marked=marks_wraps(blocks + cells), right=right,
                  pitch=steps[len(steps) // 2] if steps else 12.0,
                  bottom=max(bottoms, default=0.0))


class _Assembler:
    """Pages → blocks, with paragraphs and tables continued across page breaks."""

    def __init__(self, doc: Document, layout: Layout) -> None:
        self.doc, self.layout = doc, layout
        self.table: TableReader | None = None  # the table the last page ended with
        self.open_para: str = ""  # spaces ending the last page's last line, when wrapped

    def run(self, pages: list[Page]) -> None:
        """Every page's items in order; the state carried over is the last item's."""
        for page in pages:
            for n, item in enumerate(page.items):
                if isinstance(item, PTable):
                    self._table(item, page.number, n == 0)
                    self.open_para = ""
                else:
                    self._block(item, page.number, n == 0)
                    self.table = None
                    self.open_para = item.lines[-1].tail if self.layout.marked else ""

    def _table(self, part: PTable, page: int, first: bool) -> None:
        if first and self.table is not None and self.table.continues(part):
            self.table.add(part, page, self.doc.joins)
            return
        self.table = TableReader(self.layout, part, page)
        self.doc.blocks.append(self.table.table)

    def _block(self, block: PBlock, page: int, first: bool) -> None:
        texts = paragraphs(block.lines, self.layout.right, self.layout.marked)
        where = f"стр. {page}"
        prev = self.doc.blocks[-1] if self.doc.blocks else None
        if first and self.open_para and isinstance(prev, Para):
            prev.text += self.open_para + texts[0]
            self.doc.joins.append(Join(where, f"абзац со стр. {page - 1}", texts[0]))
            texts = texts[1:]
            self.doc.blocks += [Para(t, where, cont=True) for t in texts]
            return
        self.doc.blocks += [Para(t, where, cont=k > 0) for k, t in enumerate(texts)]
