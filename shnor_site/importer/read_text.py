"""Read a text export (.txt, .md): tab-separated table rows, one paragraph per line.

Two table layouts occur in real exports: one row per line with cells separated by tabs, and
one cell per line (each cell starts with a tab, its further lines follow without one, rows
are separated by blank lines). Blank lines inside a table are page gaps: a row after one is
marked `after_break`, so the recogniser can join a row broken across the pages.
"""

from __future__ import annotations

import re

from shnor_site.importer.document import Block, Cell, Document, Para, Row, Table

_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
_RULE = re.compile(r"^[\s\-|]+$")  # «--\t--\t---»: a table border drawn with dashes


def read_text(text: str) -> Document:
    """The blocks of a text export, with line numbers as places."""
    doc = Document(blocks=[], fmt="text")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    state = _State(doc)
    for number, raw in enumerate(lines, start=1):
        state.feed(number, _BOOKMARK.sub("", raw))
    state.close_table()
    return doc


def _vertical(line: str) -> bool:
    return line.startswith("\t") and line.count("\t") == 1


class _State:
    """The reader's position: the open table, the open one-cell-per-line row."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.rows: list[Row] = []
        self.start = 0
        self.gap = False
        self.vrow: list[list[str]] | None = None  # cells (lines) of a one-cell-per-line row
        self.vline = 0
        self.vertical = False
        self.last = 0

    def feed(self, number: int, line: str) -> None:
        """Take one line of the export."""
        if not line.strip() and "\t" not in line:
            self.close_vrow()
            self.gap = True
            return
        if _vertical(line):
            if self.vrow is None:
                self.vrow, self.vline = [], number
            self.vrow.append([line[1:]])
        elif "\t" in line:
            self.close_vrow()
            self.gap = self.gap and bool(self.rows)
            self.row(number, line)
        elif self.vrow is not None:
            self.vrow[-1].append(line)
        else:
            self.close_table()
            self.para(number, line)
            self.gap = False

    def row(self, number: int, line: str) -> None:
        if _RULE.match(line):
            self.doc.skipped.append((f"строка {number}", line.strip(),
                                     "линия таблицы из дефисов — след вёрстки"))
            return
        cells = [Cell(_clean(c)) for c in line.split("\t")]
        self.add(Row(cells, f"строка {number}", after_break=self.gap), number)

    def add(self, row: Row, number: int, vertical: bool = False) -> None:
        if not self.rows:
            self.start, self.vertical = number, vertical
        self.rows.append(row)
        self.gap = False

    def close_vrow(self) -> None:
        if self.vrow is None:
            return
        cells = [Cell(_clean(join_lines(parts))) for parts in self.vrow]
        self.add(Row(cells, f"строка {self.vline}"), self.vline, vertical=True)
        self.vrow = None

    def para(self, number: int, line: str) -> None:
        text = line.strip()
        if text.startswith("**") or text.endswith("**"):
            text = text.strip("*").strip()
        prev = self.doc.blocks[-1] if self.doc.blocks else None
        cont = isinstance(prev, Para) and not self.gap and self.last == number - 1
        self.doc.blocks.append(Para(text, f"строка {number}", cont=cont))
        self.last = number

    def close_table(self) -> None:
        self.close_vrow()
        if self.rows:
            runs = _runs(_mend(self.rows)) if self.vertical else [self.rows]
            self.doc.blocks += [Table(run, run[0].where) for run in runs]
        self.rows = []


def join_lines(parts: list[str]) -> str:
    """The lines of one cell: a line that goes on a word (lower case, after a hyphen) joins
    the previous one; a line that starts anew stays on its own line."""
    out = ""
    for part in parts:
        piece = part.strip()
        if not out:
            out = piece
        elif not piece:
            continue
        elif out.endswith("-") and not out.endswith(" -"):
            out += piece
        elif piece[:1].islower() or piece[:1] in ",;)":
            out = out.rstrip() + " " + piece
        else:
            out += "\n" + piece
    return out


def _clean(text: str) -> str:
    return text.strip().replace("\u00a0", " ")


def _mend(rows: list[Row]) -> list[Row]:
    """One-cell-per-line rows cut by a blank line inside a cell: a row shorter than the
    last full row that together with the next short row makes at most a full row is put
    back together."""
    out: list[Row] = []
    width = len(rows[0].cells)
    for row in rows:
        prev = out[-1] if out else None
        if (prev is not None and len(prev.cells) < width
                and len(prev.cells) + len(row.cells) <= width):
            prev.cells += row.cells
            continue
        if prev is None or len(row.cells) >= width or len(prev.cells) != width:
            width = len(row.cells) if prev is None or len(row.cells) >= width else width
        out.append(row)
    return out


def _runs(rows: list[Row]) -> list[list[Row]]:
    """One-cell-per-line rows split into tables where the number of cells changes for good
    (a 3-column table followed by a 6-column one with only blank lines between)."""
    runs: list[list[Row]] = [[rows[0]]]
    for i, row in enumerate(rows[1:], start=1):
        n, prev = len(row.cells), len(rows[i - 1].cells)
        nxt = len(rows[i + 1].cells) if i + 1 < len(rows) else n
        if n != prev and nxt == n:
            runs.append([])
        runs[-1].append(row)
    return runs


__all__ = ["Block", "join_lines", "read_text"]
