"""The passport: a two-column table (label | text) or «Цель:» / «Задачи:» paragraphs.

Rows keep the document's order (`order` lists the field names and extra labels as they
come); labels are kept as written in `labels`; rows the model has no field for go to `extra`.
"""

from __future__ import annotations

import re

from shnor_site.importer.columns import header_text
from shnor_site.importer.document import Block, Para, Table
from shnor_site.importer.markup import plain, to_markdown
from shnor_site.importer.notes import Note

#: (field, words of its label), tried in order.
_FIELDS: list[tuple[str, tuple[str, ...]]] = [
    ("name", ("наименование",)),
    ("legal_basis", ("основани",)),
    ("developers", ("разработчик",)),
    ("head", ("руководитель",)),
    ("executors", ("исполнител",)),
    ("participants", ("участник",)),
    ("goal", ("цель",)),
    ("tasks", ("задач",)),
    ("main_activities", ("основных мероприятий", "основные мероприятия", "направлени")),
    ("expected_results", ("ожидаемые результаты", "ожидаемый результат")),
    ("period", ("срок",)),
    ("control", ("контроль", "контроля")),
]
LISTS = ("tasks", "main_activities", "expected_results")
_PLAIN = ("period",)
_ITEM = re.compile(r"^(?:- |\d{1,2}\.\s)")
_PARA_LABEL = re.compile(r"^(Цель|Задачи)(?:\s+[а-яё]+)?\s*:\s*(.*)$", re.I)


def is_value(text: str) -> bool:
    """«50%», «1 шт.», «34,8»: a value of an indicator, not a passport text."""
    return bool(re.fullmatch(r"[\d.,\s%]+(?:шт\.?)?|да|нет", plain(text).strip(), re.I))


def field_of(label: str) -> str | None:
    """The passport field a row label names, or None."""
    low = label.lower()
    if len(low) > 80:
        return None
    return next((key for key, words in _FIELDS if any(w in low for w in words)), None)


def split_items(text: str, strip_numbers: bool = False) -> list[str]:
    """A list cell → its items («- » markers dropped; numbers kept unless asked)."""
    lines = [ln for ln in to_markdown(text).split("\n") if ln.strip()]
    if len(lines) < 2 and not (lines and _ITEM.match(lines[0])):
        return [to_markdown(text)] if text.strip() else []
    items: list[str] = []
    for line in lines:
        if _ITEM.match(line) or not items:
            line = line[2:].strip() if line.startswith("- ") else line
            if strip_numbers:
                line = re.sub(r"^\d{1,2}\.\s+", "", line)
            items.append(line)
        else:
            items[-1] += "\n\n" + line
    return items


def find_passport(blocks: list[Block], before: int) -> tuple[int, dict] | None:
    """(block index, field → label) of the passport table before blocks[before]."""
    for bi in range(min(before, len(blocks))):
        block = blocks[bi]
        if isinstance(block, Table) and block.width in (2, 3):
            labels = {}
            for row in block.rows:
                texts = row.texts
                key = field_of(header_text(texts[0])) if texts else None
                if key and key not in labels and len(row.filled) >= 2:
                    labels[key] = header_text(texts[0])
            if len(labels) >= 2:
                return bi, labels
    return None


def recognise_passport(blocks: list[Block], before: int) -> tuple[dict, set[int], list[Note],
                                                                  list[list[str]]] | None:
    """The passport dict, the blocks it took, notes, and rows it could not place."""
    found = find_passport(blocks, before)
    if found is None:
        return _from_paragraphs(blocks, before)
    bi, _ = found
    passport: dict = {"title": "Паспорт программы", "labels": {}}
    used, notes, left = {bi}, [], []
    prev = blocks[bi - 1] if bi else None
    if isinstance(prev, Para) and "паспорт" in prev.text.lower():
        passport["title"], used = prev.text, used | {bi - 1}
    else:
        notes.append(Note(("title",), "заголовок паспорта не найден — проверьте"))
    state = _Rows(passport, notes)
    for row in blocks[bi].rows:
        texts = [t for t in row.texts]
        if len(row.filled) == 1 and "паспорт" in row.filled[0].lower():
            passport["title"] = row.filled[0]
            continue
        if not state.add(texts, row.where):
            left.append(texts)
    passport["order"] = state.order
    return passport, used, notes, left


class _Rows:
    """Passport rows in document order."""

    def __init__(self, passport: dict, notes: list[Note]) -> None:
        self.passport, self.notes = passport, notes
        self.order: list[str] = []
        self.raw: dict[str, str] = {}
        self.last: str | None = None

    def add(self, texts: list[str], where: str) -> bool:
        """Place one row; False when it is not a passport row."""
        filled = [t for t in texts if t.strip()]
        if len(texts) > 3 or not filled or len(filled) > 2 or (
                len(filled) == 1 and (texts[0].strip() or not self.last)):
            return False
        label, text = header_text(texts[0]), filled[-1]
        if is_value(text):
            return False
        if not label and self.last:
            self.raw[self.last] += " " + text
            self._put(self.last, self.raw[self.last])
            self.notes.append(Note((self.last,), "строка без названия присоединена к строке "
                                   "выше (перенос страницы) — проверьте", where))
            return True
        if not label:
            return False
        key = field_of(label)
        if key is None or key in self.raw:
            self.passport.setdefault("extra", []).append({"label": label,
                                                          "text": to_markdown(text)})
            self.order.append(label)
            self.last = None
            return True
        self.passport["labels"][key] = label
        self.raw[key], self.last = text, key
        self._put(key, text)
        self.order.append(key)
        return True

    def _put(self, key: str, text: str) -> None:
        if key in LISTS:
            self.passport[key] = split_items(text)
        else:
            self.passport[key] = plain(text) if key in _PLAIN else to_markdown(text)


def _from_paragraphs(blocks: list[Block], before: int) -> tuple[dict, set[int], list[Note],
                                                                list[list[str]]] | None:
    """«Цель: …» and «Задачи:» followed by numbered lines, before the plan."""
    passport: dict = {"title": "Паспорт программы", "labels": {}}
    used: set[int] = set()
    i = 0
    while i < min(before, len(blocks)):
        block = blocks[i]
        match = _PARA_LABEL.match(block.text) if isinstance(block, Para) else None
        if match and match.group(1).lower() == "цель" and "goal" not in passport:
            passport["labels"]["goal"] = match.group(1)
            passport["goal"], used = match.group(2).strip(), used | {i}
        elif match and "tasks" not in passport:
            passport["labels"]["tasks"] = match.group(1)
            items, j = [], i + 1
            if match.group(2).strip():
                items.append(match.group(2).strip())
            while j < before and isinstance(blocks[j], Para) and re.match(r"^\d{1,2}\.\s",
                                                                         blocks[j].text):
                items.append(re.sub(r"^\d{1,2}\.\s+", "", blocks[j].text).strip())
                j += 1
            passport["tasks"], used = items, used | set(range(i, j))
            i = j
            continue
        i += 1
    if not used:
        return None
    passport["order"] = [k for k in ("goal", "tasks") if k in passport]
    notes = [Note(("title",), "паспорт собран из абзацев «Цель:» и «Задачи:»; заголовок "
                  "раздела в документе не найден — впишите, как его назвать")]
    return passport, used, notes, []
