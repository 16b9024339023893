"""Mark the first use of each glossary abbreviation on a page: `<abbr title>` plus a link.

Runs on a page's finished body HTML (the MkDocs plugin calls it), so Markdown, templates
and the search index — built from the models, not from HTML — never see the markup. Only
text outside headings (their anchors and the table of contents stay as they are), links,
`<abbr>`, code, `<pre>`, SVG, buttons, form controls and `<summary>` is touched; attributes
never are. Phones show no `title` tooltip on a tap, so each marked abbreviation is also a
link to the about page's «Сокращения», where the whole glossary is listed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

#: Elements whose text is never marked (with everything inside them).
SKIP = frozenset({"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "svg", "math",
                  "h1", "h2", "h3", "h4", "h5", "h6", "title", "textarea", "button", "select",
                  "option", "label", "summary", "template", "nav", "head"})
_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_NAME = re.compile(r"</?\s*([a-zA-Z][\w:-]*)")


class Marker:
    """The abbreviations of a glossary, compiled once per build."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.meanings = dict(pairs)
        terms = sorted(self.meanings, key=lambda t: (-len(t), t))
        self.pattern = re.compile(
            r"(?<![\w+])(" + "|".join(re.escape(html.escape(t, quote=False)) for t in terms)
            + r")(?![\w+])") if terms else None

    def mark(self, body: str, about_href: str) -> str:
        """The body with the first use of each abbreviation marked and linked."""
        if self.pattern is None:
            return body
        used: set[str] = set()
        depth = 0
        out: list[str] = []
        for i, piece in enumerate(_TAG.split(body)):
            if i % 2:  # a tag or a comment
                depth = max(0, depth + _depth_change(piece))
                out.append(piece)
            elif depth > 0 or not piece.strip():
                out.append(piece)
            else:
                out.append(self.pattern.sub(lambda m: self._first(m, used, about_href), piece))
        return "".join(out)

    def _first(self, match: re.Match[str], used: set[str], about_href: str) -> str:
        term = html.unescape(match.group(1))
        if term in used:
            return match.group(0)
        used.add(term)
        title = html.escape(self.meanings[term], quote=True)
        return (f'<a class="shnor-abbr" href="{html.escape(about_href, quote=True)}">'
                f'<abbr title="{title}">{match.group(1)}</abbr></a>')


def _depth_change(tag: str) -> int:
    """+1 entering a skipped element, −1 leaving it, 0 for anything else."""
    if tag.startswith("<!--") or tag.endswith("/>"):
        return 0
    name = _NAME.match(tag)
    if not name or name.group(1).lower() not in SKIP:
        return 0
    return -1 if tag.startswith("</") else 1
