"""Chunk vectors pooled from sentence vectors, so each character is embedded once.

A chunk's vector is the L2-normalised mean of the vectors of its sentences (e5 itself mean-pools
token states, so the mean of sentence vectors stays in the same space). Chosen over embedding
chunks separately by retrieval quality measured side by side (benchmarks/retrieval_quality.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ingest.types import Chunk


def pool_chunks(
    chunks: Sequence[Chunk], sentence_keys: Sequence[Sequence], sentence_vectors: np.ndarray
) -> np.ndarray:
    """One row per chunk: the normalised mean of its sentences' rows of ``sentence_vectors``,
    weighted by sentence length (a long sentence carries more of the chunk's content)."""
    dim = sentence_vectors.shape[1] if sentence_vectors.ndim == 2 else 0
    out = np.zeros((len(chunks), dim), dtype=np.float32)
    row_of = {(s, a, b): i for i, (s, a, b) in enumerate(sentence_keys)}
    for i, chunk in enumerate(chunks):
        rows = [row_of[(chunk.source, s.start, s.end)] for s in chunk.sentences]
        weights = np.asarray([s.end - s.start for s in chunk.sentences], dtype=np.float32)
        mean = weights @ sentence_vectors[rows] if rows else np.zeros(dim, dtype=np.float32)
        norm = float(np.linalg.norm(mean))
        out[i] = mean / norm if norm > 0 else mean
    return out
