"""Render stage: golden Markdown for the mini fixture, links and escaping."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from shnor_site.content.validate import load_catalogue
from shnor_site.graph.link import build_graph
from shnor_site.pages.plan import render_site
from tests.helpers import FIXTURES, ROOT

GOLDEN = ROOT / "tests" / "golden" / "mini"
UPDATE = os.environ.get("SHNOR_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def mini():
    return render_site(load_catalogue(FIXTURES / "mini"), ROOT / "templates",
                       today=dt.date(2026, 1, 15))  # event statuses are judged against it


def test_pages_and_urls(mini) -> None:
    assert sorted(mini.pages) == sorted([
        "index.md", "municipalities/index.md", "organisations/index.md", "schools/index.md",
        "programmes/index.md", "municipalities/testgrad.md", "organisations/testgrad-mc.md",
        "organisations/testgrad-uo.md", "schools/testgrad-sosh-1.md",
        "schools/testgrad-sosh-2.md", "programmes/testgrad-2023.md",
        "programmes/testgrad-2023/source.md", "programmes/testgrad-2023/indicators.md",
        "programmes/testgrad-2023/roadmap.md", "programmes/testgrad-2023/timeline.md",
        "programmes/testgrad-2023/print.md", "practices/index.md",
        "indicators/index.md", "partnerships/index.md", "data/index.md", "feeds/index.md",
        "search.md",
    ])
    assert sorted(f for f in mini.files if not f.startswith(("data/", "feeds/"))) == [
        "programmes/testgrad-2023/testgrad-2023.ics",
        "programmes/testgrad-2023/testgrad-2023.txt",
        "schools/testgrad-sosh-1/testgrad-sosh-1.ics",
        "schools/testgrad-sosh-2/testgrad-sosh-2.ics",
    ]


@pytest.mark.parametrize("uri", [
    "programmes/testgrad-2023.md", "programmes/testgrad-2023/indicators.md",
    "programmes/testgrad-2023/roadmap.md", "programmes/testgrad-2023/timeline.md",
    "programmes/testgrad-2023/print.md", "schools/testgrad-sosh-2.md", "municipalities/testgrad.md",
    "organisations/testgrad-mc.md", "index.md", "schools/index.md",
])
def test_golden(mini, uri: str) -> None:
    golden = GOLDEN / (uri.replace("/", "__"))
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(mini.pages[uri], encoding="utf-8")
    assert mini.pages[uri] == golden.read_text(encoding="utf-8"), (
        f"{uri} differs from {golden}; if the change is intended, rerun with "
        "SHNOR_UPDATE_GOLDEN=1 and review the diff")


def test_graph_links_school_to_events_pairs_and_roles() -> None:
    g = build_graph(load_catalogue(FIXTURES / "mini"))
    assert [p.anchor for p in g.events["testgrad-2023"]] == ["s1-t1-e1", "s2-e1"]
    assert [p.event.number for p in g.events_by_agent["testgrad-sosh-2"]] == ["1."]
    assert [p.event.number for p in g.events_by_agent["testgrad-mc"]] == ["1."]
    roles = {r.role for r in g.school_roles["testgrad-sosh-2"]}
    assert roles == {"целевая школа"}
    partner = g.school_partners["testgrad-sosh-2"][0]
    assert (partner.other.id, partner.label) == ("testgrad-sosh-1", "школа-куратор")
    assert g.school_partners["testgrad-sosh-1"][0].label == "подопечная школа"


def test_text_is_escaped_and_markdown_sanitised(tmp_path: Path) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    prog = content / "programmes" / "testgrad-2023.yml"
    text = prog.read_text(encoding="utf-8")
    text = text.replace("title: Обмен опытом", "title: 'Обмен <b onclick=x()>опытом</b> *жирно*'")
    text = text.replace("result: Справка",
                        "result: '[ссылка](javascript:alert(1)) <script>alert(2)</script>'")
    prog.write_text(text, encoding="utf-8")
    page = render_site(load_catalogue(content), ROOT / "templates").pages[
        "programmes/testgrad-2023/roadmap.md"]
    assert "<b onclick" not in page and "&lt;b onclick=x()&gt;" in page
    assert "\\*жирно\\*" in page
    assert "javascript:" not in page and "<script>" not in page
