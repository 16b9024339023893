"""The «Предложить практику» issue form becomes a practice file that passes the check, or
Russian errors — also when every field holds hostile text.

The body is written as GitHub writes a submitted form (`### <label>` and the answer), from
the labels of the real form file, so the test follows the form.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from shnor_site.cli.main import main
from shnor_site.content.validate import load_catalogue
from tests.helpers import ROOT, SITE_CONTENT

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "practice.yml"
GOOD = {
    "title": "Методические десанты в малокомплектные школы",
    "summary": "Методисты выезжают в школы и проводят открытые уроки с разбором.",
    "municipality": "Каргасокский район",
    "schools": "МКОУ «Павловская ООШ»\nМБОУ «Неизвестная СОШ»",
    "authors": "Иванова А.А., методист",
    "source": "Дорожная карта Каргасокского района на 2020–2021 год, п. 17",
    "risk_profiles": "Низкая учебная мотивация обучающихся, Дефицит педагогических кадров",
    "themes": "методическое сопровождение",
    "levels": "ООО",
    "subjects": "",
    "audiences": "педагоги",
    "formats": "выездная методическая помощь",
    "status": "описана",
    "problem": "Учителям малокомплектных школ не хватает методической помощи.",
    "done": "Методисты выезжали в школы раз в четверть.",
    "results": "Измерений не было.",
    "outcomes": "Доля уроков с разбором, %; 0; 40; журнал методиста",
    "cost": "нет данных",
    "evidence": "описание без измерений",
    "howto": "Составить график выездов.",
    "materials": "",
    "consent": "- [X] Описание можно опубликовать на сайте; в нём нет персональных данных "
               "обучающихся.",
}
HOSTILE = [
    '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "---\nid: evil\n---",
    "## Что сделали\nподмена раздела", "${{ secrets.GITHUB_TOKEN }}", "$(rm -rf /)",
    "`touch /tmp/pwned`", "key: value\n- list", "[x](javascript:alert(1))",
    "\x00\x1b[31mкрасный\u202eперевёрнутый", "&a [*a]", "{{ 7*7 }}", "' OR 1=1 --",
]


def body(answers: dict[str, str]) -> str:
    """An issue body as GitHub writes a submitted form."""
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    parts = []
    for el in form["body"]:
        if el.get("type") == "markdown" or "id" not in el:
            continue
        value = answers.get(el["id"], "")
        parts.append(f"### {el['attributes']['label']}\n\n{value or '_No response_'}\n")
    return "\n".join(parts)


def run(tmp_path: Path, answers: dict[str, str]) -> tuple[int, str, Path]:
    content = tmp_path / "content"
    if not content.exists():
        shutil.copytree(SITE_CONTENT, content)
    issue = tmp_path / "issue.md"
    issue.write_text(body(answers), encoding="utf-8")
    out = tmp_path / "github-output"
    result = CliRunner().invoke(main, ["new", "practice-from-issue", str(issue), "--content",
                                       str(content), "--form", str(FORM), "--github-output",
                                       str(out)])
    return result.exit_code, result.output, out


def test_a_filled_form_becomes_a_valid_practice(tmp_path: Path) -> None:
    code, text, out = run(tmp_path, GOOD)
    assert code == 0, text
    assert "Файл практики готов" in text and "Неизвестная СОШ" in text  # the note on it
    output = dict(line.split("=", 1) for line in out.read_text("utf-8").splitlines())
    assert output["id"].startswith("kargasok-metodicheskie-desanty")
    cat = load_catalogue(tmp_path / "content")
    assert cat.errors == []
    practice = cat.get("practice", output["id"])
    assert practice.schools == ["kargasok-pavlovskaya-oosh"]
    assert practice.evidence == "описание без измерений" and practice.cost is None
    assert len(practice.outcomes) == 1 and practice.outcomes[0].after == "40"
    assert practice.risk_profiles == ["Низкая учебная мотивация обучающихся",
                                      "Дефицит педагогических кадров"]


def test_the_id_is_unique(tmp_path: Path) -> None:
    first = run(tmp_path, GOOD)
    second = run(tmp_path, GOOD)
    assert first[0] == second[0] == 0
    ids = [ln[3:] for ln in second[2].read_text("utf-8").splitlines() if ln.startswith("id=")]
    assert len(ids) == 2 and ids[0] != ids[1] and ids[1] == ids[0] + "-2"


@pytest.mark.parametrize(("change", "words"), [
    ({"consent": "- [ ] Описание можно опубликовать"}, "согласия на публикацию"),
    ({"themes": "астрология"}, "нет в списке"),
    ({"municipality": "Другой (укажите в поле «Школы»)"}, "муниципалитета на сайте пока нет"),
    ({"problem": ""}, "Не заполнено"),
    ({"outcomes": "только показатель"}, "четыре части"),
])
def test_a_wrong_form_gets_russian_errors_and_no_file(tmp_path: Path, change: dict,
                                                      words: str) -> None:
    code, text, out = run(tmp_path, {**GOOD, **change})
    assert code == 1 and words in text and "Исправьте форму" in text
    assert not out.exists()
    assert load_catalogue(tmp_path / "content").errors == []  # nothing half-written


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_text_in_every_field_gives_a_valid_file_or_russian_errors(
        tmp_path: Path, payload: str) -> None:
    answers = {k: (v if k in ("municipality", "consent", "status", "cost", "evidence")
                   else f"{v} {payload}") for k, v in GOOD.items()}
    code, text, _out = run(tmp_path, answers)
    errors = load_catalogue(tmp_path / "content").errors
    if code == 0:
        assert errors == [], [e.format() for e in errors]
        written = list((tmp_path / "content" / "practices").glob("kargasok-metodicheskie*.md"))
        assert len(written) == 1
        front = written[0].read_text("utf-8").split("\n---\n", 1)[0]
        assert "\nid: evil" not in front
    else:
        assert "Исправьте форму" in text and errors == []
    assert not Path("/tmp/pwned").exists()
