"""Shared building blocks of the content model: ids, references, base record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

ID_PATTERN = r"^[a-z0-9-]+$"


@dataclass(frozen=True)
class Ref:
    """Marks a field as a reference to records of the given kinds (by id)."""

    kinds: tuple[str, ...]


Slug = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=80),
    Field(
        description="Идентификатор: строчные латинские буквы, цифры и дефис, например "
        "«seversk-soh-83». Из него строится адрес страницы, поэтому после публикации "
        "его не меняют.",
        examples=["seversk-soh-83"],
    ),
]

MunicipalityRef = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Ref(("municipality",)),
    Field(description="Идентификатор муниципалитета из content/municipalities/."),
]
OrganisationRef = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Ref(("organisation",)),
    Field(description="Идентификатор организации из content/organisations/."),
]
SchoolRef = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Ref(("school",)),
    Field(description="Идентификатор школы из content/schools/."),
]
AgentRef = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Ref(("organisation", "school")),
    Field(description="Идентификатор организации (content/organisations/) или школы "
          "(content/schools/)."),
]
ProgrammeRef = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Ref(("programme",)),
    Field(description="Идентификатор программы из content/programmes/."),
]

Markdown = Annotated[
    str,
    Field(description="Текст; допускается разметка Markdown (абзацы, списки, ссылки)."),
]
Url = Annotated[
    str,
    # No spaces, quotes, <> or the Markdown brackets [ ] ` (encode them as %5B %5D %60):
    # a URL must never be able to open a tag or a Markdown link where a page prints it.
    StringConstraints(pattern=r"^https?://[^\s\"'<>\[\]`]+$"),
    Field(description="Адрес в интернете, начинается с https:// или http://."),
]

HttpsUrl = Annotated[
    str,
    StringConstraints(pattern=r"^https://[^\s\"'<>\[\]`]+$"),
    Field(description="Адрес в интернете, начинается с https://."),
]


def _phone(value: str) -> str:
    """A Russian phone number: digits with spaces, brackets, hyphens and an optional «+»;
    10 digits, or 11 starting with 7 or 8 (+7 (38253) 2-13-73, (38253)21373)."""
    digits = "".join(ch for ch in value if ch.isdigit())
    shape_ok = all(ch.isdigit() or ch in " ()-+" for ch in value) and "+" not in value[1:]
    if not shape_ok or not (len(digits) == 10 or (len(digits) == 11 and digits[0] in "78")):
        raise PydanticCustomError("bad_phone", "not a phone number")
    return value


def _email(value: str) -> str:
    """One address like name@host.ru: no spaces, one «@», a dot in the host."""
    local, _, host = value.partition("@")
    if not local or "." not in host.strip(".") or any(
            ch.isspace() or ch in "@<>\"'()[],;:" for ch in local + host):
        raise PydanticCustomError("bad_email", "not an e-mail address")
    return value


Phone = Annotated[
    str, AfterValidator(_phone),
    Field(description="Телефон с кодом города: цифры, пробелы, скобки, дефисы, например "
          "«+7 (38253) 2-13-73».", examples=["+7 (38253) 2-13-73"]),
]
Email = Annotated[
    str, AfterValidator(_email),
    Field(description="Адрес электронной почты, например «main@edo.kargasok.net».",
          examples=["main@edo.kargasok.net"]),
]


class Record(BaseModel):
    """Base of every content object: unknown keys are errors, never dropped."""

    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)
