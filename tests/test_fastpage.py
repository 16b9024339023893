"""Pages finished in the worker (mkdocs_plugin/fastpage.py) are exactly what MkDocs makes.

The real fixture site is built twice, with the fast path and without it (`SHNOR_FAST_PAGES=0`:
every page through MkDocs), and every file of the two sites is compared byte for byte —
every kind of generated page is in it. Broken links and anchors in finished pages still
fail a strict build, and so do links from MkDocs' own pages into missing anchors of
finished pages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from shnor_site.mkdocs_plugin.atomic import BuildError, atomic_build
from shnor_site.mkdocs_plugin.cache import Cache
from shnor_site.mkdocs_plugin.skeleton import MARK, cut
from tests.helpers import FIXTURES, SITE_CONTENT, make_project


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file()}


def _both(project: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict, dict, dict]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    monkeypatch.setenv("SHNOR_TIMINGS", str(tmp / "timings.json"))
    fast = _files(atomic_build(project, tmp / "fast"))
    timings = json.loads((tmp / "timings.json").read_text(encoding="utf-8"))
    monkeypatch.setenv("SHNOR_FAST_PAGES", "0")
    plain = _files(atomic_build(project, tmp / "plain"))
    return fast, plain, timings


def _differences(fast: dict[str, bytes], plain: dict[str, bytes]) -> list[str]:
    out = [f"only in one site: {name}" for name in sorted(fast.keys() ^ plain.keys())]
    return out + [f"differs: {name}" for name in sorted(fast.keys() & plain.keys())
                  if fast[name] != plain[name]]


def test_real_site_is_byte_identical_to_mkdocs(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "project", SITE_CONTENT)
    fast, plain, timings = _both(project, tmp_path, monkeypatch)
    assert _differences(fast, plain) == []
    counts = timings["finished"]["counts"]
    pages = [n for n in fast if n.endswith("index.html")]
    assert counts["skeleton"] + counts["theme"] > len(pages) * 0.9  # nearly all finished
    assert counts["skeleton"] > counts["theme"]  # the theme only for a shape's first page
    assert "no_skeleton" not in counts  # every shape seen twice had a working skeleton


@pytest.mark.parametrize("one_core", [False, True])
def test_canonical_links_and_sitemap_under_a_site_url(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, one_core: bool) -> None:
    """Also on one core, where the pages are finished in the MkDocs process itself."""
    if one_core:
        monkeypatch.setattr("shnor_site.mkdocs_plugin.plugin.cores", lambda: 1)
    monkeypatch.setenv("SHNOR_SITE_URL", "https://example.org/shnor/")
    project = make_project(tmp_path / "project", FIXTURES / "mini")
    fast, plain, timings = _both(project, tmp_path, monkeypatch)
    assert _differences(fast, plain) == []
    assert timings["forked"] is not one_core and timings["finished"]["counts"]["skeleton"]
    assert b"https://example.org/shnor/schools/testgrad-sosh-1/" in fast["sitemap.xml"]
    assert b'rel="canonical" href="https://example.org/shnor/schools/testgrad-sosh-1/"' \
        in fast["schools/testgrad-sosh-1/index.html"]


@pytest.mark.parametrize("one_core", [False, True])
@pytest.mark.parametrize(("where", "text", "said"), [
    ("templates/school.md.j2", "\n[нет](nowhere.md)\n", "nowhere.md"),
    ("templates/school.md.j2", "\n[нет](#no-such-anchor)\n", "no such anchor"),
    ("templates/school.md.j2", "\n[нет](../programmes/testgrad-2023/roadmap.md#nope)\n",
     "#nope"),
    ("templates/school.md.j2", "\n[нет](../index.md#nope)\n", "#nope"),
    ("docs/about.md", "\n[нет](schools/testgrad-sosh-1.md#nope)\n", "#nope"),
])
def test_broken_links_of_finished_pages_fail_the_build(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch,
        where: str, text: str, said: str, one_core: bool) -> None:
    if one_core:
        monkeypatch.setattr("shnor_site.mkdocs_plugin.plugin.cores", lambda: 1)
    config = make_project(tmp_path, FIXTURES / "mini")
    with (tmp_path / where).open("a", encoding="utf-8") as out:
        out.write(text)
    with pytest.raises(BuildError):
        atomic_build(config, tmp_path / "site")
    assert said in caplog.text
    assert not (tmp_path / "site").exists()


def test_a_skeleton_is_refused_when_a_marker_stays_in_its_fixed_text() -> None:
    values = {"content": f"<p>{MARK}c</p>", "title": f"{MARK}t"}
    good = cut(f"<title>{MARK}t</title><main><p>{MARK}c</p></main>", values)
    assert good is not None
    filled = good.fill({"content": "<p>x</p>", "title": "T"})
    assert filled == "<title>T</title><main><p>x</p></main>"
    assert cut(f"<title>{MARK}t</title><h1>{MARK}T</h1><p>{MARK}c</p>", values) is None
    assert re.fullmatch(r"[a-z]+", MARK)


def test_a_rebuild_takes_unchanged_pages_from_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After one practice changed, the other pages come from the cache and the site is
    exactly what a build without the cache makes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    monkeypatch.setenv("SHNOR_TIMINGS", str(tmp_path / "timings.json"))
    project = make_project(tmp_path / "project", SITE_CONTENT)
    atomic_build(project, tmp_path / "first")
    practice = sorted((project.parent / "content" / "practices").glob("[!_]*.md"))[0]
    text = practice.read_text(encoding="utf-8")
    practice.write_text(text.replace("## Проблема\n", "## Проблема\n\nНовый абзац.\n", 1),
                        encoding="utf-8")
    warm = _files(atomic_build(project, tmp_path / "warm"))
    counts = json.loads((tmp_path / "timings.json").read_text(encoding="utf-8"))[
        "finished"]["counts"]
    assert counts["cache_hit"] > 10 * counts["cache_miss"] > 0
    assert any("Новый абзац." in d.decode("utf-8", "replace") for d in warm.values())
    monkeypatch.setenv("SHNOR_CACHE_DIR", "")
    cold = _files(atomic_build(project, tmp_path / "cold"))
    assert _differences(warm, cold) == []
    cache = Cache(project.parent / ".cache" / "shnor", "")
    assert cache.count() == counts["cache_hit"] + counts["cache_miss"]  # old entries pruned


def test_a_forked_worker_message_is_printed_once(tmp_path: Path) -> None:
    """The forked worker drops the build's log handlers it inherited: MkDocs' message about
    a finished page reaches the person once, from the build, and the build fails."""
    import os
    import subprocess
    import sys

    config = make_project(tmp_path, FIXTURES / "mini")
    with (tmp_path / "templates/school.md.j2").open("a", encoding="utf-8") as out:
        out.write("\n[нет](nowhere.md)\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config),
                           "-d", str(tmp_path / "site")], capture_output=True, text=True,
                          env=env, timeout=300, check=False)
    assert done.returncode != 0
    lines = [line for line in done.stderr.splitlines() if "nowhere.md" in line]
    pages = {re.search(r"schools/[\w-]+\.md", line).group(0) for line in lines}
    assert pages and len(lines) == len(pages), done.stderr  # one message per page
