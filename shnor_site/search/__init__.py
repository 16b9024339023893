"""Site search: an index built from the content models, fetched piece by piece.

`build_search_index` writes `search-index/` (files.py) from the linked graph: documents
(docs.py), BM25 postings (index.py), words stemmed as in the browser (text.py). The
browser side is docs/assets/search-engine.js (the engine) and search.js (the boxes).

Why not Pagefind: at the national scale (≈ 120,000 records) Pagefind needed 7 GB of memory
to index the built HTML and the first query fetched 0.8–1.3 MB, because its metadata grows
with the number of pages and common words bring their whole posting lists. This index is
built from the models without reading HTML, keeps the commonest words to their best
documents, and a first query fetches tens of kilobytes (docs/benchmarks.md).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from .docs import collect
from .files import Blocks, write_meta, write_terms
from .index import Builder

INDEX_DIR = "search-index"


def build_search_index(g: Any, out: Path, docs_dir: Path | None = None) -> int:
    """Write the index of the graph's content (and of docs_dir's pages) into out, which is
    replaced; return the number of documents."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    blocks, builder, count = Blocks(out), Builder(), 0
    for doc in collect(g, docs_dir):
        builder.add(blocks.add(doc), doc)
        count += 1
    blocks.flush()
    shards = write_terms(builder.finish(), out)
    regions = {m.id: m.region for m in g.cat.all("municipality")}
    write_meta(out, blocks, shards, count, regions)
    return count
