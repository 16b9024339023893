"""Hostile file names and URL values: rejected with a clear, one-line, printable message."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from shnor_site.content.validate import load_catalogue
from tests.helpers import FIXTURES

ODD_NAMES = [
    "<img src=x onerror=alert(1)>",
    '"onmouseover=alert(1) x',
    "x\n::error file=README.md::подделка",
    "\x1b[2J\x1b[31mкрасный",
    "lmth\u202e.yml",
    "Школа №1",
    "UPPER",
    "a b",
    "%2e%2e%2fetc",
    "javascript:alert(1)",
    "x.yml",
    "{{ 7*7 }}",
]
BAD_URLS = [
    'https://evil.example/"><script>alert(1)</script>',
    "https://example.org/x)[y](javascript:alert(1))",
    "https://example.org/[y](x/onmouseover=alert(1)//)",
    "https://example.org/a`b`",
    "https://example.org/a b",
    "javascript:alert(1)",
    "//evil.example/x",
]


def _school(rid: str) -> str:
    return yaml.safe_dump({"id": rid, "name": "Школа", "short_name": "Школа",
                           "municipality": "testgrad"}, allow_unicode=True)


@pytest.fixture
def odd_content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", root)
    for n, stem in enumerate(ODD_NAMES):
        (root / "schools" / f"{stem}.yml").write_text(_school(f"odd-{n}"), encoding="utf-8")
    raw = os.fsencode(root / "schools") + b"/\xff\xfe-bytes.yml"
    with open(raw, "w", encoding="utf-8") as out:  # a name that is not UTF-8 at all
        out.write(_school("odd-bytes"))
    (root / "schools" / "same-as-stem.yml").write_text(_school("Same As Stem"), encoding="utf-8")
    return root


def test_odd_file_names_are_reported_not_published(odd_content: Path) -> None:
    cat = load_catalogue(odd_content)
    by_file = {}
    for prob in cat.errors:
        by_file.setdefault(prob.path.rsplit("/", 1)[-1], set()).add(prob.code)
    for stem in ODD_NAMES:
        assert "id-filename" in by_file[f"{stem}.yml"], stem
    assert "bad-id" in by_file["same-as-stem.yml"]
    assert any("id-filename" in codes for name, codes in by_file.items() if "bytes" in name)


def test_check_prints_them_on_single_printable_lines(odd_content: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    run = subprocess.run([sys.executable, "-m", "shnor_site.cli", "check", "--content",
                          str(odd_content)], capture_output=True, env=env, timeout=60)
    out = run.stdout.decode("utf-8") + run.stderr.decode("utf-8")
    assert run.returncode == 1
    assert "Traceback" not in out
    lines = [ln for ln in out.splitlines() if ln.strip()]
    assert all(ln.isprintable() for ln in lines), [ln for ln in lines if not ln.isprintable()]
    assert not [ln for ln in lines if ln.startswith("::")]
    assert "\\x1b[2J" in out and "\\u202e" in out and "\\xff\\xfe-bytes.yml" in out


@pytest.mark.parametrize("url", BAD_URLS)
def test_url_fields_refuse_markup_and_other_schemes(tmp_path: Path, url: str) -> None:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", root)
    path = root / "schools" / "testgrad-sosh-2.yml"
    path.write_text(path.read_text(encoding="utf-8") + yaml.safe_dump({"website": url}),
                    encoding="utf-8")
    codes = {(p.field, p.code) for p in load_catalogue(root).errors}
    assert codes == {("website", "bad-url")}
