"""A curated programme (YAML) laid out as a document: the blocks a writer (DOCX, PDF) draws.

The layout follows real municipal documents: the order, the programme title, the passport as
a two-column table, indicator tables, text sections, a table of schools, then the roadmap
with its header row, section rows across all columns, a vertically merged task column and
runs of equal timings merged down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from shnor_site.content.load import parse_yaml

DEFAULT_HEADERS = {"number": "№ п/п", "task": "Задача", "title": "Мероприятия",
                   "timing": "Сроки", "responsible": "Ответственные",
                   "result": "Планируемый результат", "control": "Форма контроля"}
ORDER = ("number", "title", "timing", "responsible", "result", "control")
PASSPORT = ("name", "legal_basis", "developers", "head", "executors", "participants", "goal",
            "tasks", "main_activities", "expected_results", "period", "control")


@dataclass
class Grid:
    """A table: rows of cells; a cell is (text, span, merged-down continuation)."""

    rows: list[list[tuple[str, int, bool]]]
    header_rows: int = 0


@dataclass
class Layout:
    """Paragraphs (str) and tables (Grid) in document order."""

    blocks: list[str | Grid] = field(default_factory=list)


def load(path: Path) -> dict:
    """A programme YAML read the project's way (every scalar a string)."""
    return parse_yaml(path.read_text(encoding="utf-8"), path.name)[0]


def layout(prog: dict, schools: dict[str, str]) -> Layout:
    """The programme as document blocks; schools maps ids to names."""
    out = Layout()
    _order(out, prog.get("approval") or {})
    out.blocks.append(prog["title"])
    if prog.get("passport"):
        _passport(out, prog["passport"])
    for group in prog.get("indicator_groups", []):
        _indicators(out, group)
    for text in prog.get("texts", []):
        out.blocks += [p for p in (text.get("preface") or "").split("\n") if p.strip()]
        out.blocks += [text["title"]] if text.get("title") else []
        out.blocks += [p for p in text["body"].split("\n\n") if p.strip()]
    if prog.get("schools"):
        rows = [[("№", 1, False), ("Школа", 1, False), ("Роль", 1, False)]]
        rows += [[(str(n), 1, False), (schools.get(p["school"], p["school"]), 1, False),
                  (p["role"], 1, False)] for n, p in enumerate(prog["schools"], start=1)]
        out.blocks += ["Школы — участники программы", Grid(rows, 1)]
    if prog.get("roadmap"):
        _roadmap(out, prog["roadmap"])
    return out


def _order(out: Layout, approval: dict) -> None:
    if approval.get("document", "Приказ") != "Приказ":
        out.blocks += [p for p in (approval.get("stamp") or "").split("\n") if p.strip()]
        return
    out.blocks += (approval.get("authority_text") or "").split("\n")
    out.blocks.append("ПРИКАЗ")
    out.blocks += [approval[k] for k in ("date_text", "number") if approval.get(k)]
    if approval.get("title"):
        out.blocks.append(approval["title"])
    out.blocks += [p for p in (approval.get("preamble") or "").split("\n\n") if p.strip()]
    out.blocks += [f"{i.get('number', '')} {i['text']}".strip() for i in approval.get("items", [])]
    if approval.get("signatory"):
        out.blocks += [approval["signatory"]["position"], approval["signatory"]["name"]]
    out.blocks += [p for p in (approval.get("notes") or "").split("\n\n") if p.strip()]
    out.blocks += [p for p in (approval.get("stamp") or "").split("\n") if p.strip()]


def _passport(out: Layout, passport: dict) -> None:
    out.blocks += [passport["title"]] if passport.get("title") else []
    labels, rows = passport.get("labels", {}), []
    for key in PASSPORT:
        value = passport.get(key)
        if not value:
            continue
        text = "\n".join(f"- {v}" if not v[:3].rstrip(". ").isdigit() else v for v in value) \
            if isinstance(value, list) else value
        rows.append([(labels.get(key, key), 1, False), (text, 1, False)])
    rows += [[(x["label"], 1, False), (x["text"], 1, False)] for x in passport.get("extra", [])]
    out.blocks.append(Grid(rows))


def _indicators(out: Layout, group: dict) -> None:
    out.blocks += [p for p in (group.get("preface") or "").split("\n\n") if p.strip()]
    out.blocks.append(group["title"])
    if group.get("intro"):
        out.blocks.append(group["intro"])
    rows = [[(group.get("number_label") or "№", 1, False),
             (group.get("name_label") or "Показатель", 1, False),
             (group.get("value_label") or "Значение", 1, False)]]
    for ind in group["indicators"]:
        value = ind.get("target") or ind.get("value") or ind.get("baseline") or ""
        rows.append([(ind.get("number", ""), 1, False), (ind["name"], 1, False),
                     (value, 1, False)])
    out.blocks.append(Grid(rows, 1))


def roadmap_keys(roadmap: dict) -> list[str]:
    """The columns the roadmap's events use, in the curated column order."""
    events = [e for s in roadmap["sections"] for h in [s, *s.get("tasks", [])]
              for e in h.get("events", [])]
    used = [k for k in ORDER if k in ("number", "title") or any(e.get(k) for e in events)]
    given = [k for k in roadmap.get("columns", {}) if k in used]
    return given + [k for k in used if k not in given] if len(given) == len(used) else used


def _roadmap(out: Layout, roadmap: dict) -> None:
    out.blocks.append(roadmap["title"])
    out.blocks += [p for p in (roadmap.get("intro") or "").split("\n\n") if p.strip()]
    keys = roadmap_keys(roadmap)
    tasks = any(s.get("tasks") for s in roadmap["sections"])
    keys = ["task", *keys] if tasks else keys
    headers = {**DEFAULT_HEADERS, **roadmap.get("columns", {})}
    rows = [[(headers[k], 1, False) for k in keys]]
    for section in roadmap["sections"]:
        rows += _section_rows(section, keys)
    out.blocks.append(Grid(rows, 1))


def _section_rows(section: dict, keys: list[str]) -> list[list[tuple[str, int, bool]]]:
    width, rows = len(keys), []
    number, title = section.get("number", ""), section.get("title") or ""
    if title and number and number[:1].isdigit() and keys[0] == "number":
        rows.append([(number, 1, False), (title, width - 1, False)])
    elif title:
        rows.append([(f"{number} {title}".strip(), width, False)])
    if section.get("intro"):
        rows.append([(section["intro"], width, False)])
    rows += _event_rows(section.get("events", []), keys, "")
    for task in section.get("tasks", []):
        label = f"{task.get('number', '')} {task['title']}".strip()
        rows += _event_rows(task.get("events", []), keys, label)
    return rows


def _event_rows(events: list[dict], keys: list[str], task: str) -> list:
    rows, prev = [], None
    for n, event in enumerate(events):
        row = []
        for key in keys:
            text = task if key == "task" else (event.get(key) or "")
            merged = (key == "task" and n > 0) or (
                key == "timing" and prev is not None and text and prev.get("timing") == text)
            row.append((text, 1, merged))
        rows.append(row)
        prev = event
    return rows
