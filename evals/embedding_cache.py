"""`CachedEmbedder`: passage vectors kept on disk (SQLite) between eval runs.

Embedding the distractor corpora dominates the suite's runtime, and their texts are
deterministic, so a second run reuses every passage vector. Query vectors are never cached:
they are part of the latency the suite measures.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import numpy as np


class CachedEmbedder:
    """Wraps any PolicyQA `Embedder`; same ``spec`` and ``dim``, so indexes built with it match."""

    def __init__(self, embedder, path: Path) -> None:
        self.embedder = embedder
        self.spec = embedder.spec
        self.dim = embedder.dim
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB)")
        self.hits = 0
        self.misses = 0

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.spec}\0passage\0{text}".encode()).hexdigest()

    def passages(self, texts: list[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        found: dict[str, np.ndarray] = {}
        for lo in range(0, len(keys), 500):
            batch = keys[lo : lo + 500]
            marks = ",".join("?" * len(batch))
            for key, blob in self._db.execute(
                f"SELECT key, vector FROM vectors WHERE key IN ({marks})", batch
            ):
                found[key] = np.frombuffer(blob, dtype=np.float32)
        missing = [i for i, key in enumerate(keys) if key not in found]
        if missing:
            vectors = np.asarray(self.embedder.passages([texts[i] for i in missing]), np.float32)
            rows = [(keys[i], vectors[j].tobytes()) for j, i in enumerate(missing)]
            self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
            self._db.commit()
            found.update({keys[i]: vectors[j] for j, i in enumerate(missing)})
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([found[key] for key in keys]).astype(np.float32)

    def query(self, text: str) -> np.ndarray:
        return self.embedder.query(text)

    def close(self) -> None:
        self._db.close()
