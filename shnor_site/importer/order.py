"""The approving order: authority header, «ПРИКАЗ», date, number, title, preamble, items,
signatory, notes and the approval stamp of the appendix — or an «УТВЕРЖДАЮ» stamp."""

from __future__ import annotations

import datetime as dt
import re

from shnor_site.importer.document import Block, Para
from shnor_site.importer.notes import Join, Note

_ORDER = re.compile(r"^(?:ПРИКАЗ|П Р И К А З|РАСПОРЯЖЕНИЕ)$")
_APPROVE = re.compile(r"^(?:УТВЕРЖДАЮ|УТВЕРЖДЕН[ОА]?)\b", re.I)
_ITEM = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*\.?)\s+(.+)$", re.S)
_ORDERS = re.compile(r"^(?:ПРИКАЗЫВАЮ|ПОСТАНОВЛЯЮ|РАСПОРЯЖАЮСЬ)", re.I)
_NAME = re.compile(r"^(?:[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё-]+"
                   r"|[А-ЯЁ][а-яё-]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.)$")
_NUMBER = re.compile(r"№\s*\S+")
_DATE_NUM = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
           "октябр", "ноябр", "декабр")
_DATE_WORDS = re.compile(r"(\d{1,2})\s*»?\s+([а-я]+)\s+(\d{4})")


def parse_date(text: str) -> dt.date | None:
    """«13.09.2022», «от « 13 » февраля 2024» → the date, or None."""
    match = _DATE_NUM.search(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = _DATE_WORDS.search(text.replace("«", " ").replace("»", " "))
        if not match:
            return None
        month = next((i + 1 for i, m in enumerate(_MONTHS) if match.group(2).startswith(m)), 0)
        day, year = int(match.group(1)), int(match.group(3))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _paras(blocks: list[Block], start: int, end: int) -> list[tuple[int, Para]]:
    return [(i, b) for i, b in enumerate(blocks[start:end], start) if isinstance(b, Para)]


def recognise_order(blocks: list[Block], end: int) -> tuple[dict, set[int], list[Note],
                                                            list[Join]] | None:
    """The approval dict from the paragraphs before blocks[end], the blocks it took."""
    paras = _paras(blocks, 0, end)
    head = next((k for k, (_, p) in enumerate(paras) if _ORDER.match(p.text.strip())), None)
    if head is None:
        return _stamp_only(paras)
    order = _Order(paras, head)
    return order.read()


def _stamp_only(paras: list[tuple[int, Para]]) -> tuple[dict, set[int], list[Note],
                                                        list[Join]] | None:
    start = next((k for k, (_, p) in enumerate(paras[:12]) if _APPROVE.match(p.text)), None)
    if start is None:
        return None
    taken = [paras[start]]
    for i, para in paras[start + 1:]:
        if i != taken[-1][0] + 1 or len(para.text) > 80:
            break
        taken.append((i, para))
        if parse_date(para.text):
            break
    stamp = "".join(("\n" if p.cont else "\n\n") + p.text if k else p.text
                    for k, (_, p) in enumerate(taken))
    approval: dict = {"document": "Утверждаю", "stamp": stamp}
    date = next((parse_date(p.text) for _, p in taken if parse_date(p.text)), None)
    if date:
        approval["date"] = date.isoformat()
    notes = [Note(("stamp",), "документ утверждён грифом «УТВЕРЖДАЮ», приказа нет — "
                  "проверьте дату и кто утвердил", taken[0][1].where)]
    return approval, {i for i, _ in taken}, notes, []


class _Order:
    """Reads an order paragraph by paragraph."""

    def __init__(self, paras: list[tuple[int, Para]], head: int) -> None:
        self.paras, self.k = paras, head + 1
        self.used = {i for i, _ in paras[:head + 1]}
        self.notes: list[Note] = []
        self.joins: list[Join] = []
        self.out: dict = {"document": "Приказ"}
        lines = [p.text for _, p in paras[:head]]
        if lines:
            self.out["authority_text"] = "\n".join(lines)

    def take(self) -> Para | None:
        if self.k >= len(self.paras):
            return None
        i, para = self.paras[self.k]
        self.used.add(i)
        self.k += 1
        return para

    def peek(self) -> Para | None:
        return self.paras[self.k][1] if self.k < len(self.paras) else None

    def read(self) -> tuple[dict, set[int], list[Note], list[Join]]:
        self._date_number()
        self._title()
        self._preamble()
        self._items()
        self._signatory()
        self._tail()
        return self.out, self.used, self.notes, self.joins

    def _date_number(self) -> None:
        for _ in range(3):
            para = self.peek()
            if para is None or not (parse_date(para.text) or _NUMBER.search(para.text)):
                break
            self.take()
            text = para.text.strip()
            number = _NUMBER.search(text)
            date_part = text[:number.start()].strip() if number else text
            if number:
                self.out["number"] = number.group(0)
            if parse_date(date_part):
                self.out["date_text"] = date_part
                self.out["date"] = parse_date(date_part).isoformat()
        if "date" not in self.out:
            self.notes.append(Note(("date",), "дата приказа не найдена — впишите её"))

    def _title(self) -> None:
        para = self.take()
        if para is None:
            return
        parts = [para.text]
        while (nxt := self.peek()) is not None and nxt.cont:
            parts.append(self.take().text)
        self.out["title"] = " ".join(parts)

    def _preamble(self) -> None:
        parts: list[str] = []
        while (para := self.peek()) is not None and not _ITEM.match(para.text):
            self.take()
            parts.append(para.text)
            if _ORDERS.match(para.text.strip()):
                break
        if parts:
            self.out["preamble"] = "\n\n".join(parts)

    def _items(self) -> None:
        items: list[dict] = []
        while (para := self.peek()) is not None:
            match = _ITEM.match(para.text)
            if match:
                self.take()
                items.append({"number": match.group(1), "text": match.group(2).strip()})
            elif items and para.text[:1].islower():
                self.take()
                items[-1]["text"] += " " + para.text.strip()
                self.joins.append(Join(para.where, f"п. {items[-1]['number']}", para.text))
                self.notes.append(Note(("items", len(items) - 1, "text"), "продолжение пункта "
                                       "после переноса страницы присоединено — проверьте стык",
                                       para.where))
            else:
                break
        self.out["items"] = items

    def _signatory(self) -> None:
        position: list[str] = []
        for ahead in range(self.k, min(self.k + 4, len(self.paras))):
            text = self.paras[ahead][1].text.strip()
            if _NAME.match(text):
                for _ in range(ahead - self.k):
                    position.append(self.take().text.strip())
                self.take()
                self.out["signatory"] = {"position": " ".join(position), "name": text}
                return
        self.notes.append(Note(("signatory",), "подпись (должность и фамилия) не найдена"))

    def _tail(self) -> None:
        notes: list[str] = []
        while (para := self.peek()) is not None and len(para.text) < 40 and not (
                _APPROVE.match(para.text) or para.text.startswith("Приложение")):
            notes.append(self.take().text)
        if notes:
            self.out["notes"] = "\n\n".join(notes)
        para = self.peek()
        if para is not None and (_APPROVE.match(para.text) or para.text.startswith("Приложение")):
            stamp = [self.take().text]
            while (nxt := self.peek()) is not None and nxt.cont:
                stamp.append(self.take().text)
            self.out["stamp"] = "\n".join(stamp)
