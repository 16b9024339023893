"""The bank of practices: facets, stable slugs, body sections and event references.

Pure helpers shared by validation (practices_check), linking (practices_links),
pages (practices_pages) and the new-practice writer (practices_new).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from shnor_site.core.models.practice import (
    Audience,
    Cost,
    Evidence,
    Level,
    PracticeFormat,
    RiskProfile,
    Status,
    Subject,
    Theme,
    choices,
)

#: Body sections of a practice file, in the order they are written and shown.
SECTIONS: tuple[str, ...] = ("Проблема", "Что сделали", "Результаты", "Как повторить",
                             "Материалы")
#: What each section holds: the template's guidance and the hint of an empty section.
SECTION_GUIDE = {
    "Проблема": "Какую трудность школы решает практика: что было не так и почему это важно.",
    "Что сделали": "Что и в каком порядке делали, кто участвовал, сроки. Списки — строками "
                   "«- …» или «1. …».",
    "Результаты": "Что изменилось и как это измерили. Если измерений нет, так и напишите: "
                  "«Измеренных результатов нет». Числа с показателями — в поле outcomes.",
    "Как повторить": "Шаги для другой школы: что подготовить, с чего начать, на что обратить "
                     "внимание.",
    "Материалы": "Ссылки на материалы (https://…): программы, сценарии, положения. Если "
                 "материалов нет, так и напишите.",
}
#: Ordinal scales shown apart (never merged): lowest first.
COST_SCALE: tuple[str, ...] = choices(Cost)
EVIDENCE_SCALE: tuple[str, ...] = choices(Evidence)


@dataclass(frozen=True)
class Facet:
    """A facet of the bank: its URL part, model field, Russian labels and allowed values."""

    key: str
    field: str
    label: str
    title: str
    values: tuple[str, ...]


FACETS: tuple[Facet, ...] = (
    Facet("risk", "risk_profiles", "Риск-профиль", "Риск-профили проекта «500+»",
          choices(RiskProfile)),
    Facet("theme", "themes", "Тема", "Темы", choices(Theme)),
    Facet("level", "levels", "Уровень образования", "Уровни образования", choices(Level)),
    Facet("subject", "subjects", "Предмет", "Предметы", choices(Subject)),
    Facet("audience", "audiences", "Для кого", "Для кого", choices(Audience)),
    Facet("format", "formats", "Форма работы", "Формы работы", choices(PracticeFormat)),
    Facet("status", "status", "Статус", "Статусы", choices(Status)),
)
FACET_BY_KEY: dict[str, Facet] = {f.key: f for f in FACETS}
#: The municipality facet uses municipality ids as slugs.
MUNICIPALITY_KEY = "municipality"
#: Ids a practice may not take: they are folders and pages of the bank.
RESERVED_IDS = frozenset({*FACET_BY_KEY, MUNICIPALITY_KEY, "select", "index", "all", "page"})

_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
    strict=True,
))


def slugify(text: str) -> str:
    """Stable Latin slug of a Russian value: «Дефицит педагогических кадров» →
    `defitsit-pedagogicheskikh-kadrov`."""
    latin = "".join(_TRANSLIT.get(ch, ch) for ch in text.lower())
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-")


def facet_values(practice: Any, facet: Facet) -> list[str]:
    """The practice's values of a facet, as a list (status is a single value)."""
    value = getattr(practice, facet.field)
    return list(value) if isinstance(value, list) else [value]


def facet_uri(key: str, slug: str) -> str:
    """Source URI of a facet value's page: `practices/risk/<slug>.md`."""
    return f"practices/{key}/{slug}.md"


# --- body sections -----------------------------------------------------------------------

@dataclass
class BodySection:
    """A `## ` section of a practice body: its heading as written, file line and text."""

    heading: str
    line: int
    text: str
    canonical: str | None


def _canon(heading: str) -> str | None:
    norm = " ".join(heading.replace("ё", "е").replace("Ё", "Е").split()).rstrip(" #:.").lower()
    for name in SECTIONS:
        if norm == name.lower():
            return name
    return None


def split_body(lines: list[str], first_line: int) -> tuple[list[int], list[BodySection]]:
    """Split body lines (the first at file line first_line) into `## ` sections.

    Returns the lines of text written outside any section (before the first heading,
    or under a `# ` heading) and the sections. Headings inside fenced code are text.
    """
    outside: list[int] = []
    sections: list[BodySection] = []
    fence = False
    for offset, line in enumerate(lines):
        number = first_line + offset
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        match = None if fence else re.match(r"^(#{1,2})\s+(.*?)\s*#*\s*$", line)
        if match and len(match[1]) == 2:
            sections.append(BodySection(match[2], number, "", _canon(match[2])))
        elif match or (not sections and line.strip() and not _is_comment(line)):
            outside.append(number)
        elif sections:
            sections[-1].text += line + "\n"
    return outside, sections


_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _is_comment(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("<!--") and stripped.endswith("-->")


def visible_text(markdown: str) -> str:
    """Section text without HTML comments (the template's guidance), stripped."""
    return _COMMENT.sub("", markdown).strip()


def body_sections(body: str | None) -> dict[str, str]:
    """Canonical section name → its Markdown (comments removed), for rendering."""
    if not body:
        return {}
    _, sections = split_body(body.split("\n"), 1)
    return {s.canonical: visible_text(s.text) for s in sections if s.canonical}


# --- references to programme events --------------------------------------------------------

def norm_number(number: str) -> str:
    """An event number as compared: single spaces, no final dot («3.3.» = «3.3»)."""
    return " ".join(number.split()).rstrip(".").strip()


class EventIndex:
    """The events of one programme by anchor and by number, for finding many references."""

    def __init__(self, placed: list[Any]) -> None:
        self.anchors: dict[str, Any] = {}
        self.numbers: dict[str, list[Any]] = {}
        for p in placed:
            self.anchors.setdefault(p.anchor, p)
            if p.event.number:
                self.numbers.setdefault(norm_number(p.event.number), []).append(p)

    def resolve(self, ref: str) -> tuple[Any | None, list[Any]]:
        """Find an event by anchor or by its number as written («17», «3.3», «1.»).

        Returns (the event or None, every candidate): no candidate means unknown,
        several mean the number repeats in the document and an anchor is needed.
        """
        ref = str(ref).strip()
        if ref in self.anchors:
            return self.anchors[ref], [self.anchors[ref]]
        found = self.numbers.get(norm_number(ref), [])
        return (found[0] if len(found) == 1 else None), list(found)


def resolve_event(placed: list[Any], ref: str) -> tuple[Any | None, list[Any]]:
    """EventIndex(placed).resolve(ref), for a single reference."""
    return EventIndex(placed).resolve(ref)


def event_label(placed: Any) -> str:
    """Where an event sits, in Russian: «Раздел 1 › Задача 2 › п. 4.»."""
    parts = []
    if placed.section.number:
        parts.append(placed.section.number.rstrip(":."))
    if placed.task is not None and placed.task.number:
        parts.append(placed.task.number.rstrip(":."))
    parts.append(f"п. {placed.event.number}" if placed.event.number else "без номера")
    return " › ".join(parts)
