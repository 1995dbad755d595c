"""Hybrid retrieval: BM25 over jieba tokens + e5 dense vectors (Chroma), fused by reciprocal rank.

In the lexical-first mode (QA_EMBEDDINGS=none) the index has no vectors and the ranking is
BM25's alone."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from agent.types import Passage
from ingest.embeddings import Embedder
from ingest.normalize import normalize_query
from ingest.reader import LoadedIndex

RRF_K = 60
CANDIDATES = 50


@dataclass(frozen=True)
class Filters:
    sources: tuple[str, ...] = ()
    date_from: str = ""  # ISO yyyy-mm-dd, inclusive
    date_to: str = ""

    def allows(self, source: str, date: str) -> bool:
        if self.sources and source not in self.sources:
            return False
        if self.date_from and (not date or date < self.date_from):
            return False
        if self.date_to and (not date or date > self.date_to):
            return False
        return True

    @property
    def active(self) -> bool:
        return bool(self.sources or self.date_from or self.date_to)


def top_rows(scores: np.ndarray, allowed: np.ndarray | None, n: int) -> list[int]:
    """Rows with a positive score (and allowed), best first, ties by row: the first ``n`` of a
    stable sort of all rows, without sorting all of them (240k chunks at 10,000 documents)."""
    keep = scores > 0
    if allowed is not None:
        keep &= allowed
    rows = np.flatnonzero(keep)
    if len(rows) > n:
        kth = np.partition(scores[rows], len(rows) - n)[len(rows) - n]  # n-th best score
        rows = rows[scores[rows] >= kth]  # every row tied with the n-th stays, in row order
    order = np.lexsort((rows, -scores[rows]))
    return rows[order][:n].tolist()


class HybridRetriever:
    def __init__(self, index: LoadedIndex, embedder: Embedder) -> None:
        self.index = index
        self.embedder = embedder
        self._row = {c.id: i for i, c in enumerate(index.chunks)}
        self._recent: dict[str, np.ndarray] = {}

    def query_vector(self, question: str) -> np.ndarray:
        """The e5 query embedding; the last few are kept, since a question is often embedded
        twice (an LLM fallback, a follow-up re-ask)."""
        key = normalize_query(question)
        vector = self._recent.get(key)
        if vector is None:
            vector = self.embedder.query(key)
            self._recent[key] = vector
            if len(self._recent) > 64:
                self._recent.pop(next(iter(self._recent)))
        return vector

    def retrieve(
        self,
        question: str,
        k: int = 5,
        filters: Filters | None = None,
        vector: np.ndarray | None = None,
    ) -> list[Passage]:
        chunks = self.index.chunks
        if not chunks:
            return []
        filters = filters or Filters()
        allowed = self._mask(filters)
        tokens = self.index.segmenter.tokens(normalize_query(question))
        bm25 = self.index.lexical.scores(tokens)
        lexical = top_rows(bm25, allowed, CANDIDATES)
        dense = self._dense(question, vector, filters, allowed)
        fused: dict[int, float] = {}
        for ranking in (lexical[:CANDIDATES], dense[:CANDIDATES]):
            for rank, row in enumerate(ranking):
                fused[row] = fused.get(row, 0.0) + 1.0 / (RRF_K + rank + 1)
        best = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:k]
        return [self._passage(chunks[row], score) for row, score in best]

    def _dense(
        self, question: str, vector: np.ndarray | None, filters: Filters, allowed: np.ndarray | None
    ) -> list[int]:
        if self.index.vectors is None or self.embedder.dim == 0:
            return []
        vector = self.query_vector(question) if vector is None else vector
        n = CANDIDATES if not filters.active else len(self.index.chunks)
        hits = self.index.vectors.query(vector, n)
        rows = [self._row[i] for i, _ in hits if i in self._row]
        return rows if allowed is None else [r for r in rows if allowed[r]]

    def _mask(self, filters: Filters) -> np.ndarray | None:
        """Which chunks the filters allow (None: all), decided once per document."""
        if not filters.active:
            return None
        documents = self.index.documents
        verdict = {
            source: filters.allows(source, doc.meta.date) for source, doc in documents.items()
        }
        return np.fromiter(
            (verdict.get(c.source, filters.allows(c.source, "")) for c in self.index.chunks),
            dtype=bool,
            count=len(self.index.chunks),
        )

    @staticmethod
    def _passage(chunk, score: float) -> Passage:
        return Passage(
            text=chunk.text,
            source=chunk.source,
            start=chunk.start,
            end=chunk.end,
            score=round(float(score), 6),
            page=chunk.page,
            heading=chunk.heading,
            chunk_id=chunk.id,
        )
