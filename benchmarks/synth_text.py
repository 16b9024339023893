"""Russian text for the synthetic corpus: a word chain learnt from the real programmes.

Sentences are walks of a first-order Markov chain over the words (with their real
endings) and punctuation of `content/programmes/*.yml`, so the text has the word forms,
length and vocabulary of the documents the site publishes, without copying them.
"""

from __future__ import annotations

import random
import re
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
_TOKEN = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*|\d+|[,;:«»()]|[.!?]")
_PROSE = re.compile(r"[А-Яа-яЁё]{3,}(?:\s+\S+){3,}")
_NO_SPACE_BEFORE = {",", ";", ":", ")", "»", "."}
_NO_SPACE_AFTER = {"(", "«"}
_END = "."


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@cache
def chain(folder: Path = ROOT / "content" / "programmes") -> tuple[dict[str, list[str]], list[str]]:
    """(successors of every token, sentence-starting tokens) learnt from the real documents."""
    succ: dict[str, list[str]] = {}
    starts: list[str] = []
    for path in sorted(folder.glob("*.yml")):
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if not _PROSE.search(text):
                continue
            prev = _END
            for tok in _TOKEN.findall(text):
                tok = _END if tok in "!?" else tok
                if prev == _END and tok[0].isalpha():
                    starts.append(tok)
                elif prev != _END:
                    succ.setdefault(prev, []).append(tok)
                prev = tok
            if prev != _END:
                succ.setdefault(prev, []).append(_END)
    if not starts:
        raise RuntimeError(f"no Russian text found in {folder}")
    return succ, starts


def words(rng: random.Random, lo: int, hi: int) -> list[str]:
    """A walk of lo..hi tokens along the chain (restarting at dead ends)."""
    succ, starts = chain()
    want = rng.randint(lo, hi)
    out = [rng.choice(starts)]
    while len(out) < want:
        nxt = rng.choice(succ.get(out[-1], starts))
        if nxt == _END:
            if len(out) >= lo:
                break
            nxt = rng.choice(starts)
            out.append(",")
        out.append(nxt)
    while out and not out[-1][0].isalnum():
        out.pop()
    return out


def join(tokens: list[str]) -> str:
    """Tokens to text with Russian spacing around punctuation."""
    text = ""
    for tok in tokens:
        if text and tok not in _NO_SPACE_BEFORE and text[-1] not in _NO_SPACE_AFTER:
            text += " "
        text += tok
    return text


def _balanced(text: str) -> str:
    for left, right in (("«", "»"), ("(", ")")):
        text += right * max(0, text.count(left) - text.count(right))
        while text.count(right) > text.count(left):
            text = text[::-1].replace(right, "", 1)[::-1]
    return text


def phrase(rng: random.Random, lo: int = 3, hi: int = 8) -> str:
    """A short capitalised phrase without a final full stop (a title, a name)."""
    text = _balanced(join(words(rng, lo, hi)))
    return text[:1].upper() + text[1:]


def sentence(rng: random.Random, lo: int = 8, hi: int = 24) -> str:
    """One sentence ending with a full stop."""
    return phrase(rng, lo, hi) + "."


def paragraph(rng: random.Random, lo: int = 2, hi: int = 5) -> str:
    """A few sentences."""
    return " ".join(sentence(rng) for _ in range(rng.randint(lo, hi)))


def text(rng: random.Random, paragraphs: int = 2) -> str:
    """Paragraphs separated by blank lines (a Markdown field)."""
    return "\n\n".join(paragraph(rng) for _ in range(paragraphs))


MONTHS = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август",
          "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"]
MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря"]


def timing(rng: random.Random, start: int, end: int) -> str:
    """An event's timing written the way the documents write it."""
    year = rng.randint(start, end)
    m = rng.randrange(12)
    m2 = min(11, m + rng.randint(1, 3))
    forms = [
        lambda: f"{MONTHS[m]}-{MONTHS[m2].lower()} {year}",
        lambda: "В течение года",
        lambda: f"В течение {year} г.",
        lambda: f"{MONTHS[m]} {year} г.",
        lambda: f"{MONTHS[m]} {year}",
        lambda: f"До {rng.randint(1, 28)} {MONTHS_GEN[m]} {year}",
        lambda: f"{MONTHS[m]} {year} – {MONTHS[m2].lower()} {min(end, year + 1)}",
        lambda: rng.choice(["ежемесячно", "ежеквартально", "постоянно",
                            "По отдельному графику", "По плану ОУ"]),
        lambda: f"{start}-{end}",
        lambda: f"{MONTHS[m]}, {MONTHS[m2].lower()} {year} г.",
    ]
    return rng.choice(forms)()


_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
                      "o", "p", "r", "s", "t", "u", "f", "h", "c", "ch", "sh", "sch", "", "y", "",
                      "e", "yu", "ya"], strict=True))


def slug(name: str) -> str:
    """Latin id fragment of a Russian name: «Ново-Озёрский» → «novo-ozerskiy»."""
    latin = "".join(_TRANSLIT.get(ch, ch) for ch in name.lower())
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-")


SURNAMES = ["Иванов", "Петров", "Соколов", "Кузнецов", "Попов", "Лебедев", "Козлов", "Новиков",
            "Морозов", "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов", "Семёнов", "Голубев",
            "Виноградов", "Богданов", "Воробьёв", "Фёдоров", "Михайлов", "Беляев", "Тарасов",
            "Белов", "Комаров", "Орлов", "Киселёв", "Макаров", "Андреев", "Ковалёв", "Ильин",
            "Гусев", "Титов", "Кузьмин", "Кудрявцев", "Баранов", "Куликов", "Алексеев",
            "Степанов", "Яковлев", "Сорокин", "Сергеев", "Романов", "Захаров", "Борисов"]
_INITIALS = "АБВГДЕИКЛМНОПРСТЮЯ"


def person(rng: random.Random) -> str:
    """Surname and initials as orders write them: «Ковалёва Л.Ю.»."""
    name = rng.choice(SURNAMES) + ("а" if rng.random() < 0.7 else "")
    return f"{name} {rng.choice(_INITIALS)}.{rng.choice(_INITIALS)}."
