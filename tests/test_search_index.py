"""The search index files (shnor_site/search): what goes in, where, and in which order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shnor_site.content.validate import load_catalogue
from shnor_site.graph.link import build_graph
from shnor_site.search.files import fnv1a
from shnor_site.search.index import BLOCK, FILTER_PREFIX
from shnor_site.search.site_index import INDEX_DIR, build_search_index
from shnor_site.search.text import STOP_WORDS, terms
from tests.helpers import ROOT, SITE_CONTENT


def read_terms(path: Path) -> dict[str, tuple[int, list[tuple[int, int]]]]:
    """Decode a term file: term → (document count, [(document id, score byte)])."""
    data, at = path.read_bytes(), 0

    def varint() -> int:
        nonlocal at
        n = shift = 0
        while True:
            byte = data[at]
            at += 1
            n |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return n

    out = {}
    for _ in range(varint()):
        length = varint()
        term = data[at:at + length].decode("utf-8")
        at += length
        df, count, size = varint(), varint(), varint()
        end, doc, postings = at + size, 0, []
        while at < end:
            doc += varint()
            postings.append((doc, data[at]))
            at += 1
        assert len(postings) == count
        out[term] = (df, postings)
    return out


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("idx") / INDEX_DIR
    build_search_index(build_graph(load_catalogue(SITE_CONTENT)), out, ROOT / "docs")
    return out


def all_docs(index: Path) -> dict[int, list]:
    """Document id → [url, title, type, place, excerpt]."""
    out = {}
    for path in (index / "d").glob("*.json"):
        block = int(path.stem)
        for i, entry in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            out[block * BLOCK + i] = entry
    return out


def test_types_are_runs_of_whole_blocks(index: Path) -> None:
    meta = json.loads((index / "meta.json").read_text(encoding="utf-8"))
    docs = all_docs(index)
    assert meta["docs"] == len(docs) > 300
    for type_no, (_label, first, last) in enumerate(meta["types"]):
        ids = [i for i, d in docs.items() if d[2] == type_no]
        assert ids and {i // BLOCK for i in ids} == set(range(first, last + 1))
    places = json.loads((index / "places.json").read_text(encoding="utf-8"))
    seversk = next(p for p in places if p[0] == "ЗАТО Северск")
    in_ranges = {i for i, d in docs.items() for _t, a, b in seversk[3] if a <= i // BLOCK <= b}
    assert in_ranges == {i for i, d in docs.items() if d[3] == "ЗАТО Северск"}


def test_every_term_is_in_its_file_with_sorted_postings(index: Path) -> None:
    meta = json.loads((index / "meta.json").read_text(encoding="utf-8"))
    docs = all_docs(index)
    seen = 0
    for path in (index / "t").glob("*.bin"):
        for term, (df, postings) in read_terms(path).items():
            seen += 1
            assert fnv1a(term) % meta["shards"] == int(path.stem)
            assert df >= len(postings) > 0
            ids = [d for d, _ in postings]
            assert ids == sorted(set(ids)) and all(i in docs for i in ids)
            assert all(1 <= s <= 255 for _, s in postings)
    assert seen > 1000
    every = set(_term_index(index))
    assert {"в", "на", "для"} <= STOP_WORDS and not {"в", "на", "для"} & every


def _term_index(index: Path) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for path in (index / "t").glob("*.bin"):
        out.update({t: {d for d, _ in p} for t, (_, p) in read_terms(path).items()})
    return out


def test_events_are_documents_at_their_cards(index: Path, built_site: Path) -> None:
    """Every roadmap event is a result of its own that opens its card, found by its title."""
    docs, by_term = all_docs(index), _term_index(index)
    events = {i: d for i, d in docs.items() if d[2] == 1}
    assert len(events) == 177
    for doc_id, (url, title, *_rest) in events.items():
        page, anchor = url.split("#")
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html, url
        assert all(doc_id in by_term[t] for t in terms(title)), title


def test_what_is_left_out(index: Path) -> None:
    docs = all_docs(index)
    assert not [d for d in docs.values() if "/source/" in d[0]]
    assert not [d for d in docs.values() if d[0] == "search/"]
    facet_terms = [t for t in _term_index(index) if t.startswith(FILTER_PREFIX)]
    assert any(t.startswith("~risk:") for t in facet_terms)


def test_two_builds_are_byte_identical(index: Path, tmp_path: Path) -> None:
    again = tmp_path / INDEX_DIR
    build_search_index(build_graph(load_catalogue(SITE_CONTENT)), again, ROOT / "docs")
    files = sorted(p.relative_to(index) for p in index.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert all((index / f).read_bytes() == (again / f).read_bytes() for f in files)


def test_the_site_carries_the_index(built_site: Path) -> None:
    assert (built_site / INDEX_DIR / "meta.json").is_file()
    assert (built_site / "assets" / "search-engine.js").is_file()
