"""The synthetic national-scale corpus (benchmarks/synth.py) stays valid and buildable.

The 1 % corpus (10 municipalities, 50 schools, 20 programmes with 1,000 events, 100
practices when the kind exists) is built without the search index; no page may exceed
the 80 KB budget that keeps pages usable on a phone over a slow connection.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import synth
from benchmarks.measure import PAGE_LIMIT, html_pages
from shnor_site.content.validate import load_catalogue
from shnor_site.core.markup import _md, plain_paragraphs
from shnor_site.mkdocs_plugin.atomic import mkdocs_build
from tests.helpers import make_project


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 1 % corpus, seed 1."""
    out = tmp_path_factory.mktemp("synth") / "content"
    synth.generate(out, 1, seed=1)
    return out


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_counts_follow_the_scale() -> None:
    small, full = synth.counts(1), synth.counts(100)
    assert (full["programmes"], full["schools"], full["events"]) == (2000, 5000, 100000)
    assert full["regions"] == 85
    assert (small["programmes"], small["schools"], small["events"]) == (20, 50, 1000)


def test_corpus_is_valid(corpus: Path) -> None:
    cat = load_catalogue(corpus)
    assert [p.format() for p in cat.errors] == []
    assert len(cat.records["programme"]) == 20
    assert len(cat.records["school"]) == 50
    events = sum(len(s.events) + sum(len(t.events) for t in s.tasks)
                 for prog in cat.records["programme"].values() for s in prog.roadmap.sections)
    assert events == 1000
    if synth.practices_supported():
        assert len(cat.records["practice"]) == 100


def test_same_seed_same_files(corpus: Path, tmp_path: Path) -> None:
    synth.generate(tmp_path / "again", 1, seed=1)
    assert _tree(tmp_path / "again") == _tree(corpus)
    synth.generate(tmp_path / "other", 1, seed=2)
    assert _tree(tmp_path / "other") != _tree(corpus)


def test_text_is_russian_with_varied_word_forms(corpus: Path) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in (corpus / "programmes").glob("*"))
    words = {w.lower() for w in text.split() if w.isalpha()}
    assert sum(1 for w in words if "а" <= w[0] <= "я") > 1000
    # the same stem in several forms: «школ», «школы», «школами»…
    assert len({w for w in words if w.startswith("школ")}) >= 4


def test_plain_fast_path_matches_markdown(corpus: Path) -> None:
    """Fields without Markdown syntax skip Python-Markdown; the HTML must be the same."""
    import yaml

    checked = 0
    for path in sorted((corpus / "programmes").glob("*.yml"))[:5]:
        stack = [yaml.safe_load(path.read_text(encoding="utf-8"))]
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                stack += value.values()
            elif isinstance(value, list):
                stack += value
            elif isinstance(value, str) and (fast := plain_paragraphs(value)) is not None:
                assert fast == _md.reset().convert(value), value
                checked += 1
    assert checked > 100


def test_one_percent_builds_with_small_pages(corpus: Path, tmp_path: Path) -> None:
    config = make_project(tmp_path, corpus)
    mkdocs_build(config, tmp_path / "site")
    pages = html_pages(tmp_path / "site")
    assert len(pages) > 150
    too_big = [(size // 1024, path) for size, path in pages if size > PAGE_LIMIT]
    assert too_big == []
    site = tmp_path / "site"
    assert (site / "practices/all/2/index.html").is_file(), "the bank is not paged"
    assert list(site.glob("programmes/*/roadmap/2/index.html")), "no roadmap is paged"
    for index in ("index.html", "schools/index.html", "programmes/index.html",
                  "municipalities/index.html", "organisations/index.html"):
        assert (tmp_path / "site" / index).stat().st_size <= PAGE_LIMIT


def test_long_indexes_are_split_by_region(corpus: Path, tmp_path: Path) -> None:
    """Above the limit an index lists regions; region pages list every record once."""
    from shnor_site.graph.link import build_graph
    from shnor_site.layout import split

    big = tmp_path / "content"
    synth.generate(big, 6, seed=3, practices=False)  # 300 schools > 180
    g = build_graph(load_catalogue(big))
    parts = split.region_pages(g, "school")
    assert parts and all(p.uri.startswith("schools/regions/") for p in parts)
    listed = [s.id for p in parts for s in p.items]
    assert sorted(listed) == sorted(s.id for s in g.cat.all("school"))
    assert all(len(p.items) <= split.INDEX_LIMIT["school"] for p in parts)
    assert split.region_pages(build_graph(load_catalogue(corpus)), "school") == []


def test_raw_html_blocks_change_no_byte(corpus: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The 1 % corpus built with and without rawhtml.py: the same pages, byte for byte."""
    from tests.test_rawhtml import _site_pairs

    project = make_project(tmp_path / "project", corpus)
    assert _site_pairs(project, tmp_path, monkeypatch) == []
