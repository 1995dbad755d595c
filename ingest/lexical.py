"""The lexical side of the index: BM25 over jieba tokens, persisted with the index.

Stored as term frequencies, not as precomputed scores: a chunk's postings (token id, count) and
its length do not depend on the rest of the collection, so a re-sync that changes one document
removes that document's postings and inserts the new ones (`LexicalIndex.updated`) instead of
re-tokenising and re-scoring every chunk. Scores are computed per query with the Lucene BM25 of
bm25s (k1 = 1.5, b = 0.75, idf = log(1 + (N - df + 0.5) / (df + 0.5))), in the same arithmetic
(float64 term-frequency part, float32 idf and per-token scores, float32 sums in query-token
order), so they equal bm25s's to the bit (tests/test_lexical.py) and an updated index scores
exactly as one built from scratch.

Files (``bm25/``): ``size.txt`` (chunks), ``vocab.txt`` (one token a line, id = line number),
``indptr.npy`` (int64, one entry a token + 1), ``rows.npy`` (int32 chunk rows, sorted within a
token), ``tf.npy`` (uint16 counts; float32 if one ever exceeds 65,535), ``lengths.npy`` (int32 tokens a chunk).
An index written by bm25s (``params.index.json``) is still read.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import numpy as np

from ingest.arrays import inserted, npy_bytes, without
from ingest.errors import IndexDamagedError

EMPTY = "\u2205"  # stands for a chunk without tokens (as bm25s, which refuses empty documents)
K1 = 1.5
B = 0.75
_FILES = ("indptr.npy", "rows.npy", "tf.npy", "lengths.npy")


class LexicalIndex:
    def __init__(
        self,
        vocab: list[str],
        indptr: np.ndarray,
        rows: np.ndarray,
        tf: np.ndarray,
        lengths: np.ndarray,
    ) -> None:
        self.vocab = vocab
        self.ids = {token: i for i, token in enumerate(vocab)}
        self.indptr = np.asarray(indptr, dtype=np.int64)
        self.rows = np.asarray(rows, dtype=np.int32)
        tf = np.asarray(tf)
        self.tf = tf if tf.dtype == np.uint16 else tf.astype(np.float32, copy=False)
        self.lengths = np.asarray(lengths, dtype=np.int32)
        self.size = len(self.lengths)
        self._legacy = None  # a bm25s index read from an older index folder
        self._norm: np.ndarray | None = None

    # building ---------------------------------------------------------------------------------
    @classmethod
    def build(cls, tokens: list[list[str]]) -> LexicalIndex:
        """The index of chunks whose tokens are ``tokens`` (row i = chunk i)."""
        return cls._empty().updated(np.zeros(0, dtype=np.int64), tokens, len(tokens),
                                    np.arange(len(tokens)))

    @classmethod
    def _empty(cls) -> LexicalIndex:
        return cls([], np.zeros(1, dtype=np.int64), np.zeros(0, np.int32), np.zeros(0, np.float32),
                   np.zeros(0, np.int32))

    def updated(
        self,
        old_to_new: np.ndarray,
        tokens: list[list[str]],
        size: int,
        new_rows: np.ndarray | list[int],
    ) -> LexicalIndex:
        """A new index of ``size`` chunks: row ``i`` of this index becomes row ``old_to_new[i]``
        (-1: dropped), and ``tokens[j]`` are the tokens of new row ``new_rows[j]``. The kept rows
        must keep their order. Equal, score for score, to building the new rows from scratch."""
        if self._legacy is not None:
            raise ValueError("an index written by bm25s cannot be updated; rebuild it")
        old_to_new = np.asarray(old_to_new, dtype=np.int64)
        new_rows = np.asarray(new_rows, dtype=np.int64)
        vocab = list(self.vocab)
        ids = dict(self.ids)
        lengths = np.zeros(size, dtype=np.int32)
        kept = old_to_new >= 0
        lengths[old_to_new[kept]] = self.lengths[kept]
        # postings of the rows kept, renumbered: a monotone row map keeps each token's rows sorted
        # (int32 throughout, and only the few dropped postings are located: a re-sync of one
        # document in 10,000 keeps ~16M postings)
        mapped = old_to_new.astype(np.int32)[self.rows] if len(self.rows) else np.zeros(0, np.int32)
        dropped = np.flatnonzero(mapped < 0)
        # where each old token's kept postings start: its old start less the drops before it
        starts = self.indptr - np.searchsorted(dropped, self.indptr)
        rows, tf = without(mapped, dropped), without(self.tf, dropped)
        # postings of the new rows, each inserted where its token's rows stay sorted
        new_postings: list[tuple[int, int, int]] = []
        for row, toks in zip(new_rows.tolist(), tokens):
            toks = toks or [EMPTY]
            lengths[row] = len(toks)
            for token, count in Counter(toks).items():
                tid = ids.get(token)
                if tid is None:
                    tid = ids[token] = len(vocab)
                    vocab.append(token)
                new_postings.append((tid, row, count))
        new_postings.sort()
        old_vocab = len(self.vocab)
        at = np.empty(len(new_postings), dtype=np.int64)
        for n, (tid, row, _) in enumerate(new_postings):
            if tid < old_vocab:
                lo, hi = int(starts[tid]), int(starts[tid + 1])
                at[n] = lo + int(np.searchsorted(rows[lo:hi], row))
            else:  # a token new to the index: after every kept posting, in token order
                at[n] = len(rows)
        cols = np.fromiter((p[0] for p in new_postings), dtype=np.int64, count=len(new_postings))
        rows = inserted(rows, at, np.fromiter((p[1] for p in new_postings), dtype=np.int32,
                                              count=len(new_postings)))
        counts = np.fromiter((p[2] for p in new_postings), dtype=np.float32, count=len(new_postings))
        if tf.dtype != np.uint16 or (len(counts) and float(counts.max()) >= 65536):
            tf = tf.astype(np.float32)  # uint16 while every count fits (the counts are equal)
        tf = inserted(tf, at, counts)
        indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        indptr[: old_vocab + 1] = starts
        indptr[old_vocab + 1 :] = starts[-1]
        indptr[1:] += np.cumsum(np.bincount(cols, minlength=len(vocab)))
        return LexicalIndex(vocab, indptr, rows, tf, lengths)

    # files ------------------------------------------------------------------------------------
    @property
    def legacy(self) -> bool:
        """Read from a bm25s index (an older index folder): scores, but cannot be updated."""
        return self._legacy is not None

    def files(self) -> dict[str, bytes]:
        """``{file name: bytes}`` of the saved index."""
        out = {
            "size.txt": str(self.size).encode(),
            "vocab.txt": "".join(f"{t}\n" for t in self.vocab).encode("utf-8"),
        }
        tf = self.tf
        if not len(tf) or float(tf.max()) < 65536:  # counts: two bytes each on disk and in memory
            tf = tf.astype(np.uint16, copy=False)
        for name, array in zip(_FILES, (self.indptr, self.rows, tf, self.lengths)):
            out[name] = npy_bytes(array)
        return out

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in self.files().items():
            (folder / name).write_bytes(data)

    @classmethod
    def load(cls, folder: Path, expected: int | None = None, mmap: bool = False) -> LexicalIndex:
        """The index saved in ``folder``; `IndexDamagedError` if it cannot be read or does not
        hold ``expected`` chunks. ``mmap``: the arrays are mapped, not copied in (a re-sync
        reads each posting once; ~0.2 s less at 10,000 documents; an app keeps resident only
        the pages of the postings its questions look up, of ~95 MB of rows and counts)."""
        size_file = folder / "size.txt"
        try:
            size = int(size_file.read_text(encoding="utf-8")) if size_file.is_file() else 0
        except ValueError as exc:
            raise IndexDamagedError(size_file, f"无法解析：{exc}") from exc
        if expected is not None and size != expected:
            raise IndexDamagedError(size_file, f"记录 {size} 块，索引有 {expected} 块")
        if (folder / "params.index.json").is_file():
            return cls._load_bm25s(folder, size)
        if size == 0 and not (folder / "vocab.txt").is_file():
            return cls._empty()
        try:
            vocab = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")[:-1]
            arrays = [np.load(folder / name, mmap_mode="r" if mmap else None) for name in _FILES]
        except (ValueError, OSError, EOFError) as exc:
            raise IndexDamagedError(folder, f"BM25 索引无法读取：{exc}") from exc
        indptr, rows, tf, lengths = arrays
        try:
            low, high = _range(rows) if len(rows) else (0, -1)
        except (ValueError, OSError) as exc:
            raise IndexDamagedError(folder, f"BM25 索引无法读取：{exc}") from exc
        if (
            len(indptr) != len(vocab) + 1
            or len(lengths) != size
            or len(rows) != len(tf)
            or int(indptr[-1]) != len(rows)
            or high >= size
            or low < 0
        ):
            raise IndexDamagedError(folder, "BM25 索引的各文件互不一致")
        return cls(vocab, indptr, rows, tf, lengths)

    @classmethod
    def _load_bm25s(cls, folder: Path, size: int) -> LexicalIndex:
        import bm25s

        try:  # bm25s reads JSON and numpy files: any of them may be cut short
            retriever = bm25s.BM25.load(str(folder), show_progress=False)
        except (ValueError, OSError, KeyError, EOFError, TypeError, IndexError) as exc:
            raise IndexDamagedError(folder, f"BM25 索引无法读取：{exc}") from exc
        index = cls._empty()
        index.size = size
        index._legacy = retriever
        return index

    # queries ----------------------------------------------------------------------------------
    def document_frequency(self) -> dict[str, int]:
        """``{token: number of chunks that contain it}``, read off the index (the column lengths
        of the postings) instead of re-tokenising every chunk."""
        if self._legacy is not None:
            indptr = np.asarray(self._legacy.scores["indptr"])
            counts = np.diff(indptr).tolist()
            items = self._legacy.vocab_dict.items()
        else:
            counts = np.diff(self.indptr).tolist()
            items = self.ids.items()
        return {
            token: counts[i]
            for token, i in items
            if i < len(counts) and counts[i] and token not in ("", EMPTY)
        }

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk (row order of the build), zeros for an empty query."""
        if self._legacy is not None:
            if not query_tokens:
                return np.zeros(self.size, dtype=np.float32)
            return np.asarray(self._legacy.get_scores(query_tokens), dtype=np.float32)
        out = np.zeros(self.size, dtype=np.float32)
        if not query_tokens or not self.size:
            return out
        norm = self._length_norm()
        n = self.size
        for token in query_tokens:  # a repeated token counts again, as in bm25s
            tid = self.ids.get(token)
            if tid is None:
                continue
            lo, hi = int(self.indptr[tid]), int(self.indptr[tid + 1])
            if hi == lo:
                continue
            df = hi - lo
            idf = np.float32(math.log(1 + (n - df + 0.5) / (df + 0.5)))
            rows = self.rows[lo:hi]
            tf = self.tf[lo:hi].astype(np.float64)
            out[rows] += (idf * (tf / (norm[rows] + tf))).astype(np.float32)
        return out

    def _length_norm(self) -> np.ndarray:
        """k1 · (1 - b + b · length / mean length) of every chunk, float64 as in bm25s."""
        if self._norm is None:
            mean = np.float64(int(self.lengths.sum(dtype=np.int64))) / self.size
            self._norm = K1 * ((1 - B) + B * self.lengths.astype(np.float64) / mean)
        return self._norm


_BLOCK = 1 << 20  # entries read at a time by `_range`


def _range(array: np.ndarray) -> tuple[int, int]:
    """(min, max) of a non-empty array; of a mapped one (`np.memmap`), read from its file a block
    at a time: scanning the mapping would make every page of it resident in the process."""
    if not isinstance(array, np.memmap) or array.filename is None:
        return int(array.min()), int(array.max())
    low, high = [], []
    with open(array.filename, "rb") as handle:
        handle.seek(array.offset)
        left = len(array)
        while left:
            part = np.fromfile(handle, dtype=array.dtype, count=min(_BLOCK, left))
            if not len(part):
                raise ValueError(f"{array.filename} is shorter than its header says")
            left -= len(part)
            low.append(int(part.min()))
            high.append(int(part.max()))
    return min(low), max(high)
