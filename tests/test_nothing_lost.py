"""Nothing lost: every value of every record in content/ is visible on its built page.

A value counts as shown when its text — HTML-unescaped, tags stripped, whitespace
collapsed, case ignored, Markdown rendered block by block — occurs in the visible text
of the record's page or its sub-pages (a programme's source document page). Dates may
be shown as ДД.ММ.ГГГГ; addresses may be link targets. The deliberate exceptions are
listed, with reasons, in tests/support/internal_fields.py; references to other records
are exceptions by nature (found from the models).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

from shnor_site.content.sources import iter_strings
from shnor_site.content.validate import load_catalogue
from shnor_site.core.catalogue import Catalogue
from shnor_site.core.introspect import iter_refs
from shnor_site.core.markup import md_block
from shnor_site.core.models import KINDS
from shnor_site.core.problems import fmt_loc
from tests.helpers import SITE_CONTENT
from tests.support.internal_fields import REFERENCE_REASON, internal_reason

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "pre",
          "blockquote", "br", "tr", "table", "ul", "ol", "div", "hr"}


class _Text(HTMLParser):
    """Visible text inside `.md-content`, optionally cut into blocks."""

    def __init__(self, whole_page: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 1 if whole_page else 0
        self.skip = 0
        self.blocks: list[list[str]] = [[]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += tag not in ("br", "hr", "img", "input", "meta", "link")
        elif "md-content" in classes:
            self.depth = 1
        if self.depth and (tag in ("script", "style", "template") or "headerlink" in classes):
            self.skip += 1
        if tag in BLOCKS:
            self.blocks.append([])

    def handle_endtag(self, tag: str) -> None:
        if self.skip and tag in ("script", "style", "template", "a"):
            self.skip -= 1
        if self.depth:
            self.depth -= 1
        if tag in BLOCKS:
            self.blocks.append([])

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.blocks[-1].append(data)


def _norm(text: str) -> str:
    return " ".join(html.unescape(text).replace("¶", " ").split()).casefold()


def visible_text(page_html: str) -> str:
    """Normalised visible text of a page's content area."""
    parser = _Text()
    parser.feed(page_html)
    return _norm(" ".join("".join(b) for b in parser.blocks))


def value_blocks(value: str) -> list[str]:
    """The value as Markdown rendered by the site, cut into normalised text blocks."""
    parser = _Text(whole_page=True)
    parser.feed(str(md_block(value)))
    return [t for t in (_norm("".join(b)) for b in parser.blocks) if t]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(SITE_CONTENT)


@cache
def _page(path: Path) -> tuple[str, str]:
    raw = path.read_text(encoding="utf-8")
    return raw, visible_text(raw)


def record_pages(site: Path, kind: str, rid: str) -> list[Path]:
    """The record's page and its sub-pages."""
    folder = site / KINDS[kind].folder / rid
    return sorted(folder.rglob("index.html"))


def is_shown(value: str, pages: list[tuple[str, str]]) -> bool:
    """Whether the value is visible (or, for an address, linked) on one of the pages."""
    candidates = [[_norm(value)], value_blocks(value)]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        candidates.append([dt.date.fromisoformat(value.strip()).strftime("%d.%m.%Y")])
    for raw, text in pages:
        if re.match(r"https?://", value) and f'href="{html.escape(value)}"' in raw:
            return True
        if any(blocks and all(b in text for b in blocks) for blocks in candidates):
            return True
    return False


def test_internal_fields_have_reasons() -> None:
    from tests.support.internal_fields import INTERNAL_FIELDS

    assert all(len(reason) > 20 for reason in INTERNAL_FIELDS.values())
    assert len(REFERENCE_REASON) > 20


def test_every_value_is_on_its_page(built_site: Path, catalogue: Catalogue) -> None:
    missing: list[str] = []
    checked = 0
    for (kind, rid), src in sorted(catalogue.sources.items()):
        pages = [_page(p) for p in record_pages(built_site, kind, rid)]
        assert pages, f"no page for {kind} {rid}"
        refs = {loc for loc, _ref, _id in iter_refs(KINDS[kind].model, src.data)}
        for loc, value in iter_strings(src.data):
            if not value.strip() or loc in refs or internal_reason(kind, loc):
                continue
            checked += 1
            if not is_shown(value.strip(), pages):
                missing.append(f"{src.rel}:{src.line_of(loc)}: {fmt_loc(loc)}: "
                               f"«{' '.join(value.split())[:70]}»")
        for block in value_blocks(src.body or ""):
            checked += 1
            if not any(block in text for _raw, text in pages):
                missing.append(f"{src.rel}: текст: «{block[:70]}»")
    assert checked > 1000
    assert missing == [], f"{len(missing)} values not on their pages:\n" + "\n".join(missing)


@pytest.mark.parametrize(("value", "page", "shown"), [
    ("Семинар «Наставничество»", "<div class='md-content'><h3>Семинар «Наставничество»"
                                 "<a class='headerlink'>¶</a></h3></div>", True),
    ("**Жирный** текст\n\n- пункт", "<div class='md-content'><p><strong>Жирный</strong> "
                                    "текст</p><ul><li>пункт</li></ul></div>", True),
    ("2023-09-01", "<div class='md-content'>от 01.09.2023</div>", True),
    ("https://a.example/x", "<div class='md-content'><a href='https://a.example/x'>сайт</a>"
                            "</div>", False),
    ("https://a.example/x", '<div class="md-content"><a href="https://a.example/x">сайт</a>'
                            "</div>", True),
    ("Пропущенный текст", "<div class='md-content'>Другой текст</div>"
                          "<footer>Пропущенный текст</footer>", False),
    ("Скрытый", "<div class='md-content'><script>Скрытый</script></div>", False),
])
def test_the_matcher_itself(value: str, page: str, shown: bool) -> None:
    assert is_shown(value, [(page, visible_text(page))]) is shown


def test_every_field_of_the_models_reaches_a_page(tmp_path: Path) -> None:
    """The same check on the mini fixture with every optional field filled with a unique
    phrase (tests/xss/corpus.py completes records from the models), so fields the real
    content does not use yet are covered too."""
    from shnor_site.mkdocs_plugin.atomic import atomic_build
    from tests.helpers import make_project
    from tests.xss.corpus import build_content

    content = tmp_path / "corpus" / "content"
    content.mkdir(parents=True)
    build_content(content, payloads=[f"фраза номер {n} для проверки" for n in range(400)])
    site = atomic_build(make_project(tmp_path / "project", content), tmp_path / "site")
    cat = load_catalogue(tmp_path / "project" / "content")
    missing = []
    for (kind, rid), src in sorted(cat.sources.items()):
        pages = [_page(p) for p in record_pages(site, kind, rid)]
        refs = {loc for loc, _ref, _id in iter_refs(KINDS[kind].model, src.data)}
        for loc, value in iter_strings(src.data):
            if value.startswith("фраза номер") and loc not in refs and not internal_reason(
                    kind, loc) and not is_shown(value, pages):
                missing.append(f"{src.rel}: {fmt_loc(loc)}")
    assert missing == []
