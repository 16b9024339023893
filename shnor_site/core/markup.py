"""Text filters: Markdown fields to safe HTML, escaping for Markdown contexts."""

from __future__ import annotations

import functools
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
# Removed together with everything inside them (other disallowed tags keep their text).
CLEAN_CONTENT_TAGS = {"script", "style", "iframe", "object", "embed", "template", "noscript",
                      "svg", "math"}
EXTERNAL_REL = "noopener noreferrer"

_md = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
_A_TAG = re.compile(r'<a((?:\s+[a-z-]+="[^"]*")*)>')
_EXTERNAL_HREF = re.compile(r'\shref="(?:https?:)?//', re.I)


def _rel_external(match: re.Match[str]) -> str:
    attrs = match[1]
    return f'<a{attrs} rel="{EXTERNAL_REL}">' if _EXTERNAL_HREF.search(attrs) else match[0]


def sanitise(html: str) -> str:
    """Keep only an allowlist of tags and attributes; no scripts, handlers, or js: URLs.

    Links to other hosts get rel="noopener noreferrer"; links inside the site stay as
    they are.
    """
    clean = nh3.clean(html, tags=ALLOWED_TAGS, clean_content_tags=CLEAN_CONTENT_TAGS,
                      attributes=ALLOWED_ATTRS, url_schemes=URL_SCHEMES, link_rel=None)
    return _A_TAG.sub(_rel_external, clean)


_MD_SYNTAX = re.compile(r"[*_`\[\]<>&\\|#\t\r]|\n\n\n|^[ \d+=>-]| $", re.M)


def plain_paragraphs(text: str) -> str | None:
    """HTML of text that has no Markdown syntax at all (most fields), else None.

    Equal to what Python-Markdown returns for such text, without its cost (a build
    renders tens of thousands of fields).
    """
    stripped = text.strip("\n")
    if not stripped or _MD_SYNTAX.search(stripped):
        return None
    return "\n".join(f"<p>{block}</p>" for block in stripped.split("\n\n"))


def markdown_html(text: str) -> str:
    """Markdown to HTML exactly as md_block does it, before sanitising."""
    fast = plain_paragraphs(text)
    return fast if fast is not None else _md.reset().convert(text)


def md_block(text: str | None) -> Markup:
    """Render a Markdown text field to sanitised HTML (paragraphs, lists…)."""
    if not text:
        return Markup("")
    return Markup(_safe_html(text))


@functools.lru_cache(maxsize=1 << 14)
def _safe_html(text: str) -> str:
    """md_block's work, kept for texts met again (a field is shown on several pages: the
    record's own, the lists, the programme's print and roadmap pages, schools' pages)."""
    fast = plain_paragraphs(text)
    if fast is not None and not _SANITISER_CHANGES.search(fast):
        return fast  # text without markup: nothing for the sanitiser to remove or escape
    return sanitise(markdown_html(text))


#: The only characters the sanitiser changes in text without Markdown syntax (it writes
#: NBSP as &nbsp; and drops NUL); tests/test_safety.py checks every code point.
_SANITISER_CHANGES = re.compile(r"[\x00\xa0]")


_P_WRAP = re.compile(r"^<p>(.*)</p>$", re.S)


def md_inline(text: str | None) -> Markup:
    """Render a short Markdown text without the wrapping paragraph."""
    html = str(md_block(text)).strip()
    m = _P_WRAP.match(html)
    return Markup(m.group(1) if m and "<p>" not in m.group(1) else html)


def ru_date(value: object) -> str:
    """A date as «23.11.2026» (filter ru_date); anything else as text."""
    return value.strftime("%d.%m.%Y") if hasattr(value, "strftime") else str(value or "")


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


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|])")  # {} would start an attr_list


def md_escape(text: str | None) -> Markup:
    """Escape plain text for a Markdown inline context (headings, list items)."""
    if not text:
        return Markup("")
    return Markup(_MD_SPECIAL.sub(r"\\\1", str(escape(" ".join(str(text).split())))))


def pre_text(text: str) -> Markup:
    """Escape text for a <pre> block inside Markdown, keeping tabs (Markdown expands them)."""
    return Markup(str(escape(text)).replace("\t", "&#9;"))


def plural(n: int, one: str, few: str, many: str) -> str:
    """Russian plural: 1 школа, 2 школы, 5 школ."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many
