"""One synthetic programme (order, passport, indicators, roadmap) and its source text."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .synth_text import MONTHS_GEN, paragraph, person, phrase, sentence, text, timing

KINDS = ["программа", "дорожная карта", "план-график", "программа методического сопровождения"]
ROLES = ["целевая школа", "целевая школа", "целевая школа", "школа-куратор", "школа-наставник",
         "школа-партнёр"]
ITEM_VERBS = ["Утвердить", "Назначить", "Обеспечить", "Организовать", "Руководителям "
              "общеобразовательных организаций обеспечить", "Контроль за исполнением приказа "
              "возложить на"]


@dataclass
class Place:
    """What a programme may refer to: its municipality, bodies and schools."""

    municipality: dict
    authority: dict
    centre: dict | None
    institute: dict
    schools: list[dict] = field(default_factory=list)


def _lower_first(value: str) -> str:
    return value[:1].lower() + value[1:]


def _approval(rng: random.Random, place: Place, start: int) -> dict:
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    items = [{"number": f"{i}.", "text": f"{rng.choice(ITEM_VERBS)} {_lower_first(sentence(rng))}"}
             for i in range(1, rng.randint(3, 6) + 1)]
    return {
        "document": "Приказ", "authority": place.authority["id"],
        "authority_text": place.authority["name"].upper() + "\n" + place.municipality["region"],
        "number": f"№ {rng.randint(10, 999)}{rng.choice(['', '-о', '/1-осн'])}",
        "date": f"{start - 1 if month > 8 else start}-{month:02d}-{day:02d}",
        "date_text": f"{day:02d}.{month:02d}.{start - 1 if month > 8 else start}",
        "title": "Об утверждении " + phrase(rng, 6, 14).lower(),
        "preamble": paragraph(rng, 1, 2) + "\n\nПРИКАЗЫВАЮ:",
        "items": items,
        "signatory": {"position": "Начальник управления образования", "name": person(rng)},
        "notes": person(rng) + "\n\n" + f"{rng.randint(20000, 99999)}",
    }


def _passport(rng: random.Random, start: int, end: int) -> dict:
    pp: dict = {
        "title": rng.choice(["Паспорт программы", "Паспорт дорожной карты"]),
        "legal_basis": paragraph(rng, 1, 3), "developers": phrase(rng, 4, 10),
        "executors": phrase(rng, 4, 12), "goal": sentence(rng, 12, 30),
        "tasks": [sentence(rng) for _ in range(rng.randint(3, 6))],
        "expected_results": [sentence(rng) for _ in range(rng.randint(2, 5))],
        "period": f"{start}–{end} годы", "control": sentence(rng),
    }
    if rng.random() < 0.5:
        pp["monitoring"] = [{"number": f"{i}.", "text": phrase(rng, 4, 12),
                             "timing": f"{MONTHS_GEN[rng.randrange(12)]}"}
                            for i in range(1, rng.randint(2, 5))]
    if rng.random() < 0.3:
        pp["labels"] = {"developers": "Разработчик программы"}
        pp["extra"] = [{"label": phrase(rng, 2, 4), "text": sentence(rng)}]
    return pp


def _indicator(rng: random.Random, i: int) -> dict:
    ind = {"number": f"{i}.", "name": sentence(rng, 6, 20)}
    if rng.random() < 0.7:
        base = rng.uniform(5, 90)
        ind.update(baseline=f"{base:.1f}".replace(".", ","),
                   target=f"{min(100, base + rng.uniform(0.1, 8)):.1f}".replace(".", ","),
                   unit="%")
    elif rng.random() < 0.6:
        ind["value"] = rng.choice(["Да", "1 шт.", "не менее 2", "100%"])
    return ind


def _indicator_groups(rng: random.Random) -> list[dict]:
    return [{"title": phrase(rng, 5, 12),
             "indicators": [_indicator(rng, i) for i in range(1, rng.randint(4, 12) + 1)]}
            for _ in range(rng.randint(1, 3))]


def _event(rng: random.Random, place: Place, number: str, years: tuple[int, int]) -> dict:
    ev: dict = {"number": number, "title": sentence(rng, 6, 22), "timing": timing(rng, *years)}
    if rng.random() < 0.1:
        ev["title"] += "\n\n" + "\n".join(f"- {phrase(rng, 3, 8)}" for _ in range(3))
    agents = [place.authority]
    if place.centre and rng.random() < 0.4:
        agents.append(place.centre)
    if rng.random() < 0.08:
        agents.append(place.institute)
    if place.schools and rng.random() < 0.2:
        agents.append(rng.choice(place.schools))
    ev["responsible"] = ", ".join(a.get("short_name") or a["name"] for a in agents)
    ev["responsible_refs"] = [a["id"] for a in agents]
    if place.schools and rng.random() < 0.2:
        ev["schools"] = [s["id"] for s in rng.sample(place.schools, min(2, len(place.schools)))]
    if rng.random() < 0.7:
        ev["result"] = sentence(rng, 5, 16)
    if rng.random() < 0.4:
        ev["control"] = phrase(rng, 2, 6)
    if rng.random() < 0.05:
        ev["note"] = sentence(rng)
    return ev


def _roadmap(rng: random.Random, place: Place, n_events: int, years: tuple[int, int]) -> dict:
    n_sections = max(1, min(7, n_events // 6, rng.randint(2, 7)))
    cuts = sorted(rng.sample(range(1, n_events), n_sections - 1)) if n_sections > 1 else []
    sizes = [b - a for a, b in zip([0, *cuts], [*cuts, n_events], strict=True)]
    sections = []
    for si, size in enumerate(sizes, 1):
        section: dict = {"number": f"{si}.", "title": phrase(rng, 4, 12)}
        if size >= 6 and rng.random() < 0.3:
            half = size // 2
            section["tasks"] = [
                {"number": f"{si}.{ti}.", "title": sentence(rng, 5, 14),
                 "events": [_event(rng, place, f"{si}.{ti}.{ei}", years)
                            for ei in range(1, n + 1)]}
                for ti, n in ((1, half), (2, size - half))]
        else:
            section["events"] = [_event(rng, place, f"{si}.{ei}", years)
                                 for ei in range(1, size + 1)]
        sections.append(section)
    return {"title": "План мероприятий " + phrase(rng, 4, 10).lower(), "sections": sections}


def _participants(rng: random.Random, place: Place) -> tuple[list[dict], list[dict]]:
    chosen = rng.sample(place.schools, min(len(place.schools), rng.randint(2, 6)))
    parts = [{"school": s["id"], "role": rng.choice(ROLES)} for s in chosen]
    pairs = []
    for a, b in zip(chosen[::2], chosen[1::2], strict=False):
        if rng.random() < 0.5:
            pairs.append({"schools": [a["id"], b["id"]],
                          "relation": rng.choice(["сетевая пара", "куратор"])})
    return parts, pairs


def programme(rng: random.Random, pid: str, place: Place, n_events: int) -> dict:
    """A programme record (as YAML data) with n_events events in its roadmap."""
    start = rng.randint(2019, 2025)
    end = start + rng.randint(0, 3)
    kind = rng.choice(KINDS)
    mun = place.municipality
    prog: dict = {
        "id": pid,
        "title": f"{kind.capitalize()} по работе со школами с низкими образовательными "
                 f"результатами, муниципальное образование «{mun['name']}», {start}–{end}",
        "kind": kind, "municipality": mun["id"], "issuer": place.authority["id"],
        "period": {"start": str(start), "end": str(end), "text": f"на {start}–{end} годы"},
        "summary": paragraph(rng, 1, 3),
        "approval": _approval(rng, place, start),
    }
    if rng.random() < 0.7:
        prog["passport"] = _passport(rng, start, end)
    prog["indicator_groups"] = _indicator_groups(rng)
    if rng.random() < 0.4:
        prog["texts"] = [{"title": phrase(rng, 2, 6), "body": text(rng, rng.randint(1, 3))}]
    if place.schools:
        prog["schools"], prog["pairs"] = _participants(rng, place)
    prog["roadmap"] = _roadmap(rng, place, n_events, (start, end))
    prog["source"] = {"file": f"sources/{pid}.txt", "title": prog["title"],
                      "issuer": place.authority["name"]}
    if rng.random() < 0.1:
        prog["corrections"] = [{"where": "раздел 1", "original": "обучающихс я",
                                "corrected": "обучающихся", "reason": "разрыв слова при вёрстке"}]
    return prog


def _rows(events: list[dict]) -> list[str]:
    return ["\t".join([ev["number"], ev["title"].replace("\n", " "), ev["timing"],
                       ev["responsible"], ev.get("result", "")]) for ev in events]


def source_text(prog: dict) -> str:
    """The «original document» as plain text: order, passport, indicators, roadmap rows."""
    ap = prog["approval"]
    out = [ap["authority_text"], "", "ПРИКАЗ", "", ap["date_text"], "", ap["number"], "",
           ap["title"], "", ap["preamble"], ""]
    out += [f"{it['number']} {it['text']}" for it in ap["items"]]
    out += ["", f"{ap['signatory']['position']}\t{ap['signatory']['name']}", "", prog["title"]]
    for key, value in prog.get("passport", {}).items():
        if isinstance(value, str):
            out.append(f"{key}\t{value}")
    for grp in prog["indicator_groups"]:
        out += ["", grp["title"]]
        out += [f"{i['number']}\t{i['name']}\t{i.get('baseline', '')}\t{i.get('target', '')}"
                for i in grp["indicators"]]
    out += ["", prog["roadmap"]["title"], "№\tМероприятия\tСроки\tОтветственные\tРезультат"]
    for section in prog["roadmap"]["sections"]:
        out.append(f"{section['number']} {section['title']}")
        out += _rows(section.get("events", []))
        for task in section.get("tasks", []):
            out.append(f"{task['number']} {task['title']}")
            out += _rows(task["events"])
    return "\n".join(out) + "\n"
