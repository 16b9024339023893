"""The index as static files, fetched piece by piece by the browser (search-engine.js).

    search-index/meta.json            sizes, types and their block ranges, stop words
    search-index/places.json          municipalities: name, region, block ranges by type
    search-index/t/<n>.bin            terms whose FNV-1a hash mod `shards` is n
    search-index/p/<n>.json           terms by their first two letters (typing a word)
    search-index/d/<n>.json           documents, block n: [url, title, type, place, excerpt]

A query fetches meta.json, one term file per word and the blocks of the results it shows:
tens of kilobytes, whatever the size of the site. Documents are grouped so that a type, and
a type within a municipality, is a run of whole blocks: filters are ranges of block numbers.

Term files are binary: a varint count, then per term its UTF-8 bytes (length-prefixed),
its document count, its number of postings, their byte length and the postings — varint
gaps between ascending document ids, each followed by its score byte.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, Protocol

from shnor_site.search.docs import TYPES, SearchDoc
from shnor_site.search.index import BLOCK, FILTER_PREFIX, MAX_POSTINGS, Counted, Index
from shnor_site.search.text import STOP_WORDS

#: Bytes of JSON per document block at most (a longer single document gets its own).
BLOCK_BYTES = 4500
#: Bytes aimed at per term file.
SHARD_BYTES = 12_000
TYPE_INDEX = {kind: i for i, kind in enumerate(TYPES)}
#: Which type wins a tie of scores: a record before the texts that mention it.
TIE_ORDER = ("municipality", "school", "organisation", "programme", "practice", "event", "page")


def fnv1a(text: str) -> int:
    """32-bit FNV-1a hash of the UTF-8 bytes (the same function as in search-engine.js)."""
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def varint(n: int) -> bytes:
    """Unsigned LEB128."""
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


class Sink(Protocol):
    """Where the index files go: `put` stores the bytes of one file, by its path inside
    search-index/ ("meta.json", "d/0.json", …)."""

    def put(self, name: str, data: bytes) -> None:
        """Store one file."""


class FolderSink:
    """Writes the index files into a folder, which is emptied first."""

    def __init__(self, out: Path) -> None:
        self.out = out
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        self._folders: set[Path] = {out}

    def put(self, name: str, data: bytes) -> None:
        """Write one file."""
        path = self.out / name
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        path.write_bytes(data)


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry(doc: SearchDoc) -> list[Any]:
    """What a result shows of a document: [url, title, type, place, excerpt]."""
    return [doc.url, doc.title, TYPE_INDEX[doc.kind], doc.place, doc.excerpt]


class Blocks:
    """Numbers documents and writes them block by block as they come (collect() order)."""

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.block, self.items, self.size, self.key = 0, [], 0, None
        self.types: dict[str, list[int]] = {}
        self.places: dict[str, list[Any]] = {}

    def add(self, doc: Counted) -> int:
        """Store a document; return its id (block × BLOCK + position)."""
        entry, size = doc.entry, doc.size
        key = (doc.kind, doc.municipality)
        if self.items and (len(self.items) == BLOCK or self.size + size > BLOCK_BYTES
                           or key != self.key):
            self.flush()
        self.key = key
        self.items.append(entry)
        self.size += size
        self.types.setdefault(doc.kind, [self.block, self.block])[1] = self.block
        if doc.municipality:
            ranges = self.places.setdefault(doc.municipality, [doc.place, []])[1]
            if ranges and ranges[-1][0] == TYPE_INDEX[doc.kind]:
                ranges[-1][2] = self.block
            else:
                ranges.append([TYPE_INDEX[doc.kind], self.block, self.block])
        return self.block * BLOCK + len(self.items) - 1

    def flush(self) -> None:
        """Write the open block."""
        if self.items:
            self.sink.put(f"d/{self.block}.json", _json(self.items))
            self.block += 1
            self.items, self.size = [], 0


def _entries(index: Index) -> list[tuple[str, bytes]]:
    out = []
    for term in sorted(index.terms):
        p = index.terms[term]
        body, last = bytearray(), 0
        append, extend = body.append, body.extend
        for doc_id, score in zip(p.ids, p.scores, strict=True):
            gap = doc_id - last
            if gap < 0x80:
                append(gap)
            else:
                extend(varint(gap))
            append(score)
            last = doc_id
        raw = term.encode("utf-8")
        out.append((term, varint(len(raw)) + raw + varint(p.df) + varint(len(p.ids))
                    + varint(len(body)) + bytes(body)))
    return out


def prefix_files(shards: int) -> int:
    """Number of prefix files for this many term files (a quarter, at least one)."""
    return max(1, shards // 4)


def write_terms(index: Index, sink: Sink) -> int:
    """Term files and prefix files; returns the number of term files."""
    entries = _entries(index)
    shards = max(1, sum(len(e) for _, e in entries) // SHARD_BYTES)
    groups: list[list[bytes]] = [[] for _ in range(shards)]
    for term, entry in entries:
        groups[fnv1a(term) % shards].append(entry)
    for n, group in enumerate(groups):
        sink.put(f"t/{n}.bin", varint(len(group)) + b"".join(group))
    prefixes = prefix_files(shards)
    words: list[list[list[Any]]] = [[] for _ in range(prefixes)]
    for term, p in sorted(index.terms.items()):
        if not term.startswith(FILTER_PREFIX):
            words[fnv1a(term[:2]) % prefixes].append([term, p.df])
    for n, group in enumerate(words):
        sink.put(f"p/{n}.json", _json(group))
    return shards


def write_meta(sink: Sink, blocks: Blocks, shards: int, docs: int,
               regions: dict[str, str]) -> None:
    """meta.json and places.json (municipalities: name, id, region, block ranges)."""
    types = [[TYPES[k], *blocks.types[k]] if k in blocks.types else [TYPES[k], -1, -1]
             for k in TYPES]
    sink.put("meta.json", _json({
        "version": 2, "shards": shards, "prefixes": prefix_files(shards), "block": BLOCK,
        "types": types, "typeRank": [TIE_ORDER.index(k) for k in TYPES], "docs": docs,
        "maxPostings": MAX_POSTINGS,
        "stop": sorted(STOP_WORDS)}))
    places = sorted(([name, mid, regions.get(mid, ""), ranges]
                     for mid, (name, ranges) in blocks.places.items()),
                    key=lambda p: (p[0], p[1]))
    sink.put("places.json", _json(places))
