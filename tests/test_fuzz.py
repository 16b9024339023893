"""Fuzzing with Hypothesis: mutated and random content never crashes `check` or rendering.

Profiles (environment variable HYPOTHESIS_PROFILE):
  ci       (default) 300 mutated files and 20 rendered random catalogues, about 40 s;
  nightly  10,000 mutated files and 500 rendered catalogues (`HYPOTHESIS_PROFILE=nightly
           pytest -p no:playwright tests/test_fuzz.py`), for a scheduled job or a benchmark.
"""

from __future__ import annotations

import functools
import os
import shutil
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from shnor_site.content.sources import iter_strings
from shnor_site.content.validate import content_files, load_catalogue
from shnor_site.core.models import KINDS
from shnor_site.core.problems import CODES, Problem
from shnor_site.pages import plan as render
from tests.helpers import FIXTURES, ROOT

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
_COMMON = {"deadline": None, "database": None, "derandomize": False,
           "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.function_scoped_fixture]}
settings.register_profile("ci", max_examples=300, **_COMMON)
settings.register_profile("nightly", max_examples=10_000, **_COMMON)
RENDER_EXAMPLES = {"ci": 20, "nightly": 500}.get(PROFILE, 20)
SEEDS = (FIXTURES / "mini", ROOT / "tests" / "xss" / "seed")
# Problems that concern a whole file, where no line can be named.
FILE_LEVEL = {"file-empty", "file-too-large", "ignored-file", "yaml-syntax"}
YAML_BITS = [": ", "- ", "  ", "\t", "&a ", "*a", "<<: *a", "!!python/object:os.system ",
             "!!binary ", "{", "}", "[", "]", "|", ">-", "'", '"', "#", "---", "...",
             "%YAML 1.1", "? ", "@", "`", "\\", "\ufeff", "\r", "\x00", "\x0c", "~", "null",
             "2023-02-30", "1e309", "0x1F", "Да", "<script>alert(1)</script>", "](javascript:x)",
             "строка\nвторая", "- пункт\n- пункт"]


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A writable copy of the mini fixture plus a practice: the `content` folder."""
    root = tmp_path_factory.mktemp("fuzz") / "content"
    for seed in SEEDS:
        shutil.copytree(seed, root, dirs_exist_ok=True)
    return root


def _files(root: Path) -> list[Path]:
    return [path for _kind, path in content_files(root)]


def _lines_in(path: Path) -> int:
    return len(path.read_bytes().split(b"\n")) + 1


def _assert_well_formed(problems: list[Problem], root: Path) -> None:
    for prob in problems:
        assert prob.code in CODES, prob
        assert prob.path.startswith("content/"), prob
        assert prob.severity in ("error", "warning"), prob
        head = prob.format().split("\n    ")[0]
        assert all(ch.isprintable() or unicodedata.category(ch) == "Zs" for ch in head), head
        if prob.line is None:
            assert prob.code in FILE_LEVEL, prob
        else:
            file = root.parent / prob.path
            assert 1 <= prob.line <= (_lines_in(file) if file.is_file() else 10**6), prob


# --- mutations of a file's text ---------------------------------------------------------------

def _delete_line(data: st.DataObject, lines: list[str]) -> None:
    if lines:
        del lines[data.draw(st.integers(0, len(lines) - 1))]


def _duplicate_line(data: st.DataObject, lines: list[str]) -> None:
    if lines:
        i = data.draw(st.integers(0, len(lines) - 1))
        lines.insert(i, lines[i])


def _swap_chars(data: st.DataObject, lines: list[str]) -> None:
    i = data.draw(st.integers(0, max(len(lines) - 1, 0)))
    if lines and len(lines[i]) > 1:
        j = data.draw(st.integers(0, len(lines[i]) - 2))
        lines[i] = lines[i][:j] + lines[i][j + 1] + lines[i][j] + lines[i][j + 2:]


def _reindent(data: st.DataObject, lines: list[str]) -> None:
    if lines:
        i = data.draw(st.integers(0, len(lines) - 1))
        delta = data.draw(st.integers(-4, 4))
        lines[i] = " " * max(0, delta) + lines[i][max(0, -delta):]


def _insert(data: st.DataObject, lines: list[str]) -> None:
    bit = data.draw(st.sampled_from(YAML_BITS) | st.text(max_size=12))
    i = data.draw(st.integers(0, len(lines)))
    if i == len(lines) or data.draw(st.booleans()):
        lines.insert(i, bit)
    else:
        j = data.draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:j] + bit + lines[i][j:]


def _replace_value(data: st.DataObject, lines: list[str]) -> None:
    keyed = [i for i, ln in enumerate(lines) if ": " in ln]
    if keyed:
        i = data.draw(st.sampled_from(keyed))
        lines[i] = lines[i].split(": ", 1)[0] + ": " + data.draw(st.text(max_size=30))


MUTATIONS: list[Callable[[st.DataObject, list[str]], None]] = [
    _delete_line, _duplicate_line, _swap_chars, _reindent, _insert, _replace_value]


def _encode(data: st.DataObject, text: str) -> bytes:
    encoding = data.draw(st.sampled_from(["utf-8"] * 6 + ["utf-8-sig", "cp1251", "utf-16"]))
    raw = text.encode(encoding, "replace")
    if data.draw(st.integers(0, 9)) == 0:
        cut = data.draw(st.integers(0, len(raw)))
        raw = raw[:cut] + data.draw(st.binary(max_size=8)) + raw[cut:]
    return raw


@settings(settings.get_profile(PROFILE))
@given(data=st.data())
def test_mutated_files_never_crash_check(tree: Path, data: st.DataObject) -> None:
    """Any damage to a valid file gives coded, located problems, never an exception."""
    path = data.draw(st.sampled_from(_files(tree)), label="file")
    original = path.read_bytes()
    lines = original.decode("utf-8").split("\n")
    for _ in range(data.draw(st.integers(1, 4))):
        data.draw(st.sampled_from(MUTATIONS))(data, lines)
    try:
        path.write_bytes(_encode(data, "\n".join(lines)))
        _assert_well_formed(load_catalogue(tree).problems, tree)
    finally:
        path.write_bytes(original)


@settings(settings.get_profile(PROFILE))
@given(data=st.data(), name=st.text(min_size=1, max_size=20), body=st.binary(max_size=300))
def test_new_files_with_any_name_and_bytes(tree: Path, data: st.DataObject, name: str,
                                           body: bytes) -> None:
    """A new file — any name, any bytes, in any folder — is reported, never a crash."""
    folder = data.draw(st.sampled_from([*(k.folder for k in KINDS.values()), "junk"]))
    suffix = data.draw(st.sampled_from([".yml", ".md", ".YML", ".txt", ""]))
    safe = "".join(ch for ch in name if ch not in "/\x00") or "x"
    path = tree / folder / f"{safe}{suffix}"
    if path.exists() or len(os.fsencode(path.name)) > 200:
        return
    path.parent.mkdir(exist_ok=True)
    try:
        path.write_bytes(body)
        _assert_well_formed(load_catalogue(tree).problems, tree)
    finally:
        path.unlink()
        if folder == "junk":
            path.parent.rmdir()


# --- random but valid catalogues are rendered -------------------------------------------------

@pytest.fixture(scope="module")
def cached_env() -> Iterator[None]:
    """Compile the templates once for all examples (render_site builds a new env)."""
    original = render.make_env
    render.make_env = functools.cache(original)
    yield
    render.make_env = original


def _texts(draw: st.DrawFn) -> str:
    return draw(st.text(min_size=1, max_size=40) | st.sampled_from(YAML_BITS))


@settings(settings.get_profile(PROFILE), max_examples=RENDER_EXAMPLES)
@given(data=st.data())
def test_random_valid_content_renders(tree: Path, cached_env: None,
                                      data: st.DataObject) -> None:
    """Random text in every field the model accepts: the site still renders."""
    path = data.draw(st.sampled_from([p for p in _files(tree) if p.suffix == ".yml"]))
    kind = next(k for k, p in content_files(tree) if p == path)
    original = path.read_bytes()
    record = yaml.safe_load(original)
    for loc, _value in list(iter_strings(record)):
        if data.draw(st.booleans()):
            _set_if_valid(record, loc, data.draw(st.composite(_texts)()), kind)
    try:
        path.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
        cat = load_catalogue(tree)
        _assert_well_formed(cat.problems, tree)
        event("valid catalogue" if not cat.errors else "catalogue with errors")
        if not cat.errors:
            render.render_site(cat, ROOT / "templates")
    finally:
        path.write_bytes(original)


def _set_if_valid(record: dict, loc: tuple, value: str, kind: str) -> None:
    target = record
    for part in loc[:-1]:
        target = target[part]
    before = target[loc[-1]]
    target[loc[-1]] = value
    try:
        KINDS[kind].model.model_validate(yaml.safe_load(yaml.safe_dump(record)))
    except ValidationError:
        target[loc[-1]] = before
