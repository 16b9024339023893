"""Sanitising: what Markdown fields may contain, `unsafe-html` warnings, the page guard."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from shnor_site.build.guard import unsafe_page_html
from shnor_site.cli.main import main
from shnor_site.content.load import load_file
from shnor_site.content.sources import check_source, removed_markup, stray_files
from shnor_site.content.validate import load_catalogue
from shnor_site.core.markup import md_block, md_escape, md_inline
from shnor_site.core.problems import CODES, problem
from shnor_site.mkdocs_plugin.atomic import BuildError, atomic_build
from shnor_site.pages.plan import render_site
from tests.helpers import FIXTURES, make_project

DANGEROUS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<iframe src=https://evil.example></iframe>",
    "<object data=x></object><embed src=x>",
    "<style>body{display:none}</style>",
    '<p style="background:url(https://evil.example/x)">x</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "[x](javascript:alert(1))",
    "[x](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    '<details open ontoggle="alert(1)">x</details>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<form action="https://evil.example"><input></form>',
]


def _active(html: str) -> list[str]:
    found = re.findall(r"<(script|iframe|object|embed|style|svg|math|form|input|img)\b", html)
    found += re.findall(r"\son\w+\s*=", html)
    found += re.findall(r"(?:href|src)\s*=\s*[\"']?\s*(?:javascript|vbscript|data):", html, re.I)
    return found + (["style="] if "style=" in html else [])


@pytest.mark.parametrize("text", DANGEROUS)
def test_markdown_fields_lose_every_active_part(text: str) -> None:
    assert _active(str(md_block(text))) == []
    assert _active(str(md_inline(text))) == []


def test_plain_text_skips_the_sanitiser_only_where_it_would_change_nothing() -> None:
    """md_block returns text without Markdown syntax as paragraphs without calling the
    sanitiser; for every character that fast path allows, the sanitiser's output is the
    same (code points sampled across the whole range, every one below U+3000)."""
    from shnor_site.core.markup import plain_paragraphs, sanitise

    points = [*range(0x3000), *range(0x3000, 0x110000, 97)]
    for point in points:
        if 0xD800 <= point < 0xE000:
            continue
        text = f"а{chr(point)}б\n\nвторой абзац"
        fast = plain_paragraphs(text)
        if fast is not None:
            assert str(md_block(text)) == sanitise(fast), hex(point)


def test_allowed_markup_survives() -> None:
    text = ("**жирный** и *курсив*, <sup>2</sup>, <br> перенос\n\n- пункт\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n### Подзаголовок\n\n> цитата")
    html = str(md_block(text))
    for tag in ("<strong>", "<em>", "<sup>", "<br>", "<li>", "<table>", "<h3>", "<blockquote>"):
        assert tag in html


@pytest.mark.parametrize(("text", "rel"), [
    ("[сайт](https://example.org/a)", True),
    ("[сайт](http://example.org/a)", True),
    ('<a href="//example.org/a">сайт</a>', True),
    ('<a href="https://example.org" rel="opener" target="_blank">сайт</a>', True),
    ("[школа](../../schools/a/)", False),
    ("[раздел](#plan)", False),
    ("[почта](mailto:uo@example.org)", False),
])
def test_only_links_to_other_hosts_get_noopener(text: str, rel: bool) -> None:
    html = str(md_block(text))
    assert html.count(' rel="noopener noreferrer"') == (1 if rel else 0), html
    assert "target=" not in html and "opener\"" not in html.replace("noopener", "")


@pytest.mark.parametrize(("text", "what"), [
    ("<script>alert(1)</script> текст", "<script>"),
    ("a <img src=x onerror=alert(1)> b", "<img>"),
    ('<p onclick="go()">абзац</p>', "onclick"),
    ("[клик](javascript:alert(1))", "javascript:alert(1)"),
    ('<a href="https://a.ru" target="_blank">a</a>', "target"),
    ("<iframe>внутри</iframe>", "<iframe>"),
    ("<u>подчёркнуто</u>", "<u>"),
    ("<h2>Заголовок</h2>", "<h2>"),
    ("![схема](https://example.org/a.png)", "<img>"),
])
def test_removed_markup_is_named(text: str, what: str) -> None:
    removed = [desc for desc, _ in removed_markup(text)]
    assert any(what in desc for desc in removed), removed


@pytest.mark.parametrize("text", [
    "Обычный текст", "5 < 6 и 7 > 3", "## Заголовок раздела\n\nтекст",
    "| a | b |\n|:--|--:|\n| 1 | 2 |", "[сайт](https://example.org) и [почта](mailto:a@b.ru)",
    "&lt;script&gt; как текст", "<!-- пометка для автора --> текст", "`<script>` в коде",
    "**жирный**, <br> и <sup>2</sup>",
])
def test_harmless_text_gives_no_warning(text: str) -> None:
    assert removed_markup(text) == []


def _content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", root)
    return root


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_warning_carries_file_line_and_field(tmp_path: Path) -> None:
    root = _content(tmp_path)
    _append(root / "schools" / "testgrad-sosh-2.yml",
            "description: |\n  Текст <img src=x onerror=alert(1)>\n")
    cat = load_catalogue(root)
    warnings = [p for p in cat.problems if p.code == "unsafe-html"]
    assert len(warnings) == 1 and not cat.errors
    w = warnings[0]
    assert (w.path, w.line, w.field, w.severity) == (
        "content/schools/testgrad-sosh-2.yml", 7, "description", "warning")
    assert "<img>" in w.message


def test_body_warning_points_at_the_line(tmp_path: Path) -> None:
    path = tmp_path / "content" / "practices" / "p.md"
    path.parent.mkdir(parents=True)
    path.write_text("---\nid: p\n---\n\n## Проблема\n\nтекст\n\n<script>x()</script>\n",
                    encoding="utf-8")
    [warning] = check_source(load_file(path, tmp_path / "content"))
    assert (warning.line, warning.field, warning.code) == (9, "текст", "unsafe-html")


def test_check_prints_warnings_and_exits_0(tmp_path: Path) -> None:
    root = _content(tmp_path)
    _append(root / "municipalities" / "testgrad.yml", "description: '[клик](javascript:x())'\n")
    result = CliRunner().invoke(main, ["check", "--content", str(root)])
    assert result.exit_code == 0, result.output
    assert "testgrad.yml:6: description:" in result.output
    assert "[unsafe-html]" in result.output


def test_plugin_logs_warnings_at_info(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = _content(tmp_path / "src")
    _append(root / "municipalities" / "testgrad.yml", "description: '<script>x()</script>'\n")
    config = make_project(tmp_path / "proj", root)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.shnor"):
        atomic_build(config, tmp_path / "proj" / "site")
    infos = [r for r in caplog.records if "[unsafe-html]" in r.getMessage()]
    assert infos and all(r.levelno == logging.INFO for r in infos)


def test_page_guard_finds_active_content() -> None:
    assert unsafe_page_html('<p class="x" data-y="1"><a href="../a/">a</a></p>') == []
    found = unsafe_page_html('<a href=" java\tscript:x()">a</a><b onclick="x()">b</b>'
                             "<script>x()</script><img src='data:image/png,AA'>")
    assert len(found) == 4


def test_build_refuses_a_template_that_leaks_markdown(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = make_project(tmp_path, FIXTURES / "mini")
    _append(tmp_path / "templates" / "school.md.j2", "\n[клик](javascript:alert(1))\n")
    with pytest.raises(BuildError):
        atomic_build(config, tmp_path / "site")
    assert re.search(r"Небезопасная разметка на странице schools/testgrad-sosh-\d\.md: "
                     r"адрес «javascript:alert\(1\)»", caplog.text)
    assert not (tmp_path / "site").exists()


def test_page_titles_are_escaped_for_the_theme(tmp_path: Path) -> None:
    root = _content(tmp_path)
    path = root / "programmes" / "testgrad-2023.yml"
    text = path.read_text(encoding="utf-8").replace(
        "title: Программа повышения", "title: </title><script>alert(1)</script> Программа", 1)
    path.write_text(text, encoding="utf-8")
    site = render_site(load_catalogue(root), FIXTURES.parent.parent / "templates")
    head = site.pages["programmes/testgrad-2023.md"].split("---")[1]
    assert "&lt;/title&gt;&lt;script&gt;" in head and "<script>" not in head


def test_plain_text_cannot_open_markdown_attribute_lists() -> None:
    assert "\\{: onclick=alert(1) \\}" in str(md_escape("Заголовок {: onclick=alert(1) }"))


def test_messages_escape_control_characters() -> None:
    name = "content/schools/x\n::error::y\x1b[2J\u202e.yml"
    text = problem(name, "id-filename", line=1, detail="\udcff").format()
    assert "\n" not in text.split("\n    ")[0] and "\x1b" not in text and "\u202e" not in text
    assert "\\n::error::y\\x1b[2J\\u202e.yml" in text and "\\xff" in text


def test_files_nobody_reads_are_errors(tmp_path: Path) -> None:
    root = _content(tmp_path)
    (root / "shools").mkdir()
    (root / "schools" / "x.YML").write_text("id: x\n", encoding="utf-8")
    (root / "schools" / "old").mkdir()
    (root / "schools" / "_draft.yml").write_text("id: draft\n", encoding="utf-8")
    (root / "README.md").write_text("о папке\n", encoding="utf-8")
    found = {p.path: p for p in stray_files(root)}
    assert set(found) == {"content/shools", "content/schools/x.YML", "content/schools/old"}
    assert "schools" in found["content/shools"].message
    assert all(p.code == "ignored-file" and p.severity == "error" for p in found.values())
    assert len(load_catalogue(root).errors) == 3


def test_codes_used_here_exist() -> None:
    assert {"unsafe-html", "ignored-file"} <= set(CODES)
