"""Event cards of roadmap pages and practice cards of the lists, made in Python.

A national site has 100,000 event cards. Written as Jinja macros (a card, a macro per
column, one per linked organisation, an include for the dates) a card cost about 0.18 ms,
most of it Jinja's calls between macros: a third of all template time. `event_card` makes
the same HTML directly; templates/_macros.md.j2 keeps the macro `event_card`, which calls
it. Every value is escaped as autoescape would; Markdown fields go through `md_block` and
`md_inline` like the filters `md` and `mdi`. `practice_card` does the same for the practice
cards of the bank's lists (10,000 practices, each on several list pages). tests/test_cards.py
compares both with the macros they replaced, on every event and practice of the test content
and of a synthetic corpus.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from shnor_site.core.markup import md_block, md_inline, ru_date, split_first_block
from shnor_site.render import urls

_ED_DT = ' class="shnor-ed-dt" title="Название столбца дано сайтом"'
_YEAR_ASSUMED = ' <span class="shnor-asof">(год в документе не указан — по сроку программы)</span>'
_OUTSIDE = ' · <span class="shnor-warn">срок выходит за годы программы — так в документе</span>'


def _e(value: Any) -> str:
    return str(escape(value))


def agent_link(g: Any, page_uri: str, rid: str) -> str:
    """A link to the school or organisation `rid` (macro agent_link)."""
    if rid in g.cat.records.get("school", {}):
        rec = g.record("school", rid)
        uri, name = urls.record_uri("school", rid), rec.short_name
    else:
        rec = g.record("organisation", rid)
        uri, name = urls.record_uri("organisation", rid), rec.short_name or rec.name
    return f'<a href="{_e(urls.href(page_uri, uri))}">{_e(name)}</a>'


def _links(g: Any, page_uri: str, ids: list[str]) -> str:
    return ", ".join(agent_link(g, page_uri, rid) for rid in ids)


def _field(g: Any, page_uri: str, ev: Any, cols: Any, key: str) -> str:
    """One column of the card (macro event_field); "" for an empty one."""
    value = getattr(ev, key)
    if not (value or (key == "responsible" and ev.responsible_refs)):
        return ""
    if key == "responsible":
        dd = _e(ev.responsible or "")
        if ev.responsible_refs:
            dd += (f'<span class="shnor-refs"> (страницы: '
                   f"{_links(g, page_uri, ev.responsible_refs)})</span>")
    elif key == "timing":
        dd = _e(value)
    else:
        dd = str(md_block(value))
    return (f"<div><dt{_ED_DT if cols.editorial(key) else ''}>{_e(cols.label(key))}</dt> "
            f"<dd>{dd}</dd></div>\n")


def _dates(plan: Any) -> str:
    """The row «По датам» (templates' _event_plan)."""
    if plan.when:
        text = (f"{_e(plan.when)}{_YEAR_ASSUMED if plan.timing.year_assumed else ''} · "
                f'<span class="shnor-status shnor-status--{_e(plan.plan)}">'
                f"{_e(plan.plan_label)}</span>")
    else:
        text = f"без дат — {_e(plan.timing.label)}"
    return (f'<div class="shnor-event__plan shnor-ed-row"><dt>По датам</dt> <dd>{text}'
            f"{_OUTSIDE if plan.outside else ''}</dd></div>\n")


def _done(plan: Any, ev: Any) -> str:
    """The row «Исполнение»: the state, its date and note, the evidence."""
    state = plan.state if ev.status else "none"
    out = (f'<div class="shnor-event__done shnor-ed-row"><dt>Исполнение</dt> <dd>'
           f'<span class="shnor-state shnor-state--{_e(state)}">{_e(plan.reported)}</span>')
    if ev.done:
        out += f", {_e(ru_date(ev.done))}"
    if ev.status_note:
        out += f" — {_e(ev.status_note)}"
    if ev.evidence:
        items = "".join(
            f'<li><a href="{_e(x.url)}" rel="noopener noreferrer">{_e(x.title)}</a> '
            f"({_e(x.kind)}{', ' + _e(ru_date(x.date)) if x.date else ''})</li>"
            for x in ev.evidence)
        out += f'<ul class="shnor-evidence">{items}</ul>'
    return out + "</dd></div>\n"


def event_card(g: Any, sched: Any, page_uri: str, placed: Any, cols: Any, level: int
               ) -> Markup:
    """The card of one event, with its heading at `level` (macro event_card)."""
    ev = placed.event
    first, rest = split_first_block(ev.title)
    number = f'<span class="shnor-event__no">{_e(ev.number)}</span> ' if ev.number else ""
    title = md_inline(first) if first else _e(cols.label("title"))
    parts = [f'<article class="shnor-event" id="{_e(placed.anchor)}">\n'
             f'<h{level} class="shnor-event__title">{number}{title}</h{level}>\n']
    if rest:
        parts.append(f'<div class="shnor-event__more">{md_block(rest)}</div>\n')
    parts.append('<dl class="shnor-event__meta">\n')
    parts += [_field(g, page_uri, ev, cols, key) for key in cols.sequence()
              if key not in ("number", "title")]
    if ev.schools:
        parts.append(f'<div class="shnor-ed-row"><dt>Школы</dt> <dd>'
                     f"{_links(g, page_uri, ev.schools)}</dd></div>\n")
    plan = sched.of(placed)
    if ev.timing:
        parts.append(_dates(plan))
    parts += [_done(plan, ev), "</dl>\n</article>"]
    return Markup("".join(parts))


_NO_DATA = "нет данных"


def practice_card(g: Any, page_uri: str, p: Any, level: int = 3, compact: bool = False
                  ) -> Markup:
    """A practice's card in the lists of the bank and of schools and programmes (macro
    card of templates/practice_macros.md.j2: the facets of the practice as data-facet-*
    attributes for the client filter, its title, summary and facet values)."""
    tags = g.practices.tags(p)
    facets = "".join(f' data-facet-{_e(grp.key)}="{_e(" ".join(v.slug for v in mine))}"'
                     for grp, mine in tags)
    uri = urls.href(page_uri, urls.record_uri("practice", p.id))
    parts = [f"<article class=\"shnor-practice-card\" data-shnor-practice{facets}>\n"
             f'<h{level} class="shnor-practice-card__title"><a href="{_e(uri)}">'
             f"{_e(p.title)}</a></h{level}>\n"]
    if not compact:
        parts.append(f'<p class="shnor-practice-card__summary">{md_inline(p.summary)}</p>\n')
    parts.append('<p class="shnor-practice-card__facets">')
    parts += [f'<span class="shnor-practice-card__facet"><b>{_e(grp.label)}:</b> '
              f'{"; ".join(_e(v.value) for v in mine)}</span> '
              for grp, mine in tags
              if mine and (not compact or grp.key in ("municipality", "risk"))]
    if not compact:
        parts.append(f'<span class="shnor-practice-card__facet"><b>Доказательность:</b> '
                     f"{_e(p.evidence or _NO_DATA)}</span> "
                     f'<span class="shnor-practice-card__facet"><b>Затраты:</b> '
                     f"{_e(p.cost or _NO_DATA)}</span>")
    parts.append("</p>\n</article>")
    return Markup("".join(parts))
