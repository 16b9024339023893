"""Readable YAML for a methodologist: block scalars for long text, Cyrillic as is, a
«# ПРОВЕРЬТЕ: …» comment above every value the importer is not sure of."""

from __future__ import annotations

import yaml

from shnor_site.importer.notes import Note, Path

_WIDE = 90


def dump(data: dict, notes: list[Note]) -> str:
    """The YAML text of data with the notes as comments above their fields."""
    by_path: dict[Path, list[str]] = {}
    for note in notes:
        by_path.setdefault(_nearest(data, note.path), []).append(note.what)
    out: list[str] = []
    _mapping(data, (), 0, out, by_path)
    return "\n".join(out) + "\n"


def _nearest(data: object, path: Path) -> Path:
    """The longest prefix of path that exists in data."""
    here: object = data
    for n, part in enumerate(path):
        try:
            here = here[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return path[:n]
    return path


def _comments(path: Path, indent: int, out: list[str], by_path: dict) -> None:
    for what in by_path.get(path, []):
        out.append(" " * indent + "# ПРОВЕРЬТЕ: " + " ".join(what.split()))


def _mapping(data: dict, path: Path, indent: int, out: list[str], by_path: dict,
             first_prefix: str = "") -> None:
    for n, (key, value) in enumerate(data.items()):
        pad = " " * indent
        lead = first_prefix if n == 0 and first_prefix else pad
        if not (n == 0 and first_prefix):
            _comments((*path, key), indent, out, by_path)
        _value(f"{lead}{key}:", value, (*path, key), indent, out, by_path)


def _value(head: str, value: object, path: Path, indent: int, out: list[str],
           by_path: dict) -> None:
    if isinstance(value, dict):
        if not value:
            out.append(head + " {}")
            return
        out.append(head)
        _mapping(value, path, indent + 2, out, by_path)
    elif isinstance(value, list):
        if not value:
            out.append(head + " []")
            return
        out.append(head)
        for i, item in enumerate(value):
            _comments((*path, i), indent + 2, out, by_path)
            _item(item, (*path, i), indent + 2, out, by_path)
    else:
        out.extend(_scalar(head, str(value), indent))


def _item(item: object, path: Path, indent: int, out: list[str], by_path: dict) -> None:
    pad = " " * indent
    if isinstance(item, dict) and item:
        first = next(iter(item))
        _comments((*path, first), indent, out, by_path)
        _mapping(item, path, indent + 2, out, by_path, first_prefix=pad + "- ")
    elif isinstance(item, (dict, list)):
        out.append(pad + "- " + ("{}" if isinstance(item, dict) else "[]"))
    else:
        out.extend(_scalar(pad + "-", str(item), indent))


def _scalar(head: str, text: str, indent: int) -> list[str]:
    block = "\n" in text or len(head) + len(text) > _WIDE
    if block and _block_safe(text):
        pad = " " * (indent + 2)
        return [head + " |-"] + [pad + line if line else "" for line in text.split("\n")]
    dumped = yaml.safe_dump(text, allow_unicode=True, width=10_000,
                            default_style=None).rstrip("\n")
    if dumped.endswith("\n..."):
        dumped = dumped[:-4].rstrip("\n")
    if "\n" in dumped:
        dumped = yaml.safe_dump(text, allow_unicode=True, width=10_000,
                                default_style='"').rstrip("\n")
    return [f"{head} {dumped}"]


def _block_safe(text: str) -> bool:
    lines = text.split("\n")
    return (bool(text.strip()) and not text[0].isspace() and all(
        line == line.rstrip() and "\t" not in line for line in lines)
        and not any(ch in text for ch in "\x00\r\ufeff\u2028\u2029\x85"))
