"""The roadmap: its title, columns in document order, sections, tasks and events verbatim."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shnor_site.importer.columns import MODEL_COLUMNS, column_key, header_map, header_text
from shnor_site.importer.document import Block, Para, Row, Table
from shnor_site.importer.markup import plain, to_markdown
from shnor_site.importer.notes import Join, Note

NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
HEADING = re.compile(r"^((?:Раздел|РАЗДЕЛ|Задача|ЗАДАЧА)(?:\s*\d+(?:\.\d+)*\s*[.:]?|\s*[.:]))"
                     r"\s*(.+)$", re.S)
_TITLE_WORDS = re.compile(r"план|дорожн|карт|график|мероприят", re.I)
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


def find_header(blocks: list[Block]) -> tuple[int, int, dict[int, str]] | None:
    """(block index, row index, columns) of the first roadmap header."""
    for bi, block in enumerate(blocks):
        if isinstance(block, Table):
            for ri, row in enumerate(block.rows[:3]):
                found = header_map(row.texts)
                if found:
                    return bi, ri, found
    return None


def recognise_roadmap(blocks: list[Block]) -> tuple[dict, set[int], Plan] | None:
    """The roadmap dict, the indices of the blocks it took, and the plan (notes, joins)."""
    found = find_header(blocks)
    if found is None:
        return None
    bi, ri, columns = found
    table = blocks[bi]
    plan = Plan(columns, [header_text(t) for t in table.rows[ri].texts])
    used = {bi}
    title, intro, taken = _title_before(blocks, bi)
    used |= taken
    _rows(plan, table.rows[ri + 1:])
    used |= _following(plan, blocks, bi + 1, title)
    roadmap: dict = {"title": title or ""}
    if not title:
        roadmap["title"] = _late_title(plan)
    if intro:
        roadmap["intro"] = intro
    roadmap["columns"] = {key: plan.headers[i] for i, key in sorted(columns.items())
                          if key in MODEL_COLUMNS}
    roadmap["sections"] = plan.sections
    _column_notes(plan)
    return roadmap, used, plan


def _late_title(plan: Plan) -> str:
    title = plan.inner_title
    plan.notes.append(Note(("title",), "заголовок плана не найден перед таблицей"
                           + (" — взят из текста внутри плана" if title else
                              " — впишите его, как в документе")))
    return title


def _column_notes(plan: Plan) -> None:
    for i, header in enumerate(plan.headers):
        key = plan.columns.get(i)
        if key is None and header:
            plan.notes.append(Note(("columns",), f"столбец «{header}» не распознан: его "
                                   "ячейки перенесены в note мероприятий"))
        elif key == "result" and "контрол" in header.lower():
            plan.notes.append(Note(("columns",), f"столбец «{header}» объединяет результат и "
                                   "форму контроля: всё записано в result"))


def _groups(blocks: list[Block], end: int) -> list[tuple[list[int], str]]:
    """Paragraph groups (lines without blank lines between) right before blocks[end]."""
    out: list[tuple[list[int], str]] = []
    i = end - 1
    while i >= 0 and isinstance(blocks[i], Para) and len(out) < 6:
        idx = [i]
        while blocks[idx[0]].cont and idx[0] > 0 and isinstance(blocks[idx[0] - 1], Para):
            idx.insert(0, idx[0] - 1)
        out.insert(0, (idx, " ".join(blocks[j].text for j in idx)))
        i = idx[0] - 1
    return out


def _title_before(blocks: list[Block], bi: int) -> tuple[str, str, set[int]]:
    """The plan's title and intro from the paragraph groups before its table."""
    groups = _groups(blocks, bi)[-5:]
    for n in range(len(groups) - 1, -1, -1):
        idx, text = groups[n]
        if len(text) < 300 and _TITLE_WORDS.search(text[:40]) and text[-1:] not in ".;":
            if n > 0 and text[:1].islower() and len(groups[n - 1][1]) < 40:
                idx, text = groups[n - 1][0] + idx, groups[n - 1][1] + " " + text
            intro = "\n\n".join(t for _, t in groups[n + 1:])
            taken = set(idx) | {j for ids, _ in groups[n + 1:] for j in ids}
            return text, intro, taken
    return "", "", set()


def _following(plan: Plan, blocks: list[Block], start: int, title: str) -> set[int]:
    """Blocks after the first table that go on with the plan: headings of sections and
    tasks written as paragraphs, tables of the same width (with or without a header)."""
    used: set[int] = set()
    pending: list[int] = []
    for i in range(start, len(blocks)):
        block = blocks[i]
        if isinstance(block, Para):
            if HEADING.match(block.text) and not pending:
                _heading(plan, block.text, block.where)
                used.add(i)
            else:
                pending.append(i)
            continue
        rows = _continuing_rows(plan, block)
        if rows is None:
            break
        if pending and plan.sections and not _has_events(plan.sections[-1]):
            plan.sections[-1]["intro"] = "\n\n".join(blocks[j].text for j in pending)
            plan.sections[-1]["events"] = plan.sections[-1].pop("events")
            used |= set(pending)
        elif pending and not title and not plan.inner_title:
            plan.inner_title = " ".join(blocks[j].text for j in pending)
            used |= set(pending)
        pending = []
        used.add(i)
        _rows(plan, rows)
    return used


def _continuing_rows(plan: Plan, table: Table) -> list[Row] | None:
    """The rows of a table that continues the plan, or None."""
    for ri, row in enumerate(table.rows[:2]):
        found = header_map(row.texts)
        if found:
            same = sorted(found.values()) == sorted(plan.columns.values())
            return table.rows[ri + 1:] if same else None
        if sum(1 for t in row.texts if column_key(t)) >= 2:
            return None  # a header of another table
    if abs(table.width - plan.width) <= 1:
        return table.rows
    return None


def _rows(plan: Plan, rows: list[Row]) -> None:
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
    if (section is not None and not _has_events(section) and "intro" not in section
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
        _heading(plan, " ".join(t.strip() for t in texts if t.strip()), row.where)
        return
    if set(filled) == {"number", "title"} and not extra and _opens_section(vals, nxt, plan):
        _heading(plan, vals["title"], row.where, vals["number"])
        return
    _event(plan, row, vals, extra)


def _has_events(section: dict) -> bool:
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


def _heading(plan: Plan, text: str, where: str, number: str | None = None) -> None:
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
