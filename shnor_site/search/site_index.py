"""Write the whole search index of a site into a folder (search-index/)."""


from __future__ import annotations

from pathlib import Path
from typing import Any

from shnor_site.core.tracked import reading
from shnor_site.search.docs import groups
from shnor_site.search.files import Blocks, FolderSink, Sink, entry, write_meta, write_terms
from shnor_site.search.index import Builder, Counted
from shnor_site.search.memo import SearchMemo

INDEX_DIR = "search-index"


def build_search_index(g: Any, out: Path | Sink, docs_dir: Path | None = None,
                       memo: SearchMemo | None = None) -> int:
    """Write the index of the graph's content (and of docs_dir's pages) into out — a
    folder, which is replaced, or a sink; return the number of documents. With `memo`
    (a rebuild), unchanged documents are taken from the last build and this build's are
    noted for the next."""
    sink = FolderSink(out) if isinstance(out, Path) else out
    blocks, count = Blocks(sink), 0
    builder = Builder(vocab=memo.vocab if memo is not None else None)
    for key, make in groups(g, docs_dir):
        for item in _group(builder, memo, key, make):
            builder.add(blocks.add(item), item)
            count += 1
    blocks.flush()
    vocab = builder.vocabulary()
    shards = write_terms(builder.finish(), sink)
    regions = {m.id: m.region for m in g.cat.all("municipality")}
    write_meta(sink, blocks, shards, count, regions)
    if memo is not None:
        memo.save(vocab)
    return count


def _group(builder: Builder, memo: SearchMemo | None, key: str, make: Any) -> list[Counted]:
    """One group's documents counted: from the last build when the memo has them."""
    taken = memo.take(key) if memo is not None else None
    if taken is not None:
        reads, items = taken
    else:
        docs, reads = reading(lambda: list(make()))
        items = [builder.count(doc, entry(doc)) for doc in docs]
    if memo is not None:
        memo.keep(key, reads, items)
    return items
