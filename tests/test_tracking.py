"""Execution tracking: status, done date and evidence; plan status against the build date."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from shnor_site.content.validate import load_catalogue
from shnor_site.graph.link import build_graph
from shnor_site.graph.timing import parse_timing
from shnor_site.graph.tracking import Schedule, build_date, execution_state, plan_status
from shnor_site.pages.plan import render_site
from tests.helpers import FIXTURES, ROOT, SITE_CONTENT

D = dt.date
TIMELINE = "programmes/testgrad-2023/timeline.md"


def pages_of(pages: dict[str, str], prefix: str) -> str:
    """Text of every page whose URI starts with prefix (a section and its numbered parts)."""
    return "".join(text for uri, text in sorted(pages.items()) if uri.startswith(prefix))
TRACKED = """              result: Справка
              status: выполнено
              done: 2023-10-20
              evidence:
                - title: Протокол семинара
                  url: https://mc.testgrad.example/protocol-1.pdf
                  kind: протокол
                  date: 2023-10-21
"""


def mini_copy(tmp: Path, replace: str = TRACKED) -> Path:
    """The mini fixture with the first event's `result:` line replaced."""
    content = tmp / "content"
    shutil.copytree(FIXTURES / "mini", content)
    prog = content / "programmes" / "testgrad-2023.yml"
    text = prog.read_text(encoding="utf-8")
    assert "              result: Справка\n" in text
    prog.write_text(text.replace("              result: Справка\n", replace), encoding="utf-8")
    return content


def schedule(content: Path, today: dt.date) -> Schedule:
    cat = load_catalogue(content)
    assert not cat.errors, [p.format() for p in cat.errors]
    return Schedule(build_graph(cat), today)


def test_build_date_comes_from_source_date_epoch() -> None:
    assert build_date({"SOURCE_DATE_EPOCH": "1700000000"}) == D(2023, 11, 14)
    assert build_date({}) == dt.datetime.now(dt.UTC).date()


@pytest.mark.parametrize(("status", "timing", "today", "state"), [
    (None, "Октябрь 2023", D(2024, 1, 1), "overdue"),
    ("запланировано", "Октябрь 2023", D(2024, 1, 1), "overdue"),
    (None, "Октябрь 2023", D(2023, 10, 31), "not_due"),
    ("выполнено", "Октябрь 2023", D(2024, 1, 1), "done"),
    ("перенесено", "Октябрь 2023", D(2024, 1, 1), "postponed"),
    ("отменено", "постоянно", D(2024, 1, 1), "cancelled"),
    (None, "постоянно", D(2024, 1, 1), "undated"),
    (None, "До 16.06.2023", D(2023, 6, 16), "not_due"),
    (None, "До 16.06.2023", D(2023, 6, 17), "overdue"),
])
def test_execution_state(status, timing, today, state) -> None:
    assert execution_state(status, parse_timing(timing, 2023, 2024), today) == state


@pytest.mark.parametrize(("today", "status"), [
    (D(2023, 9, 30), "planned"), (D(2023, 10, 1), "ongoing"), (D(2023, 10, 31), "ongoing"),
    (D(2023, 11, 1), "ended"),
])
def test_plan_status_against_the_build_date(today, status) -> None:
    assert plan_status(parse_timing("Октябрь 2023", 2023, 2024), today) == status


def test_several_ranges_are_planned_between_them() -> None:
    t = parse_timing("Май, декабрь 2024 г.", 2024, 2024)
    assert plan_status(t, D(2024, 8, 1)) == "planned"
    assert plan_status(t, D(2024, 12, 5)) == "ongoing"
    assert plan_status(parse_timing("постоянно", 2024, 2024), D(2024, 1, 1)) is None


def test_events_without_a_report_are_never_done() -> None:
    sched = schedule(SITE_CONTENT, D(2030, 1, 1))
    plans = sched.all()
    assert len(plans) == 177
    summary = sched.summary(plans)
    counts = {key: n for key, _, n in summary.counts}
    assert "done" not in counts and summary.reported == 0
    assert sum(counts.values()) == 177
    assert all(p.reported == "нет сведений" for p in plans)
    pages = render_site(load_catalogue(SITE_CONTENT), ROOT / "templates",
                        today=D(2030, 1, 1)).pages
    page = pages_of(pages, "programmes/seversk-2022/roadmap")
    assert page.count('shnor-state--none">нет сведений<') == 23
    assert "shnor-state--done" not in page


def test_reported_status_and_evidence_are_shown(tmp_path: Path) -> None:
    site = render_site(load_catalogue(mini_copy(tmp_path)), ROOT / "templates",
                       today=D(2024, 1, 10))
    page = pages_of(site.pages, "programmes/testgrad-2023/roadmap") + site.pages[TIMELINE]
    assert 'shnor-state--done">выполнено</span>, 20.10.2023' in page
    assert "<strong>1</strong> выполнено" in page
    assert page.count('href="https://mc.testgrad.example/protocol-1.pdf"') == 2  # card, list
    assert "Сведения об исполнении указаны для 1 из 2" in page
    school = site.pages["schools/testgrad-sosh-2.md"]
    assert "выполнено — 1" in school and "protocol-1.pdf" in school


def test_summary_per_school_counts_only_its_events(tmp_path: Path) -> None:
    sched = schedule(mini_copy(tmp_path), D(2024, 1, 10))
    # The target school: the event naming it and the one that lists no school; the
    # curator school is named in none (graph/link.py TARGET_ROLE).
    assert [p.event.number for p in sched.for_school("testgrad-sosh-2")] == ["1.", None]
    assert sched.for_school("testgrad-sosh-1") == []
    summary = sched.summary(sched.for_school("testgrad-sosh-2"))
    assert [(k, n) for k, _, n in summary.counts] == [("done", 1), ("undated", 1)]
    assert summary.evidence[0][1].kind == "протокол"


@pytest.mark.parametrize(("replace", "code", "field"), [
    ("              result: Справка\n              status: сделано\n", "bad-choice", "status"),
    (TRACKED.replace("https://mc", "mc"), "bad-url", "url"),
    (TRACKED.replace("протокол\n", "справка\n"), "bad-choice", "kind"),
    (TRACKED.replace("2023-10-20", "20.10.2023"), "bad-date", "done"),
])
def test_bad_tracking_fields_are_reported(tmp_path: Path, replace, code, field) -> None:
    cat = load_catalogue(mini_copy(tmp_path, replace))
    found = [(p.code, p.field.rsplit(".", 1)[-1]) for p in cat.errors]
    assert (code, field) in found, [p.format() for p in cat.errors]


def test_upcoming_on_the_home_page(tmp_path: Path) -> None:
    content = mini_copy(tmp_path, "              result: Справка\n")
    sched = schedule(content, D(2023, 9, 15))
    assert [o.plan.event.number for o in sched.upcoming()] == ["1."]
    assert sched.upcoming()[0].status_label == "запланировано"
    home = render_site(load_catalogue(content), ROOT / "templates",
                       today=D(2023, 9, 15)).pages["index.md"]
    assert "## Ближайшие мероприятия" in home
    assert "(programmes/testgrad-2023/roadmap.md#s1-t1-e1)" in home
    late = render_site(load_catalogue(content), ROOT / "templates",
                       today=D(2026, 1, 1)).pages["index.md"]
    assert "мероприятий с будущими сроками нет" in late


def test_today_comes_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1696118400")  # 2023-10-01
    first = render_site(load_catalogue(FIXTURES / "mini"), ROOT / "templates")
    second = render_site(load_catalogue(FIXTURES / "mini"), ROOT / "templates")
    assert first.pages == second.pages and first.files == second.files
    assert "на <strong>01.10.2023</strong>" in first.pages[TIMELINE]
    assert 'shnor-status--ongoing">идёт<' in first.pages[TIMELINE]
