"""Byte-identical builds: rewrite Pagefind's run-dependent files in a canonical order.

Pagefind 1.5 lists the values of each filter in the iteration order of a Rust HashMap,
which is seeded at random on every run; the filter files are named after their content,
so their names, the metadata file that lists them and `pagefind-entry.json` change from
build to build (upstream: fragment files are stable since 1.3, filter and metadata
files are not — Pagefind issue #638). Here every filter file is decoded (gzip + CBOR),
its values sorted, re-encoded and renamed after its content; the metadata file and the
entry file are rewritten to point at the new names. Everything else in a build is
already deterministic; dates come from SOURCE_DATE_EPOCH when it is set (MkDocs uses it
for sitemap dates and the gzip time stamp of sitemap.xml.gz; event statuses and calendars
use it too), otherwise from the current date.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


# --- a minimal CBOR codec (the subset Pagefind writes) ---------------------------------------

def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for extra, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if n < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | extra]) + struct.pack(fmt, n)
    raise ValueError(f"integer too large for CBOR: {n}")


def cbor_encode(value: Any) -> bytes:
    """Canonical (shortest-form) CBOR of ints, strings, bytes, lists, dicts, bools, None."""
    if value is None or isinstance(value, bool):
        return bytes([0xF6 if value is None else 0xF5 if value else 0xF4])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(cbor_encode(v) for v in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(cbor_encode(k) + cbor_encode(v)
                                               for k, v in value.items())
    raise TypeError(f"cannot encode {type(value).__name__} as CBOR")


def cbor_decode(data: bytes, pos: int = 0) -> tuple[Any, int]:
    """Decode one CBOR item at pos; return it and the position after it."""
    first = data[pos]
    major, info = first >> 5, first & 31
    pos += 1
    if major == 7:
        simple = {20: False, 21: True, 22: None}
        if info not in simple:
            raise ValueError(f"unsupported CBOR simple value {info}")
        return simple[info], pos
    if info < 24:
        n = info
    elif info <= 27:
        size = 1 << (info - 24)
        n = int.from_bytes(data[pos:pos + size], "big")
        pos += size
    else:
        raise ValueError("indefinite-length CBOR is not supported")
    return _decode_body(data, pos, major, n)


def _decode_body(data: bytes, pos: int, major: int, n: int) -> tuple[Any, int]:
    if major == 0:
        return n, pos
    if major == 1:
        return -1 - n, pos
    if major in (2, 3):
        raw = data[pos:pos + n]
        return (raw if major == 2 else raw.decode("utf-8")), pos + n
    if major == 4:
        items = []
        for _ in range(n):
            item, pos = cbor_decode(data, pos)
            items.append(item)
        return items, pos
    if major == 5:
        out = {}
        for _ in range(n):
            key, pos = cbor_decode(data, pos)
            out[key], pos = cbor_decode(data, pos)
        return out, pos
    raise ValueError(f"unsupported CBOR major type {major}")


# --- Pagefind files --------------------------------------------------------------------------

def read_chunk(path: Path) -> Any:
    """Decode a Pagefind .pf_* file: gzip, the `pagefind_dcd` signature, then CBOR."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ValueError(f"{path.name}: not a Pagefind data file")
    value, end = cbor_decode(raw, len(SIGNATURE))
    if end != len(raw):
        raise ValueError(f"{path.name}: trailing bytes after the CBOR item")
    return value


def chunk_bytes(value: Any) -> bytes:
    """Encode a Pagefind data file deterministically (gzip time stamp 0)."""
    return gzip.compress(SIGNATURE + cbor_encode(value), compresslevel=9, mtime=0)


def _renamed(old: str, payload: bytes) -> str:
    """Same language prefix and hash length as Pagefind's name, hash of the content."""
    prefix, _, digest = old.rpartition("_")
    return f"{prefix}_{hashlib.sha256(payload).hexdigest()[:len(digest)]}"


def _sorted_filter(value: Any) -> Any:
    """[name, [[value, [pages]], …]] with values and page numbers in sorted order."""
    name, values = value
    return [name, sorted(([v, sorted(pages)] for v, pages in values), key=lambda e: e[0])]


def _is_filter_list(value: list, names: dict[str, str]) -> bool:
    return bool(value) and all(isinstance(v, list) and len(v) == 2 and v[1] in names
                               for v in value)


def _replace(value: Any, names: dict[str, str]) -> Any:
    """Point at renamed filter files; lists of [filter, file] pairs sorted by filter."""
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, list) and _is_filter_list(value, names):
        return sorted(([k, names[v]] for k, v in value), key=lambda pair: pair[0])
    if isinstance(value, list):
        return [_replace(v, names) for v in value]
    if isinstance(value, dict):
        return {k: _replace(v, names) for k, v in value.items()}
    return value


def canonicalise_pagefind(bundle: Path) -> None:
    """Rewrite filter files, the metadata file and the entry file of a Pagefind bundle."""
    names: dict[str, str] = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        data = chunk_bytes(_sorted_filter(read_chunk(path)))
        names[path.stem] = _renamed(path.stem, data)
        path.unlink()
        (path.parent / f"{names[path.stem]}.pf_filter").write_bytes(data)
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        data = chunk_bytes(_replace(read_chunk(meta_path), names))
        new = _renamed(language["hash"], data)
        meta_path.unlink()
        (bundle / f"pagefind.{new}.pf_meta").write_bytes(data)
        language["hash"] = new
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")


def make_reproducible(site_dir: Path) -> None:
    """Post-process a built site so that two builds of the same sources are identical."""
    bundle = Path(site_dir) / "pagefind"
    if (bundle / "pagefind-entry.json").is_file():
        canonicalise_pagefind(bundle)
