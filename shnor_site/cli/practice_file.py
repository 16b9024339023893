"""Write practice files: a commented, valid file from values, or the blank template.

Comments come from the model's Russian field descriptions and allowed values, so the
file explains itself and never drifts from what `shnor-site check` accepts.
"""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any

from shnor_site.content.load import ContentError, parse_yaml
from shnor_site.core.introspect import literal_choices
from shnor_site.core.models.practice import Practice
from shnor_site.core.practice_schema import SCHEMA_COMMENT
from shnor_site.core.practices import SECTION_GUIDE, SECTIONS

#: Front matter fields in the order they are written.
FIELD_ORDER = ("id", "title", "summary", "municipality", "schools", "authors", "added",
               "reviewed", "reviewer", "status", "source", "risk_profiles", "themes", "levels",
               "subjects", "audiences", "formats", "outcomes", "cost", "evidence")


_HEADER = [
    "# Практика банка. Заполните поля ниже (после двоеточия и пробела), затем разделы под",
    "# «## …». Все поля и допустимые значения — в docs/fields/practice.md;",
    "# проверка — `shnor-site check` или автоматическая проверка предложения (pull request).",
]
_EXAMPLES = {
    "schools": ["# Например:", "# schools:", "#   - kargasok-sosh-2"],
    "source": ["# Например (номер — как в документе; если он повторяется, якорь «s1-t1-e4»):",
               "# source:", "#   programme: kargasok-2020", "#   events: [\"17\", \"18\"]"],
    "risk_profiles": ["# Каждое значение — на своей строке после «  - », например:",
                      "# risk_profiles:", "#   - Низкая учебная мотивация обучающихся"],
    "outcomes": ["# Например:", "# outcomes:",
                 "#   - indicator: Доля обучающихся, не освоивших программу, %",
                 "#     before: \"12\"", "#     after: \"7\"",
                 "#     source: Отчёт школы о самообследовании, 2024"],
}
_NEEDS_QUOTES = re.compile(r"[-+]?[\d.,\s]+|true|false|yes|no|on|off|null|~", re.I)


def scalar(value: str) -> str:
    """A YAML scalar that reads back as the same string here and in YAML 1.2 editors."""
    text = str(value)
    if text and not _NEEDS_QUOTES.fullmatch(text) and text == text.strip():
        try:
            data, _ = parse_yaml(f"k: {text}", "scalar")
        except ContentError:
            data = None
        if data == {"k": text}:
            return text
    return json.dumps(text, ensure_ascii=False)


def _comment(name: str) -> list[str]:
    info = Practice.model_fields[name]
    lines = [f"# {line}" for line in textwrap.wrap(info.description or name, 92)]
    choices = literal_choices(info)
    if choices:
        lines.append("# Допустимые значения:" if len(choices) > 4 else
                     "# Допустимые значения: " + "; ".join(choices) + ".")
        if len(choices) > 4:
            lines += [f"#   {c}" for c in choices]
    return lines


def _value_lines(name: str, value: Any) -> list[str]:
    if value is None or value == "":
        return [f"{name}:"]
    if isinstance(value, (list, tuple)):
        if not value:
            return [f"{name}: []"]
        return [f"{name}:", *(line for v in value for line in _item_lines(v))]
    if isinstance(value, dict):
        return [f"{name}:", *(f"  {line}" for k, v in value.items()
                              for line in _value_lines(k, v))]
    text = str(value)
    if len(text) > 80 and "\n" not in text and text.isprintable():
        return [f"{name}: >-", *(f"  {line}" for line in textwrap.wrap(text, 90))]
    return [f"{name}: {scalar(text)}"]


def _item_lines(value: Any) -> list[str]:
    """One list item: a scalar, or fields (an outcome) under «- »."""
    if not isinstance(value, dict):
        return [f"  - {scalar(value)}"]
    lines = [line for k, v in value.items() for line in _value_lines(k, v)]
    return [f"  - {lines[0]}", *(f"    {line}" for line in lines[1:])]


def _front_matter(values: dict[str, Any]) -> list[str]:
    lines = ["---", SCHEMA_COMMENT, *_HEADER]
    for name in FIELD_ORDER:
        lines += ["#", *_comment(name)]
        lines += _EXAMPLES.get(name, [])
        lines += _value_lines(name, values.get(name, [] if _is_list(name) else None))
    return [*lines, "---"]


def _is_list(name: str) -> bool:
    return "list" in str(Practice.model_fields[name].annotation)


def render_practice(values: dict[str, Any], sections: dict[str, str] | None = None) -> str:
    """The text of a practice file; without sections, each holds a guidance comment."""
    lines = _front_matter(values)
    for name in SECTIONS:
        lines += ["", f"## {name}", ""]
        text = (sections or {}).get(name, "").strip()
        lines.append(text if text else f"<!-- {SECTION_GUIDE[name]} -->")
    return "\n".join(lines) + "\n"


def template_text() -> str:
    """The blank template (content/practices/_template.md) for contributors in a browser."""
    return render_practice({"source": {"programme": None, "events": [], "document": None}})
