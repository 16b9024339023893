"""A Russian reference of every YAML key, generated from the models."""

from __future__ import annotations

import datetime as dt
import typing

from pydantic import BaseModel

from shnor_site.core.introspect import literal_choices, model_in
from shnor_site.core.models import KINDS
from shnor_site.core.models.glossary import Glossary

HEADER = """# Поля содержимого

Справочник создан автоматически из моделей (`shnor-site fields`); не правьте его вручную.
Обязательные поля отмечены «да». Текстовые поля с пометкой «Markdown» допускают абзацы,
списки и ссылки.

"""


TITLES = {
    "Municipality": "Муниципалитет", "Organisation": "Организация", "School": "Школа",
    "Director": "Руководитель школы", "SchoolDocument": "Документ школы",
    "Programme": "Программа", "Period": "Срок действия", "Approval": "Приказ (утверждение)",
    "OrderItem": "Пункт приказа", "Signatory": "Подписант", "Passport": "Паспорт программы",
    "MonitoringItem": "Пункт мониторинга", "PassportRow": "Строка паспорта",
    "IndicatorGroup": "Группа показателей", "Indicator": "Показатель",
    "TextSection": "Текстовый раздел", "Participant": "Школа-участник",
    "SchoolPair": "Пара школ", "Roadmap": "План мероприятий", "RoadmapColumns":
    "Заголовки столбцов плана", "RoadmapSection": "Раздел плана", "RoadmapTask": "Задача раздела",
    "Event": "Мероприятие", "SourceDocument": "Исходный документ",
    "Correction": "Исправление опечатки",
    "Practice": "Практика", "PracticeSource": "Источник практики",
    "Outcome": "Измеренный результат",
    "EventEvidence": "Подтверждение исполнения", "ActualValue": "Фактическое значение",
    "Contacts": "Контакты", "Glossary": "Словарь", "GlossaryEntry": "Сокращение или термин",
}


def _base_types(annotation: object) -> set[object]:
    out = {annotation}
    for arg in typing.get_args(annotation):
        out |= _base_types(arg)
    return out


def _type_name(info) -> str:
    sub = model_in(info.annotation)
    types = _base_types(info.annotation)
    if any(typing.get_origin(t) is list for t in types):
        return f"список ({TITLES.get(sub.__name__, sub.__name__)})" if sub else "список"
    if sub:
        return TITLES.get(sub.__name__, sub.__name__)
    if literal_choices(info):
        return "одно из значений"
    if dict in types or any(typing.get_origin(t) is dict for t in types):
        return "поля «имя: текст»"
    return "число" if int in types else "дата" if dt.date in types else "текст"


def _model_table(model: type[BaseModel]) -> list[str]:
    rows = [f"### {TITLES.get(model.__name__, model.__name__)}", "",
            "| Поле | Обязательное | Вид | Описание |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        desc = (info.description or "").replace("|", "\\|")
        choices = literal_choices(info)
        if choices:
            desc += " Значения: " + "; ".join(f"«{c}»" for c in choices) + "."
        rows.append(f"| `{name}` | {'да' if info.is_required() else ''} | "
                    f"{_type_name(info)} | {desc} |")
    return [*rows, ""]


def _walk(model: type[BaseModel], seen: list[type[BaseModel]]) -> None:
    if model in seen:
        return
    seen.append(model)
    for info in model.model_fields.values():
        sub = model_in(info.annotation)
        if sub:
            _walk(sub, seen)


#: Record kinds whose fields get a page of their own (their models are large).
OWN_PAGE = ("programme", "practice")
#: The reference's pages under docs/ (index first).
FIELD_PAGES = ("fields.md", *(f"fields/{kind}.md" for kind in OWN_PAGE))


def _kind_section(kind) -> list[str]:
    out = [f"## {kind.label_plural}: `content/{kind.folder}/`\n"]
    models: list[type[BaseModel]] = []
    _walk(kind.model, models)
    for model in models:
        out += _model_table(model)
    return out


def field_pages() -> dict[str, str]:
    """The reference as pages: `fields.md` (small kinds, the glossary and links) and
    `fields/<kind>.md` for the large ones, so no page outgrows the 80 KB budget."""
    pages: dict[str, str] = {}
    out = [HEADER, "Поля программ и практик — на отдельных страницах:\n"]
    out += [f"- [{KINDS[k].label_plural}](fields/{k}.md)" for k in OWN_PAGE] + [""]
    for kind in KINDS.values():
        if kind.name in OWN_PAGE:
            body = [f"# Поля содержимого: {kind.label_plural.lower()}\n",
                    "[← Все поля содержимого](../fields.md)\n", *_kind_section(kind)]
            pages[f"fields/{kind.name}.md"] = "\n".join(body).rstrip() + "\n"
        else:
            out += _kind_section(kind)
    out.append("## Словарь: `content/glossary.yml`\n")
    models: list[type[BaseModel]] = []
    _walk(Glossary, models)
    for model in models:
        out += _model_table(model)
    return {"fields.md": "\n".join(out).rstrip() + "\n", **pages}


def field_reference() -> str:
    """The whole reference as one Markdown text (all pages, index first)."""
    return "\n".join(field_pages().values())
