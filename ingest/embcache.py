"""Vectors by text hash, so an interrupted or repeated run embeds nothing twice.

One folder per embedding backend (``embcache/<hash of spec>/``), holding shard files written
atomically, one per embedded batch: a run killed at any point keeps every finished batch, and
a batch costs one small write (rewriting one big file per batch would grow quadratically).
`compact` folds the shards into one at the end of a run and drops vectors no longer needed.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import zipfile
from pathlib import Path

import numpy as np

from ingest.atomic import atomic_write_bytes

# what np.load raises on a cut-short or overwritten .npz (a zip of .npy files with CRCs)
UNREADABLE = (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile)


def text_key(spec: str, text: str) -> str:
    return hashlib.sha256(f"{spec}\0{text}".encode()).hexdigest()


class EmbeddingCache:
    def __init__(self, folder: Path, spec: str) -> None:
        self.root = folder
        self.spec = spec
        self.folder = folder / hashlib.sha256(spec.encode()).hexdigest()[:16]
        self._vectors: dict[str, np.ndarray] = {}
        self._shards: list[Path] = sorted(self.folder.glob("*.npz")) if self.folder.is_dir() else []
        for shard in self._shards:
            try:
                with np.load(shard) as data:
                    if str(data["spec"]) == spec:
                        self._vectors.update(zip(data["keys"].tolist(), data["vectors"]))
            except UNREADABLE:  # a truncated or overwritten shard only costs re-embedding
                continue

    @staticmethod
    def shard_count(root: Path, spec: str) -> int:
        """Files in the folder of ``spec`` (a finished run leaves at most one)."""
        folder = root / hashlib.sha256(spec.encode()).hexdigest()[:16]
        return sum(1 for _ in folder.iterdir()) if folder.is_dir() else 0

    def __len__(self) -> int:
        return len(self._vectors)

    def get(self, key: str) -> np.ndarray | None:
        return self._vectors.get(key)

    def put_many(self, keys: list[str], vectors: np.ndarray) -> None:
        """Keep the vectors and persist them at once as one new shard."""
        if not keys:
            return
        vectors = np.asarray(vectors, dtype=np.float32)
        self._vectors.update(zip(keys, vectors))
        self._shards.append(self._write_shard(keys, vectors))

    def compact(self, keep: set[str]) -> None:
        """One shard holding exactly the vectors of ``keep``; other backends' folders removed."""
        for other in self.root.iterdir() if self.root.is_dir() else ():
            if other.is_dir() and other != self.folder:
                shutil.rmtree(other, ignore_errors=True)
            elif other.is_file():  # keys.json/vectors.npy of the version-1 layout
                other.unlink(missing_ok=True)
        self._vectors = {k: v for k, v in self._vectors.items() if k in keep}
        keys = sorted(self._vectors)
        files = list(self.folder.iterdir()) if self.folder.is_dir() else []
        if not files and not keys:
            return
        if len(files) == 1 and set(self._shard_keys(files[0])) == set(keys):
            return
        written = self._write_shard(keys, _stack(self._vectors, keys)) if keys else None
        for path in self.folder.iterdir() if self.folder.is_dir() else ():
            if path != written:  # older shards, and temporary files of killed writes
                path.unlink(missing_ok=True)
        self._shards = [written] if written else []

    def _write_shard(self, keys: list[str], vectors: np.ndarray) -> Path:
        name = hashlib.sha256("\n".join(keys).encode()).hexdigest()[:20]
        path = self.folder / f"{name}.npz"
        buffer = io.BytesIO()
        np.savez(buffer, spec=np.array(self.spec), keys=np.array(keys), vectors=vectors)
        atomic_write_bytes(path, buffer.getvalue(), sync=False)
        return path

    @staticmethod
    def _shard_keys(path: Path) -> list[str]:
        try:
            with np.load(path) as data:
                return data["keys"].tolist()
        except UNREADABLE:
            return []


def _stack(vectors: dict[str, np.ndarray], keys: list[str]) -> np.ndarray:
    return np.stack([vectors[k] for k in keys]).astype(np.float32, copy=False)
