"""Timing parser: every timing of the five documents against a hand-checked table."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shnor_site.content.validate import load_catalogue
from shnor_site.core.placement import place_events
from shnor_site.graph.timing import format_span, outside_period, parse_timing, school_years
from tests.helpers import ROOT, SITE_CONTENT

TABLE = ROOT / "tests" / "data" / "timings.tsv"
D = dt.date


def read_table() -> dict[tuple[str, str], dict[str, str]]:
    """(programme, timing) → expected columns, from tests/data/timings.tsv."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        key = (row["programme"], row["timing"])
        assert key not in rows, f"duplicate row in {TABLE.name}: {key}"
        rows[key] = row
    return rows


@pytest.fixture(scope="module")
def content() -> dict[tuple[str, str], tuple[int, int]]:
    """Every (programme, timing) written in content: events and monitoring items."""
    cat = load_catalogue(SITE_CONTENT)
    found: dict[tuple[str, str], tuple[int, int]] = {}
    for prog in cat.all("programme"):
        timings = [p.event.timing for p in place_events(prog)]
        timings += [m.timing for m in (prog.passport.monitoring if prog.passport else [])]
        for text in filter(None, timings):
            found[(prog.id, text)] = (prog.period.start, prog.period.end)
    return found


def test_every_content_timing_is_in_the_table(content) -> None:
    table = read_table()
    missing = sorted(set(content) - set(table))
    stale = sorted(set(table) - set(content))
    assert not missing, f"add these timings to {TABLE.name} and check them by hand: {missing}"
    assert not stale, f"{TABLE.name} has timings no longer in content: {stale}"
    assert len(content) >= 80  # 177 events + monitoring → 87 distinct timings


def _dates(cell: str) -> list[str]:
    return cell.split(";") if cell else []


def test_every_content_timing_parses_as_the_table_says(content) -> None:
    wrong = []
    for (pid, text), row in read_table().items():
        start, end = content[(pid, text)]
        t = parse_timing(text, start, end)
        got = {
            "kind": t.kind,
            "start": ";".join(s.start.isoformat() if s.start else "" for s in t.spans),
            "end": ";".join(s.end.isoformat() for s in t.spans),
            "years": "-" if not t.spans else ("period" if t.year_assumed else "written"),
            "note": t.note or "",
        }
        want = {k: row[k] for k in got}
        if got != want:
            wrong.append(f"{pid} «{text}»: expected {want}, got {got}")
        assert t.text == text  # the written text is always kept as it is
    assert not wrong, "\n".join(wrong)


def test_no_content_timing_is_left_unrecognised(content) -> None:
    unknown = [key for key, (start, end) in content.items()
               if parse_timing(key[1], start, end).kind == "unknown"]
    assert unknown == []


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Октябрь-ноябрь 2022", D(2022, 10, 1), D(2022, 11, 30)),
    ("Ноябрь 2022 – май 2023", D(2022, 11, 1), D(2023, 5, 31)),
    ("ноябрь – май 2023", D(2022, 11, 1), D(2023, 5, 31)),
    ("Сентябрь", D(2022, 9, 1), D(2022, 9, 30)),
    ("Май", D(2023, 5, 1), D(2023, 5, 31)),
    ("Декабрь - январь", D(2022, 12, 1), D(2023, 1, 31)),
    ("В течение 2024 г.", D(2024, 1, 1), D(2024, 12, 31)),
    ("2020-2021", D(2020, 1, 1), D(2021, 12, 31)),
    ("в течение учебного года", D(2022, 9, 1), D(2023, 8, 31)),
    ("в течение всего срока реализации программы", D(2022, 9, 1), D(2023, 8, 31)),
    ("Февраль 2024 г.", D(2024, 2, 1), D(2024, 2, 29)),
    ("до 25.12.2022", None, D(2022, 12, 25)),
    ("до мая", None, D(2023, 4, 30)),
])
def test_school_year_programme(text: str, start: dt.date | None, end: dt.date) -> None:
    """A 2022–2023 programme: September is 2022, May is 2023."""
    t = parse_timing(text, 2022, 2023)
    assert (t.spans[0].start, t.spans[-1].end) == (start, end), t


def test_several_ranges_and_a_year_for_several_months() -> None:
    t = parse_timing("Май, декабрь 2024 г.", 2024, 2024)
    assert [(s.start, s.end) for s in t.spans] == [(D(2024, 5, 1), D(2024, 5, 31)),
                                                   (D(2024, 12, 1), D(2024, 12, 31))]
    t = parse_timing("Май-июнь 2021 Май-июнь 2022 Май-июнь 2023", 2020, 2021)
    assert [s.start.year for s in t.spans] == [2021, 2022, 2023]
    assert not t.year_assumed


def test_year_less_months_recur_in_each_school_year() -> None:
    t = parse_timing("Февраль, июль", 2021, 2024)
    assert school_years(2021, 2024) == [2021, 2022, 2023]
    assert [s.start for s in t.spans] == [D(2022, 2, 1), D(2022, 7, 1), D(2023, 2, 1),
                                          D(2023, 7, 1), D(2024, 2, 1), D(2024, 7, 1)]
    assert t.year_assumed


def test_one_year_programme_uses_its_year() -> None:
    t = parse_timing("Сентябрь - октябрь", 2024, 2024)
    assert (t.start, t.end) == (D(2024, 9, 1), D(2024, 10, 31)) and t.year_assumed


@pytest.mark.parametrize(("text", "kind"), [
    ("постоянно", "continuous"), ("ежемесячно", "recurring"), ("ежеквартально", "recurring"),
    ("1 раз в полугодие", "recurring"), ("2 раза в год", "recurring"),
    ("По запросу педагогов ОО", "on_request"), ("По запросам", "on_request"),
    ("По отдельному графику", "by_plan"), ("По плану ОУ", "by_plan"),
    ("По плану МБУ «Методический центр»", "by_plan"),
])
def test_classified_without_dates(text: str, kind: str) -> None:
    t = parse_timing(text, 2022, 2023)
    assert (t.kind, t.spans, t.start, t.end) == (kind, (), None, None)


@pytest.mark.parametrize("text", [
    "когда-нибудь", "2021-2020", "Май 2021, июнь", "31 февраля 2023", "до мая",
    "Июнь 2023 – май 2023", "весна", "", "до 31.02.2023", "до 30 февраля 2023",
    "15.13.2023",
])
def test_unparseable_is_unknown_never_guessed(text: str) -> None:
    """«до мая» in a three-year programme: which May is not knowable — not guessed."""
    t = parse_timing(text, 2021, 2024)
    assert t.kind == "unknown" and t.spans == () and t.text == text


def test_qualifiers_are_kept_as_notes() -> None:
    t = parse_timing("В течение 2024 г. (по мере проведения)", 2024, 2024)
    assert (t.kind, t.note) == ("years", "(по мере проведения)")
    t = parse_timing("июнь- август 2020, далее - ежегодное обновление", 2020, 2021)
    assert (t.start, t.end, t.note) == (D(2020, 6, 1), D(2020, 8, 31),
                                        "далее - ежегодное обновление")


def test_dates_outside_the_programme_years_are_flagged() -> None:
    assert outside_period(parse_timing("Октябрь-ноябрь 2021", 2022, 2023), 2022, 2023)
    assert not outside_period(parse_timing("Октябрь-ноябрь 2022", 2022, 2023), 2022, 2023)


@pytest.mark.parametrize(("text", "words"), [
    ("июнь 2020", "июнь 2020"), ("Май-июнь 2021", "май – июнь 2021"),
    ("Сентябрь 2020 - апрель 2021", "сентябрь 2020 – апрель 2021"),
    ("В течение 2024 г.", "2024 год"), ("2020-2021", "2020–2021 годы"),
    ("До 16.06.2020", "до 16.06.2020"),
])
def test_format_span(text: str, words: str) -> None:
    assert format_span(parse_timing(text, 2020, 2021).spans[0]) == words



WORDS = ["май", "Январь", "декабря", "2024", "2023 г.", "-", "–", ",", "до", "в течение",
         "года", "(по плану)", "12.05.2023", "31", "постоянно", "далее", " "]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)),
       st.integers(2000, 2040), st.integers(0, 4))
def test_any_text_parses_or_is_classified_without_error(text: str, start: int, years: int) -> None:
    t = parse_timing(text, start, start + years)
    assert t.text == text and t.label
    assert all(s.start is None or s.start <= s.end for s in t.spans)
    assert (t.kind in ("dates", "years", "period", "deadline")) == bool(t.spans)
