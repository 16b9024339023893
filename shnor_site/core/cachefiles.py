"""What the build's caches share: a hash of the files in a folder, and a pickle file
written whole or not at all (build/incremental.py, content/checked_cache.py,
mkdocs_plugin/cache.py)."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any


def files_digest(digest: Any, folder: Path, keep: Callable[[Path], bool]) -> None:
    """Add each file under `folder` that `keep` accepts to `digest` (a hashlib object):
    its path inside the folder and the hash of its bytes, in a stable order."""
    root = Path(folder)
    for path in sorted(p for p in root.rglob("*") if p.is_file() and keep(p)):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0"
                      + hashlib.sha256(path.read_bytes()).digest())


def read_pickle(path: Path) -> Any | None:
    """The object pickled at `path`; None when the file is missing or unreadable."""
    try:
        with Path(path).open("rb") as src:
            return pickle.load(src)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError):
        return None


def write_pickle(path: Path, value: Any) -> None:
    """Pickle `value` to `path` through a temporary file, so that a reader never sees half
    of it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    with partial.open("wb") as out:
        pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)
