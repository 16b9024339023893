"""Text filters: Markdown fields to safe HTML, escaping for Markdown contexts."""

from __future__ import annotations

import re

import markdown
import nh3
from markupsafe import Markup, escape

ALLOWED_TAGS = {
    "p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "a", "code", "pre", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "hr", "sup", "sub", "h3", "h4", "h5", "h6",
}
ALLOWED_ATTRS = {"a": {"href", "title"}, "td": {"colspan", "rowspan"},
                 "th": {"colspan", "rowspan"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}

_md = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")


def sanitise(html: str) -> str:
    """Keep only an allowlist of tags and attributes; no scripts, handlers, or js: URLs."""
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRS,
                     url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")


def md_block(text: str | None) -> Markup:
    """Render a Markdown text field to sanitised HTML (paragraphs, lists…)."""
    if not text:
        return Markup("")
    html = _md.reset().convert(text)
    return Markup(sanitise(html))


_P_WRAP = re.compile(r"^<p>(.*)</p>$", re.S)


def md_inline(text: str | None) -> Markup:
    """Render a short Markdown text without the wrapping paragraph."""
    html = str(md_block(text)).strip()
    m = _P_WRAP.match(html)
    return Markup(m.group(1) if m and "<p>" not in m.group(1) else html)


def split_first_block(text: str) -> tuple[str, str]:
    """Split Markdown into its first paragraph (one line of prose) and the rest."""
    stripped = text.strip()
    if stripped.startswith(("- ", "* ", "1. ")):
        return "", stripped
    head, _, rest = stripped.partition("\n\n")
    if re.search(r"^\s*([-*]|\d+\.)\s", head, re.M):
        first, _, tail = head.partition("\n")
        return first, (tail + ("\n\n" + rest if rest else "")).strip()
    return head, rest.strip()


def headline(text: str | None) -> str:
    """First non-empty line of a Markdown text, without list markers: a short title."""
    for line in (text or "").splitlines():
        line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line).strip()
        if line:
            return line
    return ""


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|])")


def md_escape(text: str | None) -> Markup:
    """Escape plain text for a Markdown inline context (headings, list items)."""
    if not text:
        return Markup("")
    return Markup(_MD_SPECIAL.sub(r"\\\1", str(escape(" ".join(str(text).split())))))


def plural(n: int, one: str, few: str, many: str) -> str:
    """Russian plural: 1 школа, 2 школы, 5 школ."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many
