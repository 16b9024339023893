"""The theme's page made once per kind of generated page, then filled by substitution.

A generated record page is not in the navigation, so the theme's `main.html` makes the same
HTML for all such pages of one shape — same template, same first folder and depth of the
address (relative links), a table of contents or not, a first-level heading or not —
except in a few slots: the page's HTML, its table of contents, its title (as written, or
through `e`/`striptags`), its address (canonical link) and the first heading's anchor (the
«skip to content» link). `build_skeleton` renders a probe page of that shape through the
theme with marker values, cuts the output at the markers and checks the result on a second,
different probe: when filling reproduces the theme's output exactly, the skeleton is used;
otherwise (a theme that uses the page some other way) the page is rendered by the theme.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

#: How a page title may reach the theme's output: as given, escaped, without tags.
TITLE_FORMS: dict[str, Callable[[str], str]] = {
    "title": lambda t: t,
    "title|e": lambda t: str(escape(t)),
    "title|striptags": lambda t: Markup(t).striptags(),
    "title|striptags|e": lambda t: str(escape(Markup(t).striptags())),
}

#: Every marker value contains this; none may be left in a skeleton's fixed text.
MARK = "zqslot"


@dataclass(frozen=True)
class Shape:
    """What decides the theme's output for a generated page besides its slots."""

    template: str
    folder: str  # first folder of the address; the whole address at depth ≤ 1
    depth: int
    toc: bool
    h1: bool
    index: bool  # an index.md (Page.is_index)


def shape_of(template: str, url: str, has_toc: bool, content: str, index: bool) -> Shape:
    """The shape of a page with this template, address, table of contents and HTML."""
    depth = url.count("/")
    folder = url if depth <= 1 else url.split("/", 1)[0]
    return Shape(template, folder, depth, has_toc, "\u003ch1" in content, index)


def probe_uri(shape: Shape, tag: str) -> str:
    """A page source URI of this shape (the same relative links), unlike any real one."""
    if shape.depth <= 1:
        return (shape.folder + "index" if shape.index else shape.folder.rstrip("/")) + ".md"
    path = "/".join([shape.folder] + [f"{MARK}{tag}{i}" for i in range(shape.depth - 1)])
    return path + ("/index.md" if shape.index else ".md")


def probe_markdown(shape: Shape, tag: str) -> tuple[str, str]:
    """(title, Markdown) of a probe page of this shape; every text carries the marker."""
    title = f"{MARK}{tag}t<b>x&amp;y</b>{MARK}"
    body = f"{MARK}{tag}c"
    if shape.toc and shape.h1:
        text = f"# {MARK}{tag}h\n\n## {MARK}{tag}a\n\n{body}\n"
    elif shape.toc:
        text = f"## {MARK}{tag}a\n\n{body}\n"
    elif shape.h1:
        text = f"<h1>{MARK}{tag}h</h1>\n\n{body}\n"
    else:
        text = f"{body}\n"
    return title, text


@dataclass
class Skeleton:
    """Fixed text and slot names, alternating: text, slot, text, …, text."""

    parts: list[str]

    def fill(self, values: dict[str, str]) -> str:
        """The page: the fixed text with each slot replaced by its value."""
        parts = self.parts
        out = [parts[0]]
        for i in range(1, len(parts), 2):
            out.append(values[parts[i]])
            out.append(parts[i + 1])
        return "".join(out)


def cut(output: str, values: dict[str, str]) -> Skeleton | None:
    """The skeleton of `output`, where each slot's value stands; None when a marker stays
    in the fixed text (the theme used a value in a way the slots do not cover)."""
    by_text = {}
    for name, text in values.items():
        if text and text not in by_text:
            by_text[text] = name
    pattern = re.compile("|".join(re.escape(t) for t in sorted(by_text, key=len, reverse=True)))
    parts: list[str] = []
    last = 0
    for m in pattern.finditer(output):
        parts += [output[last:m.start()], by_text[m.group(0)]]
        last = m.end()
    parts.append(output[last:])
    if any(MARK in parts[i] for i in range(0, len(parts), 2)):
        return None
    return Skeleton(parts)


def slot_values(title: str, content: str, toc_html: str, url: str, skip: str,
                depth: int) -> dict[str, str]:
    """Every slot's value for one page."""
    values = {name: form(title) for name, form in TITLE_FORMS.items()}
    values.update(content=content, toc=toc_html, skip=skip)
    if depth > 1:
        values["url"] = url
    return values


def toc_signature(toc: Any) -> tuple:
    """The structure of a table of contents: each item's level and its children's."""
    return tuple((item.level, toc_signature(item.children)) for item in toc)


def probe_toc_tokens(signature: tuple, tag: str, start: int = 0) -> tuple[list[dict], int]:
    """Python-Markdown toc tokens of this structure with marker titles and anchors."""
    tokens = []
    n = start
    for level, children in signature:
        token = {"level": level, "id": f"{MARK}{tag}{n}u",
                 "name": f"{MARK}{tag}{n}t<b>x&amp;y</b>{MARK}"}
        n += 1
        token["children"], n = probe_toc_tokens(children, tag, n)
        tokens.append(token)
    return tokens, n


def toc_values(toc: Any) -> dict[str, str]:
    """Every slot's value of a table of contents: each item's title forms and address."""
    values: dict[str, str] = {}
    stack = list(reversed(list(toc)))
    n = 0
    while stack:
        item = stack.pop()
        values.update({f"{n}:{name}": form(item.title) for name, form in TITLE_FORMS.items()})
        values[f"{n}:url"] = item.url
        n += 1
        stack.extend(reversed(list(item.children)))
    return values
