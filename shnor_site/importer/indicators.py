"""Indicators: titled numbered lists, tables with a value column, passport rows with values."""

from __future__ import annotations

import re

from shnor_site.importer.columns import header_text
from shnor_site.importer.document import Block, Para, Table
from shnor_site.importer.markup import plain, to_markdown
from shnor_site.importer.notes import Note
from shnor_site.importer.passport import is_value

_TITLE = re.compile(r"показател|критери|индикатор", re.I)
_ITEM = re.compile(r"^(\d{1,2}\.?)\s+(.+)$", re.S)
_FROM_TO = re.compile(r"\(с\s*([\d.,]+)\s*до\s*([\d.,]+)\)")
_PERCENT = re.compile(r"\((\d+(?:[.,]\d+)?\s*%)\)\.?$")


def _value_key(title: str) -> str:
    return "target" if re.search(r"целев|индикатор|ожидаем", title, re.I) else "value"


def from_rows(title: str, rows: list[list[str]]) -> tuple[dict | None, list[Note]]:
    """A group from table rows whose last filled cell is a value; None if they are not."""
    named = [[t for t in r if t.strip()] for r in rows]
    named = [r for r in named if r]
    valued = [r for r in named if len(r) >= 2 and is_value(r[-1])]
    if not named or len(valued) < len(named) / 2:
        return None, []
    group: dict = {"title": title or "Показатели", "indicators": []}
    key = _value_key(title)
    notes = [Note(("indicators",), f"значения записаны в {key} — проверьте, целевые это "
                  "значения (target) или исходные (baseline)")]
    for r in named:
        item: dict = {}
        if len(r) >= 3 and re.fullmatch(r"\d{1,2}\.?", r[0].strip()):
            item["number"], r = r[0].strip(), r[1:]
        if len(r) >= 2 and is_value(r[-1]):
            item["name"], item[key] = to_markdown(" ".join(r[:-1])), plain(r[-1])
        else:
            item["name"] = to_markdown(" ".join(r))
        group["indicators"].append(item)
    return group, notes


def from_table(table: Table, title: str) -> tuple[dict | None, list[Note]]:
    """A group from a table with a header row naming indicators («Показатели»)."""
    head = table.rows[0].texts
    if not any(_TITLE.search(t) for t in head):
        return None, []
    group, notes = from_rows(title, [r.texts for r in table.rows[1:]])
    labels = [header_text(t) for t in head]
    if group is not None and len(labels) in (2, 3):  # (№,) name, value: each as written
        keys = ["number_label", "name_label", "value_label"][-len(labels):]
        group.update({k: t for k, t in zip(keys, labels, strict=True) if t})
    elif group is not None and labels[-1]:
        group["value_label"] = labels[-1]
    return group, notes


def from_paragraphs(blocks: list[Block], i: int) -> tuple[dict | None, int, list[Note]]:
    """A group from a heading paragraph naming indicators and numbered lines after it."""
    head = blocks[i]
    if not (isinstance(head, Para) and _TITLE.search(head.text[:80]) and len(head.text) < 300):
        return None, i, []
    items, j, notes = [], i + 1, []
    while j < len(blocks) and isinstance(blocks[j], Para) and _ITEM.match(blocks[j].text):
        number, name = _ITEM.match(blocks[j].text).groups()
        item = {"number": number, "name": name.strip()}
        found = _FROM_TO.search(name) or _PERCENT.search(name)
        if found and found.re is _FROM_TO:
            item["baseline"], item["target"] = found.group(1), found.group(2)
        elif found:
            item["target"] = found.group(1).replace(" ", "")
        if found:
            notes.append(Note(("indicators", len(items)), "значения взяты из текста показателя "
                              "— проверьте", blocks[j].where))
        items.append(item)
        j += 1
    if not items:
        return None, i, []
    return {"title": head.text, "indicators": items}, j, notes
