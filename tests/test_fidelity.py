"""Fidelity of the published programmes to their original documents (issue 3).

Each original text in content/sources/ is parsed on its own, with a few rules per
document, into roadmap event rows, indicators with their values, named schools
and school pairs. The test then checks that all of them are in the programme's
YAML and on its built page, that the counts are those of the issue, and that each
programme page links its original document. Nothing is read from our YAML to
decide what the original says.

Texts are compared after `norm`: HTML tags, bullets, Markdown list markers and
emphasis are dropped and whitespace is collapsed. The `corrections` a programme
lists openly are applied to the original's text first.
"""

from __future__ import annotations

import difflib
import functools
import html
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from shnor_site.content.load import parse_yaml

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

# Acceptance numbers of issue 3 (event rows, numbered or not) and of the seeds' README.
EXPECTED_EVENTS = {"seversk-2022": 23, "kargasok-2020": 32, "tula-2024": 67,
                   "norilsk-2021": 39, "sosva-2022": 16}
EXPECTED_SCHOOLS = {"seversk-2022": 7, "kargasok-2020": 12, "tula-2024": 2,
                    "norilsk-2021": 0, "sosva-2022": 0}
PROGRAMMES = list(EXPECTED_EVENTS)


# --------------------------------------------------------------------------- text


_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_BULLET = re.compile(r"[✓•·▪¶]")
_GLUED_DASH = re.compile(r"(?<!\S)-(?=\w)")
_LIST_MARK = re.compile(r"(?<!\S)(?:[-–—+]|\d+[.)])(?=\s)")


def norm(text: str | None) -> str:
    """Text for comparison: no tags, bullets, list markers or emphasis; single spaces."""
    text = html.unescape(_TAG.sub(" ", text or "")).replace("*", "")
    text = _GLUED_DASH.sub("", _BULLET.sub(" ", text))
    return " ".join(_LIST_MARK.sub(" ", f" {text} ").split())


def corrected(text: str, fixes: list[tuple[str, str]]) -> str:
    """Normalised original text with the programme's listed corrections applied."""
    text = norm(text)
    for old, new in fixes:
        text = text.replace(old, new)
    return text


def closest(needle: str, haystack: list[str]) -> str:
    """The most similar text, to show next to a missing row."""
    found = difflib.get_close_matches(needle, haystack, n=1, cutoff=0.4)
    return f"«{found[0][:150]}»" if found else "nothing similar"


def _find(lines: list[str], needle: str, start: int = 0) -> int:
    """Index of the first line from `start` that contains `needle`."""
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i
    raise AssertionError(f"the original no longer contains {needle!r} after line {start + 1}")


# ------------------------------------------------------------- original documents


@dataclass
class SourceEvent:
    """A roadmap row of the original: number as written ("" if none) and title."""

    line: int
    number: str
    title: str


@dataclass
class SourceIndicator:
    """An indicator of the original with the values it gives."""

    line: int
    number: str
    name: str
    values: tuple[str, ...] = ()


@dataclass
class SourceSchool:
    """A school the original names, with its head when given."""

    line: int
    name: str
    director: str | None = None


@dataclass
class Row:
    """A tab-separated table row of the original (kind: event, header, continuation)."""

    line: int
    cells: list[str]
    kind: str = ""


_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?$")
_SEPARATOR = re.compile(r"^[-\t ]+$")
_ORPHAN_P = re.compile(r"^<p>([^<]*)</p>\s*(?=<p>)")
_VALUE = re.compile(r"^(?:\d+(?:,\d+)?\s?%|\d+\s?шт\.|Да)$")


def _row_kind(row: Row, after_break: bool) -> str:
    """Event, section/task header, or the rest of a row split by a page break."""
    first, rest = row.cells[0], [c for c in row.cells[1:] if c]
    if _NUMBER.match(first):
        single_level = "." not in first.rstrip(".")
        return "header" if single_level and not any(row.cells[2:]) else "event"
    if first and not rest:
        return "header"
    if after_break:
        return "continuation"
    if not first:
        return "event"
    raise AssertionError(f"line {row.line}: unexpected table row {row.cells!r}")


def _continue_row(rows: list[Row], row: Row) -> None:
    """Append a continuation's cells, column by column, to the row it continues."""
    assert rows, f"line {row.line}: a continuation row with nothing before it"
    prev = rows[-1]
    cells = row.cells[1:] if not row.cells[0] else row.cells
    for i, cell in enumerate(cells, start=1):
        if i < len(prev.cells):
            prev.cells[i] = f"{prev.cells[i]} {cell}".strip()
        else:
            prev.cells.append(cell)


def _carry_over(prev: Row, row: Row) -> None:
    """After a page break, a leading lower-case <p> of a cell ends the previous row."""
    for i, cell in enumerate(row.cells[1:], start=1):
        m = _ORPHAN_P.match(cell)
        if m and m.group(1)[:1].islower() and i < len(prev.cells):
            prev.cells[i] = f"{prev.cells[i]} {m.group(1)}"
            row.cells[i] = cell[m.end():]


def tab_rows(lines: list[str], start: int, stop: int) -> list[Row]:
    """Rows of a tab-separated table; rows split by a page break are joined again.

    A blank or dashed line is a page break. After it, a row that does not start
    with a number (and is not a one-cell header) continues the row before it; a
    row without a number that follows a row directly is an unnumbered event.
    """
    rows: list[Row] = []
    after_break = False
    for no, line in enumerate(lines[start:stop], start + 1):
        if not line.strip() or _SEPARATOR.match(line):
            after_break = True
            continue
        row = Row(no, [c.strip() for c in line.split("\t")] + [""])
        row.kind = _row_kind(row, after_break)
        if row.kind == "continuation":
            _continue_row(rows, row)
        else:
            if after_break and row.kind == "event" and rows and rows[-1].kind == "event":
                _carry_over(rows[-1], row)
            rows.append(row)
        after_break = False
    return rows


def tab_events(lines: list[str], header: str, stop_at: str | None = None) -> list[SourceEvent]:
    """Event rows of the table whose column header line contains `header`."""
    start = _find(lines, header) + 1
    stop = _find(lines, stop_at, start) if stop_at else len(lines)
    return [SourceEvent(r.line, r.cells[0], r.cells[1])
            for r in tab_rows(lines, start, stop) if r.kind == "event"]


def cell_blocks(lines: list[str], start: int, stop: int) -> Iterator[tuple[int, list[str]]]:
    """Sosva's records: blank-line separated; a line opening with a tab starts a cell."""
    cells: list[str] = []
    first = 0
    for no, line in enumerate(lines[start:stop], start + 1):
        if not line.strip():
            if cells:
                yield first, cells
            cells = []
        elif line.startswith("\t") or not cells:
            first = first if cells else no
            cells.append(line.strip())
        else:
            cells[-1] = f"{cells[-1]} {line.strip()}"
    if cells:
        yield first, cells


def sosva_events(lines: list[str]) -> list[SourceEvent]:
    """Sosva: records after the bookmark6 table header whose first cell is a number."""
    start = _find(lines, "[bookmark: bookmark6]")
    return [SourceEvent(no, cells[0], cells[1])
            for no, cells in cell_blocks(lines, start, len(lines)) if _NUMBER.match(cells[0])]


EVENT_RULES: dict[str, Callable[[list[str]], list[SourceEvent]]] = {
    "seversk-2022": lambda lines: tab_events(lines, "№ п/п\tМероприятия"),
    "kargasok-2020": lambda lines: tab_events(lines, "№\tМероприятия"),
    "tula-2024": lambda lines: tab_events(lines, "№ п/п\tМероприятия", "Приложение № 2"),
    "norilsk-2021": lambda lines: tab_events(lines, "№ п/п\tПеречень мероприятий"),
    "sosva-2022": sosva_events,
}


def _inline_values(text: str) -> tuple[str, ...]:
    """Values written inside a criterion: «(с 34,6 до 34,8)», «(100%)»."""
    ranges = re.findall(r"с (\d+(?:,\d+)?) до (\d+(?:,\d+)?)", text)
    return tuple([v for pair in ranges for v in pair]
                 + re.findall(r"\((\d+(?:,\d+)?\s?%)\)", text))


def numbered_indicators(lines: list[str], heading: str, stop_at: str) -> list[SourceIndicator]:
    """Numbered lines «1. …» between a heading and the next block (Seversk, Kargasok)."""
    start = _find(lines, heading) + 1
    out = []
    for no, line in enumerate(lines[start:_find(lines, stop_at, start)], start + 1):
        m = re.match(r"^(\d+\.)\s+(.+)$", line.strip())
        if m:
            out.append(SourceIndicator(no, m[1], m[2], _inline_values(m[2])))
    return out


def value_rows(lines: list[str], start: int, stop: int) -> list[SourceIndicator]:
    """Norilsk: «name⇥value» rows; a value-less row after a page break continues a name."""
    out: list[SourceIndicator] = []
    after_break = False
    for no, line in enumerate(lines[start:stop], start + 1):
        cells = [norm(c) for c in line.split("\t") if norm(c)]
        if not cells or "\t" not in line:
            after_break = after_break or not cells
            continue
        if _VALUE.match(cells[-1]):
            out.append(SourceIndicator(no, "", " ".join(cells[:-1]), (cells[-1],)))
        elif after_break and out:
            out[-1].name = f"{out[-1].name} {' '.join(cells)}"
        else:
            raise AssertionError(f"line {no}: indicator row without a value: {line!r}")
        after_break = False
    return out


def norilsk_indicators(lines: list[str]) -> list[SourceIndicator]:
    """Norilsk: the passport's indicator rows and the monitoring indicators 2.1.1–2.1.4."""
    start = _find(lines, "(показатели и индикаторы)") + 1
    passport = value_rows(lines, start, _find(lines, "Контроль реализации программы", start))
    start = _find(lines, "2.1.1.")
    return passport + value_rows(lines, start, _find(lines, "2.2. Методы", start))


def sosva_indicators(lines: list[str]) -> list[SourceIndicator]:
    """Sosva: the passport's «·» indicators, then the rows of «3. Целевые показатели»."""
    start = _find(lines, "(индикаторы)") + 1
    bullets: list[SourceIndicator] = []
    for no, line in enumerate(lines[start:], start + 1):
        text = line.strip()
        if not text and bullets:
            break
        if text.startswith("·"):
            bullets.append(SourceIndicator(no, "", text[1:]))
        elif text and bullets:
            bullets[-1].name = f"{bullets[-1].name} {text}"
    start = _find(lines, "3. Целевые показатели")
    stop = _find(lines, "[bookmark: bookmark6]", start)
    return bullets + [SourceIndicator(no, c[0], c[1], (c[2],))
                      for no, c in cell_blocks(lines, start + 1, stop) if _NUMBER.match(c[0])]


INDICATOR_RULES: dict[str, Callable[[list[str]], list[SourceIndicator]]] = {
    "seversk-2022": lambda lines: numbered_indicators(
        lines, "Критерии результативности", "Мониторинг результативности"),
    "kargasok-2020": lambda lines: numbered_indicators(
        lines, "Показатели деятельности", "№\tМероприятия"),
    "tula-2024": lambda lines: [],
    "norilsk-2021": norilsk_indicators,
    "sosva-2022": sosva_indicators,
}


def seversk_schools(lines: list[str]) -> list[SourceSchool]:
    """Seversk: «МБОУ «…» (Director)» in item 4 of the order."""
    i = _find(lines, "4. Директорам")
    return [SourceSchool(i + 1, name, head)
            for name, head in re.findall(r"(МБОУ «[^»]+»)\s*\(([^)]+)\)", lines[i])]


def kargasok_schools(lines: list[str]) -> list[SourceSchool]:
    """Kargasok: the schools listed in roadmap row 10."""
    i = _find(lines, "Согласование и утверждение комплекса мер")
    return [SourceSchool(i + 1, name) for name in re.findall(r"М[БК]ОУ «[^»]+»", lines[i])]


def tula_schools(lines: list[str]) -> list[SourceSchool]:
    """Tula: row 1 of appendix № 2 (the school) and of appendix № 3 (its curator)."""
    out = []
    for appendix in ("Приложение № 2", "Приложение № 3"):
        start = _find(lines, appendix)
        i = next(j for j in range(start, len(lines)) if lines[j].startswith("1\t"))
        name, head = lines[i].split("\t")[1:3]
        out.append(SourceSchool(i + 1, name, head))
    return out


SCHOOL_RULES: dict[str, Callable[[list[str]], list[SourceSchool]]] = {
    "seversk-2022": seversk_schools, "kargasok-2020": kargasok_schools,
    "tula-2024": tula_schools, "norilsk-2021": lambda lines: [],
    "sosva-2022": lambda lines: [],
}


@functools.cache
def source_lines(pid: str) -> list[str]:
    """Lines of the original document of a programme."""
    return (CONTENT / "sources" / f"{pid}.txt").read_text(encoding="utf-8").splitlines()


@functools.cache
def programme(pid: str) -> dict[str, Any]:
    """The programme's YAML, read by the project's loader (plain scalars stay strings)."""
    data, _ = parse_yaml((CONTENT / "programmes" / f"{pid}.yml").read_text("utf-8"), pid)
    return data


def fixes(pid: str) -> list[tuple[str, str]]:
    """The programme's listed corrections, normalised."""
    return [(norm(c["original"]), norm(c["corrected"]))
            for c in programme(pid).get("corrections", [])]


def source_events(pid: str) -> list[tuple[int, str, str]]:
    """(line, number, corrected title) of every roadmap row of the original."""
    return [(e.line, e.number, corrected(e.title, fixes(pid)))
            for e in EVENT_RULES[pid](source_lines(pid))]


def source_indicators(pid: str) -> list[tuple[int, str, str, tuple[str, ...]]]:
    """(line, number, corrected name, sorted values) of every indicator of the original."""
    return [(i.line, i.number, corrected(i.name, fixes(pid)),
             tuple(sorted(norm(v) for v in i.values)))
            for i in INDICATOR_RULES[pid](source_lines(pid))]


def _school_for(mention: str, schools: list[SourceSchool]) -> SourceSchool:
    """The named school a short mention («КСОШ –интернат№1») stands for."""
    words = [w.lower() for w in re.findall(r"[А-Яа-яЁё]{5,}", mention) if not w.isupper()]
    found = [s for s in schools if words and all(w in s.name.lower() for w in words)]
    assert len(found) == 1, f"{mention!r} matches {[s.name for s in found]}"
    return found[0]


def source_pairs() -> list[tuple[str, SourceSchool, SourceSchool, str]]:
    """(programme, school, partner or curated school, relation) as the originals say."""
    lines = source_lines("kargasok-2020")
    row = lines[_find(lines, "Создание сети (пар) школ")]
    inner = re.search(r"\(([^()]*;[^()]*)\)", row)
    assert inner, "Kargasok row 25 no longer lists the school pairs in brackets"
    schools = kargasok_schools(lines)
    pairs = [("kargasok-2020", *(_school_for(m, schools) for m in part.split(" и ")),
              "сетевая пара") for part in inner.group(1).split(";")]
    school, curator = tula_schools(source_lines("tula-2024"))
    return [*pairs, ("tula-2024", curator, school, "куратор")]


# ------------------------------------------------------------------- content YAML


def yaml_events(pid: str) -> list[tuple[str, str]]:
    """(number, normalised title) of every event in the programme's roadmap."""
    events: list[dict[str, Any]] = []
    for section in programme(pid)["roadmap"]["sections"]:
        events += section.get("events") or []
        for task in section.get("tasks") or []:
            events += task.get("events") or []
    return [(str(e.get("number") or ""), norm(e["title"])) for e in events]


def yaml_indicators(pid: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(number, normalised name, sorted values) of every indicator of the programme."""
    out = []
    for group in programme(pid).get("indicator_groups") or []:
        for ind in group["indicators"]:
            values = tuple(sorted(norm(ind[k]) for k in ("baseline", "target", "value")
                                  if ind.get(k)))
            out.append((str(ind.get("number") or ""), norm(ind["name"]), values))
    return out


def unmatched(wanted: list[tuple[Any, ...]], have: list[Any],
              same: Callable[[tuple[Any, ...], Any], bool]) -> list[tuple[Any, ...]]:
    """Items of `wanted` (line first) left over when each consumes one match in `have`."""
    free = list(have)
    missing = []
    for item in wanted:
        hit = next((h for h in free if same(item, h)), None)
        if hit is None:
            missing.append(item)
        else:
            free.remove(hit)
    return missing


# -------------------------------------------------------------------- built pages


VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "source", "track", "wbr"}


@dataclass(eq=False)
class Node:
    """An HTML element: tag, attributes, children (elements and text), parent."""

    tag: str
    attrs: dict[str, str | None]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        """All text inside the element."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def has_class(self, name: str) -> bool:
        """Whether the element carries the CSS class."""
        return name in (self.attrs.get("class") or "").split()

    def find_all(self, pred: Callable[[Node], bool]) -> Iterator[Node]:
        """Descendant elements matching pred, in document order."""
        for child in self.children:
            if isinstance(child, Node):
                if pred(child):
                    yield child
                yield from child.find_all(pred)

    def first(self, pred: Callable[[Node], bool]) -> Node | None:
        """The first descendant element matching pred."""
        return next(self.find_all(pred), None)


class _TreeBuilder(HTMLParser):
    """Builds a Node tree; tolerant of unclosed elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID_TAGS:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def cls(name: str, tag: str | None = None) -> Callable[[Node], bool]:
    """Predicate: element with the CSS class (and tag)."""
    return lambda n: n.has_class(name) and (tag is None or n.tag == tag)


def page_content(site: Path, uri: str) -> Node:
    """The main article of a built page, e.g. uri «programmes/tula-2024/»."""
    path = site / uri / "index.html"
    assert path.is_file(), f"page {uri} was not built"
    builder = _TreeBuilder()
    builder.feed(path.read_text(encoding="utf-8"))
    article = builder.root.first(cls("md-content__inner", "article"))
    assert article is not None, f"{uri}: no main article"
    return article


def page_run(site: Path, uri: str) -> list[tuple[str, Node]]:
    """(uri, article) of a page and of the pages its «следующая →» links lead to in turn."""
    out: list[tuple[str, Node]] = []
    while uri and uri not in dict(out):
        article = page_content(site, uri)
        out.append((uri, article))
        nxt = article.first(lambda n: n.tag == "a" and n.attrs.get("rel") == "next")
        uri = resolve(uri + "/", nxt.attrs.get("href")) if nxt else None
    return out


def resolve(page_uri: str, href: str | None) -> str | None:
    """Site path an internal link points to, e.g. «schools/tula-co-48»."""
    if not href or re.match(r"^[a-z]+:|^/|^#", href):
        return None
    path = re.split(r"[#?]", href)[0]
    return posixpath.normpath(posixpath.join(page_uri, path))


def link_targets(node: Node, page_uri: str) -> set[str | None]:
    """Site paths of all links inside an element."""
    return {resolve(page_uri, a.attrs.get("href")) for a in node.find_all(lambda n: n.tag == "a")}


def page_events(article: Node) -> list[tuple[str, str]]:
    """(number, normalised title and more) of every event card on a programme page."""
    out = []
    for card in article.find_all(cls("shnor-event", "article")):
        heading, more = card.first(cls("shnor-event__title")), card.first(cls("shnor-event__more"))
        assert heading is not None, f"event card without a title: {card.attrs}"
        no = card.first(cls("shnor-event__no"))
        number = no.text().strip() if no else ""
        title = heading.text().strip()[len(number):]
        out.append((number, norm(f"{title} {more.text() if more else ''}")))
    return out


def page_indicator_rows(article: Node) -> list[tuple[str, str, str]]:
    """(number, name cell, value cell) of every row of the indicator tables."""
    rows = []
    for table in article.find_all(cls("shnor-indicators", "table")):
        for tr in table.find_all(lambda n: n.tag == "tr"):
            tds = [td for td in tr.children if isinstance(td, Node) and td.tag == "td"]
            if len(tds) >= 3:
                rows.append((tds[0].text().strip(), norm(tds[1].text()), norm(tds[-1].text())))
    return rows


def has_value(cell: str, value: str) -> bool:
    """Whether a value («20%», «34,6», «1 шт.») stands in a cell as a whole number."""
    return re.search(rf"(?<![\d,]){re.escape(value)}(?![\d,])", cell) is not None


@functools.cache
def school_index(site: Path) -> dict[str, str]:
    """Normalised short and full names of the built school pages → their site path."""
    index = {}
    for path in sorted((site / "schools").glob("*/index.html")):
        uri = f"schools/{path.parent.name}"
        article = page_content(site, uri)
        h1 = article.first(lambda n: n.tag == "h1")
        names = [h1.text()] if h1 else []
        names += [dt.parent.text()[len(dt.text()):] for dt in article.find_all(
            lambda n: n.tag == "dt" and n.text().strip() == "Полное наименование")]
        index.update({norm(name): uri for name in names})
    return index


def school_uri(site: Path, school: SourceSchool) -> str:
    """Site path of the page of a school named in an original."""
    uri = school_index(site).get(norm(school.name))
    assert uri, f"line {school.line}: no page under site/schools/ for «{school.name}»"
    return uri


# -------------------------------------------------------------------------- tests


def _row_report(pid: str, missing: list[tuple[Any, ...]], where: str,
                others: list[str]) -> str:
    """A loud message naming every missing row of the original."""
    lines = [f"{pid}: {len(missing)} row(s) of content/sources/{pid}.txt missing {where}:"]
    for line, number, text, *rest in missing:
        extra = f" values {rest[0]}" if rest and rest[0] else ""
        lines.append(f"  line {line}: «{number}» «{text[:150]}»{extra}\n"
                     f"      closest there: {closest(text, others)}")
    return "\n".join(lines)


@pytest.mark.parametrize("pid", PROGRAMMES)
def test_event_rows_counted_in_source_and_content(pid: str) -> None:
    """The rules find as many rows in the original as the issue counts, and so does YAML."""
    found = [(n, t) for _, n, t in source_events(pid)]
    assert len(found) == EXPECTED_EVENTS[pid], f"{pid}: original parsed into {found}"
    assert len(yaml_events(pid)) == EXPECTED_EVENTS[pid], f"{pid}: events in YAML"


def test_event_total_is_177() -> None:
    """All five originals together hold 177 roadmap rows."""
    assert sum(len(source_events(pid)) for pid in PROGRAMMES) == 177


@pytest.mark.parametrize("pid", PROGRAMMES)
def test_every_event_row_is_in_content(pid: str) -> None:
    """Each row's number and title (after listed corrections) are in the programme YAML."""
    have = yaml_events(pid)
    missing = unmatched(source_events(pid), have, lambda s, h: (s[1], s[2]) == h)
    assert not missing, _row_report(pid, missing, f"from content/programmes/{pid}.yml",
                                    [t for _, t in have])


@pytest.mark.parametrize("pid", PROGRAMMES)
def test_every_event_row_is_on_the_page(pid: str, built_site: Path) -> None:
    """Each row's number and title are on an event card of the programme's roadmap pages,
    reached from the first one by its «следующая →» links."""
    pages = page_run(built_site, f"programmes/{pid}/roadmap")
    cards = [card for _, article in pages for card in page_events(article)]
    assert len(cards) == EXPECTED_EVENTS[pid], f"{pid}: {len(cards)} event cards on the pages"
    missing = unmatched(source_events(pid), cards, lambda s, c: s[1] == c[0] and s[2] in c[1])
    assert not missing, _row_report(pid, missing, f"from site/programmes/{pid}/roadmap/",
                                    [t for _, t in cards])


@pytest.mark.parametrize("pid", PROGRAMMES)
def test_every_indicator_and_value_is_in_content(pid: str) -> None:
    """Indicators of the original, with their values, are exactly those of the YAML."""
    wanted, have = source_indicators(pid), yaml_indicators(pid)
    missing = unmatched(wanted, have, lambda s, h: s[1:] == h)
    assert not missing, _row_report(pid, missing, f"from content/programmes/{pid}.yml",
                                    [n for _, n, _ in have])
    assert len(have) == len(wanted), f"{pid}: YAML has indicators the original lacks"


@pytest.mark.parametrize("pid", PROGRAMMES)
def test_every_indicator_value_is_on_the_page(pid: str, built_site: Path) -> None:
    """Each indicator's name is in a table row whose value cell shows its values."""
    if not source_indicators(pid):
        assert not (built_site / f"programmes/{pid}/indicators").exists()
        return
    rows = [row for _, article in page_run(built_site, f"programmes/{pid}/indicators")
            for row in page_indicator_rows(article)]

    def shown(s: tuple[Any, ...], row: tuple[str, str, str]) -> bool:
        return s[1] == row[0] and s[2] in row[1] and all(has_value(row[2], v) for v in s[3])

    missing = unmatched(source_indicators(pid), rows, shown)
    assert not missing, _row_report(pid, missing, f"from site/programmes/{pid}/indicators/",
                                    [r[1] for r in rows])


def test_twenty_one_named_schools() -> None:
    """The originals name 7 + 12 + 2 schools."""
    counts = {pid: len(SCHOOL_RULES[pid](source_lines(pid))) for pid in PROGRAMMES}
    assert counts == EXPECTED_SCHOOLS
    assert sum(counts.values()) == 21


@pytest.mark.parametrize("pid", PROGRAMMES)
def test_named_schools_have_linked_pages(pid: str, built_site: Path) -> None:
    """Every school the original names has a page, linked from the programme page."""
    links = link_targets(page_content(built_site, f"programmes/{pid}"), f"programmes/{pid}/")
    for school in SCHOOL_RULES[pid](source_lines(pid)):
        uri = school_uri(built_site, school)
        assert uri in links, f"{pid}: programme page does not link {uri} («{school.name}»)"
        if school.director:
            text = norm(page_content(built_site, uri).text())
            assert norm(school.director) in text, f"{uri}: head «{school.director}» not shown"


@pytest.mark.parametrize("pair", source_pairs(), ids=["kargasok-pair-1", "kargasok-pair-2",
                                                    "tula-curator"])
def test_school_pairs_on_both_pages(pair: tuple[str, SourceSchool, SourceSchool, str],
                                    built_site: Path) -> None:
    """Each page of a pair links the other school and the programme in one list item."""
    pid, first, second, relation = pair
    uris = [school_uri(built_site, first), school_uri(built_site, second)]
    for here, there in (uris, uris[::-1]):
        items = [li for li in page_content(built_site, here).find_all(lambda n: n.tag == "li")
                 if {there, f"programmes/{pid}"} <= link_targets(li, here + "/")]
        assert items, f"{here}: no item linking {there} and programmes/{pid} ({relation})"
        if relation == "сетевая пара" or here == uris[1]:
            assert any(relation.split()[-1] in li.text() for li in items), \
                f"{here}: the link to {there} does not say «{relation}»"


@pytest.mark.parametrize("pid", PROGRAMMES)
def test_programme_links_its_original(pid: str, built_site: Path) -> None:
    """The page links the «Исходный документ» page (full text) and the .txt download."""
    page = f"programmes/{pid}/"
    article = page_content(built_site, page)
    original = (CONTENT / "sources" / f"{pid}.txt").read_bytes()
    downloads = [resolve(page, a.attrs.get("href")) for a in article.find_all(
        lambda n: n.tag == "a" and "download" in n.attrs)]
    assert any(d and (built_site / d).is_file() and (built_site / d).read_bytes() == original
               for d in downloads), f"{pid}: no download link to the unchanged original"
    assert f"programmes/{pid}/source" in link_targets(article, page), f"{pid}: no source link"
    pres = [article.first(lambda n: n.tag == "pre")
            for _, article in page_run(built_site, f"programmes/{pid}/source")]
    assert all(pres) and "".join(p.text() for p in pres).split() == \
        original.decode("utf-8").split(), \
        f"{pid}: the «Исходный документ» pages do not show the whole original"
