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

import json
import math
from array import array
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

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


#: The score at which each level from 2 to 127 begins: level k holds the scores whose
#: 16·log2(1 + 8·score) rounds to k.
_LEVELS = [(2 ** ((k - 0.5) / 16) - 1) / 8 for k in range(2, NAME_BIT)]


def quantise(score: float) -> int:
    """A BM25 score in seven bits: 16·log2(1 + 8·score) rounded, 1 to 127 (search-engine.js
    inverts it), found among the levels' bounds (a bisection in C, not a logarithm per
    posting)."""
    return 1 + bisect_right(_LEVELS, score)


class Counted(NamedTuple):
    """One document as the index needs it: where it is listed (kind, municipality, place,
    the block entry [url, title, type, place, excerpt]), its filter values, and its terms
    as ids of the builder's vocabulary with their frequencies and name flags. A rebuild
    takes it from the last build when the document cannot have changed (memo.py)."""

    kind: str
    municipality: str | None
    place: str
    entry: list[Any]
    #: Bytes of the entry in JSON (how full its block is).
    size: int
    filters: list[str]
    ids: array
    tfs: array
    flags: bytes
    name_terms: int


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
    """Term ids and frequencies of every document: compact, for a national corpus. A term
    keeps its id for as long as the vocabulary is handed on (rebuilds, memo.py); a term no
    document holds any more has a document count of 0 and is left out of the index."""

    vocab: dict[str, int] = field(default_factory=dict)
    df: list[int] = field(default_factory=list)
    docs: list[tuple[int, array, array, int, bytes, int]] = field(default_factory=list)

    def ids(self, counts: Counter[str]) -> array:
        """The ids of these terms (new terms get the next ones)."""
        out = array("I")
        for term in counts:
            tid = self.vocab.get(term)
            if tid is None:
                tid = self.vocab[term] = len(self.df)
                self.df.append(0)
            out.append(tid)
        return out

    def add(self, doc_id: int, item: Counted) -> None:
        """Count a document in."""
        df = self.df
        for tid in item.ids:
            df[tid] += 1
        self.docs.append((doc_id, item.ids, item.tfs, sum(item.tfs), item.flags,
                          item.name_terms))


def _scored(counted: _Counted) -> list[tuple[array, bytearray]]:
    """Per term id: document ids and BM25 score bytes, in document order."""
    n = len(counted.docs) or 1
    avg = (sum(d[3] for d in counted.docs) / n) or 1.0
    idf = [math.log(1 + (n - d + 0.5) / (d + 0.5)) for d in counted.df]
    out = [(array("I"), bytearray()) for _ in counted.df]  # df 0: stays empty
    levels, k1 = _LEVELS, K1 + 1
    for doc_id, ids, tfs, length, flags, name_terms in counted.docs:
        norm = K1 * (1 - B + B * length / avg)
        boost = NAME_BOOST / name_terms if name_terms else 0.0
        for tid, tf, flag in zip(ids, tfs, flags, strict=True):
            ids_out, scores = out[tid]
            ids_out.append(doc_id)
            bm25 = idf[tid] * tf * k1 / (tf + norm)
            score = boost + NAME_TEXT_SHARE * bm25 if flag else bm25
            scores.append((1 + bisect_right(levels, score)) | flag)  # quantise(), inline
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

    def __init__(self, limit: int | None = None, vocab: list[str] | None = None) -> None:
        self.limit = MAX_POSTINGS if limit is None else limit
        self.counted = _Counted()
        for term in vocab or ():  # the last build's term ids (its documents keep theirs)
            self.counted.vocab[term] = len(self.counted.df)
            self.counted.df.append(0)
        self.filters: dict[str, array] = {}

    def vocabulary(self) -> list[str]:
        """Every term by id (for a rebuild to hand back)."""
        return list(self.counted.vocab)

    def count(self, doc: SearchDoc, entry: list[Any]) -> Counted:
        """A document's terms counted, ready to add (and to keep for a rebuild)."""
        counts, names = _counts(doc)
        size = len(json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        return Counted(doc.kind, doc.municipality, doc.place, entry, size, doc.filters,
                       self.counted.ids(counts), array("I", counts.values()),
                       bytes(NAME_BIT if term in names else 0 for term in counts),
                       len(names))

    def add(self, doc_id: int, item: Counted) -> None:
        """Count the document's terms in and note its filter values."""
        self.counted.add(doc_id, item)
        for value in item.filters:
            self.filters.setdefault(FILTER_PREFIX + value, array("I")).append(doc_id)

    def finish(self) -> Index:
        """Score every term and cut the longest lists."""
        index = Index()
        for term, (ids, scores) in zip(self.counted.vocab, _scored(self.counted),
                                       strict=True):
            if ids:
                index.terms[term] = Postings(len(ids), *_cut(ids, scores, self.limit))
        self.counted = _Counted()  # free the per-document counts
        for term, ids in self.filters.items():
            index.terms[term] = Postings(len(ids), ids, bytearray(b"\x01" * len(ids)))
        return index
