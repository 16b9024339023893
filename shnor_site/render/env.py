"""The Jinja2 environment: StrictUndefined, autoescape, project filters."""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2 import pass_context

from shnor_site.core import docorder, markup
from shnor_site.layout import parts as layout
from shnor_site.render import cards, urls


@pass_context
def _href(ctx: jinja2.runtime.Context, to_uri: str, anchor: str | None = None) -> str:
    return urls.href(ctx["page_uri"], to_uri, anchor)


@pass_context
def _md_href(ctx: jinja2.runtime.Context, to_uri: str, anchor: str | None = None) -> str:
    return urls.md_href(ctx["page_uri"], to_uri, anchor)


@pass_context
def _event_href(ctx: jinja2.runtime.Context, placed: object) -> str:
    """Link from this page to an event card on its roadmap page."""
    return urls.href(ctx["page_uri"], ctx["g"].event_uri(placed), placed.anchor)


@pass_context
def _event_md_href(ctx: jinja2.runtime.Context, placed: object) -> str:
    """Markdown link (validated by MkDocs) to an event card on its roadmap page."""
    return urls.md_href(ctx["page_uri"], ctx["g"].event_uri(placed), placed.anchor)


@pass_context
def _event_card(ctx: jinja2.runtime.Context, g: object, placed: object, cols: object,
                level: int) -> object:
    """An event's card (render/cards.py) on this page."""
    return cards.event_card(g, ctx["sched"], ctx["page_uri"], placed, cols, level)


@pass_context
def _practice_card(ctx: jinja2.runtime.Context, g: object, p: object, level: int = 3,
                   compact: bool = False) -> object:
    """A practice's card (render/cards.py) on this page."""
    return cards.practice_card(g, ctx["page_uri"], p, level, compact)


def _tel_uri(phone: str) -> str:
    """tel: address of a Russian number as validated (core/models/base.py): +7 and the last
    ten digits, whether written with 8, +7 or only the city code."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return f"tel:+7{digits[-10:]}"


def bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    """Jinja's cache of compiled templates in `folder` (made if needed), or None."""
    if folder is None:
        return None
    Path(folder).mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def make_env(templates_dir: Path, bytecode_dir: Path | None = None) -> jinja2.Environment:
    """Environment over the project's templates folder; undefined names are errors. With
    `bytecode_dir`, compiled templates are kept there between builds (Jinja checks each
    against its source)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # One environment per build: no need to stat each template file again on every
        # get_template (tens of thousands of times on a national site).
        auto_reload=False,
        bytecode_cache=bytecode_cache(bytecode_dir),
    )
    env.filters.update(
        md=markup.md_block, mdi=markup.md_inline, mdesc=markup.md_escape,
        ru_date=markup.ru_date, split_first=markup.split_first_block,
        headline=markup.headline, pre=markup.pre_text, tel_uri=_tel_uri,
    )
    env.globals.update(
        href=_href, md_href=_md_href, record_uri=urls.record_uri, index_uri=urls.index_uri,
        plural=markup.plural, source_file_uri=urls.source_file_uri,
        event_href=_event_href, event_card_html=_event_card, event_md_href=_event_md_href,
        practice_card_html=_practice_card, part_uri=layout.part_uri,
        programme_page_uri=layout.programme_page_uri,
        passport_label=docorder.PASSPORT_FIELDS.__getitem__,
        passport_lists=docorder.PASSPORT_LISTS,
    )
    return env
