"""Checks of practice files beyond their front matter model.

Body sections (Проблема … Материалы), the one-paragraph summary, programme event
references, municipality consistency, review dates and reserved ids. Every problem is
coded and located (file:line), like the rest of validation.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from shnor_site.content.load import read_text
from shnor_site.core.catalogue import Catalogue
from shnor_site.core.placement import place_events
from shnor_site.core.practices import (
    RESERVED_IDS,
    SECTION_GUIDE,
    SECTIONS,
    event_label,
    resolve_event,
    split_body,
    visible_text,
)
from shnor_site.core.problems import Problem, problem
from shnor_site.core.source import Source

SUMMARY_MAX = 700


def practice_problems(src: Source, cat: Catalogue) -> list[Problem]:
    """Every problem of one practice file that the model alone cannot see."""
    data = src.data if isinstance(src.data, dict) else {}
    probs = _body_problems(src)
    probs += _summary_problems(src, data)
    probs += _source_problems(src, data, cat)
    probs += _school_problems(src, data, cat)
    probs += _review_problems(src, data)
    probs += _evidence_problems(src, data)
    rid = data.get("id")
    if isinstance(rid, str) and rid in RESERVED_IDS:
        probs.append(problem(src.rel, "practice-reserved-id", line=src.line_of(("id",)),
                             field="id", detail=f"«{rid}»"))
    return probs


def _body_lines(src: Source) -> tuple[list[str], int]:
    """Lines after the closing «---» of the front matter and the file line of the first."""
    lines = read_text(src.path, src.rel).split("\n")
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), len(lines))
    return lines[closing + 1:], closing + 2


def _body_problems(src: Source) -> list[Problem]:
    if src.body is None:
        return [problem(src.rel, "practice-not-markdown", line=1)]
    lines, first = _body_lines(src)
    outside, sections = split_body(lines, first)
    probs = [problem(src.rel, "practice-text-outside", line=outside[0])] if outside else []
    seen: dict[str, int] = {}
    for sec in sections:
        if sec.canonical is None:
            close = difflib.get_close_matches(sec.heading, SECTIONS, n=1, cutoff=0.5)
            hint = (f"Возможно, «## {close[0]}». " if close else "") + _sections_hint()
            probs.append(problem(src.rel, "practice-section-unknown", line=sec.line,
                                 detail=f"«{sec.heading}»", hint=hint))
        elif sec.canonical in seen:
            probs.append(problem(src.rel, "practice-section-duplicate", line=sec.line,
                                 detail=f"«{sec.canonical}» уже есть в строке "
                                        f"{seen[sec.canonical]}"))
        else:
            seen[sec.canonical] = sec.line
            if not visible_text(sec.text):
                probs.append(problem(src.rel, "practice-section-empty", line=sec.line,
                                     detail=f"«{sec.canonical}»",
                                     hint=SECTION_GUIDE[sec.canonical]))
    return probs + _missing_sections(src, seen, first + max(len(lines) - 1, 0))


def _missing_sections(src: Source, seen: dict[str, int], last_line: int) -> list[Problem]:
    """A missing section is reported where it belongs: before the next present one."""
    probs = []
    for index, name in enumerate(SECTIONS):
        if name not in seen:
            later = [seen[n] for n in SECTIONS[index + 1:] if n in seen]
            where = min(later) if later else last_line
            probs.append(problem(
                src.rel, "practice-section-missing", line=where, detail=f"«{name}»",
                hint=f"Добавьте строку «## {name}» и текст под ней"
                     + (f" перед строкой {where}." if later else " в конце файла.")))
    return probs


def _sections_hint() -> str:
    return "Разделы практики: " + ", ".join(f"«## {s}»" for s in SECTIONS) + "."


def _summary_problems(src: Source, data: dict) -> list[Problem]:
    summary = data.get("summary")
    if not isinstance(summary, str):
        return []
    text = summary.strip()
    if "\n\n" in text or len(text) > SUMMARY_MAX:
        detail = "несколько абзацев" if "\n\n" in text else f"{len(text)} знаков"
        return [problem(src.rel, "practice-summary", line=src.line_of(("summary",)),
                        field="summary", detail=detail)]
    return []


def _source_problems(src: Source, data: dict, cat: Catalogue) -> list[Problem]:
    source = data.get("source")
    if source is None:
        return []
    if not isinstance(source, dict):
        return []  # reported by the model as wrong-type
    pid, events = source.get("programme"), source.get("events") or []
    if not pid and not source.get("document"):
        return [problem(src.rel, "practice-source-empty", line=src.line_of(("source",)),
                        field="source")]
    if not pid:
        if events:
            return [problem(src.rel, "practice-events-without-programme",
                            line=src.line_of(("source", "events")), field="source.events")]
        return []
    prog = cat.records.get("programme", {}).get(pid) if isinstance(pid, str) else None
    if prog is None:
        return []  # unknown programme: reported as unknown-ref
    probs = _municipality_problem(src, data, prog.municipality, ("source", "programme"),
                                  "source.programme", f"программа «{pid}»")
    if isinstance(events, list):
        placed = place_events(prog)
        for index, ref in enumerate(events):
            probs += _event_problems(src, ref, placed, pid, ("source", "events", index))
    return probs


def _event_problems(src: Source, ref: Any, placed: list, pid: str,
                    loc: tuple) -> list[Problem]:
    if not isinstance(ref, str) or not ref.strip():
        return []
    found, candidates = resolve_event(placed, ref)
    field = f"source.events[{loc[-1] + 1}]"
    if found is not None:
        return []
    line = src.line_of(loc)
    if candidates:
        options = "; ".join(f"«{p.anchor}» ({event_label(p)})" for p in candidates)
        return [problem(src.rel, "practice-event-ambiguous", line=line, field=field,
                        detail=f"«{ref}» в программе «{pid}»: мероприятий с таким "
                               f"номером — {len(candidates)}",
                        hint=f"Укажите якорь нужного мероприятия: {options}.")]
    numbers = [p.event.number.rstrip(".") for p in placed if p.event.number]
    close = difflib.get_close_matches(ref.rstrip("."), numbers, n=3, cutoff=0.6)
    hint = (f"Похожие номера: {', '.join(close)}. " if close else "") + (
        "Номер пишется точно как в документе; его видно на странице программы.")
    return [problem(src.rel, "practice-event-unknown", line=line, field=field,
                    detail=f"«{ref}» в программе «{pid}»", hint=hint)]


def _municipality_problem(src: Source, data: dict, other: str, loc: tuple, field: str,
                          what: str) -> list[Problem]:
    mine = data.get("municipality")
    if not isinstance(mine, str) or mine == other:
        return []
    return [problem(src.rel, "practice-municipality", line=src.line_of(loc), field=field,
                    detail=f"{what} относится к «{other}», а практика — к «{mine}»")]


def _school_problems(src: Source, data: dict, cat: Catalogue) -> list[Problem]:
    schools = data.get("schools")
    if not isinstance(schools, list):
        return []
    probs: list[Problem] = []
    for index, sid in enumerate(schools):
        school = cat.records.get("school", {}).get(sid) if isinstance(sid, str) else None
        if school is not None:
            probs += _municipality_problem(src, data, school.municipality, ("schools", index),
                                           f"schools[{index + 1}]", f"школа «{sid}»")
    return probs


def _as_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _review_problems(src: Source, data: dict) -> list[Problem]:
    reviewed, reviewer = data.get("reviewed"), data.get("reviewer")
    probs: list[Problem] = []
    if bool(reviewed) != bool(reviewer):
        missing = "reviewer" if reviewed else "reviewed"
        probs.append(problem(src.rel, "practice-review", field=missing,
                             line=src.line_of(("reviewed" if reviewed else "reviewer",)),
                             detail=f"не заполнено «{missing}»",
                             hint="Укажите и дату проверки (reviewed), и кто проверил "
                                  "(reviewer), или уберите оба поля."))
    added, checked = _as_date(data.get("added")), _as_date(reviewed)
    if added and checked and checked < added:
        probs.append(problem(src.rel, "practice-review", field="reviewed",
                             line=src.line_of(("reviewed",)),
                             detail="дата проверки раньше даты добавления",
                             hint="Проверьте даты added и reviewed."))
    if data.get("status") == "рекомендована" and not reviewed:
        probs.append(problem(src.rel, "practice-review", field="status",
                             line=src.line_of(("status",)),
                             detail="«рекомендована» без проверки",
                             hint="Рекомендовать можно только проверенную практику: "
                                  "заполните reviewed и reviewer или укажите другой статус."))
    return probs


#: «Документ не приводит измеренных результатов», «Измеренных результатов пока нет»…
UNMEASURED = re.compile(r"(?i)не\s+привод\w*\s+измер|измеренных\s+результатов\s+(пока\s+)?нет"
                        r"|не\s+измерял|без\s+измерени|измерени\w*\s+(не\s+было|нет)")


def _evidence_problems(src: Source, data: dict[str, Any]) -> list[Problem]:
    """A warning when the text says nothing was measured but evidence is left empty."""
    if data.get("evidence") or data.get("outcomes") or src.body is None:
        return []
    lines, first = _body_lines(src)
    _outside, sections = split_body(lines, first)
    results = next((s for s in sections if s.canonical == "Результаты"), None)
    if results is None or not UNMEASURED.search(results.text):
        return []
    return [problem(src.rel, "practice-evidence-unmeasured",
                    line=src.lines.get(("evidence",)) or results.line, field="evidence",
                    severity="warning")]
