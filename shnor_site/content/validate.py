"""Validate loaded content: types, required fields, ids and references.

Every problem is collected (never the first only), coded and located.
"""

from __future__ import annotations

import contextlib
import difflib
import gc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from shnor_site.content.checked_cache import CheckedCache
from shnor_site.content.glossary import known_words, load_glossary, unknown_abbreviations
from shnor_site.content.load import ContentError, load_file
from shnor_site.content.sources import check_source, stray_files
from shnor_site.core import docorder
from shnor_site.core.catalogue import Catalogue
from shnor_site.core.introspect import field_at, iter_refs, literal_choices, model_at
from shnor_site.core.models import KINDS
from shnor_site.core.problems import CODES, Problem, fmt_loc, parse_loc, problem
from shnor_site.core.source import Source


def convert_error(err: dict, model: type[BaseModel], src: Source) -> Problem:
    """One pydantic error as a coded, located Problem."""
    loc = tuple(err["loc"])
    kind = err["type"]
    info = field_at(model, loc)
    described = f" ({info.description})" if info and info.description else ""
    line = src.line_of(loc)
    value = err.get("input")
    shown = str(value)[:80] if isinstance(value, (str, int, float)) else ""
    name = fmt_loc(loc)
    if kind == "missing":
        return problem(src.rel, "missing-field", line=line, field=name,
                       detail=f"«{loc[-1]}»{described.replace(' (', ' — ').rstrip(')')}",
                       hint=f"Добавьте строку «{loc[-1]}: …»{described}.")
    if kind == "extra_forbidden":
        return _unknown_field(src, model, loc, line)
    if kind == "literal_error":
        choices = literal_choices(info)
        close = difflib.get_close_matches(shown, choices, n=1, cutoff=0.5)
        hint = "Допустимые значения: " + "; ".join(f"«{c}»" for c in choices) + "."
        if close:
            hint = f"Возможно, вы имели в виду «{close[0]}». " + hint
        return problem(src.rel, "bad-choice", line=line, field=name, detail=f"«{shown}»", hint=hint)
    pattern = str(err.get("ctx", {}).get("pattern"))
    if kind == "string_pattern_mismatch" and "https?" in pattern:
        return problem(src.rel, "bad-url", line=line, field=name, detail=f"«{shown}»")
    if kind == "string_pattern_mismatch" and pattern.startswith("^https://"):
        return problem(src.rel, "not-https", line=line, field=name, detail=f"«{shown}»")
    if kind in ("bad_phone", "bad_email"):
        return problem(src.rel, kind.replace("_", "-"), line=line, field=name,
                       detail=f"«{shown}»")
    if kind == "string_pattern_mismatch":
        return problem(src.rel, "bad-id", line=line, field=name, detail=f"«{shown}»")
    if kind.startswith("date"):
        return problem(src.rel, "bad-date", line=line, field=name, detail=f"«{shown}»")
    if kind.startswith("int") or kind.startswith("float"):
        return problem(src.rel, "bad-number", line=line, field=name, detail=f"«{shown}»")
    if kind.endswith("_type") or kind == "model_attributes_type":
        return problem(src.rel, "wrong-type", line=line, field=name,
                       detail=_type_detail(kind, value))
    return problem(src.rel, "bad-value", line=line, field=name, detail=err.get("msg", ""))


_EXPECTED = {
    "string_type": "текст", "list_type": "список (строки, начинающиеся с «- »)",
    "model_type": "набор полей «имя: значение»", "dict_type": "набор полей «имя: значение»",
    "model_attributes_type": "набор полей «имя: значение»",
}


def _type_detail(kind: str, value: Any) -> str:
    got = ("список" if isinstance(value, list) else "набор полей" if isinstance(value, dict)
           else "пусто" if value is None else "текст")
    return f"ожидается {_EXPECTED.get(kind, 'другое значение')}, указано: {got}"


def _unknown_field(src: Source, model: type[BaseModel], loc: tuple, line: int | None) -> Problem:
    parent = model_at(model, loc[:-1])
    allowed = sorted(parent.model_fields) if parent else []
    close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
    hint = f"Возможно, вы имели в виду «{close[0]}». " if close else ""
    hint += "Допустимые поля здесь: " + ", ".join(allowed) + "."
    return problem(src.rel, "unknown-field", line=line, field=fmt_loc(loc),
                   detail=f"«{loc[-1]}»", hint=hint)


def _register_id(kind: str, src: Source, cat: Catalogue) -> None:
    rid, line = src.rid, src.id_line
    if rid is None:
        return
    if rid in cat.ids:
        first = cat.ids[rid][1]
        where = f"{first.rel}:{first.id_line}"
        cat.problems.append(problem(src.rel, "duplicate-id", line=line, field="id",
                                    detail=f"«{rid}» уже есть в {where}"))
        return
    cat.ids[rid] = (kind, src)
    if rid != src.path.stem:
        cat.problems.append(problem(src.rel, "id-filename", line=line, field="id",
                                    detail=f"id «{rid}», файл «{src.path.name}»"))


@dataclass
class Checked:
    """One file after the checks that need nothing but the file itself."""

    kind: str
    src: Source | None
    problems: list[Problem]
    record: BaseModel | None = None


def _order_problems(prog: BaseModel, src: Source) -> list[Problem]:
    """Problems of the programme's `order:` and `passport.order:` lists."""
    found = []
    for op in docorder.resolve(prog)[2]:
        hint = None
        if op.code == "order-unknown":
            hint = CODES[op.code][1] + " У этой программы есть: " + ", ".join(
                docorder.block_tokens(prog)) + "."
        found.append(problem(src.rel, op.code, line=src.line_of(op.loc),
                             field=fmt_loc(op.loc), detail=f"«{op.token}»", hint=hint))
    return found


def check_file(kind: str, path: Path, root: Path, keep_sources: bool,
               known: frozenset[str] | None = None) -> Checked:
    """Parse, validate against the model, scan for unsafe markup and (given the words the
    glossary knows) for unknown abbreviations, note the references.

    The parsed YAML is dropped unless kept or the file is a practice (whose checks need
    every programme and school, so they run later, in file order)."""
    try:
        src = load_file(path, root)
    except ContentError as exc:
        return Checked(kind, None, [exc.problem])
    rid = src.data.get("id")
    if isinstance(rid, str) and rid:
        src.rid, src.id_line = rid, src.line_of(("id",))
    model, problems, record = KINDS[kind].model, [], None
    try:
        record = model.model_validate(src.data)
    except ValidationError as exc:
        problems += [convert_error(e, model, src) for e in exc.errors()]
    problems += check_source(src) + _review_warnings(kind, src)
    if kind == "programme" and record is not None:
        problems += _order_problems(record, src)
    if known is not None:
        problems += unknown_abbreviations(src, known)
    _digest(kind, src)
    if not keep_sources and kind != "practice":
        src.data, src.lines = None, {}
    return Checked(kind, src, problems, record)


def _review_warnings(kind: str, src: Source) -> list[Problem]:
    """An `import-review` warning for every item an import left to check."""
    items = src.data.get("review") if kind == "programme" else None
    if not isinstance(items, list):
        return []
    return [problem(src.rel, "import-review",
                    line=src.lines.get(parse_loc(str(item.get("field", ""))))
                    or src.line_of(("review", n)),
                    field=str(item.get("field", "")), detail=str(item.get("what", "")),
                    severity="warning")
            for n, item in enumerate(items) if isinstance(item, dict)]


def _digest(kind: str, src: Source) -> None:
    """Note what the checks after loading need, so the parsed data can go."""
    src.refs = [(loc, ref, target, src.line_of(loc))
                for loc, ref, target in iter_refs(KINDS[kind].model, src.data)]
    source = src.data.get("source") if kind == "programme" else None
    path = source.get("file") if isinstance(source, dict) else None
    if isinstance(path, str):
        src.source_file = (path, src.line_of(("source", "file")))


def _check_refs(cat: Catalogue) -> None:
    for _kind, src in sorted({s.rel: (k, s) for k, s in cat.ids.values()}.values(),
                             key=lambda ks: ks[1].rel):
        for loc, ref, target, line in src.refs:
            found = cat.ids.get(target, (None,))[0]
            if found is None:
                close = difflib.get_close_matches(target, list(cat.ids), n=1, cutoff=0.7)
                named = _named(cat, ref.kinds, target)
                hint = (named or (f"Возможно, «{close[0]}». " if close else "")
                        ) + CODES_HINT[ref.kinds[0]]
                cat.problems.append(problem(src.rel, "unknown-ref", line=line,
                                            field=fmt_loc(loc), detail=f"«{target}»", hint=hint))
            elif found not in ref.kinds:
                want = " или ".join(KINDS[k].label.lower() for k in ref.kinds)
                cat.problems.append(problem(
                    src.rel, "wrong-ref-kind", line=line, field=fmt_loc(loc),
                    detail=f"«{target}» — это {KINDS[found].label.lower()}, а нужна {want}"))


CODES_HINT = {k: f"Записи этого типа лежат в content/{v.folder}/." for k, v in KINDS.items()}


def _named(cat: Catalogue, kinds: tuple[str, ...], text: str) -> str:
    """«Похоже на «ЗАТО Северск»: её id — «seversk».» when a name was written for an id."""
    wanted = text.strip().lower()
    if len(wanted) < 3:
        return ""
    for kind in kinds:
        for rec in cat.all(kind):
            names = [getattr(rec, "name", ""), getattr(rec, "short_name", None) or ""]
            if any(wanted in str(n).lower() for n in names if n):
                return (f"Похоже на «{rec.name}» — в этом поле пишут её id: «{rec.id}». ")
    return ""


def _check_sources(cat: Catalogue) -> None:
    for _kind, src in list(cat.ids.values()):
        if src.source_file and not (cat.root / src.source_file[0]).is_file():
            cat.problems.append(problem(src.rel, "missing-source", line=src.source_file[1],
                                        field="source.file", detail=src.source_file[0]))


def content_files(root: Path) -> list[tuple[str, Path]]:
    """(kind, path) of every record file under the content root, sorted."""
    out = []
    for kind in KINDS.values():
        folder = root / kind.folder
        if folder.is_dir():
            out += [(kind.name, p) for p in sorted(folder.iterdir())
                    if p.suffix in (".yml", ".yaml", ".md") and not p.name.startswith(("_", "."))]
    return out


#: True in a process that makes one build and ends (the build's worker, build/worker.py).
_ONE_BUILD = {"on": False}


def one_build_process() -> None:
    """Say this process makes one build and ends: what no_cyclic_gc blocks create is then
    frozen for the cycle collector (gc.freeze) instead of scanned in full once more when
    the collector is switched back on (seconds on a national site). Not for `serve`, whose
    rebuilds must leave nothing behind."""
    _ONE_BUILD["on"] = True


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause Python's cycle collector while the content loads (and while the plan is made,
    pages/plan.py): it would scan the growing catalogue again and again (half of a
    national site's loading time). Parsed data holds no cycles, reference counting frees
    it as usual, and the collector runs again after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _ONE_BUILD["on"]:
            gc.freeze()
        if was_on:
            gc.enable()


def load_catalogue(root: Path, keep_sources: bool = True,
                   cache_dir: Path | None = None) -> Catalogue:
    """Load and validate everything under root; never raises for bad content.

    With keep_sources=False each file's parsed YAML and line numbers are dropped once the
    file is checked (the build does not need them; a national site's would double the
    memory). Practices are checked last, when every programme and school is known.
    With `cache_dir`, each file's own checks are taken from the last build while its bytes
    are the same (checked_cache.py).
    """
    with no_cyclic_gc():
        return _load(root, keep_sources, cache_dir)


def _load(root: Path, keep_sources: bool, cache_dir: Path | None = None) -> Catalogue:
    from shnor_site.content.practice_check import practice_problems

    cat = Catalogue(root=root)
    cat.problems.extend(stray_files(root))
    cat.glossary, found = load_glossary(root, convert_error)
    cat.problems.extend(found)
    known = known_words(cat.glossary) if cat.glossary else None
    cache = CheckedCache(cache_dir, known, keep_sources) if cache_dir else None
    for kind, path in content_files(root):
        checked = (cache.check(check_file, kind, path, root, keep_sources, known) if cache
                   else check_file(kind, path, root, keep_sources, known))
        cat.problems.extend(checked.problems)
        src, record = checked.src, checked.record
        if src is None:
            continue
        _register_id(checked.kind, src, cat)
        if record is not None and cat.ids.get(record.id, (None, None))[1] is src:
            cat.records.setdefault(checked.kind, {})[record.id] = record
            cat.sources[(checked.kind, record.id)] = src
        if checked.kind == "practice":
            cat.problems.extend(practice_problems(src, cat))
            if not keep_sources:
                src.data, src.lines = None, {}
    _check_refs(cat)
    _check_sources(cat)
    cat.problems.sort()
    if cache is not None:
        cache.save()
    return cat
