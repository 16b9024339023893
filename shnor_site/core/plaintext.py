"""Markdown fields as one line of plain text (calendars, feeds, SVG labels, CSV)."""

from __future__ import annotations

import html
import re

import nh3

from shnor_site.core.markup import markdown_html


def plain_text(markdown_text: str | None) -> str:
    """Markdown → one line of plain text: tags dropped, entities decoded, spaces collapsed."""
    if not markdown_text:
        return ""
    stripped = nh3.clean(markdown_html(markdown_text), tags=set())
    return re.sub(r"\s+", " ", html.unescape(stripped)).strip()
