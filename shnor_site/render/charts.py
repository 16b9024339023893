"""A small static SVG of a programme's indicators: baseline → target (and actual values).

Each row has its own scale starting at zero (0–100 for percentages). Shapes, not only
colours, tell the values apart, every value is written as text next to its mark, and
<title>/<desc> carry all the numbers for screen readers; the tables stay the full
text alternative.
"""

from __future__ import annotations

import textwrap
from typing import Any

from markupsafe import Markup, escape

from shnor_site.core.plaintext import plain_text as plain
from shnor_site.graph.indicators import Value, dedupe_key, values_of

# A narrow viewBox, so that on a 360 px phone (about 300 px of content) the SVG is drawn
# almost at 1:1 and its 15-unit labels stay ~14 px; each label wraps to as many lines as it
# needs (no «…»: indicators that differ only at the end must not look the same).
WIDTH, LEFT, RIGHT = 320, 8, 296
LABEL_CHARS, LINE_H = 34, 18
#: Below the label: value text, axis, tick labels.
BAR_H = 56
ROLE_LABELS = {"baseline": "исходное", "target": "целевое", "value": "на дату",
               "actual": "фактическое"}


def chart_rows(prog: Any, groups: Any = None) -> list[tuple[Any, list[Value]]]:
    """Distinct indicators of a programme (or of some of its groups) with a numeric value."""
    rows, seen = [], set()
    for grp in prog.indicator_groups if groups is None else groups:
        for ind in grp.indicators:
            key = dedupe_key(ind.name)
            vals = values_of(ind)
            if vals and key not in seen:
                seen.add(key)
                rows.append((ind, vals))
    return rows


def _mark(role: str, x: float, y: float) -> str:
    cls = f'class="shnor-chart__{role}"'
    if role == "baseline":
        return f'<circle cx="{x:.1f}" cy="{y}" r="5" {cls}/>'
    if role == "target":
        pts = f"{x:.1f},{y - 7} {x + 7:.1f},{y} {x:.1f},{y + 7} {x - 7:.1f},{y}"
        return f'<polygon points="{pts}" {cls}/>'
    if role == "value":
        return f'<rect x="{x - 5:.1f}" y="{y - 5}" width="10" height="10" {cls}/>'
    return f'<circle cx="{x:.1f}" cy="{y}" r="6" {cls}/>'


def _label(ind: Any, index: int) -> list[str]:
    """The indicator's number and whole name, wrapped to the chart's width."""
    name = f"{ind.number or str(index) + '.'} {plain(ind.name)}"
    return textwrap.wrap(name, LABEL_CHARS, break_on_hyphens=False) or [name]


def _row_height(ind: Any, index: int) -> int:
    return LINE_H * len(_label(ind, index)) + BAR_H


def _row(ind: Any, vals: list[Value], index: int, top: int) -> list[str]:
    lines = _label(ind, index)
    parts = [f'<text x="{LEFT}" y="{top + 15 + LINE_H * i}" class="shnor-chart__label">'
             f"{escape(line)}</text>" for i, line in enumerate(lines)]
    y = top + LINE_H * len(lines) + 26
    scale = 100.0 if any(v.percent for v in vals) else max(v.number for v in vals) * 1.25 or 1
    unit = "%" if any(v.percent for v in vals) else ""
    parts.append(f'<line x1="{LEFT}" y1="{y}" x2="{RIGHT}" y2="{y}" class="shnor-chart__axis"/>')
    parts.append(f'<text x="{LEFT}" y="{y + 16}" class="shnor-chart__tick">0</text>')
    parts.append(f'<text x="{RIGHT}" y="{y + 16}" text-anchor="end" class="shnor-chart__tick">'
                 f"{escape(_fmt(scale) + unit)}</text>")
    last_x = -100.0
    for v in sorted(vals, key=lambda v: v.number):
        x = LEFT + (RIGHT - LEFT) * min(v.number, scale) / scale
        above = x - last_x >= 34
        ty = y - 10 if above else y + 16
        anchor = "end" if x > RIGHT - 20 else "start" if x < LEFT + 20 else "middle"
        parts.append(_mark(v.role, x, y))
        parts.append(f'<text x="{x:.1f}" y="{ty}" text-anchor="{anchor}" '
                     f'class="shnor-chart__v">{escape(v.text)}</text>')
        last_x = x if above else last_x
    return parts


def _fmt(number: float) -> str:
    return f"{number:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def _legend(roles: list[str]) -> tuple[list[str], int]:
    """The legend's marks and words, wrapped to a second line when they do not fit; and
    its height."""
    parts, x, y = [], LEFT + 6, 12
    for role in roles:
        width = 16 + 8 * len(ROLE_LABELS[role]) + 14
        if x + width > RIGHT + 20 and x > LEFT + 6:
            x, y = LEFT + 6, y + 22
        parts.append(_mark(role, x, y))
        parts.append(f'<text x="{x + 10}" y="{y + 4}" class="shnor-chart__legend">'
                     f"{ROLE_LABELS[role]}</text>")
        x += width
    return parts, y + 18


def describe(rows: list[tuple[Any, list[Value]]]) -> str:
    """The numbers of the chart as text, one sentence per indicator."""
    return " ".join(
        f"{ind.number or str(i) + '.'} {plain(ind.name)}: "
        + "; ".join(f"{v.label} {v.text}" for v in vals) + "."
        for i, (ind, vals) in enumerate(rows, 1))


def programme_chart(prog: Any, groups: Any = None) -> Markup:
    """The SVG for a programme (or some of its indicator groups), or empty markup when no
    indicator has a number."""
    rows = chart_rows(prog, groups)
    if not rows:
        return Markup("")
    roles = [r for r in ROLE_LABELS if any(v.role == r for _, vals in rows for v in vals)]
    parts, height = _legend(roles)
    for i, (ind, vals) in enumerate(rows, 1):
        parts += _row(ind, vals, i, height)
        height += _row_height(ind, i)
    uid = f"chart-{prog.id}"
    return Markup(
        f'<svg class="shnor-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{uid}-t">Показатели программы: исходные и целевые значения</title>'
        f'<desc id="{uid}-d">{escape(describe(rows))}</desc>' + "".join(parts) + "</svg>")
