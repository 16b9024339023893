"""Search index: Pagefind over the built site, with roadmap events as records of their own.

Pages mark what to index with `data-pagefind-body` (overrides/main.html, through
partials/shnor-search-attrs.html); filters and result metadata travel as
`data-pagefind-filter` / `data-pagefind-meta` attributes. An element marked
`data-shnor-record` (an event card) is left out of its page (`data-pagefind-ignore="all"`)
and indexed as a record of its own whose `url` meta is the page URL plus the element's
`#id`, so a search for an event lands on that event.

The records are written as temporary HTML files and the whole site is indexed by one run
of the Pagefind binary (`python -m pagefind`): about 0.5 s for this site. Pagefind's
Python API needs ≈ 0.1 s per added record (its service polls every 100 ms), ≈ 19 s here.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

BUNDLE_DIR = "pagefind"
RECORDS_DIR = "pagefind-records"
EXCLUDE_SELECTORS = ".headerlink, .shnor-crumbs, nav, footer, .md-source-file"

_RECORD = re.compile(
    r"<(?P<tag>article|section)\b(?P<attrs>[^>]*\bdata-shnor-record\b[^>]*)>"
    r"(?P<inner>.*?)</(?P=tag)>",
    re.S,
)
_ID = re.compile(r'\bid="([^"]+)"')
_IGNORE = re.compile(r'\s*data-pagefind-ignore="all"')
_RECORD_PAGE = (
    '<!doctype html>\n<html lang="ru"><head><meta charset="utf-8"><title>запись</title></head>'
    '<body><div data-pagefind-body data-pagefind-meta="url[data-url]" data-url="{url}">'
    "{element}</div></body></html>\n"
)


def page_url(site_dir: Path, html_file: Path) -> str:
    """Root-relative URL of a built page: `programmes/x/index.html` → `/programmes/x/`."""
    rel = html_file.relative_to(site_dir).as_posix()
    if rel == "index.html" or rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return "/" + rel


def extract_records(site_dir: Path) -> Iterator[tuple[str, str]]:
    """(URL with #anchor, element HTML) for every `data-shnor-record` element of the site."""
    for html_file in sorted(site_dir.rglob("*.html")):
        if html_file.relative_to(site_dir).parts[0] in (BUNDLE_DIR, RECORDS_DIR):
            continue
        text = html_file.read_text(encoding="utf-8")
        if "data-shnor-record" not in text:
            continue
        base = page_url(site_dir, html_file)
        for m in _RECORD.finditer(text):
            anchor = _ID.search(m["attrs"])
            if not anchor:
                raise ValueError(f"{html_file}: data-shnor-record без атрибута id")
            attrs = _IGNORE.sub("", m["attrs"])
            yield f"{base}#{anchor[1]}", f"<{m['tag']}{attrs}>{m['inner']}</{m['tag']}>"


def write_records(site_dir: Path, out_dir: Path) -> int:
    """Write each record as a small HTML page into out_dir; return how many."""
    out_dir.mkdir(parents=True)
    count = 0
    for count, (url, element) in enumerate(extract_records(site_dir), start=1):
        page = _RECORD_PAGE.format(url=html.escape(url), element=element)
        (out_dir / f"{count:05d}.html").write_text(page, encoding="utf-8")
    return count


def run_pagefind(site_dir: Path) -> None:
    """Index site_dir into site_dir/pagefind with the Pagefind binary from PyPI."""
    from .building import BuildError

    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--force-language", "ru",
           "--exclude-selectors", EXCLUDE_SELECTORS, "--quiet"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BuildError(f"Не удалось построить поисковый индекс (Pagefind, код "
                         f"{done.returncode}):\n{done.stdout}{done.stderr}")


def index_site(site_dir: Path) -> None:
    """Rebuild `site_dir/pagefind/`: page bodies plus one record per event card."""
    site_dir = Path(site_dir).resolve()
    shutil.rmtree(site_dir / BUNDLE_DIR, ignore_errors=True)
    records = site_dir / RECORDS_DIR
    shutil.rmtree(records, ignore_errors=True)
    try:
        write_records(site_dir, records)
        run_pagefind(site_dir)
    finally:
        shutil.rmtree(records, ignore_errors=True)
