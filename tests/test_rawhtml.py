"""HTML blocks kept away from Python-Markdown (shnor_site/build/rawhtml.py) change no byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from shnor_site.build.rawhtml import normalise, restore, stash
from shnor_site.mkdocs_plugin.atomic import atomic_build
from tests.helpers import SITE_CONTENT, make_project

MARK = "SHNORRAWtestN"


def test_blocks_become_placeholders_and_come_back() -> None:
    text = ("# T\n\n<div class=\"a\">\n<p id=\"x\">1</p>\n<div>2</div>\n</div>\n\n"
            "text <b>inline</b>\n\n<p>last</p>")
    out, found = stash(text, MARK)
    assert out == f"# T\n\n{MARK}0X\n\ntext <b>inline</b>\n\n{MARK}1X"
    assert found.ids == {"x"} and len(found.blocks) == 2
    html = f"<h1>T</h1>\n<p>{MARK}0X</p>\n<p>text <b>inline</b></p>\n<p>{MARK}1X</p>"
    assert restore(html, found) == (
        "<h1>T</h1>\n" + found.blocks[0] + "\n\n<p>text <b>inline</b></p>\n" + found.blocks[1])


@pytest.mark.parametrize("text", [
    "text\n<div>glued to a paragraph</div>\n\n",      # no blank line before
    "<div>a</div>\ntext right after\n",              # no blank line after
    "<div>\n<div>unclosed</div>\n\nmore\n",          # the element never closes
    "<div>a</div> tail\n\n",                         # text after the closing tag
    "<span>inline element</span>\n\n",               # not a block-level tag
])
def test_doubtful_blocks_are_left_to_markdown(text: str) -> None:
    out, found = stash(text, MARK)
    assert found.blocks == [] and out == normalise(text)


def test_whitespace_is_normalised_like_python_markdown() -> None:
    assert normalise("a\tb\r\n   \n\x02c") == "a   b\n\nc"


def _site_pairs(project: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("SHNOR_SEARCH", "0")
    fast = atomic_build(project, tmp / "fast")
    monkeypatch.setenv("SHNOR_RAW_HTML", "0")
    plain = atomic_build(project, tmp / "plain")
    pages = sorted(p.relative_to(fast) for p in fast.rglob("*.html"))
    assert pages == sorted(p.relative_to(plain) for p in plain.rglob("*.html"))
    return [str(p) for p in pages if (fast / p).read_bytes() != (plain / p).read_bytes()]


def test_real_site_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "project", SITE_CONTENT)
    assert _site_pairs(project, tmp_path, monkeypatch) == []
