"""The inverted index: which documents hold each term, and how well (BM25).

Scores are quantised to seven bits on a log scale; the eighth bit of a posting says that
the term is in the document's own name (SearchDoc.names), so that the browser can rank a
record whose name holds every word of the query above texts that merely mention them.

A term found in very many documents keeps only its MAX_POSTINGS best documents (its true
document count is kept too): the browser then fetches a few kilobytes for the commonest
words instead of a list of the whole site, and the result count says «более N»
(search-engine.js). Filter terms (facet values of
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


#: The bit of a score byte that marks a term of the document's name.
NAME_BIT = 0x80
#: The score of a name term is this, shared among the name's terms, so that a short name
#: answers better than a long one that also holds the word («Каргасокский район» for
#: «Каргасок», «город Тула» for «Тула»)…
NAME_BOOST = 4.0
#: … plus this share of its BM25 score in the text (to order names of the same length).
NAME_TEXT_SHARE = 0.1


def quantise(score: float) -> int:
    """A BM25 score in seven bits: 16·log2(1 + 8·score), 1 to 127 (search-engine.js inverts
    it)."""
    return max(1, min(NAME_BIT - 1, round(16 * math.log2(1 + 8 * score))))


def _counts(doc: SearchDoc) -> tuple[Counter[str], set[str]]:
    """Term frequencies of a document (heading words weigh more) and its name terms."""
    counts = Counter(terms(doc.text))
    for term in terms(doc.heading):
        counts[term] += HEADING_WEIGHT
    names = set(terms(doc.names))
    for term in names - counts.keys():
        counts[term] += 1  # a short name («ЦНППМ») found nowhere else in the text
    return counts, names


@dataclass
class _Counted:
    """Term ids and frequencies of every document: compact, for a national corpus."""

    vocab: dict[str, int] = field(default_factory=dict)
    df: list[int] = field(default_factory=list)
    docs: list[tuple[int, array, array, int, bytes, int]] = field(default_factory=list)

    def add(self, doc_id: int, counts: Counter[str], names: set[str]) -> None:
        ids = array("I")
        for term in counts:
            tid = self.vocab.get(term)
            if tid is None:
                tid = self.vocab[term] = len(self.df)
                self.df.append(0)
            self.df[tid] += 1
            ids.append(tid)
        self.docs.append((doc_id, ids, array("I", counts.values()), sum(counts.values()),
                          bytes(NAME_BIT if term in names else 0 for term in counts),
                          len(names)))


def _scored(counted: _Counted) -> list[tuple[array, bytearray]]:
    """Per term id: document ids and BM25 score bytes, in document order."""
    n = len(counted.docs) or 1
    avg = (sum(d[3] for d in counted.docs) / n) or 1.0
    idf = [math.log(1 + (n - d + 0.5) / (d + 0.5)) for d in counted.df]
    out = [(array("I"), bytearray()) for _ in counted.df]
    for doc_id, ids, tfs, length, flags, name_terms in counted.docs:
        norm = K1 * (1 - B + B * length / avg)
        boost = NAME_BOOST / name_terms if name_terms else 0.0
        for tid, tf, flag in zip(ids, tfs, flags, strict=True):
            ids_out, scores = out[tid]
            ids_out.append(doc_id)
            bm25 = idf[tid] * tf * (K1 + 1) / (tf + norm)
            scores.append(quantise(boost + NAME_TEXT_SHARE * bm25 if flag else bm25) | flag)
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
        self.counted.add(doc_id, *_counts(doc))
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
