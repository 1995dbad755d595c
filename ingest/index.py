"""The vector side of the index: a Chroma collection. The only module that imports chromadb.

Embedded mode uses a `PersistentClient` inside the index folder; ``chroma_url`` switches to a
`chromadb.HttpClient` (``http://host:port``). Vectors are always passed in explicitly: Chroma's
default embedding function would try to download a model.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlparse

import chromadb
import numpy as np

from ingest.errors import IngestConfigError

# Chroma's default ef_search (100) loses recall on 384-d vectors; 500 measured at 0.95+.
HNSW = {"space": "cosine", "ef_search": 500, "ef_construction": 200}


def open_client(index_dir: Path, chroma_url: str = ""):
    if not chroma_url:
        return chromadb.PersistentClient(path=str(index_dir / "chroma"))
    url = urlparse(chroma_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise IngestConfigError(
            f"QA_CHROMA_URL={chroma_url!r} 不是有效地址；请写成 http://主机:端口，例如 http://127.0.0.1:8000"
        )
    port = url.port or (443 if url.scheme == "https" else 8000)
    try:
        return chromadb.HttpClient(host=url.hostname, port=port, ssl=url.scheme == "https")
    except Exception as exc:  # chromadb raises plain ValueError/ConnectionError variants
        raise IngestConfigError(
            f"无法连接 Chroma 服务 {chroma_url}：{exc}；请先启动 `chroma run --path 目录 --port {port}`"
        ) from exc


class VectorIndex:
    def __init__(self, index_dir: Path, collection: str, chroma_url: str = "") -> None:
        self._client = open_client(index_dir, chroma_url)
        self._collection = self._client.get_or_create_collection(
            collection, configuration={"hnsw": HNSW}, embedding_function=None
        )
        self._batch = self._client.get_max_batch_size()

    def ids(self) -> set[str]:
        got = self._collection.get(include=[])
        return set(got["ids"])

    def count(self) -> int:
        return self._collection.count()

    def upsert(
        self, ids: Sequence[str], vectors: np.ndarray, metadatas: Sequence[dict], texts: Sequence[str]
    ) -> None:
        for lo in range(0, len(ids), self._batch):
            hi = lo + self._batch
            self._collection.upsert(
                ids=list(ids[lo:hi]),
                embeddings=vectors[lo:hi].tolist(),
                metadatas=list(metadatas[lo:hi]),
                documents=list(texts[lo:hi]),
            )

    def delete(self, ids: Sequence[str]) -> None:
        ids = list(ids)
        for lo in range(0, len(ids), self._batch):
            self._collection.delete(ids=ids[lo : lo + self._batch])

    def query(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        total = self.count()
        if total == 0:
            return []
        result = self._collection.query(
            query_embeddings=[vector.tolist()],
            n_results=min(k, total),
            where=where or None,
            include=["distances"],
        )
        return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0])]

    def reset(self) -> None:
        name = self._collection.name
        self._client.delete_collection(name)
        self._collection = self._client.get_or_create_collection(
            name, configuration={"hnsw": HNSW}, embedding_function=None
        )
