"""The bank in a built site: practice pages, facet pages, the selector and cross-links."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from shnor_site.core.models.practice import RiskProfile, choices
from shnor_site.core.practices import slugify
from shnor_site.mkdocs_plugin.atomic import atomic_build
from tests.fixtures.practices.assemble import practice_content
from tests.helpers import make_project

RISK_PARENTS = "nizkiy-uroven-vovlechennosti-roditeley"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("psite")
    content = practice_content(tmp_path_factory.mktemp("pcontent"))
    return atomic_build(make_project(tmp, content), tmp / "site")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.cards: list[dict[str, str]] = []
        self.hidden_forms: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        d = {k: v or "" for k, v in attrs}
        if d.get("id"):
            self.ids.add(d["id"])
        if tag == "a" and d.get("href"):
            self.links.append(d["href"])
        if "data-shnor-practice" in d:
            self.cards.append(d)
        if tag == "form" and "hidden" in d:
            self.hidden_forms.append(d.get("class", ""))


def _page(site: Path, url: str) -> tuple[str, _Page]:
    html = (site / url / "index.html").read_text(encoding="utf-8")
    parsed = _Page()
    parsed.feed(html)
    return html, parsed


def test_bank_pages_exist(site: Path) -> None:
    urls = ["practices", "practices/select", "practices/testgrad-nastavniki",
            "practices/testgrad-roditelskiy-klub", "practices/theme/nastavnichestvo",
            "practices/level/ooo", "practices/audience/roditeli", "practices/subject/matematika",
            "practices/format/nastavnicheskaya-para", "practices/status/aprobirovana",
            "practices/municipality/testgrad"]
    urls += [f"practices/risk/{slugify(r)}" for r in choices(RiskProfile)]
    missing = [u for u in urls if not (site / u / "index.html").is_file()]
    assert missing == []
    assert not (site / "practices/theme/upravlenie").exists()  # no practice carries it


def test_bank_lists_cards_with_facets_and_a_link_filter(site: Path) -> None:
    html, page = _page(site, "practices")
    assert len(page.cards) == 2
    klub = next(c for c in page.cards if "data-facet-audience" in c and
                c["data-facet-audience"] == "roditeli")
    assert klub["data-facet-risk"] == RISK_PARENTS and klub["data-facet-municipality"] == \
        "testgrad"
    # Without JS the filter is a list of links to the facet pages; practices.js makes them
    # checkboxes.
    assert page.hidden_forms == [] and 'name="risk"' not in html
    assert f'href="risk/{RISK_PARENTS}/" data-facet="risk" data-slug="{RISK_PARENTS}"' in html
    assert "theme/nastavnichestvo/" in page.links
    assert html.count("нет данных") == 1  # the club gives no cost
    assert html.count("описание без измерений") >= 1  # and says nothing was measured


def test_practice_page_links_school_programme_event_and_facets(site: Path) -> None:
    html, page = _page(site, "practices/testgrad-nastavniki")
    for href in ("../../schools/testgrad-sosh-1/", "../../programmes/testgrad-2023/",
                 "../../programmes/testgrad-2023/roadmap/#s1-t1-e1", "../theme/nastavnichestvo/",
                 "../risk/nedostatochnaya-predmetnaya-i-metodicheskaya-kompetentnost-"
                 "pedagogicheskikh-rabotnikov/", "../../programmes/testgrad-2023/source/"):
        assert href in page.links, href
    for text in ("Иванова А.А.", "01.03.2024, Петрова В.В., методист", "Отчёт школы, 2024",
                 "Наставники для молодых учителей"):
        assert text in html, text
    assert re.search(r'class="is-current" aria-current="true">измерено в одной школе', html)
    assert re.search(r'class="is-current" aria-current="true">небольшие затраты', html)
    assert [h for h in ("Проблема", "Что сделали", "Результаты", "Как повторить", "Материалы")
            if f">{h}<" not in html] == []
    club, _ = _page(site, "practices/testgrad-roditelskiy-klub")
    assert club.count("<strong>нет данных</strong>") == 1
    assert "<strong>описание без измерений</strong>" in club
    assert "ещё не проверена методистом" in club


def test_school_and_programme_pages_list_their_practices(site: Path) -> None:
    _, school1 = _page(site, "schools/testgrad-sosh-1")
    assert "../../practices/testgrad-nastavniki/" in school1.links
    html3, school3 = _page(site, "schools/testgrad-sosh-3")
    assert "направлена на: Низкий уровень вовлеченности родителей" in html3
    assert f"../../practices/risk/{RISK_PARENTS}/" in school3.links
    assert "../../practices/select/" in school3.links
    _, prog = _page(site, "programmes/testgrad-2023")
    assert "../../practices/testgrad-nastavniki/" in prog.links
    assert "roadmap/#s1-t1-e1" in prog.links
    other, _ = _page(site, "schools/testgrad-sosh-2")
    assert "Практики школы" not in other and "Риск-профили школы" not in other


def test_facet_and_selector_pages(site: Path) -> None:
    _html, page = _page(site, f"practices/risk/{RISK_PARENTS}")
    assert [c["data-facet-risk"] for c in page.cards] == [RISK_PARENTS]
    assert "../../select/" in page.links
    empty, _ = _page(site, "practices/risk/defitsit-pedagogicheskikh-kadrov")
    assert "пока нет" in empty
    sel_html, sel = _page(site, "practices/select")
    assert "shnor-pselect" in sel.hidden_forms and len(sel.cards) == 2
    assert sel_html.count('name="risk"') == 10
    assert all(f"../risk/{slugify(r)}/" in sel.links for r in choices(RiskProfile))


def test_nav_has_the_bank_and_every_internal_link_resolves(site: Path) -> None:
    _, home = _page(site, "")
    assert "practices/" in home.links
    broken = []
    for html_file in site.rglob("*.html"):
        if html_file.name == "404.html":
            continue
        parsed = _Page()
        parsed.feed(html_file.read_text(encoding="utf-8"))
        for link in parsed.links:
            if re.match(r"^(https?:|mailto:|#$)", link):
                continue
            target, _, anchor = link.partition("#")
            dest = (html_file.parent / target).resolve() if target else html_file
            dest = dest / "index.html" if dest.is_dir() else dest
            if not dest.exists():
                broken.append(f"{html_file.relative_to(site)} → {link}")
            elif anchor and dest.suffix == ".html":
                ids = _Page()
                ids.feed(dest.read_text(encoding="utf-8"))
                if anchor not in ids.ids:
                    broken.append(f"{html_file.relative_to(site)} → {link} (нет якоря)")
    assert broken == []


def test_real_site_bank(built_site: Path) -> None:
    _html, page = _page(built_site, "practices")
    assert len(page.cards) >= 12
    for card in page.cards:
        assert card["data-facet-status"] == "opisana"
    assert (built_site / "schema" / "practice.schema.json").is_file()
    for practice_dir in (built_site / "practices").iterdir():
        if practice_dir.name.startswith(("kargasok-", "seversk-", "tula-", "norilsk-",
                                         "sosva-")):
            text = (practice_dir / "index.html").read_text(encoding="utf-8")
            assert text.count("<strong>нет данных</strong>") == 1, practice_dir.name
            assert "<strong>описание без измерений</strong>" in text, practice_dir.name
            assert re.search(r'href="../../programmes/[a-z0-9-]+/roadmap/(?:\d+/)?#', text), \
                practice_dir.name
