"""Finished pages kept between builds (`.cache/shnor/` beside mkdocs.yml; CI restores it).

A finished page (fastpage.py) is a function of its Markdown — which already reflects the
content files and templates it was made from —, of its address, of the theme and settings
and of this program's code; and of which pages its links found. The cache keys each page
by a hash of the first group (`Cache.key`) and keeps with it the finished HTML, its anchors
and links, MkDocs' messages about it and the link targets it looked up. A page is taken
from the cache only when each of those targets still has the same address; otherwise it is
made again. Entries no build used are removed at the end of a build (`prune`). Turn it off
with `cache_dir: ""` (or `SHNOR_CACHE_DIR=`).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Bump when what is stored changes shape.
FORMAT = "1"


@dataclass
class Entry:
    """One finished page as stored."""

    html: bytes  # zlib-compressed
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
    for path in sorted([*here.glob("*.py"), *(here.parent / "build").glob("*.py")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def folder_hash(folders: list[str]) -> str:
    """A hash of every file of the theme's folders (templates and overrides)."""
    digest = hashlib.sha256()
    for folder in folders:
        root = Path(folder)
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix == ".html"):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class Cache:
    """Finished pages on disk, by key; counts hits and misses."""

    def __init__(self, folder: Path, salt: str) -> None:
        self.folder = folder / "pages"
        self.salt = salt.encode()
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def key(self, uri: str, text: str) -> str:
        """The key of a page: its address and Markdown, with the theme, settings and code."""
        digest = hashlib.sha256(self.salt)
        digest.update(uri.encode() + b"\0" + text.encode("utf-8"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str) -> Entry | None:
        """The stored entry, or None."""
        self.used.add(key)
        try:
            with self._path(key).open("rb") as stored:
                entry = pickle.load(stored)
        except (OSError, pickle.PickleError, EOFError, AttributeError, TypeError):
            return None
        return entry if isinstance(entry, Entry) else None

    def put(self, key: str, entry: Entry) -> None:
        """Store an entry (written whole, then renamed: a reader never sees half)."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{key}.{os.getpid()}")
        tmp.write_bytes(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)

    def prune(self, used: set[str]) -> int:
        """Remove the entries not used by this build; how many were removed."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for sub in self.folder.iterdir():
            for path in sub.iterdir() if sub.is_dir() else ():
                if path.name not in used:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed


def pack(html: bytes) -> bytes:
    """HTML as stored."""
    return zlib.compress(html, 1)


def unpack(data: bytes) -> bytes:
    """Stored HTML as written."""
    return zlib.decompress(data)
