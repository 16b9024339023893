"""Municipalities, organisations and schools."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from shnor_site.core.models.base import (
    Email,
    HttpsUrl,
    Markdown,
    MunicipalityRef,
    OrganisationRef,
    Phone,
    Record,
    Slug,
    Url,
)
from shnor_site.core.models.practice import RiskProfile

OrganisationKind = Literal[
    "орган управления образованием",
    "методический центр",
    "институт развития образования",
    "региональный орган власти",
    "методическое объединение",
    "учреждение",
    "иное",
]


class Contacts(Record):
    """How to reach a school or an organisation — only what an official source gives."""

    address: str | None = Field(None, description="Почтовый адрес, как в документе.")
    phone: Phone | None = Field(None, description="Телефон с кодом города.")
    email: Email | None = Field(None, description="Адрес электронной почты.")
    website: HttpsUrl | None = Field(None, description="Официальный сайт (https://…).")
    person: str | None = Field(
        None, description="Кому писать или звонить: фамилия и инициалы, как в документе.")
    role: str | None = Field(None, description="Должность этого человека, как в документе.")
    source: str = Field(description="Откуда сведения: документ или страница официального "
                        "сайта, например «бланк приказа № 353 от 08.06.2020».")


class Municipality(Record):
    """A municipal district or city whose programmes the site publishes."""

    id: Slug
    name: str = Field(description="Название муниципалитета, например «ЗАТО Северск».")
    region: str = Field(description="Субъект РФ, например «Томская область».")
    authority: OrganisationRef | None = Field(
        None, description="Орган управления образованием муниципалитета (id организации)."
    )
    website: Url | None = Field(None, description="Сайт органа управления образованием.")
    description: Markdown | None = Field(
        None, description="Короткая справка о муниципалитете для читателей сайта."
    )


class Organisation(Record):
    """An authority, methodological centre, institute or other body named in documents."""

    id: Slug
    name: str = Field(description="Полное наименование, как в документе.")
    short_name: str | None = Field(
        None, description="Краткое наименование, например «МАУ ЗАТО Северск «РЦО»»."
    )
    kind: OrganisationKind = Field(description="Тип организации.")
    municipality: MunicipalityRef | None = Field(
        None, description="Муниципалитет (для муниципальных организаций)."
    )
    region: str | None = Field(None, description="Субъект РФ (для региональных организаций).")
    website: Url | None = Field(None, description="Сайт организации.")
    contacts: Contacts | None = Field(
        None, description="Адрес, телефон, электронная почта — только из документов.")
    description: Markdown | None = Field(None, description="Короткая справка.")


class Director(Record):
    """The head of a school as named in an official document."""

    name: str = Field(description="Фамилия и инициалы, как в документе, например «Ярушин Д.Б.».")
    position: str = Field("Директор", description="Должность, как в документе.")
    source: str | None = Field(
        None, description="Где назван, например «приказ № 429 от 13.09.2022»."
    )


class SchoolDocument(Record):
    """A document a school publishes (programme, order, report, agreement…)."""

    title: str = Field(description="Название документа.")
    url: Url = Field(description="Ссылка на документ на сайте школы.")
    date: dt.date | None = Field(None, description="Дата документа (ГГГГ-ММ-ДД).")


class School(Record):
    """A general education school that takes part in a programme."""

    id: Slug
    name: str = Field(description="Полное наименование школы, как в документе.")
    short_name: str = Field(description="Краткое наименование, например «МБОУ «СОШ № 83»».")
    municipality: MunicipalityRef = Field(description="Муниципалитет школы.")
    director: Director | None = Field(None, description="Руководитель, если назван в документе.")
    website: Url | None = Field(None, description="Сайт школы.")
    contacts: Contacts | None = Field(
        None, description="Адрес, телефон, электронная почта — только из документов.")
    documents: list[SchoolDocument] = Field(
        default_factory=list, description="Документы, которые школа публикует."
    )
    description: Markdown | None = Field(None, description="Короткая справка о школе.")
    risk_profiles: list[RiskProfile] = Field(
        default_factory=list,
        description="Риск-профили школы по проекту «500+» (необязательно): на странице школы "
        "появятся практики, направленные на эти риски.",
    )
