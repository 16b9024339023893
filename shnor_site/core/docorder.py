"""The order in which a programme's document puts its parts, and its passport rows.

A reader holding the paper document must find the same sequence on the site. A
programme may list its blocks (`order:`) and its passport rows (`passport.order:`) as
they stand in the document; without the lists the blocks come in a default order.

Programme blocks are named `approval`, `passport`, `monitoring`, `schools`, `roadmap`,
`indicators-N` and `text-N` (N counts indicator groups and texts from 1). A passport row
is named by its field (`goal`, `tasks`…), by the label of an `extra` row as written, or
by `indicators-N` / `monitoring` when the document puts that block inside its passport
table. Every block the programme has must appear exactly once in one of the two lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Passport fields in the default order, with the label used when the document gives none.
PASSPORT_FIELDS: dict[str, str] = {
    "name": "Наименование", "legal_basis": "Основания для разработки",
    "developers": "Разработчики", "head": "Руководитель", "executors": "Исполнители",
    "participants": "Участники", "goal": "Цель", "tasks": "Задачи",
    "main_activities": "Основные мероприятия", "expected_results": "Ожидаемые результаты",
    "period": "Сроки реализации", "control": "Контроль", "monitoring": "Мониторинг",
}
#: Passport fields holding lists (one item each).
PASSPORT_LISTS = frozenset({"tasks", "main_activities", "expected_results"})


@dataclass(frozen=True)
class Slot:
    """A place in the document: a block kind and, for numbered kinds, its 1-based number.

    `kind` is a passport field name, `extra` (a passport row without a typed field),
    `indicators`, `text`, or a block name (`approval`, `passport`, `schools`, `roadmap`,
    `monitoring`)."""

    kind: str
    number: int = 0

    @property
    def token(self) -> str:
        """How the slot is written in an `order:` list."""
        return f"{self.kind}-{self.number}" if self.kind in ("indicators", "text") else self.kind


@dataclass(frozen=True)
class OrderProblem:
    """A wrong `order:` list: where (field path), a problem code and the offending token."""

    loc: tuple[str | int, ...]
    code: str
    token: str


def programme_slots(prog: Any) -> list[Slot]:
    """Every block the programme has, in the default order."""
    slots = [Slot("approval")] if prog.approval else []
    slots += [Slot("passport")] if prog.passport else []
    slots += [Slot("indicators", i) for i in range(1, len(prog.indicator_groups) + 1)]
    slots += [Slot("text", i) for i in range(1, len(prog.texts) + 1)]
    slots += [Slot("schools")] if prog.schools or prog.pairs else []
    slots += [Slot("roadmap")] if prog.roadmap else []
    return slots


def passport_slots(pp: Any) -> list[Slot]:
    """Every row the passport has, in the default order (monitoring last)."""
    rows = [Slot(key) for key in PASSPORT_FIELDS if key != "monitoring" and pp_has(pp, key)]
    rows += [Slot("extra", i) for i in range(1, len(pp.extra) + 1)]
    return rows + ([Slot("monitoring")] if pp.monitoring else [])


def pp_has(pp: Any, key: str) -> bool:
    """Whether the passport fills the field."""
    return bool(getattr(pp, key))


def _parse(token: str, prog: Any, in_passport: bool) -> Slot | None:
    """The slot a token names, or None when the programme has no such block."""
    pp = prog.passport
    kind, _, number = token.rpartition("-")
    if kind in ("indicators", "text") and number.isdigit():
        count = len(prog.indicator_groups if kind == "indicators" else prog.texts)
        return Slot(kind, int(number)) if 1 <= int(number) <= count else None
    if in_passport:
        labels = [row.label for row in pp.extra]
        if token in labels:
            return Slot("extra", labels.index(token) + 1)
        return Slot(token) if token in PASSPORT_FIELDS and pp_has(pp, token) else None
    known = {s.token: s for s in programme_slots(prog)}
    if token == "monitoring" and pp is not None and pp.monitoring:
        return Slot("monitoring")
    return known.get(token)


def _read(tokens: list[str], loc: tuple, prog: Any, in_passport: bool,
          seen: set[Slot], problems: list[OrderProblem]) -> list[Slot]:
    """Slots of an order list; unknown and repeated tokens become problems."""
    out = []
    for i, token in enumerate(tokens):
        slot = _parse(token, prog, in_passport)
        if slot is None:
            problems.append(OrderProblem((*loc, i), "order-unknown", token))
        elif slot in seen:
            problems.append(OrderProblem((*loc, i), "order-duplicate", token))
        else:
            seen.add(slot)
            out.append(slot)
    return out


def resolve(prog: Any) -> tuple[list[Slot], list[Slot], list[OrderProblem]]:
    """(programme blocks, passport rows, problems) in the document's order.

    Blocks missing from a given list are problems and are appended in the default order,
    so a page never loses a part of the document."""
    problems: list[OrderProblem] = []
    seen: set[Slot] = set()
    pp = prog.passport
    rows = _read(pp.order, ("passport", "order"), prog, True, seen, problems) if pp else []
    blocks = _read(prog.order, ("order",), prog, False, seen, problems)
    if pp is not None:
        rows += _missing(passport_slots(pp), seen, bool(pp.order), ("passport", "order"),
                         problems)
    blocks += _missing(programme_slots(prog), seen, bool(prog.order), ("order",), problems)
    return blocks, rows, problems


def _missing(default: list[Slot], seen: set[Slot], listed: bool, loc: tuple,
             problems: list[OrderProblem]) -> list[Slot]:
    """Default slots not placed yet; a problem each when the list was written by hand."""
    out = [slot for slot in default if slot not in seen]
    for slot in out:
        seen.add(slot)
        if listed:
            problems.append(OrderProblem(loc, "order-missing", slot.token))
    return out


def block_tokens(prog: Any) -> list[str]:
    """Every token an `order:` list of this programme may use (for hints)."""
    return [s.token for s in programme_slots(prog)] + (
        ["monitoring"] if prog.passport and prog.passport.monitoring else [])
