"""Contributing by pull request: workflows, GitLab CI, issue form, PR template, VS Code."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from shnor_site.cli.main import main
from shnor_site.content.validate import load_catalogue
from shnor_site.core.markup import ALLOWED_TAGS
from shnor_site.core.models.practice import Cost, Evidence
from shnor_site.core.practices import FACET_BY_KEY
from shnor_site.core.problems import CODES
from tests.fixtures.practices.assemble import practice_content
from tests.helpers import ROOT, SITE_CONTENT

WORKFLOWS = ROOT / ".github" / "workflows"


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _runs(doc: dict) -> list[str]:
    """Every shell line a GitHub workflow or GitLab pipeline runs, in order."""
    lines: list[str] = []
    for job in (doc.get("jobs") or {}).values():
        for step in job.get("steps", []):
            lines += step.get("run", "").splitlines()
    for name, job in doc.items():
        if isinstance(job, dict) and "script" in job and name != "variables":
            lines += job["script"]
    return [ln.strip() for ln in lines if ln.strip()]


def _ci_commands() -> set[str]:
    """Commands of .ci/run and the README scripts it and CI rely on."""
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test.sh" in text
    return {"bash scripts/build.sh", "bash .ci/run"}


def test_content_is_checked_on_every_pull_request_and_code_tests_on_code() -> None:
    doc = _yaml(WORKFLOWS / "check.yml")
    triggers = doc.get("on") or doc.get(True)
    assert "pull_request" in triggers and not triggers["pull_request"]
    runs = _runs(doc)
    assert ".venv/bin/shnor-site check --format github" in runs
    assert "bash scripts/build.sh" in runs
    tests = _yaml(WORKFLOWS / "tests.yml")
    assert _ci_commands() <= set(runs) | set(_runs(tests))
    assert (tests.get("on") or tests.get(True))["pull_request"]["paths"]
    assert tests["jobs"]["tests"]["container"].startswith("python:3.11-bookworm")


def test_pages_workflow_deploys_the_same_build_from_main() -> None:
    doc = _yaml(WORKFLOWS / "pages.yml")
    triggers = doc.get("on") or doc.get(True)
    assert triggers["push"]["branches"] == ["main"]
    assert "bash scripts/build.sh" in _runs(doc)
    steps = doc["jobs"]["build"]["steps"]
    upload = next(s for s in steps if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"
    assert any("deploy-pages" in s.get("uses", "") for s in doc["jobs"]["deploy"]["steps"])
    assert doc["permissions"]["pages"] == "write"


def test_gitlab_ci_checks_tests_and_publishes_pages() -> None:
    doc = _yaml(ROOT / ".gitlab-ci.yml")
    runs = _runs(doc)
    assert any(r.startswith(".venv/bin/shnor-site check --format gitlab") for r in runs)
    assert _ci_commands() <= set(runs)
    assert doc["check"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert doc["pages"]["artifacts"]["paths"] == ["public"]
    assert "mv site public" in doc["pages"]["script"]


@pytest.mark.parametrize("path", [WORKFLOWS / "check.yml", WORKFLOWS / "pages.yml",
                                  WORKFLOWS / "tests.yml", ROOT / ".gitlab-ci.yml"])
def test_every_command_in_ci_exists(path: Path) -> None:
    for line in _runs(_yaml(path)):
        words = shlex.split(line)
        if words[0] == "bash":
            assert (ROOT / words[1]).is_file(), line
        if words[0].endswith("shnor-site"):
            main.make_context("shnor-site", words[1:])  # raises on an unknown option


def test_issue_form_mirrors_the_practice_record() -> None:
    form = _yaml(ROOT / ".github" / "ISSUE_TEMPLATE" / "practice.yml")
    assert form["name"] == "Предложить практику" and form["description"]
    fields = {el["id"]: el for el in form["body"] if "id" in el}
    assert len(fields) == len([el for el in form["body"] if "id" in el])
    for el in form["body"]:
        assert el["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    for key in ("risk", "theme", "level", "subject", "audience", "format", "status"):
        facet = FACET_BY_KEY[key]
        assert fields[facet.field]["attributes"]["options"] == list(facet.values), key
    assert fields["cost"]["attributes"]["options"][1:] == list(Cost.__args__)
    assert fields["evidence"]["attributes"]["options"][1:] == list(Evidence.__args__)
    names = [m.name for m in load_catalogue(SITE_CONTENT).all("municipality")]
    assert sorted(fields["municipality"]["attributes"]["options"][:-1]) == sorted(names)
    for section in ("problem", "done", "results", "howto", "materials", "title", "summary",
                    "source", "outcomes"):
        assert section in fields, section


def test_pull_request_template_points_to_the_check() -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "content/practices/" in text and "CONTRIBUTING.md" in text


def test_vscode_uses_the_published_schema_and_the_check_task(tmp_path: Path) -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schema, globs = next(iter(settings["yaml.schemas"].items()))
    assert (ROOT / schema).is_file() and "content/practices/*.md" in globs
    # The blank template that contributors copy (content files themselves are content).
    for practice in [ROOT / "content" / "practices" / "_template.md"]:
        first = practice.read_text(encoding="utf-8").splitlines()[1]
        target = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert target and (practice.parent / target[1]).resolve() == (ROOT / schema).resolve()
    task = json.loads((ROOT / ".vscode" / "tasks.json").read_text(encoding="utf-8"))["tasks"][0]
    pattern = re.compile(task["problemMatcher"]["pattern"]["regexp"])
    content = practice_content(tmp_path, broken=True)
    out = CliRunner().invoke(main, ["check", "--content", str(content)])
    matched = [pattern.match(ln) for ln in out.stderr.splitlines() if not ln.startswith(" ")]
    located = [p for p in load_catalogue(content).problems if p.line]
    assert len([m for m in matched if m]) == len(located)


def test_contributing_guide_covers_codes_tags_and_files() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for code in CODES:
        if code.startswith("practice-"):
            assert f"`{code}`" in text, code
    for tag in ALLOWED_TAGS:
        assert f"`{tag}`" in text, tag
    for path in re.findall(r"\]\(((?:content|docs)/[^)#]+)\)", text):
        assert (ROOT / path).exists(), path
    for command in ("shnor-site new practice", "shnor-site check", "--format github"):
        assert command in text
