"""The lexical side of the index: BM25 (bm25s) over jieba tokens, persisted with the index."""

from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np

from ingest.errors import IndexDamagedError

EMPTY = "\u2205"  # stands for a chunk without tokens (bm25s refuses empty documents)


class LexicalIndex:
    def __init__(self, retriever: bm25s.BM25 | None, size: int) -> None:
        self._bm25 = retriever
        self.size = size

    @classmethod
    def build(cls, tokens: list[list[str]]) -> LexicalIndex:
        if not tokens:
            return cls(None, 0)
        retriever = bm25s.BM25()
        retriever.index([t or [EMPTY] for t in tokens], show_progress=False)
        return cls(retriever, len(tokens))

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "size.txt").write_text(str(self.size), encoding="utf-8")
        if self._bm25 is not None:
            self._bm25.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path, expected: int | None = None) -> LexicalIndex:
        """The index saved in ``folder``; `IndexDamagedError` if it cannot be read or does not
        hold ``expected`` chunks."""
        size_file = folder / "size.txt"
        try:
            size = int(size_file.read_text(encoding="utf-8")) if size_file.is_file() else 0
        except ValueError as exc:
            raise IndexDamagedError(size_file, f"无法解析：{exc}") from exc
        if expected is not None and size != expected:
            raise IndexDamagedError(size_file, f"记录 {size} 块，索引有 {expected} 块")
        if size == 0:
            return cls(None, 0)
        try:  # bm25s reads JSON and numpy files: any of them may be cut short
            retriever = bm25s.BM25.load(str(folder), show_progress=False)
        except (ValueError, OSError, KeyError, EOFError, TypeError, IndexError) as exc:
            raise IndexDamagedError(folder, f"BM25 索引无法读取：{exc}") from exc
        return cls(retriever, size)

    def document_frequency(self) -> dict[str, int]:
        """``{token: number of chunks that contain it}``, read off the index (the column lengths
        of bm25s's term-by-chunk score matrix) instead of re-tokenising every chunk."""
        if self._bm25 is None:
            return {}
        indptr = np.asarray(self._bm25.scores["indptr"])
        counts = np.diff(indptr).tolist()
        return {
            token: counts[i]
            for token, i in self._bm25.vocab_dict.items()
            if i < len(counts) and counts[i] and token not in ("", EMPTY)
        }

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk (row order of the build), zeros for an empty query."""
        if self._bm25 is None or not query_tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(query_tokens), dtype=np.float32)
