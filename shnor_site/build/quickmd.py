"""Generated pages' simple Markdown converted without Python-Markdown.

Once rawhtml.py has swapped a generated page's HTML blocks for placeholder paragraphs,
what is left of most pages is simple: placeholders, plain headings, one-line paragraphs
and lists of links (a school's practices, a programme's schools). Python-Markdown still
costs about a millisecond for each page — its fixed work per conversion, not the text.
`QuickMarkdown.convert` makes the same HTML, heading ids, permalinks, table of contents
and link addresses itself (each link through MkDocs' own `path_to_url`, which checks the
target and rewrites the address), and declines (returns None) on any line it does not know
exactly: a nested or numbered list, emphasis other than `**` around a link or text, a
character with a meaning in Markdown or HTML. The page is then converted by
Python-Markdown as before.

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

#: A heading line: hashes, a space, plain text, perhaps an attribute list of ids and classes.
_HEADING = re.compile(r"(#{1,6}) (?P<text>[^#\n{]*?)"
                      r"(?: \{:? ?(?P<attrs>[#.][\w-]+(?: [#.][\w-]+)*) ?\})? *#* *")
#: Characters with a meaning in Markdown or HTML; text holding one is left to it.
_SPECIAL = re.compile(r"[\\`*_\[\]{}<>&!|~^#\"'\t]|  ")
#: A link with plain text to an address of letters, digits and «-_./#».
_LINK = re.compile(r"\[([^\\`*_\[\]{}<>&!|~^#\"'\t]+)\]\(([\w./#-]+)\)")
#: What may start a one-line paragraph (nothing that starts a list, a quote, a heading…).
_PARAGRAPH_START = re.compile(r"[^\W\d_]|[«(]|\*\*|\[")

#: Inline content: plain text, a link (text, address) or `**` around either.
Inline = list[tuple[str, Any]]


@dataclass
class Converted:
    """What Page.render would have set: the HTML, the table of contents' tokens, the ids."""

    html: str
    toc_tokens: list[dict[str, Any]]
    ids: set[str]


class QuickMarkdown:
    """Converts simple Markdown the way MkDocs' Markdown setup does."""

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

    def convert(self, markdown: str, path_to_url: Any = None) -> Converted | None:
        """The page's HTML, or None when a block is not one this converter knows.
        `path_to_url` rewrites each link's address (MkDocs' _RelativePathTreeprocessor);
        it is called, in the page's order, only once the whole page is known to be simple
        (its warnings are then the only ones)."""
        blocks = _blocks(markdown)
        if blocks is None:
            return None
        parts: list[Any] = []
        headings: list[tuple[int, str, list[tuple[str, str]], int]] = []
        previous_list = False
        for block in blocks:
            if len(block) == 1 and self.placeholder.fullmatch(block[0]):
                parts.append(f"<p>{block[0]}</p>")
            elif block[0].startswith("#"):
                heading = _heading(block, first=not parts)
                if heading is None:
                    return None
                headings.append((*heading, len(parts)))
                parts.append("")
            else:
                is_list = block[0].startswith("- ")
                if is_list and previous_list:
                    return None  # lists apart by a blank line are one loose list (<p> items)
                made = _list(block) if is_list else _paragraph(block)
                if made is None:
                    return None
                parts.append(made)
            previous_list = block[0].startswith("- ")
        return self._with_headings(_with_links(parts, path_to_url), headings)

    def _with_headings(self, parts: list[str],
                       headings: list[tuple[int, str, list[tuple[str, str]], int]]
                       ) -> Converted:
        """Fill in the headings: ids as the toc extension gives them, permalinks, tokens."""
        used = {v for _, _, attrs, _ in headings for k, v in attrs if k == "id"}
        counters: dict[str, int] = {}
        tokens, ids = [], set(used)
        for level, text, attrs, at in headings:
            given = dict(attrs).get("id")
            anchor = given or unique(self.slugify(text, self.separator), used, counters)
            ids.add(anchor)
            if self.toc_levels[0] <= level <= self.toc_levels[1]:
                tokens.append({"level": level, "id": anchor, "name": text, "html": text,
                               "data-toc-label": ""})
            shown = "".join(f' {k}="{v}"' for k, v in  # the serializer sorts attributes
                            sorted(attrs if given else [("id", anchor), *attrs]))
            parts[at] = (f'<h{level}{shown}>{text}<a class="headerlink" '
                         f'href="#{anchor}" title="{self.permalink_title}">'
                         f"&para;</a></h{level}>")
        return Converted("\n".join(parts), nest_toc_tokens(tokens), ids)


def _heading(block: list[str], first: bool) -> tuple[int, str, list[tuple[str, str]]] | None:
    """(level, text, attributes) of a plain heading."""
    found = _HEADING.fullmatch(block[0]) if len(block) == 1 else None
    if found is None or (first and len(found[1]) == 1):
        return None  # not ours; or an h1 first, which MkDocs takes as the page's title
    text = found["text"]
    if not text or text != text.strip() or _SPECIAL.search(text):
        return None
    attrs: dict[str, str] = {}
    for token in (found["attrs"] or "").split():
        if token[0] == "#":
            attrs["id"] = token[1:]
        else:
            attrs["class"] = f"{attrs['class']} {token[1:]}" if "class" in attrs else token[1:]
    return len(found[1]), text, list(attrs.items())


def _paragraph(block: list[str]) -> list[Any] | None:
    """A one-line paragraph of plain text, links and `**`."""
    if len(block) != 1 or not _PARAGRAPH_START.match(block[0]):
        return None
    content = _inline(block[0])
    return None if content is None else ["<p>", content, "</p>"]


def _list(block: list[str]) -> list[Any] | None:
    """A list of one-line items (`- `), none nested."""
    out: list[Any] = ["<ul>\n"]
    for line in block:  # an item's text is parsed as blocks: it starts like a paragraph
        starts = line.startswith("- ") and _PARAGRAPH_START.match(line, 2)
        content = _inline(line[2:]) if starts else None
        if content is None:
            return None
        out += ["<li>", content, "</li>\n"]
    return [*out, "</ul>"]


def _inline(text: str) -> Inline | None:
    """Plain text, links and `**` around one of them, or None for anything else."""
    if text != text.strip():
        return None
    out: Inline = []
    i = 0
    while i < len(text):
        if text.startswith("**", i):
            end = text.find("**", i + 2)
            inner = _inline(text[i + 2:end]) if end > i + 2 else None
            if inner is None or any(kind == "strong" for kind, _ in inner):
                return None
            out.append(("strong", inner))
            i = end + 2
            continue
        link = _LINK.match(text, i)
        if link is not None:
            out.append(("link", (link[1], link[2])))
            i = link.end()
            continue
        end = min((j for j in (text.find("[", i), text.find("**", i)) if j > i), default=len(text))
        if _SPECIAL.search(text, i, end):
            return None
        out.append(("text", text[i:end]))
        i = end
    return out


def _with_links(parts: list[Any], path_to_url: Any) -> list[str]:
    """The blocks as HTML, each link's address rewritten in the page's order."""
    def html(content: Inline) -> str:
        out = []
        for kind, value in content:
            if kind == "text":
                out.append(value)
            elif kind == "strong":
                out.append(f"<strong>{html(value)}</strong>")
            else:
                text, url = value
                out.append(f'<a href="{_attr(path_to_url(url) if path_to_url else url)}">'
                           f"{text}</a>")
        return "".join(out)

    return [part if isinstance(part, str) else
            "".join(p if isinstance(p, str) else html(p) for p in part) for part in parts]


def _attr(value: str) -> str:
    """An attribute value as Python-Markdown's serializer writes it."""
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _blocks(markdown: str) -> list[list[str]] | None:
    """The groups of lines between blank lines (a line of spaces: None)."""
    out: list[list[str]] = []
    current: list[str] = []
    for line in markdown.split("\n"):
        if line:
            current.append(line)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return None if any(not line.strip() for block in out for line in block) else out
