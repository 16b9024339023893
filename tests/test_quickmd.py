"""Headings-and-placeholders pages converted without Python-Markdown (build/quickmd.py)
give the same HTML, ids and table of contents as Python-Markdown with MkDocs' settings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
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
    f"{MARK}0X\n\n- пункт списка\n",                    # a list
    f"{MARK}0X\n\n## Ссылка [сюда](a.md)\n",            # a link
    f"{MARK}0X\n\n## *Курсив*\n",                       # emphasis
    f"{MARK}0X\n\n## A & B\n",                          # an entity to escape
    f"{MARK}0X\n\n## Раздел {{.wide}}\n",               # an attribute other than an id
    f"{MARK}0X\n## Прижат к блоку\n",                    # no blank line between
    f"{MARK}0X\n\nпросто абзац\n",                       # a paragraph of text
    f"{MARK}0X\n   \n{MARK}1X\n",                        # spaces on a blank line
    f"{MARK}0X\n\n##Без пробела\n",                      # Python-Markdown's own case
])
def test_anything_else_is_left_to_python_markdown(text: str) -> None:
    assert QUICK.convert(text) is None


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
