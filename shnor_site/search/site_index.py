"""Write the whole search index of a site into a folder (search-index/)."""


from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from shnor_site.search.docs import collect
from shnor_site.search.files import Blocks, write_meta, write_terms
from shnor_site.search.index import Builder

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
