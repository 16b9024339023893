"""The loader keeps text verbatim, locates every value and refuses unsafe YAML."""

from __future__ import annotations

from pathlib import Path

import pytest

from shnor_site.content.load import ContentError, load_file
from tests.helpers import ROOT, SITE_CONTENT


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


def _yaml_texts() -> list[tuple[str, str, int]]:
    """(name, YAML text, line offset) of every content file of the repository and of the
    1 % synthetic corpus (front matter of Markdown files included)."""
    import tempfile

    from benchmarks import synth

    roots = [SITE_CONTENT, ROOT / "tests" / "fixtures"]
    tmp = Path(tempfile.mkdtemp())
    synth.generate(tmp / "content", 1, seed=5)
    roots.append(tmp / "content")
    out = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix not in (".yml", ".yaml", ".md"):
                continue
            text = path.read_bytes().decode("utf-8", "replace")
            if path.suffix == ".md":
                parts = text.split("\n")
                if parts[0].strip() != "---" or "---" not in [p.strip() for p in parts[1:]]:
                    continue
                end = next(i for i in range(1, len(parts)) if parts[i].strip() == "---")
                out.append((str(path), "\n".join(parts[1:end]), 1))
            else:
                out.append((str(path), text, 0))
    return out


def test_fast_parse_equals_the_exact_one() -> None:
    """libyaml plus the one-pass conversion gives the same values and lines as PyYAML's
    pure-Python parser, on every content file (or steps aside for it)."""
    from shnor_site.content.load import _parse_fast, parse_exact

    compared = 0
    for name, text, offset in _yaml_texts():
        try:
            exact = parse_exact(text, name, offset)
        except ContentError:
            assert _parse_fast(text, offset) is None, name
            continue
        fast = _parse_fast(text, offset)
        if fast is not None:
            compared += 1
            assert fast == exact, name
    assert compared > 250
