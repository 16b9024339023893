"""Page addresses: source URIs of generated pages and relative links between them."""

from __future__ import annotations

import posixpath
from typing import Any

from ..models import KINDS


def record_uri(kind: str, rid: str) -> str:
    """Source URI of a record's page, e.g. `schools/seversk-soh-83.md`."""
    return f"{KINDS[kind].folder}/{rid}.md"


def index_uri(kind: str) -> str:
    """Source URI of a kind's index page, e.g. `schools/index.md`."""
    return f"{KINDS[kind].folder}/index.md"


def page_dir(uri: str) -> str:
    """Directory URL of a page (with directory URLs): `schools/x.md` → `schools/x/`."""
    stem = uri[:-3] if uri.endswith(".md") else uri
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return stem


def href(from_uri: str, to_uri: str, anchor: str | None = None) -> str:
    """Relative URL from one page to another page or file (works under any sub-path)."""
    here = page_dir(from_uri) or "./"
    there = page_dir(to_uri) if to_uri.endswith(".md") else to_uri
    rel = posixpath.relpath(there or ".", here)
    if to_uri.endswith(".md"):
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def md_href(from_uri: str, to_uri: str, anchor: str | None = None) -> str:
    """Relative link to another page's Markdown source, which MkDocs validates."""
    rel = posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def source_file_uri(prog: Any) -> str:
    """Where the original text of a programme is published."""
    return f"programmes/{prog.id}/{posixpath.basename(prog.source.file)}"
