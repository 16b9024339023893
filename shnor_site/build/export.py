"""Export the rendered Markdown so the site can move to another generator."""

from __future__ import annotations

import shutil
from pathlib import Path

from shnor_site.core.catalogue import Catalogue
from shnor_site.pages.plan import render_site
from shnor_site.render.glossary import GLOSSARY_MARKER, with_glossary


def export_markdown(cat: Catalogue, templates_dir: Path, docs_dir: Path, out: Path) -> int:
    """Write docs/ plus every generated page and file under out; return the file count."""
    if out.exists():
        shutil.rmtree(out)
    if docs_dir.is_dir():
        shutil.copytree(docs_dir, out)
        for page in out.glob("*.md"):  # the about page's glossary (render/glossary.py)
            text = page.read_text(encoding="utf-8")
            if GLOSSARY_MARKER in text:
                page.write_text(with_glossary(text, cat.glossary), encoding="utf-8")
    site = render_site(cat, templates_dir)
    count = 0
    for uri, text in site.pages.items():
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        count += 1
    for uri, data in site.files.items():
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        count += 1
    return count
