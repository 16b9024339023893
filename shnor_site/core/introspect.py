"""Walk model classes and instances: field info at a location, references inside."""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from shnor_site.core.models.base import Ref


def _unwrap(annotation: Any) -> Iterator[Any]:
    """Yield every type nested in an annotation (Optional, list, Annotated…)."""
    yield annotation
    for arg in typing.get_args(annotation):
        yield from _unwrap(arg)


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The first BaseModel class found inside an annotation, if any."""
    for t in _unwrap(annotation):
        if isinstance(t, type) and issubclass(t, BaseModel):
            return t
    return None


def field_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> FieldInfo | None:
    """FieldInfo of the field at loc (ints are list positions), or None."""
    info: FieldInfo | None = None
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int):
            continue
        if current is None or part not in current.model_fields:
            return None
        info = current.model_fields[part]
        current = model_in(info.annotation)
    return info


def model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class whose fields live at loc (the root model for an empty loc)."""
    if not [p for p in loc if not isinstance(p, int)]:
        return model
    info = field_at(model, loc)
    return model_in(info.annotation) if info else None


def literal_choices(info: FieldInfo | None) -> list[str]:
    """Allowed values of a Literal field (also inside Optional/list)."""
    if info is None:
        return []
    for t in _unwrap(info.annotation):
        if typing.get_origin(t) is typing.Literal:
            return [str(a) for a in typing.get_args(t)]
    return []


def _ref_of(info: FieldInfo) -> Ref | None:
    for meta in info.metadata:
        if isinstance(meta, Ref):
            return meta
    for t in _unwrap(info.annotation):
        for meta in getattr(t, "__metadata__", ()):
            if isinstance(meta, Ref):
                return meta
    return None


@functools.cache
def _ref_fields(model: type[BaseModel]) -> tuple[tuple[str, Ref | None, Any], ...]:
    """(name, Ref, nested model) of every field, worked out once per model class."""
    return tuple((name, _ref_of(info), model_in(info.annotation))
                 for name, info in model.model_fields.items())


def iter_refs(model: type[BaseModel], data: Any, loc: tuple[str | int, ...] = ()
              ) -> Iterator[tuple[tuple[str | int, ...], Ref, str]]:
    """Yield (loc, Ref, id) for every reference in raw data shaped like the model.

    Works on data that failed validation too, so reference errors are reported
    together with all other problems.
    """
    if not isinstance(data, dict):
        return
    for name, ref, sub in _ref_fields(model):
        value = data.get(name)
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            here = loc + ((name,) if index is None else (name, index))
            if ref is not None and isinstance(item, str):
                yield here, ref, item
            elif sub is not None and isinstance(item, dict):
                yield from iter_refs(sub, item, here)
