"""The glossary: abbreviations and terms of the documents, explained in plain words.

It lives in `content/glossary.yml`. Pages mark the first use of each abbreviation with
`<abbr title="…">` linked to the about page's «Сокращения» (build/abbr.py); the about page
lists every entry; a school page explains the school's role with its entry; a content
check warns about an abbreviation used in content that the glossary lacks
(content/glossary.py).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field

from shnor_site.core.models.base import Record

GlossaryKind = Literal["сокращение", "термин"]

#: What the content check calls an abbreviation: a word of 2–7 Cyrillic capitals, possibly
#: joined by a lower-case conjunction («УООиП», «УОиДО»), not glued to other letters or
#: digits. Longer words in capitals are headings of the documents («ПРИКАЗЫВАЮ»), not
#: abbreviations; a word in capitals that is not one («РАЗДЕЛ») goes to not_abbreviations.
ABBREVIATION = re.compile(r"(?<![\w])[А-ЯЁ]{2,}(?:[а-яё]{1,2}[А-ЯЁ]+)*(?![\w])")
MAX_CAPITALS = 7


def abbreviations_in(text: str) -> list[str]:
    """The abbreviations (see ABBREVIATION) a text uses, in order of first use."""
    found = (m.group() for m in ABBREVIATION.finditer(text))
    return list(dict.fromkeys(w for w in found if sum(ch.isupper() for ch in w) <= MAX_CAPITALS))


class GlossaryEntry(Record):
    """One abbreviation or term with its meaning."""

    term: str = Field(
        min_length=1,
        description="Сокращение или термин, точно как пишут в документах: «ОО», «КПК», "
        "«целевая школа».")
    meaning: str = Field(
        min_length=1,
        description="Расшифровка или объяснение простыми словами, одной фразой со строчной "
        "буквы: «образовательная организация (школа)». Для сокращения она появляется "
        "подсказкой при первом его упоминании на странице.")
    kind: GlossaryKind = Field(
        "сокращение",
        description="«сокращение» — на страницах отмечается и расшифровывается при первом "
        "упоминании; «термин» — объясняется на странице «О сайте» и, если это роль школы, "
        "на странице школы.")


class Glossary(Record):
    """Every abbreviation and term the site explains (content/glossary.yml)."""

    entries: list[GlossaryEntry] = Field(
        description="Сокращения и термины, по одному; на странице «О сайте» — по алфавиту.")
    not_abbreviations: list[str] = Field(
        default_factory=list,
        description="Слова, написанные заглавными буквами, но не сокращения (заголовки "
        "документов: «РАЗДЕЛ», «ТУЛЫ»): проверка сокращений их пропускает.")

    def meaning(self, term: str) -> str | None:
        """The meaning of a term or abbreviation, None when the glossary lacks it."""
        return next((e.meaning for e in self.entries if e.term == term), None)

    def abbreviations(self) -> list[GlossaryEntry]:
        """Entries of kind «сокращение», longest first (so «ООО» is found before «ОО»)."""
        return sorted((e for e in self.entries if e.kind == "сокращение"),
                      key=lambda e: (-len(e.term), e.term))

    def sorted_entries(self) -> list[GlossaryEntry]:
        """Every entry in alphabetical order, as the about page lists them."""
        return sorted(self.entries, key=lambda e: (e.term.lower().replace("ё", "е"), e.term))
