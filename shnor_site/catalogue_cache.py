"""Load the catalogue once per build: `shnor-site build` checks the content, then the
MkDocs plugin needs the same catalogue. The cached one is reused while no file under
the content folder has changed (path, size and modification time of every file).
"""

from __future__ import annotations

import os
from pathlib import Path

from .validate import Catalogue, load_catalogue

_last: tuple[tuple[str, tuple], Catalogue] | None = None


def fingerprint(root: Path) -> tuple:
    """(path, size, mtime) of every file under root, in a stable order."""
    out = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            st = os.stat(os.path.join(folder, name))
            out.append((folder, name, st.st_size, st.st_mtime_ns))
    return tuple(out)


def cached_catalogue(root: Path) -> Catalogue:
    """load_catalogue(root), reusing the previous result when nothing changed."""
    global _last
    root = Path(root).resolve()
    key = (str(root), fingerprint(root))
    if _last is not None and _last[0] == key:
        return _last[1]
    cat = load_catalogue(root)
    _last = (key, cat)
    return cat


def forget() -> None:
    """Drop the cached catalogue (the build keeps only the rendered pages in memory)."""
    global _last
    _last = None
