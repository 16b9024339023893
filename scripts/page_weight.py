"""Page weight of every page type: HTML bytes and all bytes of a first (cold-cache) load.

Usage: python scripts/page_weight.py [SITE_DIR] [--types school,programme]
Without SITE_DIR the bundled content is built into a temporary folder first. The site is
served on 127.0.0.1 and each page type's largest page is opened in Debian's Chromium.
Budgets: HTML ≤ 80 KB on school and practice pages, first load ≤ 600 KB everywhere
(uncompressed; 1 KB = 1000 bytes). Exit code 1 when a budget fails.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Request, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the test helpers (tests/support) when run as a script

from tests.support.localserve import CHROMIUM, CHROMIUM_ARGS, serve_dir  # noqa: E402
from tests.support.page_types import PAGE_TYPES, page_path  # noqa: E402

HTML_BUDGET = {"school": 80_000, "practice": 80_000}
TOTAL_BUDGET = 600_000


def num(n: int) -> str:
    """Bytes with thin groups of thousands, as written in Russian: 80 000."""
    return f"{n:,}".replace(",", " ")


@dataclass
class Weight:
    """What a first load of one page cost."""

    kind: str
    path: str
    html: int
    total: int
    requests: int

    def failures(self, html_budget: dict[str, int], total_budget: int) -> list[str]:
        """Budgets this page breaks, as readable lines."""
        out = []
        limit = html_budget.get(self.kind)
        if limit is not None and self.html > limit:
            out.append(f"{self.kind}: HTML {num(self.html)} Б > {num(limit)} Б")
        if self.total > total_budget:
            out.append(f"{self.kind}: первая загрузка {num(self.total)} Б > {num(total_budget)} Б")
        return out


def measure(browser: Browser, base: str, kind: str, path: str) -> Weight:
    """Load one page in a fresh context (empty cache) and add up every response body."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    finished: list[Request] = []
    page.on("requestfinished", lambda req: finished.append(req))
    response = page.goto(base + path, wait_until="networkidle")
    if response is None or not response.ok:
        raise SystemExit(f"{base + path}: HTTP {response and response.status}")
    html = len(response.body())
    total = sum(req.sizes()["responseBodySize"] for req in finished)
    context.close()
    return Weight(kind, path, html, total, len(finished))


def measure_site(site: Path, kinds: list[str]) -> list[Weight]:
    """Weights of the representative page of each type present in the site."""
    base, server = serve_dir(site)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            paths = {kind: page_path(site, kind) for kind in kinds}
            weights = [measure(browser, base, kind, path)
                       for kind, path in paths.items() if path is not None]
            browser.close()
    finally:
        server.shutdown()
    return weights


def table(weights: list[Weight]) -> str:
    """The weights as a fixed-width table (bytes)."""
    head = f"{'тип страницы':<15} {'HTML, Б':>9} {'всего, Б':>10} {'запросов':>9}  страница"
    rows = [f"{w.kind:<15} {num(w.html):>9} {num(w.total):>10} {w.requests:>9}  /{w.path}"
            for w in weights]
    return "\n".join([head, *rows])


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    ap = argparse.ArgumentParser(description="Вес страниц сайта по типам и проверка бюджетов.")
    ap.add_argument("site", nargs="?", type=Path, help="собранный сайт (иначе собрать заново)")
    ap.add_argument("--types", default=",".join(PAGE_TYPES),
                    help="типы страниц через запятую (по умолчанию все)")
    ap.add_argument("--html-budget", type=int, default=None,
                    help="бюджет HTML в байтах вместо 80 000 (для школ и практик)")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table and the budget verdict; return the exit code."""
    args = parse_args(argv)
    kinds = [k for k in args.types.split(",") if k]
    unknown = set(kinds) - set(PAGE_TYPES)
    if unknown:
        raise SystemExit(f"неизвестные типы страниц: {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory(prefix="shnor-weight-") as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        weights = measure_site(site, kinds)
    html_budget = {k: args.html_budget or v for k, v in HTML_BUDGET.items()}
    print(table(weights))
    failures = [f for w in weights for f in w.failures(html_budget, TOTAL_BUDGET)]
    for line in failures:
        print(f"БЮДЖЕТ ПРЕВЫШЕН: {line}")
    if not failures:
        print(f"Бюджеты соблюдены: HTML школ и практик ≤ {num(html_budget['school'])} Б, "
              f"первая загрузка ≤ {num(TOTAL_BUDGET)} Б.")
    return 1 if failures else 0


def build_site(out: Path) -> Path:
    """Build the bundled content (with the search index) into out."""
    from shnor_site.mkdocs_plugin.atomic import atomic_build

    os.chdir(ROOT)
    return atomic_build(ROOT / "mkdocs.yml", out)


if __name__ == "__main__":
    sys.exit(main())
