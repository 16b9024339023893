"""A content tree whose every text field carries an XSS payload from payloads.txt.

Seed: tests/fixtures/mini plus tests/xss/seed (a practice), with a few extra copies of
municipalities and schools so facet values and school names carry payloads too. Each
record is first *completed*: every optional field the seed leaves out gets a value
generated from its type, kept only if the model still accepts the record, so fields
added to the models later are covered without editing this file. Then every string
slot receives a payload. Slots that must keep their value (ids, references, choices,
dates, numbers, the source file path, practice event numbers) are found by validation:
the payload is reverted where the model or the whole catalogue refuses it.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
import shutil
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from shnor_site.content.load import load_file
from shnor_site.content.sources import iter_strings
from shnor_site.content.validate import content_files, load_catalogue
from shnor_site.core.introspect import model_in
from shnor_site.core.models import KINDS
from shnor_site.core.models.base import Ref
from shnor_site.core.problems import fmt_loc
from shnor_site.core.source import Loc
from tests.helpers import FIXTURES

HERE = Path(__file__).resolve().parent
PAYLOADS = HERE / "payloads.txt"
SEED_DIRS = (FIXTURES / "mini", HERE / "seed")
NEWLINE_MARK = "⏎"
CLONES = {"municipality": 2, "school": 3}
# Appended to every payload in the «probe» variant: Markdown that a plain-text field must
# not turn into a link, an image or attributes, wherever a template puts the field.
PROBE = ("[клик](javascript:window.__pwned=1) ![x](https://evil.example/probe.png) "
         "<img src=x onerror=window.__pwned=1> {: onclick=window.__pwned=1 }")
_SKIP = object()


def load_payloads(probe: bool = False) -> list[str]:
    """Payloads of payloads.txt: one a line, «⏎» stands for a line break, «## » heads.

    With probe, PROBE follows every payload except the URLs.
    """
    lines = PAYLOADS.read_text(encoding="utf-8").splitlines()
    out = [ln.replace(NEWLINE_MARK, "\n") for ln in lines if ln and not ln.startswith("## ")]
    return [p if not probe or p.startswith("http") else f"{p} {PROBE}" for p in out]


@dataclass
class Record:
    """One content file being built: kind, id, data, optional Markdown body, seed copy."""

    kind: str
    rid: str
    data: dict
    body: str | None = None
    original: dict = field(default_factory=dict)
    seed: dict = field(default_factory=dict)

    def validates(self) -> bool:
        """True when the record's model accepts the data."""
        try:
            KINDS[self.kind].model.model_validate(self.data)
        except ValidationError:
            return False
        return True


# --- values generated from types -------------------------------------------------------------

class _Gen:
    """Generates raw YAML-like values (strings, lists, dicts) for a type annotation."""

    def __init__(self, ids: dict[str, list[str]]) -> None:
        self.ids = ids
        self.count = itertools.count(1)

    def value(self, annotation: Any, metadata: list | tuple = (), full: bool = True) -> Any:
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        if origin is typing.Annotated:
            return self.value(args[0], [*metadata, *annotation.__metadata__], full)
        if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
            inner = [a for a in args if a is not type(None)]
            return self.value(inner[0], metadata, full) if inner else _SKIP
        ref = next((m for m in metadata if isinstance(m, Ref)), None)
        if ref is not None:
            pool = self.ids.get(ref.kinds[0]) or [""]
            return pool[next(self.count) % len(pool)]
        if origin is typing.Literal:
            return str(args[0])
        if origin is list:
            return [self.value(args[0], (), full) for _ in range(2)]
        if origin is dict:
            return {"name": self.value(args[1], (), full)}
        return self._scalar(annotation, metadata, full)

    def _scalar(self, annotation: Any, metadata: list | tuple, full: bool) -> Any:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return self.model(annotation, full)
        pattern = " ".join(str(getattr(m, "pattern", "") or "") for m in metadata)
        if "https?" in pattern:
            return "https://example.org/doc"
        if pattern:
            return f"xss-gen-{next(self.count)}"
        return {str: "текст", int: "2023", float: "1.5", bool: "да",
                dt.date: "2023-09-01"}.get(annotation, _SKIP)

    def model(self, model: type[BaseModel], full: bool) -> dict:
        out = {}
        for name, info in model.model_fields.items():
            if full or info.is_required():
                value = self.value(info.annotation, info.metadata, full)
                if value is not _SKIP:
                    out[name] = value
        return out


def _try_set(rec: Record, container: dict, name: str, candidates: list[Any]) -> None:
    for value in candidates:
        container[name] = value
        if rec.validates():
            return
    del container[name]


def complete(rec: Record, gen: _Gen, model: type[BaseModel] | None = None,
             data: dict | None = None) -> None:
    """Fill every field the record leaves out, where the model accepts a generated value."""
    model = model or KINDS[rec.kind].model
    data = rec.data if data is None else data
    for name, info in model.model_fields.items():
        if name not in data:
            full, minimal = (gen.value(info.annotation, info.metadata, f) for f in (True, False))
            _try_set(rec, data, name, [v for v in (full, minimal) if v is not _SKIP])
        sub = model_in(info.annotation)
        value = data.get(name)
        if sub is not None:
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict):
                    complete(rec, gen, sub, item)


# --- payloads --------------------------------------------------------------------------------

def _set(data: Any, loc: Loc, value: Any) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value


def _get(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def inject(rec: Record, payloads: list[str], start: int) -> int:
    """Put payloads into every string slot the model accepts; returns the next index."""
    urls = [p for p in payloads if p.startswith("http")] or ["https://example.org/doc"]
    index = start
    for loc, original in list(iter_strings(rec.data)):
        payload = payloads[index % len(payloads)]
        _set(rec.data, loc, payload)
        if rec.validates():
            index += 1
            continue
        for url in urls[index % len(urls):] + urls[: index % len(urls)]:
            _set(rec.data, loc, url)
            if rec.validates():
                break
        else:
            _set(rec.data, loc, original)
    return index


def body_with_payloads(body: str, payloads: list[str], start: int) -> tuple[str, int]:
    """Each section of a Markdown body gets a visible line and then a run of payloads."""
    usable = [p for p in payloads if not re.search(r"^#{1,2}\s", p, re.M)]
    parts, index = [], start
    for line in body.split("\n"):
        parts.append(line)
        if line.startswith("## "):
            chunk = [usable[(index + k) % len(usable)] for k in range(8)]
            index += 8
            parts += ["", "Видимый текст раздела.", "", *("\n\n".join(chunk).split("\n")), ""]
    return "\n".join(parts), index


# --- the tree --------------------------------------------------------------------------------

def _load_seed() -> list[Record]:
    records = []
    for seed in SEED_DIRS:
        for kind, path in content_files(seed):
            src = load_file(path, seed)
            records.append(Record(kind, src.data["id"], src.data, src.body))
    for kind, copies in CLONES.items():
        base = next(r for r in records if r.kind == kind)
        for n in range(1, copies + 1):
            data = {**copy.deepcopy(base.data), "id": f"{base.rid}-xss{n}"}
            records.append(Record(kind, data["id"], data))
    return records


def _write(root: Path, records: list[Record]) -> None:
    for rec in records:
        folder = root / KINDS[rec.kind].folder
        folder.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(rec.data, allow_unicode=True, sort_keys=False, width=10**6)
        if rec.body is None:
            (folder / f"{rec.rid}.yml").write_text(text, encoding="utf-8")
        else:
            (folder / f"{rec.rid}.md").write_text(f"---\n{text}---\n{rec.body}\n",
                                                  encoding="utf-8")


def _parse_field(name: str) -> Loc:
    """Inverse of fmt_loc: `a.b[2].c` → ("a", "b", 1, "c")."""
    loc: list[str | int] = []
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", name):
        loc.append(int(part[1:-1]) - 1 if part.startswith("[") else part)
    return tuple(loc)


def _has(data: Any, loc: Loc) -> bool:
    try:
        _get(data, loc)
    except (KeyError, IndexError, TypeError):
        return False
    return True


def _revert(rec: Record, loc: Loc) -> bool:
    """Undo a payload at loc, or drop a generated value the catalogue refuses."""
    if _has(rec.seed, loc) and _has(rec.data, loc) and _get(rec.data, loc) != _get(rec.seed, loc):
        _set(rec.data, loc, copy.deepcopy(_get(rec.seed, loc)))
        return True
    for size in range(1, len(loc) + 1):
        if not _has(rec.original, loc[:size]) and _has(rec.data, loc[:size]):
            parent = _get(rec.data, loc[: size - 1])
            del parent[loc[size - 1]]
            return True
    return False


def _repair(records: list[Record], errors: list) -> list[str]:
    """Revert what the catalogue refuses; return the problems that could not be undone."""
    by_file = {f"content/{KINDS[r.kind].folder}/{r.rid}.{'md' if r.body is not None else 'yml'}":
               r for r in records}
    left = []
    for prob in errors:
        rec = by_file.get(prob.path)
        if rec is None or not prob.field or not _revert(rec, _parse_field(prob.field)):
            left.append(prob.format())
    return left


def build_content(root: Path, probe: bool = False,
                  payloads: list[str] | None = None) -> list[str]:
    """Write the payload content tree into root (a `content` folder); return the payloads.

    Other payloads may be given (tests/test_nothing_lost.py uses unique words).
    """
    payloads = payloads or load_payloads(probe)
    records = _load_seed()
    ids: dict[str, list[str]] = {}
    for rec in records:
        ids.setdefault(rec.kind, []).append(rec.rid)
    gen = _Gen(ids)
    index = 0
    for rec in records:
        rec.original = copy.deepcopy(rec.data)
        complete(rec, gen)
        rec.seed = copy.deepcopy(rec.data)
        index = inject(rec, payloads, index)
        if rec.body is not None:
            rec.body, index = body_with_payloads(rec.body, payloads, index)
    shutil.copytree(FIXTURES / "mini" / "sources", root / "sources")
    with (root / "sources" / "testgrad-2023.txt").open("a", encoding="utf-8") as out:
        out.write("\n".join(payloads) + "\n")
    left: list[str] = []
    for _ in range(6):
        _write(root, records)
        errors = load_catalogue(root).errors
        if not errors:
            return payloads
        left = _repair(records, errors)
    raise RuntimeError("corpus does not validate:\n" + "\n".join(left))


def placed_slots(root: Path, probe: bool = False) -> dict[str, set[str]]:
    """For each file: the fields (fmt_loc) whose value is a payload."""
    payloads = set(load_payloads(probe))
    out: dict[str, set[str]] = {}
    for _kind, path in content_files(root):
        src = load_file(path, root)
        out[src.rel] = {fmt_loc(loc) for loc, text in iter_strings(src.data) if text in payloads}
    return out

