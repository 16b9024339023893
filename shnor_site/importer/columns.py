"""Roadmap column headers → the fields of an event, in the document's own column order."""

from __future__ import annotations

import re

#: (field, words a header of that column contains), tried in this order.
_KEYS: list[tuple[str, tuple[str, ...]]] = [
    ("number", ("№", "п/п", "n п", "номер")),
    ("task", ("задач",)),
    ("timing", ("срок", "дата", "период")),
    ("responsible", ("ответствен", "исполнител")),
    ("result", ("результат",)),
    ("control", ("контрол", "отчетн", "отчётн")),
    ("note", ("примечан",)),
    ("title", ("мероприят", "содержание", "наименование", "перечень", "действи", "вид работ")),
]
#: Fields the programme model knows as roadmap columns (task groups rows, it is no column).
MODEL_COLUMNS = ("number", "title", "timing", "responsible", "result", "control")


def header_text(text: str) -> str:
    """A header as written, on one line (exports break long headers over lines)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()


def column_key(text: str) -> str | None:
    """The event field a column header names, or None."""
    low = header_text(text).lower()
    if not low or len(low) > 120:
        return None
    for key, words in _KEYS:
        if any(w in low for w in words):
            if key == "number" and len(low) > 12:
                continue
            return key
    return None


def header_map(texts: list[str]) -> dict[int, str] | None:
    """{column index: field} when the row is a roadmap header (a title column and a timing
    or responsible column, no field twice), else None."""
    found: dict[int, str] = {}
    for i, text in enumerate(texts):
        key = column_key(text)
        if key and key not in found.values():
            found[i] = key
    keys = set(found.values())
    if "title" in keys and keys & {"timing", "responsible"}:
        return found
    return None
