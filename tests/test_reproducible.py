"""Two builds of the same sources are byte-identical; dates come from SOURCE_DATE_EPOCH."""

from __future__ import annotations

import datetime as dt
import gzip
import struct
from pathlib import Path

import pytest

from shnor_site.mkdocs_plugin.atomic import atomic_build
from shnor_site.search.site_index import INDEX_DIR
from tests.helpers import FIXTURES, SITE_CONTENT, make_project

EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC


def _differences(a: Path, b: Path) -> list[str]:
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    out = [f"only in one build: {name}" for name in sorted(files_a ^ files_b)]
    out += [f"differs: {name}" for name in sorted(files_a & files_b)
            if (a / name).read_bytes() != (b / name).read_bytes()]
    return out


def _build(project: Path, out: Path) -> Path:
    return atomic_build(project / "mkdocs.yml", out)


@pytest.fixture
def epoch(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    return EPOCH


def test_mini_builds_in_two_places_are_identical(tmp_path: Path, epoch: int) -> None:
    first = _build(make_project(tmp_path / "one", FIXTURES / "mini").parent, tmp_path / "a")
    second = _build(make_project(tmp_path / "two", FIXTURES / "mini").parent, tmp_path / "b")
    assert (first / INDEX_DIR / "meta.json").is_file()
    assert _differences(first, second) == []


def test_full_builds_are_identical(tmp_path: Path, epoch: int) -> None:
    project = make_project(tmp_path / "project", SITE_CONTENT).parent
    first, second = _build(project, tmp_path / "a"), _build(project, tmp_path / "b")
    assert len(list((first / INDEX_DIR / "t").glob("*.bin"))) >= 1
    assert _differences(first, second) == []


def test_dates_follow_source_date_epoch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "project", FIXTURES / "mini").parent
    stamps = []
    for n, epoch in enumerate((EPOCH, EPOCH + 400 * 86400)):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
        site = _build(project, tmp_path / f"site{n}")
        raw = (site / "sitemap.xml.gz").read_bytes()
        stamps.append(struct.unpack("<I", raw[4:8])[0])
        day = dt.datetime.fromtimestamp(epoch, dt.UTC).date()
        midnight = dt.datetime.combine(day, dt.time(), dt.UTC)
        assert stamps[-1] == int(midnight.timestamp())
        assert gzip.decompress(raw) == (site / "sitemap.xml").read_bytes()
        # A printout names the build date (overrides/partials/shnor-print.html).
        assert f"Сведения на {day:%d.%m.%Y}" in (site / "index.html").read_text("utf-8")
    assert stamps[0] != stamps[1]
