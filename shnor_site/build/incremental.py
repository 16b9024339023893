"""Rebuilds that render again only the pages a change can reach.

A build remembers, in `.cache/shnor/state.pickle`, what each generated page was made
from: the hash of its Markdown and the practices whose body text (the sections under the
front matter) it read. The next build compares the content with the last one:

* the *structure* — every content file byte for byte, except the practices' body text —
  and the code, templates, settings and build date (the salt). Everything the graph, the
  plan, lists, counts, page splits and links are computed from is in it. When it differs,
  every page is rendered again (the page cache, mkdocs_plugin/cache.py, still skips the
  Markdown and theme work of pages whose Markdown came out the same);
* the *text* — each practice's body. When only that changed, a page is rendered again
  only if it read the body of a changed practice, or was not in the last build. The others
  are taken whole from the page cache by the hash of their Markdown.

What a page read is recorded, not declared: a practice's sections reach the pages only
through `TrackedText` (graph/practices.py), which notes every access while a page is
rendered, from a template or from Python. The search index, calendars, open data and feeds
are made again on every build. Nothing here imports MkDocs.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shnor_site.core.cachefiles import files_digest, read_pickle, write_pickle

#: Changes when the meaning of the state file changes.
FORMAT = "1"
STATE = "state.pickle"


def text_digest(text: str) -> str:
    """The hash a page's Markdown is remembered by."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class PageMemo:
    """What one page was made from (its Markdown's hash, the texts it read), what MkDocs
    learned of it (anchors, links, messages) and the file written (size, mtime)."""

    digest: str
    reads: frozenset[str]
    ids: frozenset[str] = frozenset()
    links: dict[str, dict[str, str]] | None = None
    logs: list[tuple[str, int, str]] = field(default_factory=list)
    written: tuple[int, int] | None = None


@dataclass
class FilesMemo:
    """The files of a build (calendars, open data, feeds): the texts their making read and
    each file written (size, mtime) by address."""

    reads: frozenset[str]
    written: dict[str, tuple[int, int]]


@dataclass
class BuildState:
    """The last build, as the next one compares with it."""

    salt: str
    structure: str
    texts: dict[str, str]
    pages: dict[str, PageMemo] = field(default_factory=dict)
    files: FilesMemo | None = None


def stamp(path: Path) -> tuple[int, int] | None:
    """A written file's (size, mtime in ns), None when it is not there."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def link_previous(previous: Path | None, site: Path, uri: str,
                  written: tuple[int, int] | None, folders: set[Path]) -> bool:
    """Hard-link the last build's file at `uri` into the new site when it is still the file
    that build wrote (same size and mtime); False when it cannot be."""
    if previous is None or written is None:
        return False
    old, new = previous / uri, site / uri
    if stamp(old) != written:
        return False
    if new.parent not in folders:
        new.parent.mkdir(parents=True, exist_ok=True)
        folders.add(new.parent)
    try:
        os.link(old, new)
    except OSError:
        return False
    return True


def split_body(text: str, body: str | None) -> tuple[str, str]:
    """A practice file's text as (structure, body): the body as the loader read it cut out
    where it stands after the front matter; the whole text is structure otherwise."""
    if not body:
        return text, ""
    start = text.find(body, max(text.find("\n---", 3), 0))
    if start < 0:
        return text, ""
    return text[:start] + text[start + len(body):], body


def content_state(cat: Any) -> tuple[str, dict[str, str]]:
    """The structure hash of the content and the hash of each practice's body text."""
    bodies = {str(Path(src.path).resolve()): (rid, src.body)
              for (kind, rid), src in cat.sources.items() if kind == "practice"}
    digest, texts = hashlib.sha256(), {}
    root = str(Path(cat.root).resolve())
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)  # under the resolved root: resolved
            rel = name if rel_dir == "." else f"{rel_dir}/{name}"
            with open(path, "rb") as src:
                data = src.read()
            if (found := bodies.get(path)) is not None:
                rid, body = found
                structure, text = split_body(data.decode("utf-8", "replace"), body)
                data = structure.encode("utf-8")
                texts[rid] = text_digest(text)
            digest.update(rel.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest(), texts


def code_salt(folders: list[Path], *extra: str) -> str:
    """A hash of this package's code, of every file in `folders` (templates, docs/) and of
    anything else pages depend on (settings, the build date)."""
    digest = hashlib.sha256(FORMAT.encode())
    files_digest(digest, Path(__file__).resolve().parents[1], lambda p: p.suffix == ".py")
    for folder in folders:
        if folder:
            files_digest(digest, Path(folder), lambda p: True)
    for value in extra:
        digest.update(b"\0" + value.encode())
    return digest.hexdigest()


class Incremental:
    """Which pages of this build can be taken from the last one, and what to remember."""

    def __init__(self, folder: Path, salt: str, content: tuple[str, dict[str, str]]
                 ) -> None:
        """`content` is content_state() of this build's catalogue."""
        self.path = Path(folder) / STATE
        structure, texts = content
        self.state = BuildState(salt, structure, texts)
        last = self._last()
        same = last is not None and (last.salt, last.structure) == (salt, structure)
        self.last_pages = last.pages if same else {}
        self.last_files = last.files if same else None
        self.changed = {rid for rid, h in texts.items() if last is None
                        or last.texts.get(rid) != h} if same else set()
        #: Why pages are rendered again: "structure" (all), "text" (some) or "first".
        self.reason = "first" if last is None else "text" if same else "structure"

    def _last(self) -> BuildState | None:
        state = read_pickle(self.path)
        return state if isinstance(state, BuildState) else None

    def reusable(self, uri: str) -> PageMemo | None:
        """What the last build noted of the page at `uri`, when nothing it read has
        changed."""
        memo = self.last_pages.get(uri)
        if memo is None or memo.reads & self.changed:
            return None
        return memo

    def files_reusable(self) -> dict[str, tuple[int, int]] | None:
        """The last build's files when nothing their making read has changed."""
        memo = self.last_files
        if memo is None or memo.reads & self.changed:
            return None
        return memo.written

    def remember(self, uri: str, memo: PageMemo) -> None:
        """Note what this build made the page at `uri` from."""
        self.state.pages[uri] = memo

    def take(self) -> dict[str, PageMemo]:
        """The pages noted since the last take (a forked helper reports its own)."""
        out, self.state.pages = self.state.pages, {}
        return out

    def save(self, pages: dict[str, PageMemo], files: FilesMemo | None) -> None:
        """Write the state of this build (its pages only) for the next one."""
        self.state.pages, self.state.files = pages, files
        write_pickle(self.path, self.state)
