"""Read YAML files and Markdown front matter, remembering the line of every value.

Plain scalars stay strings («1.» is not the float 1.0, «Да» is not a boolean):
the documents are published verbatim, and pydantic converts where a field asks
for a number or a date. YAML aliases are refused, which also stops alias bombs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
import yaml.cyaml
from yaml.composer import Composer
from yaml.events import AliasEvent

from shnor_site.core.problems import Problem, problem
from shnor_site.core.source import Loc, Source

MAX_BYTES = 2_000_000


class _AliasFound(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("alias")
        self.mark = mark


class _Loader(yaml.SafeLoader):
    """SafeLoader that resolves only nulls implicitly and refuses aliases."""

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            raise _AliasFound(self.peek_event().start_mark)
        return Composer.compose_node(self, parent, index)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _record_lines(loader: _Loader, node: yaml.Node, loc: Loc, out: dict[Loc, int],
                  offset: int) -> None:
    out[loc] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):  # «? [a, b]»: a list as a field name
                raise yaml.constructor.ConstructorError(
                    None, None, "имя поля — список или набор полей", key_node.start_mark)
            here = (*loc, loader.construct_object(key_node))
            _record_lines(loader, value_node, here, out, offset)
            out[here] = key_node.start_mark.line + 1 + offset
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _record_lines(loader, item, (*loc, i), out, offset)


_STR, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
#: What YAML's null resolver matches: ~, null, Null, NULL and the empty plain scalar.
_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
_FastLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.cyaml.CParser, yaml.constructor.SafeConstructor,  # type: ignore[no-redef]
                      yaml.resolver.Resolver):
        """libyaml's parser (about 10× faster) with the same resolvers and constructors."""

        def __init__(self, stream: str) -> None:
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers

    def _resolve(self: Any, kind: type, value: Any, implicit: Any) -> str:
        """Resolver.resolve for our resolvers (only null is implicit), without its loop:
        libyaml calls it for every untagged node."""
        if kind is yaml.ScalarNode:
            return _NULL if implicit[0] and value in _NULL_WORDS else _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    _FastLoader.resolve = _resolve


class _Unusual(Exception):
    """A node the one-pass conversion leaves to the exact slow path (alias, explicit tag)."""


def _convert(node: yaml.Node, loc: Loc, lines: dict[Loc, int], offset: int,
             seen: set[int]) -> Any:
    """Python value of a node (strings, None, dicts, lists) recording the line of every
    value, in one walk; what SafeConstructor and _record_lines did in three."""
    if id(node) in seen:  # the same node twice: an alias
        raise _Unusual
    seen.add(id(node))
    lines[loc] = node.start_mark.line + 1 + offset
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag == _STR:
            return node.value
        if tag == _NULL:
            return None
        raise _Unusual
    if isinstance(node, yaml.SequenceNode) and tag == _SEQ:
        return [_convert(item, (*loc, i), lines, offset, seen)
                for i, item in enumerate(node.value)]
    if not (isinstance(node, yaml.MappingNode) and tag == _MAP):
        raise _Unusual
    out: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (_STR, _NULL):
            raise _Unusual
        key = key_node.value if key_node.tag == _STR else None
        here = (*loc, key)
        out[key] = _convert(value_node, here, lines, offset, seen)
        lines[here] = key_node.start_mark.line + 1 + offset
    return out


def _parse_fast(text: str, offset: int) -> tuple[Any, dict[Loc, int]] | None:
    """Parse valid, alias-free YAML with libyaml; None means «use the exact slow path»."""
    if _FastLoader is None:
        return None
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        lines: dict[Loc, int] = {}
        return _convert(node, (), lines, offset, set()), lines
    except (yaml.YAMLError, _Unusual):
        return None  # the pure-Python parser reports it with the usual wording
    finally:
        loader.dispose()


def parse_yaml(text: str, rel: str, offset: int = 0) -> tuple[Any, dict[Loc, int]]:
    """Parse YAML text; raise ContentError with a located Problem on failure."""
    bad = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if bad:  # the YAML reader would raise before any line is known
        line = text[: bad.start()].count("\n") + 1 + offset
        raise ContentError(problem(rel, "yaml-syntax", line=line, detail=(
            f"недопустимый символ U+{ord(bad.group()):04X} — удалите его (такие символы "
            "остаются при копировании из PDF и Word)")))
    fast = _parse_fast(text, offset)
    return fast if fast is not None else parse_exact(text, rel, offset)


def parse_exact(text: str, rel: str, offset: int = 0) -> tuple[Any, dict[Loc, int]]:
    """The pure-Python parse (the reference the fast path must equal); reports errors."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        data = loader.construct_document(node)
        lines: dict[Loc, int] = {}
        _record_lines(loader, node, (), lines, offset)
        return data, lines
    except _AliasFound as exc:
        raise ContentError(problem(rel, "yaml-alias", line=exc.mark.line + 1 + offset)) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark else None
        detail = _yaml_detail(exc)
        raise ContentError(problem(rel, "yaml-syntax", line=line, detail=detail)) from None
    except yaml.YAMLError as exc:
        raise ContentError(problem(rel, "yaml-syntax", detail=str(exc)[:200])) from None
    finally:
        loader.dispose()


_YAML_REASONS = {
    "mapping values are not allowed here": "двоеточие внутри значения — возьмите текст в кавычки",
    "could not find expected ':'": "после имени поля нет двоеточия",
    "found character '\\t' that cannot start any token": "табуляция вместо пробелов",
    "expected <block end>, but found": "нарушены отступы",
    "found undefined alias": "ссылки (*) не поддерживаются",
    "while scanning a quoted scalar": "не закрыта кавычка",
    "found duplicate anchor": "ссылки (&) не поддерживаются",
    "found unhashable key": "имя поля — список или набор полей (строка начинается с «?»)",
}


def _yaml_detail(exc: yaml.MarkedYAMLError) -> str:
    text = f"{exc.context or ''} {exc.problem or ''}"
    for needle, reason in _YAML_REASONS.items():
        if needle in text:
            return reason
    return (exc.problem or exc.context or "").strip()


class ContentError(Exception):
    """A file could not be read at all; carries the Problem to report."""

    def __init__(self, prob: Problem) -> None:
        super().__init__(prob.format())
        self.problem = prob


def read_text(path: Path, rel: str) -> str:
    """Read a file as UTF-8 (a BOM is accepted and dropped)."""
    size = path.stat().st_size  # checked before reading: a huge file is never loaded
    if size > MAX_BYTES:
        raise ContentError(problem(rel, "file-too-large",
                                   detail=f"{size} байт, допустимо до {MAX_BYTES}"))
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        guess = "похоже на Windows-1251" if _looks_cp1251(raw) else ""
        raise ContentError(problem(rel, "file-encoding", line=line, detail=guess)) from None
    if not text.strip():
        raise ContentError(problem(rel, "file-empty"))
    return text


def _looks_cp1251(raw: bytes) -> bool:
    try:
        decoded = raw.decode("cp1251")
    except UnicodeDecodeError:
        return False
    cyr = sum(1 for ch in decoded if "а" <= ch.lower() <= "я")
    return cyr > len(decoded) // 10


def load_file(path: Path, root: Path) -> Source:
    """Load one YAML file or Markdown-with-front-matter file into a Source."""
    rel = path.relative_to(root.parent).as_posix() if root.parent in path.parents else str(path)
    text = read_text(path, rel)
    try:
        if path.suffix == ".md":
            return _load_front_matter(path, rel, text)
        data, lines = parse_yaml(text, rel)
    except RecursionError:  # [[[[…]]]] thousands deep: the parsers recurse per level
        raise ContentError(problem(rel, "yaml-syntax", detail="слишком глубокая вложенность "
                                   "списков или полей")) from None
    if not isinstance(data, dict):
        raise ContentError(problem(rel, "yaml-not-mapping", line=1))
    return Source(path, rel, data, lines)


def _load_front_matter(path: Path, rel: str, text: str) -> Source:
    parts = text.split("\n")
    if parts[0].strip() != "---":
        raise ContentError(problem(rel, "front-matter", line=1))
    try:
        end = next(i for i in range(1, len(parts)) if parts[i].strip() == "---")
    except StopIteration:
        raise ContentError(problem(rel, "front-matter", line=1,
                                   detail="нет закрывающей строки «---»")) from None
    data, lines = parse_yaml("\n".join(parts[1:end]), rel, offset=1)
    if not isinstance(data, dict):
        raise ContentError(problem(rel, "yaml-not-mapping", line=2))
    body = "\n".join(parts[end + 1:]).strip("\n")
    return Source(path, rel, data, lines, body=body, body_line=end + 2)


def read_data(path: Path) -> dict:
    """A record file's fields as the site reads them (plain values stay strings: «2.»), or
    {} when it cannot be read (`shnor-site check` reports such a file itself)."""
    try:
        data, _lines = parse_yaml(path.read_text(encoding="utf-8"), path.name)
    except (ContentError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def read_folder(content: Path, folder: str) -> list[tuple[str, dict]]:
    """(id, fields) of every record file in content/<folder>/, by id (read_data)."""
    return [(path.stem, read_data(path)) for path in sorted((content / folder).glob("*.yml"))]
