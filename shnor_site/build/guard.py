"""The last line of defence: no generated page may carry scripts, handlers or script URLs.

Content is escaped and sanitised before it reaches a page (core/markup.py); this check
catches a template that forgot to. The MkDocs plugin fails the build on any finding.
"""

from __future__ import annotations

import re
from html import unescape as html_unescape
from html.parser import HTMLParser

from shnor_site.content.sources import URL_ATTRS, shorten

UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")


UNSAFE_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet",
                   "base", "meta", "link"}


_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


class _Scanner(HTMLParser):
    """Finds event handlers, script URLs and active elements in HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in UNSAFE_ELEMENTS:
            self.found.append(f"элемент <{tag}>")
        for name, value in attrs:
            url = _INVISIBLE.sub("", value or "").lower()
            if name.startswith("on"):
                self.found.append(f"атрибут {name} у <{tag}>")
            elif name in URL_ATTRS and url.startswith(UNSAFE_SCHEMES):
                self.found.append(f"адрес «{shorten(value or '', 40)}» у <{tag}>")

    handle_startendtag = handle_starttag


_GAP = rb"[\x00-\x20\x7f]*"
#: Whitespace as HTMLParser's str patterns see it («\s»: ASCII blanks, \x1c-\x1f), and «?»,
#: which stands for every non-ASCII character (Unicode spaces among them) in _ascii_view.
_BLANK = rb"[\s\x1c-\x1f?]"


#: What could make _Scanner find something, over-matching on purpose, searched in the
#: page's lower-cased ASCII view one pattern at a time (much faster than one
#: case-insensitive alternation over the text): an unsafe element name after «<»; an
#: attribute name starting with «on» (HTMLParser only takes attribute names after
#: whitespace, a quote or «/»); an unsafe URL scheme, even with blanks or control
#: characters between its letters.
_SUSPECTS = [re.compile(rb"<(?:" + "|".join(sorted(UNSAFE_ELEMENTS)).encode() + rb")")] + [
    re.compile(_GAP.join(re.escape(ch.encode()) for ch in scheme))
    for scheme in UNSAFE_SCHEMES]
#: «on» and a letter (or «?») of an attribute name; _handler checks the byte before it (a
#: pattern starting with that class of bytes tries every position: ten times slower).
_ON = re.compile(rb"on[a-z?]")
_BEFORE_NAME = frozenset(b" \t\n\r\f\v\x1c\x1d\x1e\x1f?\"'/")


def _handler(view: bytes) -> bool:
    """Whether the view may hold an event handler attribute (a name starting with «on»)."""
    return any(m.start() and view[m.start() - 1] in _BEFORE_NAME for m in _ON.finditer(view))


#: An attribute value holding «&» (a cheap test before _URL_WITH_REF, which it includes).
_VALUE_WITH_AMP = re.compile(
    rb"=" + _BLANK + rb"""*(?:"[^"]*&[^"]*"|'[^']*&[^']*'|[^\s>]*&[^\s>]*)""")

#: Non-ASCII characters whose lower case holds ASCII letters (Kelvin sign → k, İ → i̇).
_LOWER_TO_ASCII = {"\u212a": "k", "\u0130": "i?"}


def _ascii_view(html: str) -> bytes:
    """The page lower-cased as ASCII bytes, each other character «?»: what the patterns
    look for is ASCII, and a Russian page is mostly not (the view is a fraction of the
    cost of lower-casing the text)."""
    for char, ascii_lower in _LOWER_TO_ASCII.items():
        if char in html:
            html = html.replace(char, ascii_lower)
    return html.encode("ascii", "replace").lower()


#: URL attributes whose value holds a character reference («&#106;avascript:»).
_URL_WITH_REF = re.compile(
    r"(?i)(?<![\w-])(?:" + "|".join(sorted(re.escape(a) for a in URL_ATTRS))
    + r")\s*=\s*(?:\"[^\"]*&[^\"]*\"|'[^']*&[^']*'|[^\s>]*&[^\s>]*)")


def might_be_unsafe(html: str) -> bool:
    """False when the HTML certainly has no finding of unsafe_page_html; a fast regex
    check, so that the full parse runs only on pages that need it."""
    view = _ascii_view(html)
    if _handler(view) or any(pattern.search(view) for pattern in _SUSPECTS):
        return True
    if not _VALUE_WITH_AMP.search(view):
        return False
    for m in _URL_WITH_REF.finditer(html):
        value = _INVISIBLE.sub("", html_unescape(m.group(0).split("=", 1)[1]))
        if value.strip("\"'").lower().startswith(UNSAFE_SCHEMES):
            return True
    return False


def unsafe_page_html(html: str) -> list[str]:
    """Active content in a page body that no template or text may produce.

    Content is escaped and sanitised before it reaches a page; this check catches a
    template that forgot to (the MkDocs plugin fails the build on any finding). Pages
    without anything suspicious (might_be_unsafe) are not parsed.
    """
    return scan_html(html) if might_be_unsafe(html) else []


def scan_html(html: str) -> list[str]:
    """The full check of unsafe_page_html: every element and attribute parsed."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.found
