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

WIDTH, LEFT, RIGHT = 360, 8, 336
ROW_H, LEGEND_H = 74, 30
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
    name = f"{ind.number or str(index) + '.'} {plain(ind.name)}"
    lines = textwrap.wrap(name, 48)
    if len(lines) > 2:
        lines = [lines[0], lines[1][:46].rstrip() + "…"]
    return lines


def _row(ind: Any, vals: list[Value], index: int, top: int) -> list[str]:
    parts = [f'<text x="{LEFT}" y="{top + 13 + 15 * i}" class="shnor-chart__label">'
             f"{escape(line)}</text>" for i, line in enumerate(_label(ind, index))]
    y = top + 52
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


def _legend(roles: list[str]) -> list[str]:
    parts, x = [], LEFT + 6
    for role in roles:
        parts.append(_mark(role, x, 12))
        parts.append(f'<text x="{x + 10}" y="16" class="shnor-chart__legend">'
                     f"{ROLE_LABELS[role]}</text>")
        x += 16 + 7 * len(ROLE_LABELS[role]) + 14
    return parts


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
    parts = _legend(roles)
    for i, (ind, vals) in enumerate(rows, 1):
        parts += _row(ind, vals, i, LEGEND_H + (i - 1) * ROW_H)
    height = LEGEND_H + len(rows) * ROW_H
    uid = f"chart-{prog.id}"
    return Markup(
        f'<svg class="shnor-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{uid}-t">Показатели программы: исходные и целевые значения</title>'
        f'<desc id="{uid}-d">{escape(describe(rows))}</desc>' + "".join(parts) + "</svg>")
