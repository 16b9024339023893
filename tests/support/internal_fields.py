"""Content values that are deliberately not shown as text on their record's page.

Everything else a contributor writes must be visible on the page of its record (and
its sub-pages, such as the source document page of a programme) — the test
tests/test_nothing_lost.py checks every value of every record in content/. References
to other records are internal by nature (they become links showing the other record's
name) and are found from the models, so they are not listed here.

Patterns are field paths without list positions, `roadmap.sections.events.id`; `*`
stands for any number of parts (`*.id` is any `id` below the top level).
"""

from __future__ import annotations

import fnmatch

REFERENCE_REASON = ("ссылка на другую запись: на странице видна ссылка с названием той "
                    "записи, а не её id")

#: (kind, path pattern) → why the value is not on the page as text.
INTERNAL_FIELDS: dict[tuple[str, str], str] = {
    ("*", "id"): "идентификатор записи: из него строится адрес страницы",
    ("programme", "*.events.id"): "якорь мероприятия: часть адреса ссылки на мероприятие",
    ("programme", "source.file"): "путь к файлу исходного документа: файл опубликован, "
                                  "ссылка «скачать» ведёт на него",
    ("programme", "period.start"): "год начала: по нему сортируются программы; на странице "
                                   "— period.text, а без него «начало–конец»",
    ("programme", "period.end"): "год окончания: как period.start",
    ("programme", "passport.labels"): "названия строк паспорта: видны как заголовки строк, "
                                      "только если строка заполнена",
    ("programme", "order"): "порядок частей документа: части идут на странице в этом "
                            "порядке, имена частей не показываются",
    ("programme", "passport.order"): "порядок строк паспорта: строки идут в этом порядке "
                                     "под своими названиями",
    ("programme", "review"): "что проверить после импорта (shnor-site import): список для "
                             "методиста, shnor-site check предупреждает о каждом пункте",
    ("practice", "source.events"): "ссылки на мероприятия программы (номер или якорь): на "
                                   "странице — список этих мероприятий со ссылками на них",
}


def _matches(pattern: str, path: str) -> bool:
    if pattern.startswith("*."):
        return path == pattern[2:] or fnmatch.fnmatchcase(path, pattern)
    return fnmatch.fnmatchcase(path, pattern)


def field_path(loc: tuple[str | int, ...]) -> str:
    """`roadmap.sections.events.title` for ("roadmap", "sections", 0, "events", 3, "title")."""
    return ".".join(str(part) for part in loc if not isinstance(part, int))


def internal_reason(kind: str, loc: tuple[str | int, ...]) -> str | None:
    """Why the value at loc is not shown as text, or None when it must be on the page."""
    path = field_path(loc)
    for (for_kind, pattern), reason in INTERNAL_FIELDS.items():
        if for_kind in ("*", kind) and any(_matches(pattern, p) for p in _prefixes(path)):
            return reason
    return None


def _prefixes(path: str) -> list[str]:
    parts = path.split(".")
    return [".".join(parts[:n]) for n in range(1, len(parts) + 1)]
