"""Indicator values as numbers (for charts) and indicators compared across municipalities.

Values stay as written; a number is read only from a plain figure with an optional
«%» and an optional «не менее/не более» («34,6», «100%», «16 %»). Anything else
(«1 шт.», «Да») is not charted.

Comparison is deliberately strict: indicators are grouped only when a written rule
says their wording measures the same thing (MATCH_RULES); topics that look alike
but are measured differently are listed apart with the reason (NOT_COMPARABLE).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_NUMBER = re.compile(r"^(?:не менее|не более|до|≥|≤)?\s*(\d+(?:[.,]\d+)?)\s*(%)?\.?$")


@dataclass(frozen=True)
class Value:
    """A number read from an indicator value, with its role and date."""

    role: str  # baseline / target / value / actual
    label: str  # «исходное», «целевое», «на май 2022 г.», «факт, декабрь 2023 г.»
    text: str
    number: float
    percent: bool


def parse_number(text: str | None, unit: str | None = None) -> tuple[float, bool] | None:
    """(number, is_percent) from «34,6», «100%», «16 %»; None for anything else."""
    if not text:
        return None
    m = _NUMBER.match(text.strip().lower())
    if not m:
        return None
    return float(m[1].replace(",", ".")), bool(m[2]) or (unit or "").strip() == "%"


def values_of(ind: Any) -> list[Value]:
    """Every numeric value of an indicator in display order."""
    out: list[Value] = []
    for role, label, text in (("baseline", "исходное", ind.baseline),
                              ("target", "целевое", ind.target),
                              ("value", f"на {ind.as_of}" if ind.as_of else "значение",
                               ind.value)):
        parsed = parse_number(text, ind.unit)
        if parsed:
            out.append(Value(role, label, text, *parsed))
    for act in ind.actual:
        parsed = parse_number(act.value, ind.unit)
        if parsed:
            out.append(Value("actual", f"факт, {act.as_of}", act.value, *parsed))
    return out


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower case, «ё» → «е», single spaces: the form the rules match (cached: every rule
    looks at every indicator)."""
    return re.sub(r"\s+", " ", text.lower().replace("ё", "е")).strip()


@dataclass(frozen=True)
class Rule:
    """A written matching rule: all `need` patterns and none of `avoid` in the wording."""

    key: str
    title: str
    rule: str
    need: tuple[str, ...]
    avoid: tuple[str, ...] = ()
    reason: str = ""

    def matches(self, name: str) -> bool:
        """Whether an indicator's wording satisfies the rule."""
        return _rule_matches(self, name)


@functools.lru_cache(maxsize=262144)
def _rule_matches(rule: Rule, name: str) -> bool:
    """Rule.matches, cached: every rule looks at every indicator, on several pages."""
    text = normalise(name)
    need, avoid = _compiled(rule)
    return all(p.search(text) for p in need) and not any(p.search(text) for p in avoid)


@functools.cache
def _compiled(rule: Rule) -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    return tuple(map(re.compile, rule.need)), tuple(map(re.compile, rule.avoid))


MATCH_RULES: tuple[Rule, ...] = (
    Rule("teachers-trained",
         "Педагоги, прошедшие повышение квалификации",
         "В формулировке есть «педагог…» или «учител…» и «повысивш… квалификацию», "
         "«прошедш… … КПК» или «прошедш… обучение по … программам повышения "
         "квалификации»; не учитываются показатели о командах, наставниках и диагностике.",
         (r"педагог|учител",
          r"повысивш\w* квалификац|прошедш\w*.{0,60}(кпк|повышени\w* квалификац)"),
         (r"команд", r"наставник", r"диагностик")),
    Rule("teachers-supported",
         "Педагоги, получившие методическую помощь",
         "В формулировке есть «доля педагогов» и «оказана … методическая … поддержка» или "
         "«получивших … методическую помощь»; «удовлетворённость помощью» не учитывается.",
         (r"доля педагогов", r"(оказан\w*|получивш\w*).{0,40}методическ\w*.{0,30}(помощ|поддержк)"),
         (r"удовлетвор",)),
)

NOT_COMPARABLE: tuple[Rule, ...] = (
    Rule("results", "Образовательные результаты",
         "Показатели об образовательных результатах.",
         (r"динамик\w* в результатах|показателей качества образования"
          r"|повысивших образовательные результаты",),
         reason="Измеряют разное: доля школ с положительной динамикой по отдельным "
                "экзаменам, средний показатель качества, доля обучающихся с ростом "
                "результатов. Сравнивать эти числа между собой нельзя."),
    Rule("strong-schools", "Участие успешных школ в помощи ШНОР",
         "Показатели об участии школ с высокими результатами.",
         (r"успешных школ|школ с высокими образовательными результатами",),
         reason="В одном документе это доля школ, в другом — факт участия без числа."),
    Rule("school-programmes", "Программы школ",
         "Показатели о программах повышения качества в школах.",
         (r"(наличие программ|размещена школьная программа)",),
         reason="В одном документе — наличие программ, в другом — доля школ, "
                "разместивших программу на сайте."),
)


@dataclass
class Match:
    """Indicators of several programmes that one rule groups together."""

    rule: Rule
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def municipalities(self) -> list[str]:
        """Distinct municipality ids, in row order."""
        return list(dict.fromkeys(r["programme"].municipality for r in self.rows))


def dedupe_key(name: str) -> str:
    """Wording compared letters only (so «ШНРО»/«ШНОР» and stray spaces do not count)."""
    return re.sub(r"[^а-я0-9]", "", normalise(name).replace("шнро", "шнор"))


def _rows(programmes: Iterable[Any], rule: Rule) -> list[dict[str, Any]]:
    rows = []
    for prog in programmes:
        seen: set[str] = set()
        for grp in prog.indicator_groups:
            for ind in grp.indicators:
                key = dedupe_key(ind.name)
                if key in seen or not rule.matches(ind.name):
                    continue
                seen.add(key)
                rows.append({"programme": prog, "group": grp, "indicator": ind,
                             "values": values_of(ind)})
    return rows


def compare(programmes: Iterable[Any], rules: Iterable[Rule] = MATCH_RULES) -> list[Match]:
    """One Match per rule with its indicators, each rule's rows in programme order."""
    programmes = list(programmes)
    return [Match(rule, _rows(programmes, rule)) for rule in rules]
