"""The inverted index: which documents hold each term, and how well (BM25).

Scores are quantised to one byte on a log scale. A term found in very many documents keeps
only its MAX_POSTINGS best documents (its true document count is kept too): the browser
then fetches a few kilobytes for the commonest words instead of a list of the whole site,
and the result count says «более N» (search-engine.js). Filter terms (facet values of
practices, prefixed with «~») are never cut.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from dataclasses import dataclass, field

from shnor_site.search.docs import SearchDoc
from shnor_site.search.text import terms

#: Words of a heading count this many times.
HEADING_WEIGHT = 3
#: Documents kept per term (the best ones); 5,000 postings are about 10 KB.
MAX_POSTINGS = 5000
K1, B = 1.2, 0.75
#: Documents per block file at most; a document's id is block * BLOCK + position.
BLOCK = 16
FILTER_PREFIX = "~"


@dataclass
class Postings:
    """Documents of one term: ids ascending with their score bytes, and the true count."""

    df: int
    ids: array
    scores: bytearray


@dataclass
class Index:
    """Terms with their postings."""

    terms: dict[str, Postings] = field(default_factory=dict)


def quantise(score: float) -> int:
    """A BM25 score as one byte: 32·log2(1 + 8·score), at least 1 (search-engine.js inverts
    it)."""
    return max(1, min(255, round(32 * math.log2(1 + 8 * score))))


def _counts(doc: SearchDoc) -> Counter[str]:
    counts = Counter(terms(doc.text))
    for term in terms(doc.heading):
        counts[term] += HEADING_WEIGHT
    return counts


@dataclass
class _Counted:
    """Term ids and frequencies of every document: compact, for a national corpus."""

    vocab: dict[str, int] = field(default_factory=dict)
    df: list[int] = field(default_factory=list)
    docs: list[tuple[int, array, array, int]] = field(default_factory=list)

    def add(self, doc_id: int, counts: Counter[str]) -> None:
        ids = array("I")
        for term in counts:
            tid = self.vocab.get(term)
            if tid is None:
                tid = self.vocab[term] = len(self.df)
                self.df.append(0)
            self.df[tid] += 1
            ids.append(tid)
        self.docs.append((doc_id, ids, array("I", counts.values()), sum(counts.values())))


def _scored(counted: _Counted) -> list[tuple[array, bytearray]]:
    """Per term id: document ids and BM25 score bytes, in document order."""
    n = len(counted.docs) or 1
    avg = (sum(d[3] for d in counted.docs) / n) or 1.0
    idf = [math.log(1 + (n - d + 0.5) / (d + 0.5)) for d in counted.df]
    out = [(array("I"), bytearray()) for _ in counted.df]
    for doc_id, ids, tfs, length in counted.docs:
        norm = K1 * (1 - B + B * length / avg)
        for tid, tf in zip(ids, tfs, strict=True):
            ids_out, scores = out[tid]
            ids_out.append(doc_id)
            scores.append(quantise(idf[tid] * tf * (K1 + 1) / (tf + norm)))
    return out


def _cut(ids: array, scores: bytearray, limit: int) -> tuple[array, bytearray]:
    """The `limit` best postings, back in id order."""
    if len(ids) <= limit:
        return ids, scores
    best = sorted(range(len(ids)), key=lambda i: (-scores[i], ids[i]))[:limit]
    best.sort()
    return array("I", (ids[i] for i in best)), bytearray(scores[i] for i in best)


class Builder:
    """Takes numbered documents one by one (ids ascending) and makes the Index."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = MAX_POSTINGS if limit is None else limit
        self.counted = _Counted()
        self.filters: dict[str, array] = {}

    def add(self, doc_id: int, doc: SearchDoc) -> None:
        """Count the document's terms and note its filter values."""
        self.counted.add(doc_id, _counts(doc))
        for value in doc.filters:
            self.filters.setdefault(FILTER_PREFIX + value, array("I")).append(doc_id)

    def finish(self) -> Index:
        """Score every term and cut the longest lists."""
        index = Index()
        for term, (ids, scores) in zip(self.counted.vocab, _scored(self.counted),
                                       strict=True):
            index.terms[term] = Postings(len(ids), *_cut(ids, scores, self.limit))
        self.counted = _Counted()  # free the per-document counts
        for term, ids in self.filters.items():
            index.terms[term] = Postings(len(ids), ids, bytearray(b"\x01" * len(ids)))
        return index
