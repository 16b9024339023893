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
