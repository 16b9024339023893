"""JSON Schema of a practice file's front matter, for editors (draft-07).

Published with the site as /schema/practice.schema.json (the file lives in
docs/schema/ and a test keeps it current) and referenced from every practice file by a
`# yaml-language-server: $schema=…` comment and from .vscode/settings.json.
"""

from __future__ import annotations

import json
from typing import Any

from shnor_site.core.models.practice import Practice

#: Where the schema lives in the repository (docs/ is copied into the site as is).
SCHEMA_FILE = "docs/schema/practice.schema.json"
#: The comment that points editors at the schema, relative to content/practices/<id>.md.
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../docs/schema/practice.schema.json"

_DEF_TITLES = {
    "PracticeSource": "Источник практики: программа и номера мероприятий или другой документ.",
    "Outcome": "Измеренный результат: показатель, значение до и после, источник данных.",
}


def _drop_titles(node: Any) -> None:
    """Remove pydantic's English auto-titles of properties (descriptions stay)."""
    if isinstance(node, dict):
        for prop in (node.get("properties") or {}).values():
            if isinstance(prop, dict):
                prop.pop("title", None)
        for value in node.values():
            _drop_titles(value)
    elif isinstance(node, list):
        for item in node:
            _drop_titles(item)


def practice_schema() -> dict[str, Any]:
    """Draft-07 schema of the front matter, with Russian descriptions and allowed values."""
    schema = Practice.model_json_schema(ref_template="#/definitions/{model}")
    defs = schema.pop("$defs", {})
    for name, sub in defs.items():
        sub["title"] = name
        sub["description"] = _DEF_TITLES.get(name, sub.get("description", ""))
    _drop_titles(schema)
    _drop_titles(defs)
    schema.update({
        "title": "Практика банка",
        "description": "Поля заголовка файла content/practices/<id>.md (между строками «---»). "
                       "После заголовка — разделы «## Проблема», «## Что сделали», "
                       "«## Результаты», «## Как повторить», «## Материалы».",
    })
    out = {"$schema": "http://json-schema.org/draft-07/schema#", **schema}
    if defs:
        out["definitions"] = defs
    return out


def schema_text() -> str:
    """The schema file's exact text."""
    return json.dumps(practice_schema(), ensure_ascii=False, indent=2) + "\n"
