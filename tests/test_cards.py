"""Event and practice cards made in Python (render/cards.py) are the HTML the macros made.

tests/fixtures/reference/ keeps the macros as they were (event_card, event_field,
agent_link and the included dates); every event of the test content and of the 1 %
synthetic corpus is rendered both ways, on a roadmap page and at the heading levels used.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2

from benchmarks import synth
from shnor_site.content.validate import load_catalogue
from shnor_site.graph.link import build_graph
from shnor_site.graph.tracking import Schedule
from shnor_site.layout.parts import programme_page_uri
from shnor_site.render.cards import event_card
from shnor_site.render.env import make_env
from tests.helpers import FIXTURES, ROOT, SITE_CONTENT

REFERENCE = FIXTURES / "reference"


def _reference_env() -> jinja2.Environment:
    env = make_env(ROOT / "templates")
    env.loader = jinja2.FileSystemLoader(str(REFERENCE))
    return env


def _pairs(content: Path) -> list[tuple[str, str]]:
    """(reference, new) HTML of every event card of this content."""
    cat = load_catalogue(content)
    assert not cat.errors, [p.format() for p in cat.errors]
    graph = build_graph(cat)
    sched = Schedule(graph, dt.date(2025, 6, 1))
    macros = _reference_env().from_string(
        '{% import "event_card_reference.md.j2" as m with context %}'
        "{{ m.event_card(g, placed, cols, level) }}")
    out = []
    for programme in graph.cat.all("programme"):
        cols = programme.roadmap.columns
        page_uri = programme_page_uri(programme.id, "roadmap")
        for i, placed in enumerate(graph.events.get(programme.id, [])):
            level = 3 + i % 3
            context = {"g": graph, "sched": sched, "page_uri": page_uri}
            old = macros.render(placed=placed, cols=cols, level=level, **context)
            new = str(event_card(graph, sched, page_uri, placed, cols, level))
            out.append((old, new))
    return out


def test_cards_of_the_test_content_are_unchanged() -> None:
    pairs = _pairs(SITE_CONTENT)
    assert len(pairs) > 100
    assert [new for _, new in pairs] == [old for old, _ in pairs]


def test_cards_of_the_synthetic_corpus_are_unchanged(tmp_path: Path) -> None:
    synth.generate(tmp_path / "content", 1, seed=3)
    pairs = _pairs(tmp_path / "content")
    assert len(pairs) >= 1000
    assert [new for _, new in pairs] == [old for old, _ in pairs]


def test_cards_with_execution_and_evidence_are_unchanged(tmp_path: Path) -> None:
    from tests.test_tracking import mini_copy

    content = mini_copy(tmp_path, """              result: Справка
              status: перенесено
              status_note: Перенесено на «весну» <после> каникул & экзаменов
              done: 2023-10-20
              evidence:
                - title: Протокол «семинара» & итоги
                  url: https://mc.testgrad.example/protocol-1.pdf?a=1&b=2
                  kind: протокол
                  date: 2023-10-21
                - title: Фото
                  url: https://mc.testgrad.example/photo
                  kind: публикация
""")
    pairs = _pairs(content)
    assert any("shnor-evidence" in old for old, _ in pairs)
    assert [new for _, new in pairs] == [old for old, _ in pairs]


def _practice_pairs(content: Path) -> list[tuple[str, str]]:
    """(reference, new) HTML of every practice card of this content, in both forms."""
    from shnor_site.render.cards import practice_card

    cat = load_catalogue(content)
    assert not cat.errors, [p.format() for p in cat.errors]
    graph = build_graph(cat)
    macro = _reference_env().from_string(
        '{% import "practice_card_reference.md.j2" as pm with context %}'
        "{{ pm.card(g, p, level, compact) }}")
    out = []
    for i, p in enumerate(graph.cat.all("practice")):
        for page_uri, level, compact in (("practices/risk/x.md", 3, False),
                                         ("schools/s.md", 2 + i % 3, True)):
            old = macro.render(g=graph, p=p, level=level, compact=compact, page_uri=page_uri)
            out.append((old, str(practice_card(graph, page_uri, p, level, compact))))
    return out


def test_practice_cards_are_unchanged(tmp_path: Path) -> None:
    synth.generate(tmp_path / "content", 1, seed=5)
    for content in (SITE_CONTENT, tmp_path / "content"):
        pairs = _practice_pairs(content)
        assert len(pairs) >= 20
        assert [new for _, new in pairs] == [old for old, _ in pairs]
