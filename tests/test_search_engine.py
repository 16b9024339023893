"""The browser's search engine (docs/assets/search-engine.js) under Node, on real indexes.

Node runs the very file the site ships (tests/js/engine_harness.mjs feeds it the index from
disk). The stemmer and the word splitting must agree with the Python side on every word
of the site, or queries would miss what the index holds.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from shnor_site.content.validate import load_catalogue
from shnor_site.graph.link import build_graph
from shnor_site.search import index as search_index
from shnor_site.search.files import fnv1a
from shnor_site.search.site_index import build_search_index
from shnor_site.search.text import stem, words
from tests.helpers import FIXTURES, ROOT, SITE_CONTENT
from tests.support.engine import engine_calls

#: Endings of every Snowball group, glued to stems of different shapes: the stemmer's
#: corner cases (regions, «а/я» conditions, «нн», superlatives, soft sign).
_ENDINGS = """
а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию
ью ю ия ья я ла на ете йте ли л н ло но ет ют ны ть ешь нно ила ыла ена ейте уйте ите или ыли
уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую в вши вшись ив ивши ившись
ыв ывши ывшись ее ые ое ими ыми ый его ого ему ому их ых юю ая яя ою ею ся сь ост ость ейше
ейш нн вш ющ щ ивш ывш ующ
"""
_ROOTS = "раб чит говор нов красн дел учен школ настав пис сто ид быстр лен ан ян ая ю о"
ENDINGS, ROOTS = _ENDINGS.split(), _ROOTS.split()


def node(calls: list[dict], tmp: Path) -> list:
    """Run the engine under Node on a list of calls; their results."""
    if shutil.which("node") is None:
        pytest.fail("Node.js is needed for the search engine tests (scripts/test.sh installs it)")
    return engine_calls(calls, timeout=120)


def vocabulary() -> list[str]:
    """Every word of the bundled content and the fixtures, and generated endings."""
    found: set[str] = set()
    for folder in (SITE_CONTENT, FIXTURES):
        for path in folder.rglob("*"):
            if path.suffix in (".yml", ".md", ".txt"):
                found.update(words(path.read_text(encoding="utf-8", errors="replace")))
    found.update(r + e for r in ROOTS for e in ENDINGS)
    found.update(r + e + t for r in ROOTS for e in ENDINGS for t in ("ся", "нн", "ость", "ь"))
    return sorted(found)


def test_stemmer_agrees_with_python_on_every_word(tmp_path: Path) -> None:
    vocab = vocabulary()
    assert len(vocab) > 10_000
    (js,) = node([{"op": "stem", "words": vocab}], tmp_path)
    differ = [(w, stem(w), j) for w, j in zip(vocab, js, strict=True) if stem(w) != j]
    assert differ == []


def test_stemmer_agrees_with_the_npm_snowball_port(tmp_path: Path) -> None:
    """Our 60-line stemmer stands in for `snowball-stemmers` (58 KB for Russian alone, see
    docs/benchmarks.md): it must give the same stem as that port for every word."""
    if not (ROOT / "node_modules" / "snowball-stemmers").is_dir():
        if os.environ.get("CI"):
            pytest.fail("node_modules/snowball-stemmers is missing: scripts/test.sh installs it")
        pytest.skip("npm install has not been run (scripts/test.sh runs it)")
    vocab = [w for w in vocabulary() if re.fullmatch("[а-я]+", w)]
    ours, port = node([{"op": "stem", "words": vocab}, {"op": "npm-stem", "words": vocab}],
                      tmp_path)
    assert [(w, o, p) for w, o, p in zip(vocab, ours, port, strict=True) if o != p] == []


def test_words_and_hash_agree_with_python(tmp_path: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SITE_CONTENT).rglob("*.yml"))]
    texts += ["Ёлка, ЁЖ и «СОШ № 83» — 5-А класс; naïve café 2½", "учебно-методический",
              "83,3% и 83.3 %; п. 1.2, 4.7–4.9; от 08.06.2020; версия 1.2.3; ٣٫٤"]
    js_words, js_hash = node([{"op": "words", "texts": texts},
                              {"op": "fnv1a", "texts": vocabulary()[:3000]}], tmp_path)
    assert js_words == [words(t) for t in texts]
    assert js_hash == [fnv1a(w) for w in vocabulary()[:3000]]


@pytest.fixture(scope="module")
def real_index(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The index of the bundled content."""
    out = tmp_path_factory.mktemp("index") / "search-index"
    build_search_index(build_graph(load_catalogue(SITE_CONTENT)), out, ROOT / "docs")
    return str(out)


def search(index: str, query: str, tmp: Path, docs: int = 50, **options) -> dict:
    """One query through the engine, with the first `docs` documents."""
    (found,) = node([{"op": "search", "index": index, "query": query, "options": options,
                      "docs": docs}], tmp)
    return found


def test_inflected_forms_find_each_other(real_index: str, tmp_path: Path) -> None:
    found = search(real_index, "школы", tmp_path)
    assert found["stems"] == ["школ"] and found["total"] > 20
    assert not found["partial"] and not found["truncated"]
    (pieces,) = node([{"op": "highlight", "text": "Помощь школам и школе № 5",
                       "stems": found["stems"]}], tmp_path)
    assert [t for t, marked in pieces if marked] == ["школам", "школе"]


def test_every_word_must_match(real_index: str, tmp_path: Path) -> None:
    both = search(real_index, "наставников молодых", tmp_path)
    one = search(real_index, "наставников", tmp_path)
    assert 0 < both["total"] < one["total"]
    assert {d["url"] for d in both["docs"]} <= {d["url"] for d in one["docs"]}


def test_no_full_match_shows_partial_matches(real_index: str, tmp_path: Path) -> None:
    found = search(real_index, "наставников квазиборщевик ", tmp_path)
    assert found["partial"] and found["total"] == search(real_index, "наставников",
                                                         tmp_path)["total"]
    assert search(real_index, "квазиборщевик ", tmp_path)["total"] == 0


def test_last_word_is_completed_while_typing(real_index: str, tmp_path: Path) -> None:
    typing = search(real_index, "нововасюг", tmp_path)
    assert typing["total"] >= 1 and typing["prefixes"]
    assert typing["docs"][0]["url"] == "schools/kargasok-novovasyuganskaya-sosh/"
    assert search(real_index, "нововасюг ", tmp_path)["total"] == 0  # a finished word


def test_type_and_municipality_filters(real_index: str, tmp_path: Path) -> None:
    schools = search(real_index, "школы", tmp_path, type="школа")
    assert schools["total"] > 0 and {d["type"] for d in schools["docs"]} == {"школа"}
    place = search(real_index, "школы", tmp_path, place="ЗАТО Северск")
    assert place["total"] > 0 and {d["place"] for d in place["docs"]} == {"ЗАТО Северск"}
    both = search(real_index, "школы", tmp_path, type="школа", place="ЗАТО Северск")
    assert 0 < both["total"] < min(schools["total"], place["total"])


def test_practice_facets_filter_and_rank(real_index: str, tmp_path: Path) -> None:
    g = build_graph(load_catalogue(SITE_CONTENT))
    theme = next(v for v in g.practices.group("theme").values if len(v.practices) >= 2)
    found = search(real_index, "", tmp_path, facets={"theme": [theme.slug]})
    urls = {d["url"] for d in found["docs"]}
    assert urls == {f"practices/{p.id}/" for p in theme.practices}
    risks = [v for v in g.practices.group("risk").values if v.practices][:2]
    ranked = search(real_index, "", tmp_path, anyFacets=True,
                    facets={"risk": [v.slug for v in risks]})
    wanted = {p.id for v in risks for p in v.practices}
    assert {d["url"] for d in ranked["docs"]} == {f"practices/{p}/" for p in wanted}


def test_long_lists_are_cut_to_the_best(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                        ) -> None:
    monkeypatch.setattr(search_index, "MAX_POSTINGS", 7)
    out = tmp_path / "small"
    build_search_index(build_graph(load_catalogue(SITE_CONTENT)), out)
    found = search(str(out), "школы ", tmp_path)  # a finished word: no completions
    assert found["truncated"] and found["total"] == 7
