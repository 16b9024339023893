"""Markdown that is only headings and stashed HTML blocks, converted without Python-Markdown.

Once rawhtml.py has swapped a generated page's HTML blocks for placeholder paragraphs,
most pages (practices, roadmap, print, timeline and source pages, the practice lists) are
left with nothing but those placeholders and plain headings. Python-Markdown still costs
about a millisecond for each such page — its fixed work per conversion, not the text.
`QuickMarkdown.convert` makes the same HTML, heading ids, permalinks and table of contents
itself, and declines (returns None) on any line it does not know exactly: a list, a link,
emphasis, a character with a meaning in Markdown or HTML, a heading attribute other than
an id. The page is then converted by Python-Markdown as before.

It is switched on only for the extensions and `toc` settings whose output it reproduces
(`QuickMarkdown.for_config`); ids are made unique by the `toc` extension's own `unique`.
`tests/test_quickmd.py` builds sites both ways and compares every page byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, unique

#: Extensions whose effect on headings and plain paragraphs is reproduced here (MkDocs adds
#: toc, tables and fenced_code itself; the last three change nothing without their syntax).
KNOWN_EXTENSIONS = {"toc", "attr_list", "tables", "fenced_code", "sane_lists"}

#: A heading line: hashes, a space, plain text, and perhaps an attribute list with one id.
_HEADING = re.compile(r"(#{1,6}) (?P<text>[^#\n]*?)(?: \{:? ?#(?P<id>[\w-]+) ?\})? *#* *")
#: Characters with a meaning in Markdown or HTML; a heading holding one is left to it.
_SPECIAL = re.compile(r"[\\`*_\[\]{}<>&!|~^#\"'\t]|  ")


@dataclass
class Converted:
    """What Page.render would have set: the HTML, the table of contents' tokens, the ids."""

    html: str
    toc_tokens: list[dict[str, Any]]
    ids: set[str]


class QuickMarkdown:
    """Converts placeholder-and-heading Markdown the way MkDocs' Markdown setup does."""

    def __init__(self, marker: str, slugify: Any, separator: str, toc_levels: tuple[int, int],
                 permalink_title: str) -> None:
        self.placeholder = re.compile(re.escape(marker) + r"\d+X")
        self.slugify, self.separator, self.toc_levels = slugify, separator, toc_levels
        self.permalink_title = permalink_title

    @classmethod
    def for_config(cls, config: Any, marker: str) -> QuickMarkdown | None:
        """The converter for a MkDocs configuration, or None when its Markdown settings
        are not those reproduced here."""
        from markdown.extensions.toc import TocExtension

        names = config["markdown_extensions"]
        if not all(isinstance(n, str) for n in names) or not set(names) <= KNOWN_EXTENSIONS:
            return None
        settings = TocExtension(**(config["mdx_configs"] or {}).get("toc", {})).getConfigs()
        depth = re.fullmatch(r"(?:([1-6])-)?([1-6])", str(settings["toc_depth"]))
        if (depth is None or settings["baselevel"] not in (1, "1") or settings["anchorlink"]
                or settings["permalink_leading"]
                or settings["permalink"] not in (True, "True", "true", "1")
                or _SPECIAL.search(str(settings["permalink_title"]))):
            return None  # e.g. a permalink text of its own: not reproduced
        return cls(marker, settings["slugify"], settings["separator"],
                   (int(depth[1] or 1), int(depth[2])), str(settings["permalink_title"]))

    def convert(self, markdown: str) -> Converted | None:
        """The page's HTML, or None when a line is anything but a blank line, a placeholder
        paragraph or a plain heading (each with blank lines around it)."""
        blocks = _blocks(markdown)
        if blocks is None:
            return None
        parts: list[str] = []
        headings: list[tuple[int, str, str | None, int]] = []
        for block in blocks:
            if self.placeholder.fullmatch(block):
                parts.append(f"<p>{block}</p>")
                continue
            found = _HEADING.fullmatch(block)
            if found is None or (not parts and len(found[1]) == 1):
                return None  # not ours; or an h1 first, which MkDocs takes as the title
            text = found["text"]
            if not text or text != text.strip() or _SPECIAL.search(text):
                return None
            headings.append((len(found[1]), text, found["id"], len(parts)))
            parts.append("")
        return self._with_headings(parts, headings)

    def _with_headings(self, parts: list[str], headings: list[tuple[int, str, str | None, int]]
                       ) -> Converted:
        """Fill in the headings: ids as the toc extension gives them, permalinks, tokens."""
        used = {given for _, _, given, _ in headings if given}
        counters: dict[str, int] = {}
        tokens, ids = [], set(used)
        for level, text, given, at in headings:
            anchor = given or unique(self.slugify(text, self.separator), used, counters)
            ids.add(anchor)
            if self.toc_levels[0] <= level <= self.toc_levels[1]:
                tokens.append({"level": level, "id": anchor, "name": text, "html": text,
                               "data-toc-label": ""})
            parts[at] = (f'<h{level} id="{anchor}">{text}<a class="headerlink" '
                         f'href="#{anchor}" title="{self.permalink_title}">'
                         f"&para;</a></h{level}>")
        return Converted("\n".join(parts), nest_toc_tokens(tokens), ids)


def _blocks(markdown: str) -> list[str] | None:
    """The non-blank lines, when each stands alone between blank lines; else None."""
    lines = markdown.split("\n")
    out = []
    for i, line in enumerate(lines):
        if not line.strip():
            if line:
                return None  # spaces on a blank line: Python-Markdown's business
            continue
        if (i and lines[i - 1]) or (i + 1 < len(lines) and lines[i + 1]):
            return None
        out.append(line)
    return out
