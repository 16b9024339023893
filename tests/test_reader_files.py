"""Files a reader may click: the original texts stay byte-identical and are reached as UTF-8
pages («Исходный документ»), the .txt only as a download (GitHub Pages sends .txt without a
charset, so a browser opening it would guess the encoding)."""

from __future__ import annotations

import re
from pathlib import Path

from shnor_site.content.validate import load_catalogue
from tests.helpers import SITE_CONTENT

TXT_LINK = re.compile(r"<a\b[^>]*\bhref=\"([^\"]+\.txt)\"[^>]*>", re.S)


def test_original_texts_are_published_byte_for_byte(built_site: Path) -> None:
    cat = load_catalogue(SITE_CONTENT)
    programmes = cat.all("programme")
    assert programmes
    for prog in programmes:
        published = built_site / "programmes" / prog.id / Path(prog.source.file).name
        assert published.read_bytes() == (SITE_CONTENT / prog.source.file).read_bytes()


def test_txt_is_only_a_download_beside_the_page_of_the_text(built_site: Path) -> None:
    """Every link to a .txt downloads it; the same page links the text's own page."""
    pages = 0
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text("utf-8")
        links = TXT_LINK.findall(html)
        if not links:
            continue
        pages += 1
        for tag in TXT_LINK.finditer(html):
            assert re.search(r"\sdownload[\s>=]", tag.group(0)), (html_file, tag.group(0))
        here = html_file.parent.relative_to(built_site).as_posix()
        own = "source/" if not here.endswith("/source") else "./"
        assert f'href="{own}"' in html or 'aria-current="page">Исходный документ' in html, (
            html_file)
    assert pages >= 2 * len(load_catalogue(SITE_CONTENT).all("programme"))


def test_page_of_the_text_is_utf8(built_site: Path) -> None:
    for page in built_site.glob("programmes/*/source/index.html"):
        head = page.read_text("utf-8")[:400].lower()
        assert '<meta charset="utf-8">' in head, page
