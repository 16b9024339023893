"""Timings as written in the documents → date ranges, or an explicit class.

Pure: no MkDocs, no models. The written text is always kept and shown; parsed dates
only add to it. Rules (documented for methodologists in README):

* Month names with years («Октябрь-ноябрь 2022», «Ноябрь 2022 – май 2023»,
  «Май, декабрь 2024 г.», «Май-июнь 2021 Май-июнь 2022») become whole-month ranges.
  A month without its own year takes the next year written after it.
* Months with no year at all take the programme's period. A one-year programme
  (2024–2024) uses that year. A programme over several years is read as school years
  (1 September – 31 August): September–December belong to the first calendar year of
  each school year, January–August to the second. So for a 2022–2023 programme
  «Сентябрь» is September 2022 and «Май» is May 2023; for 2021–2024 the month recurs
  in each of the school years 2021/22, 2022/23 and 2023/24.
* «В течение года» without a year: each school year of the period
  (or the calendar year of a one-year programme). «В течение 2024 г.», «2020-2021»:
  whole calendar years.
* «До 16.06.2020» is a deadline ending that day; «До мая 2021» ends on 30 April 2021.
* Recurring, permanent, on-request and by-schedule timings get no dates, only a class.
* Anything else is «не распознано» — never guessed.
* A qualifier in brackets or after «, далее» is kept as a note, e.g. «(по мере проведения)».
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

KIND_LABELS: dict[str, str] = {
    "dates": "даты",
    "years": "календарные годы",
    "period": "в течение срока программы",
    "deadline": "крайний срок",
    "recurring": "регулярно",
    "continuous": "постоянно",
    "on_request": "по запросу",
    "by_plan": "по отдельному графику или плану",
    "unknown": "срок не распознан",
}
MONTHS_NOM = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
              "сентябрь", "октябрь", "ноябрь", "декабрь")
_MONTH_RE = {
    1: r"январ[ьяе]", 2: r"феврал[ьяе]", 3: r"март[ае]?", 4: r"апрел[ьяе]", 5: r"ма[йяе]",
    6: r"июн[ьяе]", 7: r"июл[ьяе]", 8: r"август[ае]?", 9: r"сентябр[ьяе]",
    10: r"октябр[ьяе]", 11: r"ноябр[ьяе]", 12: r"декабр[ьяе]",
}
_CLASSES = (
    (r"постоянно", "continuous"),
    (r"ежедневно|еженедельно|ежемесячно|ежеквартально|ежегодно"
     r"|\d+ раза? в (неделю|месяц|квартал|полугодие|четверть|год)", "recurring"),
    (r"по запрос(у|ам)\b.*", "on_request"),
    (r"по (отдельному |утвержденному )?(графику|плану)\b.*", "by_plan"),
)
_TOKEN = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}|\d{1,2}|[а-я]+|-|,|\S")


@dataclass(frozen=True)
class Span:
    """Inclusive date range; start is None for a deadline («до …»)."""

    start: dt.date | None
    end: dt.date


@dataclass(frozen=True)
class Timing:
    """A parsed timing: the text as written, its class and date ranges."""

    text: str
    kind: str
    spans: tuple[Span, ...] = ()
    year_assumed: bool = False
    note: str | None = None

    @property
    def label(self) -> str:
        """Russian name of the class."""
        return KIND_LABELS[self.kind]

    @property
    def start(self) -> dt.date | None:
        """Earliest start date, if any range has one."""
        starts = [s.start for s in self.spans if s.start]
        return min(starts) if starts else None

    @property
    def end(self) -> dt.date | None:
        """Latest end date, if dated."""
        return max(s.end for s in self.spans) if self.spans else None


@dataclass
class _Point:
    month: int
    year: int | None = None
    day: int | None = None
    written: bool = False


@functools.lru_cache(maxsize=4096)
def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def normalise(text: str) -> str:
    """Lower case, one kind of dash, «2024 г.»/«2023 года» → «2024», single spaces."""
    t = text.lower().replace("ё", "е")
    t = re.sub(r"[\u2010-\u2015\u2212]", "-", t)
    t = re.sub(r"(\d{4})\s*(г\.|года\b|год\b|гг\.|г\b)", r"\1", t)
    return re.sub(r"\s+", " ", t).strip(" .;")


def _split_note(text: str) -> tuple[str, str | None]:
    """Separate a trailing qualifier: «(по мере проведения)», «, далее - …», «по графику»."""
    for pattern in (r"\s*(\([^()]*\))\s*$", r"\s*,\s*(далее\b.*)$",
                    r"(?<=\S)\s+(по (отдельному )?(графику|плану)\b.*)$"):
        m = re.search(pattern, text, flags=re.IGNORECASE)
        if m and m.start() > 0:
            return text[: m.start()].strip(), m.group(1).strip()
    return text.strip(), None


def _month(word: str) -> int | None:
    for number, pattern in _MONTH_RE.items():
        if re.fullmatch(pattern, word):
            return number
    return None


def school_years(start_year: int, end_year: int) -> list[int]:
    """First calendar years of the programme's school years; [year] for a one-year one."""
    return list(range(start_year, end_year)) if end_year > start_year else [start_year]


def _period_spans(start_year: int, end_year: int) -> tuple[Span, ...]:
    if end_year <= start_year:
        return (Span(dt.date(start_year, 1, 1), dt.date(start_year, 12, 31)),)
    return tuple(Span(dt.date(y, 9, 1), dt.date(y + 1, 8, 31)) for y in range(start_year, end_year))


def _point(tok: str) -> _Point | None:
    month = _month(tok)
    if month is not None:
        return _Point(month)
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", tok)
    return _Point(int(m[2]), int(m[3]), int(m[1]), True) if m else None


def _points(tokens: list[str]) -> list[list[_Point]] | None:
    """Tokens → ranges of points ([start] or [start, end]); None when not a month list."""
    ranges: list[list[_Point]] = []
    dash = False
    for tok in tokens:
        point = _point(tok)
        if point is not None:
            if dash:
                ranges[-1].append(point)
            else:
                ranges.append([point])
            dash = False
        elif re.fullmatch(r"\d{4}", tok) and ranges and not dash and ranges[-1][-1].year is None:
            ranges[-1][-1].year, ranges[-1][-1].written = int(tok), True
        elif tok == "-" and ranges and not dash and len(ranges[-1]) == 1:
            dash = True
        elif tok not in (",", "и") or dash or not ranges:
            return None
    return ranges if ranges and not dash else None


def _borrow_years(ranges: list[list[_Point]]) -> None:
    """Give each year-less point the next year written after it."""
    following: int | None = None
    for point in reversed([p for r in ranges for p in r]):
        if point.year is None:
            point.year = following
        else:
            following = point.year


def _dated(first: _Point, last: _Point, y1: int, y2: int) -> Span | None:
    start = dt.date(y1, first.month, first.day or 1)
    end = dt.date(y2, last.month, last.day) if last.day else _last_day(y2, last.month)
    return Span(start, end) if start <= end else None


def _written_span(rng: list[_Point]) -> Span | None:
    """A range whose years are written (or borrowed from a later written year)."""
    first, last = rng[0], rng[-1]
    if first.year is None or last.year is None:
        return None
    y1 = first.year
    if len(rng) == 2 and not first.written and (first.month, first.day or 1) > (
            last.month, last.day or 31):
        y1 = last.year - 1  # «ноябрь – май 2023»: November of the year before
    return _dated(first, last, y1, last.year)


def _school_year_span(rng: list[_Point], base: int, one_year: bool) -> Span | None:
    """A year-less range placed in the school year starting in base (or in year base)."""
    first, last = rng[0], rng[-1]
    if one_year:
        return _dated(first, last, base, base)
    y1 = base if first.month >= 9 else base + 1
    return _dated(first, last, y1, y1 if last.month >= first.month else y1 + 1)


def _month_list(text: str, start_year: int, end_year: int) -> Timing | None:
    ranges = _points(_TOKEN.findall(text))
    if ranges is None:
        return None
    written = any(p.written for r in ranges for p in r)
    if written:
        _borrow_years(ranges)
        spans = [_written_span(r) for r in ranges]
    else:
        one_year = end_year <= start_year
        spans = [_school_year_span(r, base, one_year)
                 for base in school_years(start_year, end_year) for r in ranges]
    if not spans or any(s is None for s in spans):
        return None
    ordered = tuple(sorted(set(spans), key=lambda s: (s.start, s.end)))  # type: ignore[union-attr]
    return Timing("", "dates", ordered, year_assumed=not written)


def _deadline(rest: str, start_year: int, end_year: int) -> Timing | None:
    """«до 16.06.2020», «до 20 сентября 2020» (that day), «до мая 2021» (the day before May)."""
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", rest)
    if m:
        return Timing("", "deadline", (Span(None, dt.date(int(m[3]), int(m[2]), int(m[1]))),))
    m = re.fullmatch(r"(?:(\d{1,2}) )?([а-я]+)(?: (\d{4}))?", rest)
    month = _month(m[2]) if m else None
    if m is None or month is None:
        return None
    year = int(m[3]) if m[3] else _year_of(month, start_year, end_year)
    if year is None:
        return None
    if m[1]:
        end = dt.date(year, month, int(m[1]))
    else:
        end = dt.date(year, month, 1) - dt.timedelta(days=1)
    return Timing("", "deadline", (Span(None, end),), year_assumed=not m[3])


def _year_of(month: int, start_year: int, end_year: int) -> int | None:
    """Year of a year-less month in a deadline: only when the period has one school year."""
    years = school_years(start_year, end_year)
    if len(years) != 1:
        return None
    return years[0] if end_year <= start_year or month >= 9 else years[0] + 1


def _years(text: str, start_year: int, end_year: int) -> Timing | None:
    m = re.fullmatch(r"(?:в течение )?(\d{4})(?: ?- ?(\d{4}))?", text)
    if m:
        y1, y2 = int(m[1]), int(m[2] or m[1])
        if y1 <= y2:
            return Timing("", "years", (Span(dt.date(y1, 1, 1), dt.date(y2, 12, 31)),))
        return None
    if re.fullmatch(r"в течение (учебного |календарного )?года", text):
        return Timing("", "period", _period_spans(start_year, end_year), year_assumed=True)
    if re.fullmatch(r"(в течение )?(всего )?(срока|периода)( реализации)?( программы)?", text):
        first = _period_spans(start_year, end_year)
        whole = Span(first[0].start, first[-1].end)
        return Timing("", "period", (whole,), year_assumed=True)
    return None


def _classify(text: str) -> str | None:
    for pattern, kind in _CLASSES:
        if re.fullmatch(pattern, text):
            return kind
    return None


_BRACKETED = re.compile(r"^\((.*)\)\s*[.;,]?$", re.S)


def _unbracket(text: str) -> str:
    """A timing written in brackets with its sentence's full stop, «(май-июнь).», as the
    bare «май-июнь»."""
    m = _BRACKETED.match(text.strip())
    return m.group(1).strip() if m else text


@functools.lru_cache(maxsize=65536)
def parse_timing(text: str, start_year: int, end_year: int) -> Timing:
    """Parse a timing of a programme running from start_year to end_year (inclusive).

    Cached: plans repeat the same timings («в течение года», «ежемесячно»), and a Timing is
    immutable."""
    bare = _unbracket(text)
    head, note = _split_note(bare)
    norm = normalise(head)
    kind = _classify(normalise(bare)) or _classify(norm)
    if kind:
        return Timing(text, kind, (), False, None)
    try:
        if norm.startswith("до "):
            found = _deadline(norm[3:], start_year, end_year)
        else:
            found = _years(norm, start_year, end_year) or _month_list(norm, start_year, end_year)
    except ValueError:  # an impossible date such as 31.02.2023
        found = None
    if found is None:
        return Timing(text, "unknown")
    return Timing(text, found.kind, found.spans, found.year_assumed, note)


def outside_period(timing: Timing, start_year: int, end_year: int) -> bool:
    """True when a written date falls outside the programme's years (so in the document)."""
    lo, hi = dt.date(start_year, 1, 1), dt.date(end_year, 12, 31)
    return any(s.end < lo or (s.start or s.end) > hi for s in timing.spans)


@functools.lru_cache(maxsize=16384)
def format_span(span: Span) -> str:
    """«июнь 2020», «май – июнь 2021», «сентябрь 2020 – апрель 2021», «2024 год», «до …»
    (cached: a timeline asks for the same ranges again and again)."""
    s, e = span.start, span.end
    if s is None:
        return f"до {e:%d.%m.%Y}"
    whole_months = s.day == 1 and e == _last_day(e.year, e.month)
    if not whole_months:
        return f"{s:%d.%m.%Y}" if s == e else f"{s:%d.%m.%Y} – {e:%d.%m.%Y}"
    if (s.month, e.month) == (1, 12):
        return f"{s.year} год" if s.year == e.year else f"{s.year}–{e.year} годы"
    if (s.year, s.month) == (e.year, e.month):
        return f"{MONTHS_NOM[s.month - 1]} {s.year}"
    if s.year == e.year:
        return f"{MONTHS_NOM[s.month - 1]} – {MONTHS_NOM[e.month - 1]} {s.year}"
    return f"{MONTHS_NOM[s.month - 1]} {s.year} – {MONTHS_NOM[e.month - 1]} {e.year}"
