"""CSV for spreadsheets: Russian column headers, `;` between values, UTF-8 with BOM, CRLF.

Excel with Russian settings opens such a file with a double click: it splits columns at
`;` (a comma is the decimal separator there) and reads the BOM as UTF-8. The JSON files
keep the field names; a CSV header is the field's Russian description cut to its first
words («Название муниципалитета, например…» → «Название муниципалитета»), prefixed by its
parent's («Директор: фамилия и инициалы»), unless HEADERS names it. The «Открытые данные»
page shows every header beside its JSON field.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from shnor_site.core.introspect import model_in

DELIMITER = ";"
#: Headers that the description would give badly (too long, or ambiguous in the table).
HEADERS = {
    "id": "Идентификатор",
    "anchor": "Якорь мероприятия",
    "result": "Планируемый результат",
    "risk_profiles": "Риск-профили проекта «500+»",
    "year_from_period": "Год взят из срока программы",
    "school_1": "Первая школа (id)",
    "roadmap.columns.number": "План: заголовок столбца номера",
    "roadmap.columns.title": "План: заголовок столбца мероприятий",
    "roadmap.columns.timing": "План: заголовок столбца сроков",
    "roadmap.columns.responsible": "План: заголовок столбца ответственных",
    "roadmap.columns.result": "План: заголовок столбца результата",
    "roadmap.columns.control": "План: заголовок столбца формы контроля",
}
#: Short names of nested objects, the prefix of their fields' headers.
PARENTS = {"approval": "Утверждение", "approval.signatory": "Утверждение: подписал",
           "passport": "Паспорт", "roadmap": "План", "source": "Источник"}
_CUT = re.compile(r"[:;,.]\s|\s\(|\s—\s|\s«|[.:]$")


def short_label(description: str) -> str:
    """The first words of a description: up to its first comma, colon, bracket or dash;
    «(id)» is kept when the description says the value is an id."""
    text = " ".join(description.split())
    match = _CUT.search(text)
    label = (text[:match.start()] if match else text).strip(" .") or text
    if "(id" in text and "(id" not in label:
        label += " (id)"
    return label[:1].upper() + label[1:]


def model_parents(model: type[BaseModel], prefix: str = "") -> dict[str, str]:
    """Dotted path of every nested object of a model → the short label of its field."""
    out: dict[str, str] = {}
    for name, info in model.model_fields.items():
        sub = model_in(info.annotation)
        if sub is not None:
            path = prefix + name
            out[path] = PARENTS.get(path) or short_label(info.description or name)
            out.update(model_parents(sub, f"{prefix}{name}."))
    return out


def csv_headers(columns: list[tuple[str, str]], parents: dict[str, str]) -> list[str]:
    """Russian headers of the columns (name, description), unique within the table."""
    headers: list[str] = []
    for name, description in columns:
        label = HEADERS.get(name)
        if label is None:
            label = short_label(description or name)
            parent = name.rpartition(".")[0]
            if parent:
                top = parents.get(parent, parent)
                label = f"{top}: {label[:1].lower()}{label[1:]}"
        if label in headers:
            label = f"{label} ({name})"
        headers.append(label)
    return headers


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _lookup(data: dict[str, Any], dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)  # type: ignore[assignment]
    return data


def _writer(buf: io.StringIO) -> Any:
    return csv.writer(buf, delimiter=DELIMITER, lineterminator="\r\n")


def to_csv(columns: list[str], rows: Iterable[dict[str, Any]],
           headers: list[str] | None = None) -> bytes:
    """The whole CSV file: a header row (`headers`, or the column names), then the rows."""
    return b"".join(csv_chunks(columns, rows, headers))


def csv_chunks(columns: list[str], rows: Iterable[dict[str, Any]],
               headers: list[str] | None = None, batch: int = 500) -> Iterator[bytes]:
    """to_csv(columns, rows, headers), a few hundred rows at a time (large tables never
    sit whole in memory)."""
    buf = io.StringIO()
    writer = _writer(buf)
    buf.write("\ufeff")
    writer.writerow(headers or columns)
    for n, row in enumerate(rows, 1):
        writer.writerow([_cell(_lookup(row, c)) for c in columns])
        if n % batch == 0:
            yield buf.getvalue().encode("utf-8")
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode("utf-8")
