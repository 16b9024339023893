"""Practices of the bank: a Markdown file with YAML front matter in content/practices/.

The front matter is declared here; the body sections (Проблема, Что сделали…) and the
links to programme events are checked in shnor_site/content/practice_check.py.
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import Literal

from pydantic import Field

from shnor_site.core.models.base import (
    Markdown,
    MunicipalityRef,
    ProgrammeRef,
    Record,
    SchoolRef,
    Slug,
    Url,
)

#: Risk profiles of the federal project «500+» (controlled list, as the project names them).
RiskProfile = Literal[
    "Низкий уровень оснащения школы",
    "Дефицит педагогических кадров",
    "Недостаточная предметная и методическая компетентность педагогических работников",
    "Риски низкой адаптивности учебного процесса",
    "Несформированность внутришкольной системы повышения квалификации",
    "Низкое качество преодоления языковых и культурных барьеров",
    "Пониженный уровень качества школьной образовательной и воспитательной среды",
    "Высокая доля обучающихся с рисками учебной неуспешности",
    "Низкий уровень вовлеченности родителей",
    "Низкая учебная мотивация обучающихся",
]
Theme = Literal[
    "наставничество",
    "функциональная грамотность",
    "работа с родителями",
    "сетевое взаимодействие",
    "управление",
    "диагностика дефицитов",
    "повышение квалификации",
    "методическое сопровождение",
    "учебная мотивация",
    "преемственность",
    "психолого-педагогическое сопровождение",
    "индивидуализация обучения",
    "подготовка к ГИА",
    "профориентация",
    "дополнительное образование",
]
Level = Literal["НОО", "ООО", "СОО"]
Subject = Literal[
    "русский язык",
    "литературное чтение",
    "математика",
    "окружающий мир",
    "естественно-научные предметы",
    "история и обществознание",
    "иностранный язык",
    "информатика",
    "ОРКСЭ и ОДНКНР",
    "все предметы",
]
Audience = Literal["педагоги", "руководители", "родители", "обучающиеся"]
PracticeFormat = Literal[
    "выездная методическая помощь",
    "методическое объединение",
    "методический день",
    "семинар",
    "мастер-класс",
    "открытые уроки",
    "консультации",
    "дистанционные консультации",
    "сетевая пара школ",
    "школа-куратор",
    "наставническая пара",
    "сообщество в социальной сети",
    "каникулярная школа",
    "тематическая декада",
    "программа для родителей",
    "занятия с обучающимися",
    "мониторинг",
]
Status = Literal["описана", "апробирована", "рекомендована"]
#: Ordinal scales, from the lowest to the highest. Shown apart, never merged into a score.
Cost = Literal[
    "без дополнительных затрат",
    "небольшие затраты",
    "умеренные затраты",
    "значительные затраты",
]
Evidence = Literal[
    "описание без измерений",
    "измерено в одной школе",
    "измерено в нескольких школах",
    "измерено со сравнением",
    "подтверждено независимой оценкой",
]


def choices(alias: object) -> tuple[str, ...]:
    """The allowed values of a Literal vocabulary, in declared order."""
    return tuple(str(v) for v in typing.get_args(alias))


class PracticeSource(Record):
    """Where the practice is described: a programme and its rows, or another document."""

    programme: ProgrammeRef | None = Field(
        None, description="Программа, из которой взята практика (id из content/programmes/)."
    )
    events: list[str] = Field(
        default_factory=list,
        description="Номера мероприятий точно как в документе («17», «3.3») или якорь "
        "мероприятия, когда номер повторяется («s1-t1-e4»).",
    )
    document: str | None = Field(
        None, description="Название документа, если практика описана не в программе сайта."
    )
    url: Url | None = Field(None, description="Ссылка на документ в интернете.")
    note: str | None = Field(
        None, description="Уточнение: приложение, пункт приказа, страница."
    )


class Outcome(Record):
    """A measured result: indicator, value before and after, and where it was measured."""

    indicator: str = Field(description="Показатель, например «Доля обучающихся, …».")
    before: str | None = Field(None, description="Значение до начала практики, как измерено.")
    after: str = Field(description="Значение после, как измерено.")
    source: str = Field(description="Откуда данные: отчёт, мониторинг, дата.")


class Practice(Record):
    """An effective practice of the bank, with facets for search and selection."""

    id: Slug
    title: str = Field(description="Название практики, например «Методические десанты».")
    summary: Markdown = Field(
        description="Коротко о практике: один абзац (до 700 знаков) для списка практик."
    )
    municipality: MunicipalityRef = Field(description="Муниципалитет, где практика применяется.")
    schools: list[SchoolRef] = Field(
        default_factory=list, description="Школы, где практика применяется (id)."
    )
    authors: list[str] = Field(
        default_factory=list, description="Авторы практики (необязательно), «Фамилия И.О.»."
    )
    added: dt.date = Field(description="Дата добавления в банк (ГГГГ-ММ-ДД).")
    reviewed: dt.date | None = Field(
        None, description="Дата проверки практики методистом (ГГГГ-ММ-ДД)."
    )
    reviewer: str | None = Field(None, description="Кто проверил: «Фамилия И.О., должность».")
    status: Status = Field(
        description="Статус: описана (есть описание), апробирована (применена и проверена "
        "в школе), рекомендована (рекомендована к распространению после проверки)."
    )
    source: PracticeSource | None = Field(
        None, description="Источник: программа и номера мероприятий или другой документ."
    )
    risk_profiles: list[RiskProfile] = Field(
        default_factory=list,
        description="Риск-профили проекта «500+», на преодоление которых направлена практика.",
    )
    themes: list[Theme] = Field(default_factory=list, description="Темы практики.")
    levels: list[Level] = Field(
        default_factory=list, description="Уровни образования: НОО, ООО, СОО."
    )
    subjects: list[Subject] = Field(default_factory=list, description="Учебные предметы.")
    audiences: list[Audience] = Field(
        default_factory=list, description="Для кого практика: педагоги, руководители…"
    )
    formats: list[PracticeFormat] = Field(default_factory=list, description="Формы работы.")
    outcomes: list[Outcome] = Field(
        default_factory=list, description="Измеренные результаты (если есть)."
    )
    cost: Cost | None = Field(
        None, description="Затраты на внедрение по порядковой шкале (если известны)."
    )
    evidence: Evidence | None = Field(
        None, description="Сила доказательств результативности (если известна)."
    )
