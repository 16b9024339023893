"""`shnor-site new practice` asked step by step: every field the bank shows, in Russian.

Lists are numbered and answered by numbers («1, 3»); schools are found by a part of
their name; a programme's event numbers are checked against the programme. An empty or
wrong answer is explained and asked again. The result is what the flags would give.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from shnor_site.content.load import read_folder
from shnor_site.core.models.practice import Cost, Evidence
from shnor_site.core.practices import FACET_BY_KEY, slugify

NO_RESULTS = "Измеренных результатов пока нет."
_LIST_FACETS = ("risk", "theme", "level", "subject", "audience", "format")


def ask(question: str, check: Callable[[str], Any], default: str | None = None) -> Any:
    """Ask until `check` accepts the answer (it raises ValueError with the reason)."""
    while True:
        answer = click.prompt(question, default=default or "", show_default=bool(default))
        try:
            return check(answer.strip())
        except ValueError as why:
            click.echo(f"  ✗ {why}", err=True)


def _required(what: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        if not text:
            raise ValueError(f"Ответ нужен: {what} обязательно для каждой практики.")
        return text
    return check


def numbers(options: list[str], text: str, many: bool, optional: bool) -> list[int]:
    """1-based choices from «1, 3» (or the option's own text); ValueError explains."""
    if not text:
        if optional:
            return []
        raise ValueError("Выберите хотя бы один вариант: введите его номер.")
    picked = []
    for part in filter(None, re.split(r"[,;\s]+", text) if many else [text]):
        if part.isdigit() and 1 <= int(part) <= len(options):
            picked.append(int(part))
        elif part in options:
            picked.append(options.index(part) + 1)
        elif not many and len(_containing(options, part)) == 1:
            picked.append(_containing(options, part)[0])  # «Сосьва» → «Сосьвинский …»
        elif not many and _containing(options, part):
            raise ValueError(f"«{part}» подходит к нескольким: "
                             + ", ".join(map(str, _containing(options, part)))
                             + " — введите номер.")
        else:
            raise ValueError(f"«{part}» — нет такого номера: введите числа от 1 до "
                             f"{len(options)}" + (" через запятую." if many else "."))
    return list(dict.fromkeys(picked))


def _containing(options: list[str], text: str) -> list[int]:
    """1-based numbers of the options that contain the text's stem (case ignored)."""
    stem = text.lower()[: max(4, len(text) - 2)]
    return [i for i, option in enumerate(options, 1) if stem in option.lower()]


def choose(title: str, options: list[str], many: bool = True, optional: bool = True,
           default: str | None = None) -> list[str]:
    """Show a numbered list and return the chosen options."""
    click.echo(f"\n{title}:")
    for i, option in enumerate(options, 1):
        click.echo(f"  {i}. {option}")
    hint = "номера через запятую" if many else "номер"
    hint += ", Enter — пропустить" if optional and not default else ""
    picked = ask(f"{title} ({hint})",
                 lambda text: numbers(options, text, many, optional), default)
    return [options[i - 1] for i in picked]


def _municipality(content: Path) -> str:
    places = read_folder(content, "municipalities")
    name = choose("Муниципалитет", [d.get("name", rid) for rid, d in places], many=False,
                  optional=False)[0]
    return next(rid for rid, d in places if d.get("name", rid) == name)


def _schools(content: Path, municipality: str) -> list[str]:
    schools = [(rid, d) for rid, d in read_folder(content, "schools")
               if d.get("municipality") == municipality]
    chosen: list[str] = []
    while True:
        part = click.prompt("\nШкола — часть названия (Enter — больше школ нет)", default="",
                            show_default=False).strip().lower()
        if not part:
            return chosen
        found = [(rid, d) for rid, d in schools
                 if part in f"{d.get('name', '')} {d.get('short_name', '')}".lower()]
        if not found:
            click.echo(f"  ✗ В этом муниципалитете нет школы, в названии которой есть "
                       f"«{part}». Школ всего: {len(schools)}.", err=True)
            continue
        names = [str(d.get("short_name") or d.get("name")) for _, d in found]
        for name in choose("Найдены школы", names, optional=True):
            rid = found[names.index(name)][0]
            chosen += [rid] if rid not in chosen else []


def _event_numbers(programme: dict) -> set[str]:
    found: set[str] = set()
    for section in (programme.get("roadmap") or {}).get("sections", []):
        for ev in [*section.get("events", []),
                   *(e for t in section.get("tasks", []) for e in t.get("events", []))]:
            for key in ("number", "id"):
                if ev.get(key):
                    found.add(str(ev[key]).rstrip("."))
    return found


def _source(content: Path, municipality: str) -> dict[str, Any]:
    programmes = [(rid, d) for rid, d in read_folder(content, "programmes")
                  if d.get("municipality") == municipality]
    other = "другой документ (не на сайте)"
    titles = [f"{str(d.get('title', rid))[:90]}" for rid, d in programmes] + [other]
    picked = choose("Источник практики", titles, many=False, optional=False)[0]
    if picked == other:
        return {"document": ask("Документ и пункт, например «Приказ № 12 от 01.09.2024, "
                                "п. 3»", _required("источник"))}
    rid, programme = programmes[titles.index(picked)]
    known = _event_numbers(programme)

    def events(text: str) -> list[str]:
        given = [e.rstrip(".") for e in re.split(r"[,;\s]+", text) if e]
        wrong = [e for e in given if e not in known]
        if not given or wrong:
            sample = ", ".join(sorted(known, key=lambda n: (len(n), n))[:8])
            raise ValueError(("Нет в плане программы: " + ", ".join(wrong) if wrong else
                              "Нужен хотя бы один номер мероприятия") + f". Например: {sample}.")
        return given
    return {"programme": rid,
            "events": ask("Номера мероприятий программы через запятую", events)}


def ask_practice(content: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """Every field and section of a practice, asked in turn."""
    municipality = _municipality(content)
    title = ask("\nНазвание практики", _required("название"))
    values: dict[str, Any] = {"municipality": municipality, "title": title}
    values["summary"] = ask("Коротко о практике (один абзац, до 700 знаков)",
                            _required("краткое описание"))
    values["source"] = _source(content, municipality)
    for key in _LIST_FACETS:
        facet = FACET_BY_KEY[key]
        values[facet.field] = choose(facet.title, list(facet.values),
                                     optional=key != "risk")
    values["schools"] = _schools(content, municipality)
    values["authors"] = ask("\nАвторы (Фамилия И.О., через точку с запятой; Enter — пропустить)",
                            lambda text: [a.strip() for a in text.split(";") if a.strip()])
    values["status"] = choose("Статус", list(FACET_BY_KEY["status"].values), many=False,
                              optional=False, default="1")[0]
    sections = {name: ask(f"\n{name}", _required(f"раздел «{name}»"))
                for name in ("Проблема", "Что сделали")}
    sections["Результаты"] = ask("\nРезультаты (что изменилось и как измерили)", str,
                                 default=NO_RESULTS)
    sections["Как повторить"] = ask("\nКак повторить", _required("раздел «Как повторить»"))
    sections["Материалы"] = ask("\nМатериалы (ссылки)", str,
                                default="Материалы пока не опубликованы.")
    values["cost"] = _scale("Затраты на внедрение", list(Cost.__args__))
    measured = sections["Результаты"] != NO_RESULTS
    values["evidence"] = (_scale("Сила доказательств", list(Evidence.__args__))
                          if measured else "описание без измерений")
    values["id"] = ask("\nИдентификатор (латиница, цифры, дефис)", _id_check(content),
                       default=f"{municipality}-{slugify(title)}"[:60].rstrip("-"))
    return values, sections


def _scale(title: str, options: list[str]) -> str | None:
    picked = choose(title, ["нет данных", *options], many=False, optional=False, default="1")
    return None if picked[0] == "нет данных" else picked[0]


def _id_check(content: Path) -> Callable[[str], str]:
    from shnor_site.core.models.base import ID_PATTERN
    from shnor_site.core.practices import RESERVED_IDS

    def check(text: str) -> str:
        if not re.fullmatch(ID_PATTERN, text) or text in RESERVED_IDS:
            raise ValueError("Только строчные латинские буквы, цифры и дефис, например "
                             "«kargasok-desanty».")
        if (content / "practices" / f"{text}.md").exists():
            raise ValueError(f"Практика «{text}» уже есть: выберите другой идентификатор.")
        return text
    return check
