"""`order:` and `passport.order:` lists: the parts of a programme in its document's order,
checked with coded problems that name the file, line and field (issue 15)."""

from __future__ import annotations

import shutil
from pathlib import Path

from shnor_site.content.validate import load_catalogue
from shnor_site.core import docorder
from tests.helpers import FIXTURES

PROGRAMME = "programmes/testgrad-2023.yml"


def _mini_with(tmp_path: Path, extra: str, passport_order: str = "") -> Path:
    """The mini fixture with lines appended to its programme (and its passport)."""
    root = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", root)
    path = root / PROGRAMME
    text = path.read_text(encoding="utf-8")
    if passport_order:
        text = text.replace("passport:\n", f"passport:\n  order: [{passport_order}]\n", 1)
    path.write_text(text + extra, encoding="utf-8")
    return root


def _problems(root: Path) -> list[tuple[int | None, str, str]]:
    cat = load_catalogue(root)
    return [(p.line, p.code, p.field) for p in cat.problems]


def test_default_order_without_lists() -> None:
    """Without lists: order, passport, indicator groups, texts, schools, plan; monitoring
    inside the passport."""
    cat = load_catalogue(FIXTURES / "mini")
    blocks, rows, problems = docorder.resolve(cat.records["programme"]["testgrad-2023"])
    assert problems == []
    assert [b.token for b in blocks] == ["approval", "passport", "indicators-1", "text-1",
                                         "schools", "roadmap"]
    assert [r.token for r in rows] == ["goal", "tasks", "monitoring"]


def test_a_written_order_is_kept(tmp_path: Path) -> None:
    """Blocks come in the written order; an indicator group may stand inside the passport."""
    root = _mini_with(tmp_path, "order: [text-1, approval, roadmap, passport, schools]\n",
                      "monitoring, indicators-1, goal, tasks")
    cat = load_catalogue(root)
    assert cat.problems == []
    blocks, rows, _ = docorder.resolve(cat.records["programme"]["testgrad-2023"])
    assert [b.token for b in blocks] == ["text-1", "approval", "roadmap", "passport", "schools"]
    assert [r.token for r in rows] == ["monitoring", "indicators-1", "goal", "tasks"]


def test_unknown_duplicate_and_missing_parts_are_reported(tmp_path: Path) -> None:
    """Every wrong item is a problem on its own line; a left-out part is named too."""
    root = _mini_with(tmp_path, "order:\n  - approval\n  - text-2\n  - approval\n"
                      "  - passport\n  - indicators-1\n  - roadmap\n")
    base = len((FIXTURES / "mini" / PROGRAMME).read_text(encoding="utf-8").splitlines())
    got = _problems(root)
    assert (base + 3, "order-unknown", "order[2]") in got
    assert (base + 4, "order-duplicate", "order[3]") in got
    missing = [(code, field) for _, code, field in got if code == "order-missing"]
    assert missing == [("order-missing", "order")] * 2
    cat = load_catalogue(root)
    texts = [p.message for p in cat.problems if p.code == "order-missing"]
    assert sorted(texts) == sorted(["Часть программы не указана в списке порядка: «text-1»",
                                    "Часть программы не указана в списке порядка: «schools»"])


def test_passport_rows_must_all_be_listed(tmp_path: Path) -> None:
    """A hand-written passport order that forgets a row or names an absent one fails."""
    root = _mini_with(tmp_path, "", "goal, Актуальность")
    got = _problems(root)
    codes = sorted(code for _, code, field in got if field.startswith("passport.order"))
    assert codes == ["order-missing", "order-missing", "order-unknown"]


def test_text_needs_a_title(tmp_path: Path) -> None:
    """A text without the document's or the site's title is a located problem."""
    root = _mini_with(tmp_path, "")
    path = root / PROGRAMME
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  - title: Методика выявления школ\n", "  - preface: Приложение 1\n"), encoding="utf-8")
    assert any(code == "bad-value" and field == "texts[1]" for _, code, field in _problems(root))
