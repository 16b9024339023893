"""Finished pages kept between builds (`.cache/shnor/` beside mkdocs.yml; CI restores it).

A finished page (fastpage.py) is a function of its Markdown — which already reflects the
content files and templates it was made from —, of its address, of the theme and settings
and of this program's code; and of which pages its links found. The cache keys each page
by a hash of the first group (`Cache.key`) and keeps with it the finished HTML, its anchors
and links, MkDocs' messages about it and the link targets it looked up. A page is taken
from the cache only when each of those targets still has the same address; otherwise it is
made again. Entries this build did not use are removed at its end (`prune`). Turn it off
with `cache_dir: ""` (or `SHNOR_CACHE_DIR=`).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import zstandard

from shnor_site.core.cachefiles import files_digest

#: Bump when what is stored changes shape.
FORMAT = "3"


@dataclass
class Entry:
    """One finished page as stored."""

    html: bytes  # zstandard-compressed (pack)
    ids: frozenset[str]
    links: dict[str, dict[str, str]] | None
    logs: list[tuple[str, int, str]]
    targets: dict[str, Any]  # link target URI → (address, inclusion) when looked up


def code_version() -> str:
    """A hash of the code that turns Markdown into finished pages, and of its libraries."""
    import markdown
    import material
    import mkdocs

    digest = hashlib.sha256(f"{FORMAT}|{mkdocs.__version__}|{markdown.__version__}|"
                            f"{getattr(material, '__version__', '')}".encode())
    here = Path(__file__).resolve().parent
    for folder in (here, here.parent / "build"):
        files_digest(digest, folder, lambda p: p.suffix == ".py")
    return digest.hexdigest()


def folder_hash(folders: list[str]) -> str:
    """A hash of every file of the theme's folders (templates and overrides)."""
    digest = hashlib.sha256()
    for folder in folders:
        files_digest(digest, Path(folder), lambda p: p.suffix == ".html")
    return digest.hexdigest()


class Cache:
    """Finished pages in one SQLite file, by key; counts hits and misses.

    One file rather than one per page: creating tens of thousands of small files costs more
    than making the pages. Each process (the worker, its forked helper) opens its own
    connection; writes are committed in batches.
    """

    BATCH = 64

    def __init__(self, folder: Path, salt: str) -> None:
        self.path = folder / "pages.sqlite"
        self.salt = salt.encode()
        self.used: set[str] = set()
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._batch: list[tuple[str, bytes]] = []
        #: No file yet: nothing to look up in this build (its own pages are each made once).
        self._empty = not self.path.exists()

    def key(self, uri: str, markdown_digest: str) -> str:
        """The key of a page: its address and the hash of its Markdown
        (build/incremental.text_digest), with the theme, settings and code."""
        digest = hashlib.sha256(self.salt)
        digest.update(uri.encode() + b"\0" + markdown_digest.encode())
        return digest.hexdigest()

    def _connect(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():  # not a connection from before a fork
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=120, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=OFF")
            self._db.execute("CREATE TABLE IF NOT EXISTS pages (key TEXT PRIMARY KEY, "
                             "entry BLOB NOT NULL)")
            self._pid = os.getpid()
        return self._db

    def get(self, key: str) -> Entry | None:
        """The stored entry, or None."""
        self.used.add(key)
        if self._empty:
            return None
        try:
            row = self._connect().execute("SELECT entry FROM pages WHERE key = ?",
                                          (key,)).fetchone()
            entry = pickle.loads(row[0]) if row else None
        except (sqlite3.Error, pickle.PickleError, EOFError, AttributeError, TypeError):
            return None
        return entry if isinstance(entry, Entry) else None

    def put(self, key: str, entry: Entry) -> None:
        """Store an entry (written with the next batch, or by `flush`)."""
        self._batch.append((key, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)))
        if len(self._batch) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the entries kept so far, in one short transaction (the other process
        writing to the same file waits only that long)."""
        if not self._batch:  # (the worker flushes before it forks its helper)
            return
        db = self._connect()
        with db:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?)", self._batch)
        self._batch = []

    def prune(self, used: set[str]) -> int:
        """Remove the entries not used by this build; how many were removed."""
        self.flush()
        db = self._connect()
        db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
        db.execute("BEGIN")
        db.execute("DELETE FROM used")
        db.executemany("INSERT OR IGNORE INTO used VALUES (?)", ((k,) for k in used))
        removed = db.execute("DELETE FROM pages WHERE key NOT IN (SELECT key FROM used)"
                             ).rowcount
        db.execute("COMMIT")
        return removed

    def count(self) -> int:
        """Entries stored."""
        return self._connect().execute("SELECT count(*) FROM pages").fetchone()[0]


#: zstd at level 1: as small as zlib at its fastest level in a quarter of the time
#: (0.06 against 0.21 ms for a 60 KB page; a cold national build packs 40,000 pages).
_ZSTD_LEVEL = 1


def pack(html: bytes) -> bytes:
    """HTML as stored."""
    return zstandard.ZstdCompressor(level=_ZSTD_LEVEL).compress(html)


def unpack(data: bytes) -> bytes:
    """Stored HTML as written."""
    return zstandard.ZstdDecompressor().decompress(data)
