"""Page addresses: source URIs of generated pages and relative links between them."""

from __future__ import annotations

import functools
import posixpath
from typing import Any

from shnor_site.core.models import KINDS


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


def site_url(uri: str, anchor: str | None = None) -> str:
    """Site-relative address of a page (and anchor): `programmes/x/roadmap/2/#s1-e3`."""
    return page_dir(uri) + (f"#{anchor}" if anchor else "")


def event_url(g: Any, placed: Any) -> str:
    """Site-relative address of an event card on its roadmap page."""
    return site_url(g.event_uri(placed), placed.anchor)


@functools.lru_cache(maxsize=65536)
def relpath(path: str, start: str) -> str:
    """posixpath.relpath for the site's clean relative paths, without os.getcwd()."""
    p = [x for x in path.split("/") if x and x != "."]
    s = [x for x in start.split("/") if x and x != "."]
    if ".." in p or ".." in s:
        return posixpath.relpath(path, start)
    i = 0
    while i < min(len(p), len(s)) and p[i] == s[i]:
        i += 1
    return "/".join([".."] * (len(s) - i) + p[i:]) or "."


def href(from_uri: str, to_uri: str, anchor: str | None = None) -> str:
    """Relative URL from one page to another page or file (works under any sub-path)."""
    here = page_dir(from_uri) or "./"
    there = page_dir(to_uri) if to_uri.endswith(".md") else to_uri
    rel = relpath(there or ".", here)
    if to_uri.endswith(".md"):
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def md_href(from_uri: str, to_uri: str, anchor: str | None = None) -> str:
    """Relative link to another page's Markdown source, which MkDocs validates."""
    rel = relpath(to_uri, posixpath.dirname(from_uri) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def source_file_uri(prog: Any) -> str:
    """Where the original text of a programme is published."""
    return f"programmes/{prog.id}/{posixpath.basename(prog.source.file)}"


def programme_calendar_uri(programme_id: str) -> str:
    """Where a programme's calendar is published."""
    return f"programmes/{programme_id}/{programme_id}.ics"


def school_calendar_uri(school_id: str) -> str:
    """Where a school's calendar is published."""
    return f"schools/{school_id}/{school_id}.ics"
