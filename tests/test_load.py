"""The loader keeps text verbatim, locates every value and refuses unsafe YAML."""

from __future__ import annotations

from pathlib import Path

import pytest

from shnor_site.load import ContentError, load_file


def _write(tmp_path: Path, text: str | bytes, name: str = "x.yml") -> Path:
    folder = tmp_path / "content" / "schools"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def _load(tmp_path: Path, text: str | bytes, name: str = "x.yml"):
    return load_file(_write(tmp_path, text, name), tmp_path / "content")


def test_plain_scalars_stay_strings(tmp_path: Path) -> None:
    src = _load(tmp_path, "number: 1.\nvalue: Да\nyear: 2022\nempty:\nok: yes\n")
    assert src.data == {"number": "1.", "value": "Да", "year": "2022", "empty": None, "ok": "yes"}


def test_every_value_has_its_line(tmp_path: Path) -> None:
    src = _load(tmp_path, "id: a\nitems:\n  - n: 1\n    text: |\n      много\n  - n: 2\n")
    assert src.lines[("id",)] == 1
    assert src.lines[("items", 0, "n")] == 3
    assert src.lines[("items", 0, "text")] == 4
    assert src.lines[("items", 1)] == 6
    assert src.line_of(("items", 1, "missing")) == 6
    assert src.rel == "content/schools/x.yml"


def test_bom_is_accepted(tmp_path: Path) -> None:
    assert _load(tmp_path, "\ufeffid: a\n").data == {"id": "a"}


@pytest.mark.parametrize(("text", "code", "line"), [
    ("a: &x [1]\nb: *x\n", "yaml-alias", 2),
    ("id: a\nname: Школа: с двоеточием\n", "yaml-syntax", 2),
    ("- a\n- b\n", "yaml-not-mapping", 1),
    ("   \n", "file-empty", None),
    ("id: 'незакрытая\n", "yaml-syntax", 2),
])
def test_bad_files_get_a_located_problem(tmp_path: Path, text: str, code: str,
                                         line: int | None) -> None:
    with pytest.raises(ContentError) as err:
        _load(tmp_path, text)
    assert err.value.problem.code == code
    assert err.value.problem.line == line


def test_cp1251_is_named(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as err:
        _load(tmp_path, "id: a\nname: Школа № 1\n".encode("cp1251"))
    assert err.value.problem.code == "file-encoding"
    assert err.value.problem.line == 2
    assert "1251" in err.value.problem.message


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]"
              for i in range(8)]
    with pytest.raises(ContentError) as err:
        _load(tmp_path, "\n".join(lines) + "\n")
    assert err.value.problem.code == "yaml-alias"


def test_front_matter_lines_count_from_file_top(tmp_path: Path) -> None:
    src = _load(tmp_path, "---\nid: p\ntitle: Т\n---\n\n## Проблема\n", "p.md")
    assert src.data == {"id": "p", "title": "Т"}
    assert src.lines[("title",)] == 3
    assert src.body == "## Проблема"
    assert src.body_line == 5


def test_front_matter_missing(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as err:
        _load(tmp_path, "id: p\n", "p.md")
    assert err.value.problem.code == "front-matter"
