"""Load `content/glossary.yml` and check the abbreviations content uses against it.

Without a glossary file nothing is checked and pages mark no abbreviation. With one,
every record's strings (and a practice's Markdown body) are scanned while the file is
still parsed: an abbreviation (core/models/glossary.py ABBREVIATION) that is neither an
entry nor in `not_abbreviations` is an `abbr-unknown` warning at its field's line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from shnor_site.content.load import ContentError, load_file
from shnor_site.content.sources import BODY_FIELD, body_line_of, iter_strings
from shnor_site.core.models.glossary import Glossary, abbreviations_in
from shnor_site.core.problems import Problem, fmt_loc, problem
from shnor_site.core.source import Source

GLOSSARY_FILE = "glossary.yml"


def load_glossary(root: Path, convert_error: Callable[..., Problem]
                  ) -> tuple[Glossary | None, list[Problem]]:
    """The glossary under the content root (None when absent or invalid) and its problems;
    convert_error turns a pydantic error into a Problem (content/validate.py)."""
    path = root / GLOSSARY_FILE
    if not path.is_file():
        return None, []
    try:
        src = load_file(path, root)
    except ContentError as exc:
        return None, [exc.problem]
    try:
        glossary = Glossary.model_validate(src.data)
    except ValidationError as exc:
        return None, [convert_error(e, Glossary, src) for e in exc.errors()]
    return glossary, _duplicates(glossary, src)


def _duplicates(glossary: Glossary, src: Source) -> list[Problem]:
    seen: dict[str, int] = {}
    found = []
    for i, entry in enumerate(glossary.entries):
        loc = ("entries", i, "term")
        if entry.term in seen:
            found.append(problem(src.rel, "glossary-duplicate", line=src.line_of(loc),
                                 field=fmt_loc(loc),
                                 detail=f"«{entry.term}» уже есть в строке {seen[entry.term]}"))
        else:
            seen[entry.term] = src.line_of(loc) or 0
    for word in glossary.not_abbreviations:
        if word in seen:
            found.append(problem(src.rel, "glossary-duplicate", field="not_abbreviations",
                                 line=src.line_of(("not_abbreviations",)),
                                 detail=f"«{word}» — и сокращение, и не сокращение"))
    return found


def known_words(glossary: Glossary) -> frozenset[str]:
    """Every word the abbreviation check accepts: entries and not_abbreviations."""
    return frozenset([e.term for e in glossary.entries] + list(glossary.not_abbreviations))


def unknown_abbreviations(src: Source, known: frozenset[str]) -> list[Problem]:
    """`abbr-unknown` warnings: one per abbreviation of a file the glossary lacks, at its
    first use."""
    reported: set[str] = set()
    found: list[Problem] = []
    texts = [(fmt_loc(loc), src.line_of(loc), text) for loc, text in iter_strings(src.data)]
    if src.body:
        texts.append((BODY_FIELD, None, src.body))
    for field, line, text in texts:
        for word in abbreviations_in(text):
            if word not in known and word not in reported:
                reported.add(word)
                where = line if field != BODY_FIELD else body_line_of(src, word)
                found.append(problem(src.rel, "abbr-unknown", line=where, field=field,
                                     detail=f"«{word}»", severity="warning"))
    return found
