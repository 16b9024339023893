"""Test helpers: a throw-away project around a given content folder."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
#: A frozen copy of the bundled content: code tests use it, never the live content/, so
#: that a methodologist's valid practice can never turn the code tests red.
SITE_CONTENT = FIXTURES / "site"


def make_project(tmp: Path, content: Path) -> Path:
    """Copy config, theme, templates and the given content into tmp; return mkdocs.yml."""
    for name in ("docs", "overrides", "templates"):
        shutil.copytree(ROOT / name, tmp / name)
    shutil.copytree(content, tmp / "content")
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    return tmp / "mkdocs.yml"
