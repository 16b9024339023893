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
from pathlib import Path
from typing import Any

from shnor_site.search.docs import TYPES, SearchDoc
from shnor_site.search.index import BLOCK, FILTER_PREFIX, MAX_POSTINGS, Index
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


def _dump(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")


class Blocks:
    """Numbers documents and writes them block by block as they come (collect() order)."""

    def __init__(self, out: Path) -> None:
        self.folder = out / "d"
        self.folder.mkdir(parents=True)
        self.block, self.items, self.size, self.key = 0, [], 0, None
        self.types: dict[str, list[int]] = {}
        self.places: dict[str, list[Any]] = {}

    def add(self, doc: SearchDoc) -> int:
        """Store a document; return its id (block × BLOCK + position)."""
        entry = [doc.url, doc.title, TYPE_INDEX[doc.kind], doc.place, doc.excerpt]
        size = len(json.dumps(entry, ensure_ascii=False).encode("utf-8"))
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
            _dump(self.folder / f"{self.block}.json", self.items)
            self.block += 1
            self.items, self.size = [], 0


def _entries(index: Index) -> list[tuple[str, bytes]]:
    out = []
    for term in sorted(index.terms):
        p = index.terms[term]
        body, last = bytearray(), 0
        for doc_id, score in zip(p.ids, p.scores, strict=True):
            gap = doc_id - last
            body += bytes((gap,)) if gap < 0x80 else varint(gap)
            body.append(score)
            last = doc_id
        raw = term.encode("utf-8")
        out.append((term, varint(len(raw)) + raw + varint(p.df) + varint(len(p.ids))
                    + varint(len(body)) + bytes(body)))
    return out


def prefix_files(shards: int) -> int:
    """Number of prefix files for this many term files (a quarter, at least one)."""
    return max(1, shards // 4)


def write_terms(index: Index, out: Path) -> int:
    """Term files and prefix files; returns the number of term files."""
    entries = _entries(index)
    shards = max(1, sum(len(e) for _, e in entries) // SHARD_BYTES)
    groups: list[list[bytes]] = [[] for _ in range(shards)]
    for term, entry in entries:
        groups[fnv1a(term) % shards].append(entry)
    (out / "t").mkdir()
    for n, group in enumerate(groups):
        (out / "t" / f"{n}.bin").write_bytes(varint(len(group)) + b"".join(group))
    prefixes = prefix_files(shards)
    words: list[list[list[Any]]] = [[] for _ in range(prefixes)]
    for term, p in sorted(index.terms.items()):
        if not term.startswith(FILTER_PREFIX):
            words[fnv1a(term[:2]) % prefixes].append([term, p.df])
    (out / "p").mkdir()
    for n, group in enumerate(words):
        _dump(out / "p" / f"{n}.json", group)
    return shards


def write_meta(out: Path, blocks: Blocks, shards: int, docs: int,
               regions: dict[str, str]) -> None:
    """meta.json and places.json (municipalities: name, id, region, block ranges)."""
    types = [[TYPES[k], *blocks.types[k]] if k in blocks.types else [TYPES[k], -1, -1]
             for k in TYPES]
    _dump(out / "meta.json", {
        "version": 2, "shards": shards, "prefixes": prefix_files(shards), "block": BLOCK,
        "types": types, "typeRank": [TIE_ORDER.index(k) for k in TYPES], "docs": docs,
        "maxPostings": MAX_POSTINGS,
        "stop": sorted(STOP_WORDS)})
    places = sorted(([name, mid, regions.get(mid, ""), ranges]
                     for mid, (name, ranges) in blocks.places.items()),
                    key=lambda p: (p[0], p[1]))
    _dump(out / "places.json", places)
