"""The roadmap: its title, columns in document order, sections, tasks and events verbatim."""

from __future__ import annotations

import re

from shnor_site.importer.columns import MODEL_COLUMNS, column_key, header_map, header_text
from shnor_site.importer.document import Block, Para, Row, Table
from shnor_site.importer.notes import Note
from shnor_site.importer.roadmap_rows import HEADING, Plan, add_rows, has_events, heading

_TITLE_WORDS = re.compile(r"план|дорожн|карт|график|мероприят", re.I)


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
    add_rows(plan, table.rows[ri + 1:])
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
                heading(plan, block.text, block.where)
                used.add(i)
            else:
                pending.append(i)
            continue
        rows = _continuing_rows(plan, block)
        if rows is None:
            break
        if pending and plan.sections and not has_events(plan.sections[-1]):
            plan.sections[-1]["intro"] = "\n\n".join(blocks[j].text for j in pending)
            plan.sections[-1]["events"] = plan.sections[-1].pop("events")
            used |= set(pending)
        elif pending and not title and not plan.inner_title:
            plan.inner_title = " ".join(blocks[j].text for j in pending)
            used |= set(pending)
        pending = []
        used.add(i)
        add_rows(plan, rows)
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
