"""Text of a cell or paragraph as the YAML draft holds it: HTML remnants become Markdown.

Exports leave `<p>…</p>`, `<ul> ✓ a ✓ b`, `<ol> 1. a 2. b` and `<i>` in cells; the site's
rule is that they become paragraphs, lists and emphasis. Words are never changed.
"""

from __future__ import annotations

import re

_TAG = re.compile(r"<(/?)([a-zA-Z]+)[^>]*>")
_CHECK_SPLIT = re.compile(r"\s*[✓•·▪]\s*")
_DASH_SPLIT = re.compile(r"(?<=[;.])\s*-\s*")
_PLAIN_LIST = re.compile(r":\s+-\s")
_OL_SPLIT = re.compile(r"\s+(?=\d{1,2}\.\s)")
_LIST_LINE = re.compile(r"^(?:[-✓•·▪]\s|\d{1,2}\.\s)")


def has_html(text: str) -> bool:
    """True when the text carries HTML remnants."""
    return bool(_TAG.search(text))


def to_markdown(text: str) -> str:
    """Paragraphs separated by a blank line, lists one item a line, verbatim words."""
    if has_html(text):
        return _from_html(text)
    if text.startswith("- ") and "\n" not in text and _DASH_SPLIT.search(text):
        return _list(text)
    match = _PLAIN_LIST.search(text)
    if match and "\n" not in text:
        head, body = text[:match.start() + 1], text[match.end() - 2:]
        return head.strip() + "\n\n" + _list(body)
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    out: list[str] = []
    prev = ""
    for line in lines:
        if line[:2] in ("· ", "• ", "✓ ", "▪ "):
            line = "- " + line[2:].strip()
        sep = "\n" if _LIST_LINE.match(line) and _LIST_LINE.match(prev) else "\n\n"
        out.append(sep + line if out else line)
        prev = line
    return "".join(out)


def plain(text: str) -> str:
    """The text without tags (for one-line fields such as timing or responsible)."""
    return re.sub(r"[ \t]+\n", "\n", _TAG.sub(" ", text)).strip().replace("  ", " ") \
        if has_html(text) else text.strip()


def _from_html(text: str) -> str:
    text = re.sub(r"<(/?)(i|em)>", "*", text)
    text = re.sub(r"<(/?)(b|strong)>", "**", text)
    parts: list[str] = []
    for kind, chunk in _chunks(text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if kind == "ul":
            parts.append(_list(chunk))
        elif kind == "ol":
            parts.append("\n".join(i.strip() for i in _OL_SPLIT.split(chunk) if i.strip()))
        else:
            parts.append(chunk)
    return "\n\n".join(parts)


def _list(body: str) -> str:
    """«✓ a ✓ b» or «- a; - b» → one «- item» a line (a dash inside an item stays)."""
    body = body.strip()
    split = _CHECK_SPLIT if body[:1] in "✓•·▪" else _DASH_SPLIT
    items = [i.strip() for i in split.split(body.lstrip("✓•·▪-")) if i.strip()]
    return "\n".join("- " + i for i in items)


def _chunks(text: str) -> list[tuple[str, str]]:
    """(kind, text) pieces: «p» for paragraphs and loose text, «ul»/«ol» for list bodies."""
    out: list[tuple[str, str]] = []
    kind, pos = "p", 0
    for match in _TAG.finditer(text):
        out.append((kind, text[pos:match.start()]))
        closing, name = match.group(1), match.group(2).lower()
        if name in ("ul", "ol"):
            kind = "p" if closing else name
        elif name == "p" and not closing:
            kind = "p"
        pos = match.end()
    out.append((kind, text[pos:]))
    return out
