"""A rebuild renders again only the pages a change can reach (build/incremental.py).

The fixture site is built, one thing is changed, and it is built again over the last
site with the cache of the first build; the result must equal, byte for byte, a build
without any cache. Which pages were rendered again is read from the build's timings.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from shnor_site.build.incremental import split_body
from shnor_site.core.tracked import TrackedText, reading
from shnor_site.mkdocs_plugin.atomic import atomic_build
from shnor_site.mkdocs_plugin.cache import Cache
from tests.helpers import SITE_CONTENT, make_project


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file()}


def _counts(tmp: Path) -> dict:
    return json.loads((tmp / "timings.json").read_text(encoding="utf-8"))["finished"]["counts"]


@pytest.fixture()
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The fixture site built once (cache filled); (mkdocs.yml, site folder)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    monkeypatch.setenv("SHNOR_TIMINGS", str(tmp_path / "timings.json"))
    project = make_project(tmp_path / "project", SITE_CONTENT)
    site = atomic_build(project, tmp_path / "site")
    assert _counts(tmp_path)["why"] == "first"
    return project, site


def _practice(project: Path, name: str = "tula-shkola-kurator.md") -> Path:
    return project.parent / "content" / "practices" / name


def _clean_build(project: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    monkeypatch.setenv("SHNOR_CACHE_DIR", "")
    try:
        return _files(atomic_build(project, tmp / "clean"))
    finally:
        monkeypatch.delenv("SHNOR_CACHE_DIR")


def test_a_changed_practice_body_renders_only_the_pages_that_read_it(
        built: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project, site = built
    before = _files(site)
    path = _practice(project)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "## Проблема\n", "## Проблема\n\nНовый абзац о кураторстве.\n", 1), encoding="utf-8")
    warm = _files(atomic_build(project, site))
    counts = _counts(tmp_path)
    assert counts["why"] == "text"
    assert 1 <= counts["rendered"] <= 3 < counts["linked"]  # the practice's page(s) only
    assert counts["files_linked"] > 0
    # The search index: only the changed practice's documents are counted again; the
    # files whose bytes came out the same are linked from the last site.
    assert 0 < counts["index_docs_made"] <= 10 < counts["index_docs_taken"]
    assert counts["index_files_linked"] > counts["index_files_written"] > 0
    assert "Новый абзац о кураторстве." in warm["practices/tula-shkola-kurator/index.html"
                                                 ].decode("utf-8")
    assert _clean_build(project, tmp_path, monkeypatch) == warm
    changed = {name for name in warm if warm[name] != before.get(name)}
    assert "practices/tula-shkola-kurator/index.html" in changed


def test_an_unchanged_rebuild_renders_nothing_and_equals_a_clean_build(
        built: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project, site = built
    warm = _files(atomic_build(project, site))
    counts = _counts(tmp_path)
    assert counts["rendered"] == 0 and counts["linked"] == counts["reused"] > 0
    assert counts["index_docs_made"] == counts["index_files_written"] == 0
    assert counts["index_docs_taken"] > 0 and counts["index_files_linked"] > 0
    # Linked pages keep their cache entries: a later change of structure still finds them.
    cache = project.parent / ".cache" / "shnor"
    assert Cache(cache, "").count() >= counts["linked"]
    # Compiled templates (ours and the theme's) are kept too.
    assert any((cache / "templates").iterdir()) and any((cache / "theme").iterdir())
    assert _clean_build(project, tmp_path, monkeypatch) == warm


def test_a_change_of_structure_renders_every_page(
        built: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The front matter is structure (titles, links, lists): every page is rendered."""
    project, site = built
    path = _practice(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: ", "title: Новая ", 1), encoding="utf-8")
    warm = _files(atomic_build(project, site))
    counts = _counts(tmp_path)
    assert counts["why"] == "structure"
    assert counts.get("reused", 0) == 0 and counts["rendered"] > 20
    assert counts["index_docs_taken"] == 0 and counts["index_docs_made"] > 20
    assert _clean_build(project, tmp_path, monkeypatch) == warm


def test_another_build_date_renders_every_page(
        built: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Event statuses depend on the date: it is part of what every page is made from."""
    project, site = built
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1790000000 + 200 * 86400))
    atomic_build(project, site)
    assert _counts(tmp_path)["why"] == "structure"


def test_a_changed_file_of_the_last_site_is_not_linked(
        built: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of the last site edited by hand is not taken over: the cache writes it."""
    project, site = built
    page = site / "schools" / "tula-sosh-1" / "index.html"
    if not page.exists():
        page = next(site.glob("schools/*/index.html"))
    good = page.read_bytes()
    page.write_bytes(good + b"<!-- edited -->")
    warm = atomic_build(project, site)
    counts = _counts(tmp_path)
    assert counts["rendered"] == 0 and counts["linked"] == counts["reused"] - 1
    assert (warm / page.relative_to(site)).read_bytes() == good


def test_reads_of_a_text_are_noted_however_it_is_read() -> None:
    text = TrackedText("p1", {"Проблема": "Абзац.", "Итоги": "Вывод."})
    other = TrackedText("p2", {"Проблема": "Другое."})
    for read in (lambda: text["Проблема"], lambda: text.get("Итоги"), lambda: list(text),
                 lambda: dict(text), lambda: list(text.items()), lambda: "Итоги" in text,
                 lambda: len(text)):
        _, seen = reading(read)
        assert seen == frozenset({"p1"})
    assert reading(lambda: other.get("x", ""))[1] == frozenset({"p2"})
    text.get("Проблема")  # outside a page nothing is noted, nothing fails
    assert TrackedText.reader is None


def test_the_body_is_cut_out_where_it_stands() -> None:
    body = "## Проблема\n\nТекст.\n"
    text = f"---\nid: x\ntitle: Проблема\n---\n\n{body}"
    structure, found = split_body(text, body)
    assert found == body and structure == "---\nid: x\ntitle: Проблема\n---\n\n"
    assert split_body(text, "нет такого")[0] == text


def test_state_survives_only_its_own_format(tmp_path: Path) -> None:
    from shnor_site.build.incremental import STATE, Incremental, content_state
    from shnor_site.content.validate import load_catalogue

    cat = content_state(load_catalogue(SITE_CONTENT))
    (tmp_path / STATE).write_bytes(b"not a pickle")
    inc = Incremental(tmp_path, "salt", cat)
    assert inc.reason == "first" and inc.reusable("index.md") is None
    inc.save({}, None)
    assert Incremental(tmp_path, "salt", cat).reason == "text"
    assert Incremental(tmp_path, "other salt", cat).reason == "structure"
    assert not any(p.suffix == ".tmp" for p in tmp_path.iterdir())
    os.remove(tmp_path / STATE)


def test_checked_files_are_taken_from_the_last_build_while_unchanged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The second load takes every file's own checks from the cache and finds the same
    records and problems; a changed file is checked again."""
    import shutil

    from shnor_site.content.checked_cache import CheckedCache
    from shnor_site.content.validate import load_catalogue

    content = tmp_path / "content"
    shutil.copytree(SITE_CONTENT, content)
    seen: list[CheckedCache] = []
    original = CheckedCache.save

    def keep(self: CheckedCache) -> None:
        seen.append(self)
        original(self)

    monkeypatch.setattr(CheckedCache, "save", keep)
    first = load_catalogue(content, keep_sources=False, cache_dir=tmp_path / "cache")
    again = load_catalogue(content, keep_sources=False, cache_dir=tmp_path / "cache")
    plain = load_catalogue(content, keep_sources=False)
    assert seen[0].hits == 0 and seen[1].hits == len(seen[1].new) > 20
    for cat in (again, plain):
        assert cat.records == first.records
        assert [p.format() for p in cat.problems] == [p.format() for p in first.problems]
    school = next((content / "schools").glob("*.yml"))
    school.write_text(school.read_text(encoding="utf-8") + "unknown_key: 1\n",
                      encoding="utf-8")
    changed = load_catalogue(content, keep_sources=False, cache_dir=tmp_path / "cache")
    assert seen[2].hits == len(seen[2].new) - 1
    assert [p.code for p in changed.errors] == ["unknown-field"]
