"""Long content cut into pages (layout/parts.py, layout/roadmap.py, pages/timeline_parts.py)."""

from __future__ import annotations

from pathlib import Path

from shnor_site.content.validate import load_catalogue
from shnor_site.graph.link import build_graph
from shnor_site.layout.parts import pack, part_uri
from shnor_site.render.urls import page_dir
from tests.helpers import SITE_CONTENT

BUILD_LIMIT = 80 * 1024


def test_pack_fills_parts_in_order() -> None:
    assert pack([5, 5, 5, 5], int, budget=10) == [[5, 5], [5, 5]]
    assert pack([12, 1, 1], int, budget=10) == [[12], [1, 1]]  # too big: a part of its own
    assert pack([], int, budget=10) == [[]]
    assert pack([3, 3, 3, 3], int, budget=10, first_budget=4) == [[3], [3, 3, 3]]


def test_part_uris_keep_part_one_and_nest_the_others() -> None:
    assert part_uri("programmes/x/roadmap.md", 1) == "programmes/x/roadmap.md"
    assert part_uri("programmes/x/roadmap.md", 2) == "programmes/x/roadmap/2.md"
    assert part_uri("practices/index.md", 3) == "practices/page/3.md"
    assert page_dir(part_uri("practices/risk/x.md", 2)) == "practices/risk/x/2/"


def _parts(budget: int):
    from shnor_site.layout.roadmap import roadmap_parts

    g = build_graph(load_catalogue(SITE_CONTENT))
    prog = g.record("programme", "tula-2024")
    return g, prog, roadmap_parts(prog, g.events[prog.id], budget)


def test_roadmap_parts_keep_every_event_once_in_order() -> None:
    g, prog, parts = _parts(6000)
    assert len(parts) > 5
    events = [item.placed for part in parts for item in part.items if item.kind == "event"]
    assert events == g.events[prog.id]
    assert [p.number for p in parts] == list(range(1, len(parts) + 1))
    assert {p.of for p in parts} == {len(parts)}


def test_roadmap_pages_start_with_their_section_and_never_end_on_a_heading() -> None:
    _, _, parts = _parts(6000)
    for part in parts[1:]:
        assert part.items[0].kind == "section"
    for part in parts[:-1]:
        assert part.items[-1].kind == "event"
    continued = [i for p in parts for i in p.items if i.continued]
    assert continued and all(i.kind in ("section", "task") for i in continued)


def test_every_real_page_is_within_the_budget(built_site: Path) -> None:
    """No page of the site built from the five documents exceeds 80 KB of HTML."""
    sizes = {p.relative_to(built_site).as_posix(): p.stat().st_size
             for p in built_site.rglob("*.html") if "pagefind" not in p.parts}
    assert len(sizes) > 100
    assert {p: s // 1024 for p, s in sizes.items() if s > BUILD_LIMIT} == {}


def test_source_text_is_cut_at_line_ends_without_loss() -> None:
    from shnor_site.pages.programme import split_text

    text = "\n".join(f"строка {n} " + "ж" * (n % 90) for n in range(2000)) + "\n"
    pieces = split_text(text, 6000)
    assert "".join(pieces) == text and len(pieces) > 10
    assert all(p.endswith("\n") and len(p.encode("utf-8")) <= 6000 for p in pieces)
    assert split_text("", 6000) == [""] and split_text("а" * 9000, 6000) == ["а" * 9000]


def test_print_version_holds_each_whole_plan_in_one_part() -> None:
    """Table rows are small: every bundled plan prints from one page, events in order; a
    budget too small for the plan cuts it into parts without losing an event."""
    from shnor_site.layout.roadmap import print_row_size, roadmap_parts
    from shnor_site.pages.programme import PRINT_BUDGET

    g = build_graph(load_catalogue(SITE_CONTENT))
    for prog in g.cat.all("programme"):
        parts = roadmap_parts(prog, g.events[prog.id], PRINT_BUDGET, print_row_size, "print")
        assert [p.uri for p in parts] == [f"programmes/{prog.id}/print.md"]
        assert [i.placed for i in parts[0].items if i.kind == "event"] == g.events[prog.id]
    prog = g.record("programme", "tula-2024")
    small = roadmap_parts(prog, g.events[prog.id], 6000, print_row_size, "print")
    assert len(small) > 3 and small[1].uri == "programmes/tula-2024/print/2.md"
    assert [i.placed for p in small for i in p.items if i.kind == "event"] == g.events[prog.id]
