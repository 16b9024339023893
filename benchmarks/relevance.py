"""Search relevance: success@1, success@5 and MRR of a set of queries with expected pages.

The set (tests/data/search_relevance.tsv) was written from the content before the ranking
was tuned. Each query runs through the very engine the site ships (docs/assets/search-
engine.js under Node, tests/js/engine_harness.mjs) over an index built from a content
folder, normalised as the search box does («№» and tokens without letters dropped).

    python -m benchmarks.relevance [CONTENT_DIR]     # a table of every query and the figures
"""

from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "tests" / "data" / "search_relevance.tsv"
FIXTURE = ROOT / "tests" / "fixtures" / "site"


@dataclass
class Case:
    """A query, the pages that answer it, and what kind of query it is."""

    query: str
    expected: list[str]
    kind: str


def load_set(path: Path = SET) -> list[Case]:
    """The relevance set."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, expected, kind = line.split("\t")
            cases.append(Case(query, expected.split("|"), kind))
    return cases


def normalise(query: str) -> str:
    """As the search box does (docs/assets/search.js)."""
    return " ".join(w for w in query.replace("№", " ").split() if re.search(r"[^\W_]", w))


def matches(url: str, expected: str) -> bool:
    """A result URL answers an expected page (any anchor unless one is given)."""
    return url == expected if "#" in expected else url.split("#")[0] == expected


def run_engine(index: Path, queries: list[str], depth: int = 10) -> list[list[str]]:
    """The URLs of the first `depth` results of each query."""
    from tests.support.engine import engine_calls

    calls = [{"op": "search", "index": str(index), "query": normalise(q), "docs": depth}
             for q in queries]
    return [[d["url"] for d in found["docs"]] for found in engine_calls(calls)]


def rank(urls: list[str], case: Case) -> int | None:
    """1-based rank of the first result that answers the case, or None."""
    return next((i for i, url in enumerate(urls, 1)
                 if any(matches(url, e) for e in case.expected)), None)


def figures(ranks: list[int | None]) -> dict[str, float]:
    """success@1, success@5 and mean reciprocal rank (over the first 10 results)."""
    n = len(ranks) or 1
    return {"success@1": sum(r == 1 for r in ranks) / n,
            "success@5": sum(r is not None and r <= 5 for r in ranks) / n,
            "mrr": sum(1 / r for r in ranks if r) / n}


def build_index(content: Path, out: Path) -> Path:
    """The search index of a content folder (with docs/ pages), in out."""
    from shnor_site.content.validate import load_catalogue
    from shnor_site.graph.link import build_graph
    from shnor_site.search.site_index import build_search_index

    build_search_index(build_graph(load_catalogue(content)), out, ROOT / "docs")
    return out


def evaluate(content: Path = FIXTURE) -> tuple[dict[str, float], list[tuple[Case, int | None,
                                                                              str]]]:
    """Figures and (case, rank, first URL) rows of the whole set over a content folder."""
    cases = load_set()
    with tempfile.TemporaryDirectory() as tmp:
        index = build_index(content, Path(tmp) / "search-index")
        results = run_engine(index, [c.query for c in cases])
    rows = [(c, rank(urls, c), urls[0] if urls else "—") for c, urls in zip(cases, results,
                                                                             strict=True)]
    return figures([r for _, r, _ in rows]), rows


def main(argv: list[str]) -> int:
    """Print every query's rank and the figures."""
    sys.path.insert(0, str(ROOT))
    content = Path(argv[0]) if argv else FIXTURE
    result, rows = evaluate(content)
    for case, r, first in rows:
        print(f"{r if r else '—':>2}  {case.kind:<10} {case.query:<55} {first}")
    print(" ".join(f"{k} {v:.3f}" for k, v in result.items()), f"({len(rows)} queries)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
