"""A rebuild's search index takes unchanged documents and files from the last build
(search/memo.py) and must come out byte for byte as an index made from scratch; the index
is built in a forked child while the pages are planned (build/search_child.py)."""

from __future__ import annotations

import math
import os
import random
import shutil
from pathlib import Path

import pytest

from shnor_site.build.incremental import content_state
from shnor_site.build.parallel import HelperFailed
from shnor_site.build.search_child import SearchChild, room_for_a_copy
from shnor_site.content.validate import load_catalogue
from shnor_site.graph.link import build_graph
from shnor_site.search.index import quantise
from shnor_site.search.memo import DOCS, META, LinkingSink, SearchMemo
from shnor_site.search.site_index import build_search_index
from tests.helpers import ROOT, SITE_CONTENT

PRACTICE = "tula-shkola-kurator.md"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file()}


class _Site:
    """A sink writing into a site folder and linking from the last one, as FastPages."""

    def __init__(self, site: Path, last: Path | None) -> None:
        self.site, self.last = site, last

    def write(self, name: str, data: bytes) -> tuple[int, int]:
        path = self.site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        info = path.stat()
        return info.st_size, info.st_mtime_ns

    def link(self, name: str, written: tuple[int, int]) -> bool:
        old = self.last / name if self.last else None
        if old is None or not old.is_file():
            return False
        info = old.stat()
        if (info.st_size, info.st_mtime_ns) != tuple(written):
            return False
        (self.site / name).parent.mkdir(parents=True, exist_ok=True)
        os.link(old, self.site / name)
        return True


def _build(content: Path, cache: Path, site: Path, last: Path | None) -> dict[str, int]:
    cat = load_catalogue(content)
    structure, texts = content_state(cat)
    memo = SearchMemo(cache, "salt" + structure, texts)
    target = _Site(site, last)
    build_search_index(build_graph(cat), LinkingSink(memo, target.write, target.link),
                       ROOT / "docs", memo)
    return memo.counts


def _clean(content: Path, out: Path) -> dict[str, bytes]:
    build_search_index(build_graph(load_catalogue(content)), out, ROOT / "docs")
    return _files(out)


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SITE_CONTENT, tmp_path / "content"))


def test_an_unchanged_rebuild_takes_every_document_and_links_every_file(
        content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _build(content, cache, tmp_path / "s1", None)
    assert first["index_docs_taken"] == 0 and first["index_docs_made"] > 20
    again = _build(content, cache, tmp_path / "s2", tmp_path / "s1")
    assert again["index_docs_made"] == again["index_files_written"] == 0
    assert again["index_docs_taken"] == first["index_docs_made"]
    assert _files(tmp_path / "s2") == _clean(content, tmp_path / "clean")


def test_a_changed_practice_text_is_counted_again_and_found(
        content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _build(content, cache, tmp_path / "s1", None)
    path = content / "practices" / PRACTICE
    path.write_text(path.read_text(encoding="utf-8").replace(
        "## Проблема\n", "## Проблема\n\nСловоиндекса в новом абзаце.\n", 1),
        encoding="utf-8")
    again = _build(content, cache, tmp_path / "s2", tmp_path / "s1")
    assert 0 < again["index_docs_made"] <= 10 < again["index_docs_taken"]
    assert again["index_files_linked"] > 0
    site = _files(tmp_path / "s2")
    assert site == _clean(content, tmp_path / "clean")
    assert any("словоиндекс".encode() in data for name, data in site.items()
               if name.startswith("t/"))


def test_a_changed_structure_takes_nothing(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _build(content, cache, tmp_path / "s1", None)
    path = content / "practices" / PRACTICE
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: Иная ", 1),
                    encoding="utf-8")
    again = _build(content, cache, tmp_path / "s2", tmp_path / "s1")
    assert again["index_docs_taken"] == again["index_files_linked"] == 0
    assert _files(tmp_path / "s2") == _clean(content, tmp_path / "clean")


@pytest.mark.parametrize("damage", ["docs-file", "token", "cut"])
def test_a_damaged_memo_is_not_trusted(content: Path, tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    _build(content, cache, tmp_path / "s1", None)
    docs = cache / DOCS
    if damage == "docs-file":
        docs.write_bytes(b"not a memo")
    elif damage == "token":  # the groups of another build beside this build's vocabulary
        other = tmp_path / "other"
        _build(content, other, tmp_path / "s0", None)
        shutil.copy(other / DOCS, docs)
    else:
        docs.write_bytes(docs.read_bytes()[: docs.stat().st_size // 2])
    again = _build(content, cache, tmp_path / "s2", tmp_path / "s1")
    if damage != "cut":
        assert again["index_docs_taken"] == 0
    assert _files(tmp_path / "s2") == _clean(content, tmp_path / "clean")
    assert (cache / META).is_file() and not list(cache.glob("*.tmp"))


def test_score_levels_are_the_rounded_logarithm() -> None:
    rng = random.Random(7)
    for _ in range(200_000):
        score = rng.random() * rng.choice((0.05, 1, 20))
        expected = max(1, min(127, round(16 * math.log2(1 + 8 * score))))
        assert quantise(score) == expected, score


def test_the_child_reports_its_counts_or_its_failure() -> None:
    child = SearchChild(lambda: {"index_docs_made": 3}, str)
    counts, ended = child.join()
    assert counts == {"index_docs_made": 3} and ended > 0

    def fail() -> dict[str, int]:
        raise ValueError("поломка")

    with pytest.raises(HelperFailed, match="поломка"):
        SearchChild(fail, str).join()


def test_a_child_is_forked_only_with_room_for_a_copy() -> None:
    assert room_for_a_copy(0.0)
    if Path("/proc/meminfo").is_file():
        assert not room_for_a_copy(1e9)  # a billion copies of this process: no machine
