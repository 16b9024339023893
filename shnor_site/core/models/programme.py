"""Programmes, their approving orders, passports, indicators and roadmaps."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from shnor_site.core.models.base import (
    Markdown,
    MunicipalityRef,
    OrganisationRef,
    Record,
    SchoolRef,
    Slug,
    Url,
)
from shnor_site.core.models.roadmap import Roadmap

ProgrammeKind = Literal[
    "программа",
    "дорожная карта",
    "план-график",
    "программа методического сопровождения",
]
SchoolRole = Literal["целевая школа", "школа-куратор", "школа-наставник", "школа-партнёр"]
PairRelation = Literal["сетевая пара", "куратор"]


class Period(Record):
    """The years a programme covers."""

    start: int = Field(description="Первый год действия, например 2022.")
    end: int = Field(description="Последний год действия, например 2023.")
    text: str | None = Field(None, description="Срок, как написан в документе.")


class OrderItem(Record):
    """One numbered item of an order («ПРИКАЗЫВАЮ: 1. …»)."""

    number: str | None = Field(None, description="Номер пункта, как в документе, например «1.».")
    text: Markdown = Field(description="Текст пункта дословно.")


class Signatory(Record):
    """Who signed or approved the document."""

    position: str = Field(description="Должность, как в документе.")
    name: str = Field(description="Фамилия и инициалы, как в документе.")


class Approval(Record):
    """The order or stamp that approves the programme."""

    document: str = Field("Приказ", description="Вид документа: «Приказ», «Утверждаю» и т. п.")
    authority: OrganisationRef | None = Field(None, description="Кто издал (id организации).")
    authority_text: str | None = Field(None, description="Шапка документа дословно.")
    number: str | None = Field(None, description="Номер приказа, как в документе, «№ 429».")
    date: dt.date | None = Field(None, description="Дата приказа (ГГГГ-ММ-ДД).")
    date_text: str | None = Field(None, description="Дата, как написана в документе.")
    title: str | None = Field(None, description="Заголовок приказа дословно.")
    preamble: Markdown | None = Field(None, description="Вводная часть («В целях…») дословно.")
    items: list[OrderItem] = Field(default_factory=list, description="Пункты приказа.")
    signatory: Signatory | None = Field(None, description="Кто подписал.")
    stamp: Markdown | None = Field(
        None, description="Гриф утверждения приложения («УТВЕРЖДЕНО приказом…») дословно."
    )
    notes: Markdown | None = Field(
        None, description="Прочий текст документа вне пунктов (исполнитель, телефон…)."
    )


class MonitoringItem(Record):
    """A monitoring activity with its timing."""

    number: str | None = Field(None, description="Номер, как в документе.")
    text: Markdown = Field(description="Что анализируется, дословно.")
    timing: str | None = Field(
        None, description="Когда — дословно, со скобками и знаком в конце, как в документе: "
        "«(май-июнь).». Печатается сразу после текста.")


class PassportRow(Record):
    """A passport row that has no typed field: label and text as written."""

    label: str = Field(description="Название строки паспорта, как в документе.")
    text: Markdown = Field(description="Содержание строки дословно.")


class Passport(Record):
    """The programme passport: its goal, tasks, activities, results and framework."""

    title: str | None = Field(
        None, description="Заголовок раздела, как в документе. Если в документе заголовка "
        "нет, поле не заполняют: сайт покажет заголовок из editorial_title с пометкой, что "
        "его дал сайт.")
    editorial_title: str = Field(
        "Паспорт программы", description="Заголовок от сайта, когда в документе его нет "
        "(на странице помечен как добавленный сайтом).")
    name: str | None = Field(None, description="Наименование программы.")
    legal_basis: Markdown | None = Field(None, description="Основания для разработки.")
    developers: Markdown | None = Field(None, description="Разработчики программы.")
    head: Markdown | None = Field(None, description="Руководитель программы.")
    executors: Markdown | None = Field(None, description="Основные исполнители.")
    participants: Markdown | None = Field(None, description="Участники программы.")
    goal: Markdown | None = Field(None, description="Цель программы.")
    tasks: list[Markdown] = Field(default_factory=list, description="Задачи, по одной.")
    main_activities: list[Markdown] = Field(
        default_factory=list, description="Основные мероприятия (направления), по одному."
    )
    expected_results: list[Markdown] = Field(
        default_factory=list, description="Ожидаемые результаты, по одному."
    )
    period: str | None = Field(None, description="Сроки и этапы реализации, как в документе.")
    control: Markdown | None = Field(None, description="Контроль реализации.")
    monitoring_title: str | None = Field(
        None, description="Заголовок раздела мониторинга, как в документе."
    )
    monitoring: list[MonitoringItem] = Field(
        default_factory=list, description="Мониторинг результативности: что и когда."
    )
    labels: dict[str, str] = Field(
        default_factory=dict,
        description="Названия строк паспорта, как в документе: имя поля → название, "
        "например «developers: Разработчик программы».",
    )
    extra: list[PassportRow] = Field(
        default_factory=list, description="Прочие строки паспорта с их названиями."
    )
    @property
    def heading(self) -> str:
        """The section's heading: the document's, or the site's when it has none."""
        return self.title or self.editorial_title

    order: list[str] = Field(
        default_factory=list,
        description="Порядок строк паспорта, как в документе: имена полей (goal, tasks…), "
        "названия строк из extra дословно, а также «indicators-N» (N-я группа показателей) "
        "и «monitoring», если документ помещает их в таблицу паспорта. Если список "
        "заполнен, в нём должны быть все строки паспорта.",
    )


class ActualValue(Record):
    """A reported value of an indicator after the programme started."""

    value: str = Field(description="Значение, как в отчёте («36,1», «85%»).")
    as_of: str = Field(description="На какую дату («декабрь 2023 г.»).")
    source: Url | None = Field(None, description="Ссылка на отчёт с этим значением.")


class Indicator(Record):
    """An indicator or criterion with its values exactly as the source gives them."""

    number: str | None = Field(None, description="Номер, как в документе.")
    name: Markdown = Field(description="Формулировка показателя дословно.")
    baseline: str | None = Field(None, description="Исходное значение, как написано («34,6»).")
    target: str | None = Field(None, description="Целевое значение, как написано («34,8», «100%»).")
    value: str | None = Field(
        None, description="Значение текстом, когда документ даёт его так («1 шт.», «Да»)."
    )
    unit: str | None = Field(None, description="Единица измерения («%», «шт.»).")
    as_of: str | None = Field(None, description="На какую дату значение («май 2022 г.»).")
    note: Markdown | None = Field(None, description="Пояснение из документа.")
    actual: list[ActualValue] = Field(
        default_factory=list,
        description="Фактические значения по отчётам (необязательно; не из текста программы).",
    )


class IndicatorGroup(Record):
    """A titled list of indicators (criteria, targets, monitoring indicators…)."""

    preface: Markdown | None = Field(
        None, description="Текст, который в документе стоит перед заголовком группы "
        "(заголовок раздела, гриф), дословно.")
    title: str = Field(description="Заголовок группы, как в документе.")
    intro: Markdown | None = Field(None, description="Вводный текст группы.")
    number_label: str | None = Field(
        None, description="Заголовок столбца номеров, как в документе («№»). Если в "
        "документе таблицы нет, не заполняют: сайт подпишет столбец сам, с пометкой.")
    name_label: str | None = Field(
        None, description="Заголовок столбца показателей, как в документе («Показатели»).")
    value_label: str | None = Field(
        None, description="Заголовок столбца значений, как в документе."
    )
    indicators: list[Indicator] = Field(description="Показатели группы.")


class Participant(Record):
    """A school taking part in the programme, with its role."""

    school: SchoolRef = Field(description="Школа (id).")
    role: SchoolRole = Field(description="Роль школы в программе.")
    note: str | None = Field(None, description="Пояснение из документа.")


class SchoolPair(Record):
    """Two schools working together: a network pair, or a curator and its school."""

    schools: list[SchoolRef] = Field(
        min_length=2, max_length=2,
        description="Две школы (id); для «куратор» первой идёт школа-куратор.",
    )
    relation: PairRelation = Field(description="Вид связи.")
    note: str | None = Field(None, description="Как это записано в документе.")


class TextSection(Record):
    """A free-text section of the document (method, data collection…)."""

    preface: Markdown | None = Field(
        None, description="Текст, который в документе стоит перед заголовком раздела "
        "(например, гриф «Приложение № 2 к приказу…»), дословно.")
    title: str | None = Field(
        None, description="Заголовок раздела дословно. Если в документе заголовка нет, "
        "не заполняют и пишут editorial_title.")
    editorial_title: str | None = Field(
        None, description="Заголовок от сайта, когда в документе его нет (на странице "
        "помечен как добавленный сайтом).")

    @property
    def heading(self) -> str:
        """The text's heading: the document's, or the site's when it has none."""
        return self.title or self.editorial_title or ""

    @model_validator(mode="after")
    def _titled(self) -> TextSection:
        """A text has the document's title or the site's."""
        if not (self.title or self.editorial_title):
            raise ValueError("у раздела нет заголовка: заполните title (заголовок из "
                             "документа) или editorial_title (заголовок от сайта)")
        return self
    body: Markdown = Field(description="Текст раздела дословно.")


class SourceDocument(Record):
    """The original document the programme is transcribed from."""

    file: str = Field(description="Путь к исходному тексту внутри content/, «sources/….txt».")
    title: str = Field(description="Как называется документ.")
    issuer: str = Field(description="Кто издал документ.")


class Correction(Record):
    """A correction of obvious page-break debris, listed openly."""

    where: str = Field(description="Где в документе (раздел, номер строки).")
    original: str = Field(description="Как было в исходном тексте.")
    corrected: str = Field(description="Как опубликовано.")
    reason: str = Field(description="Почему исправлено.")


class ReviewItem(Record):
    """One thing the importer (`shnor-site import`) was not sure of, for a methodologist."""

    field: str = Field(description="Поле черновика, которое нужно проверить, "
                       "например «roadmap.sections[2].events[4].title».")
    what: str = Field(description="Что проверить.")
    where: str | None = Field(None, description="Где это в исходном документе "
                              "(«строка 57», «стр. 3», «таблица 2, строка 5»).")


class Programme(Record):
    """A municipal programme, roadmap or plan for schools with low results."""

    id: Slug
    title: str = Field(description="Полное название программы дословно.")
    kind: ProgrammeKind = Field(description="Вид документа.")
    municipality: MunicipalityRef = Field(description="Муниципалитет.")
    issuer: OrganisationRef | None = Field(None, description="Кто утвердил или издал (id).")
    period: Period = Field(description="Годы действия.")
    summary: Markdown | None = Field(None, description="Коротко о программе для читателей.")
    approval: Approval | None = Field(None, description="Приказ или гриф утверждения.")
    passport: Passport | None = Field(None, description="Паспорт программы.")
    indicator_groups: list[IndicatorGroup] = Field(
        default_factory=list, description="Показатели, критерии и целевые значения."
    )
    texts: list[TextSection] = Field(default_factory=list, description="Текстовые разделы.")
    schools: list[Participant] = Field(default_factory=list, description="Школы-участники.")
    pairs: list[SchoolPair] = Field(default_factory=list, description="Пары и кураторство.")
    roadmap: Roadmap | None = Field(None, description="План мероприятий.")
    order: list[str] = Field(
        default_factory=list,
        description="Порядок частей на странице программы, как в документе: approval "
        "(приказ), passport, indicators-N (N-я группа показателей), text-N (N-й текстовый "
        "раздел), monitoring, schools (список школ от сайта), roadmap. Если не заполнено — "
        "приказ, паспорт, показатели, тексты, школы, план. Если заполнено, в списке должны "
        "быть все части программы (кроме тех, что перечислены в passport.order).",
    )
    source: SourceDocument = Field(description="Исходный документ.")
    corrections: list[Correction] = Field(
        default_factory=list, description="Исправления очевидных опечаток вёрстки."
    )
    review: list[ReviewItem] = Field(
        default_factory=list,
        description="Что проверить после переноса программы командой «shnor-site import»; "
        "пока список не пуст, «shnor-site check» предупреждает о каждом пункте. "
        "Проверенный пункт удаляют; на сайте список не показывается.",
    )
