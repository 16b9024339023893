"""Open data: every record type as JSON and CSV, the JSON Schema, and derived tables.

Files are bytes for RenderedSite.files (published under data/); the «Открытые данные»
page describes them with Russian column descriptions taken from the models. The CSV files
are for spreadsheets (outputs/csvfiles.py): Russian headers, `;`, UTF-8 with BOM.
"""

from __future__ import annotations

import datetime as dt
import json
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field

from shnor_site.core.introspect import model_in
from shnor_site.core.models import KINDS
from shnor_site.core.models.places import SchoolDocument
from shnor_site.core.models.programme import Indicator, Participant, SchoolPair
from shnor_site.core.models.roadmap import Event, EventEvidence
from shnor_site.core.schema import content_schema
from shnor_site.graph.tracking import EventPlan, Schedule
from shnor_site.outputs.csvfiles import csv_chunks, csv_headers, model_parents

LICENCE = (
    "Тексты муниципальных документов — официальные документы; по п. 6 ст. 1259 "
    "Гражданского кодекса РФ они не являются объектами авторского права. Подборка и "
    "структура данных публикуются на условиях лицензии Creative Commons «Атрибуция» 4.0 "
    "(CC BY 4.0): их можно свободно использовать, указав источник — этот сайт."
)
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.ru"


@dataclass
class Dataset:
    """One published table: its files, title, row count and described columns."""

    name: str
    title: str
    rows: int
    columns: list[tuple[str, str]] = field(default_factory=list)
    formats: tuple[str, ...] = ("json", "csv")
    #: Russian CSV header of each column (csvfiles.csv_headers), in the same order.
    headers: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.headers:
            self.headers = csv_headers(self.columns, {})


def _is_list(annotation: Any) -> bool:
    return any(typing.get_origin(t) is list for t in _walk_types(annotation))


def _walk_types(annotation: Any) -> Iterable[Any]:
    yield annotation
    for arg in typing.get_args(annotation):
        yield from _walk_types(arg)


def model_columns(model: type[BaseModel], prefix: str = "") -> list[tuple[str, str]]:
    """Flat CSV columns of a model (nested objects dotted, lists of objects left out)."""
    cols: list[tuple[str, str]] = []
    for name, info in model.model_fields.items():
        sub = model_in(info.annotation)
        if sub is not None and _is_list(info.annotation):
            continue
        if sub is not None:
            cols += model_columns(sub, f"{prefix}{name}.")
        else:
            cols.append((prefix + name, info.description or ""))
    return cols


def _row(value: Any) -> str:
    """One element of a table on one line (the C encoder: no indentation)."""
    return json.dumps(value, ensure_ascii=False)


def to_json(data: Any) -> bytes:
    """Stable UTF-8 JSON: a table (a list) one row per line, anything else indented."""
    if isinstance(data, list):
        return ("[\n" + ",\n".join(map(_row, data)) + "\n]\n" if data else "[]\n").encode()
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def json_chunks(rows: Iterable[Any], batch: int = 500) -> Iterator[bytes]:
    """to_json(list(rows)), a few hundred rows at a time (large tables never sit whole in
    memory)."""
    opened, buf = False, []
    for row in rows:
        buf.append((",\n" if opened or buf else "[\n") + _row(row))
        if len(buf) >= batch:
            yield "".join(buf).encode("utf-8")
            opened, buf = True, []
    if opened or buf:
        yield ("".join(buf) + "\n]\n").encode("utf-8")
    else:
        yield b"[]\n"


class DateRange(BaseModel):
    """One period of an event's timing."""

    start: dt.date | None = Field(description="Начало (ГГГГ-ММ-ДД); пусто для «до …».")
    end: dt.date = Field(description="Окончание (ГГГГ-ММ-ДД).")


class PublishedEvent(Event):
    """An event as published in data/events.*: the record plus its parsed timing."""

    programme: str = Field(description="Программа (id).")
    anchor: str = Field(description="Якорь мероприятия на странице плана мероприятий.")
    page: str = Field(description="Адрес мероприятия на сайте от его корня: "
                      "programmes/<id>/roadmap/…#<якорь>.")
    timing_kind: str = Field(description="Как прочитан срок: dates, years, period, deadline, "
                             "recurring, continuous, on_request, by_plan, unknown.")
    timing_note: str | None = Field(None, description="Уточнение к сроку, как в документе.")
    year_from_period: bool = Field(
        description="true — год в документе не указан, взят из срока программы.")
    start: dt.date | None = Field(None, description="Начало по сроку (ГГГГ-ММ-ДД).")
    end: dt.date | None = Field(None, description="Окончание по сроку (ГГГГ-ММ-ДД).")
    ranges: list[DateRange] = Field(
        default_factory=list, description="Все периоды срока (в CSV — «начало/конец» через «; »).")
    plan_status: str | None = Field(
        None, description="По сроку на дату сборки: запланировано, идёт, завершено по плану.")
    state: str = Field(description="Исполнение на дату сборки: выполнено, перенесено, отменено, "
                       "срок истёк (выполнение не подтверждено), срок не наступил, срок без дат.")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def event_row(plan: EventPlan, graph: Any) -> dict[str, Any]:
    """The published event (PublishedEvent) as JSON, made directly: the event's
    own fields as its model dumps them, then PublishedEvent's in their order (a model per
    event cost more than the rest of the open data; tests/test_opendata.py compares)."""
    from shnor_site.render.urls import event_url

    t = plan.timing
    return {**plan.event.model_dump(mode="json"), "programme": plan.placed.programme.id,
            "anchor": plan.placed.anchor, "page": event_url(graph, plan.placed),
            "timing_kind": t.kind, "timing_note": t.note, "year_from_period": t.year_assumed,
            "start": _iso(t.start), "end": _iso(t.end),
            "ranges": [{"start": _iso(s.start), "end": _iso(s.end)} for s in t.spans],
            "plan_status": plan.plan_label, "state": plan.state_label}


EVENT_HEAD = [("programme", "Программа (id)."), ("anchor", "Якорь мероприятия.")]


@dataclass
class LazyTable:
    """A dataset described up front; its rows made only while its files are written
    (`json_rows()` and `csv_rows()` each start a new pass)."""

    dataset: Dataset
    json_rows: Callable[[], Iterable[Any]]
    csv_rows: Callable[[], Iterable[dict[str, Any]]] | None = None

    def csv(self) -> Iterable[dict[str, Any]]:
        """The CSV rows (the JSON rows unless the table says otherwise)."""
        return (self.csv_rows or self.json_rows)()


def event_columns() -> list[tuple[str, str]]:
    """CSV columns of data/events.csv."""
    cols = EVENT_HEAD + [c for c in model_columns(PublishedEvent) if c[0] not in dict(EVENT_HEAD)]
    return [*cols, ("ranges", PublishedEvent.model_fields["ranges"].description or "")]


def event_rows(plans: list[EventPlan], graph: Any) -> Iterator[dict[str, Any]]:
    """JSON rows of the events."""
    for p in plans:
        yield event_row(p, graph)


def event_csv_rows(plans: list[EventPlan], graph: Any) -> Iterator[dict[str, Any]]:
    """CSV rows of the events: ranges as «start/end» strings."""
    for r in event_rows(plans, graph):
        yield {**r, "ranges": [f"{x['start'] or ''}/{x['end']}" for x in r["ranges"]]}


def evidence_rows(plans: list[EventPlan]) -> Iterator[dict[str, Any]]:
    """One row per piece of evidence, with its event's programme and anchor."""
    for p in plans:
        for e in p.event.evidence:
            yield {"programme": p.placed.programme.id, "anchor": p.placed.anchor,
                   **e.model_dump(mode="json")}


def _child_tables(cat: Any) -> list[tuple[str, list[tuple[str, str]], int, Callable]]:
    """(name, columns, row count, rows maker) of the tables derived from programmes."""
    progs, schools, prog_col = cat.all("programme"), cat.all("school"), [
        ("programme", "Программа (id).")]
    pair_cols = [("school_1", "Первая школа (id); для «куратор» — школа-куратор."),
                 ("school_2", "Вторая школа (id)."),
                 *(c for c in model_columns(SchoolPair) if c[0] != "schools")]
    return [
        ("indicators", [*prog_col, ("group", "Группа показателей, как в документе."),
                        *model_columns(Indicator), ("actual", "Фактические значения.")],
         sum(len(g.indicators) for p in progs for g in p.indicator_groups),
         lambda: ({"programme": p.id, "group": g.title, **i.model_dump(mode="json"),
                  "actual": [f"{a.value} ({a.as_of})" for a in i.actual]}
                 for p in progs for g in p.indicator_groups for i in g.indicators)),
        ("participants", prog_col + model_columns(Participant),
         sum(len(p.schools) for p in progs),
         lambda: ({"programme": p.id, **x.model_dump(mode="json")}
                  for p in progs for x in p.schools)),
        ("pairs", prog_col + pair_cols, sum(len(p.pairs) for p in progs),
         lambda: ({"programme": p.id, "school_1": x.schools[0], "school_2": x.schools[1],
                   "relation": x.relation, "note": x.note} for p in progs for x in p.pairs)),
        ("school_documents", [("school", "Школа (id)."), *model_columns(SchoolDocument)],
         sum(len(s.documents) for s in schools),
         lambda: ({"school": s.id, **d.model_dump(mode="json")}
                  for s in schools for d in s.documents)),
    ]


TABLE_TITLES = {
    "events": "Мероприятия всех планов с разобранными сроками и исполнением",
    "evidence": "Подтверждения исполнения мероприятий",
    "indicators": "Показатели программ",
    "participants": "Школы — участники программ",
    "pairs": "Пары школ и кураторство",
    "school_documents": "Документы школ",
}


#: Editing aids that are not published: what an import left to check (Programme.review).
UNPUBLISHED: dict[str, set[str]] = {"programme": {"review"}}


def _record_dataset(kind: Any, rows: int) -> Dataset:
    """The table of one kind of record; CSV headers name nested fields by their parent."""
    columns = model_columns(kind.model)
    return Dataset(kind.folder, kind.label_plural, rows, columns,
                   headers=csv_headers(columns, model_parents(kind.model)))


def data_tables(sched: Schedule) -> list[LazyTable]:
    """Every dataset, records first: described (row counts, columns) without its rows."""
    cat, plans = sched.graph.cat, sched.all()
    out = [LazyTable(_record_dataset(k, len(cat.all(k.name))),
                     lambda k=k: (r.model_dump(mode="json", exclude=UNPUBLISHED.get(k.name))
                                  for r in cat.all(k.name)))
           for k in KINDS.values()]
    out.append(LazyTable(Dataset("events", TABLE_TITLES["events"], len(plans), event_columns()),
                         lambda: event_rows(plans, sched.graph),
                         lambda: event_csv_rows(plans, sched.graph)))
    out.append(LazyTable(Dataset("evidence", TABLE_TITLES["evidence"],
                                 sum(len(p.event.evidence) for p in plans),
                                 EVENT_HEAD + model_columns(EventEvidence)),
                         lambda: evidence_rows(plans)))
    out += [LazyTable(Dataset(name, TABLE_TITLES[name], count, cols), make)
            for name, cols, count, make in _child_tables(cat)]
    return out


def open_data_uris(tables: list[LazyTable]) -> list[str]:
    """URIs of every open-data file, in the order open_data_files writes them."""
    return (["data/schema.json"] + [f"data/{t.dataset.name}.{fmt}" for t in tables
                                     for fmt in ("json", "csv")]
            + ["data/events.schema.json"])


def open_data_files(tables: list[LazyTable]) -> Iterator[tuple[str, Iterator[bytes]]]:
    """(URI, chunks of bytes) of every open-data file: rows are made while written."""
    yield "data/schema.json", iter([to_json(content_schema())])
    for table in tables:
        ds = table.dataset
        yield f"data/{ds.name}.json", json_chunks(table.json_rows())
        yield f"data/{ds.name}.csv", csv_chunks([c for c, _ in ds.columns], table.csv(),
                                                ds.headers)
    schema = PublishedEvent.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    yield "data/events.schema.json", iter([to_json(schema)])


def open_data(sched: Schedule) -> tuple[dict[str, bytes], list[Dataset]]:
    """Every open-data file under data/ (in memory) and the description of each dataset."""
    tables = data_tables(sched)
    return ({uri: b"".join(chunks) for uri, chunks in open_data_files(tables)},
            [t.dataset for t in tables])
