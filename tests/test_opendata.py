"""Open data: JSON validated against the published JSON Schema, CSV readable, page complete."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import jsonschema
import pytest

from shnor_site.content.validate import load_catalogue
from shnor_site.core.models import KINDS
from shnor_site.graph.link import build_graph
from shnor_site.graph.tracking import Schedule
from shnor_site.outputs.opendata import open_data
from shnor_site.pages.plan import render_site
from tests.helpers import ROOT, SITE_CONTENT


@pytest.fixture(scope="module")
def published():
    cat = load_catalogue(SITE_CONTENT)
    files, datasets = open_data(Schedule(build_graph(cat), dt.date(2030, 1, 1)))
    return cat, files, datasets


def read_csv(data: bytes, dataset) -> list[dict[str, str]]:
    """Rows of a published CSV keyed by JSON field name (the file's headers are Russian)."""
    assert data.startswith("\ufeff".encode())  # BOM: spreadsheets detect UTF-8
    text = data.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    assert next(reader) == dataset.headers
    names = [c for c, _ in dataset.columns]
    return [dict(zip(names, row, strict=True)) for row in reader]


@pytest.mark.parametrize("kind", list(KINDS))
def test_record_json_validates_against_the_published_schema(published, kind: str) -> None:
    cat, files, _ = published
    schema = json.loads(files["data/schema.json"])
    validator = jsonschema.Draft202012Validator(
        {"$defs": schema["$defs"], "$ref": f"#/$defs/record-{kind}"})
    records = json.loads(files[f"data/{KINDS[kind].folder}.json"])
    assert len(records) == len(cat.all(kind))
    for record in records:
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, (record.get("id"), errors[:3])


def test_schema_rejects_a_broken_record(published) -> None:
    _, files, _ = published
    schema = json.loads(files["data/schema.json"])
    validator = jsonschema.Draft202012Validator(
        {"$defs": schema["$defs"], "$ref": "#/$defs/record-school"})
    school = json.loads(files["data/schools.json"])[0]
    assert not list(validator.iter_errors(school))
    assert list(validator.iter_errors({**school, "unexpected": 1}))
    assert list(validator.iter_errors({k: v for k, v in school.items() if k != "name"}))


def test_events_json_matches_its_schema_and_keeps_the_written_timing(published) -> None:
    _, files, _ = published
    events = json.loads(files["data/events.json"])
    validator = jsonschema.Draft202012Validator(json.loads(files["data/events.schema.json"]))
    assert len(events) == 177
    for row in events:
        assert not list(validator.iter_errors(row)), row["anchor"]
    tula = [e for e in events if e["timing"] == "Май, декабрь 2024 г."]
    assert tula and tula[0]["ranges"] == [{"start": "2024-05-01", "end": "2024-05-31"},
                                          {"start": "2024-12-01", "end": "2024-12-31"}]
    assert {e["timing_kind"] for e in events} >= {"dates", "years", "period", "deadline",
                                                  "recurring", "continuous", "on_request",
                                                  "by_plan"}
    assert "unknown" not in {e["timing_kind"] for e in events}


def test_csv_tables_have_described_columns_and_every_row(published) -> None:
    _, files, datasets = published
    assert {d.name for d in datasets} >= {k.folder for k in KINDS.values()} | {
        "events", "evidence", "indicators", "participants", "pairs", "school_documents"}
    by_name = {d.name: d for d in datasets}
    for ds in datasets:
        rows = read_csv(files[f"data/{ds.name}.csv"], ds)
        assert len(rows) == ds.rows == len(json.loads(files[f"data/{ds.name}.json"]))
        undescribed = [c for c, desc in ds.columns if not desc.strip()]
        assert not undescribed, (ds.name, undescribed)
    events = read_csv(files["data/events.csv"], by_name["events"])
    row = next(r for r in events if r["timing"] == "Май-июнь 2021 Май-июнь 2022 Май-июнь 2023")
    assert row["ranges"] == ("2021-05-01/2021-06-30; 2022-05-01/2022-06-30; "
                             "2023-05-01/2023-06-30")
    assert row["state"] == "срок истёк, выполнение не подтверждено" and row["status"] == ""
    assert {r["year_from_period"] for r in events} == {"да", "нет"}
    pairs = read_csv(files["data/pairs.csv"], by_name["pairs"])
    assert {(p["school_1"], p["relation"]) for p in pairs} >= {("tula-co-42", "куратор")}


def test_csv_is_for_spreadsheets_with_russian_settings(published) -> None:
    """`;` between values, CRLF line ends, Russian headers unique within each table."""
    _, files, datasets = published
    for ds in datasets:
        data = files[f"data/{ds.name}.csv"]
        first = data.decode("utf-8-sig").split("\r\n", 1)[0]
        assert first == ";".join(ds.headers), ds.name
        assert data.endswith(b"\r\n") and data.count(b"\r\n") >= ds.rows + 1, ds.name
        assert len(set(ds.headers)) == len(ds.headers) == len(ds.columns), ds.name
        assert all(h and h[0].isupper() for h in ds.headers), ds.headers
        latin = [h for h in ds.headers if not any("а" <= ch.lower() <= "я" for ch in h)]
        assert not latin, (ds.name, latin)
    schools = next(d for d in datasets if d.name == "schools")
    assert dict(zip([c for c, _ in schools.columns], schools.headers, strict=True))[
        "director.name"] == "Руководитель: фамилия и инициалы"


def test_csv_headers_come_from_descriptions() -> None:
    from shnor_site.outputs.csvfiles import csv_headers, short_label

    assert short_label("Название муниципалитета, например «ЗАТО Северск».") == (
        "Название муниципалитета")
    assert short_label("Орган управления образованием (id организации).") == (
        "Орган управления образованием (id)")
    assert short_label("Что известно об исполнении; не заполнено — «нет сведений».") == (
        "Что известно об исполнении")
    assert csv_headers([("a.b", "Телефон, как в документе."), ("c", "Телефон.")],
                       {"a": "Контакты"}) == ["Контакты: телефон", "Телефон"]
    assert csv_headers([("x", "Дата."), ("y", "Дата.")], {}) == ["Дата", "Дата (y)"]


def test_open_data_is_byte_identical_between_builds(published) -> None:
    cat, files, _ = published
    again, _ = open_data(Schedule(build_graph(cat), dt.date(2030, 1, 1)))
    assert again == files


def test_data_page_lists_every_file_and_the_licence() -> None:
    site = render_site(load_catalogue(SITE_CONTENT), ROOT / "templates",
                       today=dt.date(2030, 1, 1))
    page = site.pages["data/index.md"]
    data_files = sorted(f.removeprefix("data/") for f in site.files if f.startswith("data/"))
    assert all(f"({name})" in page or f'href="{name}"' in page for name in data_files), page
    assert "CC BY 4.0" in page and "1259" in page
    # the Russian CSV header beside its JSON field
    assert "<td>Руководитель: фамилия и инициалы</td><td><code>director.name</code></td>" in page
    assert 'href="../feeds/"' in page  # the feeds page, which links the Atom files


@pytest.mark.parametrize("rows", [[], [{"a": 1, "b": [1, {"c": "д"}]}, {"x": None}],
                                  [{"a": n, "b": "тест, «запятая»\nстрока"} for n in range(1200)]])
def test_streamed_files_equal_whole_ones(rows: list) -> None:
    """Large tables are written a few hundred rows at a time, byte for byte the same."""
    from shnor_site.outputs.csvfiles import csv_chunks, to_csv
    from shnor_site.outputs.opendata import json_chunks, to_json

    assert b"".join(json_chunks(iter(rows))) == to_json(rows)
    assert b"".join(csv_chunks(["a", "b", "x"], iter(rows))) == to_csv(["a", "b", "x"], rows)


def test_event_rows_equal_the_published_model(published) -> None:
    """data/events.json rows are made without a model per event (opendata.event_row); each
    is what the PublishedEvent model, validated, dumps — in the same key order."""
    from shnor_site.outputs.opendata import DateRange, PublishedEvent
    from shnor_site.render.urls import event_url

    cat, files, _ = published
    sched = Schedule(build_graph(cat), dt.date(2030, 1, 1))
    rows = json.loads(files["data/events.json"])
    assert len(rows) == len(sched.all()) > 0
    for plan, row in zip(sched.all(), rows, strict=True):
        t = plan.timing
        model = PublishedEvent(
            **plan.event.model_dump(), programme=plan.placed.programme.id,
            anchor=plan.placed.anchor, page=event_url(sched.graph, plan.placed),
            timing_kind=t.kind, timing_note=t.note, year_from_period=t.year_assumed,
            start=t.start, end=t.end,
            ranges=[DateRange(start=s.start, end=s.end) for s in t.spans],
            plan_status=plan.plan_label, state=plan.state_label)
        expected = model.model_dump(mode="json")
        assert list(row) == list(expected)
        assert row == expected
