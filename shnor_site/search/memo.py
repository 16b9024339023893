"""The last build's search index, for a rebuild (build/incremental.py): the documents and
files that cannot have changed are taken from it instead of being made again.

Two files in the cache folder:

    search.pickle        (FORMAT, key, token, vocabulary, files, texts)
    search-docs.pickle   records, each its length (8 bytes) and a pickle: (FORMAT, token),
                         then per group of documents (docs.groups), in index order,
                         (group key, practice texts read, [Counted, …])

`key` is the index's salt (code, docs/) and the content structure (incremental.py); when
it differs, nothing is taken. `texts` is the hash of each practice's body text. Groups are
read one by one as this build reaches them, so that a national corpus is never held
whole: a group is taken when it stands at the same place with the
same key and read none of the practice texts that changed (TrackedText). Its documents
keep their term ids, because the vocabulary is handed on. `files` holds, for each index
file, the hash of its bytes and the (size, mtime) it was written with: a file whose bytes
come out the same is linked from the last site, when it is still there as written.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from shnor_site.core.cachefiles import read_pickle, write_pickle
from shnor_site.search.index import Counted

#: Changes when the meaning of the two files changes.
FORMAT = "1"
META, DOCS = "search.pickle", "search-docs.pickle"
Stamp = tuple[int, int]


class SearchMemo:
    """What the last build's index is made of, and what this build's is made of."""

    def __init__(self, folder: Path, key: str, texts: dict[str, str]) -> None:
        """`texts`: the hash of each practice's body text in this build."""
        self.folder, self.key, self.texts = Path(folder), key, texts
        self.token = os.urandom(8).hex()
        meta = read_pickle(self.folder / META)
        ok = isinstance(meta, tuple) and len(meta) == 6 and meta[:2] == (FORMAT, key)
        last_texts = meta[5] if ok else {}
        #: The practices whose body text differs from the last build's.
        self.changed = frozenset(rid for rid, h in texts.items() if last_texts.get(rid) != h)
        #: The last build's terms by id (its documents' counts refer to them).
        self.vocab: list[str] = list(meta[3]) if ok else []
        self.last_files: dict[str, tuple[bytes, Stamp]] = dict(meta[4]) if ok else {}
        self.files: dict[str, tuple[bytes, Stamp | None]] = {}
        self.counts = {"index_docs_taken": 0, "index_docs_made": 0,
                       "index_files_linked": 0, "index_files_written": 0}
        self._old = _open_docs(self.folder / DOCS, meta[2]) if ok else None
        self._partial = self.folder / f"{DOCS}.{os.getpid()}.tmp"
        self._new: BinaryIO | None = None
        self._raw: bytes | None = None

    def take(self, key: str) -> tuple[frozenset[str], list[Counted]] | None:
        """The last build's group at this place when it is `key` and read no changed text;
        None when the group must be made again."""
        self._raw = None
        if self._old is None:
            return None
        raw = _read_record(self._old)
        try:
            last_key, reads, items = pickle.loads(raw) if raw else (None, None, None)
        except (pickle.PickleError, EOFError, AttributeError, ValueError, TypeError):
            last_key, reads, items = None, None, None
        if last_key != key:  # out of step with the last build: take nothing more
            self._close_old()
            return None
        if reads & self.changed:
            return None
        self.counts["index_docs_taken"] += len(items)
        self._raw = raw  # kept for the next build as it is
        return reads, items

    def keep(self, key: str, reads: frozenset[str], items: list[Counted]) -> None:
        """Note this build's group (for the next build): the bytes read when the group was
        taken, else the group pickled."""
        raw, self._raw = self._raw, None
        if raw is None:
            self.counts["index_docs_made"] += len(items)
            raw = pickle.dumps((key, reads, items), protocol=pickle.HIGHEST_PROTOCOL)
        if self._new is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._new = self._partial.open("wb")
            _write_record(self._new, pickle.dumps((FORMAT, self.token)))
        _write_record(self._new, raw)

    def save(self, vocab: list[str]) -> None:
        """Write this build's memo: the groups' file first, then the file that names it."""
        self._close_old()
        if self._new is None:
            return
        self._new.close()
        self._new = None
        self._partial.replace(self.folder / DOCS)
        write_pickle(self.folder / META,
                     (FORMAT, self.key, self.token, vocab, self.files, self.texts))

    def _close_old(self) -> None:
        if self._old is not None:
            self._old.close()
            self._old = None


def _read_record(src: BinaryIO) -> bytes | None:
    """The next length-prefixed record; None at the end or when it is cut short."""
    head = src.read(8)
    if len(head) < 8:
        return None
    size = int.from_bytes(head, "little")
    if size > os.fstat(src.fileno()).st_size - src.tell():  # a damaged length
        return None
    data = src.read(size)
    return data if len(data) == size else None


def _write_record(out: BinaryIO, data: bytes) -> None:
    out.write(len(data).to_bytes(8, "little"))
    out.write(data)


def _open_docs(path: Path, token: str) -> BinaryIO | None:
    """The last build's groups file, positioned at its first group; None when it is not
    the one its memo names."""
    try:
        src = path.open("rb")
    except OSError:
        return None
    try:
        head = _read_record(src)
        if head is not None and pickle.loads(head) == (FORMAT, token):
            return src
    except (pickle.PickleError, EOFError, ValueError, TypeError):
        pass
    src.close()
    return None


class LinkingSink:
    """Index files into the site: linked from the last build when their bytes are the same
    and the old file is still as written, else written. `write(name, data)` writes one and
    returns its (size, mtime); `link(name, stamp)` links the last build's, True when done."""

    def __init__(self, memo: SearchMemo, write: Callable[[str, bytes], Stamp | None],
                 link: Callable[[str, Stamp], bool]) -> None:
        self.memo, self.write, self.link = memo, write, link

    def put(self, name: str, data: bytes) -> None:
        """Store one file."""
        digest = hashlib.blake2b(data, digest_size=16).digest()
        last = self.memo.last_files.get(name)
        counts = self.memo.counts
        if last is not None and last[0] == digest and self.link(name, last[1]):
            self.memo.files[name] = last
            counts["index_files_linked"] += 1
            return
        self.memo.files[name] = (digest, self.write(name, data))
        counts["index_files_written"] += 1

