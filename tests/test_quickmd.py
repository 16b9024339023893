"""Headings-and-placeholders pages converted without Python-Markdown (build/quickmd.py)
give the same HTML, ids and table of contents as Python-Markdown with MkDocs' settings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymdownx.slugs import slugify

from shnor_site.build.quickmd import QuickMarkdown
from shnor_site.mkdocs_plugin.atomic import atomic_build
from tests.helpers import SITE_CONTENT, make_project

MARK = "SHNORRAWtestN"
EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "sane_lists"]
TOC = {"permalink": True, "toc_depth": 3, "slugify": slugify(case="lower")}


def _config(**toc: object) -> dict:
    """The Markdown part of a MkDocs configuration, with these toc settings."""
    return {"markdown_extensions": list(EXTENSIONS), "mdx_configs": {"toc": {**TOC, **toc}}}


def _python_markdown(text: str) -> tuple[str, list, set[str]]:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"toc": TOC})
    html = md.convert(text)
    return html, md.toc_tokens, set(re.findall(r' id="([^"]*)"', html))


QUICK = QuickMarkdown.for_config(_config(), MARK)


@pytest.mark.parametrize("text", [
    f"{MARK}0X\n\n# Заголовок страницы\n\n{MARK}1X\n\n## Признаки практики\n\n{MARK}2X\n",
    f"{MARK}0X\n\n## Раздел {{#sec-1}}\n\n### Подраздел\n\n#### Глубже\n\n{MARK}1X",
    f"{MARK}0X\n\n## Итоги\n\n## Итоги\n\n## Итоги\n\n{MARK}1X\n\n\n{MARK}2X\n",
    f"{MARK}0X\n\n## Итоги {{: #itogi }}\n\n## Итоги\n\n## Итоги ##\n",
    f"{MARK}0X\n\n## 1. Доля педагогов, «Самусьский» — 2023–2026 годы\n\n{MARK}1X",
    f"{MARK}0X\n\n## Раздел {{.wide}}\n\n## Итоги {{#a .b .c}}\n\n## Ещё {{: .d #e }}\n",
    f"{MARK}0X\n\nпросто абзац, с запятой; и (скобками) — 5 %\n\n{MARK}1X\n",
    f"{MARK}0X\n\n- пункт списка\n- [ссылка](../a/b.md) — описана\n- ещё ([в скобках](c.md#x))\n",
    f"{MARK}0X\n\n**[Программа](p.md)** — 31 мероприятие\n\n**жирный текст** и хвост\n",
    f"{MARK}0X\n\n[Ссылка в начале](a.md) и текст\n\n«Кавычки» в начале\n",
])
def test_same_as_python_markdown(text: str) -> None:
    got = QUICK.convert(text)
    assert got is not None
    html, tokens, ids = _python_markdown(text)
    assert got.html == html
    assert got.toc_tokens == tokens
    assert got.ids == ids


@pytest.mark.parametrize("text", [
    "# Заголовок первым\n\ntext",                        # MkDocs takes it as the title
    f"{MARK}0X\n\n## Ссылка [сюда](a.md)\n",            # a link in a heading
    f"{MARK}0X\n\n## *Курсив*\n",                       # emphasis
    f"{MARK}0X\n\n## A & B\n",                          # an entity to escape
    f"{MARK}0X\n\n## Раздел {{data-x=1}}\n",            # an attribute other than id, class
    f"{MARK}0X\n## Прижат к блоку\n",                    # no blank line between
    f"{MARK}0X\n   \n{MARK}1X\n",                        # spaces on a blank line
    f"{MARK}0X\n\n##Без пробела\n",                      # Python-Markdown's own case
    f"{MARK}0X\n\n1. нумерованный\n",                   # an ordered list
    f"{MARK}0X\n\n- пункт\n    - вложенный\n",          # a nested list
    f"{MARK}0X\n\n- пункт\nпродолжение\n",              # an item going on
    f"{MARK}0X\n\nдве строки\nабзаца\n",                # a paragraph of two lines
    f"{MARK}0X\n\nтекст *курсивом*\n",                   # emphasis in a paragraph
    f"{MARK}0X\n\n[ссылка](a.md \"заголовок\")\n",      # a link with a title
    f"{MARK}0X\n\n[ссылка](<a b.md>)\n",                 # an address in angle brackets
    f"{MARK}0X\n\n**незакрытый\n",                       # unclosed strong
    f"{MARK}0X\n\n> цитата\n",                           # a quote
    f"{MARK}0X\n\n| a | b |\n",                          # a table row
])
def test_anything_else_is_left_to_python_markdown(text: str) -> None:
    called = []
    assert QUICK.convert(text, called.append) is None
    assert called == []  # no link checked (and no warning given) for a page it declines


def test_links_go_through_path_to_url_in_page_order() -> None:
    text = (f"{MARK}0X\n\n- [a](one.md)\n- [b](two.md#x)\n\n**[c](three.md)** и "
            "[d](four.md)\n")
    seen: list[str] = []
    got = QUICK.convert(text, lambda url: seen.append(url) or f"/{url}/")
    assert seen == ["one.md", "two.md#x", "three.md", "four.md"]
    assert '<a href="/one.md/">a</a>' in got.html


@pytest.mark.parametrize("toc", [{"anchorlink": True}, {"permalink": "#"},
                                 {"baselevel": 2}, {"permalink_leading": True}])
def test_other_toc_settings_switch_it_off(toc: dict) -> None:
    assert QuickMarkdown.for_config(_config(**toc), MARK) is None


def test_other_extensions_switch_it_off() -> None:
    config = _config()
    config["markdown_extensions"] = [*EXTENSIONS, "admonition"]
    assert QuickMarkdown.for_config(config, MARK) is None


def test_toc_depth_range_is_kept() -> None:
    quick = QuickMarkdown.for_config(_config(toc_depth="2-3"), MARK)
    text = f"{MARK}0X\n\n# Один\n\n## Два\n\n#### Четыре\n"
    md = markdown.Markdown(extensions=EXTENSIONS,
                           extension_configs={"toc": {**TOC, "toc_depth": "2-3"}})
    html = md.convert(text)
    got = quick.convert(text)
    assert (got.html, got.toc_tokens) == (html, md.toc_tokens)


def _build(project: Path, out: Path, monkeypatch: pytest.MonkeyPatch, quick: bool) -> dict:
    monkeypatch.setenv("SHNOR_QUICK_MARKDOWN", "1" if quick else "0")
    monkeypatch.setenv("SHNOR_TIMINGS", str(out.with_suffix(".json")))
    atomic_build(project, out)
    return json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))


def test_real_site_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "project", SITE_CONTENT)
    monkeypatch.setenv("SHNOR_SEARCH", "0")
    quick = _build(project, tmp_path / "quick", monkeypatch, True)
    plain = _build(project, tmp_path / "plain", monkeypatch, False)
    assert quick["finished"]["counts"].get("quick", 0) > 0  # the quick path was taken
    assert plain["finished"]["counts"].get("quick", 0) == 0
    pages = sorted(p.relative_to(tmp_path / "quick") for p in (tmp_path / "quick").rglob("*"))
    assert pages == sorted(p.relative_to(tmp_path / "plain")
                           for p in (tmp_path / "plain").rglob("*"))
    differ = [str(p) for p in pages if (tmp_path / "quick" / p).is_file()
              and (tmp_path / "quick" / p).read_bytes() != (tmp_path / "plain" / p).read_bytes()]
    assert differ == []


INLINE = st.lists(st.sampled_from([
    "слово", " ", "«цитата»", "(", ")", "—", "5 %", ":", ";", ",", ".", "1.", "2023", "**",
    "[ссылка](a.md)", "[б](../x/y.md#s1-e2)", "*", "_", "[", "]", "&", "<b>", "\\", "#",
    "  ", "-", "+", ">", "|", "{#id}", "{.cls}", "№", "x"]), min_size=1, max_size=8).map("".join)
LINE = st.one_of(
    st.just(""), st.just(""), st.sampled_from([f"{MARK}0X", f"{MARK}1X"]),
    INLINE, INLINE.map("- {}".format), INLINE.map("## {}".format),
    INLINE.map("### {}".format), INLINE.map("    {}".format), INLINE.map("1. {}".format))


@settings(max_examples=1500, deadline=None)
@given(st.lists(LINE, max_size=10).map("\n".join))
def test_whatever_it_converts_python_markdown_converts_the_same(text: str) -> None:
    """Random pages from the pieces it knows and those it must decline."""
    text = f"{MARK}0X\n\n{text}\n"
    got = QUICK.convert(text)
    if got is not None:
        html, tokens, ids = _python_markdown(text)
        assert (got.html, got.toc_tokens, got.ids) == (html, tokens, ids)
