"""iCalendar files: parsed back with `icalendar`, all-day spans, stable UIDs, reproducible."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from shnor_site.content.validate import load_catalogue
from shnor_site.graph.link import build_graph
from shnor_site.graph.tracking import Schedule
from shnor_site.outputs.files import calendar_files
from shnor_site.pages.plan import render_site
from tests.helpers import FIXTURES, ROOT, SITE_CONTENT

D = dt.date


@pytest.fixture(scope="module")
def real() -> Schedule:
    return Schedule(build_graph(load_catalogue(SITE_CONTENT)), D(2030, 1, 1))


def vevents(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0" and "PRODID" in cal
    return list(cal.walk("VEVENT"))


def test_each_programme_calendar_has_one_vevent_per_dated_range(real: Schedule) -> None:
    files = calendar_files(real)
    uids: set[str] = set()
    for pid, plans in real.by_programme.items():
        events = vevents(files[f"programmes/{pid}/{pid}.ics"])
        assert len(events) == sum(len(p.timing.spans) for p in plans)
        for ev in events:
            start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
            assert type(start) is dt.date and type(end) is dt.date  # all-day
            assert end > start
            uids.add(str(ev["UID"]))
    assert len(uids) == sum(len(p.timing.spans) for p in real.all())  # unique site-wide


def test_undated_events_are_not_in_the_calendar(real: Schedule) -> None:
    events = vevents(calendar_files(real)["programmes/seversk-2022/seversk-2022.ics"])
    summaries = " ".join(str(e["SUMMARY"]) for e in events)
    undated = [p for p in real.by_programme["seversk-2022"] if not p.timing.spans]
    assert len(undated) == 3 and len(events) == 20
    assert all(f"{p.placed.anchor}." not in " ".join(str(e["UID"]) for e in events)
               for p in undated)
    assert "«" in summaries  # titles in plain text, quotes kept


def test_several_ranges_become_several_vevents(real: Schedule) -> None:
    plan = next(p for p in real.by_programme["kargasok-2020"]
                if p.event.timing == "Май-июнь 2021 Май-июнь 2022 Май-июнь 2023")
    events = [e for e in vevents(calendar_files(real)["programmes/kargasok-2020/kargasok-2020.ics"])
              if str(e["UID"]).startswith(f"kargasok-2020.{plan.placed.anchor}.")]
    assert [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in events] == [
        (D(2021, 5, 1), D(2021, 7, 1)), (D(2022, 5, 1), D(2022, 7, 1)),
        (D(2023, 5, 1), D(2023, 7, 1))]


def test_deadline_is_one_day_and_says_so(real: Schedule) -> None:
    events = vevents(calendar_files(real)["programmes/kargasok-2020/kargasok-2020.ics"])
    deadline = [e for e in events if str(e["SUMMARY"]).startswith("Срок: ")]
    assert deadline and all(e.decoded("DTEND") - e.decoded("DTSTART") == dt.timedelta(days=1)
                            for e in deadline)
    assert any(e.decoded("DTSTART") == D(2020, 6, 16) for e in deadline)


def test_school_calendar_holds_the_events_that_apply_to_the_school(real: Schedule) -> None:
    files = calendar_files(real)
    for school in ("tula-co-48", "seversk-soh-84", "tula-co-42"):
        events = vevents(files[f"schools/{school}/{school}.ics"])
        assert len(events) == sum(len(p.timing.spans) for p in real.for_school(school))
    # Северск's plan names СОШ № 84 in no event, yet all its dated events are the school's.
    assert len(vevents(files["schools/seversk-soh-84/seversk-soh-84.ics"])) >= 15


def test_dtstamp_is_reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    cat = load_catalogue(FIXTURES / "mini")
    first = render_site(cat, ROOT / "templates", today=D(2023, 1, 1)).files
    later = render_site(cat, ROOT / "templates", today=D(2026, 1, 1)).files
    key = "programmes/testgrad-2023/testgrad-2023.ics"
    assert first[key] == later[key]  # the clock does not leak into the file
    (event,) = vevents(first[key])
    assert event.decoded("DTSTAMP") == dt.datetime(2023, 9, 1, tzinfo=dt.UTC)  # approval date
    assert str(event["UID"]) == "testgrad-2023.s1-t1-e1.1@shnor-site"
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (D(2023, 10, 1), D(2023, 11, 1))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    pinned = render_site(cat, ROOT / "templates").files[key]
    assert vevents(pinned)[0].decoded("DTSTAMP") == dt.datetime.fromtimestamp(1700000000, dt.UTC)


def test_subscribe_links_are_relative_and_point_to_the_files() -> None:
    site = render_site(load_catalogue(FIXTURES / "mini"), ROOT / "templates",
                       today=D(2026, 1, 1))
    assert '<a href="../testgrad-2023.ics" type="text/calendar">Подписаться на календарь</a>' \
        in site.pages["programmes/testgrad-2023/timeline.md"]
    assert 'href="testgrad-sosh-2.ics"' in site.pages["schools/testgrad-sosh-2.md"]
    assert "schools/testgrad-sosh-2/testgrad-sosh-2.ics" in site.files


def test_lines_are_folded_and_text_escaped(real: Schedule) -> None:
    """RFC 5545: CRLF, lines of at most 75 octets cut between characters, TEXT escaped."""
    from shnor_site.outputs.ics import escape_text, fold

    data = calendar_files(real)["programmes/tula-2024/tula-2024.ics"]
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # no character is split by a fold
    assert any(line.startswith(b" ") for line in lines)
    assert escape_text("а,б;в\\г\nд") == "а\\,б\\;в\\\\г\\nд"
    long = "DESCRIPTION:" + "ж" * 100
    assert fold(long).replace("\r\n ", "") == long


@pytest.mark.parametrize("text", ["строка\rвторая", "строка\r\nвторая", "строка\nвторая"])
def test_every_line_break_is_escaped_as_icalendar_does(text: str) -> None:
    """A bare CR (a file saved on an old Mac, a pasted cell) must not break a content line."""
    from shnor_site.outputs.ics import escape_text

    assert escape_text(text) == "строка\\nвторая"
    event = icalendar.Event()
    event.add("description", text.replace("\r\n", "\n").replace("\r", "\n"))
    assert event.to_ical().split(b"DESCRIPTION:")[1].split(b"\r\n")[0].decode() == \
        escape_text(text)
