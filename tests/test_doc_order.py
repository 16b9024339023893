"""Each document in its own order, and nothing shown as the document's that it does not say
(issue 15).

Rules per original (content/sources/*.txt) find its headings, its passport rows and its
roadmap's column headings, reading nothing from our YAML. The built pages of the frozen
content copy must show the same sequences; whatever the site adds carries a `shnor-ed…`
class (a visible «от сайта» note or an italic label).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_fidelity import (
    PROGRAMMES,
    Node,
    _find,
    cell_blocks,
    cls,
    norm,
    page_content,
    page_run,
    source_lines,
)

# ----------------------------------------------------------------- the originals

HEADING_RULES: dict[str, list[str]] = {
    "seversk-2022": [r"^Паспорт программы$", r"^Критерии результативности",
                     r"^Мониторинг результативности", r"^\*\*План мероприятий"],
    "norilsk-2021": [r"^Цель:", r"^РАЗДЕЛ \d\.", r"^2\.1\.(\d\.)? ", r"^2\.2\. "],
    "sosva-2022": [r"^\tПаспорт Программы$", r"^1\. Основные цель",
                   r"^\[bookmark: bookmark[45]\]", r"^4\. Дорожная карта"],
    "tula-2024": [r"^Приложение № \d к приказу$", r"^План-график$", r"^Муниципальная школа"],
    "kargasok-2020": [r"^Дорожная карта комплекса", r"^Показатели деятельности"],
}


def _heading_text(lines: list[str], i: int) -> str:
    """A heading line as text: a bold block runs to its closing «**»; «Цель:» is «Цель»."""
    line = re.sub(r"^\[bookmark: \w+\]", "", lines[i].strip()).strip()
    if line.startswith("**"):
        while not line.rstrip().endswith("**") and i + 1 < len(lines):
            i += 1
            line += " " + lines[i].strip()
    return norm(line.split(":")[0] if line.startswith("Цель:") else line)


def source_headings(pid: str) -> list[tuple[int, str]]:
    """(line, heading) of the original, in its order."""
    lines = source_lines(pid)
    rules = [re.compile(r) for r in HEADING_RULES[pid]]
    return [(i + 1, _heading_text(lines, i)) for i, line in enumerate(lines)
            if any(r.search(line) for r in rules)]


def _label(cell: str) -> str:
    """A passport label cell: tags, a trailing colon and spacing dropped."""
    return norm(cell).rstrip(":").strip()


def tab_labels(pid: str, start: str, stop: str, skip: tuple[str, str] | None) -> list[str]:
    """First cells of the tab rows of a passport table (skipping an inner table)."""
    lines = source_lines(pid)
    first, last = _find(lines, start), _find(lines, stop)
    inner = range(0)
    if skip:
        s = _find(lines, skip[0], first)
        inner = range(s + 1, _find(lines, skip[1], s))
    return [_label(line.split("\t")[0]) for i, line in enumerate(lines[first:last], first)
            if "\t" in line and i not in inner and _label(line.split("\t")[0])]


def sosva_labels(pid: str) -> list[str]:
    """Sosva: each record of the passport table begins with its label cell; a label alone
    in its record has its value in the next record."""
    lines = source_lines(pid)
    start, stop = _find(lines, "\tПаспорт Программы"), _find(lines, "1. Основные цель")
    labels, waiting = [], False
    for _, cells in cell_blocks(lines, start + 1, stop):
        if not waiting:
            labels.append(_label(cells[0]))
        waiting = len(cells) == 1 and not waiting
    return labels


def kargasok_labels(pid: str) -> list[str]:
    """Kargasok: «Цель:» and «Задачи:» paragraphs before the indicators."""
    lines = source_lines(pid)
    start, stop = _find(lines, "Дорожная карта комплекса"), _find(lines, "Показатели деятельности")
    return [_label(line.split(":")[0]) for line in lines[start:stop]
            if re.match(r"^[А-Я][а-я]+:", line)]


PASSPORT_RULES: dict[str, Callable[[str], list[str]]] = {
    "seversk-2022": lambda pid: tab_labels(pid, "Паспорт программы", "Критерии", None),
    "norilsk-2021": lambda pid: tab_labels(pid, "РАЗДЕЛ 1.", "РАЗДЕЛ 2.",
                                           ("(показатели и индикаторы)", "Контроль реализации")),
    "sosva-2022": sosva_labels,
    "tula-2024": lambda pid: [],
    "kargasok-2020": kargasok_labels,
}


def sosva_columns(lines: list[str]) -> list[str]:
    """Sosva: the record at bookmark6 holds one column heading per cell."""
    start = _find(lines, "[bookmark: bookmark6]")
    _, cells = next(cell_blocks(lines, start, len(lines)))
    return [norm(re.sub(r"^\[bookmark: \w+\]", "", c)) for c in cells]


def header_row(marker: str) -> Callable[[list[str]], list[str]]:
    """The tab-separated heading row of the roadmap table that contains `marker`."""
    return lambda lines: [norm(c) for c in lines[_find(lines, marker)].split("\t")]


COLUMN_RULES: dict[str, Callable[[list[str]], list[str]]] = {
    "seversk-2022": header_row("№ п/п\tМероприятия"),
    "kargasok-2020": header_row("№\tМероприятия"),
    "tula-2024": header_row("№ п/п\tМероприятия"),
    "norilsk-2021": header_row("№ п/п\tПеречень мероприятий"),
    "sosva-2022": sosva_columns,
}

# ----------------------------------------------------------------- built pages


def editorial(node: Node) -> bool:
    """Whether the element, or one around it, is marked as added by the site."""
    while node is not None:
        if any(c.startswith("shnor-ed") for c in (node.attrs.get("class") or "").split()):
            return True
        node = node.parent
    return False


def outline(article: Node) -> list[tuple[str, Node]]:
    """Headings and heading-like text of an overview in page order: second-level headings,
    text standing before a heading (appendix stamps, section titles) and order stamps."""
    def wanted(n: Node) -> bool:
        return n.tag == "h2" or n.has_class("shnor-preface") or n.has_class("shnor-order__stamp")
    return [(norm(n.text().replace("¶", "")), n) for n in article.find_all(wanted)]


def passport_labels(article: Node) -> list[str]:
    """Row labels of the passport, in page order."""
    box = article.first(cls("shnor-passport"))
    return [_label(dt.text()) for dt in box.find_all(lambda n: n.tag == "dt")] if box else []


def _text_outside_editorial(node: Node) -> str:
    """The element's text without the parts the site marks as its own."""
    if editorial(node):
        return ""
    return "".join(c if isinstance(c, str) else _text_outside_editorial(c)
                   for c in node.children)

# ----------------------------------------------------------------------- tests


@pytest.mark.parametrize("pid", PROGRAMMES)
def test_headings_in_the_documents_order(pid: str, built_site: Path) -> None:
    """Every heading of the original is on the overview, in the original's order, and every
    heading of the overview that is not marked as the site's is one of them."""
    items = outline(page_content(built_site, f"programmes/{pid}"))
    at, used = 0, set()
    for line, heading in source_headings(pid):
        found = next((i for i in range(at, len(items)) if heading in items[i][0]), None)
        assert found is not None, (
            f"{pid}: heading of line {line} «{heading[:80]}» is not on the overview after "
            f"«{items[at - 1][0][:60] if at else 'the start'}»; page order: "
            + " | ".join(t[:40] for t, _ in items))
        at = found
        used.add(found)
    for i, (text, node) in enumerate(items):
        if node.tag == "h2" and not editorial(node):
            assert i in used, f"{pid}: heading «{text[:80]}» is neither the document's nor marked"


def test_heading_rules_find_every_part() -> None:
    """The rules find the parts the originals have (counted by hand)."""
    counts = {pid: len(source_headings(pid)) for pid in PROGRAMMES}
    assert counts == {"seversk-2022": 4, "norilsk-2021": 11, "sosva-2022": 5,
                      "tula-2024": 6, "kargasok-2020": 2}


@pytest.mark.parametrize("pid", PROGRAMMES)
def test_passport_rows_in_the_documents_order(pid: str, built_site: Path) -> None:
    """The passport shows the original's rows with its labels, in its order."""
    want = PASSPORT_RULES[pid](pid)
    have = passport_labels(page_content(built_site, f"programmes/{pid}"))
    assert have == want, f"{pid}: passport rows\n site:     {have}\n document: {want}"


@pytest.mark.parametrize("pid", PROGRAMMES)
def test_roadmap_columns_in_the_documents_order(pid: str, built_site: Path) -> None:
    """The roadmap names the original's columns in its order, and every card labels its
    fields with those headings, in that order; the site's own rows are marked."""
    want = COLUMN_RULES[pid](source_lines(pid))
    pages = page_run(built_site, f"programmes/{pid}/roadmap")
    listed = pages[0][1].first(cls("shnor-doc-columns__list"))
    assert listed is not None, f"{pid}: the roadmap does not list the document's columns"
    assert [norm(li.text()) for li in listed.find_all(lambda n: n.tag == "li")] == want
    for _, article in pages:
        for card in article.find_all(cls("shnor-event", "article")):
            labels = [norm(dt.text()) for dt in card.find_all(lambda n: n.tag == "dt")
                      if not editorial(dt)]
            positions = [want.index(label) for label in labels if label in want]
            assert len(positions) == len(labels) and positions == sorted(positions), \
                f"{pid} {card.attrs.get('id')}: card labels {labels}, document {want}"


def test_monitoring_items_keep_their_punctuation(built_site: Path) -> None:
    """Seversk's monitoring items are on the page as written, final full stop included."""
    lines = source_lines("seversk-2022")
    start = _find(lines, "Мониторинг результативности")
    items = [norm(line) for line in lines[start:_find(lines, "**План", start)]
             if re.match(r"^\d+\. ", line)]
    text = norm(page_content(built_site, "programmes/seversk-2022").text())
    assert len(items) == 6
    missing = [item for item in items if item not in text]
    assert not missing, f"monitoring items not verbatim: {missing}"


@pytest.mark.parametrize("pid", PROGRAMMES)
def test_no_approval_claimed_without_an_approving_document(pid: str, built_site: Path) -> None:
    """«Утвердил» only when the original has an approving order or stamp."""
    approving = re.search(r"ПРИКАЗ|УТВЕРЖДА|УТВЕРЖДЕНО|Приложение № \d к приказу",
                          "\n".join(source_lines(pid)))
    text = page_content(built_site, f"programmes/{pid}").text()
    assert bool(approving) or "Утвердил" not in text, f"{pid}: «Утвердил» without an order"


@pytest.mark.parametrize("pid", PROGRAMMES)
def test_indicator_labels_are_the_documents_or_marked(pid: str, built_site: Path) -> None:
    """Column headings and value labels of indicator tables are the original's words, or
    marked as the site's."""
    source = norm("\n".join(source_lines(pid))).lower()
    uri = f"programmes/{pid}/indicators"
    if not (built_site / uri).is_dir():
        return
    for _, article in page_run(built_site, uri):
        for th in article.find_all(lambda n: n.tag == "th"):
            assert editorial(th) or norm(th.text()).lower() in source, \
                f"{pid}: column «{th.text()}» is not in the document and not marked"
        for table in article.find_all(cls("shnor-indicators", "table")):
            plain = _text_outside_editorial(table).lower()
            for word in ("целевое", "исходное"):
                assert word not in plain or word in source, \
                    f"{pid}: «{word}» labels a value but the document never says so"
