"""Tell authors where the HTML sanitiser removed something they wrote.

Every string of every record, and the Markdown body of a file with front matter, is
rendered the way the site renders Markdown fields (core/markup.py), once before and
once after sanitising. Whatever the sanitiser dropped — elements, event-handler and
other attributes, links with unsafe schemes, text inside <script> or <style> — becomes
an `unsafe-html` warning at the field's file:line. Warnings never stop a build: the
site is already safe; the warning tells the author that part of their text is gone.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from shnor_site.content.load import ContentError, read_text
from shnor_site.core.problems import Problem, problem
from shnor_site.core.source import Loc, Source

URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster",
             "background", "cite", "data", "codebase", "lowsrc", "dynsrc", "ping"}
# Tags Markdown itself produces that the allowlist flattens to text (## headings):
# formatting, not content, so they are reported only when the author typed them as HTML.
MARKDOWN_FORMATTING = {"h1", "h2"}
# Attributes the sanitiser manages itself (rel is set on external links).
MANAGED_ATTRS = {"rel"}
BODY_FIELD = "текст"
MAX_ITEMS = 5


class _Collector(HTMLParser):
    """Counts tags, attributes, URLs and visible text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attrs: Counter[tuple[str, str]] = Counter()
        self.urls: Counter[tuple[str, str]] = Counter()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        for name, value in attrs:
            if name in URL_ATTRS:
                self.urls[(tag, (value or "").strip())] += 1
            else:
                self.attrs[(tag, name)] += 1

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _collect(html: str) -> _Collector:
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser


def _literal(source: str, pattern: str) -> bool:
    return re.search(pattern, source, re.I) is not None


def _lost_text(raw: list[str], clean: list[str]) -> list[str]:
    """Runs of words present before sanitising and missing after it."""
    before, after = " ".join(raw).split(), " ".join(clean).split()
    if before == after:
        return []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [" ".join(before[i1:i2]) for op, i1, i2, _, _ in matcher.get_opcodes()
            if op in ("delete", "replace")]


def shorten(text: str, limit: int = 60) -> str:
    """The text cut to `limit` characters with «…»."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def removed_markup(text: str) -> list[tuple[str, str]]:
    """What sanitising removes from text rendered as Markdown: (description, needle).

    The needle is what to look for in the source to find the line.
    """
    if "<" not in text and "]" not in text:
        return []  # neither HTML nor a Markdown link or image: nothing to remove
    from shnor_site.core.markup import markdown_html, sanitise

    html = markdown_html(text)
    raw, clean = _collect(html), _collect(sanitise(html))
    out: list[tuple[str, str]] = []
    for tag in sorted(raw.tags - clean.tags):
        if tag not in MARKDOWN_FORMATTING or _literal(text, rf"<{re.escape(tag)}\b"):
            out.append((f"элемент <{tag}>", f"<{tag}"))
    for tag, name in sorted(raw.attrs - clean.attrs):
        if tag in clean.tags and name not in MANAGED_ATTRS and (
                name.startswith("on") or _literal(text, rf"\b{re.escape(name)}\s*=")):
            out.append((f"атрибут {name} у <{tag}>", name))
    for tag, url in sorted(raw.urls - clean.urls):
        if tag in clean.tags:
            out.append((f"адрес «{shorten(url, 40)}» у <{tag}>", url[:20]))
    out += [(f"текст «{shorten(chunk)}»", chunk.split()[0]) for chunk in
            _lost_text(raw.text, clean.text)]
    return out


def iter_strings(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every string value in parsed YAML data with its location, in document order.

    Iterative, so no nesting depth the loader accepts can exhaust the Python stack.
    """
    stack: list[tuple[Loc, Any]] = [(loc, data)]
    while stack:
        here, value = stack.pop()
        if isinstance(value, str):
            yield here, value
        elif isinstance(value, dict):
            stack += [((*here, k), v) for k, v in reversed(list(value.items()))]
        elif isinstance(value, list):
            stack += [((*here, i), v) for i, v in reversed(list(enumerate(value)))]


def _warning(src: Source, field: str, line: int | None,
             removed: list[tuple[str, str]]) -> Problem:
    shown = [what for what, _ in removed[:MAX_ITEMS]]
    more = f" и ещё {len(removed) - MAX_ITEMS}" if len(removed) > MAX_ITEMS else ""
    return problem(src.rel, "unsafe-html", line=line, field=field,
                   detail="удалено: " + "; ".join(shown) + more, severity="warning")


def body_line_of(src: Source, needle: str) -> int:
    """File line of the first occurrence of needle in the body (else the body's start)."""
    try:
        text = read_text(src.path, src.rel)
    except (OSError, ContentError):
        return src.body_line
    start = text.find(src.body or "", max(text.find("\n---", 3), 0))
    if start < 0:
        return src.body_line
    at = text.lower().find(needle.lower(), start)
    return text[: at if at >= 0 else start].count("\n") + 1


def check_source(src: Source) -> list[Problem]:
    """`unsafe-html` warnings for every field (and the body) whose markup gets removed."""
    from shnor_site.core.problems import fmt_loc

    found: list[Problem] = []
    for loc, text in iter_strings(src.data):
        removed = removed_markup(text.strip())  # records strip their strings on validation
        if removed:
            found.append(_warning(src, fmt_loc(loc), src.line_of(loc), removed))
    if src.body:
        removed = removed_markup(src.body)
        if removed:
            found.append(_warning(src, BODY_FIELD, body_line_of(src, removed[0][1]), removed))
    return found


# --- files nobody reads ----------------------------------------------------------------------

RECORD_SUFFIXES = (".yml", ".yaml", ".md")
FREE_FOLDERS = {"sources"}  # programmes point at these files by path
FREE_FILES = {"glossary.yml"}  # content/glossary.py reads it


def _skipped(name: str) -> bool:
    return name.startswith((".", "_"))


def stray_files(root: Path) -> list[Problem]:
    """`ignored-file` errors for what the loader would silently skip under content/.

    Misspelt folders (content/shools/), upper-case extensions (school.YML), other file
    types and sub-folders inside a record folder are never read: their author must hear
    it. Names starting with «.» or «_» (drafts, templates) and README files are left alone.
    """
    from shnor_site.core.models import KINDS

    folders = {k.folder for k in KINDS.values()}
    found: list[Problem] = []
    if not root.is_dir():
        return found
    for entry in sorted(root.iterdir()):
        if _skipped(entry.name) or entry.name in FREE_FOLDERS or (
                entry.is_file() and entry.name in FREE_FILES) or (
                entry.is_file() and entry.name.upper().startswith("README")):
            continue
        if entry.name not in folders or not entry.is_dir():
            close = difflib.get_close_matches(entry.name, sorted(folders), n=1, cutoff=0.7)
            why = "вне папок записей" + (f"; возможно, имелась в виду папка «{close[0]}»"
                                         if close else "")
            found.append(_ignored(root, entry, why))
            continue
        found += [_ignored(root, item, "вложенная папка" if item.is_dir() else
                           f"расширение «{item.suffix or 'нет'}»")
                  for item in sorted(entry.iterdir())
                  if not _skipped(item.name) and (item.is_dir() or
                                                  item.suffix not in RECORD_SUFFIXES)]
    return found


def _ignored(root: Path, path: Path, why: str) -> Problem:
    rel = path.relative_to(root.parent).as_posix()
    return problem(rel, "ignored-file", detail=why)


# --- the last line of defence: generated page HTML ------------------------------------------


