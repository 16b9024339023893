"""`shnor-site import`: read the file, recognise, write the drafts and the original, report."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from shnor_site.content.load import parse_yaml
from shnor_site.content.validate import load_catalogue
from shnor_site.core.models.programme import Passport, Programme
from shnor_site.core.problems import fmt_loc
from shnor_site.importer.document import Document, Para
from shnor_site.importer.draft import Draft, build_draft
from shnor_site.importer.errors import ImportFailed
from shnor_site.importer.names import slug
from shnor_site.importer.read_text import read_text
from shnor_site.importer.report import report
from shnor_site.importer.texts import table_markdown
from shnor_site.importer.yamlout import dump

FORMATS = (".docx", ".pdf", ".txt", ".md")


@dataclass
class Result:
    """What an import wrote and the report to print."""

    written: list[Path]
    report: str
    draft: Draft


def read_document(path: Path) -> Document:
    """The neutral document of a file, by its extension."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from shnor_site.importer.read_docx import read_docx
        return read_docx(path)
    if suffix == ".pdf":
        from shnor_site.importer.read_pdf import read_pdf
        return read_pdf(path)
    if suffix in (".txt", ".md"):
        raw = path.read_bytes()
        try:
            return read_text(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            return read_text(raw.decode("cp1251"))
    raise ImportFailed(f"Формат «{suffix or 'без расширения'}» не поддерживается: "
                       "подходят .docx, .pdf (с текстовым слоем), .txt и .md.")


def model_orders() -> bool:
    """True once the programme model knows `order` lists (issue 15)."""
    return "order" in Programme.model_fields and "order" in Passport.model_fields


def with_orders(prog: dict, draft: Draft) -> dict:
    """The draft with `order:` lists when the model accepts them (else they go to the
    report): the only place that decides it."""
    if not model_orders():
        return prog
    if "passport" in prog and draft.orders.get("passport"):
        prog["passport"]["order"] = draft.orders["passport"]
    prog["order"] = draft.orders.get("programme", [])
    return prog


def import_file(path: Path, content: Path, pid: str | None = None,
                municipality: str | None = None, force: bool = False) -> Result:
    """Import one document into content/; never overwrites without force."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        read_document(path)  # raises the message about formats
    pid = pid or slug(path.stem)
    targets = _targets(content, pid, suffix)
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        raise ImportFailed("Файлы уже есть, ничего не записано (перезаписать — --force): "
                           + ", ".join(str(t) for t in existing))
    doc = read_document(path)
    cat = load_catalogue(content)
    text_rel = f"sources/{pid}.txt"
    draft = build_draft(doc, cat, pid, municipality, text_rel)
    prog = with_orders(_with_review(draft), draft)
    yaml_text = dump(prog, draft.notes)
    _, lines = parse_yaml(yaml_text, "draft")
    written = _write(path, content, pid, suffix, doc, yaml_text, draft, force)
    rel = f"content/programmes/{pid}.yml"
    text = report(draft, doc, rel, lines, [str(w) for w in written], model_orders())
    return Result(written, text, draft)


def _targets(content: Path, pid: str, suffix: str) -> list[Path]:
    out = [content / "programmes" / f"{pid}.yml", content / "sources" / f"{pid}.txt"]
    if suffix in (".docx", ".pdf"):
        out.append(content / "sources" / f"{pid}{suffix}")
    return out


def _with_review(draft: Draft) -> dict:
    prog = dict(draft.programme)
    items = [{"field": fmt_loc(n.path) or "id", "what": n.what,
              **({"where": n.where} if n.where else {})} for n in draft.notes]
    if items:
        head = {k: prog.pop(k) for k in ("id", "title")}
        prog = {**head, "review": items, **prog}
    return prog


def _write(path: Path, content: Path, pid: str, suffix: str, doc: Document, yaml_text: str,
           draft: Draft, force: bool) -> list[Path]:
    written = []
    (content / "programmes").mkdir(parents=True, exist_ok=True)
    (content / "sources").mkdir(parents=True, exist_ok=True)
    target = content / "programmes" / f"{pid}.yml"
    target.write_text(yaml_text, encoding="utf-8")
    written.append(target)
    text_copy = content / "sources" / f"{pid}.txt"
    if suffix in (".txt", ".md"):
        shutil.copyfile(path, text_copy)
    else:
        shutil.copyfile(path, content / "sources" / f"{pid}{suffix}")
        written.append(content / "sources" / f"{pid}{suffix}")
        text_copy.write_text(as_text(doc), encoding="utf-8")
    written.append(text_copy)
    for school in draft.schools:
        spath = content / "schools" / f"{school['id']}.yml"
        if spath.exists() and not force:
            continue
        spath.parent.mkdir(parents=True, exist_ok=True)
        spath.write_text(dump(school, []), encoding="utf-8")
        written.append(spath)
    return written


def as_text(doc: Document) -> str:
    """The document as plain text for the site's source page: paragraphs and tables."""
    parts = []
    for block in doc.blocks:
        if isinstance(block, Para):
            parts.append(block.text)
        else:
            parts.append(table_markdown([r.texts for r in block.rows]))
    return "\n\n".join(parts) + "\n"

