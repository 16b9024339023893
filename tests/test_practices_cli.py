"""`shnor-site new practice`, `check --format github` and `schema --practice`."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from shnor_site.cli.main import main
from shnor_site.cli.practice_file import template_text
from shnor_site.content.validate import load_catalogue
from shnor_site.core.practice_schema import schema_text
from tests.fixtures.practices.assemble import practice_content

FLAGS = ["--id", "testgrad-klub", "--title", "Клуб: родители и учителя",
         "--municipality", "testgrad", "--summary", "Родители и учителя встречаются раз в месяц.",
         "--school", "testgrad-sosh-3", "--programme", "testgrad-2024", "--event", "s1-t2-e1",
         "--event", "2.", "--risk", "9",
         "--risk", "nizkaya-uchebnaya-motivatsiya-obuchayushchikhsya",
         "--theme", "работа с родителями", "--level", "НОО", "--audience", "roditeli",
         "--problem", "Родители не приходят в школу.", "--done", "Открыли клуб.",
         "--howto", "Назначьте ведущего.", "--added", "2024-05-01"]


def _invoke(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_new_practice_from_flags_writes_a_file_that_passes_check(tmp_path: Path) -> None:
    content = practice_content(tmp_path)
    flags = list(FLAGS)
    result = _invoke("new", "practice", "--content", str(content), *flags)
    assert result.exit_code == 1  # "2." is ambiguous in testgrad-2024: written, then reported
    assert "practice-event-ambiguous" in result.output
    flags[flags.index("2.")] = "s1-t1-e2"
    result = _invoke("new", "practice", "--content", str(content), "--force", *flags)
    assert result.exit_code == 0, result.output
    text = (content / "practices" / "testgrad-klub.md").read_text(encoding="utf-8")
    assert text.startswith("---\n# yaml-language-server: $schema=")
    assert 'title: "Клуб: родители и учителя"' in text and '- "s1-t2-e1"' not in text
    cat = load_catalogue(content)
    assert cat.problems == []
    rec = cat.get("practice", "testgrad-klub")
    assert rec.risk_profiles == ["Низкий уровень вовлеченности родителей",
                                 "Низкая учебная мотивация обучающихся"]
    assert rec.source.events == ["s1-t2-e1", "s1-t1-e2"] and rec.audiences == ["родители"]
    assert str(rec.added) == "2024-05-01" and rec.status == "описана"


def test_new_practice_asks_every_field_and_explains_wrong_answers(tmp_path: Path) -> None:
    """Without flags it asks everything the bank shows; empty or wrong answers are
    explained in Russian and asked again; the file passes the check."""
    content = practice_content(tmp_path)
    dialogue = [
        "", "5", "2",                # municipality: empty, no such number, Тестоград
        "", "Встречи с родителями",  # title: empty, then given
        "Один абзац.",               # summary
        "1", "99", "1",              # source: programme 1; event 99 is not in it; event 1
        "", "9, 10",                 # risk profiles: required, then two
        "3", "", "", "3", "",        # themes, levels, subjects, audiences, formats
        "№ 9", "СОШ № 2", "1", "",   # schools: none found; found and chosen; done
        "Иванова А.А.; Петров Б.Б.",  # authors
        "",                          # status: описана (default)
        "Родители не приходят.", "Открыли клуб.", "", "Назначьте ведущего.", "",
        "",                          # cost: нет данных (default)
        "",                          # id: the suggested one
    ]
    result = _invoke("new", "practice", "--content", str(content),
                     stdin="\n".join(dialogue) + "\n")
    assert result.exit_code == 0, result.output
    out = result.output
    for explained in ("Выберите хотя бы один вариант", "нет такого номера", "Ответ нужен",
                      "Нет в плане программы: 99", "нет школы"):
        assert explained in out, explained
    cat = load_catalogue(content)
    assert cat.problems == []
    rec = cat.get("practice", "testgrad-vstrechi-s-roditelyami")
    assert rec.source.programme == "testgrad-2023" and rec.source.events == ["1"]
    assert rec.risk_profiles == ["Низкий уровень вовлеченности родителей",
                                 "Низкая учебная мотивация обучающихся"]
    assert rec.schools == ["testgrad-sosh-2"] and rec.themes == ["работа с родителями"]
    assert rec.evidence == "описание без измерений" and rec.cost is None
    assert rec.authors == ["Иванова А.А.", "Петров Б.Б."]


def test_flags_left_out_are_named_in_russian(tmp_path: Path) -> None:
    content = practice_content(tmp_path)
    result = _invoke("new", "practice", "--content", str(content), "--id", "x-y")
    assert result.exit_code == 2 and "Не указаны: --title" in result.output


def test_every_command_speaks_russian() -> None:
    """click's own words (usage, options, help, defaults) are translated everywhere."""
    english = re.compile(r"Usage:|Options:|Commands:|Show this message|\[default:|"
                         r"\b(TEXT|FILE|DIRECTORY|PATH|INTEGER|OPTIONS|COMMAND)\b|%Y")

    def walk(cmd, path):
        yield path
        for name, sub in getattr(cmd, "commands", {}).items():
            yield from walk(sub, [*path, name])

    for path in walk(main, []):
        result = _invoke(*path, "--help")
        assert result.exit_code == 0 and not english.search(result.output), (path, result.output)
    wrong = _invoke("check", "--format", "xml")
    assert wrong.exit_code == 2 and "Ошибка: Неверное значение" in wrong.output


def test_new_practice_refuses_bad_input_with_exit_2(tmp_path: Path) -> None:
    content = practice_content(tmp_path)
    base = ["new", "practice", "--content", str(content), "--title", "Т", "--summary", "С",
            "--problem", "П", "--done", "Д", "--howto", "К"]
    cases = {
        "unknown municipality": ["--id", "x-1", "--municipality", "nowhere"],
        "existing file": ["--id", "testgrad-nastavniki", "--municipality", "testgrad"],
        "reserved id": ["--id", "select", "--municipality", "testgrad"],
        "bad id": ["--id", "Моя практика", "--municipality", "testgrad"],
        "unknown risk": ["--id", "x-2", "--municipality", "testgrad", "--risk", "99"],
        "events without programme": ["--id", "x-3", "--municipality", "testgrad",
                                     "--event", "1"],
    }
    for name, args in cases.items():
        result = _invoke(*base, *args)
        assert result.exit_code == 2, (name, result.output)
    assert sorted(p.name for p in (content / "practices").iterdir()) == [
        "testgrad-nastavniki.md", "testgrad-roditelskiy-klub.md"]


def test_values_and_template_flags(tmp_path: Path) -> None:
    result = _invoke("new", "practice", "--values")
    assert result.exit_code == 0
    assert "10. Низкая учебная мотивация обучающихся" in result.output
    out = tmp_path / "_template.md"
    assert _invoke("new", "practice", "--template", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == template_text()


ANNOTATION = re.compile(
    r"^::(error|warning) file=([^,]+),line=(\d+),title=([^,:]+) \[([a-z-]+)\]::(.+)$")


def test_check_github_format_annotates_every_problem(tmp_path: Path) -> None:
    content = practice_content(tmp_path, broken=True)
    result = CliRunner().invoke(main, ["check", "--content", str(content), "--format",
                                       "github"])
    assert result.exit_code == 1
    probs = load_catalogue(content).problems
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("::")]
    assert len(lines) == len(probs)
    parsed = [ANNOTATION.match(ln) for ln in lines]
    assert all(parsed), [ln for ln, m in zip(lines, parsed, strict=True) if not m]
    assert {(m[2], int(m[3]), m[5]) for m in parsed} == {(p.path, p.line, p.code)
                                                          for p in probs}
    assert all(re.search("[а-яё]", m[4]) for m in parsed)  # Russian titles
    reserved = next(m for m in parsed if m[5] == "practice-reserved-id")
    assert "%0AКак исправить: " in reserved[6] and "\n" not in reserved[6]


def test_check_gitlab_format_is_a_code_quality_report(tmp_path: Path) -> None:
    content = practice_content(tmp_path, broken=True)
    result = CliRunner().invoke(main, ["check", "--content", str(content), "--format",
                                       "gitlab"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    probs = load_catalogue(content).problems
    assert len(report) == len(probs)
    assert {(i["location"]["path"], i["location"]["lines"]["begin"], i["check_name"])
            for i in report} == {(p.path, p.line or 1, p.code) for p in probs}
    assert len({i["fingerprint"] for i in report}) == len(report)
    assert {i["severity"] for i in report} <= {"major", "minor"}
    assert all(re.search("[а-яё]", i["description"]) for i in report)


def test_schema_practice_option_prints_the_published_schema() -> None:
    result = _invoke("schema", "--practice")
    assert result.exit_code == 0 and result.output == schema_text()


def test_unmeasured_results_need_the_matching_evidence_level(tmp_path: Path) -> None:
    """Text that says nothing was measured, evidence left empty: a coded warning; the CLI
    itself writes «описание без измерений» for its default results text."""
    content = practice_content(tmp_path)
    result = _invoke("new", "practice", "--content", str(content), "--force",
                     *_flags_without_ambiguity())
    assert result.exit_code == 0, result.output
    path = content / "practices" / "testgrad-klub.md"
    assert "evidence: описание без измерений" in path.read_text(encoding="utf-8")
    assert load_catalogue(content).problems == []
    path.write_text(path.read_text(encoding="utf-8").replace(
        "evidence: описание без измерений", "evidence:"), encoding="utf-8")
    codes = [p.code for p in load_catalogue(content).problems]
    assert codes == ["practice-evidence-unmeasured"]


def _flags_without_ambiguity() -> list[str]:
    flags = list(FLAGS)
    flags[flags.index("2.")] = "s1-t1-e2"
    return flags


def test_a_name_written_for_an_id_gets_the_id_suggested(tmp_path: Path) -> None:
    content = practice_content(tmp_path)
    path = content / "practices" / "testgrad-roditelskiy-klub.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "municipality: testgrad", "municipality: Тестоград"), encoding="utf-8")
    unknown = next(p for p in load_catalogue(content).problems if p.code == "unknown-ref")
    assert "«testgrad»" in unknown.hint and "Тестоград" in unknown.hint
