"""Search index: Pagefind over the built site (placeholder until the search issue)."""

from __future__ import annotations

from pathlib import Path


def index_site(site_dir: Path) -> None:
    """Index the built site for search."""
    return None
