"""Records of any kind filled in from its pydantic model (used for practices).

The practices kind is young and its fields may change; reading the model at run time
keeps the generator valid without editing it for every new field.
"""

from __future__ import annotations

import datetime as dt
import random
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from shnor_site.core.models.base import Ref

from .synth_text import phrase, sentence, text

_TEXT_NAMES = {"description", "summary", "body", "text", "goal", "intro", "note", "result",
               "results", "context", "outcome", "problem", "solution", "effect", "how"}


def _ref_of(info: FieldInfo | None, annotation: Any) -> Ref | None:
    metas = list(info.metadata) if info else []
    stack = [annotation]
    while stack:
        t = stack.pop()
        metas += list(getattr(t, "__metadata__", ()))
        stack += list(typing.get_args(t))
    return next((m for m in metas if isinstance(m, Ref)), None)


def _is_optional(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    return origin in (typing.Union, types.UnionType) and type(None) in typing.get_args(annotation)


def _text(rng: random.Random, name: str, info: FieldInfo | None, annotation: Any) -> str:
    shape = repr(annotation) + repr(info.metadata if info else "")
    if "https?" in shape:
        return f"https://{name.replace('_', '-')}-{rng.randrange(10**6)}.example.ru/"
    if "a-z0-9-" in shape:
        return f"{name.replace('_', '-')}-{rng.randrange(10**6)}"
    desc = (info.description or "") if info else ""
    if name in _TEXT_NAMES or "разметк" in desc:
        return text(rng, rng.randint(1, 2))
    return phrase(rng, 2, 8) if name in ("title", "name") else sentence(rng, 4, 14)


def fake(rng: random.Random, annotation: Any, ids: dict[str, list[str]], name: str = "",
         info: FieldInfo | None = None) -> Any:
    """A raw YAML value (strings, lists, mappings) valid for the annotation."""
    ref = _ref_of(info, annotation)
    if ref is not None and typing.get_origin(annotation) is not list:
        pool = [i for k in ref.kinds for i in ids.get(k, [])]
        return rng.choice(pool)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return fake(rng, args[0], ids, name, info)
    if _is_optional(annotation):
        inner = [a for a in args if a is not type(None)]
        return fake(rng, inner[0], ids, name, info)
    if origin is typing.Literal:
        return str(rng.choice(args))
    if origin is list:
        return _fake_list(rng, args[0], ids, name, info)
    if origin is dict:
        return {}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return fake_record(rng, annotation, ids)
    if annotation is dt.date:
        return f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if annotation in (int, float):
        return str(rng.randint(2019, 2025))
    if annotation is bool:
        return rng.choice(["true", "false"])
    return _text(rng, name, info, annotation)


def _fake_list(rng: random.Random, item: Any, ids: dict[str, list[str]], name: str,
               info: FieldInfo | None) -> list[Any]:
    ref = _ref_of(info, item)
    if ref is not None:
        pool = [i for k in ref.kinds for i in ids.get(k, [])]
        return rng.sample(pool, min(len(pool), rng.randint(1, 3)))
    if typing.get_origin(item) is typing.Literal:
        choices = [str(a) for a in typing.get_args(item)]
        return rng.sample(choices, rng.randint(1, min(3, len(choices))))
    return [fake(rng, item, ids, name) for _ in range(rng.randint(1, 3))]


def fake_record(rng: random.Random, model: type[BaseModel], ids: dict[str, list[str]],
                fixed: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every required field and most optional ones; `fixed` values win."""
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if fixed and name in fixed:
            out[name] = fixed[name]
        elif info.is_required() or rng.random() < 0.7:
            out[name] = fake(rng, info.annotation, ids, name, info)
    return out
