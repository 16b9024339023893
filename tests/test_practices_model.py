"""Practices: model, body sections, event references and every mistake located (file:line)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from shnor_site.cli.practice_file import template_text
from shnor_site.content.validate import load_catalogue
from shnor_site.core.models.practice import RiskProfile, choices
from shnor_site.core.practice_schema import SCHEMA_FILE, schema_text
from shnor_site.core.practices import (
    FACETS,
    SECTIONS,
    body_sections,
    resolve_event,
    slugify,
    split_body,
)
from shnor_site.core.problems import CODES
from shnor_site.graph.link import build_graph
from tests.fixtures.practices.assemble import practice_content
from tests.helpers import ROOT

B = "content/practices/testgrad-broken.md"
EXPECTED_BROKEN = {
    ("content/practices/select.md", 2, "practice-reserved-id", "id"),
    ("content/practices/select.md", 7, "practice-review", "status"),
    (B, 4, "practice-summary", "summary"),
    (B, 11, "practice-municipality", "schools[2]"),
    (B, 12, "unknown-ref", "schools[3]"),
    (B, 13, "bad-date", "added"),
    (B, 14, "practice-review", "reviewer"),
    (B, 15, "bad-choice", "status"),
    (B, 19, "practice-event-ambiguous", "source.events[1]"),
    (B, 20, "practice-event-unknown", "source.events[2]"),
    (B, 23, "bad-choice", "risk_profiles[1]"),
    (B, 25, "bad-choice", "evidence"),
    (B, 26, "unknown-field", "colour"),
    (B, 29, "practice-text-outside", ""),
    (B, 35, "practice-section-unknown", ""),
    (B, 39, "practice-section-empty", ""),
    (B, 39, "practice-section-missing", ""),
    (B, 43, "practice-section-duplicate", ""),
    (B, 47, "practice-section-missing", ""),
    ("content/practices/testgrad-yaml.yml", 1, "practice-not-markdown", ""),
    ("content/practices/testgrad-yaml.yml", 9, "practice-event-unknown", "source.events[1]"),
}
CYRILLIC = re.compile(r"[а-яё]", re.I)


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory):
    return load_catalogue(practice_content(tmp_path_factory.mktemp("pb"), broken=True))


def test_broken_practices_report_every_mistake_with_line(broken) -> None:
    got = {(p.path, p.line, p.code, p.field) for p in broken.problems}
    assert got == EXPECTED_BROKEN


def test_practice_messages_are_russian_with_hints(broken) -> None:
    for prob in broken.problems:
        assert prob.code in CODES
        assert CYRILLIC.search(prob.message) and CYRILLIC.search(prob.hint), prob
        assert prob.format().startswith(f"{prob.path}:{prob.line}:")


def test_hints_point_to_the_fix(broken) -> None:
    hints = {(p.line, p.code): p.hint for p in broken.problems if p.path == B}
    assert "«s1-t1-e1»" in hints[(19, "practice-event-ambiguous")]
    assert "«s1-t2-e1»" in hints[(19, "practice-event-ambiguous")]
    assert "«## Что сделали»" in hints[(35, "practice-section-unknown")]
    assert "перед строкой 39" in hints[(39, "practice-section-missing")]


def test_good_practices_pass(tmp_path: Path) -> None:
    cat = load_catalogue(practice_content(tmp_path))
    assert cat.problems == []
    assert sorted(cat.records["practice"]) == ["testgrad-nastavniki", "testgrad-roditelskiy-klub"]


def test_events_resolve_by_number_with_or_without_dot_and_by_anchor(tmp_path: Path) -> None:
    g = build_graph(load_catalogue(practice_content(tmp_path)))
    placed = g.events["testgrad-2024"]
    assert resolve_event(placed, "s1-t2-e1")[0].event.title == "Родительский клуб"
    found, candidates = resolve_event(placed, "1")
    assert found is None and [p.anchor for p in candidates] == ["s1-t1-e1", "s1-t2-e1"]
    assert resolve_event(g.events["testgrad-2023"], "1")[0].anchor == "s1-t1-e1"
    assert resolve_event(g.events["testgrad-2023"], "1.")[0].anchor == "s1-t1-e1"
    assert resolve_event(placed, "7") == (None, [])
    links = g.practices
    assert [p.anchor for p in links.events["testgrad-roditelskiy-klub"]] == ["s1-t2-e1"]
    assert [p.id for p in links.by_school["testgrad-sosh-3"]] == ["testgrad-roditelskiy-klub"]
    matched = links.for_risks(["Низкая учебная мотивация обучающихся",
                               "Низкий уровень вовлеченности родителей"])
    assert [(p.id, m) for p, m in matched] == [
        ("testgrad-roditelskiy-klub", ["Низкий уровень вовлеченности родителей"])]


def test_split_body_ignores_headings_in_code_and_comments() -> None:
    body = ["## Проблема", "```", "## Не раздел", "```", "<!-- подсказка -->", "",
            "## Что  сделали:", "Текст"]
    outside, sections = split_body(body, 10)
    assert outside == []
    assert [(s.canonical, s.line) for s in sections] == [("Проблема", 10), ("Что сделали", 16)]
    assert body_sections("\n".join(body))["Что сделали"] == "Текст"
    assert body_sections("## Результаты\n\n<!-- только подсказка -->\n") == {"Результаты": ""}


def test_risk_slugs_are_stable() -> None:
    assert [slugify(r) for r in choices(RiskProfile)] == [
        "nizkiy-uroven-osnashcheniya-shkoly",
        "defitsit-pedagogicheskikh-kadrov",
        "nedostatochnaya-predmetnaya-i-metodicheskaya-kompetentnost-pedagogicheskikh-rabotnikov",
        "riski-nizkoy-adaptivnosti-uchebnogo-protsessa",
        "nesformirovannost-vnutrishkolnoy-sistemy-povysheniya-kvalifikatsii",
        "nizkoe-kachestvo-preodoleniya-yazykovykh-i-kulturnykh-barerov",
        "ponizhennyy-uroven-kachestva-shkolnoy-obrazovatelnoy-i-vospitatelnoy-sredy",
        "vysokaya-dolya-obuchayushchikhsya-s-riskami-uchebnoy-neuspeshnosti",
        "nizkiy-uroven-vovlechennosti-roditeley",
        "nizkaya-uchebnaya-motivatsiya-obuchayushchikhsya",
    ]
    assert slugify("НОО") == "noo" and slugify("ОРКСЭ и ОДНКНР") == "orkse-i-odnknr"
    for facet in FACETS:
        slugs = [slugify(v) for v in facet.values]
        assert len(set(slugs)) == len(slugs) and all(re.fullmatch(r"[a-z0-9-]+", s)
                                                     for s in slugs), facet.key


def test_published_schema_is_current() -> None:
    text = (ROOT / SCHEMA_FILE).read_text(encoding="utf-8")
    assert text == schema_text(), "regenerate: shnor-site schema --practice -o " + SCHEMA_FILE
    schema = json.loads(text)
    assert schema["$schema"].startswith("http://json-schema.org/draft-07")
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) >= {"id", "title", "summary", "municipality", "added",
                                       "status"}
    assert schema["properties"]["risk_profiles"]["items"]["enum"] == list(choices(RiskProfile))


def test_template_is_current_and_guides_through_check(tmp_path: Path) -> None:
    template = ROOT / "content" / "practices" / "_template.md"
    assert template.read_text(encoding="utf-8") == template_text(), (
        "regenerate: shnor-site new practice --template content/practices/_template.md")
    content = practice_content(tmp_path)
    shutil.copy(template, content / "practices" / "moya-praktika.md")
    probs = load_catalogue(content).problems
    assert {p.path for p in probs} == {"content/practices/moya-praktika.md"}
    codes = [p.code for p in probs]
    assert codes.count("practice-section-empty") == len(SECTIONS)
    assert "practice-source-empty" in codes and all(p.line for p in probs)
