"""Reading PDFs: spaces as written, wraps told from line breaks, tables and paragraphs
across page breaks joined (and recorded) or kept apart, merged cells across a break.

The PDFs are written by tests/support/write_pdf.py the way Word exports a document; the
page geometry (A4 landscape, 4.2 mm table lines, content from 15 to 195 mm) decides where
the pages break, as noted at each test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shnor_site.importer.document import Para, Table
from shnor_site.importer.errors import ImportFailed
from shnor_site.importer.pdf_lines import Line, paragraphs
from shnor_site.importer.read_pdf import read_pdf
from tests.support.programme_doc import Grid, Layout
from tests.support.write_pdf import write_pdf

HEAD = ["№ п/п", "Мероприятия", "Сроки", "Ответственные"]
LONG = ("Организация и проведение обучающих семинаров адресной методической помощи "
        "педагогическим командам школ с низкими результатами обучения и школ, "
        "функционирующих в неблагоприятных социальных условиях, по вопросам повышения "
        "качества образования и профилактики учебной неуспешности обучающихся")


def _grid(rows: list[list[str | tuple[str, bool]]]) -> Grid:
    """A roadmap-like grid: header, then rows (a (text, True) cell is merged down)."""
    cells = [[(c, 1, False) if isinstance(c, str) else (c[0], 1, c[1]) for c in r]
             for r in rows]
    return Grid([[(h, 1, False) for h in HEAD], *cells], header_rows=1)


def _read(tmp_path: Path, *blocks: str | Grid) -> object:
    return read_pdf(write_pdf(Layout(list(blocks)), tmp_path / "doc.pdf"))


def _body(doc: object) -> list[list[str]]:
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    return [r.texts for r in tables[0].rows[1:]]


def test_spaces_line_breaks_and_hyphens_read_as_written(tmp_path: Path) -> None:
    rows = [["1.", LONG, "Март 2023 года", "Спицина  А.В.\nМКУ «ИМЦ СГО»"],
            ["2.", "Семинар  с двойным пробелом\n- первый пункт;\n- второй пункт", "По запросам",
             "МАУ ЗАТО Северск «РЦО», руководители ГМО учителей-предметников"]]
    assert _body(_read(tmp_path, _grid(rows))) == rows


def test_row_broken_by_a_page_is_joined_and_recorded(tmp_path: Path) -> None:
    # 45 short lines: 40 fit under the header on page 1, 5 go on on page 2
    lines = "\n".join(f"строка {n}" for n in range(1, 46))
    rows = [["1.", lines, "Март", "Школа"], ["2.", LONG, "Апрель", "Управление"]]
    doc = _read(tmp_path, _grid(rows))
    assert _body(doc) == rows
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert table.rows[1].joined == ["стр. 2, строка таблицы 2"]
    assert [(j.where, j.text) for j in doc.joins] == [
        ("стр. 2, строка таблицы 1", "повтор шапки пропущен"),
        ("стр. 2, строка таблицы 2", "строка 41\nстрока 42\nстрока 43\nстрока 44\nстрока 45")]


def test_row_broken_in_a_wrapped_line_keeps_its_space(tmp_path: Path) -> None:
    # one paragraph of about 45 wrapped lines: the page breaks inside it
    text = " ".join([LONG] * 14)
    rows = [["1.", text, "Март", "Школа"]]
    doc = _read(tmp_path, _grid(rows))
    assert _body(doc) == rows
    assert len([j for j in doc.joins if j.into != "шапка таблицы"]) == 1


def test_unnumbered_row_at_a_page_top_stays_a_row(tmp_path: Path) -> None:
    # 39 lines end 8 mm above the page's end; the next row (3 lines) starts page 2
    lines = "\n".join(f"строка {n}" for n in range(1, 40))
    rows = [["1.", lines, "Март", "Школа"], ["", LONG, "Апрель", "Управление"],
            ["3.", LONG, "Май", "Школа"]]
    doc = _read(tmp_path, _grid(rows))
    assert _body(doc) == rows
    assert [j.text for j in doc.joins] == ["повтор шапки пропущен"]


def test_cell_merged_down_across_a_page_takes_the_text_above(tmp_path: Path) -> None:
    # the timing cell of rows 2–4 is merged; page 2 starts with row 3, its cell empty there
    lines = "\n".join(f"строка {n}" for n in range(1, 34))
    rows = [["1.", lines, "Март", "Школа"], ["2.", LONG, "В течение года", "Школа"],
            ["3.", LONG, ("В течение года", True), "Школа"],
            ["4.", LONG, ("В течение года", True), "Школа"]]
    doc = _read(tmp_path, _grid(rows))
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [r.where.split(",")[0] for r in table.rows[3:]] == ["стр. 2", "стр. 2"]
    assert [r[2] for r in _body(doc)] == ["Март"] + ["В течение года"] * 3


def test_paragraph_across_pages_is_one_paragraph(tmp_path: Path) -> None:
    text = " ".join(f"слово{n}" for n in range(1, 600))
    doc = _read(tmp_path, "Заголовок", text, "Последний абзац")
    assert [b.text for b in doc.blocks] == ["Заголовок", text, "Последний абзац"]
    assert all(isinstance(b, Para) for b in doc.blocks)
    assert [j.into for j in doc.joins] == ["абзац со стр. 1"]


def _line(text: str, x1: float, head: float, tail: str = "") -> Line:
    return Line(text, tail, 0.0, x1, 0.0, 10.0, 10.0, head)


def test_without_wrap_marks_a_line_is_wrapped_where_the_next_word_did_not_fit() -> None:
    lines = [_line("первая строка", 90.0, 20.0), _line("перенос короткая", 60.0, 10.0),
             _line("новая", 20.0, 20.0)]
    assert paragraphs(lines, 100.0, marked=False) == ["первая строка перенос короткая",
                                                      "новая"]


def test_with_wrap_marks_only_a_hanging_space_or_a_hyphen_wraps() -> None:
    lines = [_line("первая", 90.0, 40.0, tail=" "), _line("вторая", 90.0, 40.0),
             _line("учителей-", 95.0, 40.0), _line("предметников", 50.0, 40.0)]
    assert paragraphs(lines, 100.0, marked=True) == ["первая вторая",
                                                    "учителей-предметников"]


def test_a_pdf_without_text_is_refused(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.line(10, 10, 100, 100)
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(ImportFailed):
        read_pdf(tmp_path / "scan.pdf")
