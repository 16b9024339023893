"""What the search index holds: records, their sections and every roadmap event.

Documents come from the models, not from the built HTML, so the index is built while
MkDocs renders (or without it). A document has the address it opens (page and anchor), a
heading whose words weigh more, its text, a short excerpt to show, its type and
municipality, and — for practices — its facet values as filter terms.

Long pages are split into documents by section, so a result opens the passport, the
indicator group or the practice section that matched; events are documents of their own
and open their card on the roadmap page.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from shnor_site.core.fielddocs import FIELD_PAGES
from shnor_site.core.markup import headline
from shnor_site.render.glossary import with_glossary
from shnor_site.render.urls import event_url, record_uri, site_url
from shnor_site.search.text import plain

#: Types in index order, with the label shown in results and in the type filter.
TYPES = {"programme": "программа", "event": "мероприятие", "practice": "практика",
         "school": "школа", "municipality": "муниципалитет", "organisation": "организация",
         "page": "раздел сайта"}
EXCERPT_CHARS = 480
#: Pages of docs/ that are not published (mkdocs.yml exclude_docs) or not worth a result
#: (the field reference is for authors: a reader's «школа 83» should not land on it).
EXCLUDED_PAGES = frozenset({"benchmarks.md", "search.md", "index.md", *FIELD_PAGES})
#: Fields that hold ids, addresses or display settings rather than words.
SKIP_FIELDS = frozenset({"id", "municipality", "responsible_refs", "schools", "school",
                         "url", "website", "file", "labels", "programme", "events",
                         "authority", "issuer", "reviewer", "evidence", "done", "added",
                         "reviewed", "date", "source", "value_label", "columns"})


@dataclass
class SearchDoc:
    """One search result: where it leads, what it says, what it is."""

    kind: str
    url: str
    title: str
    heading: str
    text: str
    municipality: str | None = None
    place: str = ""
    excerpt: str = ""
    filters: list[str] = field(default_factory=list)
    #: The record's own names (full and short name, title; a section's heading): a query
    #: whose every word is in them ranks the record first (search-engine.js). Events have
    #: none: their first line is a description, not a name.
    names: str = ""

    def __post_init__(self) -> None:
        if not self.excerpt:
            self.excerpt = self.text[:EXCERPT_CHARS]
        self.excerpt = self.excerpt[:EXCERPT_CHARS]
        # The record's kind is a word of it: «школа Северск» finds the schools of Seversk.
        self.text = f"{TYPES[self.kind]} {self.text}"


def model_text(value: Any) -> str:
    """Every word of a record or a part of it, as plain text (ids and addresses left out)."""
    out: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(plain(item))
        elif isinstance(item, BaseModel):
            stack += [getattr(item, k) for k in reversed(type(item).model_fields)
                      if k not in SKIP_FIELDS]
        elif isinstance(item, (list, tuple)):
            stack += reversed(item)
        elif isinstance(item, dict):
            stack += reversed(list(item.values()))
    return " ".join(t for t in out if t)


def shorten(text: str, limit: int = 300) -> str:
    """Text cut at a word boundary to about `limit` characters, with «…» when cut."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def programme_docs(g: Any, prog: Any) -> Iterator[SearchDoc]:
    """The overview (facts, order), passport, texts and indicator groups of a programme."""
    mun, uri = g.municipality_name(prog.municipality), record_uri("programme", prog.id)
    facts = " ".join(filter(None, [prog.kind, mun, g.record("municipality", prog.municipality)
                                   .region, prog.period.text, model_text(prog.summary)]))
    yield SearchDoc("programme", site_url(uri), prog.title, prog.title,
                    facts + " " + model_text(prog.approval), prog.municipality, mun,
                    excerpt=model_text(prog.summary) or facts, names=prog.title)
    if prog.passport:
        yield SearchDoc("programme", site_url(uri, "passport"),
                        f"{prog.passport.heading} — {prog.title}", prog.passport.heading,
                        model_text(prog.passport), prog.municipality, mun,
                        names=prog.passport.heading)
    for n, text in enumerate(prog.texts, 1):
        yield SearchDoc("programme", site_url(uri, f"text-{n}"),
                        f"{text.heading} — {prog.title}", text.heading,
                        model_text(text.preface) + " " + model_text(text.body),
                        prog.municipality, mun, names=text.heading)
    for part in g.indicators[prog.id]:
        for gi, grp in part.items:
            yield SearchDoc("programme", site_url(part.uri, f"ind-{gi}"),
                            f"Показатели: {grp.title} — {prog.title}", grp.title,
                            model_text(grp), prog.municipality, mun, names=grp.title)


def event_docs(g: Any, prog: Any) -> Iterator[SearchDoc]:
    """Every event of a programme's roadmap, at its card."""
    mun = g.municipality_name(prog.municipality)
    for placed in g.events[prog.id]:
        ev = placed.event
        first = plain(headline(ev.title))
        title = " ".join(filter(None, [ev.number, first]))
        yield SearchDoc("event", event_url(g, placed), shorten(title),
                        first, model_text(ev), prog.municipality, mun)


def practice_docs(g: Any, practice: Any) -> Iterator[SearchDoc]:
    """A practice (summary, facets, filter terms) and each section of its text."""
    links, mun = g.practices, g.municipality_name(practice.municipality)
    uri = record_uri("practice", practice.id)
    tags = links.tags(practice)
    facets = " ".join(v.value for _, mine in tags for v in mine)
    yield SearchDoc("practice", site_url(uri), practice.title, practice.title,
                    " ".join([plain(practice.summary), facets, " ".join(practice.authors)]),
                    practice.municipality, mun, excerpt=plain(practice.summary),
                    filters=[f"{grp.key}:{v.slug}" for grp, mine in tags for v in mine],
                    names=practice.title)
    for name, body in links.sections[practice.id].items():
        text = plain(body)
        if text:
            yield SearchDoc("practice", site_url(uri, section_slug(name)),
                            f"{name} — {practice.title}", name, text, practice.municipality,
                            mun, names=name)


def place_docs(g: Any) -> Iterator[SearchDoc]:
    """Schools, municipalities and organisations, each with its own text only: the titles
    of the events a page lists would bury the record under its events (the events are
    results of their own)."""
    for school in _by_place(g, g.cat.all("school")):
        mun = g.record("municipality", school.municipality)
        roles = " ".join(r.role for r in g.school_roles.get(school.id, []))
        text = " ".join([school.name, mun.name, mun.region, roles, model_text(school)])
        yield SearchDoc("school", site_url(record_uri("school", school.id)), school.short_name,
                        school.short_name, text, school.municipality, mun.name,
                        excerpt=f"{school.name}. {mun.name}, {mun.region}",
                        names=f"{TYPES['school']} {school.name} {school.short_name}")
    for mun in sorted(g.cat.all("municipality"), key=lambda m: (m.name, m.id)):
        yield SearchDoc("municipality", site_url(record_uri("municipality", mun.id)), mun.name,
                        mun.name, " ".join([mun.region, model_text(mun)]), mun.id, mun.name,
                        excerpt=" ".join(filter(None, [mun.region, plain(mun.description)])),
                        names=mun.name)
    for org in _by_place(g, g.cat.all("organisation")):
        name, place = org.short_name or org.name, g.municipality_name(org.municipality)
        yield SearchDoc("organisation", site_url(record_uri("organisation", org.id)), name,
                        name, " ".join([org.name, place, model_text(org)]), org.municipality,
                        place, excerpt=f"{org.name}. {org.kind}",
                        names=f"{org.name} {org.short_name or ''}")


@functools.cache
def section_slug(heading: str) -> str:
    """The anchor MkDocs gives a Markdown heading (mkdocs.yml: pymdownx.slugs, lower case)."""
    from pymdownx.slugs import slugify

    return slugify(case="lower")(heading, "-")


def static_docs(docs_dir: Path | None, glossary: Any = None) -> Iterator[SearchDoc]:
    """The hand-written pages of docs/ (about the site, with its glossary)."""
    if docs_dir is None or not docs_dir.is_dir():
        return
    for path in sorted(docs_dir.glob("*.md")):
        if path.name in EXCLUDED_PAGES:
            continue
        body = with_glossary(path.read_text(encoding="utf-8"), glossary)
        title = next((line[2:].strip() for line in body.splitlines()
                      if line.startswith("# ")), path.stem)
        yield SearchDoc("page", site_url(path.name), plain(title), plain(title), plain(body),
                        names=plain(title))


def _by_place(g: Any, records: list[Any]) -> list[Any]:
    """Records ordered by municipality name (stable: page order within one)."""
    return sorted(records, key=lambda r: (g.municipality_name(getattr(r, "municipality", None)),
                                          getattr(r, "municipality", None) or ""))


def groups(g: Any, docs_dir: Path | None = None
           ) -> Iterator[tuple[str, Callable[[], Iterator[SearchDoc]]]]:
    """The documents in groups, each with a key and the call that makes it (a rebuild
    takes a group whose texts did not change from the last build, memo.py): grouped by
    type in TYPES order, then by municipality, then in page order (the index files rely on
    this grouping)."""
    programmes = _by_place(g, g.cat.all("programme"))
    for prog in programmes:
        yield f"programme:{prog.id}", functools.partial(programme_docs, g, prog)
    for prog in programmes:
        yield f"events:{prog.id}", functools.partial(event_docs, g, prog)
    for practice in _by_place(g, g.practices.practices):
        yield f"practice:{practice.id}", functools.partial(practice_docs, g, practice)
    yield "places", functools.partial(place_docs, g)
    yield "pages", functools.partial(static_docs, docs_dir, g.cat.glossary)


def collect(g: Any, docs_dir: Path | None = None) -> Iterator[SearchDoc]:
    """Every document, one at a time, in index order (see `groups`)."""
    for _, make in groups(g, docs_dir):
        yield from make()
