"""JSON Schema generated from the models."""

from __future__ import annotations

from typing import Any

from shnor_site.core.models import KINDS


def kind_schema(kind: str) -> dict[str, Any]:
    """JSON Schema of one record type."""
    schema = KINDS[kind].model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def content_schema() -> dict[str, Any]:
    """One document with the schema of every record type under `$defs`."""
    defs: dict[str, Any] = {}
    kinds = {}
    for name in KINDS:
        sub = kind_schema(name)
        defs.update(sub.pop("$defs", {}))
        sub.pop("$schema", None)
        kinds[name] = sub
    defs.update({f"record-{k}": v for k, v in kinds.items()})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Содержимое сайта shnor-site",
        "description": "Типы записей: " + ", ".join(KINDS),
        "$defs": defs,
        "anyOf": [{"$ref": f"#/$defs/record-{k}"} for k in kinds],
    }
