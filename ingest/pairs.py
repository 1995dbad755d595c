"""Character pairs → documents: which documents' normalised lower-case texts hold each pair of
adjacent characters, written with the lexical generation (``pairs/``).

A text that contains a needle of two or more characters contains every adjacent pair of it, so
the documents holding all of a needle's pairs are a superset of those holding the needle; the
answerer (`agent.offline.gather.evidence.EvidenceFinder`) tests only those with the exact
substring test instead of scanning the joined texts of every document (62M characters at 10,000
documents) once per word.

Files: ``pairs/keys.npy`` (uint64, sorted: first character's code point << 21 | the second's),
``pairs/indptr.npy`` (int64, one entry a key + 1), ``pairs/docs.npy`` (int32 document rows,
sorted within a key), ``pairs/docs.json`` (the sha256 of each row's document, in the manifest's
document order: a table whose rows are not the index's documents is not used).

Like BM25 (`ingest.lexical`), a re-sync drops the rows of documents removed or changed and
inserts those of the new ones (`PairTable.updated`), equal to a build from scratch.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ingest.arrays import FEW, inserted, npy_bytes, without

PAIRS_VERSION = 1
FOLDER = "pairs"
_SHIFT = np.uint64(21)  # code points are below 0x110000 = 2**21
_ROW_BITS = np.uint64(22)  # a posting while building: key (42 bits) << 22 | document row
_ROW_MASK = np.uint64((1 << 22) - 1)
MAX_DOCUMENTS = 1 << 22


def text_pairs(text: str) -> np.ndarray:
    """The sorted distinct pair keys of ``text`` (uint64)."""
    if len(text) < 2:
        return np.zeros(0, dtype=np.uint64)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    return np.unique((codes[:-1] << _SHIFT) | codes[1:])


def document_pairs(norm_text: str) -> np.ndarray:
    """The pair keys of a document, from its normalised text (lower-cased here, as the answerer
    searches it)."""
    return text_pairs(norm_text.lower())


class PairTable:
    def __init__(self, keys: np.ndarray, indptr: np.ndarray, docs: np.ndarray, shas: list[str]) -> None:
        self.keys = keys
        self.indptr = indptr
        self.docs = docs
        self.shas = shas

    # building ---------------------------------------------------------------------------------
    @classmethod
    def build(cls, pairs: list[np.ndarray], shas: list[str]) -> PairTable:
        """The table of documents whose pair keys are ``pairs`` (row i = document i)."""
        return cls(np.zeros(0, np.uint64), np.zeros(1, np.int64), np.zeros(0, np.int32), []).updated(
            np.zeros(0, dtype=np.int64), pairs, list(range(len(pairs))), shas
        )

    def updated(
        self, old_to_new: np.ndarray, pairs: list[np.ndarray], new_rows: list[int], shas: list[str]
    ) -> PairTable:
        """A table of ``len(shas)`` documents: row ``i`` of this table becomes row
        ``old_to_new[i]`` (-1: dropped; the kept rows keep their order), ``pairs[j]`` are the
        sorted distinct keys of new row ``new_rows[j]``. Equal to `build` of the new rows."""
        if len(shas) > MAX_DOCUMENTS:
            raise ValueError(f"more than {MAX_DOCUMENTS} documents")
        old_to_new = np.asarray(old_to_new, dtype=np.int64)
        if len(self.docs) and sum(len(p) for p in pairs) <= FEW:
            return self._patched(old_to_new, pairs, new_rows, shas)
        # postings as one sorted uint64 each: key << 22 | row
        mapped = old_to_new[self.docs] if len(self.docs) else np.zeros(0, dtype=np.int64)
        keep = mapped >= 0
        merged = np.repeat(np.asarray(self.keys, dtype=np.uint64), np.diff(self.indptr))[keep]
        merged <<= _ROW_BITS
        merged |= mapped[keep].astype(np.uint64)  # a monotone row map keeps the order
        del mapped, keep
        if pairs:
            fresh = np.concatenate(pairs).astype(np.uint64) << _ROW_BITS
            fresh |= np.repeat(np.asarray(new_rows, dtype=np.uint64), [len(p) for p in pairs])
            fresh.sort()
            if len(merged):
                merged = np.insert(merged, np.searchsorted(merged, fresh), fresh)
            else:
                merged = fresh
        keys = merged >> _ROW_BITS
        if len(keys):
            first = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        else:
            first = np.zeros(0, dtype=np.int64)
        indptr = np.empty(len(first) + 1, dtype=np.int64)
        indptr[:-1] = first
        indptr[-1] = len(keys)
        return PairTable(keys[first], indptr, (merged & _ROW_MASK).astype(np.int32), list(shas))

    def _patched(
        self, old_to_new: np.ndarray, pairs: list[np.ndarray], new_rows: list[int], shas: list[str]
    ) -> PairTable:
        """`updated` for a few new postings: the dropped postings are cut out and the new ones
        inserted by slices (one copy of ``docs``, ~0.1 s at 10,000 documents, instead of the
        whole table as 64-bit postings, ~0.5 s)."""
        mapped = old_to_new.astype(np.int32)[self.docs]
        dropped = np.flatnonzero(mapped < 0)
        starts = self.indptr - np.searchsorted(dropped, self.indptr)  # kept postings of each key
        docs = without(mapped, dropped)
        counts = np.diff(starts)
        keys = np.asarray(self.keys, dtype=np.uint64)
        fresh_keys = np.concatenate([np.asarray(p, dtype=np.uint64) for p in pairs]) if pairs else np.zeros(0, np.uint64)
        fresh_rows = np.repeat(np.asarray(new_rows, dtype=np.int64), [len(p) for p in pairs])
        order = np.lexsort((fresh_rows, fresh_keys))  # by key, then row
        fresh_keys, fresh_rows = fresh_keys[order], fresh_rows[order]
        slot = np.searchsorted(keys, fresh_keys)  # the key, or the first key after it
        known = slot < len(keys)
        known[known] = keys[slot[known]] == fresh_keys[known]
        at = np.empty(len(fresh_keys), dtype=np.int64)
        for n, (k, is_known, row) in enumerate(zip(slot.tolist(), known.tolist(), fresh_rows.tolist())):
            lo = int(starts[k])
            # a known key: among its rows, in order; a new key: where the next key's rows start
            at[n] = lo + int(np.searchsorted(docs[lo : int(starts[k + 1])], row)) if is_known else lo
        docs = inserted(docs, at, fresh_rows.astype(np.int32))
        counts = counts + np.bincount(slot[known], minlength=len(keys))
        added, added_counts = np.unique(fresh_keys[~known], return_counts=True)
        where = np.searchsorted(keys, added)
        keys = inserted(keys, where, added)
        counts = inserted(counts, where, added_counts)
        used = counts > 0  # a key whose every document left goes
        keys, counts = keys[used], counts[used]
        indptr = np.zeros(len(keys) + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        return PairTable(keys, indptr, docs, list(shas))

    # files ------------------------------------------------------------------------------------
    def files(self) -> dict[str, bytes]:
        out = {}
        for name, array in (("keys.npy", self.keys), ("indptr.npy", self.indptr), ("docs.npy", self.docs)):
            out[f"{FOLDER}/{name}"] = npy_bytes(array)
        head = {"version": PAIRS_VERSION, "shas": self.shas}
        out[f"{FOLDER}/docs.json"] = json.dumps(head).encode()
        return out

    @classmethod
    def load(cls, folder: Path, mmap: bool = True) -> PairTable | None:
        """The table of generation folder ``folder``, or None when it has none (an index written
        before it), another version, or files that do not fit together."""
        base = folder / FOLDER
        try:
            head = json.loads((base / "docs.json").read_text(encoding="utf-8"))
            if head.get("version") != PAIRS_VERSION:
                return None
            mode = "r" if mmap else None
            keys, indptr, docs = (np.load(base / n, mmap_mode=mode) for n in ("keys.npy", "indptr.npy", "docs.npy"))
        except (OSError, ValueError, TypeError, AttributeError, EOFError):
            return None
        shas = head.get("shas")
        if (
            not isinstance(shas, list)
            or keys.dtype != np.uint64 or indptr.dtype != np.int64 or docs.dtype != np.int32
            or len(indptr) != len(keys) + 1
            or int(indptr[-1]) != len(docs)
        ):
            return None
        # plain arrays over the mapping: a memmap's own indexing costs more than the look-up
        return cls(np.asarray(keys), np.asarray(indptr), np.asarray(docs), shas)

    # queries ----------------------------------------------------------------------------------
    def candidates(self, needle: str) -> np.ndarray:
        """Ascending rows of the documents that hold every adjacent pair of ``needle`` (two or
        more characters): a superset of those whose text contains it."""
        wanted = text_pairs(needle)
        if not len(wanted):
            raise ValueError("a needle of two or more characters")
        keys = self.keys
        at = np.searchsorted(keys, wanted)
        if int(at[-1]) >= len(keys) or not np.array_equal(keys[np.minimum(at, len(keys) - 1)], wanted):
            return np.zeros(0, dtype=np.int32)  # a pair no document has
        lo, hi = self.indptr[at], self.indptr[at + 1]
        order = np.argsort(hi - lo, kind="stable")  # rarest first
        docs = self.docs
        rows = docs[int(lo[order[0]]) : int(hi[order[0]])]
        for k in order[1:].tolist():
            if not len(rows):
                break
            other = docs[int(lo[k]) : int(hi[k])]
            found = np.searchsorted(other, rows)
            found[found >= len(other)] = 0
            rows = rows[other[found] == rows]
        return np.array(rows, dtype=np.int32)
