"""How much of a curated programme an import recovered: events (number, title, timing and
responsible exactly equal), order items, passport rows, and cells of the input that appear
neither in the draft nor in the report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from shnor_site.importer.document import Document, Table
from shnor_site.importer.run import Result

EVENT_KEYS = ("number", "title", "timing", "responsible")


def events(roadmap: dict | None) -> list[dict]:
    """Every event of a roadmap in document order (tasks included)."""
    return [e for s in (roadmap or {}).get("sections", []) for h in [s, *s.get("tasks", [])]
            for e in h.get("events", [])]


def _key(event: dict) -> tuple[str, ...]:
    return tuple((event.get(k) or "").strip() for k in EVENT_KEYS)


def share(wanted: list, got: list) -> tuple[int, int]:
    """(found, total): how many wanted items occur in got (each found item used once)."""
    pool, found = list(got), 0
    for item in wanted:
        if item in pool:
            pool.remove(item)
            found += 1
    return found, len(wanted)


def passport_rows(passport: dict | None) -> list[tuple[str, str]]:
    """(field or «extra», label) of every passport row."""
    passport = passport or {}
    rows = [(k, v) for k, v in passport.get("labels", {}).items() if passport.get(k)]
    return rows + [("extra", x["label"]) for x in passport.get("extra", [])]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[0-9a-zа-яё]{2,}", re.sub(r"<[^>]+>", " ", text.lower())))


def dropped_cells(doc: Document, draft_text: str, report: str) -> list[str]:
    """Texts of paragraphs and cells of the input with a word found neither in the draft
    nor in the report (markup, list markers, numbers split into their own fields and line
    breaks may change; words may not go missing)."""
    kept = _words(draft_text) | _words(report)
    pieces = []
    for block in doc.blocks:
        pieces += [c.text for r in block.rows for c in r.cells if not c.merged] \
            if isinstance(block, Table) else [block.text]
    return [p for p in pieces if _words(p) - kept]


@dataclass
class Score:
    """One document × format."""

    events: tuple[int, int]
    items: tuple[int, int]
    passport: tuple[int, int]
    dropped: int

    @staticmethod
    def pct(pair: tuple[int, int]) -> str:
        """«97 % (31/32)», or «—» when there is nothing to find."""
        found, total = pair
        return f"{100 * found / total:.0f} % ({found}/{total})" if total else "—"


def score(curated: dict, result: Result, doc: Document, draft_path: Path) -> Score:
    """Compare the draft an import wrote with the curated programme."""
    prog = result.draft.programme
    ev = share([_key(e) for e in events(curated.get("roadmap"))],
               [_key(e) for e in events(prog.get("roadmap"))])
    items = share((curated.get("approval") or {}).get("items", []),
                  (prog.get("approval") or {}).get("items", []))
    rows = share(passport_rows(curated.get("passport")), passport_rows(prog.get("passport")))
    lost = dropped_cells(doc, draft_path.read_text(encoding="utf-8"), result.report)
    return Score(ev, items, rows, len(lost))


FORMATS = ("text", "docx", "pdf")
NAMES = ("kargasok-2020", "norilsk-2021", "seversk-2022", "sosva-2022", "tula-2024")


def make_input(name: str, fmt: str, site: Path, out: Path) -> Path:
    """The document to import: the bundled text export, or the curated programme written
    out as DOCX or PDF."""
    if fmt == "text":
        return site / "sources" / f"{name}.txt"
    from tests.support.programme_doc import layout, load

    curated = load(site / "programmes" / f"{name}.yml")
    schools = {}
    for path in (site / "schools").glob("*.yml"):
        data = load(path)
        schools[data["id"]] = data["name"]
    lay = layout(curated, schools)
    if fmt == "docx":
        from tests.support.write_docx import write_docx
        return write_docx(lay, out / f"{name}.docx")
    from tests.support.write_pdf import write_pdf
    return write_pdf(lay, out / f"{name}.pdf")


def run_case(name: str, fmt: str, site: Path, work: Path) -> tuple[Score, Result]:
    """Import one document into a copy of site (as `<name>-import`) and score it."""
    import shutil

    from shnor_site.importer.run import import_file, read_document
    from tests.support.programme_doc import load

    content = work / f"content-{name}-{fmt}"
    if not content.exists():
        shutil.copytree(site, content)
    source = make_input(name, fmt, site, work)
    result = import_file(source, content, pid=f"{name}-import", force=True)
    draft = content / "programmes" / f"{name}-import.yml"
    curated = load(site / "programmes" / f"{name}.yml")
    return score(curated, result, read_document(source), draft), result
