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
    "indicators": "programmes/*/indicators/index.html",
    "roadmap": "programmes/*/roadmap/index.html",
    "timeline": "programmes/*/timeline/index.html",
    "school": "schools/*/index.html",
    "organisation": "organisations/*/index.html",
    "source": "programmes/*/source/index.html",
    "practice": "practices/*/index.html",
    "about": "about/index.html",
    "search": "search/index.html",
}

#: Types the site may not have yet (no content, or a feature still in progress).
OPTIONAL_TYPES = frozenset({"practices", "practice", "search"})

#: Record types: a page folder is a record's when content/<folder>/<name>.* exists (the
#: same folders also hold tool and facet pages, e.g. practices/select/).
RECORD_FOLDERS = {"municipality": "municipalities", "programme": "programmes",
                  "school": "schools", "organisation": "organisations", "practice": "practices"}

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


def _is_record(index_html: Path, kind: str, content_dir: Path) -> bool:
    folder = RECORD_FOLDERS.get(kind)
    if folder is None or not (content_dir / folder).is_dir():
        return True
    return any((content_dir / folder).glob(f"{index_html.parent.name}.*"))


def page_path(site_dir: Path, kind: str, content_dir: Path = CONTENT_DIR) -> str | None:
    """URL path (relative to the site root, e.g. `schools/x/`) of the type's page, or None."""
    found = [p for p in site_dir.glob(PAGE_TYPES[kind]) if _is_record(p, kind, content_dir)]
    if not found:
        return None
    largest = min(found, key=lambda p: (-p.stat().st_size, p))
    rel = largest.parent.relative_to(site_dir).as_posix()
    return "" if rel == "." else rel + "/"

