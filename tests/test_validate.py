"""Validation reports every problem, coded and located; valid content passes."""

from __future__ import annotations

from shnor_site.content.validate import load_catalogue
from shnor_site.core.problems import CODES
from tests.helpers import FIXTURES, SITE_CONTENT

EXPECTED_BROKEN = {
    ("broken/municipalities/alpha.yml", 5, "unknown-field", "webiste"),
    ("broken/organisations/alpha-uo.yml", 3, "bad-choice", "kind"),
    ("broken/programmes/alpha-2023.yml", 3, "bad-choice", "kind"),
    ("broken/programmes/alpha-2023.yml", 7, "bad-number", "period.end"),
    ("broken/programmes/alpha-2023.yml", 9, "bad-date", "approval.date"),
    ("broken/programmes/alpha-2023.yml", 15, "missing-field",
     "roadmap.sections[1].events[1].title"),
    ("broken/programmes/alpha-2023.yml", 17, "unknown-ref",
     "roadmap.sections[1].events[1].responsible_refs[2]"),
    ("broken/programmes/alpha-2023.yml", 19, "wrong-ref-kind",
     "roadmap.sections[1].events[2].schools[1]"),
    ("broken/programmes/alpha-2023.yml", 21, "missing-source", "source.file"),
    ("broken/schools/Alpha_School.yml", 1, "bad-id", "id"),
    ("broken/schools/alpha-bad.yml", 2, "file-encoding", ""),
    ("broken/schools/alpha-empty.yml", None, "file-empty", ""),
    ("broken/schools/alpha-sosh-1.yml", 1, "missing-field", "short_name"),
    ("broken/schools/alpha-sosh-1.yml", 3, "unknown-ref", "municipality"),
    ("broken/schools/alpha-sosh-1.yml", 4, "bad-url", "website"),
    ("broken/schools/alpha-syntax.yml", 2, "yaml-syntax", ""),
    ("broken/schools/alpha-uo.yml", 1, "duplicate-id", "id"),
}


def test_broken_fixture_reports_every_problem() -> None:
    cat = load_catalogue(FIXTURES / "broken")
    got = {(p.path, p.line, p.code, p.field) for p in cat.problems}
    assert got == EXPECTED_BROKEN


def test_every_problem_has_russian_message_hint_and_known_code() -> None:
    for prob in load_catalogue(FIXTURES / "broken").problems:
        assert prob.code in CODES
        assert any("а" <= ch <= "я" for ch in prob.message.lower())
        assert prob.hint
        assert prob.format().startswith(prob.path)


def test_did_you_mean_hints() -> None:
    by_field = {p.field: p for p in load_catalogue(FIXTURES / "broken").problems}
    assert "«website»" in by_field["webiste"].hint
    kind = next(p for p in load_catalogue(FIXTURES / "broken").problems
                if p.path.endswith("alpha-2023.yml") and p.field == "kind")
    assert "«программа»" in kind.hint


def test_mini_fixture_is_valid() -> None:
    cat = load_catalogue(FIXTURES / "mini")
    assert cat.problems == []
    assert {k: len(v) for k, v in cat.records.items()} == {
        "municipality": 1, "organisation": 2, "school": 2, "programme": 1}


def test_bundled_content_is_valid() -> None:
    cat = load_catalogue(SITE_CONTENT)
    assert [p.format() for p in cat.errors] == []
    assert len(cat.all("programme")) == 5
    assert len(cat.all("school")) == 21
