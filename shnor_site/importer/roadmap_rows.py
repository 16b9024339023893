"""Roadmap rows → sections, tasks and events: a plan under construction, row by row.

Rows spanning the table (or holding one heading) open sections and tasks, rows with a title
are events; a row after a page break without a number is joined to the event before it
(text exports), a row the reader already joined across a page break is marked for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shnor_site.importer.columns import header_map, header_text
from shnor_site.importer.document import Row
from shnor_site.importer.markup import plain, to_markdown
from shnor_site.importer.notes import Join, Note

NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
HEADING = re.compile(r"^((?:Раздел|РАЗДЕЛ|Задача|ЗАДАЧА)(?:\s*\d+(?:\.\d+)*\s*[.:]?|\s*[.:]))"
                     r"\s*(.+)$", re.S)
_MARKDOWN_FIELDS = ("title", "result", "control", "note")


@dataclass
class Plan:
    """The roadmap under construction."""

    columns: dict[int, str]
    headers: list[str]
    sections: list[dict] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    joins: list[Join] = field(default_factory=list)
    last: tuple[dict, tuple] | None = None  # the last event and its path
    raw: dict[str, str] = field(default_factory=dict)  # the last event's cells as written
    inner_title: str = ""
    task_text: str | None = None

    @property
    def width(self) -> int:
        """Number of grid columns of the roadmap table."""
        return len(self.headers)

    def section(self) -> tuple[dict, int]:
        """The current section (a section without title is opened for events before any)."""
        if not self.sections:
            self.sections.append({"events": []})
        return self.sections[-1], len(self.sections) - 1


def add_rows(plan: Plan, rows: list[Row]) -> None:
    """The plan's rows in order: headers repeated skipped, sections, tasks and events."""
    for k, row in enumerate(rows):
        texts = _fit(plan, row)
        if header_map(texts) and [header_text(t) for t in texts] == plan.headers:
            plan.joins.append(Join(row.where, "шапка таблицы", "повтор шапки пропущен"))
            continue
        if not any(t.strip() for t in texts):
            continue
        nxt = [r.texts for r in rows[k + 1:k + 4]]
        _row(plan, row, texts, nxt)


def _fit(plan: Plan, row: Row) -> list[str]:
    """The row's cells in the plan's columns; a row after a page break that lost its
    empty first cell (one cell short, first cell not a number) is moved right."""
    texts = row.texts
    if (row.after_break and len(texts) == plan.width - 1 and texts[0].strip()
            and not NUMBER.match(texts[0].strip())):
        texts = ["", *texts]
    return (texts + [""] * plan.width)[:max(plan.width, len(texts))]


def _values(plan: Plan, texts: list[str]) -> tuple[dict[str, str], list[str]]:
    vals: dict[str, str] = {}
    extra: list[str] = []
    for i, text in enumerate(texts):
        key = plan.columns.get(i)
        if key:
            vals[key] = text.strip()
        elif text.strip():
            head = plan.headers[i] if i < plan.width else ""
            extra.append(f"{head}: {text.strip()}" if head else text.strip())
    return vals, extra


def _row(plan: Plan, row: Row, texts: list[str], nxt: list[list[str]]) -> None:
    vals, extra = _values(plan, texts)
    if "task" in vals and vals["task"] and vals["task"] != plan.task_text:
        plan.task_text = vals["task"]
        _task(plan, vals["task"], row.where)
    filled = [k for k, v in vals.items() if v and k != "task"]
    spanning = any(c.span >= plan.width - 1 for c in row.cells) and plan.width > 2
    if not vals.get("number") and row.after_break and plan.last and not spanning:
        _join(plan, row, vals, extra)
        return
    section = plan.sections[-1] if plan.sections else None
    if (section is not None and not has_events(section) and "intro" not in section
            and len(row.filled) == 1 and len(row.cells) < plan.width - 1 and not extra):
        section["intro"] = to_markdown(row.filled[0])
        section["events"] = section.pop("events")
        plan.notes.append(Note(("sections", len(plan.sections) - 1, "intro"),
                               "строка под заголовком раздела записана как его вводный текст",
                               row.where))
        return
    if spanning or (len(filled) == 1 and not extra and filled != ["title"]) or (
            len(filled) == 1 and filled == ["title"] and plan.columns.get(0) != "title"
            and _is_heading_only(texts)):
        heading(plan, " ".join(t.strip() for t in texts if t.strip()), row.where)
        return
    if set(filled) == {"number", "title"} and not extra and _opens_section(vals, nxt, plan):
        heading(plan, vals["title"], row.where, vals["number"])
        return
    _event(plan, row, vals, extra)


def has_events(section: dict) -> bool:
    return bool(section.get("events")) or any(t.get("events") for t in section.get("tasks", []))


def _is_heading_only(texts: list[str]) -> bool:
    return sum(1 for t in texts if t.strip()) == 1


def _opens_section(vals: dict[str, str], nxt: list[list[str]], plan: Plan) -> bool:
    """A row with a number and a title only opens a section when the next rows' numbers
    go on from its number («1.» → «1.1»)."""
    number = vals["number"].rstrip(".")
    col = next((i for i, k in plan.columns.items() if k == "number"), None)
    if col is None or not NUMBER.match(vals["number"]):
        return False
    for texts in nxt:
        following = texts[col].strip() if col < len(texts) else ""
        if NUMBER.match(following):
            return following.startswith(number + ".") and following != number + "."
    return not nxt and "." not in number  # the last row of its table: «3» before a break


def heading(plan: Plan, text: str, where: str, number: str | None = None) -> None:
    match = HEADING.match(text.strip())
    if match and match.group(1).lower().startswith("задача"):
        _task(plan, text, where)
        return
    section: dict = {}
    if match:
        section["number"], section["title"] = match.group(1), to_markdown(match.group(2))
    else:
        if number:
            section["number"] = number
        section["title"] = to_markdown(text)
    section["events"] = []
    plan.sections.append(section)
    plan.task_text = None


def _task(plan: Plan, text: str, where: str) -> None:
    section, _ = plan.section()
    match = HEADING.match(text.strip())
    task: dict = {}
    if match:
        task["number"], task["title"] = match.group(1), to_markdown(match.group(2))
    else:
        task["title"] = to_markdown(text)
        plan.notes.append(Note(("sections", len(plan.sections) - 1, "tasks",
                                len(section.setdefault("tasks", []))),
                               "задача без номера — проверьте, что это задача", where))
    task["events"] = []
    section.setdefault("tasks", []).append(task)


def _event(plan: Plan, row: Row, vals: dict[str, str], extra: list[str]) -> None:
    section, si = plan.section()
    event: dict = {}
    for key in ["number", "title"] + [k for k in vals if k not in ("number", "title", "task")]:
        text = vals.get(key, "")
        if text:
            event[key] = _convert(key, text)
    if extra:
        event["note"] = "\n\n".join([event.get("note", ""), *extra]).strip()
    if section.get("tasks"):
        task = section["tasks"][-1]
        path = ("sections", si, "tasks", len(section["tasks"]) - 1, "events", len(task["events"]))
        task["events"].append(event)
    else:
        path = ("sections", si, "events", len(section["events"]))
        section["events"].append(event)
    plan.last, plan.raw = (event, path), dict(vals)
    if "title" not in event:
        event["title"] = ""
        plan.notes.append(Note((*path, "title"), "у мероприятия нет текста — впишите его "
                               "или удалите строку", row.where))
    elif "number" not in event and any(k == "number" for k in plan.columns.values()):
        plan.notes.append(Note((*path, "title"), "мероприятие без номера — проверьте, что это "
                               "отдельное мероприятие, а не продолжение предыдущего", row.where))
    for where in row.joined:
        plan.notes.append(Note((*path, "title"), "продолжение строки после переноса страницы "
                               "присоединено — проверьте стык", where))


def _convert(key: str, text: str) -> str:
    return to_markdown(text) if key in _MARKDOWN_FIELDS else plain(text)


def _join(plan: Plan, row: Row, vals: dict[str, str], extra: list[str]) -> None:
    event, path = plan.last
    joined = []
    for key, text in vals.items():
        if not text or key in ("number", "task"):
            continue
        before = plan.raw.get(key, "")
        sep = "" if before.endswith("-") or not before else " "
        plan.raw[key] = before + sep + text
        event[key] = _convert(key, plan.raw[key])
        joined.append(key)
    if extra:
        event["note"] = "\n\n".join([event.get("note", ""), *extra]).strip()
    text = "; ".join(vals[k] for k in joined)
    plan.joins.append(Join(row.where, "/".join(map(str, path)), text))
    plan.notes.append(Note((*path, joined[0] if joined else "title"),
                           "строка, разорванная переносом страницы, присоединена к "
                           f"предыдущей ({', '.join(joined)}) — проверьте стык слов", row.where))
