"""Hostile YAML: alias bombs, huge and deep files, foreign encodings, Python tags."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from shnor_site.content.load import MAX_BYTES, ContentError, load_file
from shnor_site.content.validate import load_catalogue


def _write(tmp_path: Path, data: str | bytes, name: str = "x.yml") -> Path:
    path = tmp_path / "content" / "schools" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _refused(tmp_path: Path, data: str | bytes, name: str = "x.yml") -> tuple[str, float]:
    path = _write(tmp_path, data, name)
    start = time.perf_counter()
    with pytest.raises(ContentError) as err:
        load_file(path, tmp_path / "content")
    return err.value.problem.code, time.perf_counter() - start


def _laughs(levels: int, indent: str = "") -> str:
    lines = [f'{indent}l0: &l0 ["ха", "ха", "ха", "ха", "ха", "ха", "ха", "ха", "ха", "ха"]']
    lines += [f"{indent}l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("text", "name"), [
    ("id: a\n" + _laughs(10), "x.yml"),  # 10^10 strings once expanded
    ("id: a\nnested:\n" + _laughs(12, "  "), "x.yml"),
    ("base: &b {a: 1}\nother:\n  <<: *b\n", "x.yml"),
    ("---\nid: p\n" + _laughs(10) + "---\n\n## Проблема\n", "p.md"),
    ("a: &a [x]\nb: [" + ", ".join(["*a"] * 100_000) + "]\n", "x.yml"),
])
def test_alias_bombs_are_refused_within_a_second(tmp_path: Path, text: str, name: str) -> None:
    code, seconds = _refused(tmp_path, text, name)
    assert code == "yaml-alias"
    assert seconds < 1.0


def test_a_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = _write(tmp_path, b"")
    with path.open("r+b") as out:
        out.truncate(8 * 1024**3)  # sparse: 8 GB announced, nothing on disk
    start = time.perf_counter()
    with pytest.raises(ContentError) as err:
        load_file(path, tmp_path / "content")
    assert err.value.problem.code == "file-too-large"
    assert time.perf_counter() - start < 1.0


def test_the_size_limit_is_inclusive(tmp_path: Path) -> None:
    head = "id: a\ntext: "
    ok = head + "я" * ((MAX_BYTES - len(head.encode()) - 1) // 2) + "\n"
    assert len(ok.encode()) <= MAX_BYTES
    assert load_file(_write(tmp_path, ok), tmp_path / "content").data["id"] == "a"
    code, _ = _refused(tmp_path, ok + "x" * (MAX_BYTES - len(ok.encode()) + 1))
    assert code == "file-too-large"


@pytest.mark.parametrize("name", ["x.yml", "p.md"])
def test_cp1251_is_detected_with_its_line(tmp_path: Path, name: str) -> None:
    yml = name.endswith(".yml")
    text = "id: a\nname: Школа № 1\n" if yml else "---\nid: a\ntitle: Школа\n---\n"
    path = _write(tmp_path, text.encode("cp1251"), name)
    with pytest.raises(ContentError) as err:
        load_file(path, tmp_path / "content")
    prob = err.value.problem
    assert (prob.code, prob.line) == ("file-encoding", 2 if yml else 3)
    assert "1251" in prob.message


def test_utf16_is_an_encoding_problem_not_a_crash(tmp_path: Path) -> None:
    code, _ = _refused(tmp_path, "id: a\nname: Школа\n".encode("utf-16"))
    assert code == "file-encoding"


@pytest.mark.parametrize("name", ["x.yml", "p.md"])
def test_bom_and_windows_line_ends_are_accepted(tmp_path: Path, name: str) -> None:
    text = "id: a\r\nname: Школа\r\n" if name.endswith(".yml") else \
        "---\r\nid: a\r\nname: Школа\r\n---\r\n\r\n## Проблема\r\n"
    path = _write(tmp_path, b"\xef\xbb\xbf" + text.encode(), name)
    src = load_file(path, tmp_path / "content")
    assert src.data == {"id": "a", "name": "Школа"}
    assert src.line_of(("name",)) == (2 if name.endswith(".yml") else 3)


@pytest.mark.parametrize("tag", [
    '!!python/object/apply:os.system ["touch {marker}"]',
    "!!python/name:os.system",
    '!!python/object/new:subprocess.Popen [["touch", "{marker}"]]',
])
def test_python_tags_never_run(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "pwned"
    code, _ = _refused(tmp_path, f"id: a\nname: {tag.format(marker=marker)}\n")
    assert code == "yaml-syntax"
    assert not marker.exists()


def test_very_deep_nesting_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    _write(tmp_path, "id: x\nname: " + "[" * 20_000 + "]" * 20_000 + "\n")
    _write(tmp_path, "id: y\nname: " + "{a: " * 900 + "b" + "}" * 900 + "\n", "y.yml")
    start = time.perf_counter()
    cat = load_catalogue(tmp_path / "content")
    codes = {(p.path.rsplit("/", 1)[-1], p.code) for p in cat.errors}
    assert ("x.yml", "yaml-syntax") in codes
    assert ("y.yml", "wrong-type") in codes
    assert time.perf_counter() - start < 5.0


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x0c", "\x1b", "\ufffe"])
def test_control_characters_are_a_located_syntax_problem(tmp_path: Path, char: str) -> None:
    path = _write(tmp_path, f"id: a\nname: Шк{char}ола\n")
    with pytest.raises(ContentError) as err:
        load_file(path, tmp_path / "content")
    assert (err.value.problem.code, err.value.problem.line) == ("yaml-syntax", 2)
    assert f"U+{ord(char):04X}" in err.value.problem.message


@pytest.mark.parametrize("text", ["id: a\n? id: a\n", "id: a\n? [x, y]\n: 1\n",
                                  "id: a\n? {k: v}\n: 1\n"])
def test_composite_keys_are_a_located_problem(tmp_path: Path, text: str) -> None:
    """Found by tests/test_fuzz.py: a list or mapping as a field name crashed the loader."""
    path = _write(tmp_path, text)
    with pytest.raises(ContentError) as err:
        load_file(path, tmp_path / "content")
    assert (err.value.problem.code, err.value.problem.line) == ("yaml-syntax", 2)
