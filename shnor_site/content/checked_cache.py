"""Content files checked by the last build, taken again while their bytes are the same.

Reading and checking one file (YAML with the line of every value, the model, the markup
scan) needs nothing but the file, the glossary's words and the code: `CheckedCache` keeps
each file's result (validate.Checked) by its address and the hash of its bytes in
`.cache/shnor/checked.pickle`, and a later build takes it instead of checking the file
again. The checks across files (ids, references, practices against programmes) always run.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

from shnor_site.core.cachefiles import files_digest, read_pickle, write_pickle

#: Changes when the meaning of the file changes.
FORMAT = "1"
NAME = "checked.pickle"


def _code_hash() -> str:
    """A hash of the code that reads and checks one file (content/ and core/)."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(FORMAT.encode())
    for folder in ("content", "core"):
        files_digest(digest, package / folder, lambda p: p.suffix == ".py")
    return digest.hexdigest()


class CheckedCache:
    """The results of `check_file` by file, kept between builds."""

    def __init__(self, folder: Path, known: frozenset[str] | None, keep_sources: bool) -> None:
        self.path = Path(folder) / NAME
        self.salt = hashlib.sha256(
            f"{_code_hash()}|{keep_sources}|{sorted(known or ())}".encode()).hexdigest()
        self.old: dict[str, tuple[bytes, bytes]] = self._load()
        self.new: dict[str, tuple[bytes, bytes]] = {}
        self.hits = 0

    def _load(self) -> dict[str, tuple[bytes, bytes]]:
        kept = read_pickle(self.path)
        if not (isinstance(kept, tuple) and len(kept) == 2):
            return {}
        salt, entries = kept
        return entries if salt == self.salt and isinstance(entries, dict) else {}

    def check(self, check_file: Any, kind: str, path: Path, root: Path, *args: Any) -> Any:
        """check_file(kind, path, root, *args), or the last build's result for these bytes."""
        key = f"{kind}\0{path}\0{root}"  # as given: the Source keeps them as they are
        digest = hashlib.sha256(Path(path).read_bytes()).digest()
        kept = self.old.get(key)
        if kept is not None and kept[0] == digest:
            try:
                checked = pickle.loads(kept[1])
            except (pickle.PickleError, EOFError, ValueError, TypeError, AttributeError):
                checked = None
            if checked is not None:
                self.hits += 1
                self.new[key] = kept
                return checked
        checked = check_file(kind, path, root, *args)
        self.new[key] = (digest, pickle.dumps(checked, protocol=pickle.HIGHEST_PROTOCOL))
        return checked

    def save(self) -> None:
        """Keep the results of this build's files (only those) for the next one."""
        write_pickle(self.path, (self.salt, self.new))
