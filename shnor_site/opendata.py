"""Open data: every record type as JSON and CSV, the JSON Schema, and derived tables.

Files are bytes for RenderedSite.files (published under data/); the «Открытые данные»
page describes them with Russian column descriptions taken from the models.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field

from .introspect import model_in
from .models import KINDS
from .models.places import SchoolDocument
from .models.programme import Event, EventEvidence, Indicator, Participant, SchoolPair
from .schema import content_schema
from .tracking import EventPlan, Schedule

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


def _cell(value: Any) -> str:
    if value is None:
        return ""
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


def to_csv(columns: list[str], rows: Iterable[dict[str, Any]]) -> bytes:
    """RFC 4180 CSV, comma-separated, UTF-8 with BOM (so spreadsheets read Cyrillic)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(_lookup(row, c)) for c in columns])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_json(data: Any) -> bytes:
    """Stable, readable UTF-8 JSON."""
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


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


def published_event(plan: EventPlan, graph: Any) -> PublishedEvent:
    """The event with programme, anchor, its page, parsed dates and state."""
    from .render.urls import page_dir

    t = plan.timing
    page = f"{page_dir(graph.event_uri(plan.placed))}#{plan.placed.anchor}"
    return PublishedEvent(
        **plan.event.model_dump(), programme=plan.placed.programme.id,
        anchor=plan.placed.anchor, page=page, timing_kind=t.kind, timing_note=t.note,
        year_from_period=t.year_assumed, start=t.start, end=t.end,
        ranges=[DateRange(start=s.start, end=s.end) for s in t.spans],
        plan_status=plan.plan_label, state=plan.state_label)


Table = tuple[list[tuple[str, str]], list[dict[str, Any]]]


def event_tables(plans: list[EventPlan], graph: Any
                 ) -> tuple[dict[str, Table], list[dict[str, Any]]]:
    """events and evidence tables (described columns, flat rows) and the JSON event rows."""
    rows = [published_event(p, graph).model_dump(mode="json") for p in plans]
    csv_rows = [{**r, "ranges": [f"{x['start'] or ''}/{x['end']}" for x in r["ranges"]]}
                for r in rows]
    head = [("programme", "Программа (id)."), ("anchor", "Якорь мероприятия.")]
    ev_cols = head + [c for c in model_columns(PublishedEvent) if c[0] not in dict(head)]
    ev_cols.append(("ranges", PublishedEvent.model_fields["ranges"].description or ""))
    evidence = [{"programme": r["programme"], "anchor": r["anchor"], **e}
                for r in rows for e in r["evidence"]]
    tables = {"events": (ev_cols, csv_rows),
              "evidence": (head + model_columns(EventEvidence), evidence)}
    return tables, rows


def child_tables(cat: Any) -> dict[str, Table]:
    """Indicators, participants, pairs and school documents as flat tables."""
    progs, prog_col = cat.all("programme"), [("programme", "Программа (id).")]
    ind = [{"programme": p.id, "group": g.title, **i.model_dump(mode="json"),
            "actual": [f"{a.value} ({a.as_of})" for a in i.actual]}
           for p in progs for g in p.indicator_groups for i in g.indicators]
    parts = [{"programme": p.id, **x.model_dump(mode="json")} for p in progs for x in p.schools]
    pairs = [{"programme": p.id, "school_1": x.schools[0], "school_2": x.schools[1],
              "relation": x.relation, "note": x.note} for p in progs for x in p.pairs]
    docs = [{"school": s.id, **d.model_dump(mode="json")}
            for s in cat.all("school") for d in s.documents]
    pair_cols = [("school_1", "Первая школа (id); для «куратор» — школа-куратор."),
                 ("school_2", "Вторая школа (id).")]
    pair_cols += [c for c in model_columns(SchoolPair) if c[0] != "schools"]
    return {
        "indicators": ([*prog_col, ("group", "Группа показателей, как в документе."),
                        *model_columns(Indicator), ("actual", "Фактические значения.")], ind),
        "participants": (prog_col + model_columns(Participant), parts),
        "pairs": (prog_col + pair_cols, pairs),
        "school_documents": ([("school", "Школа (id)."), *model_columns(SchoolDocument)], docs),
    }


TABLE_TITLES = {
    "events": "Мероприятия всех планов с разобранными сроками и исполнением",
    "evidence": "Подтверждения исполнения мероприятий",
    "indicators": "Показатели программ",
    "participants": "Школы — участники программ",
    "pairs": "Пары школ и кураторство",
    "school_documents": "Документы школ",
}


def _all_tables(sched: Schedule) -> list[tuple[Dataset, list[dict[str, Any]], list[Any]]]:
    """(description, CSV rows, JSON rows) of every dataset, records first."""
    cat = sched.graph.cat
    out = []
    for kind in KINDS.values():
        records = [r.model_dump(mode="json") for r in cat.all(kind.name)]
        out.append((Dataset(kind.folder, kind.label_plural, len(records),
                            model_columns(kind.model)), records, records))
    ev_tables, event_rows = event_tables(sched.all(), sched.graph)
    for name, (cols, rows) in {**ev_tables, **child_tables(cat)}.items():
        out.append((Dataset(name, TABLE_TITLES[name], len(rows), cols), rows,
                    event_rows if name == "events" else rows))
    return out


def open_data(sched: Schedule) -> tuple[dict[str, bytes], list[Dataset]]:
    """Every open-data file under data/ and the description of each dataset."""
    out: dict[str, bytes] = {"data/schema.json": to_json(content_schema())}
    sets: list[Dataset] = []
    for ds, csv_rows, json_rows in _all_tables(sched):
        out[f"data/{ds.name}.json"] = to_json(json_rows)
        out[f"data/{ds.name}.csv"] = to_csv([c for c, _ in ds.columns], csv_rows)
        sets.append(ds)
    schema = PublishedEvent.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["data/events.schema.json"] = to_json(schema)
    return out, sets
