"""Raw HTML blocks of generated pages, kept away from Python-Markdown and put back after it.

Event cards, fact lists and tables of the generated pages are written as HTML. Python-
Markdown passes such blocks through unchanged, but only after parsing them twice with
`html.parser` (once to find where each block ends, once in MkDocs to collect their `id`s):
a third of the whole build's processor time on a national site. The MkDocs plugin
therefore swaps each top-level HTML block for a placeholder paragraph before conversion
(`stash`), and the placeholder paragraph for the block after it (`restore`), adding the
block's ids to the page's anchors for MkDocs' link validation.

A block is taken only when Python-Markdown would treat it as one: it starts at the start
of a line with a block-level tag after a blank line, its top-level element closes at the
end of a line, and a blank line follows. Anything else is left to Python-Markdown.
`tests/test_rawhtml.py` builds sites both ways and compares every page byte for byte.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field

#: Block-level elements of Python-Markdown (Markdown().block_level_elements) that our
#: templates start blocks with; void elements (hr) are left alone.
BLOCK_TAGS = ("address", "article", "aside", "blockquote", "details", "div", "dl",
              "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
              "header", "nav", "ol", "p", "section", "table", "ul")
_START = re.compile(r"<(" + "|".join(BLOCK_TAGS) + r")(?=[\s>])")
#: An id attribute; block_ids checks that whitespace comes before it (a pattern starting
#: with «\s» tries every position of the block: seven times slower).
_ID = re.compile(r"""id\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass
class Stash:
    """Blocks taken out of one page and the ids they carry."""

    marker: str
    blocks: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def placeholder(self, n: int) -> str:
        """The paragraph text standing for block n."""
        return f"{self.marker}{n}X"


@functools.lru_cache(maxsize=64)
def _opening(tag: str) -> re.Pattern[str]:
    return re.compile(rf"<{tag}(?=[\s>])")


def _block_end(lines: list[str], start: int, tag: str) -> int | None:
    """Index of the line where the element opened on lines[start] closes at the line's
    end, or None (unbalanced, or text after the closing tag)."""
    opening, closing, prefix = _opening(tag), f"</{tag}>", f"<{tag}"
    depth = 0
    for i in range(start, len(lines)):
        line = lines[i]
        if prefix in line:  # the regex only where the tag's name appears at all
            depth += len(opening.findall(line))
        depth -= line.count(closing)
        if depth <= 0:
            return i if depth == 0 and line.rstrip().endswith(closing) else None
    return None


_BLANKISH = re.compile(r"(?<=\n) +\n")


def normalise(markdown: str, tab_length: int = 4) -> str:
    """What Python-Markdown's NormalizeWhitespace does to the whole source first: no STX/ETX,
    LF line ends, tabs expanded, lines of spaces emptied. Blocks taken out get the same."""
    text = markdown.replace("\x02", "").replace("\x03", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").expandtabs(tab_length)
    return _BLANKISH.sub("\n", text) if " \n" in text else text


def block_ids(block: str) -> set[str]:
    """The values of the id attributes in an HTML block."""
    return {html.unescape(m[1] if m[1] is not None else m[2]) for m in _ID.finditer(block)
            if m.start() and block[m.start() - 1].isspace()}


def stash(markdown: str, marker: str) -> tuple[str, Stash]:
    """The Markdown with top-level HTML blocks replaced by placeholder paragraphs."""
    found = Stash(marker)
    lines = normalise(markdown).split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _START.match(lines[i]) if lines[i].startswith("<") else None
        end = None
        if m and (i == 0 or not lines[i - 1].strip()):
            end = _block_end(lines, i, m.group(1))
            if end is not None and end + 1 < len(lines) and lines[end + 1].strip():
                end = None
        if end is None:
            out.append(lines[i])
            i += 1
            continue
        block = "\n".join(lines[i:end + 1])
        found.ids.update(block_ids(block))
        out.append(found.placeholder(len(found.blocks)))
        found.blocks.append(block)
        i = end + 1
    return "\n".join(out), found


def restore(page_html: str, found: Stash) -> str:
    """Put the blocks back in place of their placeholder paragraphs, followed by the blank
    line Python-Markdown leaves after a raw block (except at the very end)."""
    if not found.blocks:
        return page_html
    pattern = re.compile(rf"<p>{re.escape(found.marker)}(\d+)X</p>")
    end = len(page_html)
    return pattern.sub(lambda m: found.blocks[int(m.group(1))]
                       + ("" if m.end() == end else "\n"), page_html)
