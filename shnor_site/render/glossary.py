"""The glossary as the site shows it: the about page's table and the abbreviations pages mark.

docs/about.md holds the line GLOSSARY_MARKER where its «Сокращения» section lists the
glossary; the MkDocs plugin, the exporter and the search index put glossary_markdown()
in its place, so the list is made from content/glossary.yml, never copied by hand.
"""

from __future__ import annotations

from typing import Any

from shnor_site.core.markup import md_escape

GLOSSARY_MARKER = "<!-- shnor:glossary -->"
#: Where every page's first use of an abbreviation links to (docs/about.md «## Сокращения»).
GLOSSARY_PAGE = "about.md"
GLOSSARY_ANCHOR = "сокращения"


def glossary_markdown(glossary: Any) -> str:
    """Two Markdown tables, abbreviations then terms, alphabetical; a note without one."""
    if glossary is None:
        return "Словаря сокращений на этом сайте пока нет (файл content/glossary.yml)."
    entries = glossary.sorted_entries()
    out = []
    for kind, head in (("сокращение", "| Сокращение | Что значит |"),
                       ("термин", "| Термин | Что значит |")):
        rows = [f"| {_cell(e.term)} | {_cell(e.meaning)} |" for e in entries if e.kind == kind]
        if rows:
            out += [head, "|---|---|", *rows, ""]
    return "\n".join(out).rstrip() + "\n"


def _cell(text: str) -> str:
    return md_escape(text).replace("|", "\\|")


def with_glossary(markdown: str, glossary: Any) -> str:
    """Markdown of a hand-written page with the glossary in place of its marker line."""
    if GLOSSARY_MARKER not in markdown:
        return markdown
    return markdown.replace(GLOSSARY_MARKER, glossary_markdown(glossary).rstrip("\n"))


def abbreviation_pairs(glossary: Any) -> list[tuple[str, str]]:
    """(abbreviation, meaning) of every entry pages mark, longest first."""
    if glossary is None:
        return []
    return [(e.term, e.meaning) for e in glossary.abbreviations()]
