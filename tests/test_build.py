"""Whole builds through the MkDocs plugin: pages, fields, links, atomic swap, snapshot."""

from __future__ import annotations

import hashlib
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from shnor_site.mkdocs_plugin.atomic import BuildError, atomic_build
from tests.helpers import FIXTURES, ROOT, make_project

SNAPSHOT = ROOT / "tests" / "golden" / "site-pages.txt"
MINI_HASHES = ROOT / "tests" / "golden" / "mini-site.sha256"


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("mini")
    config = make_project(tmp, FIXTURES / "mini")
    before = sorted(p.relative_to(tmp) for p in tmp.rglob("*"))
    site = atomic_build(config, tmp / "site")
    after = sorted(p.relative_to(tmp) for p in tmp.rglob("*")
                   if "site" not in p.parts and ".cache" not in p.parts)
    assert before == after, "the build wrote into the source tree"
    assert (tmp / ".cache" / "shnor" / "pages.sqlite").is_file()  # page cache, gitignored
    return site


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_record_pages_exist_at_stable_urls(mini_site: Path) -> None:
    for url in ("programmes/testgrad-2023", "schools/testgrad-sosh-1", "schools/testgrad-sosh-2",
                "municipalities/testgrad", "organisations/testgrad-mc", "programmes", "schools",
                "municipalities", "organisations", "programmes/testgrad-2023/source",
                "programmes/testgrad-2023/indicators", "programmes/testgrad-2023/roadmap",
                "programmes/testgrad-2023/timeline"):
        assert (mini_site / url / "index.html").is_file(), url
    assert (mini_site / "programmes/testgrad-2023/testgrad-2023.txt").is_file()


def test_programme_pages_show_key_fields(mini_site: Path) -> None:
    """Overview, indicators and roadmap pages together show the document's key fields."""
    pages = {name: _html(mini_site, "programmes/testgrad-2023" + name)
             for name in ("", "/indicators", "/roadmap")}
    expected = {"": ("Об утверждении программы", "Цель программы", "Исходный документ",
                     "школа-куратор для"),
                "/indicators": ("исходное: 34,6", "целевое: 34,8", "1 шт."),
                "/roadmap": ('id="s1-t1-e1"', "Октябрь 2023", "в 9 классах.")}
    for name, texts in expected.items():
        shown = re.sub(r"<[^>]+>", "", pages[name])
        for text in texts:
            assert text in pages[name] or text in shown, (name, text)
        assert '<html lang="ru"' in pages[name]


def test_programme_pages_link_each_other(mini_site: Path) -> None:
    """Every page of a programme links its other pages; the current one is marked."""
    names = ("", "/indicators", "/roadmap", "/timeline", "/source", "/print")
    for name in names:
        nav = re.search(r'<nav class="shnor-subnav".*?</nav>', _html(
            mini_site, "programmes/testgrad-2023" + name), re.S)[0]
        assert nav.count("<li>") == len(names) and nav.count('aria-current="page"') == 1


def test_school_page_lists_roles_partners_events_documents(mini_site: Path) -> None:
    html = _html(mini_site, "schools/testgrad-sosh-1")
    assert "Иванова А.А." in html and "школа-куратор" in html
    assert "подопечная школа" in html
    assert "https://sosh1.testgrad.example/programma.pdf" in html
    html2 = _html(mini_site, "schools/testgrad-sosh-2")
    assert "../../programmes/testgrad-2023/roadmap/#s1-t1-e1" in html2


def test_russian_heading_anchors(mini_site: Path) -> None:
    html = _html(mini_site, "programmes/testgrad-2023/roadmap")
    assert 'id="задача-1-обмен-опытом"' in html


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        d = dict(attrs)
        if d.get("id"):
            self.ids.add(d["id"])
        for key in ("href", "src"):
            if d.get(key):
                self.links.append(d[key])


def _parse(path: Path) -> _Links:
    p = _Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_internal_links_and_anchors_resolve(mini_site: Path) -> None:
    broken = []
    for page in mini_site.rglob("*.html"):
        if page.name == "404.html":  # served at any depth: MkDocs makes its links absolute
            continue
        for link in _parse(page).links:
            if re.match(r"^(https?:|mailto:|data:|#$|javascript:)", link):
                continue
            target, _, anchor = link.partition("#")
            dest = (page.parent / target).resolve() if target else page
            if dest.is_dir():
                dest = dest / "index.html"
            if not dest.exists():
                broken.append(f"{page.relative_to(mini_site)} → {link}")
            elif anchor and dest.suffix == ".html" and anchor not in _parse(dest).ids:
                broken.append(f"{page.relative_to(mini_site)} → {link} (нет якоря)")
    assert broken == []


def test_failed_build_keeps_previous_site(tmp_path: Path) -> None:
    config = make_project(tmp_path, FIXTURES / "mini")
    site = atomic_build(config, tmp_path / "site")
    marker = (site / "index.html").read_bytes()
    (tmp_path / "templates" / "school.md.j2").write_text("{{ undefined_name }}", encoding="utf-8")
    with pytest.raises(BuildError):
        atomic_build(config, tmp_path / "site")
    assert (site / "index.html").read_bytes() == marker
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-build-")]


def test_whole_site_snapshot(built_site: Path) -> None:
    pages = sorted(str(p.relative_to(built_site).parent) for p in built_site.rglob("index.html")
                   if "pagefind" not in p.parts)
    listing = "\n".join(pages) + "\n"
    if os.environ.get("SHNOR_UPDATE_GOLDEN") == "1":
        SNAPSHOT.write_text(listing, encoding="utf-8")
    assert listing == SNAPSHOT.read_text(encoding="utf-8")
    assert len([p for p in pages if p.startswith("schools/")]) == 21
    assert len([p for p in pages if re.fullmatch(r"programmes/[a-z0-9-]+", p)]) == 5


def test_mini_site_is_byte_identical_to_its_snapshot(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file of the mini fixture's site, byte for byte, with the build date fixed.

    A refactoring must leave this list as it is; an intended change of the output
    regenerates it (SHNOR_UPDATE_GOLDEN=1) and shows in review as changed hashes.
    """
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # 2026-09-21
    site = atomic_build(make_project(tmp_path, FIXTURES / "mini"), tmp_path / "site")
    listing = "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  "
                      f"{p.relative_to(site).as_posix()}\n"
                      for p in sorted(site.rglob("*")) if p.is_file())
    if os.environ.get("SHNOR_UPDATE_GOLDEN") == "1":
        MINI_HASHES.write_text(listing, encoding="utf-8")
    expected = MINI_HASHES.read_text(encoding="utf-8").splitlines()
    changed = sorted(set(listing.splitlines()) ^ set(expected))
    assert changed == []


def test_a_school_page_shows_what_applies_to_it(built_site: Path) -> None:
    """A parent sees every event of the programme that applies to the school — all 23 of
    Северск's plan, which lists no school — the programme's status and, when nothing is
    ahead, the years the programme covered."""
    html = (built_site / "schools" / "seversk-soh-83" / "index.html").read_text("utf-8")
    start = html.index('<h2 id="что-программа-делает-для-школы"')
    section = html[start:html.index("<h2", start + 10)]
    assert section.count('href="../../programmes/seversk-2022/roadmap/') == 23
    assert "Программа завершена в 2023 году" in section
    assert "программа рассчитана на 2022–2023 годы" in html
    assert "указаны для 0 из" not in html


def test_the_replaced_site_is_removed_during_the_next_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The site a build replaces stays as .site-old; the next build removes it (in a
    thread, while it builds) and keeps the one it replaces in its place."""
    from shnor_site.mkdocs_plugin import atomic

    seen: list[bool] = []

    def fake_build(config_file: Path, out: Path, strict: bool = True,
                   previous: Path | None = None) -> None:
        (out / "index.html").write_text(f"сборка {len(seen)}", encoding="utf-8")
        seen.append(previous is not None and previous.is_dir())

    monkeypatch.setattr(atomic, "mkdocs_build", fake_build)
    site = tmp_path / "site"
    old = tmp_path / ".site-old"
    for _ in range(3):
        atomic.atomic_build(tmp_path / "mkdocs.yml", site)
    assert (site / "index.html").read_text(encoding="utf-8") == "сборка 2"
    assert (old / "index.html").read_text(encoding="utf-8") == "сборка 1"
    assert seen == [False, True, True]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-old", "site"]
