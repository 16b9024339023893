"""What no recogniser took: kept verbatim as text sections of the draft (never dropped)."""

from __future__ import annotations

from shnor_site.importer.document import Block, Para, Table
from shnor_site.importer.markup import plain, to_markdown
from shnor_site.importer.notes import Note


def table_markdown(rows: list[list[str]]) -> str:
    """Rows as a Markdown table (the first row as its header)."""
    width = max(len(r) for r in rows)

    def line(cells: list[str]) -> str:
        cells = [" ".join(plain(c).split()).replace("|", "\\|") for c in cells + [""] * width]
        return "| " + " | ".join(cells[:width]) + " |"

    return "\n".join([line(rows[0]), line(["---"] * width)] + [line(r) for r in rows[1:]])


def body_of(blocks: list[Block]) -> str:
    """Paragraphs (lines of one group on their own lines) and tables, verbatim."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Table):
            parts.append(table_markdown([r.texts for r in block.rows]))
        elif block.cont and parts and not parts[-1].startswith("|"):
            parts[-1] += "\n" + block.text
        else:
            parts.append(to_markdown(block.text) if "<" in block.text else block.text)
    return "\n\n".join(p for p in parts if p.strip())


def leftover_sections(blocks: list[Block], used: set[int]) -> tuple[list[dict], list[Note]]:
    """Runs of blocks no recogniser took → text sections, each marked for review."""
    sections: list[dict] = []
    notes: list[Note] = []
    run: list[int] = []
    for i in [*range(len(blocks)), len(blocks)]:
        if i < len(blocks) and i not in used and _content(blocks[i]):
            run.append(i)
            continue
        if run:
            sections.append(_section([blocks[j] for j in run]))
            notes.append(Note((len(sections) - 1, "title"), "этот текст не распознан как часть "
                              "приказа, паспорта, показателей или плана и перенесён как есть — "
                              "решите, где ему место", blocks[run[0]].where))
            run = []
    return sections, notes


def _content(block: Block) -> bool:
    if isinstance(block, Para):
        return bool(block.text.strip())
    return any(r.filled for r in block.rows)


def _section(blocks: list[Block]) -> dict:
    first = blocks[0]
    if isinstance(first, Para) and len(first.text) < 200 and len(blocks) > 1:
        rest = blocks[1:]
        while rest and isinstance(rest[0], Para) and rest[0].cont:
            first = Para(first.text + " " + rest[0].text, first.where)
            rest = rest[1:]
        if rest:
            return {"title": first.text, "body": body_of(rest)}
    return {"title": f"Текст без заголовка ({first.where})", "body": body_of(blocks)}
