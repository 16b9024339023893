"""A filled «Предложить практику» issue form → a practice file, or Russian errors.

GitHub writes a submitted issue form as Markdown: `### <label>` and the answer under it
(`_No response_` when empty; a multiple choice as «a, b»; a checkbox as `- [X] …`). The
labels and ids come from the form itself (.github/ISSUE_TEMPLATE/practice.yml), so the
form and this reader cannot drift apart. Nothing of the text is ever executed: values go
into YAML through the practice writer's quoting, sections into Markdown that the site
sanitises, and `shnor-site check` judges the result.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from shnor_site.content.load import read_folder
from shnor_site.core.practices import FACETS, RESERVED_IDS, SECTIONS, slugify

#: Form ids of the practice sections, in the file's order.
SECTION_IDS = dict(zip(("problem", "done", "results", "howto", "materials"), SECTIONS,
                       strict=True))
#: Characters an answer may have at most (a whole section of a long practice fits).
MAX_ANSWER = 20_000
NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^### (.+?)\s*$", re.M)


@dataclass
class FormResult:
    """What a form gave: front matter values, sections, and what is wrong with it."""

    values: dict[str, Any] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def form_fields(form_file: Path) -> dict[str, str]:
    """Label → id of every answer field of the issue form."""
    form = yaml.safe_load(form_file.read_text(encoding="utf-8"))
    return {el["attributes"]["label"]: el["id"] for el in form["body"]
            if el.get("type") != "markdown" and "id" in el}


def answers(body: str, labels: dict[str, str]) -> dict[str, str]:
    """Form id → answer text, from the issue body (unknown headings are ignored)."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    found: dict[str, str] = {}
    marks = list(_HEADING.finditer(body))
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        key = labels.get(mark.group(1))
        if key and key not in found:
            text = body[mark.end():end].strip()
            found[key] = "" if text == NO_RESPONSE else text
    return found


def transliterated_id(municipality: str, title: str, taken: set[str]) -> str:
    """«kargasok-metodicheskie-desanty»: the municipality id and the Latin title, unique."""
    base = f"{municipality}-{slugify(title)}".strip("-")[:60].rstrip("-") or "practice"
    rid, n = base, 2
    while rid in taken or rid in RESERVED_IDS:
        rid, n = f"{base}-{n}", n + 1
    return rid


def _split(text: str) -> list[str]:
    return [v.strip() for v in re.split(r",\s+|\n", text) if v.strip()]


def _choices(result: FormResult, got: dict[str, str]) -> None:
    for facet in FACETS:
        text = got.get(facet.field, "")
        chosen = ([text] if text else []) if facet.key == "status" else _split(text)
        wrong = [v for v in chosen if v not in facet.values]
        if wrong:
            result.errors.append(f"«{facet.label}»: нет в списке значений: "
                                 + ", ".join(f"«{w}»" for w in wrong))
        ok = [v for v in chosen if v in facet.values]
        if facet.key == "status":
            result.values["status"] = ok[0] if ok else "описана"
        else:
            result.values[facet.field] = ok


def _outcomes(result: FormResult, text: str) -> None:
    rows = []
    for line in filter(None, (ln.strip() for ln in text.splitlines())):
        parts = [p.strip() for p in line.split(";")]
        if len(parts) != 4 or not all(parts):
            result.errors.append(f"«Измеренные показатели»: строка «{line[:80]}» — нужно "
                                 "четыре части через «;»: показатель; до; после; откуда данные")
            continue
        rows.append(dict(zip(("indicator", "before", "after", "source"), parts, strict=True)))
    result.values["outcomes"] = rows


def _place(result: FormResult, got: dict[str, str], content: Path) -> None:
    names = {str(data.get("name", "")): rid for rid, data in read_folder(content, "municipalities")}
    mun = names.get(got.get("municipality", ""))
    if mun is None:
        result.errors.append("«Муниципалитет»: такого муниципалитета на сайте пока нет. "
                             "Методист добавит его запись, затем практику.")
        mun = "unknown"
    result.values["municipality"] = mun
    local = [(rid, data) for rid, data in read_folder(content, "schools")
             if data.get("municipality") == mun]
    schools = []
    for line in _split(got.get("schools", "")):
        match = _school_id(local, line)
        if match:
            schools.append(match)
        else:
            result.notes.append(f"Школа «{line[:80]}» не найдена среди школ муниципалитета: "
                                "методист уточнит её при проверке.")
    result.values["schools"] = schools


def _school_id(schools: list[tuple[str, dict]], text: str) -> str | None:
    """The id of the school whose full or short name is the text (spaces, quotes and case
    ignored)."""
    wanted = re.sub(r"\W+", "", text.lower())
    for rid, data in schools:
        for name in (data.get("name"), data.get("short_name")):
            if name and re.sub(r"\W+", "", str(name).lower()) == wanted:
                return rid
    return None


def read_form(body: str, form_file: Path, content: Path, today: dt.date) -> FormResult:
    """Everything the form says, checked as far as a form can be (`check` does the rest)."""
    result, got = FormResult(), answers(body, form_fields(form_file))
    too_long = [k for k, v in got.items() if len(v) > MAX_ANSWER]
    result.errors += [f"Ответ «{k}» длиннее {MAX_ANSWER} знаков." for k in too_long]
    required = ("title", "summary", "source", *(k for k in SECTION_IDS if k != "materials"))
    result.errors += [f"Не заполнено обязательное поле формы «{key}»."
                      for key in required if not got.get(key)]
    if "[x]" not in got.get("consent", "").lower():
        result.errors.append("Нет согласия на публикацию (флажок «Публикация»).")
    title = " ".join(got.get("title", "").split())
    _place(result, got, content)
    taken = {p.stem for p in (content / "practices").glob("*.md")}
    result.values.update({
        "id": transliterated_id(result.values["municipality"], title, taken), "title": title,
        "summary": got.get("summary", ""), "added": today.isoformat(),
        "authors": [a for a in [" ".join(got.get("authors", "").split())] if a],
        "source": {"document": " ".join(got.get("source", "").split())},
    })
    _choices(result, got)
    _outcomes(result, got.get("outcomes", ""))
    for key in ("cost", "evidence"):
        value = got.get(key, "")
        result.values[key] = None if value in ("", "нет данных") else value
    result.sections = {name: got.get(key, "") for key, name in SECTION_IDS.items()}
    if not result.sections["Материалы"]:
        result.sections["Материалы"] = "Материалы пока не опубликованы."
    return result
