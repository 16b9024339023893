"""Synthetic national-scale content: `python -m benchmarks.synth --scale 1 --seed 1 --out DIR`.

At 100 % (`--scale 100`) the corpus has the size of a nationwide deployment: 85 regions,
1,000 municipalities, 2,000 programmes with 100,000 roadmap events, 5,000 schools and
10,000 practices (when the practices kind exists) — about 21,000 pages. The same seed
always gives the same files. DIR becomes a complete `content/` folder that passes
`shnor-site check`.
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .synth_programme import Place, programme, source_text
from .synth_text import paragraph, person, sentence, slug

FULL = {"regions": 85, "municipalities": 1000, "programmes": 2000, "schools": 5000,
        "practices": 10000, "events": 100000}

_REGION_STEMS = ["Озёр", "Камен", "Бор", "Лесогор", "Речен", "Туман", "Светлояр", "Кедров",
                 "Сосн", "Берёз", "Белояр", "Ольхов", "Ключев", "Дубров", "Ярослав", "Вол",
                 "Снеж", "Заозёр", "Гранит", "Приоз", "Степн", "Луг", "Полян", "Холм", "Сиян",
                 "Журавл", "Лебяж", "Медвеж", "Соболь", "Рябин", "Калин", "Черемш", "Тайг"]
_REGION_PREFIXES = ["", "Ново", "Верхне", "Нижне", "Северо-", "Южно-"]
_MUN_ROOTS = [*_REGION_STEMS, "Ельцов", "Ишим", "Кама", "Тобол", "Чулым", "Вагай", "Сыл",
              "Ангар", "Ветлуж", "Мокш", "Сур", "Пинеж", "Онеж", "Вычегод", "Тар"]
_MUN_PREFIXES = ["", "Ново", "Старо", "Верхне", "Нижне", "Усть-", "Красно", "Бело", "Больше",
                 "Мало", "Средне", "Черно"]
_SCHOOL_TYPES = [("МБОУ «СОШ № {n}»", "Муниципальное бюджетное общеобразовательное учреждение "
                  "«Средняя общеобразовательная школа № {n}»"),
                 ("МКОУ «{p} ООШ»", "Муниципальное казённое общеобразовательное учреждение "
                  "«{p} основная общеобразовательная школа»"),
                 ("МАОУ «Лицей № {n}»", "Муниципальное автономное общеобразовательное "
                  "учреждение «Лицей № {n}»"),
                 ("МБОУ «{p} СОШ»", "Муниципальное бюджетное общеобразовательное учреждение "
                  "«{p} средняя общеобразовательная школа»")]


def counts(scale_percent: float) -> dict[str, int]:
    """How many records of each kind a scale (in % of a national deployment) has."""
    s = scale_percent / 100
    out = {k: max(2, round(v * s)) for k, v in FULL.items()}
    out["regions"] = max(1, min(85, round(85 * math.sqrt(s)), out["municipalities"]))
    return out


def _join_name(prefix: str, root: str) -> str:
    return prefix + (root if not prefix or prefix.endswith("-") else root.lower())


def _names(rng: random.Random, prefixes: list[str], roots: list[str], n: int) -> list[str]:
    combos = [_join_name(p, r) for p in prefixes for r in roots]
    rng.shuffle(combos)
    while len(combos) < n:  # more places than stems: number the repeats
        combos += [f"{c} {len(combos) // len(roots)}" for c in combos[: n - len(combos)]]
    return combos[:n]


@dataclass
class World:
    """Every place, body and school of the corpus, as raw YAML data."""

    regions: list[str] = field(default_factory=list)
    municipalities: list[dict] = field(default_factory=list)
    organisations: list[dict] = field(default_factory=list)
    schools: list[dict] = field(default_factory=list)
    places: dict[str, Place] = field(default_factory=dict)


def _region_name(stem: str, i: int) -> str:
    forms = ["{}ская область", "{}ский край", "Республика {}ия"]
    return forms[i % 3].format(stem)


def _regions(rng: random.Random, n: int) -> list[str]:
    stems = _names(rng, _REGION_PREFIXES, _REGION_STEMS, n)
    return [_region_name(stem, i) for i, stem in enumerate(stems)]


def _municipality(rng: random.Random, name: str, region: str, used: set[str]) -> dict:
    form = rng.choice(["{}ский район", "{}ский муниципальный округ", "город {}ск"])
    full = form.format(name)
    mid = slug(full)[:60]
    while mid in used:
        mid += "-" + str(len(used))
    used.add(mid)
    return {"id": mid, "name": full, "region": region, "authority": f"{mid}-uo",
            "website": f"https://edu-{mid}.example.ru/",
            "description": sentence(rng, 10, 24)}


def _bodies(rng: random.Random, mun: dict) -> tuple[dict, dict | None]:
    uo = {"id": f"{mun['id']}-uo", "name": f"Управление образования ({mun['name']})",
          "short_name": f"УО {mun['name']}", "kind": "орган управления образованием",
          "municipality": mun["id"], "description": sentence(rng)}
    centre = None
    if rng.random() < 0.4:
        centre = {"id": f"{mun['id']}-mc", "name": f"Информационно-методический центр "
                  f"({mun['name']})", "short_name": f"ИМЦ {mun['name']}",
                  "kind": "методический центр", "municipality": mun["id"]}
    return uo, centre


def _school(rng: random.Random, mun: dict, n: int) -> dict:
    short, full = rng.choice(_SCHOOL_TYPES)
    adj = _join_name(rng.choice(_MUN_PREFIXES), rng.choice(_MUN_ROOTS)) + "ская"
    school = {"id": f"{mun['id']}-sch-{n}", "name": full.format(n=n, p=adj),
              "short_name": short.format(n=n, p=adj), "municipality": mun["id"]}
    if rng.random() < 0.8:
        school["director"] = {"name": person(rng), "source": f"приказ № {rng.randint(10, 999)}"}
    if rng.random() < 0.5:
        school["website"] = f"https://{school['id']}.example.ru/"
    if rng.random() < 0.3:
        school["documents"] = [{"title": "Программа развития школы",
                                "url": f"https://{school['id']}.example.ru/docs/razvitie.pdf",
                                "date": f"{rng.randint(2019, 2025)}-09-01"}]
    if rng.random() < 0.5:
        school["description"] = paragraph(rng, 1, 2)
    return school


def _weights(rng: random.Random, n: int) -> list[float]:
    return [rng.uniform(0.3, 1.0) / math.sqrt(i + 1) for i in range(n)]


def build_world(seed: int, n: dict[str, int]) -> World:
    """Regions, municipalities, organisations and schools (deterministic by seed)."""
    rng = random.Random(f"{seed}:world")
    w = World(regions=_regions(rng, n["regions"]))
    institutes = {}
    for region in w.regions:
        inst = {"id": slug(region)[:50] + "-iro", "name": f"Институт развития образования "
                f"({region})", "kind": "институт развития образования", "region": region}
        institutes[region] = inst
        w.organisations.append(inst)
    region_of = rng.choices(w.regions, weights=_weights(rng, len(w.regions)),
                            k=n["municipalities"])
    used: set[str] = set()
    for name, region in zip(_names(rng, _MUN_PREFIXES, _MUN_ROOTS, n["municipalities"]),
                            region_of, strict=True):
        mun = _municipality(rng, name, region, used)
        uo, centre = _bodies(rng, mun)
        w.municipalities.append(mun)
        w.organisations += [o for o in (uo, centre) if o]
        w.places[mun["id"]] = Place(mun, uo, centre, institutes[region])
    homes = rng.choices(w.municipalities, weights=_weights(rng, len(w.municipalities)),
                        k=n["schools"])
    for i, mun in enumerate(homes, 1):
        school = _school(rng, mun, i)
        w.schools.append(school)
        w.places[mun["id"]].schools.append(school)
    return w


def event_counts(rng: random.Random, programmes: int, total: int) -> list[int]:
    """Events per programme: skewed like real plans (15–110), summing to total."""
    raw = [rng.triangular(15, 110, 30) for _ in range(programmes)]
    scaled = [max(3, round(r * total / sum(raw))) for r in raw]
    scaled[-1] = max(3, scaled[-1] + total - sum(scaled))
    return scaled


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Block literals for multi-line text, like the hand-written content."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(data: dict[str, Any]) -> str:
    """YAML text of a record."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6)


def _write(folder: Path, rid: str, data: dict[str, Any]) -> None:
    (folder / f"{rid}.yml").write_text(dump(data), encoding="utf-8")


def _event_numbers(prog: dict) -> list[str]:
    out = []
    for section in prog["roadmap"]["sections"]:
        for task in [section, *section.get("tasks", [])]:
            out += [ev["number"] for ev in task.get("events", [])]
    return out


def _programmes(out: Path, w: World, n: dict[str, int], seed: int) -> list[tuple[str, str, list]]:
    """Write programmes and their sources; (id, municipality, event numbers) of each."""
    rng = random.Random(f"{seed}:programmes")
    homes = rng.choices(w.municipalities, weights=_weights(rng, len(w.municipalities)),
                        k=n["programmes"])
    made = []
    for i, (mun, n_events) in enumerate(zip(homes, event_counts(rng, n["programmes"],
                                                                n["events"]), strict=True)):
        pid = f"{mun['id']}-prog-{i + 1}"
        prog = programme(random.Random(f"{seed}:programme:{i}"), pid, w.places[mun["id"]],
                         n_events)
        _write(out / "programmes", pid, prog)
        (out / "sources" / f"{pid}.txt").write_text(source_text(prog), encoding="utf-8")
        made.append((pid, mun["id"], _event_numbers(prog)))
    return made


def practices_supported() -> bool:
    """True when the project has a practices kind to generate."""
    from shnor_site.core.models import KINDS

    return "practice" in KINDS


def _practice_body(rng: random.Random) -> str:
    """The body sections the practices kind asks for, each with a few paragraphs."""
    from shnor_site.core.practices import SECTIONS

    return "\n\n".join(f"## {title}\n\n{paragraph(rng, 2, 4)}" for title in SECTIONS)


def _practices(out: Path, w: World, n: dict[str, int], seed: int,
               progs: list[tuple[str, str, list]]) -> int:
    """Practices with facets from the model, each drawn from a programme and its events."""
    from shnor_site.core.models import KINDS

    from .synth_generic import fake_record

    kind = KINDS["practice"]
    folder = out / kind.folder
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n["practices"]):
        rng = random.Random(f"{seed}:practice:{i}")
        pid, mid, numbers = rng.choice(progs)
        schools = [s["id"] for s in w.places[mid].schools]
        ids = {"municipality": [mid], "school": schools, "programme": [pid]}
        fixed = {"id": f"practice-{i + 1}", "municipality": mid,
                 "source": {"programme": pid, "events": rng.sample(numbers, min(2, len(numbers)))},
                 "schools": rng.sample(schools, min(len(schools), rng.randint(0, 2))),
                 "authors": [person(rng)], "summary": f"{sentence(rng)} {sentence(rng)}",
                 "added": f"{rng.randint(2021, 2023)}-03-01",
                 "reviewed": f"{rng.randint(2024, 2025)}-02-01",
                 "reviewer": person(rng) + ", методист"}
        data = fake_record(rng, kind.model, ids, fixed=fixed)
        data.pop("body", None)
        text = "---\n" + dump(data) + "---\n\n" + _practice_body(rng) + "\n"
        (folder / f"{fixed['id']}.md").write_text(text, encoding="utf-8")
    return n["practices"]


def generate(out: Path, scale: float, seed: int = 1,
             practices: bool | None = None) -> dict[str, int]:
    """Write a complete content/ folder at `scale` % into out (replacing it).

    Practices are written when `practices` is true, or (None) when the kind exists.
    """
    n = counts(scale)
    if out.exists():
        shutil.rmtree(out)
    for folder in ("municipalities", "organisations", "schools", "programmes", "sources"):
        (out / folder).mkdir(parents=True)
    w = build_world(seed, n)
    for folder, records in (("municipalities", w.municipalities),
                            ("organisations", w.organisations), ("schools", w.schools)):
        for rec in records:
            _write(out / folder, rec["id"], rec)
    made = {"regions": len(w.regions), "municipalities": len(w.municipalities),
            "organisations": len(w.organisations), "schools": len(w.schools),
            "programmes": n["programmes"]}
    progs = _programmes(out, w, n, seed)
    made["events"] = sum(len(p[2]) for p in progs)
    if practices is None:
        practices = practices_supported()
    made["practices"] = _practices(out, w, n, seed, progs) if practices else 0
    return made


def main(argv: list[str] | None = None) -> int:
    """Command line: generate a corpus and print what was made."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0,
                    help="size in %% of a national deployment (1, 10, 100)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True, help="content folder to (re)create")
    ap.add_argument("--no-practices", action="store_true", help="leave the practices out")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    made = generate(args.out, args.scale, args.seed, False if args.no_practices else None)
    listing = ", ".join(f"{k}: {v}" for k, v in made.items())
    print(f"{args.out}: {listing} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
