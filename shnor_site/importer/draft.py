"""All recognisers over one document → the draft programme (a dict in the model's shape),
what to check, the joins made, and draft schools."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from shnor_site.core.catalogue import Catalogue
from shnor_site.importer import indicators, names
from shnor_site.importer.document import Document, Para, Table
from shnor_site.importer.notes import Join, Note
from shnor_site.importer.order import recognise_order
from shnor_site.importer.passport import recognise_passport
from shnor_site.importer.roadmap import recognise_roadmap
from shnor_site.importer.texts import leftover_sections, table_markdown

_KINDS = (("методического сопровождения", "программа методического сопровождения"),
          ("дорожн", "дорожная карта"), ("план-график", "план-график"))
_TITLE = re.compile(r"^(?:Программа|Дорожная карта|План)", re.I)


@dataclass
class Draft:
    """The draft programme and everything the report tells about it."""

    programme: dict
    notes: list[Note] = field(default_factory=list)
    joins: list[Join] = field(default_factory=list)
    schools: list[dict] = field(default_factory=list)  # draft school records
    orders: dict[str, list[str]] = field(default_factory=dict)  # Programme/Passport.order


def build_draft(doc: Document, cat: Catalogue, pid: str, municipality: str | None,
                source_file: str) -> Draft:
    """Recognise every part of the document; nothing it holds is left out."""
    blocks, used, notes, joins = doc.blocks, set(), [], list(doc.joins)
    parts: dict[str, dict] = {}
    order_tokens: list[tuple[int, str]] = []
    found = recognise_roadmap(blocks)
    end = len(blocks)
    if found:
        roadmap, taken, plan = found
        parts["roadmap"], end = roadmap, min(taken)
        used |= taken
        notes += [n.under("roadmap") for n in plan.notes]
        joins += plan.joins
        order_tokens.append((min(taken), "roadmap"))
    else:
        notes.append(Note(("roadmap",), "план мероприятий (таблица с шапкой «Мероприятия», "
                           "«Сроки», «Ответственные») не найден"))
    order = recognise_order(blocks, end)
    if order:
        parts["approval"], taken, found_notes, found_joins = order
        used |= taken
        notes += [n.under("approval") for n in found_notes]
        joins += found_joins
        order_tokens.append((min(taken), "approval"))
    passport = recognise_passport([b if i not in used else Para("", "") for i, b in
                                   enumerate(blocks)], end)
    groups: list[tuple[int, dict]] = []
    if passport:
        parts["passport"], taken, found_notes, left = passport
        used |= taken
        notes += [n.under("passport") for n in found_notes]
        order_tokens.append((min(taken), "passport"))
        groups += _left_rows(left, min(taken), notes, parts)
    groups += _indicator_groups(blocks, used, notes)
    draft = Draft(programme={})
    _assemble(draft, doc, cat, parts, groups, used, notes, pid, municipality, source_file)
    draft.joins = joins
    draft.orders.update(_orders(draft.programme, order_tokens, groups))
    return draft


def _left_rows(left: list[list[str]], at: int, notes: list[Note],
               parts: dict) -> list[tuple[int, dict]]:
    """Passport rows that are no passport rows: an indicator group, or kept as a table."""
    if not left:
        return []
    head, rows = left[0], left[1:]
    title = names_text(head[0]) if head and head[0].strip() else "Показатели"
    group, _ = indicators.from_rows(title, rows)
    if group is None:
        group, _ = indicators.from_rows("Показатели", left)
    if group is None:
        parts["left_text"] = {"title": "Строки таблицы паспорта, не разобранные автоматически",
                              "body": table_markdown(left)}
        notes.append(Note(("texts",), "часть строк таблицы паспорта перенесена как таблица "
                          "в texts — разнесите по полям паспорта"))
        return []
    if len(head) > 2 and head[-1].strip():
        group["value_label"] = names_text(head[-1])
    notes.append(Note(("indicator_groups",), "строки паспорта со значениями перенесены в "
                      "группу показателей — проверьте"))
    return [(at, group)]


def names_text(text: str) -> str:
    """A cell's text on one line without tags."""
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def _indicator_groups(blocks: list, used: set[int], notes: list[Note]) -> list[tuple[int, dict]]:
    out: list[tuple[int, dict]] = []
    i = 0
    while i < len(blocks):
        if i in used:
            i += 1
            continue
        block, group = blocks[i], None
        if isinstance(block, Para):
            group, j, found = indicators.from_paragraphs(blocks, i)
            if group is not None:
                used |= set(range(i, j))
        elif isinstance(block, Table):
            title = blocks[i - 1].text if i and isinstance(blocks[i - 1], Para) and \
                i - 1 not in used else ""
            group, found = indicators.from_table(block, title)
            if group is None and title:
                group, found = indicators.from_rows(title, [r.texts for r in block.rows])
            if group is not None:
                used |= {i, i - 1} if title else {i}
        if group is not None:
            notes += [n.under("indicator_groups", len(out)) for n in found]
            out.append((i, group))
        i += 1
    return out


def _assemble(draft: Draft, doc: Document, cat: Catalogue, parts: dict, groups: list,
              used: set[int], notes: list[Note], pid: str, municipality: str | None,
              source_file: str) -> None:
    blocks = doc.blocks
    title, taken = _programme_title(blocks, used, parts)
    used |= taken
    if not title:
        notes.append(Note(("title",), "название программы не найдено — впишите его"))
    all_text = "\n".join(_texts(blocks))
    authority = parts.get("approval", {}).get("authority_text", "")
    mun = municipality or names.match_municipality(cat, authority + "\n" + all_text[:3000])
    if not municipality:
        notes.append(Note(("municipality",), "муниципалитет определён по тексту — проверьте"
                          if mun else "муниципалитет не определён — укажите его id"))
    issuer = next(iter(names.match_agents(cat, authority or all_text[:600])), None)
    prog: dict = {"id": pid, "title": title, "kind": _kind(title), "municipality": mun or ""}
    if issuer:
        prog["issuer"] = issuer
        parts.get("approval", {}).setdefault("authority", issuer)
    prog["period"] = _period(title + " " + parts.get("passport", {}).get("period", ""), parts)
    notes.append(Note(("kind",), "вид документа определён по названию — проверьте"))
    if "approval" in parts:
        prog["approval"] = _approval_order(parts["approval"])
    if "passport" in parts:
        passport = parts["passport"]
        draft.orders["passport"] = passport.pop("order", [])
        prog["passport"] = passport
    if groups:
        prog["indicator_groups"] = [g for _, g in sorted(groups, key=lambda x: x[0])]
    texts, text_notes = leftover_sections(blocks, used)
    if "left_text" in parts:
        texts.insert(0, parts["left_text"])
        text_notes = [Note((n.path[0] + 1, *n.path[1:]), n.what, n.where) for n in text_notes]
    if texts:
        prog["texts"] = texts
        notes += [n.under("texts") for n in text_notes]
    _schools(draft, cat, prog, all_text, mun, notes)
    if "roadmap" in parts:
        _refs(cat, parts["roadmap"])
        prog["roadmap"] = parts["roadmap"]
        if not prog["roadmap"]["title"]:
            prog["roadmap"]["title"] = title
    prog["source"] = {"file": source_file, "title": _source_title(prog),
                      "issuer": authority.split("\n")[-1] if authority else ""}
    if not authority:
        notes.append(Note(("source", "issuer"), "кто издал документ — впишите"))
    draft.programme, draft.notes = prog, notes


def _approval_order(approval: dict) -> dict:
    keys = ["document", "authority", "authority_text", "number", "date", "date_text", "title",
            "preamble", "items", "signatory", "stamp", "notes"]
    return {k: approval[k] for k in keys if k in approval}


def _texts(blocks: list) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, Table):
            out += [c for r in block.rows for c in r.texts]
        else:
            out.append(block.text)
    return out


def _programme_title(blocks: list, used: set[int], parts: dict) -> tuple[str, set[int]]:
    for i in range(len(blocks)):
        block = blocks[i]
        if i in used or not isinstance(block, Para) or not _TITLE.match(block.text):
            continue
        ids, text = [i], block.text
        while ids[-1] + 1 < len(blocks) and ids[-1] + 1 not in used and isinstance(
                blocks[ids[-1] + 1], Para) and (blocks[ids[-1] + 1].cont or len(text) < 25):
            ids.append(ids[-1] + 1)
            text += " " + blocks[ids[-1]].text
        if len(text) < 400:
            return text, set(ids)
    return parts.get("roadmap", {}).get("title", ""), set()


def _kind(title: str) -> str:
    low = title.lower()
    return next((kind for word, kind in _KINDS if word in low), "программа")


def _period(text: str, parts: dict) -> dict:
    years = [int(y) for y in re.findall(r"\b(20\d\d)\b", text)]
    if not years and parts.get("approval", {}).get("date"):
        years = [int(parts["approval"]["date"][:4])]
    if not years:
        years = [0]
    return {"start": str(min(years)), "end": str(max(years))}


def _source_title(prog: dict) -> str:
    approval = prog.get("approval", {})
    if approval.get("title"):
        return " ".join(x for x in ("Приказ", approval.get("number", ""),
                                    f"«{approval['title']}»") if x)
    return prog["title"]


def _schools(draft: Draft, cat: Catalogue, prog: dict, text: str, mun: str | None,
             notes: list[Note]) -> None:
    participants = []
    for name in names.school_names(text):
        sid = names.match_school(cat, name)
        if sid is None:
            sid = f"{mun or 'school'}-{names.slug(name)}"
            draft.schools.append({"id": sid, "name": name, "short_name": name,
                                  "municipality": mun or ""})
        if sid not in [p["school"] for p in participants]:
            participants.append({"school": sid, "role": "целевая школа"})
    if participants:
        prog["schools"] = participants
        notes.append(Note(("schools",), "школы найдены по названиям в тексте; роль каждой "
                          "(«целевая школа», «школа-куратор»…) — проверьте, лишние удалите"))


def _refs(cat: Catalogue, roadmap: dict) -> None:
    for section in roadmap["sections"]:
        for holder in [section, *section.get("tasks", [])]:
            for event in holder.get("events", []):
                refs = names.match_agents(cat, event.get("responsible", ""))
                if refs:
                    event["responsible_refs"] = refs


def _orders(prog: dict, tokens: list[tuple[int, str]], groups: list) -> dict[str, list[str]]:
    found = list(tokens) + [(at, f"indicators-{n + 1}") for n, (at, _) in
                            enumerate(sorted(groups, key=lambda x: x[0]))]
    out = {"programme": [t for _, t in sorted(found)]}
    if "texts" in prog:
        out["programme"] += [f"text-{n + 1}" for n in range(len(prog["texts"]))]
    if prog.get("schools") or prog.get("pairs"):
        out["programme"].append("schools")  # the site's own list: after the document
    return out
