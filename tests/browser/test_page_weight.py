"""CI enforces the page-weight budgets by running scripts/page_weight.py on the built site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.browser.site_pages import ROOT
from tests.support.page_types import page_path

SCRIPT = ROOT / "scripts" / "page_weight.py"


def run_script(*args: str) -> subprocess.CompletedProcess:
    """Run the script in its own process (it drives Chromium with its own Playwright)."""
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True,
                          text=True, timeout=300, cwd=ROOT, check=False)


def test_page_weight_budgets(built_site: Path) -> None:
    """HTML of school/practice pages ≤ 80 KB, every first load ≤ 600 KB: exit code 0."""
    proc = run_script(str(built_site))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = {line.split()[0] for line in proc.stdout.splitlines()[1:] if line.strip()}
    present = {kind for kind in ("home", "programme", "school", "source", "about")
               if page_path(built_site, kind) is not None}
    assert present <= rows, proc.stdout


def test_page_weight_fails_over_budget(built_site: Path) -> None:
    """A budget smaller than the largest school page makes the script exit 1."""
    proc = run_script(str(built_site), "--types", "school", "--html-budget", "1000")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "БЮДЖЕТ ПРЕВЫШЕН: school: HTML" in proc.stdout
