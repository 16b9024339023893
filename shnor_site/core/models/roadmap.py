"""Roadmaps of programmes: plans of events with their columns, sections, tasks and rows."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, PrivateAttr, model_validator

from shnor_site.core.models.base import AgentRef, Markdown, Record, SchoolRef, Slug, Url

EventStatus = Literal["запланировано", "выполнено", "перенесено", "отменено"]
EvidenceKind = Literal["отчёт", "протокол", "приказ", "публикация"]


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
