"""Programmes, their approving orders, passports, indicators and roadmaps."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, PrivateAttr, model_validator

from shnor_site.core.models.base import (
    AgentRef,
    Markdown,
    MunicipalityRef,
    OrganisationRef,
    Record,
    SchoolRef,
    Slug,
    Url,
)

ProgrammeKind = Literal[
    "программа",
    "дорожная карта",
    "план-график",
    "программа методического сопровождения",
]
SchoolRole = Literal["целевая школа", "школа-куратор", "школа-наставник", "школа-партнёр"]
PairRelation = Literal["сетевая пара", "куратор"]
EventStatus = Literal["запланировано", "выполнено", "перенесено", "отменено"]
EvidenceKind = Literal["отчёт", "протокол", "приказ", "публикация"]


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


class EventEvidence(Record):
    """A published document that shows what was done."""

    title: str = Field(description="Название документа («Протокол совещания № 3»).")
    url: Url = Field(description="Ссылка на документ.")
    kind: EvidenceKind = Field(description="Вид документа.")
    date: dt.date | None = Field(None, description="Дата документа (ГГГГ-ММ-ДД).")


class Event(Record):
    """One roadmap row: an event with its timing, responsible and expected result."""

    id: Slug | None = Field(None, description="Якорь мероприятия на странице (необязательно).")
    number: str | None = Field(None, description="Номер, точно как в документе («1.», «2.10»).")
    title: Markdown = Field(description="Мероприятие дословно.")
    timing: str | None = Field(None, description="Сроки, как написаны в документе.")
    responsible: str | None = Field(None, description="Ответственные, как написаны в документе.")
    responsible_refs: list[AgentRef] = Field(
        default_factory=list, description="Ответственные организации и школы (id) для ссылок."
    )
    schools: list[SchoolRef] = Field(
        default_factory=list, description="Школы, которых касается мероприятие (id)."
    )
    result: Markdown | None = Field(None, description="Планируемый (ожидаемый) результат.")
    control: Markdown | None = Field(None, description="Форма контроля (отчётности).")
    note: Markdown | None = Field(None, description="Примечание из документа.")
    status: EventStatus | None = Field(
        None, description="Что известно об исполнении; не заполнено — на сайте «нет сведений».")
    done: dt.date | None = Field(None, description="Когда выполнено (ГГГГ-ММ-ДД).")
    status_note: str | None = Field(
        None, description="Пояснение к статусу: куда перенесено, почему отменено.")
    evidence: list[EventEvidence] = Field(
        default_factory=list, description="Подтверждения: отчёты, протоколы, приказы, публикации.")


class RoadmapTask(Record):
    """A task (sub-section) inside a roadmap section."""

    number: str | None = Field(None, description="Номер задачи, как в документе.")
    title: Markdown = Field(description="Формулировка задачи дословно.")
    events: list[Event] = Field(default_factory=list, description="Мероприятия задачи.")


class RoadmapSection(Record):
    """A roadmap section (раздел) with its events and tasks."""

    number: str | None = Field(None, description="Номер раздела, как в документе.")
    title: Markdown | None = Field(None, description="Название раздела дословно.")
    intro: Markdown | None = Field(None, description="Текст под заголовком раздела.")
    events: list[Event] = Field(default_factory=list, description="Мероприятия раздела.")
    tasks: list[RoadmapTask] = Field(default_factory=list, description="Задачи раздела.")


#: Roadmap column fields in the default order, with the site's own label for a column
#: whose heading the document does not give.
COLUMN_LABELS: dict[str, str] = {
    "number": "№", "title": "Мероприятие", "timing": "Сроки",
    "responsible": "Ответственные", "result": "Ожидаемый результат",
    "control": "Форма контроля", "note": "Примечание",
}


class RoadmapColumns(Record):
    """Column headings of the roadmap table, as written in the source, in its order.

    The order in which the keys are written is the order of the document's columns."""

    number: str | None = Field(None, description="Заголовок столбца номеров, дословно.")
    title: str | None = Field(None, description="Заголовок столбца мероприятий, дословно.")
    timing: str | None = Field(None, description="Заголовок столбца сроков, дословно.")
    responsible: str | None = Field(
        None, description="Заголовок столбца ответственных (исполнителей), дословно.")
    result: str | None = Field(
        None, description="Заголовок столбца результата, дословно.")
    control: str | None = Field(
        None, description="Заголовок столбца формы контроля, дословно.")
    note: str | None = Field(None, description="Заголовок столбца примечаний, дословно.")
    _written: list[str] = PrivateAttr(default_factory=list)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_order(cls, data: Any, handler: Any) -> RoadmapColumns:
        """Remember the order in which the columns are written."""
        cols = handler(data)
        if isinstance(data, dict):
            cols._written = [k for k in data if k in COLUMN_LABELS]
        return cols

    def sequence(self) -> list[str]:
        """Column fields in the document's order; columns it does not name come last."""
        written = self._written or [k for k in COLUMN_LABELS if getattr(self, k)]
        return written + [k for k in COLUMN_LABELS if k not in written]

    def label(self, key: str) -> str:
        """The document's heading of a column, or the site's own when it gives none."""
        return getattr(self, key) or COLUMN_LABELS[key]

    def given(self) -> list[str]:
        """The headings the document gives, in its order."""
        return [getattr(self, k) for k in self.sequence() if getattr(self, k)]

    def editorial(self, key: str) -> bool:
        """Whether the column's heading is the site's, not the document's."""
        return not getattr(self, key)


class Roadmap(Record):
    """The plan of events («дорожная карта», «план мероприятий», «план-график»)."""

    title: str = Field(description="Заголовок плана дословно.")
    intro: Markdown | None = Field(None, description="Текст перед таблицей.")
    columns: RoadmapColumns = Field(
        default_factory=RoadmapColumns,
        description="Заголовки столбцов таблицы плана дословно, в том порядке, в каком "
        "столбцы идут в документе; столбец без заголовка в документе не пишут.")
    sections: list[RoadmapSection] = Field(description="Разделы плана.")


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
