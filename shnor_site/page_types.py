"""One representative page of every page type in a built site, for quality checks.

Browser tests and `scripts/page_weight.py` visit these pages. For record types the
largest page of the type is chosen: the one most likely to break a budget or a layout.
"""

from __future__ import annotations

from pathlib import Path

#: Page types and the glob (relative to the site folder) of their `index.html` files.
PAGE_TYPES: dict[str, str] = {
    "home": "index.html",
    "programmes": "programmes/index.html",
    "schools": "schools/index.html",
    "municipalities": "municipalities/index.html",
    "organisations": "organisations/index.html",
    "practices": "practices/index.html",
    "municipality": "municipalities/*/index.html",
    "programme": "programmes/*/index.html",
    "school": "schools/*/index.html",
    "organisation": "organisations/*/index.html",
    "source": "programmes/*/source/index.html",
    "practice": "practices/*/index.html",
    "about": "about/index.html",
    "search": "search/index.html",
}

#: Types the site may not have yet (no content, or a feature still in progress).
OPTIONAL_TYPES = frozenset({"practices", "practice", "search"})


def page_path(site_dir: Path, kind: str) -> str | None:
    """URL path (relative to the site root, e.g. `schools/x/`) of the type's page, or None."""
    found = sorted(site_dir.glob(PAGE_TYPES[kind]), key=lambda p: (-p.stat().st_size, p))
    if not found:
        return None
    rel = found[0].parent.relative_to(site_dir).as_posix()
    return "" if rel == "." else rel + "/"


def representative_pages(site_dir: Path) -> dict[str, str | None]:
    """Every page type mapped to its representative URL path (None when absent)."""
    return {kind: page_path(site_dir, kind) for kind in PAGE_TYPES}
