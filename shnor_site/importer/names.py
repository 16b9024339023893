"""Schools, organisations and the municipality named in the document, matched to the
catalogue by name; schools that are not in it yet become draft records."""

from __future__ import annotations

import re

from shnor_site.core.catalogue import Catalogue

_SCHOOL = re.compile(r"\b(?:МБОУ|МКОУ|МАОУ|МОУ|МБОУ|ГБОУ|МАОУ)\s*«[^»]{2,60}»|"
                     r"\b(?:МБОУ|МКОУ|МАОУ)?\s*ЦО\s*№\s*\d+|\bСОШ\s*№\s*\d+")
_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m",
                      "n", "o", "p", "r", "s", "t", "u", "f", "h", "c", "ch", "sh", "sch", "",
                      "y", "", "e", "yu", "ya"], strict=True))


def key(text: str) -> str:
    """A name reduced for comparison: letters and digits only, lower case."""
    return re.sub(r"[^0-9a-zа-яё]", "", text.lower())


def slug(text: str) -> str:
    """A Latin id from a Russian name («СОШ № 83» → «sosh-83»)."""
    out = "".join(_TRANSLIT.get(ch, ch) for ch in text.lower())
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", out)).strip("-")[:60] or "record"


def school_names(text: str) -> list[str]:
    """School names as written, in order of first mention, without repeats."""
    seen: dict[str, str] = {}
    for match in _SCHOOL.finditer(text):
        name = " ".join(match.group(0).split())
        seen.setdefault(key(name), name)
    return list(seen.values())


def match_school(cat: Catalogue, name: str) -> str | None:
    """The id of the school this name denotes, or None."""
    wanted = key(name)
    for school in cat.all("school"):
        names = [school.name, school.short_name]
        if any(key(n) == wanted or (len(wanted) > 6 and key(n).endswith(wanted))
               for n in names):
            return school.id
    return None


def match_agents(cat: Catalogue, text: str) -> list[str]:
    """Ids of organisations and schools whose name or short name occurs in text."""
    found: list[tuple[int, str]] = []
    low = text.lower()
    for kind in ("organisation", "school"):
        for rec in cat.all(kind):
            for name in (rec.short_name, rec.name):
                pos = low.find(name.lower()) if name and len(name) > 2 else -1
                if pos >= 0:
                    found.append((pos, rec.id))
                    break
    return list(dict.fromkeys(rid for _, rid in sorted(found)))


def match_municipality(cat: Catalogue, text: str) -> str | None:
    """The municipality whose name (its distinctive word) occurs in text."""
    low = text.lower()
    for mun in cat.all("municipality"):
        word = max(mun.name.split(), key=len).lower()
        if word[:-2] and word[:-2] in low:
            return mun.id
    return None
