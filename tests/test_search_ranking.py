"""How the engine ranks and forgives, on the real index (docs/assets/search-engine.js).

Each rule of issue 17 has its own test here; tests/test_search_relevance.py measures the
whole effect on a set of 77 queries.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shnor_site.content.validate import load_catalogue
from shnor_site.graph.link import build_graph
from shnor_site.search.site_index import build_search_index
from shnor_site.search.text import words
from tests.helpers import FIXTURES, ROOT
from tests.test_search_engine import node

CONTENT = FIXTURES / "site"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("ranking") / "search-index"
    build_search_index(build_graph(load_catalogue(CONTENT)), out, ROOT / "docs")
    return str(out)


def urls(index: str, query: str, tmp: Path, docs: int = 5) -> list[str]:
    (found,) = node([{"op": "search", "index": index, "query": query, "docs": docs}], tmp)
    return [d["url"] for d in found["docs"]]


def test_decimals_are_one_token_on_both_sides(index: str, tmp_path: Path) -> None:
    assert words("83,3% и 83.3 %") == ["83,3", "и", "83,3"]
    assert words("от 08.06.2020") == ["от", "08", "06", "2020"]
    assert urls(index, "83,3%", tmp_path)[0] == "programmes/sosva-2022/indicators/#ind-2"
    assert urls(index, "83.3", tmp_path)[0] == "programmes/sosva-2022/indicators/#ind-2"
    # «83» alone is the school, never the indicator whose value is 83,3 %.
    assert "programmes/sosva-2022/indicators/#ind-2" not in urls(index, "83 ", tmp_path, 50)


def test_a_name_holding_every_word_ranks_first(index: str, tmp_path: Path) -> None:
    # Events name the centre hundreds of times; the centre's own record comes first.
    assert urls(index, "ЦНППМ", tmp_path)[0] == "organisations/tula-cnppm/"
    assert urls(index, "ТОИПКРО", tmp_path)[0] == "organisations/tomsk-toipkro/"
    assert urls(index, "ЦО 48", tmp_path)[0] == "schools/tula-co-48/"


def test_completion_comes_from_the_stem(index: str, tmp_path: Path) -> None:
    # «Сосьва» is nowhere in the text, «Сосьвинский» is: the stem «сосьв» completes it.
    assert urls(index, "Сосьва", tmp_path)[0] == "municipalities/sosva/"
    # «Каргасок» is a word of the text too, and still reaches «Каргасокский район».
    assert urls(index, "Каргасок", tmp_path)[0] == "municipalities/kargasok/"


def test_a_one_letter_typo_is_forgiven(index: str, tmp_path: Path) -> None:
    assert urls(index, "Нововосюганская", tmp_path)[0] == \
        "schools/kargasok-novovasyuganskaya-sosh/"
    assert any("nastavnik" in u or "nastavnichestva" in u
               for u in urls(index, "наставнечество", tmp_path, 3))
    assert urls(index, "жщшщжщш", tmp_path) == []  # nothing near: nothing found


def test_a_tie_goes_to_the_record_not_the_text(index: str, tmp_path: Path) -> None:
    (found,) = node([{"op": "search", "index": index, "query": "Северск", "docs": 3}],
                    tmp_path)
    assert found["docs"][0]["url"] == "municipalities/seversk/"


@pytest.mark.parametrize("status", [500, 0])
def test_a_failed_fetch_is_retried_and_never_cached(index: str, tmp_path: Path,
                                                    status: int) -> None:
    """The first request of a term file fails (HTTP 500, or the network: status 0); the
    engine tries again and finds the results; a failure that lasts is an error, and the
    next search, once the network is back, succeeds."""
    (once, lasting, later) = node([
        {"op": "search", "index": index, "query": "наставничество ", "docs": 1, "fresh": True,
         "fail": {"pattern": "/t/", "times": 1, "status": status}},
        {"op": "search", "index": index, "query": "мониторинг ", "docs": 1, "fresh": True,
         "fail": {"pattern": "/t/", "times": 10, "status": status}},
        {"op": "search", "index": index, "query": "мониторинг ", "docs": 1},
    ], tmp_path)
    assert once["total"] > 0
    assert lasting["error"] == "offline"
    assert later["total"] > 0
