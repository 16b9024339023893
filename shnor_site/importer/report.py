"""The Russian report printed after an import: what was written, what to check where."""

from __future__ import annotations

from shnor_site.core.problems import fmt_loc
from shnor_site.importer.document import Document
from shnor_site.importer.draft import Draft
from shnor_site.importer.notes import Note


def line_of(lines: dict, path: tuple) -> int | None:
    """The draft line of path, or of its nearest existing parent."""
    for n in range(len(path), -1, -1):
        if path[:n] in lines:
            return lines[path[:n]]
    return None


def report(draft: Draft, doc: Document, rel: str, lines: dict, written: list[str],
           model_orders: bool) -> str:
    """The report: files written, then every note as `файл:строка: поле: что проверить`."""
    out = ["Записано:"] + [f"  {w}" for w in written]
    prog = draft.programme
    events = sum(len(h.get("events", [])) for s in prog.get("roadmap", {}).get("sections", [])
                 for h in [s, *s.get("tasks", [])])
    out.append(f"Распознано: пунктов приказа — {len(prog.get('approval', {}).get('items', []))}, "
               f"строк паспорта — {len(draft.orders.get('passport', []))}, групп показателей — "
               f"{len(prog.get('indicator_groups', []))}, мероприятий — {events}, "
               f"текстовых разделов — {len(prog.get('texts', []))}, школ — "
               f"{len(prog.get('schools', []))}.")
    out += ["", f"Что проверить ({len(draft.notes)}):"]
    out += [_line(rel, lines, n) for n in draft.notes]
    if draft.joins:
        out += ["", "Соединённые строки (перенос страницы, повтор шапки):"]
        out += [f"  {j.where}: {j.into}: {j.text[:120]}" for j in draft.joins]
    if doc.skipped:
        out += ["", "Пропущено как след вёрстки (в черновик не перенесено):"]
        out += [f"  {w}: «{t}» — {why}" for w, t, why in doc.skipped]
    if draft.schools:
        out += ["", "Школы, которых ещё нет на сайте (созданы черновики — проверьте названия):"]
        out += [f"  content/schools/{s['id']}.yml: {s['name']}" for s in draft.schools]
    if not model_orders:
        out += ["", "Порядок частей документа (для полей order, когда они появятся в модели):",
                "  программа: " + ", ".join(draft.orders.get("programme", []))]
        if draft.orders.get("passport"):
            out.append("  паспорт: " + ", ".join(draft.orders["passport"]))
    out += ["", "Когда всё проверено, удалите список review и запустите «shnor-site check»."]
    return "\n".join(out) + "\n"


def _line(rel: str, lines: dict, note: Note) -> str:
    line = line_of(lines, note.path)
    where = f" (в документе: {note.where})" if note.where else ""
    return f"  {rel}:{line or 1}: {fmt_loc(note.path)}: {note.what}{where}"
