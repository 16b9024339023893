"""Helpers shared by the browser quality checks: which page to visit for each page type."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.page_types import OPTIONAL_TYPES, PAGE_TYPES, page_path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"

#: Every page type, as pytest parameters.
KINDS = list(PAGE_TYPES)

MOBILE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
AXE = Axe()


def type_url(built_site: Path, base_url: str, kind: str) -> str:
    """Absolute URL of the type's representative page; skip optional types not built yet."""
    path = page_path(built_site, kind)
    if path is None:
        if kind in OPTIONAL_TYPES:
            pytest.skip(f"the built site has no {kind!r} page yet ({PAGE_TYPES[kind]})")
        pytest.fail(f"the built site has no {kind!r} page ({PAGE_TYPES[kind]})")
    return base_url + path


def open_type(page, built_site: Path, base_url: str, kind: str) -> str:
    """Open the type's page and wait until it has loaded; return its URL."""
    url = type_url(built_site, base_url, kind)
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
    return url


def axe_blocking(page) -> list[str]:
    """Serious and critical WCAG 2.1 A/AA violations on the open page, one line per node."""
    result = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS},
                                    "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {node['target']} {node['html'][:120]}"
            for v in result.response["violations"] if v["impact"] in BLOCKING
            for node in v["nodes"]]
