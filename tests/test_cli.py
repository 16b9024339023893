"""CLI: exit codes, messages with file:line, schema, export, build."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from shnor_site.cli.main import main
from tests.helpers import FIXTURES, make_project


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_check_valid_content_exits_0_with_counts() -> None:
    code, out = _run("check", "--content", str(FIXTURES / "mini"))
    assert code == 0
    assert "programme: 1" in out and "school: 2" in out


def test_check_broken_content_lists_every_problem_and_exits_1() -> None:
    code, out = _run("check", "--content", str(FIXTURES / "broken"))
    assert code == 1
    assert "broken/municipalities/alpha.yml:5: webiste:" in out
    assert "broken/schools/alpha-syntax.yml:2:" in out
    assert out.count("[") >= 17
    assert "Traceback" not in out


def test_unknown_option_exits_2() -> None:
    code, _ = _run("check", "--nope")
    assert code == 2


def test_schema_is_json_with_every_kind(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    code, _ = _run("schema", "-o", str(out))
    assert code == 0
    schema = json.loads(out.read_text(encoding="utf-8"))
    assert {"record-school", "record-programme", "record-municipality",
            "record-organisation"} <= set(schema["$defs"])
    school = schema["$defs"]["record-school"]
    assert school["properties"]["short_name"]["description"].startswith("Краткое")


def test_export_writes_rendered_markdown(tmp_path: Path) -> None:
    code, out = _run("export", str(tmp_path / "out"), "--content", str(FIXTURES / "mini"))
    assert code == 0, out
    page = (tmp_path / "out" / "programmes" / "testgrad-2023.md").read_text(encoding="utf-8")
    assert page.startswith("---\ntitle:")
    assert (tmp_path / "out" / "about.md").exists()


def test_help_for_each_command() -> None:
    for cmd in ("build", "serve", "check", "schema", "export"):
        code, out = _run(cmd, "--help")
        assert code == 0 and "Коды завершения" in out


def test_build_command_in_a_fresh_project(tmp_path: Path) -> None:
    make_project(tmp_path, FIXTURES / "mini")
    proc = subprocess.run([sys.executable, "-m", "shnor_site.cli", "build", "--no-search"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "site" / "schools" / "testgrad-sosh-1" / "index.html").is_file()


def test_build_with_broken_content_exits_1_and_keeps_old_site(tmp_path: Path) -> None:
    make_project(tmp_path, FIXTURES / "broken")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "marker.html").write_text("old", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "shnor_site.cli", "build", "--no-search"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "alpha.yml:5" in proc.stderr
    assert (tmp_path / "site" / "marker.html").read_text(encoding="utf-8") == "old"


def test_field_reference_is_up_to_date() -> None:
    from shnor_site.core.fielddocs import field_pages
    from tests.helpers import ROOT

    pages = field_pages()
    for name, text in pages.items():
        assert (ROOT / "docs" / name).read_text(encoding="utf-8") == text, \
            "run: shnor-site fields -o docs/fields.md"
    published = "\n".join(pages.values())
    for key in ("responsible_refs", "short_name", "value_label", "monitoring_title"):
        assert f"`{key}`" in published
