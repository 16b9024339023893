"""Words for the search index: the same rules as the browser side (docs/assets/search-engine.js).

Text is NFC-normalised and lower-cased, «ё» becomes «е», words are runs of letters and
digits, the commonest function words are dropped, and Cyrillic words are reduced to their
Snowball stem («школы», «школах» → «школ»). The JavaScript engine implements the same
stemmer; `tests/test_search_engine.py` runs both over every word of the site.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata

import snowballstemmer

#: A word: a decimal number as one token («83,3», «1.2» — not «83» and «3»; the comma and
#: the point mean the same), or a run of letters and digits. A date «08.06.2020» is three
#: numbers, not a decimal.
WORD = re.compile(r"(?<![\d.,])\d+[.,]\d+(?![.,]?\d)|[^\W_]+")
CYRILLIC = re.compile(r"[а-я]")

#: Function words left out of the index and of queries: they occur in nearly every record
#: and would only make index files larger. search-engine.js reads them from meta.json.
_STOP_TEXT = """
а без более бы был была были было быть в вам вас во вот все всех где да для до его ее
если есть же за и из или им их к как ко когда кто ли либо между мы на над не него нее
нет ни но о об обо однако он она они оно от по под при с со так также такой те тем то
того тоже только у уже чем что чтобы эта эти это этого этой этом этот я
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())

_stemmer = snowballstemmer.stemmer("russian")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_MD_MARKS = re.compile(r"[*_`#>|\\]+")
_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=500_000)
def stem(word: str) -> str:
    """The index form of one lower-cased word (Cyrillic words are stemmed)."""
    return _stemmer.stemWord(word) if CYRILLIC.search(word) else word


def words(text: str) -> list[str]:
    """Lower-cased words of a text, «ё» as «е», decimals with a comma, stop words kept."""
    text = unicodedata.normalize("NFC", text).lower().replace("ё", "е")
    return [w.replace(".", ",") for w in WORD.findall(text)]


def terms(text: str) -> list[str]:
    """Index terms of a text: stems of its words without the stop words."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS]


def plain(markdown_text: str | None) -> str:
    """Readable one-line text of a Markdown field, cheaply: link targets, tags and marks
    dropped (the index needs words, the result list a short excerpt)."""
    if not markdown_text:
        return ""
    text = _LINK_TARGET.sub("]", markdown_text)
    text = _MD_MARKS.sub(" ", _TAG.sub(" ", text)).replace("[", "").replace("]", "")
    return _SPACE.sub(" ", html.unescape(text)).strip()
